//! Opening hours written in OpenStreetMap's `opening_hours` syntax, for the "open now" badge
//! and the week table on a place's page.
//!
//! The full language (<https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification>)
//! has months, dates, week numbers, school holidays, sun times, open ends and fallback rules. A
//! parser for all of it would cost more of the wasm first-load budget than the guide can spend,
//! and the places of 乔司 do not need it. So this is a deliberate subset, and anything outside
//! it is rejected with an error, its byte position and the fix rather than half-understood: a
//! wrong "open now" is worse than none, and content authors get told what to write instead.
//!
//! Supported:
//! - `24/7`, as a rule of its own (so `24/7; PH off` works);
//! - rules separated by `;`, a later rule replacing earlier ones for the days it applies to;
//! - weekdays `Mo Tu We Th Fr Sa Su`, ranges `Mo-Fr`, ranges that wrap `Sa-Mo`, lists
//!   `Mo,We-Fr`, and `PH` (public holiday) alone or in a list: `PH off`, `PH 10:00-16:00`,
//!   `Mo-Fr,PH 09:00-17:00`;
//! - months and dates before the weekdays, for seasons and closures: months `Jan` … `Dec` and
//!   ranges `May-Oct`, `Nov-Apr` (wrapping the new year); days `Dec 25` (or `Dec 5`), ranges
//!   `Dec 24-26`, `Jul 15-Aug 31`, `Dec 24-Jan 02`; dates with a year `2027 Feb 05`,
//!   `2027 Feb 05-11`, `2027 Dec 30-2028 Jan 02`; lists of them `Jan-Mar,Nov-Dec`, combined
//!   with weekdays and times or `off`: `May-Oct Tu-Su 09:00-17:00; Nov-Apr Tu-Su 09:00-16:30;
//!   2027 Feb 05 off`. A rule with dates applies on the days that match its dates and its
//!   weekdays, if any;
//! - time spans `09:00-12:00`, several per rule `08:00-12:00,14:00-18:00`, past midnight as
//!   `18:00-02:00` or `22:00-26:00` (ends up to `48:00`), and `24:00` as an end;
//! - the modifiers `off` and `closed`;
//! - a rule without weekdays or dates applies to every day: `10:00-22:00`;
//! - any whitespace between tokens.
//!
//! Rejected on purpose, although some of it is valid in the spec (each with a message that
//! names the fix): years alone (`2027 Mo-Fr …`, `2027 Feb` without a day), week numbers,
//! `SH`, Easter, sun times, `+` open ends, `||` fallbacks, `Mo[1]`, steps like `Jan-Dec/2`,
//! `open`/`unknown`; comments in quotes (dropping `"by appointment"` would change the meaning,
//! so we refuse it); `off` after times (`Mo 12:00-14:00 off`); additional rules after `,`
//! (`Mo 09:00-12:00, Tu 10:00-12:00`: write `;`); weekdays or dates with no times (`Mo-Fr`
//! alone means open all day in the spec, but here it is far likelier a forgotten time); empty
//! rules, including a trailing `;`; `Feb 29` without a year (opening_hours.js reads
//! `Jan 01-Feb 29` as running to Mar 01 in common years); ranges running backwards (`Dec 26-24`); a year at one end of a range
//! only (`2027 Dec 30-Jan 02`, which opening_hours.js refuses too); `24/7` after days or dates
//! (write `00:00-24:00`); a `:` after the days (`Mo-Fr: 09:00-17:00`); hours written `9:00` or
//! with full-width `：`/`；`/`，`.
//!
//! Two semantic choices:
//! - A span belongs to the day it starts on: `Mo-Su 18:00-02:00; Tu off` keeps the place open
//!   on Tuesday 00:00-02:00 (the later rule replaces Tuesday's own spans only), and the week
//!   table shows Monday 18:00-02:00; a day a later rule closes has no night after it either
//!   (`Mo-Su 23:00-01:00; Dec 25 off` is closed at 00:30 on Dec 26). This is unlike
//!   opening_hours.js, the reference implementation, which files the part after midnight under
//!   the next day when rules override each other: there any rule for the next day cuts the
//!   night at midnight, and a rule that closes a day leaves the night of the rule it replaced.
//!   So for a bar written `Mo-Th,Su 19:00-01:00; Fr,Sa 19:00-03:00` it says closed at 00:30
//!   every Friday (Friday has a rule of its own), and for `Mo-Su 18:00-02:00; Tu off` open at
//!   01:00 on Wednesday. We keep a night whole because that is what a venue means: Thursday
//!   night at the bar ends at 01:00 whatever Friday's hours are, `Tu off` says it does not
//!   open on Tuesday (not that Monday night ends early), and a closed day has no closing time
//!   after midnight; it also keeps each row of the week table true on its own. The
//!   differential test against opening_hours.js (`scripts/hours-oracle.mjs`) allows exactly
//!   this difference and no other.
//! - Public holidays outrank weekdays: on a date `is_holiday` flags, if a `PH` rule applies
//!   to it, the rules that select by weekday (or by nothing) are set aside whatever their
//!   order, and the `PH` rules and the rules that name only dates apply in their order. The
//!   spec would let a weekday rule written after the `PH` rule win on a holiday falling on
//!   that weekday (`Mo-Fr,PH 09:00-17:00; Sa 10:00-14:00` on a Saturday holiday); authors
//!   nearly always mean the `PH` hours, and the layer keeps "week table plus one holiday row"
//!   exact. A dated rule (`2027 Oct 01 off`) still applies in its place in the order, as in
//!   the spec.

mod dates;
mod form;
mod lex;
mod parse;
pub mod reference;
#[cfg(test)]
mod tests;

use std::fmt;
use std::str::FromStr;

use crate::time::{Date, LocalDateTime};

pub use form::{HoursForm, PublicHolidays, Season};

/// Minutes from the start of the day a span opens on to its opening and its closing; the end may
/// exceed 1440 for a span past midnight.
pub type Span = (u16, u16);

const DAY: i32 = 1440;
/// How many days ahead [`OpeningHours::status`] looks for the next opening.
const LOOKAHEAD_DAYS: i64 = 8;

/// Parsed opening hours. Equal values mean the same hours, however they were written
/// (`Mo-Fr 09:00-17:00` equals `Mo,Tu,We,Th,Fr 09:00-17:00`), for the rules before the first one
/// with dates; from there on the rules are compared as parsed (`May-Oct` equals
/// `May 01-Oct 31`, but two different ways of cutting the same seasons are not equal).
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningHours {
    /// What the rules before the first dated rule give, Monday first; sorted, overlapping or
    /// touching spans merged.
    week: [Vec<Span>; 7],
    /// `None` when none of those rules names `PH`.
    holiday: Option<Vec<Span>>,
    /// The rules from the first one with dates on, in order, spans merged.
    later: Vec<Rule>,
}

/// One rule as written: where it applies and its spans (empty for `off`).
#[derive(Clone, Debug, PartialEq)]
struct Rule {
    /// Empty: every date.
    dates: Vec<DateRange>,
    /// The weekdays it names, or all seven when it names none.
    days: [bool; 7],
    /// Whether it has a weekday selector (weekdays and/or `PH`).
    weekdays: bool,
    /// Whether `PH` is in its selector.
    holiday: bool,
    spans: Vec<Span>,
}

impl Rule {
    fn on(&self, date: Date) -> bool {
        self.dates.is_empty() || self.dates.iter().any(|r| r.contains(date))
    }

    /// Names dates and nothing else: on a holiday it still applies (see the module doc).
    fn dates_only(&self) -> bool {
        !self.dates.is_empty() && !self.weekdays
    }

    /// Applies to `date`, a public holiday on which some `PH` rule applies when `ph` is set.
    fn applies(&self, date: Date, ph: bool) -> bool {
        self.on(date)
            && if ph {
                self.holiday || self.dates_only()
            } else {
                self.days[date.weekday().index()]
            }
    }
}

/// The dates a rule names, inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateRange {
    /// Every year, from (month, day) to (month, day), past New Year when `from` is later than
    /// `to`. A whole month ends on day 31 whatever its length.
    Yearly { from: (u8, u8), to: (u8, u8) },
    /// From one date to another.
    Fixed { from: Date, to: Date },
}

impl DateRange {
    fn contains(self, d: Date) -> bool {
        match self {
            DateRange::Yearly { from, to } => {
                let md = (d.month, d.day);
                if from <= to {
                    from <= md && md <= to
                } else {
                    md >= from || md <= to
                }
            }
            DateRange::Fixed { from, to } => from <= d && d <= to,
        }
    }
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
        let mut rules = parse::parse(s)?;
        for r in &mut rules {
            r.spans = merged(std::mem::take(&mut r.spans));
        }
        let first_dated = rules
            .iter()
            .position(|r| !r.dates.is_empty())
            .unwrap_or(rules.len());
        let later = rules.split_off(first_dated);
        let mut week: [Vec<Span>; 7] = Default::default();
        let mut holiday = None;
        for rule in rules {
            for (day, named) in week.iter_mut().zip(rule.days) {
                if named {
                    day.clone_from(&rule.spans);
                }
            }
            if rule.holiday {
                holiday = Some(rule.spans);
            }
        }
        Ok(OpeningHours {
            week,
            holiday,
            later,
        })
    }

    /// Status at a Shanghai wall-clock time; `is_holiday` says whether a date is a public
    /// holiday (PH). It is only asked when some rule names `PH`.
    pub fn status(&self, now: LocalDateTime, is_holiday: &dyn Fn(Date) -> bool) -> Status {
        // Lay the spans of yesterday (it may spill into today) through the lookahead end on one
        // axis of minutes from today's midnight, so spans that touch across midnight merge and
        // "closes" is the real closing, not 24:00.
        let mut open: Vec<(i32, i32)> = Vec::new();
        let has_ph = self.names_ph();
        for offset in -1..=LOOKAHEAD_DAYS {
            let date = now.date.add_days(offset);
            let base = offset as i32 * DAY;
            for &(start, end) in self.day(date, has_ph && is_holiday(date)) {
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

    /// The spans that open on `date` (ends past 1440 run into the next day), on a public
    /// holiday when `holiday` is set; empty = closed. Spans of the day before that run past
    /// midnight are not included: they belong to that day.
    pub fn day(&self, date: Date, holiday: bool) -> &[Span] {
        let ph = holiday && self.ph_applies(date);
        let mut spans: &[Span] = if ph {
            self.holiday.as_deref().unwrap_or(&[])
        } else {
            &self.week[date.weekday().index()]
        };
        for rule in &self.later {
            if rule.applies(date, ph) {
                spans = &rule.spans;
            }
        }
        spans
    }

    /// For the week table: the spans of each day, Monday first, of the week that contains
    /// `date`, with the season's hours and dated closures of that week; ends may exceed 1440 for
    /// spans past midnight; empty = closed. Public holidays are left out (they are not known
    /// here): see [`OpeningHours::holiday_on`].
    pub fn week_of(&self, date: Date) -> [Vec<Span>; 7] {
        let monday = date.add_days(-(date.weekday().index() as i64));
        std::array::from_fn(|i| self.day(monday.add_days(i as i64), false).to_vec())
    }

    /// The spans of `date` if it is a public holiday: `None` when no `PH` rule applies to it
    /// (the usual hours apply), `Some(vec![])` when closed.
    pub fn holiday_on(&self, date: Date) -> Option<Vec<Span>> {
        self.ph_applies(date).then(|| self.day(date, true).to_vec())
    }

    /// Whether some rule names months or dates, so that the hours of a weekday depend on the
    /// date (the week table then shows dates).
    pub fn has_dates(&self) -> bool {
        !self.later.is_empty()
    }

    /// The hours by weekday, Monday first, from the rules before the first rule that names
    /// months or dates; ends may exceed 1440 for spans past midnight; empty = closed. For hours
    /// with seasons or closures this is not a real week: use [`OpeningHours::week_of`].
    pub fn week(&self) -> [Vec<Span>; 7] {
        self.week.clone()
    }

    /// The `PH` hours from the rules before the first rule that names months or dates:
    /// `Some(vec![])` = closed on PH, `None` = PH not mentioned (the weekday hours apply). See
    /// [`OpeningHours::holiday_on`] for a given date.
    pub fn holiday_spans(&self) -> Option<Vec<Span>> {
        self.holiday.clone()
    }

    /// Open all day every day, public holidays included.
    pub fn is_24_7(&self) -> bool {
        let all_day = |spans: &[Span]| matches!(spans, [(0, end)] if *end >= 1440);
        self.week.iter().all(|d| all_day(d))
            && self.holiday.as_deref().is_none_or(all_day)
            && self.later.iter().all(|r| all_day(&r.spans))
    }

    fn names_ph(&self) -> bool {
        self.holiday.is_some() || self.later.iter().any(|r| r.holiday)
    }

    /// Some `PH` rule applies to `date` (if it is a holiday).
    fn ph_applies(&self, date: Date) -> bool {
        self.holiday.is_some() || self.later.iter().any(|r| r.holiday && r.on(date))
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
