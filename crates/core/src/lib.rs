//! Qiaosi Guide's domain rules: the content model and its validation, time in Asia/Shanghai,
//! opening hours, geo, search and the rest. Nothing here knows about the web, so all of it is
//! tested natively with plain `cargo test` and shared by the app (wasm) and the CLI.

pub mod checkin;
pub mod contact;
pub mod content;
pub mod geo;
pub mod gpx;
pub mod handoff;
pub mod hash;
pub mod hours;
pub mod ics;
pub mod json;
pub mod listing;
pub mod lunar;
pub mod osm;
pub mod patch;
pub mod programme;
pub mod search;
pub mod time;
pub mod validate;
