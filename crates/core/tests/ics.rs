//! The calendar export read back the way a calendar app reads it: unfold, split, unescape.

use qiaosi_core::content::{Edition, Event, Pack};
use qiaosi_core::ics::{all_events, calendar, clashes, event_ics, fold_into, uid};
use qiaosi_core::time::When;
use serde_json::json;

const SHIPPED: &str = include_str!("../../../public/content/pack.json");
/// 2024-09-20T02:40:00Z.
const NOW: i64 = 1_726_800_000;

fn pack() -> Pack {
    qiaosi_core::validate::load(SHIPPED).unwrap()
}

/// Physical lines, checking the framing on the way: CRLF only, ≤ 75 octets, whole UTF-8.
fn physical(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for l in &lines {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare line break in {l:?}"
        );
        assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
    }
    lines
}

/// Content lines as (name with parameters, raw value), continuation lines joined.
fn unfold(text: &str) -> Vec<(String, String)> {
    let mut logical: Vec<String> = Vec::new();
    for l in physical(text) {
        match l.strip_prefix(' ') {
            Some(rest) => logical.last_mut().unwrap().push_str(rest),
            None => logical.push(l.to_string()),
        }
    }
    logical
        .into_iter()
        .map(|l| {
            let (k, v) = l.split_once(':').unwrap();
            (k.to_string(), v.to_string())
        })
        .collect()
}

fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut it = v.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c) => out.push(c),
                None => panic!("dangling backslash in {v:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The values of property `name` (parameters included in the key) across the calendar.
fn values<'a>(lines: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn edition(events: serde_json::Value) -> Edition {
    serde_json::from_value(json!({
        "id": "2025", "name": { "zh": "第三届古海塘文化节", "en": "3rd Seawall Festival" },
        "start": "2025-10-01", "period": { "zh": "", "en": "" },
        "summary": { "zh": "", "en": "" }, "sources": [], "events": events
    }))
    .unwrap()
}

fn pairs(ed: &Edition) -> Vec<(&Edition, &Event)> {
    ed.events.iter().map(|e| (ed, e)).collect()
}

#[test]
fn the_shipped_festival_exports_its_dated_events_as_all_day() {
    let p = pack();
    let out = calendar(&p, &all_events(&p), false, NOW);
    let lines = unfold(&out.text);
    assert_eq!(lines.first().unwrap().1, "VCALENDAR");
    // The 2022 opening, and on 2023-12-27 the three opening shows and the teahouse.
    assert_eq!(
        values(&lines, "BEGIN")
            .iter()
            .filter(|v| **v == "VEVENT")
            .count(),
        5
    );
    assert_eq!(values(&lines, "DTSTART;VALUE=DATE")[0], "20220913");
    assert_eq!(values(&lines, "DTEND;VALUE=DATE")[0], "20220914");
    assert_eq!(values(&lines, "DTSTART;VALUE=DATE")[1..], ["20231227"; 4]);
    assert_eq!(values(&lines, "DTSTAMP")[0], "20240920T024000Z");
    assert_eq!(values(&lines, "UID")[0], "2022-opening@qiaosi-guide");
    assert!(values(&lines, "UID").contains(&"2023-teahouse-reopens@qiaosi-guide"));
    // The teahouse is named as the place, but no pin is made up for it: its position is not
    // known.
    assert_eq!(values(&lines, "LOCATION"), ["乔司老茶馆"]);
    assert!(values(&lines, "GEO").is_empty());
    // Undated events are named, not silently dropped and not given a made-up date.
    assert!(out.skipped.contains(&"2022/asian-games-walk".to_string()));
    assert!(out.skipped.contains(&"2022/logo-and-song".to_string()));
    assert!(out.skipped.contains(&"2023/seawall-speakers".to_string()));
    assert_eq!(out.skipped.len(), all_events(&p).len() - 5);
    let undated = p.edition("2022").unwrap().event("mothers-taste").unwrap();
    assert_eq!(
        event_ics(&p, p.edition("2022").unwrap(), undated, true, NOW),
        None
    );
}

#[test]
fn timed_events_keep_shanghai_wall_clock_with_a_vtimezone() {
    let ed = edition(json!([
        { "id": "opening-show", "title": { "zh": "开幕式", "en": "Opening show" },
          "start": "2025-10-09T11:30:00Z", "end": "2025-10-09T21:00+08:00",
          "place": "tide-parlour", "description": { "zh": "观潮", "en": "Bore watching" } },
        { "id": "no-end", "title": { "zh": "夜游", "en": "Night walk" },
          "start": "2025-10-09T20:00+08:00", "description": { "zh": "", "en": "" } },
        { "id": "three-days", "title": { "zh": "市集", "en": "Market" },
          "start": "2025-10-01", "end": "2025-10-03", "description": { "zh": "", "en": "" } }
    ]));
    let p = pack();
    let lines = unfold(&calendar(&p, &pairs(&ed), true, NOW).text);
    assert_eq!(values(&lines, "TZID"), ["Asia/Shanghai"]);
    assert_eq!(values(&lines, "TZOFFSETFROM"), ["+0800"]);
    assert_eq!(values(&lines, "TZOFFSETTO"), ["+0800"]);
    let starts = values(&lines, "DTSTART;TZID=Asia/Shanghai");
    // 11:30Z is 19:30 in Shanghai; the calendar must show 19:30, not 11:30.
    assert_eq!(starts, ["20251009T193000", "20251009T200000"]);
    // The night walk has no published end, so it gets none.
    assert_eq!(
        values(&lines, "DTEND;TZID=Asia/Shanghai"),
        ["20251009T210000"]
    );
    // Three days, 1st to 3rd: the exclusive end is the 4th.
    assert_eq!(values(&lines, "DTEND;VALUE=DATE"), ["20251004"]);
    assert_eq!(values(&lines, "SUMMARY")[0], "Opening show");
    let place = &p.place("tide-parlour").unwrap().name.en;
    assert_eq!(values(&lines, "LOCATION").len(), 1);
    assert_eq!(unescape(values(&lines, "LOCATION")[0]), *place);
}

#[test]
fn uids_are_stable_and_only_the_stamp_moves() {
    let p = pack();
    let ed = p.edition("2023").unwrap();
    let ev = ed.event("yue-opera").unwrap();
    assert_eq!(uid(ed, ev), "2023-yue-opera@qiaosi-guide");
    let a = event_ics(&p, ed, ev, false, NOW).unwrap();
    let b = event_ics(&p, ed, ev, false, NOW + 86_400).unwrap();
    let (la, lb) = (unfold(&a), unfold(&b));
    assert_eq!(values(&la, "UID"), values(&lb, "UID"));
    let differing: Vec<_> = la.iter().zip(&lb).filter(|(x, y)| x != y).collect();
    assert_eq!(differing.len(), 1);
    assert_eq!(differing[0].0 .0, "DTSTAMP");
    assert_eq!(a, event_ics(&p, ed, ev, false, NOW).unwrap());
}

#[test]
fn folding_never_splits_a_character() {
    // 3-byte Chinese and 4-byte emoji at every alignment against the 75-octet limit.
    for pad in 0..4 {
        let title = format!("{}{}", "x".repeat(pad), "古海塘观潮🌊节，".repeat(12));
        let mut out = String::new();
        fold_into(&mut out, &format!("SUMMARY:{title}"));
        let lines = physical(&out);
        assert!(lines.len() > 3);
        // Every physical line but the last is filled as far as a whole character allows.
        for l in &lines[..lines.len() - 1] {
            assert!(l.len() >= 72, "{} octets: {l:?}", l.len());
        }
        assert_eq!(unfold(&out)[0].1, title);
    }
    let mut short = String::new();
    fold_into(&mut short, &"a".repeat(75));
    assert_eq!(physical(&short).len(), 1);
    let mut one_more = String::new();
    fold_into(&mut one_more, &"a".repeat(76));
    assert_eq!(physical(&one_more), ["a".repeat(75), " a".to_string()]);
}

#[test]
fn text_is_escaped_and_reads_back() {
    let tricky = "Tea, songs; and \\ more\nnext line";
    let ed = edition(json!([
        { "id": "t", "title": { "zh": tricky, "en": tricky }, "start": "2025-10-09",
          "description": { "zh": "a;b,c", "en": "a;b,c" } }
    ]));
    let text = calendar(&pack(), &pairs(&ed), false, NOW).text;
    assert!(text.contains("SUMMARY:Tea\\, songs\\; and \\\\ more\\nnext line\r\n"));
    let lines = unfold(&text);
    assert_eq!(unescape(values(&lines, "SUMMARY")[0]), tricky);
    assert_eq!(unescape(values(&lines, "DESCRIPTION")[0]), "a;b,c");
}

fn w(s: &str) -> When {
    When::parse(s).unwrap()
}

#[test]
fn clashes_overlap_timed_items_only() {
    let items = [
        (
            "opera",
            w("2025-10-09T19:30+08:00"),
            Some(w("2025-10-09T21:00+08:00")),
        ),
        // Starts as the opera ends: touching, not clashing.
        ("walk", w("2025-10-09T21:00+08:00"), None),
        // No end: taken as one hour, 20:30–21:30, so it overlaps both.
        ("tea", w("2025-10-09T12:30Z"), None),
        // An end before its start is ignored: one hour, 22:00–23:00, overlapping nothing.
        (
            "late",
            w("2025-10-09T22:00+08:00"),
            Some(w("2025-10-09T21:00+08:00")),
        ),
        // Known only by the day: never a clash, with timed items or with each other.
        ("market", w("2025-10-09"), None),
        ("fair", w("2025-10-09"), Some(w("2025-10-10"))),
    ];
    assert_eq!(clashes(&items), [("opera", "tea"), ("walk", "tea")]);
    assert!(clashes(&items[4..]).is_empty());
    assert!(clashes(&[]).is_empty());
}
