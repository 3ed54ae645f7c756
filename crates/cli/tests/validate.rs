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
    v["places"][3]["position"]["lat"] = serde_json::json!(91.5);
    v["places"][1]["category"] = serde_json::json!("nightclub");
    let dir = std::env::temp_dir().join(format!("qiaosi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(&bad, v.to_string()).unwrap();
    let (code, out, err) = qiaosi(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("places[3].position.lat: out of range"),
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
