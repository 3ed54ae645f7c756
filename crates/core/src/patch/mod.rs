//! A pack patch: what a surveyor recorded on the street (survey mode in the app), to be merged
//! into the content pack by `qiaosi merge` under the same validation as everything else.
//!
//! A patch names the pack version it was made against. Each entry it touches carries the
//! fingerprint of that entry as the surveyor's phone had it (`was`), so a merge into a newer
//! pack can tell "changed since" (a conflict, listed and refused) from "unchanged" (applied).
//! A surveyed fact always arrives with a `surveyed` source dated the day of the visit.
//!
//! [`parse`] reads a patch file (refusing other formats and naming the JSON path of a bad
//! field), [`merge()`] applies it to a pack and [`Change`] says what changed, field by field.

use crate::content::{I18n, Place, Position, Route, Source};
use crate::validate::{Kind, Problem};
use serde::{Deserialize, Serialize};

pub mod diff;
mod merge;
mod refusal;
pub use diff::{Change, Diff, EntryKind, FieldChange};
pub use merge::{merge, merge_as};
pub use refusal::{Conflict, Refusal};

/// The patch format this build writes and reads.
pub const PATCH_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patch {
    pub format: u32,
    /// `meta.version` of the pack the surveyor's phone held.
    pub base: String,
    /// When the patch was exported, `YYYY-MM-DD`.
    pub made: String,
    pub surveyor: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlacePatch>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<RoutePatch>,
}

/// What was recorded at one place: only the fields set here change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacePatch {
    /// An existing place's id, or a new one.
    pub id: String,
    /// [`entry_fingerprint`] of the place in the base pack; `None` for a new place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    /// Required for a new place, optional otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<I18n>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Where it roughly is, in words: needed for a new place without a position, or with one
    /// good only to 300 m or more (see [`crate::content::Place::area`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<I18n>,
    /// Required for a new place: the pack shows a description for every place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<I18n>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<I18n>,
    /// OpenStreetMap `opening_hours`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// Normalised, e.g. `+86 571 86912900`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrance: Option<I18n>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<crate::content::Access>,
    /// For the editors, not shipped: what the surveyor wants them to know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The visit: basis `surveyed`, cite the surveyor, date the day.
    pub source: Source,
}

/// A route walked on site: the whole route, new or replacing one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub was: Option<String>,
    pub route: Route,
    /// New places made for the route's stops are in [`Patch::places`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A fingerprint of one pack entry as JSON, to tell whether it changed since a patch was made.
pub fn entry_fingerprint<T: Serialize>(entry: &T) -> String {
    crate::hash::fingerprint(&serde_json::to_string(entry).unwrap_or_default())
}

/// Reads a patch file. A patch in another format is refused before anything else is read, so
/// an old `qiaosi` says "update me" instead of listing fields it does not know.
pub fn parse(json: &str) -> Result<Patch, Problem> {
    #[derive(Deserialize)]
    struct Format {
        format: Option<serde_json::Value>,
    }
    let problem = |path: &str, message: String| Problem {
        path: path.into(),
        kind: Kind::Schema,
        message,
    };
    let head: Format = crate::json::parse(json)?;
    match head.format {
        None => Err(problem(
            "format",
            "missing: not a survey patch (the app's survey mode writes one)".into(),
        )),
        Some(v) if v.as_u64() == Some(u64::from(PATCH_FORMAT)) => crate::json::parse(json),
        Some(v) => Err(problem(
            "format",
            format!("patch format {v} is not {PATCH_FORMAT}, the one this qiaosi reads"),
        )),
    }
}

impl PlacePatch {
    /// A patch touching `place` as the phone holds it now.
    pub fn for_place(place: &Place, source: Source) -> PlacePatch {
        PlacePatch {
            id: place.id.clone(),
            was: Some(entry_fingerprint(place)),
            source,
            ..PlacePatch::default()
        }
    }
}

impl Default for Source {
    fn default() -> Source {
        Source {
            cite: String::new(),
            basis: crate::content::Basis::Surveyed,
            date: None,
            says: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_patch_round_trips_and_fingerprints_follow_the_entry() {
        let mut place = crate::content::tests::place("p");
        let fp = entry_fingerprint(&place);
        let patch = Patch {
            format: PATCH_FORMAT,
            base: "2026.11.30".into(),
            made: "2026-12-01".into(),
            surveyor: "王".into(),
            places: vec![PlacePatch {
                hours: Some("Tu-Su 09:00-17:00".into()),
                ..PlacePatch::for_place(&place, Source::default())
            }],
            routes: vec![],
        };
        let text = serde_json::to_string(&patch).unwrap();
        assert_eq!(serde_json::from_str::<Patch>(&text).unwrap(), patch);
        assert_eq!(patch.places[0].was.as_deref(), Some(fp.as_str()));
        place.hours = Some("Mo-Su 09:00-17:00".into());
        assert_ne!(entry_fingerprint(&place), fp);
    }

    #[test]
    fn parsing_refuses_other_formats_and_names_the_bad_field() {
        let ok = r#"{"format":1,"base":"v","made":"2026-12-01","surveyor":"王",
            "places":[{"id":"p","source":{"cite":"王","basis":"surveyed"}}]}"#;
        assert_eq!(parse(ok).unwrap().places[0].id, "p");
        let e = parse(r#"{"format":2,"base":"v","future":true}"#).unwrap_err();
        assert_eq!(e.path, "format");
        assert!(
            e.message.contains("patch format 2 is not 1"),
            "{}",
            e.message
        );
        let e = parse(r#"{"places":[]}"#).unwrap_err();
        assert!(e.message.contains("not a survey patch"), "{}", e.message);
        let bad = ok.replace(r#""id":"p","#, r#""id":"p","position":{"lat":"x"},"#);
        let e = parse(&bad).unwrap_err();
        #[cfg(feature = "json-paths")]
        assert_eq!(e.path, "places[0].position.lat");
        assert!(e.message.contains("invalid type"), "{}", e.message);
        assert!(parse("[1,").is_err());
    }
}
