//! Applying a survey patch to a pack (`qiaosi merge`).
//!
//! - The patch itself is checked first: its format, a visit date, a `surveyed` source for every
//!   place, and what a new place needs (a name in both languages, a known category, a position
//!   or an area). Problems carry their path in the patch (`places[0].source.date`).
//! - Every entry the patch touches is checked against the pack, whatever the versions say: an
//!   entry whose fingerprint differs from the patch's `was` changed since the patch was made; a
//!   new entry whose id the pack already has, or a changed one the pack no longer has, cannot
//!   be placed. All such conflicts are listed, with what the patch would change, and nothing is
//!   applied. (A patch made against the very pack applies whole; one made against an older
//!   pack applies when nothing it touches changed since.)
//! - Applied: a place takes every field the patch sets (a position does not remove the area),
//!   and the visit is appended to its sources unless the same source is already there. A new
//!   place without a description gets one saying its category and the visit, flagged in the
//!   diff for the editor. A route is replaced whole, or added.
//! - The merged pack must pass [`crate::validate::validate`], the app's own rules; its
//!   `meta.version` becomes `<old>+patch-<made>` unless the caller names one.

use super::diff::{place_changes, route_changes, Change, EntryKind};
use super::refusal::{Conflict, Refusal};
use super::{entry_fingerprint, Patch, PlacePatch, PATCH_FORMAT};
use crate::content::{category_name, Basis, I18n, Pack, Place, CATEGORIES};
use crate::time::Date;
use crate::validate::{validate, Kind, Problem};
use std::collections::HashSet;

/// Applies `patch` to `pack`: the merged pack and what changed, or why not.
pub fn merge(pack: &Pack, patch: &Patch) -> Result<(Pack, Vec<Change>), Refusal> {
    merge_as(pack, patch, None)
}

/// [`merge`], with the merged pack's `meta.version` chosen by the caller.
pub fn merge_as(
    pack: &Pack,
    patch: &Patch,
    version: Option<&str>,
) -> Result<(Pack, Vec<Change>), Refusal> {
    let mut refusal = Refusal {
        base: patch.base.clone(),
        version: pack.meta.version.clone(),
        patch: check(pack, patch),
        conflicts: if patch.format == PATCH_FORMAT {
            conflicts(pack, patch)
        } else {
            vec![]
        },
        invalid: vec![],
    };
    if !refusal.patch.is_empty() || !refusal.conflicts.is_empty() {
        return Err(refusal);
    }
    let mut out = pack.clone();
    let mut changes = Vec::new();
    for p in &patch.places {
        let old = pack.place(&p.id);
        let place = match out.places.iter_mut().find(|q| q.id == p.id) {
            Some(place) => place,
            None => {
                out.places.push(new_place(p));
                out.places.last_mut().expect("just pushed")
            }
        };
        apply(place, p);
        let mut notes = Vec::new();
        if old.is_none() && p.description.is_none() {
            notes.push(
                "description written from the category and the visit: replace it with a real one"
                    .into(),
            );
        }
        if let Some(n) = &p.note {
            notes.push(format!("from {}: {n}", patch.surveyor));
        }
        let fields = place_changes(old, place);
        if !fields.is_empty() || !notes.is_empty() {
            changes.push(Change {
                kind: EntryKind::Place,
                id: p.id.clone(),
                name: place.name.zh.clone(),
                added: old.is_none(),
                fields,
                notes,
            });
        }
    }
    for r in &patch.routes {
        let old = pack.route(&r.route.id);
        match out.routes.iter_mut().find(|q| q.id == r.route.id) {
            Some(route) => *route = r.route.clone(),
            None => out.routes.push(r.route.clone()),
        }
        let fields = route_changes(old, &r.route);
        let notes: Vec<String> = r
            .note
            .iter()
            .map(|n| format!("from {}: {n}", patch.surveyor))
            .collect();
        if !fields.is_empty() || !notes.is_empty() {
            changes.push(Change {
                kind: EntryKind::Route,
                id: r.route.id.clone(),
                name: r.route.name.zh.clone(),
                added: old.is_none(),
                fields,
                notes,
            });
        }
    }
    out.meta.version = version.map_or_else(
        || format!("{}+patch-{}", pack.meta.version, patch.made),
        str::to_string,
    );
    changes.insert(0, Change::version(&pack.meta.version, &out.meta.version));
    refusal.invalid = validate(&out);
    if refusal.invalid.is_empty() {
        Ok((out, changes))
    } else {
        Err(refusal)
    }
}

/// A new place before the patch's fields are applied: a description from its category and
/// the visit when the patch has none (the pack shows one for every place).
fn new_place(p: &PlacePatch) -> Place {
    let cat = p.category.as_deref().unwrap_or_default();
    let day = p.source.date.as_deref().unwrap_or_default();
    let description = I18n {
        zh: format!(
            "{}。{day} 实地记录，介绍待补充。",
            category_name(cat, false)
        ),
        en: format!(
            "{}. Recorded on site on {day}; a description is to follow.",
            category_name(cat, true)
        ),
    };
    Place::new(p.id.clone(), I18n::default(), cat.into(), description)
}

/// The patch's fields over the place's, and the visit among its sources.
fn apply(place: &mut Place, p: &PlacePatch) {
    fn set<T: Clone>(field: &mut T, v: &Option<T>) {
        if let Some(v) = v {
            *field = v.clone();
        }
    }
    fn set_opt<T: Clone>(field: &mut Option<T>, v: &Option<T>) {
        if v.is_some() {
            field.clone_from(v);
        }
    }
    set(&mut place.name, &p.name);
    set(&mut place.category, &p.category);
    set(&mut place.description, &p.description);
    set_opt(&mut place.position, &p.position);
    set_opt(&mut place.area, &p.area);
    set_opt(&mut place.address, &p.address);
    set_opt(&mut place.hours, &p.hours);
    set_opt(&mut place.phone, &p.phone);
    set_opt(&mut place.entrance, &p.entrance);
    set_opt(&mut place.access, &p.access);
    if !place.sources.contains(&p.source) {
        place.sources.push(p.source.clone());
    }
}

/// What is wrong with the patch on its own (or for a new place, with what it brings).
fn check(pack: &Pack, patch: &Patch) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut add = |path: String, message: &str| {
        out.push(Problem {
            path,
            kind: Kind::Empty,
            message: message.into(),
        })
    };
    if patch.format != PATCH_FORMAT {
        add(
            "format".into(),
            &format!("patch format {} is not {PATCH_FORMAT}", patch.format),
        );
    }
    if patch.base.trim().is_empty() {
        add(
            "base".into(),
            "must name the pack version the patch was made against",
        );
    }
    if Date::parse(&patch.made).is_none() {
        add("made".into(), "not a date (YYYY-MM-DD)");
    }
    if patch.surveyor.trim().is_empty() {
        add("surveyor".into(), "must not be empty");
    }
    if patch.places.is_empty() && patch.routes.is_empty() {
        add(String::new(), "the patch records no place and no route");
    }
    let id_ok = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    let mut seen = HashSet::new();
    for (i, p) in patch.places.iter().enumerate() {
        let at = format!("places[{i}]");
        if !id_ok(&p.id) {
            add(format!("{at}.id"), "not a valid id (a-z, 0-9 and -)");
        } else if !seen.insert(p.id.as_str()) {
            add(format!("{at}.id"), "the patch records this place twice");
        }
        let s = &p.source;
        if s.basis != Basis::Surveyed {
            add(
                format!("{at}.source.basis"),
                "a patch records a visit: the basis must be \"surveyed\"",
            );
        }
        if s.cite.trim().is_empty() {
            add(format!("{at}.source.cite"), "must name the surveyor");
        }
        if s.date.as_deref().and_then(Date::parse).is_none() {
            add(
                format!("{at}.source.date"),
                "the day of the visit is needed (YYYY-MM-DD)",
            );
        }
        if p.was.is_some() || pack.place(&p.id).is_some() {
            continue;
        }
        // A new place: what the pack needs of every place.
        match &p.name {
            Some(n) if !n.zh.trim().is_empty() && !n.en.trim().is_empty() => {}
            _ => add(
                format!("{at}.name"),
                "a new place needs its name in both languages",
            ),
        }
        match p.category.as_deref() {
            Some(c) if CATEGORIES.contains(&c) => {}
            _ => add(
                format!("{at}.category"),
                &format!("a new place needs a category ({})", CATEGORIES.join(", ")),
            ),
        }
        if p.position.is_none() && p.area.is_none() {
            add(
                format!("{at}.position"),
                "a new place needs a position or an area in words",
            );
        }
    }
    let mut seen = HashSet::new();
    for (i, r) in patch.routes.iter().enumerate() {
        if !seen.insert(r.route.id.as_str()) {
            add(
                format!("routes[{i}].route.id"),
                "the patch records this route twice",
            );
        }
    }
    out
}

/// Entries that changed since the patch was made, or are not where it expects them.
fn conflicts(pack: &Pack, patch: &Patch) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, p) in patch.places.iter().enumerate() {
        let now = pack.place(&p.id);
        let message = match (&p.was, now) {
            (None, Some(_)) => {
                "recorded as a new place, but the pack already has a place with this id"
            }
            (Some(_), None) => {
                "not in this pack (removed or renamed since, or the patch is for another pack)"
            }
            (Some(was), Some(now)) if *was != entry_fingerprint(now) => {
                "changed since the patch was made"
            }
            _ => continue,
        };
        let fields = now.map_or_else(Vec::new, |now| {
            let mut after = now.clone();
            apply(&mut after, p);
            place_changes(Some(now), &after)
        });
        out.push(Conflict {
            path: format!("places[{i}]"),
            kind: EntryKind::Place,
            id: p.id.clone(),
            message: message.into(),
            fields,
        });
    }
    for (i, r) in patch.routes.iter().enumerate() {
        let now = pack.route(&r.route.id);
        let message = match (&r.was, now) {
            (None, Some(_)) => {
                "recorded as a new route, but the pack already has a route with this id"
            }
            (Some(_), None) => {
                "not in this pack (removed or renamed since, or the patch is for another pack)"
            }
            (Some(was), Some(now)) if *was != entry_fingerprint(now) => {
                "changed since the patch was made"
            }
            _ => continue,
        };
        out.push(Conflict {
            path: format!("routes[{i}]"),
            kind: EntryKind::Route,
            id: r.route.id.clone(),
            message: message.into(),
            fields: now.map_or_else(Vec::new, |now| route_changes(Some(now), &r.route)),
        });
    }
    out
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
