//! iCalendar (RFC 5545) export of festival events, so a visitor can put them in the phone's
//! calendar, and schedule clash detection for a personal plan.
//!
//! Times are written as Asia/Shanghai wall-clock with `TZID` and a VTIMEZONE block (fixed
//! +08:00, as in [`crate::time`]), so a calendar shows 19:30 for a 19:30 show whatever zone the
//! phone is in. An event whose day is known but whose time is not (`When::Day`) becomes an
//! all-day event. An event with no date at all is left out and reported back.

use crate::content::{Edition, Event, Pack};
use crate::geo::degrees;
use crate::time::{Date, LocalDateTime, When};

pub const PRODID: &str = "-//Qiaosi Guide//Festival//ZH";
const TZID: &str = "Asia/Shanghai";

/// The calendar text and the events it had to leave out (`edition/event`, no date known).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub text: String,
    pub skipped: Vec<String>,
}

/// A stable UID, so re-importing an updated export updates the event instead of doubling it.
pub fn uid(edition: &Edition, event: &Event) -> String {
    format!("{}-{}@qiaosi-guide", edition.id, event.id)
}

/// A calendar with one event, or `None` when its date is unknown.
pub fn event_ics(
    pack: &Pack,
    edition: &Edition,
    event: &Event,
    english: bool,
    now_unix_s: i64,
) -> Option<String> {
    let e = calendar(pack, &[(edition, event)], english, now_unix_s);
    e.skipped.is_empty().then_some(e.text)
}

/// Every event of every edition in the pack, in pack order.
pub fn all_events(pack: &Pack) -> Vec<(&Edition, &Event)> {
    pack.festival
        .iter()
        .flat_map(|ed| ed.events.iter().map(move |ev| (ed, ev)))
        .collect()
}

/// A calendar of `events`. `now_unix_s` is the DTSTAMP, passed in so that output is
/// reproducible; titles, descriptions and places are in the chosen language.
pub fn calendar(
    pack: &Pack,
    events: &[(&Edition, &Event)],
    english: bool,
    now_unix_s: i64,
) -> Export {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VTIMEZONE".into(),
        format!("TZID:{TZID}"),
        // China has kept +08:00 without daylight saving since 1991; one STANDARD rule is exact.
        "BEGIN:STANDARD".into(),
        "DTSTART:19910101T000000".into(),
        "TZOFFSETFROM:+0800".into(),
        "TZOFFSETTO:+0800".into(),
        "TZNAME:CST".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ];
    let stamp = utc(now_unix_s);
    let mut skipped = Vec::new();
    for &(edition, event) in events {
        let Some(start) = event.starts() else {
            skipped.push(format!("{}/{}", edition.id, event.id));
            continue;
        };
        let end = event.ends();
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", uid(edition, event)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.extend(times(start, end));
        lines.push(format!("SUMMARY:{}", escape(event.title.get(english))));
        let desc = event.description.get(english);
        if !desc.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(desc)));
        }
        if let Some(place) = event.place.as_deref().and_then(|id| pack.place(id)) {
            lines.push(format!("LOCATION:{}", escape(place.name.get(english))));
            // A calendar shows GEO as a pin: only for a place located well enough to walk to.
            if let Some(p) = place.located() {
                lines.push(format!("GEO:{};{}", degrees(p.lat), degrees(p.lng)));
            }
        }
        lines.push(format!("CATEGORIES:{}", escape(edition.name.get(english))));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut text = String::new();
    for l in &lines {
        fold_into(&mut text, l);
    }
    Export { text, skipped }
}

/// DTSTART and DTEND. All-day: DTEND is the day after the last (RFC 5545 ends are exclusive).
/// Timed with no published end: no DTEND, which calendars show as a moment, rather than an
/// invented duration.
fn times(start: When, end: Option<When>) -> Vec<String> {
    // An end before the start is a content slip; drop it rather than export a negative event.
    let end = end.filter(|e| e.date() >= start.date());
    match start {
        When::Day(d) => {
            let last = end.map_or(d, When::date).max(d);
            vec![
                format!("DTSTART;VALUE=DATE:{}", day(d)),
                format!("DTEND;VALUE=DATE:{}", day(last.add_days(1))),
            ]
        }
        When::At(t) => {
            let mut v = vec![format!("DTSTART;TZID={TZID}:{}", local(t))];
            let end = match end {
                Some(When::At(e)) if e > t => Some(e),
                // A timed start with only an end day: until the end of that day.
                Some(When::Day(d)) => Some(LocalDateTime {
                    date: d.add_days(1),
                    minute: 0,
                }),
                _ => None,
            };
            if let Some(e) = end {
                v.push(format!("DTEND;TZID={TZID}:{}", local(e)));
            }
            v
        }
    }
}

fn day(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

fn local(t: LocalDateTime) -> String {
    let (h, m) = t.hour_minute();
    format!("{}T{h:02}{m:02}00", day(t.date))
}

fn utc(unix_s: i64) -> String {
    let days = unix_s.div_euclid(86_400);
    let s = unix_s.rem_euclid(86_400);
    let d = Date::from_days_since_epoch(days);
    format!("{}T{:02}{:02}{:02}Z", day(d), s / 3600, s / 60 % 60, s % 60)
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no physical line exceeds 75 octets (RFC 5545 §3.1), with
/// CRLF endings. Folds fall between characters, never inside a UTF-8 sequence, so a Chinese
/// title survives a calendar that unfolds byte-wise.
pub fn fold_into(out: &mut String, line: &str) {
    let mut budget = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > budget {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts toward its 75.
            budget = 74;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Pairs of items whose times overlap, for warning about a personal plan. Items are
/// `(id, start, end)`. A timed item with no end (or an end not after its start) is taken to
/// last one hour. Items known only by their day never clash with anything: the day says
/// nothing about when on it they happen, so warning would be a guess. Touching is not a clash
/// (one ending at 20:00, the next starting at 20:00). Pairs come in input order.
pub fn clashes<'a>(items: &[(&'a str, When, Option<When>)]) -> Vec<(&'a str, &'a str)> {
    let span = |start: When, end: Option<When>| -> Option<(i64, i64)> {
        let When::At(s) = start else { return None };
        let s = s.to_unix_s();
        let e = match end {
            Some(When::At(e)) if e.to_unix_s() > s => e.to_unix_s(),
            _ => s + 3600,
        };
        Some((s, e))
    };
    let spans: Vec<_> = items.iter().map(|&(id, s, e)| (id, span(s, e))).collect();
    let mut out = Vec::new();
    for (i, &(a, sa)) in spans.iter().enumerate() {
        for &(b, sb) in &spans[i + 1..] {
            if let (Some((s1, e1)), Some((s2, e2))) = (sa, sb) {
                if s1 < e2 && s2 < e1 {
                    out.push((a, b));
                }
            }
        }
    }
    out
}
