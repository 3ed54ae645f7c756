//! What is on now and what comes next in a festival edition, by Shanghai time: the strip at
//! the top of the festival page while an edition runs.

use crate::content::{Edition, Event};
use crate::time::{LocalDateTime, When};

/// An event with a start time but no stated end is taken to last this long.
pub const DEFAULT_LENGTH_S: i64 = 3600;

#[derive(Debug, PartialEq)]
pub struct NowNext<'a> {
    /// Running at `now`, in start order.
    pub on: Vec<&'a Event>,
    /// The first event starting after `now`, with its start.
    pub next: Option<(&'a Event, LocalDateTime)>,
}

/// Events with only a date (no time) are left out: "now" needs a time.
pub fn now_next(e: &Edition, now: LocalDateTime) -> NowNext<'_> {
    let t = now.to_unix_s();
    let mut timed: Vec<(LocalDateTime, i64, &Event)> = e
        .events
        .iter()
        .filter_map(|ev| {
            let When::At(s) = ev.starts()? else {
                return None;
            };
            let end = match ev.ends() {
                Some(When::At(x)) => x.to_unix_s(),
                _ => s.to_unix_s() + DEFAULT_LENGTH_S,
            };
            Some((s, end, ev))
        })
        .collect();
    crate::listing::sort_small_by(&mut timed, |a, b| a.0 < b.0);
    NowNext {
        on: timed
            .iter()
            .filter(|(s, end, _)| s.to_unix_s() <= t && t < *end)
            .map(|x| x.2)
            .collect(),
        next: timed
            .iter()
            .find(|(s, _, _)| s.to_unix_s() > t)
            .map(|x| (x.2, x.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::I18n;

    fn ev(id: &str, start: Option<&str>, end: Option<&str>) -> Event {
        let t = I18n {
            zh: id.into(),
            en: id.into(),
        };
        Event {
            id: id.into(),
            title: t.clone(),
            start: start.map(Into::into),
            end: end.map(Into::into),
            place: None,
            description: t,
        }
    }

    fn at(s: &str) -> LocalDateTime {
        match When::parse(s) {
            Some(When::At(t)) => t,
            _ => panic!("{s}"),
        }
    }

    #[test]
    fn now_and_next_by_shanghai_time() {
        let e = Edition {
            events: vec![
                ev("drama", Some("2026-11-27T20:00+08:00"), None),
                ev(
                    "opening",
                    Some("2026-11-27T19:00+08:00"),
                    Some("2026-11-27T21:00+08:00"),
                ),
                ev("undated", None, None),
                ev("daylong", Some("2026-11-27"), None),
                ev("walk", Some("2026-11-28T01:00Z"), None), // 09:00 in Shanghai
            ],
            ..crate::content::tests::edition("2026-11-27", None)
        };
        fn ids(n: &NowNext) -> (Vec<String>, Option<String>) {
            (
                n.on.iter().map(|e| e.id.clone()).collect(),
                n.next.map(|x| x.0.id.clone()),
            )
        }
        assert_eq!(
            ids(&now_next(&e, at("2026-11-27T19:30+08:00"))),
            (vec!["opening".into()], Some("drama".into()))
        );
        // Overlaps are both "on"; an event without an end lasts an hour.
        assert_eq!(
            ids(&now_next(&e, at("2026-11-27T20:30+08:00"))),
            (vec!["opening".into(), "drama".into()], Some("walk".into()))
        );
        assert_eq!(
            ids(&now_next(&e, at("2026-11-27T21:30+08:00"))),
            (vec![], Some("walk".into()))
        );
        let n = now_next(&e, at("2026-11-27T23:00+08:00"));
        assert_eq!(n.next.unwrap().1, at("2026-11-28T09:00+08:00"));
        assert_eq!(
            ids(&now_next(&e, at("2026-11-28T10:30+08:00"))),
            (vec![], None)
        );
    }
}
