//! `qiaosi`: the content tool for the people who run Qiaosi Guide.
//!
//! `qiaosi validate <pack.json>` checks a content pack with the same rules the app applies
//! before it accepts a pack, and prints every problem with its JSON path.

use std::process::ExitCode;

const USAGE: &str = "usage: qiaosi validate <pack.json>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate", path] => validate(path),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn validate(path: &str) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    match qiaosi_core::validate::load(&text) {
        Ok(pack) => {
            println!(
                "{path}: ok — version {}, {} places, {} routes, {} festival editions, {} check-in points",
                pack.meta.version,
                pack.places.len(),
                pack.routes.len(),
                pack.festival.len(),
                pack.checkin.points.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{path}: {p}");
            }
            eprintln!(
                "{path}: {} problem(s); the pack would be refused",
                problems.len()
            );
            ExitCode::FAILURE
        }
    }
}
