//! Opening hours as survey mode's form asks for them: the open spans of each weekday (a lunch
//! break makes two spans; no span is a closed day), what happens on public holidays, optional
//! seasons (a range of months with its own week) and closed dates. The form writes
//! `opening_hours` the parser reads back to the same form, and reads back the `opening_hours`
//! it can express, so a surveyor can correct hours a pack already has.
//!
//! What a form means, date by date: a closed date is closed; otherwise, on a public holiday
//! with [`PublicHolidays::Closed`] or [`PublicHolidays::Open`], the holiday's hours; otherwise
//! the week of the season the month is in, if any, else [`HoursForm::week`].

use super::{lex, merged, parse, DateRange, OpeningHours, Rule, Span};
use crate::time::Date;

/// The hours form. Spans are minutes from midnight `(open, close)`, in order, not touching (the
/// parser merges `08:00-12:00,12:00-14:00` into one span); a close past 1440 runs past
/// midnight (up to 2880), an open is before 1440.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HoursForm {
    /// Monday first; empty = closed that day.
    pub week: [Vec<Span>; 7],
    pub holidays: PublicHolidays,
    /// Months with a week of their own, replacing `week` in those months. They must not
    /// overlap (such a form is written in order, the later season winning, but not read back).
    pub seasons: Vec<Season>,
    /// Whole days closed, such as Spring Festival Eve, in order and without repeats.
    pub closed: Vec<Date>,
}

/// Public holidays (`PH`): as any other day, closed, or with hours of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum PublicHolidays {
    #[default]
    AsUsual,
    Closed,
    /// Non-empty; no spans is [`PublicHolidays::Closed`].
    Open(Vec<Span>),
}

/// `from`-`to` months (1 for January), wrapping the new year when `from` is after `to`
/// (`Nov`-`Apr`), with their own week, Monday first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Season {
    pub from: u8,
    pub to: u8,
    pub week: [Vec<Span>; 7],
}

impl Season {
    fn months(&self) -> [bool; 12] {
        let mut months = [false; 12];
        let mut m = self.from;
        months[usize::from(m - 1)] = true;
        while m != self.to {
            m = m % 12 + 1;
            months[usize::from(m - 1)] = true;
        }
        months
    }
}

/// Dates in `closed` rules read back at most: a closure of a year or two is a form's business,
/// a decade is not.
const MAX_CLOSED_DATES: usize = 800;

impl HoursForm {
    /// The form as `opening_hours`: the week, then each season (only the days that differ from
    /// the week, or the whole season if none do), then `PH`, then the closed dates, e.g.
    /// `May-Oct Tu-Su 09:00-17:00; Nov-Apr Tu-Su 09:00-16:30; PH off; 2027 Feb 05 off`.
    pub fn to_opening_hours(&self) -> String {
        let mut rules = Vec::new();
        let all = [true; 7];
        if self.week.iter().any(|d| !d.is_empty()) {
            open_rules(&mut rules, "", &self.week, all);
            let closed = self.week.each_ref().map(Vec::is_empty);
            if closed.contains(&true) {
                rules.push(format!("{} off", days_text(closed)));
            }
        }
        for season in &self.seasons {
            let prefix = if season.from == season.to {
                format!("{} ", month_text(season.from))
            } else {
                format!("{}-{} ", month_text(season.from), month_text(season.to))
            };
            if season.week.iter().all(Vec::is_empty) {
                rules.push(format!("{prefix}off"));
                continue;
            }
            let mut differs: [bool; 7] = std::array::from_fn(|i| season.week[i] != self.week[i]);
            if !differs.contains(&true) {
                // The same as the week: written anyway, so that the season reads back.
                differs = all;
            }
            open_rules(&mut rules, &prefix, &season.week, differs);
            let off: [bool; 7] = std::array::from_fn(|i| differs[i] && season.week[i].is_empty());
            if off.contains(&true) {
                rules.push(format!("{prefix}{} off", days_text(off)));
            }
        }
        match &self.holidays {
            PublicHolidays::AsUsual => {}
            PublicHolidays::Closed => rules.push("PH off".to_string()),
            PublicHolidays::Open(spans) => rules.push(format!("PH {}", spans_text(spans))),
        }
        if !self.closed.is_empty() {
            rules.push(format!("{} off", dates_text(&self.closed)));
        }
        if rules.is_empty() {
            return "off".to_string();
        }
        rules.join("; ")
    }

    /// The form for `opening_hours`, or `None` when the text does not parse or says something
    /// the form cannot: day ranges other than whole months, seasons that overlap, hours on a
    /// date, `PH` limited to some dates, a closed date a later rule reopens, and so on.
    pub fn from_opening_hours(s: &str) -> Option<HoursForm> {
        let rules = parse::parse(s).ok()?;
        let mut form = HoursForm::default();
        for rule in rules {
            let spans = merged(rule.spans.clone());
            if rule.dates.is_empty() {
                set_days(&mut form.week, &rule, &spans);
                for season in &mut form.seasons {
                    set_days(&mut season.week, &rule, &spans);
                }
                if rule.holiday {
                    form.holidays = if spans.is_empty() {
                        PublicHolidays::Closed
                    } else {
                        PublicHolidays::Open(spans)
                    };
                }
            } else if rule.holiday {
                return None;
            } else if let [DateRange::Yearly {
                from: (from, 1),
                to: (to, 31),
            }] = rule.dates[..]
            {
                let i = match form
                    .seasons
                    .iter()
                    .position(|s| (s.from, s.to) == (from, to))
                {
                    Some(i) => i,
                    None => {
                        let season = Season {
                            from,
                            to,
                            week: form.week.clone(),
                        };
                        let months = season.months();
                        if form
                            .seasons
                            .iter()
                            .any(|s| s.months().iter().zip(months).any(|(a, b)| *a && b))
                        {
                            return None;
                        }
                        form.seasons.push(season);
                        form.seasons.len() - 1
                    }
                };
                set_days(&mut form.seasons[i].week, &rule, &spans);
            } else if !rule.weekdays && spans.is_empty() {
                for range in &rule.dates {
                    let DateRange::Fixed { from, to } = *range else {
                        return None;
                    };
                    let mut d = from;
                    while d <= to {
                        if form.closed.len() == MAX_CLOSED_DATES {
                            return None;
                        }
                        form.closed.push(d);
                        d = d.add_days(1);
                    }
                }
            } else {
                return None;
            }
        }
        form.closed.sort();
        form.closed.dedup();
        // The rules were read one by one; check that, all together, they mean what the form
        // writes (a later rule may reopen a closed date, or a dated rule may follow `PH`).
        let original = OpeningHours::parse(s).ok()?;
        let written = OpeningHours::parse(&form.to_opening_hours()).ok()?;
        same_days(&original, &written, &form.closed).then_some(form)
    }
}

fn set_days(week: &mut [Vec<Span>; 7], rule: &Rule, spans: &[Span]) {
    for (day, named) in week.iter_mut().zip(rule.days) {
        if named {
            *day = spans.to_vec();
        }
    }
}

/// Whether two hours give the same spans on every date, given that their only yearly ranges
/// are whole months and their only fixed dates are `closed`: then every month of a year with
/// none of those dates, and the dates themselves, stand for all dates.
fn same_days(a: &OpeningHours, b: &OpeningHours, closed: &[Date]) -> bool {
    let year = (2001..)
        .find(|y| closed.iter().all(|d| d.year != *y))
        .expect("a free year");
    let probes = (1..=12)
        .flat_map(|m| (1..=7).filter_map(move |d| Date::new(year, m, d)))
        .chain(closed.iter().copied());
    probes
        .into_iter()
        .all(|d| a.day(d, false) == b.day(d, false) && a.day(d, true) == b.day(d, true))
}

/// One rule per set of days (among `among`) with the same open spans, the first day first:
/// `Mo-Fr 09:00-17:00`, `Sa,Su 10:00-16:00`.
fn open_rules(rules: &mut Vec<String>, prefix: &str, week: &[Vec<Span>; 7], among: [bool; 7]) {
    let mut done = [false; 7];
    for i in 0..7 {
        if done[i] || !among[i] || week[i].is_empty() {
            continue;
        }
        let same: [bool; 7] = std::array::from_fn(|j| among[j] && week[j] == week[i]);
        for (d, s) in done.iter_mut().zip(same) {
            *d |= s;
        }
        rules.push(format!(
            "{prefix}{} {}",
            days_text(same),
            spans_text(&week[i])
        ));
    }
}

/// `Mo-Fr`, `Sa,Su`, `Mo,We-Fr`: runs of three or more days as ranges.
fn days_text(days: [bool; 7]) -> String {
    const NAMES: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    let mut parts = Vec::new();
    let mut i = 0;
    while i < 7 {
        if !days[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < 7 && days[i + 1] {
            i += 1;
        }
        match i - start {
            0 => parts.push(NAMES[start].to_string()),
            1 => parts.push(format!("{},{}", NAMES[start], NAMES[i])),
            _ => parts.push(format!("{}-{}", NAMES[start], NAMES[i])),
        }
        i += 1;
    }
    parts.join(",")
}

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// `08:00-12:00,14:00-18:00`; past midnight `18:00-02:00`, or `10:00-34:00` when the
/// closing time of day comes after the opening.
fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|&(a, b)| {
            let end = if b > 1440 && b - 1440 < a {
                b - 1440
            } else {
                b
            };
            format!("{}-{}", hhmm(a), hhmm(end))
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn month_text(m: u8) -> &'static str {
    lex::MONTHS[usize::from(m - 1)]
}

fn date_text(d: Date) -> String {
    format!("{} {} {:02}", d.year, month_text(d.month), d.day)
}

/// Runs of consecutive dates as ranges: `2027 Feb 05-11,2027 Dec 31-2028 Jan 01`.
fn dates_text(dates: &[Date]) -> String {
    let mut parts = Vec::new();
    let mut i = 0;
    while i < dates.len() {
        let start = dates[i];
        while i + 1 < dates.len() && dates[i + 1] == dates[i].add_days(1) {
            i += 1;
        }
        let end = dates[i];
        parts.push(if end == start {
            date_text(start)
        } else if (end.year, end.month) == (start.year, start.month) {
            format!("{}-{:02}", date_text(start), end.day)
        } else {
            format!("{}-{}", date_text(start), date_text(end))
        });
        i += 1;
    }
    parts.join(",")
}
