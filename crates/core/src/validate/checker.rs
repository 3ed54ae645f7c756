//! The checks each field gets, collecting problems with their paths.

use super::{Kind, Problem};
use crate::content::{Position, Precision};
use crate::time::{Date, When};
use std::collections::HashSet;

#[derive(Default)]
pub(super) struct Checker {
    pub(super) problems: Vec<Problem>,
}

impl Checker {
    pub(super) fn add(&mut self, path: &str, kind: Kind, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            kind,
            message,
        });
    }

    pub(super) fn non_empty(&mut self, path: &str, s: &str) {
        if s.trim().is_empty() {
            self.add(path, Kind::Empty, "must not be empty".into());
        }
    }

    /// Both languages are required: a missing translation would show an empty line.
    pub(super) fn i18n(&mut self, path: &str, zh: &str, en: &str) {
        self.non_empty(&format!("{path}.zh"), zh);
        self.non_empty(&format!("{path}.en"), en);
    }

    /// Ids appear in URLs that printed posters point at, so they are kept URL-safe.
    pub(super) fn id(&mut self, at: &str, id: &str, seen: &mut HashSet<String>) {
        let path = format!("{at}.id");
        let ok = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            self.add(
                &path,
                Kind::Empty,
                format!("\"{id}\" is not a valid id (a-z, 0-9 and -)"),
            );
        } else if !seen.insert(id.to_string()) {
            self.add(&path, Kind::DuplicateId, format!("duplicate id \"{id}\""));
        }
    }

    pub(super) fn date(&mut self, path: &str, s: &str) {
        if Date::parse(s).is_none() {
            self.add(
                path,
                Kind::BadDate,
                format!("\"{s}\" is not a date (YYYY-MM-DD)"),
            );
        }
    }

    pub(super) fn when(&mut self, path: &str, s: &str) -> Option<When> {
        let w = When::parse(s);
        if w.is_none() {
            self.add(
                path,
                Kind::BadDate,
                format!(
                    "\"{s}\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM with an offset such as +08:00"
                ),
            );
        }
        w
    }

    pub(super) fn lat_lng(&mut self, path: &str, lat: f64, lng: f64) {
        if !(-90.0..=90.0).contains(&lat) {
            self.add(
                &format!("{path}.lat"),
                Kind::OutOfRange,
                "out of range".into(),
            );
        }
        if !(-180.0..=180.0).contains(&lng) {
            self.add(
                &format!("{path}.lng"),
                Kind::OutOfRange,
                "out of range".into(),
            );
        }
    }

    pub(super) fn position(&mut self, path: &str, p: &Position) {
        self.lat_lng(path, p.lat, p.lng);
        if let Precision::Approximate { radius_m: 0 } = p.precision {
            self.add(
                &format!("{path}.precision"),
                Kind::OutOfRange,
                "an approximate position needs a radius above 0".into(),
            );
        }
    }

    pub(super) fn reference(&mut self, path: &str, id: &str, known: &HashSet<&str>, what: &str) {
        if !known.contains(id) {
            self.add(path, Kind::Dangling, format!("no {what} with id \"{id}\""));
        }
    }
}
