//! `qiaosi ledger merge <export.json…> [--out merged.json]`: joins the redemption ledgers that
//! staff phones export and lists every reward given twice to one install (at two desks that
//! had not yet exchanged ledgers). Exits 1 when there is a double redemption, 0 when none.

use crate::args::{fail, Args};
use qiaosi_core::checkin::ledger::{merge, Ledger};
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi ledger merge <ledger.json>… [--out merged.json]";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match argv {
        ["merge", rest @ ..] => Args::parse(rest, &["out"]),
        _ => Err(format!("usage: {USAGE}")),
    };
    let a = match a {
        Ok(a) if !a.positional.is_empty() => a,
        Ok(_) => return fail(&format!("usage: {USAGE}")),
        Err(e) => return fail(&e),
    };
    let mut ledgers = Vec::new();
    for path in &a.positional {
        let read = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: cannot read: {e}"))
            .and_then(|t| Ledger::from_json(&t).map_err(|e| format!("{path}: {e}")));
        match read {
            Ok(l) => ledgers.push(l),
            Err(e) => return fail(&e),
        }
    }
    let m = merge(&ledgers);
    if let Some(out) = a.get("out") {
        let text = Ledger::new(m.redemptions.clone()).to_json();
        if let Err(e) = std::fs::write(out, text + "\n") {
            return fail(&format!("{out}: cannot write: {e}"));
        }
    }
    println!(
        "{} redemption(s) from {} ledger(s)",
        m.redemptions.len(),
        ledgers.len()
    );
    for (first, again) in &m.doubles {
        println!(
            "DOUBLE: reward {} to install {}: {} at {}, again {} at {}",
            first.reward, first.install, first.at, first.desk, again.at, again.desk
        );
    }
    if m.doubles.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("{} double redemption(s)", m.doubles.len());
        ExitCode::FAILURE
    }
}
