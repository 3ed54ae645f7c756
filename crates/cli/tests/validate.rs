//! The CLI as the people who run the guide use it: a real process, real files.

mod common;
use common::{qiaosi, shipped};

#[test]
fn the_shipped_pack_validates() {
    let (code, out, _) = qiaosi(&["validate", &shipped()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(": ok — version"), "{out}");
}

#[test]
fn prints_every_problem_and_fails() {
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(shipped()).unwrap()).unwrap();
    // The one place with a position: the metro station, from Wikipedia's coordinates.
    let station = v["places"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == "qiaosi-station")
        .unwrap();
    v["places"][station]["position"]["lat"] = serde_json::json!(91.5);
    v["places"][1]["category"] = serde_json::json!("nightclub");
    let dir = std::env::temp_dir().join(format!("qiaosi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, out, err) = qiaosi(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!("places[{station}].position.lat: out of range")),
        "{out}"
    );
    assert!(
        out.contains("places[1].category: unknown category \"nightclub\""),
        "{out}"
    );
    assert!(err.contains("2 problem(s)"), "{err}");
}

#[test]
fn a_missing_file_or_bad_usage_is_explained() {
    let (code, _, err) = qiaosi(&["validate", "/nonexistent/pack.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let (code, _, err) = qiaosi(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
}

#[test]
fn a_source_dated_after_today_is_refused_by_the_cli() {
    let text = std::fs::read_to_string(shipped()).unwrap();
    // The shipped pack's newest source is from 2024: fine today, refused "in" 2020.
    let (code, out, _) = qiaosi(&["validate", &shipped(), "--today", "2026-11-30"]);
    assert_eq!(code, 0, "{out}");
    let (code, out, err) = qiaosi(&["validate", &shipped(), "--today", "2020-01-01"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("is after today (2020-01-01)"), "{out}");
    assert!(err.contains("problem(s)"), "{err}");
    assert!(text.contains("\"date\""));
    let (code, _, err) = qiaosi(&["validate", &shipped(), "--today", "soon"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a date"), "{err}");
}
