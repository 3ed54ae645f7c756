//! OpenStreetMap objects for the pack (`qiaosi import-osm`): an Overpass API JSON export read
//! into places the guide can list, each citing its OSM object. OSM data is © OpenStreetMap
//! contributors under the ODbL; the app shows that with every `osm` source.
//!
//! An export is what `[out:json]; (…); out meta center;` returns: nodes with `lat`/`lon`, ways
//! and relations with a `center`, each with its `tags` and (with `meta`) `version` and
//! `timestamp`. Only the tags a town guide needs are mapped ([`kind`]); anything else in the
//! export is passed over and counted. [`import()`] decides, object by object, whether it is a
//! place the pack already has (updated, never over a surveyed fact) or a new one.

use crate::content::{Basis, I18n, Position, Precision, Source};
use crate::hours::OpeningHours;
use crate::validate::Problem;
use serde::Deserialize;
use std::collections::BTreeMap;

mod import;
pub use import::{import, Imported, MATCH_WITHIN_M};

/// The attribution the ODbL asks for, shown with OSM facts.
pub const ATTRIBUTION: &str = "© OpenStreetMap contributors, ODbL";

/// How far an OSM position may be from the real place: OSM's points are not surveyed by us,
/// and a way's centre is not its door.
pub const RADIUS_M: u32 = 25;

#[derive(Clone, Debug, Deserialize)]
pub struct Overpass {
    #[serde(default)]
    pub osm3s: Option<Osm3s>,
    pub elements: Vec<Element>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Osm3s {
    /// When the data was last updated from OSM: `2026-11-28T10:00:00Z`.
    #[serde(default)]
    pub timestamp_osm_base: Option<String>,
}

/// One node, way or relation. Other fields of the export (a way's `nodes`, `bounds`, `user`…)
/// are not needed and not read.
#[derive(Clone, Debug, Deserialize)]
pub struct Element {
    #[serde(rename = "type")]
    pub kind: String,
    pub id: u64,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// A way's or relation's centre, from `out center`.
    #[serde(default)]
    pub center: Option<LatLon>,
    #[serde(default)]
    pub tags: BTreeMap<String, String>,
    #[serde(default)]
    pub version: Option<u32>,
    #[serde(default)]
    pub timestamp: Option<String>,
}

#[derive(Clone, Copy, Debug, Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Reads an Overpass export, naming the JSON path of a bad field.
pub fn parse(json: &str) -> Result<Overpass, Problem> {
    crate::json::parse(json)
}

impl Element {
    /// `node/123`.
    pub fn key(&self) -> String {
        format!("{}/{}", self.kind, self.id)
    }

    /// The object's page, cited as the source.
    pub fn url(&self) -> String {
        format!("https://www.openstreetmap.org/{}/{}", self.kind, self.id)
    }

    fn tag(&self, key: &str) -> Option<&str> {
        self.tags
            .get(key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// A node's point, or a way's or relation's centre.
    pub fn position(&self) -> Option<Position> {
        let (lat, lng) = match (self.lat, self.lon, self.center) {
            (Some(lat), Some(lon), _) => (lat, lon),
            (_, _, Some(c)) => (c.lat, c.lon),
            _ => return None,
        };
        Some(Position {
            lat,
            lng,
            precision: Precision::Approximate { radius_m: RADIUS_M },
        })
    }

    /// `name:zh` (or a `name` in Chinese), and `name:en` (or a `name` that is not): each
    /// language only where OSM gives it.
    pub fn names(&self) -> (Option<String>, Option<String>) {
        let name = self.tag("name");
        let chinese = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let zh = self.tag("name:zh").or(name.filter(|n| chinese(n)));
        let en = self.tag("name:en").or(name.filter(|n| !chinese(n)));
        (zh.map(String::from), en.map(String::from))
    }

    /// The address as OSM gives it: `addr:full`, or city, district, street and number. OSM
    /// rarely has it in English, so both languages hold the Chinese unless `addr:*:en` exist.
    pub fn address(&self) -> Option<I18n> {
        let zh = self.tag("addr:full").map(String::from).or_else(|| {
            let mut parts: Vec<String> = ["addr:city", "addr:district", "addr:street"]
                .iter()
                .filter_map(|k| self.tag(k).map(String::from))
                .collect();
            if let Some(n) = self.tag("addr:housenumber") {
                let bare = n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                parts.push(if bare { format!("{n}号") } else { n.into() });
            }
            (!parts.is_empty()).then(|| parts.concat())
        })?;
        let en = self.tag("addr:full:en").map(String::from).or_else(|| {
            let street = self.tag("addr:street:en")?;
            let city = self.tag("addr:city:en");
            let number = self.tag("addr:housenumber");
            let mut s = number.map_or(street.to_string(), |n| format!("{n} {street}"));
            if let Some(c) = city {
                s = format!("{s}, {c}");
            }
            Some(s)
        });
        Some(I18n {
            en: en.unwrap_or_else(|| zh.clone()),
            zh,
        })
    }

    /// `opening_hours`, when the guide's parser reads it; otherwise why not.
    pub fn hours(&self) -> Option<Result<String, String>> {
        let v = self.tag("opening_hours")?;
        Some(match OpeningHours::parse(v) {
            Ok(_) => Ok(v.to_string()),
            Err(e) => Err(format!("`{v}` from {}: {e}; left out", self.key())),
        })
    }

    /// `phone` or `contact:phone` (the first of several), normalised as the survey form does.
    pub fn phone(&self) -> Option<Result<String, String>> {
        let v = self.tag("phone").or(self.tag("contact:phone"))?;
        let first = v.split(';').next().unwrap_or(v).trim();
        Some(crate::contact::normalise_phone(first).map_err(|e| {
            format!(
                "phone `{v}` from {}: {}; left out",
                self.key(),
                e.message(true)
            )
        }))
    }

    /// The object as a source: its page, its last edit's date, its version.
    pub fn source(&self) -> Source {
        let date = self
            .timestamp
            .as_deref()
            .and_then(|t| t.get(..10))
            .filter(|d| crate::time::Date::parse(d).is_some());
        Source {
            cite: self.url(),
            basis: Basis::Osm,
            date: date.map(String::from),
            says: self.version.map(|v| I18n {
                zh: format!("OSM 对象第 {v} 版"),
                en: format!("OSM object version {v}"),
            }),
        }
    }
}

/// What an OSM object is, for the guide: its category and the kind of place in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub category: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

const fn k(category: &'static str, zh: &'static str, en: &'static str) -> Kind {
    Kind { category, zh, en }
}

/// The kind of place the tags describe, if it is one the guide lists. The first rule that
/// matches wins, so an arts centre in a historic building is an arts centre.
pub fn kind(tags: &BTreeMap<String, String>) -> Option<Kind> {
    let t = |key: &str| tags.get(key).map(String::as_str);
    let senior = t("social_facility:for") == Some("senior")
        || matches!(
            t("social_facility"),
            Some("nursing_home" | "assisted_living")
        );
    let found = match (t("amenity"), t("leisure")) {
        (Some("library"), _) => k("reading", "图书馆", "library"),
        (Some("public_bookcase"), _) => k("reading", "共享书架", "public bookcase"),
        (Some("arts_centre"), _) => k("culture", "文化艺术中心", "arts centre"),
        (Some("community_centre"), _) => k("service", "社区中心", "community centre"),
        (Some("social_facility"), _) if senior => {
            k("elderly", "养老服务机构", "elderly care facility")
        }
        (Some("nursing_home"), _) => k("elderly", "养老服务机构", "elderly care facility"),
        (Some("social_facility"), _) => k("service", "社会服务机构", "social facility"),
        (Some("hospital"), _) => k("health", "医院", "hospital"),
        (Some("clinic"), _) => k("health", "诊所", "clinic"),
        (Some("doctors"), _) => k("health", "诊所", "doctor's practice"),
        (_, Some("fitness_station")) => k("fitness", "户外健身点", "outdoor fitness station"),
        (_, Some("pitch")) if t("sport") == Some("basketball") => {
            k("fitness", "篮球场", "basketball court")
        }
        _ if t("healthcare").is_some_and(|v| v != "no") => {
            k("health", "医疗机构", "healthcare facility")
        }
        _ if t("historic").is_some_and(|v| v != "no") => k("heritage", "历史遗迹", "historic site"),
        _ if t("railway") == Some("station") && t("station") == Some("subway") => {
            k("service", "地铁站", "metro station")
        }
        _ if t("railway") == Some("station") || t("public_transport") == Some("station") => {
            k("service", "车站", "station")
        }
        _ => return None,
    };
    Some(found)
}

#[cfg(test)]
mod tests;
