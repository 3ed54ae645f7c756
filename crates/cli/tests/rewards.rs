//! `verify-passport --reward`: a prize judged as staff would, with the real binary. A passport
//! built offline from one poster code, its stamps re-dated over five days, is one point.

use qiaosi_core::checkin::{self, Stamp};
use qiaosi_core::time::{Date, LocalDateTime};
use serde_json::json;
use std::path::Path;
mod common;
use common::{qiaosi, scratch_dir as dir};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A key from `keygen`, a pack with it and two rewards, and one five-day poster code for the
/// parlour. Returns (pack file, token).
fn setup(d: &Path) -> (String, String) {
    let (key, mut pack) = common::keyed_pack(d, "k7");
    let reward = |id: &str, need: u32| {
        json!({ "id": id, "name": { "zh": "奖", "en": "Prize" }, "need": need,
                "from": "2024-09-01", "until": "2024-09-30" })
    };
    pack["checkin"]["rewards"] = json!([reward("two", 2), reward("one", 1)]);
    let file = d.join("pack.json");
    std::fs::write(&file, pack.to_string()).unwrap();
    let (code, url, err) = qiaosi(&[
        "issue",
        "--key",
        s(&key),
        "--point",
        "tide-parlour",
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-22",
        "--host",
        "https://guide.example",
        "--pack",
        s(&file),
    ]);
    assert_eq!(code, 0, "{err}");
    let token = checkin::token_in(url.trim()).to_string();
    (s(&file).to_string(), token)
}

/// The same code stamped at noon on each of its five days.
fn five_days(token: &str) -> String {
    let stamps: Vec<_> = (18..=22)
        .map(|day| Stamp {
            point_id: "tide-parlour".into(),
            token: token.into(),
            at: LocalDateTime {
                date: Date::parse(&format!("2024-09-{day}")).unwrap(),
                minute: 12 * 60,
            },
            sig: String::new(),
        })
        .collect();
    common::passport(&stamps)
}

#[test]
fn one_code_redated_over_five_days_earns_nothing_that_needs_two_points() {
    let d = dir("rewards");
    let (pack, token) = setup(&d);
    let passport = five_days(&token);
    let check = |reward: &str, now: &str| {
        qiaosi(&[
            "verify-passport",
            &passport,
            "--pack",
            &pack,
            "--reward",
            reward,
            "--now",
            now,
        ])
    };
    let (code, out, err) = check("two", "2024-10-01T12:00");
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("reward two: not earned (1 of 2 distinct points)"),
        "{out}"
    );
    assert!(
        out.contains("stamp 1: ok") && out.contains("— counts"),
        "{out}"
    );
    assert_eq!(
        out.matches("this point already counted").count(),
        4,
        "{out}"
    );
    assert!(out.contains("not that the person was there"), "{out}");
    assert!(out.contains("judged with pack version"), "{out}");
    // Without --reward every stamp is genuine, as before.
    assert_eq!(
        qiaosi(&["verify-passport", &passport, "--pack", &pack]).0,
        0
    );
    // One point is what it is worth.
    let (code, out, _) = check("one", "2024-10-01T12:00");
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("reward one: earned (1 of 1 distinct points)"),
        "{out}"
    );
    // Checked on the 20th at 11:55: noon that day is a drifting clock, the 21st and 22nd the future.
    let (_, out, _) = check("one", "2024-09-20T11:55");
    assert_eq!(
        out.matches("dated more than 10 minutes after").count(),
        2,
        "{out}"
    );
    // An unknown reward, or --now alone, is a usage error.
    assert_eq!(check("nope", "2024-10-01").0, 2);
    assert_eq!(
        qiaosi(&[
            "verify-passport",
            &passport,
            "--pack",
            &pack,
            "--now",
            "2024-10-01"
        ])
        .0,
        2
    );
}
