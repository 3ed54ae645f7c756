//! `qiaosi verify-passport <text-or-file> --pack pack.json [--reward ID [--now TIME]]`: lets
//! staff check a visitor's exported check-in passport (for a prize, say) against the pack's
//! keys, with no server.
//!
//! Prints every stamp with its verdict. Without `--reward`, exits 1 if the passport or any
//! stamp is refused, naming which, so one forged stamp cannot hide among genuine ones. With
//! `--reward`, judges that reward as the staff page does (distinct points inside its window,
//! nothing dated more than 10 minutes after `--now`, default the computer's clock) and exits 0
//! only when it is earned.

use crate::args::{fail, from_time, load_pack, show, Args};
use qiaosi_core::checkin::{judge, passport_check, Refusal, Why};
use qiaosi_core::content::Pack;
use qiaosi_core::time::LocalDateTime;
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi verify-passport <passport text or file> --pack pack.json \
                         [--reward ID [--now YYYY-MM-DDTHH:MM]]";

/// What a poster stamp is worth, said wherever a reward is judged.
const PROVES: &str = "A poster stamp proves the code was genuine, not that the person was there; \
                      a desk stamp proves the phone read the desk's screen within about a minute.";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["pack", "reward", "now"]) {
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
    let reward = match a.get("reward") {
        None if a.get("now").is_some() => return fail("--now only goes with --reward"),
        None => None,
        Some(id) => match pack.checkin.rewards.iter().find(|r| r.id == id) {
            Some(r) => Some(r),
            None => return fail(&format!("the pack has no reward \"{id}\"")),
        },
    };
    let now = match a.get("now").map(from_time) {
        Some(Ok(t)) => t,
        Some(Err(e)) => return fail(&e),
        None => clock(),
    };
    // A path that exists is read; anything else is taken as the passport text itself.
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(_) if !std::path::Path::new(input).exists() => input.to_string(),
        Err(e) => return fail(&format!("{input}: cannot read: {e}")),
    };
    let checked = match passport_check(
        &text,
        &pack.checkin.keys,
        &pack.checkin.points,
        &pack.checkin.revoked_codes,
    ) {
        Ok(c) => c,
        Err(r) => {
            println!("passport refused: {}", whole(r));
            return ExitCode::FAILURE;
        }
    };
    println!(
        "install {} (every stamp must be signed by it)",
        checked.install
    );
    let stamps = checked.stamps;
    let judged = reward.map(|r| (r, judge(r, &pack, &stamps, now)));
    let mut refused = Vec::new();
    for (i, s) in stamps.iter().enumerate() {
        let n = i + 1;
        let why = judged.as_ref().map(|(_, j)| j.per_stamp[i]);
        let verdict = match why {
            None | Some(Why::NotGenuine(_)) => String::new(),
            Some(Why::Counts) => " — counts".into(),
            Some(w) => format!(" — does not count: {}", why_text(w)),
        };
        match s {
            Ok(v) => {
                let name = pack.checkin_point_name(&v.verified.point_id);
                println!(
                    "stamp {n}: ok — {} {} ({} / {}), stamped {}, key {}{verdict}",
                    if v.verified.is_desk() {
                        "desk"
                    } else {
                        "poster"
                    },
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
    if let Some((r, j)) = judged {
        println!("judged with pack {} at {}", pack_age(&pack), show(now));
        println!("{PROVES}");
        let (k, need) = (j.points, j.need);
        if j.copied {
            println!(
                "a stamp was made on another phone and copied in: this passport earns nothing"
            );
        }
        if j.earned {
            println!("reward {}: earned ({k} of {need} distinct points)", r.id);
            return ExitCode::SUCCESS;
        }
        println!(
            "reward {}: not earned ({k} of {need} distinct points)",
            r.id
        );
        return ExitCode::FAILURE;
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

/// The computer's clock as Shanghai wall-clock time.
fn clock() -> LocalDateTime {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    LocalDateTime::from_unix_ms(ms)
}

/// The pack's version and the day it was generated: what staff judged with.
fn pack_age(pack: &Pack) -> String {
    format!(
        "version {} (generated {})",
        pack.meta.version, pack.meta.generated
    )
}

/// Why a genuine stamp does not count towards the reward.
fn why_text(w: Why) -> String {
    match w {
        Why::Counts => "counts".into(),
        Why::NotGenuine(r) => per_stamp(r),
        Why::Future => "dated more than 10 minutes after this check's clock".into(),
        Why::OutsideWindow => "dated outside the reward's days".into(),
        Why::NotListed => "its point is not one of the reward's".into(),
        Why::NeedsDesk => "needs a desk stamp (动态打卡码); a poster stamp is not one".into(),
        Why::SamePointAgain => "this point already counted (points count once, not per day)".into(),
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
        Refusal::DeskStale => "its time is not when the desk showed the code".into(),
        other => other.to_string(),
    }
}
