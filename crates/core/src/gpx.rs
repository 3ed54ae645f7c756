//! GPX 1.1 export of a walking route, for hikers who follow it in their own map app (OsmAnd,
//! 两步路, Organic Maps…) with its offline maps and GPS.
//!
//! Positions in the pack are WGS-84, which is what GPX requires, so they are written as they
//! are. Approximate positions say so in the waypoint's comment, as they do in the app.

use crate::content::{Pack, Position, Precision, Route};
use crate::geo::degrees;

pub const GPX_NS: &str = "http://www.topografix.com/GPX/1/1";

/// XML text and attribute escaping. `'` is escaped too, so the output is safe in either kind of
/// attribute quote.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newline are not allowed in XML 1.0 at all.
            c if c.is_control() && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

fn comment(p: &Position, english: bool) -> Option<String> {
    match p.precision {
        Precision::Exact => None,
        Precision::Approximate { radius_m } => Some(if english {
            format!("Approximate position, within {radius_m} m")
        } else {
            format!("大致位置，误差约 {radius_m} 米")
        }),
    }
}

/// The route as GPX: one waypoint per stop (a place stop at the place's position, a point stop
/// at its own point) and the walking line as one track segment. A place stop whose place is
/// missing from the pack is left out (the validator refuses such a pack anyway).
pub fn route_gpx(route: &Route, pack: &Pack, english: bool) -> String {
    let name = escape(route.name.get(english));
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.push_str(&format!(
        "<gpx version=\"1.1\" creator=\"Qiaosi Guide\" xmlns=\"{GPX_NS}\">\n"
    ));
    x.push_str(&format!(
        "  <metadata>\n    <name>{name}</name>\n    <desc>{}</desc>\n  </metadata>\n",
        escape(route.summary.get(english))
    ));
    for (i, stop) in route.stops.iter().enumerate() {
        let place = stop.place.as_deref().and_then(|id| pack.place(id));
        let (pos, own_name) = match (place, &stop.point) {
            // A place with no position at all has no waypoint to give.
            (Some(p), _) => match p.position {
                Some(at) => (at, stop.name.as_ref().or(Some(&p.name))),
                None => continue,
            },
            (None, Some(pt)) => (*pt, stop.name.as_ref()),
            (None, None) => continue,
        };
        // A map app lists waypoints by name, so an unnamed point stop gets its number.
        let stop_name = match own_name {
            Some(n) => n.get(english).to_string(),
            None if english => format!("Stop {}", i + 1),
            None => format!("第 {} 站", i + 1),
        };
        x.push_str(&format!(
            "  <wpt lat=\"{}\" lon=\"{}\">\n    <name>{}</name>\n",
            degrees(pos.lat),
            degrees(pos.lng),
            escape(&stop_name)
        ));
        // GPX 1.1 fixes the order of a waypoint's children: name, cmt, desc.
        if let Some(c) = comment(&pos, english) {
            x.push_str(&format!("    <cmt>{}</cmt>\n", escape(&c)));
        }
        x.push_str(&format!(
            "    <desc>{}</desc>\n  </wpt>\n",
            escape(stop.narrative.get(english))
        ));
    }
    x.push_str(&format!("  <trk>\n    <name>{name}</name>\n    <trkseg>\n"));
    for [lat, lng] in &route.path {
        x.push_str(&format!(
            "      <trkpt lat=\"{}\" lon=\"{}\"/>\n",
            degrees(*lat),
            degrees(*lng)
        ));
    }
    x.push_str("    </trkseg>\n  </trk>\n</gpx>\n");
    x
}
