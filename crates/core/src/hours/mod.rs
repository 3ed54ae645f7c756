//! Opening hours written in OpenStreetMap's `opening_hours` syntax, for the "open now" badge
//! and the week table on a place's page.
//!
//! The full language (<https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification>)
//! has months, dates, week numbers, school holidays, sun times, open ends and fallback rules. A
//! parser for all of it would cost more of the wasm first-load budget than the guide can spend,
//! and the shops and stalls of 乔司 do not need it. So this is a deliberate subset, and anything
//! outside it is rejected with an error and its byte position rather than half-understood: a
//! wrong "open now" is worse than none, and content authors get told what to fix.
//!
//! Supported:
//! - `24/7`, as a rule of its own (so `24/7; PH off` works);
//! - rules separated by `;`, a later rule replacing earlier ones for the days it names;
//! - weekdays `Mo Tu We Th Fr Sa Su`, ranges `Mo-Fr`, ranges that wrap `Sa-Mo`, lists
//!   `Mo,We-Fr`, and `PH` (public holiday) alone or in a list: `PH off`, `PH 10:00-16:00`,
//!   `Mo-Fr,PH 09:00-17:00`;
//! - time spans `09:00-12:00`, several per rule `08:00-12:00,14:00-18:00`, past midnight as
//!   `18:00-02:00` or `22:00-26:00` (ends up to `48:00`), and `24:00` as an end;
//! - the modifiers `off` and `closed`;
//! - a rule without weekdays applies to every day: `10:00-22:00`;
//! - any whitespace between tokens.
//!
//! Rejected on purpose, although some of it is valid in the spec: months, dates, years, week
//! numbers, `SH`, sun times, `+` open ends, `||` fallbacks, `Mo[1]`, `open`/`unknown`;
//! comments in quotes (dropping `"by appointment"` would change the meaning, so we refuse it);
//! `off` after times (`Mo 12:00-14:00 off`); additional rules after `,`
//! (`Mo 09:00-12:00, Tu 10:00-12:00`: write `;`); weekdays with no times (`Mo-Fr` alone means
//! open all day in the spec, but here it is far likelier a forgotten time); empty rules,
//! including a trailing `;`; hours written `9:00` or with full-width `：`/`；`/`，`.
//!
//! Two semantic choices:
//! - A span belongs to the day it starts on, as in the spec: `Mo 18:00-02:00` keeps the place
//!   open on Tuesday 00:00-02:00 even if a later rule says `Tu off` (that rule replaces
//!   Tuesday's own spans only), and the week table shows Monday 18:00-26:00.
//! - Public holidays are a layer of their own: on a date `is_holiday` flags, the `PH` rules, if
//!   there are any, replace the weekday rules whatever their order. The spec would let a weekday
//!   rule written after the `PH` rule win on a holiday falling on that weekday
//!   (`Mo-Fr,PH 09:00-17:00; Sa 10:00-14:00` on a Saturday holiday); authors nearly always mean
//!   the `PH` hours, and the layer keeps "week table plus one holiday row" exact.

mod parse;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::time::{Date, LocalDateTime};

/// Minutes from the start of the day a span opens on to its opening and its closing; the end may
/// exceed 1440 for a span past midnight.
type Span = (u16, u16);

const DAY: i32 = 1440;
/// How many days ahead [`OpeningHours::status`] looks for the next opening.
const LOOKAHEAD_DAYS: i64 = 8;

/// Parsed opening hours. Equal values mean the same hours, however they were written
/// (`Mo-Fr 09:00-17:00` equals `Mo,Tu,We,Th,Fr 09:00-17:00`).
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningHours {
    /// Monday first; sorted, overlapping or touching spans merged.
    week: [Vec<Span>; 7],
    /// `None` when no rule names `PH`.
    holiday: Option<Vec<Span>>,
}

/// Why a string is not opening hours this module understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursError {
    pub message: String,
    /// Byte offset into the input where the problem starts.
    pub at: usize,
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.at)
    }
}

impl std::error::Error for HoursError {}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Open now; `closes` is when the current span ends (None when open 24/7 or the span runs
    /// into the next day and beyond one week).
    Open { closes: Option<LocalDateTime> },
    /// Closed; `opens` is the next opening within the coming 8 days, None if never.
    Closed { opens: Option<LocalDateTime> },
}

impl OpeningHours {
    pub fn parse(s: &str) -> Result<OpeningHours, HoursError> {
        let (week, holiday) = parse::parse(s)?;
        Ok(OpeningHours {
            week: week.map(merged),
            holiday: holiday.map(merged),
        })
    }

    /// Status at a Shanghai wall-clock time; `is_holiday` says whether a date is a public
    /// holiday (PH). It is only asked when some rule names `PH`.
    pub fn status(&self, now: LocalDateTime, is_holiday: &dyn Fn(Date) -> bool) -> Status {
        // Lay the spans of yesterday (it may spill into today) through the lookahead end on one
        // axis of minutes from today's midnight, so spans that touch across midnight merge and
        // "closes" is the real closing, not 24:00.
        let mut open: Vec<(i32, i32)> = Vec::new();
        for offset in -1..=LOOKAHEAD_DAYS {
            let date = now.date.add_days(offset);
            let base = offset as i32 * DAY;
            for &(start, end) in self.spans_on(date, is_holiday) {
                open.push((base + i32::from(start), base + i32::from(end)));
            }
        }
        let open = merged(open);
        // Past this, days we did not look at could extend the span.
        let horizon = (LOOKAHEAD_DAYS as i32 + 1) * DAY;
        let t = i32::from(now.minute);
        let at = |m: i32| LocalDateTime {
            date: now.date.add_days(i64::from(m.div_euclid(DAY))),
            minute: m.rem_euclid(DAY) as u16,
        };
        for &(start, end) in &open {
            if start <= t && t < end {
                return Status::Open {
                    closes: (end < horizon).then(|| at(end)),
                };
            }
            if start > t {
                let soon = start <= t + LOOKAHEAD_DAYS as i32 * DAY;
                return Status::Closed {
                    opens: soon.then(|| at(start)),
                };
            }
        }
        Status::Closed { opens: None }
    }

    /// For the week table on a detail page: per weekday Mon..Sun, the spans (start_min, end_min)
    /// where end may exceed 1440 for spans past midnight; empty = closed. PH rules are reported
    /// separately by [`OpeningHours::holiday_spans`].
    pub fn week(&self) -> [Vec<(u16, u16)>; 7] {
        self.week.clone()
    }

    /// `Some(vec![])` = closed on PH, `None` = PH not mentioned (the weekday hours apply).
    pub fn holiday_spans(&self) -> Option<Vec<(u16, u16)>> {
        self.holiday.clone()
    }

    /// Open all day every day, public holidays included.
    pub fn is_24_7(&self) -> bool {
        let all_day = |spans: &[Span]| matches!(spans, [(0, end)] if *end >= 1440);
        self.week.iter().all(|d| all_day(d)) && self.holiday.as_deref().is_none_or(all_day)
    }

    fn spans_on(&self, date: Date, is_holiday: &dyn Fn(Date) -> bool) -> &[Span] {
        match &self.holiday {
            Some(spans) if is_holiday(date) => spans,
            _ => &self.week[date.weekday().index()],
        }
    }
}

impl FromStr for OpeningHours {
    type Err = HoursError;
    fn from_str(s: &str) -> Result<OpeningHours, HoursError> {
        OpeningHours::parse(s)
    }
}

/// Sorts spans and merges those that overlap or touch: `08:00-12:00,12:00-14:00` is one
/// opening, and "closes at 12:00" would be wrong.
fn merged<T: Ord + Copy>(mut spans: Vec<(T, T)>) -> Vec<(T, T)> {
    crate::listing::sort_small_by(&mut spans, |a, b| a < b);
    let mut out: Vec<(T, T)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}
