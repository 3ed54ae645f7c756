//! The content pack: every place, route, festival edition and check-in point the guide shows.
//!
//! The pack is JSON fetched at run time (not compiled into the wasm), so the people who run the
//! guide can update it without a new app build. These types are its single definition; the
//! app, the CLI and the validator all read it through them. Optional fields are `Option`:
//! an unknown opening time or phone number stays unknown and the UI says so.

use serde::{Deserialize, Serialize};

mod checkin;
mod reach;
mod source;
pub use checkin::{stamped_points, Checkin, CheckinPoint, KeyState, Reward, SigningKey};
pub use reach::{Reach, AREA_FROM_M, LINE_WITHIN_M};
pub use source::{is_source_date, Basis, Source, SEED};

/// The pack format this build understands. 2: sources with their basis and date, positions
/// that may be missing, and areas in words.
pub const SCHEMA: u32 = 2;

/// Text in both of the guide's languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct I18n {
    pub zh: String,
    pub en: String,
}

impl I18n {
    /// The text for a language, falling back to the other one when a translation is missing.
    pub fn get(&self, english: bool) -> &str {
        let (want, other) = if english {
            (&self.en, &self.zh)
        } else {
            (&self.zh, &self.en)
        };
        if want.is_empty() {
            other
        } else {
            want
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub meta: Meta,
    #[serde(default)]
    pub places: Vec<Place>,
    #[serde(default)]
    pub routes: Vec<Route>,
    #[serde(default)]
    pub festival: Vec<Edition>,
    #[serde(default)]
    pub checkin: Checkin,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub schema: u32,
    /// Content version, shown in the app and used to tell packs apart.
    pub version: String,
    /// `YYYY-MM-DD`.
    pub generated: String,
    pub tiles: TileSource,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TileSource {
    /// `{z}/{x}/{y}` template, https only.
    pub url: String,
    pub attribution: String,
    pub datum: Datum,
    pub max_zoom: u8,
}

/// Which geodetic datum a map's tiles are drawn in. Positions in the pack are always WGS-84.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Datum {
    Wgs84,
    Gcj02,
}

/// The kinds of place, in the order the UI lists them.
pub const CATEGORIES: [&str; 7] = [
    "reading", "culture", "fitness", "heritage", "service", "health", "elderly",
];

/// The display name of a category from [`CATEGORIES`]; empty for any other string, which
/// validation refuses. Lives here rather than in the app so that search matches the very
/// words the user sees.
pub fn category_name(cat: &str, english: bool) -> &'static str {
    let (zh, en) = match cat {
        "reading" => ("阅读", "Reading"),
        "culture" => ("文化", "Culture"),
        "fitness" => ("健身运动", "Fitness & sport"),
        "heritage" => ("历史遗迹", "Heritage"),
        "service" => ("服务站点", "Service points"),
        "health" => ("医疗卫生", "Health"),
        "elderly" => ("养老服务", "Elderly care"),
        _ => ("", ""),
    };
    if english {
        en
    } else {
        zh
    }
}

/// Whether `key` has the form of a [`Place::pinyin`] entry: syllables of lowercase ASCII
/// letters or digits, separated by single spaces. Search splits keys on spaces, so a stray
/// capital, tone mark or double space would silently stop a place from being found.
pub fn is_pinyin_key(key: &str) -> bool {
    !key.is_empty()
        && key.split(' ').all(|syllable| {
            !syllable.is_empty()
                && syllable
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub id: String,
    pub name: I18n,
    /// Every reading of `name.zh` as toneless pinyin syllables separated by single spaces
    /// ("tu shu guan"), the usual reading first, one entry per heteronym combination.
    /// Written by `qiaosi pinyin` so that no pinyin table has to ship in the wasm; see
    /// [`is_pinyin_key`] for the form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pinyin: Vec<String>,
    /// One of [`CATEGORIES`]; a string rather than an enum so validation can report every
    /// unknown category with its path instead of stopping at the first.
    pub category: String,
    /// `None` when no source gives even a rough position (a category of places, say): the
    /// place is listed with its [`Place::area`] and not drawn on the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Where it roughly is, named only ("乔司街道"; the app adds 大致在…一带): required when the position is
    /// missing or an area (see [`AREA_FROM_M`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<I18n>,
    /// The id of a place this one lies within (a room in a building): the only case where two
    /// places may share a point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<I18n>,
    /// OpenStreetMap `opening_hours` syntax. `None`: hours not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// How to find the way in ("东侧小门，周末走正门"), as a surveyor saw it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrance: Option<I18n>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    pub description: I18n,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Where the facts came from, at least one; a `surveyed` source's date is the day the
    /// place was checked on site.
    pub sources: Vec<Source>,
}

/// Step-free access as seen on site; `None` where the surveyor could not tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_free: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub lat: f64,
    pub lng: f64,
    pub precision: Precision,
}

/// How much a position can be trusted. Approximate ones are drawn and described as such.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Precision {
    Exact,
    /// Somewhere within `radius_m` of the stated point.
    Approximate {
        radius_m: u32,
    },
}

impl Position {
    /// The point, for the geo functions.
    pub fn lat_lng(&self) -> crate::geo::LatLng {
        crate::geo::LatLng {
            lat: self.lat,
            lng: self.lng,
        }
    }

    pub fn is_approximate(&self) -> bool {
        matches!(self.precision, Precision::Approximate { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub name: I18n,
    pub summary: I18n,
    pub stops: Vec<Stop>,
    /// The walking line, `[lat, lng]` pairs in WGS-84. Empty when no source gives one: the
    /// route is then guided stop by stop and not drawn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<[f64; 2]>,
    /// How closely the drawn line follows the real one.
    pub path_precision: Precision,
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    /// A stop is a place from the pack…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// …or a named point of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<Position>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<I18n>,
    /// Where a point stop roughly is, in words, when its point is an area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<I18n>,
    pub narrative: I18n,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    pub id: String,
    pub name: I18n,
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// The dates in words, as the sources give them ("ran until March 2024").
    pub period: I18n,
    pub summary: I18n,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: I18n,
    /// `YYYY-MM-DD` (day known, time not published) or a time with its UTC offset.
    /// `None`: the sources name the event but not its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// A place id from the pack, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub description: I18n,
}

impl Place {
    /// A place with nothing known about it but these: no position, area, hours, phone or
    /// sources yet. The survey merge, the OSM import and the tests fill in the rest.
    pub fn new(id: String, name: I18n, category: String, description: I18n) -> Place {
        Place {
            id,
            name,
            pinyin: vec![],
            category,
            position: None,
            area: None,
            within: None,
            address: None,
            hours: None,
            phone: None,
            entrance: None,
            access: None,
            description,
            tags: vec![],
            sources: vec![],
        }
    }
}

impl Pack {
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
    pub fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }
    pub fn edition(&self, id: &str) -> Option<&Edition> {
        self.festival.iter().find(|e| e.id == id)
    }
}

impl Route {
    /// The walking line as points for the geo functions.
    pub fn path_points(&self) -> Vec<crate::geo::LatLng> {
        self.path
            .iter()
            .map(|&[lat, lng]| crate::geo::LatLng { lat, lng })
            .collect()
    }
    pub fn length_m(&self) -> f64 {
        crate::geo::path_length_m(&self.path_points())
    }
}

impl Event {
    /// When it starts, if the sources say (the validator guarantees a stated time parses).
    pub fn starts(&self) -> Option<crate::time::When> {
        self.start.as_deref().and_then(crate::time::When::parse)
    }

    pub fn ends(&self) -> Option<crate::time::When> {
        self.end.as_deref().and_then(crate::time::When::parse)
    }
}

impl Edition {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Whether the edition is over on `today` (Shanghai date). When the sources give no end
    /// date, an edition counts as over six months after it opened: the longest known edition
    /// ran about three months, and showing a long-past festival as current would mislead.
    pub fn is_past(&self, today: crate::time::Date) -> bool {
        use crate::time::Date;
        match self.end.as_deref().and_then(Date::parse) {
            Some(end) => end < today,
            None => Date::parse(&self.start).is_some_and(|s| s.add_days(180) < today),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
