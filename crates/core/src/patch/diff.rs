//! What a merge or an OSM import changed, entry by entry and field by field, in words an editor
//! can check before publishing:
//!
//! ```text
//! place library-24h (24小时图书馆)
//!   hours: (none) → Tu-Su 09:00-17:00
//!   position: 30.34417, 120.28361 (±500 m) → 30.34431, 120.28402 (±8 m)
//!   sources: + surveyed · 王芳 · 2026-12-01
//! ```

use crate::content::{Access, Basis, I18n, Place, Position, Precision, Route, Source, Stop};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    Meta,
    Place,
    Route,
}

/// One entry's changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub kind: EntryKind,
    pub id: String,
    /// Its Chinese name, to recognise it by.
    pub name: String,
    /// A new entry rather than a changed one.
    pub added: bool,
    pub fields: Vec<FieldChange>,
    /// For the editors: a surveyor's note, an import's remarks.
    pub notes: Vec<String>,
}

impl Change {
    /// The pack's version going from `old` to `new`, listed first in a merge's or an
    /// import's diff.
    pub fn version(old: &str, new: &str) -> Change {
        Change {
            kind: EntryKind::Meta,
            id: "version".into(),
            name: String::new(),
            added: false,
            fields: vec![FieldChange::set(
                "meta.version",
                Some(old.to_string()),
                Some(new.to_string()),
            )],
            notes: vec![],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub diff: Diff,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Diff {
    /// A value set, replaced or removed (`None`: not there).
    Set {
        old: Option<String>,
        new: Option<String>,
    },
    /// One item added to a list (a source).
    Added(String),
    /// One item taken out of a list.
    Removed(String),
    /// A conflict: another value was offered, the pack's was kept, for the reason `why`.
    Kept {
        pack: String,
        offered: String,
        why: String,
    },
}

impl FieldChange {
    pub fn set(field: &str, old: Option<String>, new: Option<String>) -> FieldChange {
        FieldChange {
            field: field.into(),
            diff: Diff::Set { old, new },
        }
    }

    pub fn is_conflict(&self) -> bool {
        matches!(self.diff, Diff::Kept { .. })
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let none = "(none)";
        let field = &self.field;
        match &self.diff {
            Diff::Set { old, new } => write!(
                f,
                "{field}: {} → {}",
                old.as_deref().unwrap_or(none),
                new.as_deref().unwrap_or(none)
            ),
            Diff::Added(v) => write!(f, "{field}: + {v}"),
            Diff::Removed(v) => write!(f, "{field}: − {v}"),
            Diff::Kept { pack, offered, why } => {
                write!(f, "! {field}: kept {pack} ({why}); not {offered}")
            }
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.kind {
            EntryKind::Meta => "meta",
            EntryKind::Place => "place",
            EntryKind::Route => "route",
        };
        let new = if self.added { "new " } else { "" };
        write!(f, "{new}{kind} {}", self.id)?;
        if !self.name.is_empty() {
            write!(f, " ({})", self.name)?;
        }
        for c in &self.fields {
            match (&c.diff, self.added) {
                // A new entry has no old values to show.
                (Diff::Set { new: Some(v), .. }, true) => write!(f, "\n  {}: {v}", c.field)?,
                _ => write!(f, "\n  {c}")?,
            }
        }
        for n in &self.notes {
            write!(f, "\n  note: {n}")?;
        }
        Ok(())
    }
}

/// Text in both languages, once when they are the same.
pub fn show_i18n(t: &I18n) -> String {
    if t.zh == t.en || t.en.is_empty() {
        t.zh.clone()
    } else if t.zh.is_empty() {
        t.en.clone()
    } else {
        format!("{} / {}", t.zh, t.en)
    }
}

/// `30.34417, 120.28361 (±500 m)`, or `(exact)`.
pub fn show_position(p: &Position) -> String {
    format!("{}, {} ({})", p.lat, p.lng, show_precision(p.precision))
}

pub fn show_precision(p: Precision) -> String {
    match p {
        Precision::Exact => "exact".into(),
        Precision::Approximate { radius_m } => format!("±{radius_m} m"),
    }
}

fn show_access(a: &Access) -> String {
    let tri = |v: Option<bool>| match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    };
    format!("step-free: {}, lift: {}", tri(a.step_free), tri(a.lift))
}

pub fn basis_word(b: Basis) -> &'static str {
    match b {
        Basis::Surveyed => "surveyed",
        Basis::Official => "official",
        Basis::Press => "press",
        Basis::Osm => "osm",
        Basis::Aggregator => "aggregator",
    }
}

/// `surveyed · 王芳 · 2026-12-01`.
pub fn show_source(s: &Source) -> String {
    let mut out = format!("{} · {}", basis_word(s.basis), s.cite);
    if let Some(d) = &s.date {
        out += &format!(" · {d}");
    }
    if let Some(says) = &s.says {
        out += &format!(" · “{}”", show_i18n(says));
    }
    out
}

fn show_stops(stops: &[Stop]) -> String {
    let names: Vec<String> = stops
        .iter()
        .map(|s| match (&s.place, &s.name) {
            (Some(id), _) => id.clone(),
            (None, Some(n)) => n.zh.clone(),
            (None, None) => "?".into(),
        })
        .collect();
    format!("{} stop(s): {}", names.len(), names.join(" → "))
}

fn show_path(r: &Route) -> Option<String> {
    (!r.path.is_empty())
        .then(|| format!("{} points, {:.2} km", r.path.len(), r.length_m() / 1000.0))
}

/// Adds a `Set` change when the shown values differ.
fn field<T>(
    out: &mut Vec<FieldChange>,
    name: &str,
    old: Option<&T>,
    new: Option<&T>,
    show: fn(&T) -> String,
) {
    let (old, new) = (old.map(show), new.map(show));
    if old != new {
        out.push(FieldChange::set(name, old, new));
    }
}

fn sources(out: &mut Vec<FieldChange>, old: &[Source], new: &[Source]) {
    for s in old.iter().filter(|s| !new.contains(s)) {
        out.push(FieldChange {
            field: "sources".into(),
            diff: Diff::Removed(show_source(s)),
        });
    }
    for s in new.iter().filter(|s| !old.contains(s)) {
        out.push(FieldChange {
            field: "sources".into(),
            diff: Diff::Added(show_source(s)),
        });
    }
}

/// What differs between a place as it was (`None`: new) and as it is. Pinyin keys are left
/// out: they follow the name (`qiaosi pinyin`).
pub fn place_changes(old: Option<&Place>, new: &Place) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let o = old;
    let i18n = show_i18n as fn(&I18n) -> String;
    let text = |s: &String| s.clone();
    field(&mut out, "name", o.map(|p| &p.name), Some(&new.name), i18n);
    field(
        &mut out,
        "category",
        o.map(|p| &p.category),
        Some(&new.category),
        text,
    );
    field(
        &mut out,
        "position",
        o.and_then(|p| p.position.as_ref()),
        new.position.as_ref(),
        show_position,
    );
    field(
        &mut out,
        "area",
        o.and_then(|p| p.area.as_ref()),
        new.area.as_ref(),
        i18n,
    );
    field(
        &mut out,
        "within",
        o.and_then(|p| p.within.as_ref()),
        new.within.as_ref(),
        text,
    );
    field(
        &mut out,
        "address",
        o.and_then(|p| p.address.as_ref()),
        new.address.as_ref(),
        i18n,
    );
    field(
        &mut out,
        "hours",
        o.and_then(|p| p.hours.as_ref()),
        new.hours.as_ref(),
        text,
    );
    field(
        &mut out,
        "phone",
        o.and_then(|p| p.phone.as_ref()),
        new.phone.as_ref(),
        text,
    );
    field(
        &mut out,
        "entrance",
        o.and_then(|p| p.entrance.as_ref()),
        new.entrance.as_ref(),
        i18n,
    );
    field(
        &mut out,
        "access",
        o.and_then(|p| p.access.as_ref()),
        new.access.as_ref(),
        show_access,
    );
    field(
        &mut out,
        "description",
        o.map(|p| &p.description),
        Some(&new.description),
        i18n,
    );
    let tags = |t: &Vec<String>| t.join(", ");
    let no_tags = |t: &Vec<String>| !t.is_empty();
    field(
        &mut out,
        "tags",
        o.map(|p| &p.tags).filter(|t| no_tags(t)),
        Some(&new.tags).filter(|t| no_tags(t)),
        tags,
    );
    sources(&mut out, o.map_or(&[], |p| &p.sources), &new.sources);
    out
}

/// What differs between a route as it was (`None`: new) and as it is.
pub fn route_changes(old: Option<&Route>, new: &Route) -> Vec<FieldChange> {
    let mut out = Vec::new();
    let i18n = show_i18n as fn(&I18n) -> String;
    field(
        &mut out,
        "name",
        old.map(|r| &r.name),
        Some(&new.name),
        i18n,
    );
    field(
        &mut out,
        "summary",
        old.map(|r| &r.summary),
        Some(&new.summary),
        i18n,
    );
    let stops = |s: &Vec<Stop>| show_stops(s);
    field(
        &mut out,
        "stops",
        old.map(|r| &r.stops),
        Some(&new.stops),
        stops,
    );
    // Same names, other points or narratives: still a change to show.
    if let Some(o) = old.filter(|o| o.stops != new.stops) {
        let (was, now) = (show_stops(&o.stops), show_stops(&new.stops));
        if was == now {
            out.push(FieldChange::set(
                "stops",
                Some(was),
                Some(now + " (points or narratives changed)"),
            ));
        }
    }
    let (op, np) = (old.and_then(show_path), show_path(new));
    if op != np || old.is_some_and(|r| r.path != new.path) {
        out.push(FieldChange::set("path", op, np));
    }
    let prec = |p: &Precision| show_precision(*p);
    field(
        &mut out,
        "path_precision",
        old.map(|r| &r.path_precision),
        Some(&new.path_precision),
        prec,
    );
    sources(&mut out, old.map_or(&[], |r| &r.sources), &new.sources);
    out
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
