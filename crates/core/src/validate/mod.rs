//! Reading and checking a content pack. `load` is the one entry point the app and the CLI use:
//! it parses the JSON and reports every problem it can find, each with its JSON path, so the
//! people who edit the pack can fix all of them in one pass.

use crate::content::{is_pinyin_key, Pack, CATEGORIES, SCHEMA};
use crate::hours::OpeningHours;

use checker::Checker;
use std::collections::HashSet;
use std::fmt;

mod checker;
mod checkin;
mod keys;
mod truth;

pub use truth::dated_after;

/// What kind of problem, so the app can say it in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Not JSON, truncated, or a field of the wrong shape.
    Syntax,
    /// Made for a pack format this build does not read.
    Schema,
    Empty,
    OutOfRange,
    UnknownCategory,
    DuplicateId,
    /// A reference to a place, event or route that is not in the pack.
    Dangling,
    BadHours,
    BadDate,
    BadUrl,
    /// No source, or one a reader cannot follow.
    Unsourced,
    /// Claims more than its sources know (an exact position from a press report, say).
    Overstated,
    /// Check-in keys not signed by the root key this build trusts.
    Unsigned,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// JSON path such as `places[3].position.lat`; empty for the whole document.
    pub path: String,
    pub kind: Kind,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Parses and validates a pack. A pack with any problem is refused as a whole: the app keeps
/// what it had rather than show half-checked content.
pub fn load(json: &str) -> Result<Pack, Vec<Problem>> {
    #[cfg(feature = "json-paths")]
    let pack: Pack = {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let path = if path == "." { String::new() } else { path };
            vec![Problem {
                path,
                kind: Kind::Syntax,
                message: e.into_inner().to_string(),
            }]
        })?
    };
    #[cfg(not(feature = "json-paths"))]
    let pack: Pack = serde_json::from_str(json).map_err(|e| {
        // Said without serde_json's own messages: their formatting code (floats included)
        // would double the error path's share of the wasm.
        use serde_json::error::Category;
        let what = match e.classify() {
            Category::Eof => "the pack ends too early (cut off?)",
            Category::Syntax => "not valid JSON",
            Category::Data => "a field is missing, unknown or of the wrong type",
            Category::Io => "could not be read",
        };
        vec![Problem {
            path: String::new(),
            kind: Kind::Syntax,
            message: format!("{what}, at line {} column {}", e.line(), e.column()),
        }]
    })?;
    let problems = validate(&pack);
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems)
    }
}

/// Every semantic problem in a parsed pack.
pub fn validate(pack: &Pack) -> Vec<Problem> {
    let mut v = Checker::default();
    let m = &pack.meta;
    if m.schema != SCHEMA {
        v.add(
            "meta.schema",
            Kind::Schema,
            format!(
                "pack format {} is not {SCHEMA}, the one this app reads",
                m.schema
            ),
        );
    }
    v.non_empty("meta.version", &m.version);
    if m.version.chars().any(char::is_control) {
        v.add(
            "meta.version",
            Kind::OutOfRange,
            "must be one line of text".into(),
        );
    }
    v.date("meta.generated", &m.generated);
    let t = &m.tiles;
    if !t.url.starts_with("https://") || !["{z}", "{x}", "{y}"].iter().all(|k| t.url.contains(k)) {
        v.add(
            "meta.tiles.url",
            Kind::BadUrl,
            "must be an https URL template with {z}, {x} and {y}".into(),
        );
    }
    v.non_empty("meta.tiles.attribution", &t.attribution);
    if !(1..=22).contains(&t.max_zoom) {
        v.add(
            "meta.tiles.max_zoom",
            Kind::OutOfRange,
            "out of range (1–22)".into(),
        );
    }

    let mut ids = HashSet::new();
    for (i, p) in pack.places.iter().enumerate() {
        let at = format!("places[{i}]");
        v.id(&at, &p.id, &mut ids);
        v.i18n(&format!("{at}.name"), &p.name.zh, &p.name.en);
        v.i18n(
            &format!("{at}.description"),
            &p.description.zh,
            &p.description.en,
        );
        if !CATEGORIES.contains(&p.category.as_str()) {
            v.add(
                &format!("{at}.category"),
                Kind::UnknownCategory,
                format!(
                    "unknown category \"{}\" (known: {})",
                    p.category,
                    CATEGORIES.join(", ")
                ),
            );
        }
        for (j, key) in p.pinyin.iter().enumerate() {
            if !is_pinyin_key(key) {
                let msg = format!("\"{key}\" is not toneless lowercase pinyin with single spaces");
                v.add(&format!("{at}.pinyin[{j}]"), Kind::Syntax, msg);
            }
        }
        truth::place_position(&mut v, &at, p);
        if let Some(h) = &p.hours {
            if let Err(e) = OpeningHours::parse(h) {
                v.add(&format!("{at}.hours"), Kind::BadHours, e.to_string());
            }
        }
        if let Some(phone) = &p.phone {
            if phone.is_empty()
                || !phone
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+- ()".contains(c))
            {
                v.add(
                    &format!("{at}.phone"),
                    Kind::OutOfRange,
                    "not a phone number (digits, spaces, + - ( ) only)".into(),
                );
            }
        }
        truth::sources(&mut v, &at, &p.sources);
    }
    let place_ids: HashSet<&str> = pack.places.iter().map(|p| p.id.as_str()).collect();
    truth::shared_points(&mut v, pack, &place_ids);

    let mut route_ids = HashSet::new();
    for (i, r) in pack.routes.iter().enumerate() {
        let at = format!("routes[{i}]");
        v.id(&at, &r.id, &mut route_ids);
        v.i18n(&format!("{at}.name"), &r.name.zh, &r.name.en);
        if r.stops.is_empty() {
            v.add(
                &format!("{at}.stops"),
                Kind::Empty,
                "a route needs at least one stop".into(),
            );
        }
        for (j, s) in r.stops.iter().enumerate() {
            let sat = format!("{at}.stops[{j}]");
            match (&s.place, &s.point) {
                (Some(id), None) => v.reference(&format!("{sat}.place"), id, &place_ids, "place"),
                (None, Some(pos)) => {
                    v.position(&format!("{sat}.point"), pos);
                    if !pos.is_located() && s.area.is_none() {
                        v.add(
                            &format!("{sat}.area"),
                            Kind::Empty,
                            "a stop known only to 300 m or more needs an area in words".into(),
                        );
                    }
                    if s.name.is_none() {
                        v.add(
                            &format!("{sat}.name"),
                            Kind::Empty,
                            "a stop at a point needs a name".into(),
                        );
                    }
                }
                _ => v.add(
                    &sat,
                    Kind::Empty,
                    "a stop names exactly one of place or point".into(),
                ),
            }
            v.i18n(
                &format!("{sat}.narrative"),
                &s.narrative.zh,
                &s.narrative.en,
            );
        }
        if r.path.len() == 1 {
            v.add(
                &format!("{at}.path"),
                Kind::Empty,
                "a path needs at least two points (or none: the route is then guided stop by \
                 stop)"
                    .into(),
            );
        }
        for (j, [lat, lng]) in r.path.iter().enumerate() {
            v.lat_lng(&format!("{at}.path[{j}]"), *lat, *lng);
        }
        truth::sources(&mut v, &at, &r.sources);
        truth::route_line(&mut v, &at, r);
    }

    let mut edition_ids = HashSet::new();
    let mut event_refs = HashSet::new();
    for (i, e) in pack.festival.iter().enumerate() {
        let at = format!("festival[{i}]");
        v.id(&at, &e.id, &mut edition_ids);
        v.i18n(&format!("{at}.name"), &e.name.zh, &e.name.en);
        v.date(&format!("{at}.start"), &e.start);
        if let Some(end) = &e.end {
            v.date(&format!("{at}.end"), end);
            if end < &e.start {
                v.add(
                    &format!("{at}.end"),
                    Kind::OutOfRange,
                    "ends before it starts".into(),
                );
            }
        }
        let mut ev_ids = HashSet::new();
        for (j, ev) in e.events.iter().enumerate() {
            let eat = format!("{at}.events[{j}]");
            v.id(&eat, &ev.id, &mut ev_ids);
            event_refs.insert(format!("{}/{}", e.id, ev.id));
            v.i18n(&format!("{eat}.title"), &ev.title.zh, &ev.title.en);
            let start = ev
                .start
                .as_deref()
                .map(|s| (s, v.when(&format!("{eat}.start"), s)));
            if let Some(end) = &ev.end {
                let end_w = v.when(&format!("{eat}.end"), end);
                match (start, end_w) {
                    (None, _) => v.add(
                        &format!("{eat}.end"),
                        Kind::Empty,
                        "an end needs a start".into(),
                    ),
                    (Some((_, Some(s))), Some(en)) if en < s => v.add(
                        &format!("{eat}.end"),
                        Kind::OutOfRange,
                        "ends before it starts".into(),
                    ),
                    _ => {}
                }
            }
            if let Some(p) = &ev.place {
                v.reference(&format!("{eat}.place"), p, &place_ids, "place");
            }
        }
        truth::sources(&mut v, &at, &e.sources);
    }

    checkin::check(&mut v, &pack.checkin, &place_ids, &event_refs);
    keys::check(&mut v, &pack.checkin);
    checkin::reward_windows(&mut v, pack);
    truth::geofences(&mut v, pack);
    v.problems
}
