//! What the pack tests share: the shipped pack, and finding a problem by its path and kind.
// Each test file uses some of these.
#![allow(dead_code)]

use qiaosi_core::validate::{load, Kind, Problem};
use serde_json::Value;

pub const SHIPPED: &str = include_str!("../../../../public/content/pack.json");
pub fn shipped() -> Value {
    serde_json::from_str(SHIPPED).unwrap()
}

pub fn problems(v: &Value) -> Vec<Problem> {
    load(&v.to_string()).expect_err("pack should be refused")
}

pub fn has(ps: &[Problem], path: &str, kind: Kind) -> bool {
    ps.iter().any(|p| p.path == path && p.kind == kind)
}

/// The index of the shipped place with this id.
pub fn at(v: &Value, id: &str) -> usize {
    v["places"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no place {id}"))
}
