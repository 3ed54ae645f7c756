//! Bringing an Overpass export into a pack.
//!
//! - An object is a place the pack already has when a source of that place cites the same OSM
//!   object, or when it has the same name (Chinese, or English ignoring case) and lies within
//!   [`MATCH_WITHIN_M`] of the place's position. A place matched once is not matched again by
//!   a second object (OSM often has a library as a node and as a building): that one is
//!   skipped and said so.
//! - A matched place gets what it lacks (position, hours, phone, address) and the object as a
//!   source (replacing an older version of the same object). A value it has already is
//!   replaced only when nothing stronger than OSM vouches for it: never when the place has a
//!   `surveyed` source, nor when it has an `official` one (except a position OSM gives more
//!   precisely). A kept value that OSM contradicts is a conflict line in the diff. Names,
//!   category and description are the editors': never changed.
//! - Any other object is a new place: its id from `name:en` (or `osm-<type>-<id>`), a
//!   description saying what OSM maps it as, a position good to [`super::RADIUS_M`].
//! - Opening hours the guide cannot read, and phone numbers that are not one, are reported
//!   and left out, not guessed.

use super::{kind, Element, Kind, Overpass, RADIUS_M};
use crate::content::{Basis, I18n, Pack, Place, Position};
use crate::geo::distance_m;
use crate::hours::OpeningHours;
use crate::patch::diff::{place_changes, show_i18n, show_position};
use crate::patch::{Change, Diff, EntryKind, FieldChange};
use std::collections::HashMap;

/// How close an object of the same name must be to a place's position to be that place.
pub const MATCH_WITHIN_M: f64 = 150.0;

/// The pack with the export brought in, and what that did.
#[derive(Clone, Debug)]
pub struct Imported {
    pub pack: Pack,
    /// One per place added or changed, conflicts and remarks included.
    pub changes: Vec<Change>,
    /// About the export as a whole: objects skipped, and why.
    pub notes: Vec<String>,
    pub added: usize,
    pub updated: usize,
    pub conflicts: usize,
}

/// Brings every object of `overpass` the guide can list into a copy of `pack`.
pub fn import(pack: &Pack, overpass: &Overpass) -> Imported {
    let mut out = Imported {
        pack: pack.clone(),
        changes: vec![],
        notes: vec![],
        added: 0,
        updated: 0,
        conflicts: 0,
    };
    let mut taken: HashMap<String, String> = HashMap::new();
    let mut unlisted = 0;
    for e in &overpass.elements {
        let Some(kind) =
            kind(&e.tags).filter(|_| ["node", "way", "relation"].contains(&e.kind.as_str()))
        else {
            unlisted += 1;
            continue;
        };
        let (zh, en) = e.names();
        if zh.is_none() && en.is_none() {
            out.notes
                .push(format!("{} ({}): no name; skipped", e.key(), kind.en));
            continue;
        }
        let Some(position) = e.position() else {
            out.notes.push(format!(
                "{}: no position (export ways with `out center`); skipped",
                e.key()
            ));
            continue;
        };
        let found = find(&out.pack, e, zh.as_deref(), en.as_deref(), &position);
        let mut remarks = Vec::new();
        let hours = take(e.hours(), &mut remarks);
        let phone = take(e.phone(), &mut remarks);
        let offer = Offer {
            position,
            hours,
            phone,
            address: e.address(),
        };
        let change = match found {
            Found::Place(i, how) => {
                let id = out.pack.places[i].id.clone();
                if let Some(prev) = taken.get(&id) {
                    out.notes.push(format!(
                        "{} is place \"{id}\" ({how}), already taken from {prev}; skipped",
                        e.key()
                    ));
                    continue;
                }
                taken.insert(id, e.key());
                let place = &mut out.pack.places[i];
                if zh.as_deref().is_some_and(|z| z != place.name.zh) {
                    remarks.push(format!(
                        "OSM names it “{}”; the pack's name is kept",
                        zh.as_deref().unwrap_or_default()
                    ));
                }
                let old = place.clone();
                let kept = update(place, e, offer);
                let mut fields = place_changes(Some(&old), place);
                out.conflicts += kept.len();
                fields.extend(kept);
                if fields.is_empty() && remarks.is_empty() {
                    continue;
                }
                out.updated += usize::from(*place != old);
                Change {
                    kind: EntryKind::Place,
                    id: place.id.clone(),
                    name: place.name.zh.clone(),
                    added: false,
                    fields,
                    notes: remarks,
                }
            }
            Found::New { same_name } => {
                remarks.extend(same_name);
                let place = new_place(&out.pack, e, kind, zh, en, offer, &mut remarks);
                taken.insert(place.id.clone(), e.key());
                out.added += 1;
                let change = Change {
                    kind: EntryKind::Place,
                    id: place.id.clone(),
                    name: place.name.zh.clone(),
                    added: true,
                    fields: place_changes(None, &place),
                    notes: remarks,
                };
                out.pack.places.push(place);
                change
            }
        };
        out.changes.push(change);
    }
    if unlisted > 0 {
        out.notes.push(format!(
            "{unlisted} object(s) of kinds the guide does not list were passed over"
        ));
    }
    out
}

/// An `Ok` value, or its error said in `remarks`.
fn take(v: Option<Result<String, String>>, remarks: &mut Vec<String>) -> Option<String> {
    match v? {
        Ok(v) => Some(v),
        Err(e) => {
            remarks.push(e);
            None
        }
    }
}

/// What OSM says of a place.
struct Offer {
    position: Position,
    hours: Option<String>,
    phone: Option<String>,
    address: Option<I18n>,
}

enum Found {
    /// The index of the place, and how it was recognised.
    Place(usize, String),
    /// Not in the pack; remarks on places of the same name that are not it.
    New { same_name: Vec<String> },
}

fn find(pack: &Pack, e: &Element, zh: Option<&str>, en: Option<&str>, at: &Position) -> Found {
    let url = e.url();
    if let Some(i) = pack
        .places
        .iter()
        .position(|p| p.sources.iter().any(|s| s.cite == url))
    {
        return Found::Place(i, "cites this object".into());
    }
    let same = |p: &Place| {
        zh.is_some_and(|z| z == p.name.zh.trim())
            || en.is_some_and(|n| n.eq_ignore_ascii_case(p.name.en.trim()))
    };
    let mut best: Option<(usize, f64)> = None;
    let mut same_name = Vec::new();
    for (i, p) in pack.places.iter().enumerate().filter(|(_, p)| same(p)) {
        let Some(pos) = p.position else {
            same_name.push(format!(
                "the pack's place \"{}\" has the same name but no position: added as a new place; merge them by hand if they are one",
                p.id
            ));
            continue;
        };
        let d = distance_m(pos.lat_lng(), at.lat_lng());
        if d <= MATCH_WITHIN_M {
            if best.is_none_or(|(_, b)| d < b) {
                best = Some((i, d));
            }
        } else {
            same_name.push(format!(
                "the pack's place \"{}\" has the same name but is {:.1} km away: added as a new place",
                p.id,
                d / 1000.0
            ));
        }
    }
    match best {
        Some((i, d)) => Found::Place(i, format!("same name, {d:.0} m away")),
        None => Found::New { same_name },
    }
}

/// What vouches for the place's values more strongly than OSM can, if anything.
fn vouched(place: &Place) -> Option<&'static str> {
    let has = |b: Basis| place.sources.iter().any(|s| s.basis == b);
    if has(Basis::Surveyed) {
        Some("surveyed")
    } else if has(Basis::Official) {
        Some("official")
    } else {
        None
    }
}

/// Brings `offer` into `place`; returns the conflicts: values kept over what OSM says.
fn update(place: &mut Place, e: &Element, offer: Offer) -> Vec<FieldChange> {
    let why = vouched(place);
    let from = e.key();
    let mut kept = Vec::new();
    let mut conflict = |field: &str, pack: String, offered: String, why: &str| {
        kept.push(FieldChange {
            field: field.into(),
            diff: Diff::Kept {
                pack,
                offered: format!("{offered} from {from}"),
                why: format!("{why} source"),
            },
        });
    };
    let at = offer.position;
    match place.position {
        None => place.position = Some(at),
        Some(p) => {
            let r = p.precision.radius_m();
            let differs = distance_m(p.lat_lng(), at.lat_lng()) > f64::from(r + RADIUS_M);
            let keep = match why {
                Some("surveyed") => true,
                Some(_) => r <= RADIUS_M,
                None => false,
            };
            if !keep && (r > RADIUS_M || differs) {
                place.position = Some(at);
            } else if keep && differs {
                conflict(
                    "position",
                    show_position(&p),
                    show_position(&at),
                    why.unwrap_or_default(),
                );
            }
        }
    }
    let same_hours =
        |a: &str, b: &str| a == b || OpeningHours::parse(a).ok() == OpeningHours::parse(b).ok();
    if let Some(h) = offer.hours {
        match (&place.hours, why) {
            (None, _) | (Some(_), None) => place.hours = Some(h),
            (Some(mine), Some(w)) if !same_hours(mine, &h) => conflict("hours", mine.clone(), h, w),
            _ => {}
        }
    }
    if let Some(ph) = offer.phone {
        match (&place.phone, why) {
            (None, _) | (Some(_), None) => place.phone = Some(ph),
            (Some(mine), Some(w)) if *mine != ph => conflict("phone", mine.clone(), ph, w),
            _ => {}
        }
    }
    if let Some(a) = offer.address {
        match (&place.address, why) {
            (None, _) | (Some(_), None) => place.address = Some(a),
            (Some(mine), Some(w)) if mine.zh != a.zh => {
                conflict("address", show_i18n(mine), show_i18n(&a), w);
            }
            _ => {}
        }
    }
    let source = e.source();
    place
        .sources
        .retain(|s| s.cite != source.cite || *s == source);
    if !place.sources.contains(&source) {
        place.sources.push(source);
    }
    kept
}

/// `Seawall Museum` → `seawall-museum`.
pub(super) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn new_place(
    pack: &Pack,
    e: &Element,
    kind: Kind,
    zh: Option<String>,
    en: Option<String>,
    offer: Offer,
    remarks: &mut Vec<String>,
) -> Place {
    let free = |id: &str| !id.is_empty() && pack.place(id).is_none();
    let id = en
        .as_deref()
        .map(slug)
        .filter(|s| free(s))
        .unwrap_or_else(|| format!("osm-{}-{}", e.kind, e.id));
    let name = match (zh, en) {
        (Some(zh), Some(en)) => I18n { zh, en },
        (Some(zh), None) => {
            remarks.push("no English name in OSM: the Chinese one stands in for it".into());
            I18n { en: zh.clone(), zh }
        }
        (None, en) => {
            remarks.push("no Chinese name in OSM: the English one stands in for it".into());
            let en = en.unwrap_or_default();
            I18n { zh: en.clone(), en }
        }
    };
    let article = if kind.en.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    let description = I18n {
        zh: format!("开放街图（OpenStreetMap）上标注为{}。", kind.zh),
        en: format!("Mapped on OpenStreetMap as {article} {}.", kind.en),
    };
    Place {
        position: Some(offer.position),
        address: offer.address,
        hours: offer.hours,
        phone: offer.phone,
        tags: vec![kind.en.into(), kind.zh.into()],
        sources: vec![e.source()],
        ..Place::new(id, name, kind.category.into(), description)
    }
}
