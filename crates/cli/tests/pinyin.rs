//! `qiaosi pinyin` as the people who run the guide use it: a real process, real files.

use serde_json::{json, Value};
use std::path::PathBuf;
mod common;
use common::{qiaosi, shipped, shipped_json};

/// A file of its own per test, as the tests run in parallel.
fn scratch(name: &str, v: &Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qiaosi-pinyin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    path
}

#[test]
fn the_shipped_pack_has_fresh_keys() {
    let (code, out, err) = qiaosi(&["pinyin", "--check", &shipped()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("up to date"), "{out}");
    let v = shipped_json();
    assert_eq!(v["places"][0]["pinyin"], json!(["24 xiao shi tu shu guan"]));
}

#[test]
fn check_fails_when_keys_are_missing_or_stale() {
    let mut v = shipped_json();
    v["places"][0].as_object_mut().unwrap().remove("pinyin");
    v["places"][1]["name"]["zh"] = json!("杭州新书房");
    let path = scratch("stale.json", &v);
    let before = std::fs::read_to_string(&path).unwrap();
    let (code, out, err) = qiaosi(&["pinyin", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("\"library-24h\": pinyin keys are stale"),
        "{out}"
    );
    assert!(out.contains("\"hangzhou-study-room\""), "{out}");
    assert!(!out.contains("linpin-bookshop"), "{out}");
    assert!(err.contains("qiaosi pinyin"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        before,
        "--check wrote"
    );
}

#[test]
fn fills_keys_for_a_new_place_and_keeps_the_rest() {
    let mut v = shipped_json();
    let new = v["places"].as_array().unwrap().len();
    let mut place = v["places"][0].clone();
    place["id"] = json!("bank");
    place["name"]["zh"] = json!("乔司银行２号网点");
    place.as_object_mut().unwrap().remove("pinyin");
    v["places"].as_array_mut().unwrap().push(place);
    let path = scratch("new.json", &v);
    let p = path.to_str().unwrap();

    let (code, out, err) = qiaosi(&["pinyin", p]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 place(s) changed"), "{out}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\"zh\": \"乔司银行２号网点\""),
        "UTF-8 kept as is"
    );
    let mut after: Value = serde_json::from_str(&text).unwrap();
    // The usual reading first, the everyday other reading of 行 after it.
    assert_eq!(
        after["places"][new]["pinyin"],
        json!([
            "qiao si yin xing 2 hao wang dian",
            "qiao si yin hang 2 hao wang dian"
        ])
    );
    after["places"][new]
        .as_object_mut()
        .unwrap()
        .remove("pinyin");
    assert_eq!(after, v, "nothing but the keys changed");

    assert_eq!(qiaosi(&["pinyin", "--check", p]).0, 0);
    assert_eq!(qiaosi(&["validate", p]).0, 0);
    // A second run has nothing to do.
    let (code, out, _) = qiaosi(&["pinyin", p]);
    assert_eq!((code, out.contains("up to date")), (0, true), "{out}");
}

#[test]
fn bad_input_is_explained() {
    let (code, _, err) = qiaosi(&["pinyin", "/nonexistent/pack.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let path = scratch("broken.json", &json!({"meta": 1}));
    let (code, _, err) = qiaosi(&["pinyin", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not a content pack"), "{err}");
    let (code, _, err) = qiaosi(&["pinyin"]);
    assert_eq!(code, 2);
    assert!(err.contains("qiaosi pinyin [--check] <pack.json>"), "{err}");
}
