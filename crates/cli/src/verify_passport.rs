//! `qiaosi verify-passport <text-or-file> --pack pack.json`: lets staff check a visitor's
//! exported check-in passport (for a prize, say) against the pack's keys, with no server.
//!
//! Prints every stamp with its verdict; exits 1 if the passport or any stamp is refused,
//! naming which, so one forged stamp cannot hide among genuine ones.

use crate::args::{fail, load_pack, show, Args};
use qiaosi_core::checkin::{passport_check, Refusal};
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi verify-passport <passport text or file> --pack pack.json";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["pack"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let [input] = a.positional.as_slice() else {
        return fail(&format!("usage: {USAGE}"));
    };
    let pack = match a.need("pack").and_then(load_pack) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    // A path that exists is read; anything else is taken as the passport text itself.
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(_) if !std::path::Path::new(input).exists() => input.to_string(),
        Err(e) => return fail(&format!("{input}: cannot read: {e}")),
    };
    let stamps = match passport_check(&text, &pack.checkin.keys, &pack.checkin.points) {
        Ok(s) => s,
        Err(r) => {
            println!("passport refused: {}", whole(r));
            return ExitCode::FAILURE;
        }
    };
    let mut refused = Vec::new();
    for (i, s) in stamps.iter().enumerate() {
        let n = i + 1;
        match s {
            Ok(v) => {
                let name = pack.checkin_point_name(&v.verified.point_id);
                println!(
                    "stamp {n}: ok — {} ({} / {}), stamped {}, key {}",
                    v.verified.point_id,
                    name.zh,
                    name.en,
                    show(v.at),
                    v.verified.key_id
                );
            }
            Err(r) => {
                println!("stamp {n}: REFUSED — {}", per_stamp(*r));
                refused.push(n.to_string());
            }
        }
    }
    if refused.is_empty() {
        eprintln!("{} stamp(s), all genuine", stamps.len());
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "refused stamp(s): {} of {}",
            refused.join(", "),
            stamps.len()
        );
        ExitCode::FAILURE
    }
}

/// Refusals of the passport as a whole: its framing or its integrity check failed.
fn whole(r: Refusal) -> String {
    match r {
        Refusal::Malformed => "not a passport export, or it was damaged or edited".into(),
        other => other.to_string(),
    }
}

/// A stamp's refusal in terms of the stamp: its time is checked against its code's window.
fn per_stamp(r: Refusal) -> String {
    match r {
        Refusal::Malformed => "not a genuine stamp (damaged, or a second stamp for the same point \
                               on the same day)"
            .into(),
        Refusal::NotYetValid => "stamped before its code was valid".into(),
        Refusal::Expired => "stamped after its code had expired".into(),
        other => other.to_string(),
    }
}
