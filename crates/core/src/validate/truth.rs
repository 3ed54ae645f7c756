//! The rules that keep a guess from passing as a fact: every entry cites where it comes from,
//! an exact position needs someone who was there (or the venue itself), a place without a
//! usable position says in words where it roughly is, and no two places sit on one invented
//! point.

use super::checker::Checker;
use super::{Kind, Problem};
use crate::content::{is_source_date, Basis, Pack, Place, Precision, Source, SEED};
use crate::time::Date;
use std::collections::HashSet;

pub(super) fn sources(v: &mut Checker, at: &str, sources: &[Source]) {
    let path = format!("{at}.sources");
    if sources.is_empty() {
        v.add(
            &path,
            Kind::Unsourced,
            "at least one source is needed".into(),
        );
    }
    for (i, s) in sources.iter().enumerate() {
        let sat = format!("{path}[{i}]");
        if !s.is_citable() {
            v.add(
                &format!("{sat}.cite"),
                Kind::Unsourced,
                format!(
                    "\"{}\" is neither a full URL (https://…) nor the seed article \"{SEED}\" \
                     (a surveyed source names its surveyor)",
                    s.cite
                ),
            );
        }
        if let Some(d) = s.date.as_deref().filter(|d| !is_source_date(d)) {
            v.add(
                &format!("{sat}.date"),
                Kind::BadDate,
                format!("\"{d}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
            );
        }
        if let Some(says) = &s.says {
            v.i18n(&format!("{sat}.says"), &says.zh, &says.en);
        }
    }
}

/// A place's position against what its sources can vouch for.
pub(super) fn place_position(v: &mut Checker, at: &str, p: &Place) {
    if let Some(pos) = &p.position {
        v.position(&format!("{at}.position"), pos);
        if pos.precision == Precision::Exact && !p.sources.iter().any(|s| s.basis.can_locate()) {
            v.add(
                &format!("{at}.position.precision"),
                Kind::Overstated,
                "an exact position needs a surveyed or official source; give a radius instead"
                    .into(),
            );
        }
    }
    let needs_area = p.position.is_none_or(|pos| !pos.is_located());
    match &p.area {
        Some(a) => {
            v.i18n(&format!("{at}.area"), &a.zh, &a.en);
            // The app frames the area itself: "大致在…一带" / "Somewhere around …". ASCII case
            // folding is enough for these English words, and keeps Unicode's case tables out
            // of the wasm (docs/size.md).
            let en = a.en.to_ascii_lowercase();
            if ["一带", "附近", "大致"].iter().any(|w| a.zh.contains(w))
                || ["near ", "around ", "somewhere "]
                    .iter()
                    .any(|w| en.starts_with(w))
            {
                v.add(
                    &format!("{at}.area"),
                    Kind::OutOfRange,
                    "name the area only (乔司街道 / Qiaosi): the guide adds 大致在…一带 and \
                     \"Somewhere around\" itself"
                        .into(),
                );
            }
        }
        None if needs_area => v.add(
            &format!("{at}.area"),
            Kind::Empty,
            "a place without a position, or with one only good to 300 m or more, needs an \
             area in words (e.g. 乔司街道)"
                .into(),
        ),
        None => {}
    }
}

/// Two places on the very same point: almost always one invented point reused, unless one is
/// inside the other.
pub(super) fn shared_points(v: &mut Checker, pack: &Pack, place_ids: &HashSet<&str>) {
    for (i, p) in pack.places.iter().enumerate() {
        if let Some(w) = &p.within {
            v.reference(&format!("places[{i}].within"), w, place_ids, "place");
        }
        let Some(a) = p.position else { continue };
        for q in &pack.places[..i] {
            let Some(b) = q.position else { continue };
            let inside = p.within.as_deref() == Some(q.id.as_str())
                || q.within.as_deref() == Some(p.id.as_str());
            if a.lat == b.lat && a.lng == b.lng && !inside {
                v.add(
                    &format!("places[{i}].position"),
                    Kind::Overstated,
                    format!(
                        "same point as \"{}\"; give each place its own position, or none, \
                         or mark one as `within` the other",
                        q.id
                    ),
                );
            }
        }
    }
}

/// A line good enough to follow (and to warn "off route" against) needs someone who walked it:
/// an official page about one stop says nothing about the path between stops.
pub(super) fn route_line(v: &mut Checker, at: &str, r: &crate::content::Route) {
    let walked = r.sources.iter().any(|s| s.basis == Basis::Surveyed);
    if r.follows_line() && !walked {
        v.add(
            &format!("{at}.path_precision"),
            Kind::Overstated,
            format!(
                "a line drawn to within {} m needs a surveyed source; give a larger \
                 radius or leave the path out",
                crate::content::LINE_WITHIN_M
            ),
        );
    }
}

/// A geofence measures the visitor's distance to the point's place: only meaningful for a
/// place located well enough to walk to.
pub(super) fn geofences(v: &mut Checker, pack: &Pack) {
    for (i, p) in pack.checkin.points.iter().enumerate() {
        let unlocated = pack
            .checkin_point_place(&p.id)
            .is_none_or(|pl| pl.located().is_none());
        if p.geofence_m.is_some() && unlocated {
            v.add(
                &format!("checkin.points[{i}].geofence_m"),
                Kind::Overstated,
                "a geofence needs a place located to within 300 m".into(),
            );
        }
    }
}

/// Source dates after `today` (a typo, or a survey from a phone with a wrong clock). Kept out
/// of [`super::load`]: a phone whose clock is behind must not refuse good content.
pub fn dated_after(pack: &Pack, today: Date) -> Vec<Problem> {
    let today = today.to_string();
    let mut v = Checker::default();
    let mut check = |at: String, sources: &[Source]| {
        for (i, s) in sources.iter().enumerate() {
            let Some(d) = s.date.as_deref().filter(|d| is_source_date(d)) else {
                continue;
            };
            if d > &today[..d.len()] {
                v.add(
                    &format!("{at}.sources[{i}].date"),
                    Kind::BadDate,
                    format!("{d} is after today ({today})"),
                );
            }
        }
    };
    for (i, p) in pack.places.iter().enumerate() {
        check(format!("places[{i}]"), &p.sources);
    }
    for (i, r) in pack.routes.iter().enumerate() {
        check(format!("routes[{i}]"), &r.sources);
    }
    for (i, e) in pack.festival.iter().enumerate() {
        check(format!("festival[{i}]"), &e.sources);
    }
    v.problems
}
