//! Lexer and recursive-descent parser for the subset described in the parent module. Hand
//! written, with no regex, to stay small in the wasm and to name the exact byte that is wrong.

use super::{DateRange, HoursError, Rule, Span};
use crate::time::{days_in_month, Date, Weekday};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Day(Weekday),
    /// 1 for January … 12 for December.
    Month(u8),
    Ph,
    Off,
    /// Hours (0..=48) and minutes (0..=59) as written; which hours are allowed depends on
    /// whether it starts or ends a span, so the parser checks that.
    Time(u16, u16),
    /// A number with no ':' after it: a day of the month (one or two digits) or a year (four),
    /// and how many digits it was written with.
    Num(u32, usize),
    AllWeek,
    Dash,
    Comma,
    Semi,
    End,
}

fn err(at: usize, message: impl Into<String>) -> HoursError {
    HoursError {
        message: message.into(),
        at,
    }
}

fn describe(tok: Tok) -> &'static str {
    match tok {
        Tok::Day(_) => "a weekday",
        Tok::Month(_) => "a month",
        Tok::Ph => "PH",
        Tok::Off => "'off'",
        Tok::Time(..) => "a time",
        Tok::Num(..) => "a number",
        Tok::AllWeek => "'24/7'",
        Tok::Dash => "'-'",
        Tok::Comma => "','",
        Tok::Semi => "';'",
        Tok::End => "the end of the text",
    }
}

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_LIST: &str = "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov or Dec";
const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Classifies a run of ASCII letters. Every word outside the subset is an error here, with the
/// most helpful message we can give, so the parser only ever sees words it understands.
fn word(w: &str, at: usize) -> Result<Tok, HoursError> {
    if let Some(i) = DAYS.iter().position(|d| *d == w) {
        return Ok(Tok::Day(Weekday::from_index(i)));
    }
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Ok(Tok::Month(i as u8 + 1));
    }
    let lower = w.to_ascii_lowercase();
    let message = match w {
        "PH" => return Ok(Tok::Ph),
        "off" | "closed" => return Ok(Tok::Off),
        "SH" => "school holidays (SH) are not supported; write their dates, e.g. Jul 10-Aug 31 off"
            .to_string(),
        _ if MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w)) => {
            format!("write months as {MONTH_LIST} (not '{w}')")
        }
        _ if lower.len() >= 3 && FULL_MONTHS.iter().any(|m| m.starts_with(&lower)) => {
            format!("unknown month '{w}': write {MONTH_LIST}")
        }
        _ if lower == "week" => {
            "week numbers are not supported; write the dates, e.g. Jan 05-Mar 29".to_string()
        }
        _ if matches!(lower.as_str(), "sunrise" | "sunset" | "dawn" | "dusk") => format!(
            "times relative to the sun ('{w}') are not supported; write clock times, e.g. 06:00-18:00"
        ),
        _ if lower == "easter" => {
            "Easter dates are not supported; write the date with its year, e.g. 2027 Mar 28"
                .to_string()
        }
        _ if matches!(lower.as_str(), "open" | "unknown") => {
            format!("the '{w}' modifier is not supported; write the time spans or 'off'")
        }
        _ if matches!(lower.as_str(), "off" | "closed") => format!("write '{lower}' in lower case"),
        _ if lower == "ph" => "write public holidays as 'PH'".to_string(),
        _ if DAYS
            .iter()
            .any(|d| lower.starts_with(&d.to_ascii_lowercase())) =>
        {
            format!("unknown weekday '{w}': write Mo, Tu, We, Th, Fr, Sa or Su")
        }
        _ => format!("unknown word '{w}'"),
    };
    Err(err(at, message))
}

/// The ASCII character a look-alike stands for. Chinese input methods produce full-width
/// punctuation that looks identical on screen, so it deserves a precise message.
fn ascii_for(c: char) -> Option<char> {
    match c {
        '：' => Some(':'),
        '；' => Some(';'),
        '，' => Some(','),
        '－' | '–' | '—' | '~' | '～' => Some('-'),
        _ => None,
    }
}

/// Characters that are not part of the subset, with the reason and the fix. `after` is the
/// token before the character.
fn unexpected_char(c: char, at: usize, after: Tok) -> HoursError {
    if let Some(ascii) = ascii_for(c) {
        return err(
            at,
            format!("'{c}' is not allowed here; use the ASCII '{ascii}'"),
        );
    }
    let message = match c {
        '+' => "open-ended times ('+') are not supported; write the closing time, e.g. 18:00-02:00"
            .to_string(),
        '|' => "fallback rules ('||') are not supported; write the usual hours, and put the \
                exception in the description"
            .to_string(),
        '"' => "comments in quotes are not supported; put notes in the description".to_string(),
        '[' => "nth-weekday selectors like 'Mo[1]' are not supported; write the dates, e.g. \
                2027 Feb 01 10:00-12:00"
            .to_string(),
        '(' => {
            "variable times like '(sunrise+01:00)' are not supported; write clock times".to_string()
        }
        ':' if matches!(after, Tok::Day(_) | Tok::Ph) => {
            "remove the ':' after the days: write 'Mo-Fr 09:00-17:00'".to_string()
        }
        ':' if matches!(after, Tok::Month(_) | Tok::Num(..)) => {
            "remove the ':' after the dates: write 'May-Oct Tu-Su 09:00-17:00'".to_string()
        }
        ':' => "a time needs two-digit hours before ':', e.g. 09:00".to_string(),
        '.' => "write times with ':', e.g. 09:00".to_string(),
        '/' => "'/' only appears in '24/7'; steps like 'Jan-Dec/2' are not supported".to_string(),
        _ => format!("unexpected character '{c}'"),
    };
    err(at, message)
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
    /// The token returned last, for messages that depend on what came before.
    prev: Tok,
}

impl Lexer<'_> {
    fn next(&mut self) -> Result<(Tok, usize), HoursError> {
        let rest = self.s[self.pos..].trim_start();
        self.pos = self.s.len() - rest.len();
        let at = self.pos;
        let Some(c) = rest.chars().next() else {
            return Ok((Tok::End, at));
        };
        let (tok, len) = match c {
            '-' => (Tok::Dash, 1),
            ',' => (Tok::Comma, 1),
            ';' => (Tok::Semi, 1),
            _ if c.is_ascii_alphabetic() => {
                let n = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                (word(&rest[..n], at)?, n)
            }
            _ if c.is_ascii_digit() => number(rest, at, self.prev)?,
            _ => return Err(unexpected_char(c, at, self.prev)),
        };
        self.pos += len;
        self.prev = tok;
        Ok((tok, at))
    }
}

/// A token starting with a digit: `HH:MM`, `24/7`, or a bare number (a day or a year).
/// Returns the token and its length.
fn number(rest: &str, at: usize, prev: Tok) -> Result<(Tok, usize), HoursError> {
    let b = rest.as_bytes();
    let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if rest[n..].starts_with('/') {
        if &rest[..n] == "24" && rest[n..].starts_with("/7") && !digit_at(n + 2) {
            return Ok((Tok::AllWeek, n + 2));
        }
        return Err(err(at, "'/' only appears in '24/7'"));
    }
    if !rest[n..].starts_with(':') {
        if let Some(c) = rest[n..].chars().next().filter(|c| ascii_for(*c).is_some()) {
            return Err(unexpected_char(c, at + n, prev));
        }
        if n > 4 {
            return Err(err(
                at,
                "expected a time such as 09:00, a day such as 05 or a year such as 2027",
            ));
        }
        return Ok((Tok::Num(rest[..n].parse().unwrap_or(0), n), n));
    }
    if !digit_at(n + 1) && matches!(prev, Tok::Month(_)) {
        // `Dec 25: off`
        return Err(unexpected_char(':', at + n, Tok::Num(0, n)));
    }
    if n != 2 {
        return Err(err(
            at,
            "write times as HH:MM with two-digit hours, e.g. 09:00",
        ));
    }
    if !(digit_at(3) && digit_at(4)) || digit_at(5) {
        return Err(err(
            at,
            "write times as HH:MM with two-digit minutes, e.g. 09:00",
        ));
    }
    let hours = u16::from(b[0] - b'0') * 10 + u16::from(b[1] - b'0');
    let minutes = u16::from(b[3] - b'0') * 10 + u16::from(b[4] - b'0');
    if minutes > 59 {
        return Err(err(at + 3, "minutes must be between 00 and 59"));
    }
    if hours > 48 {
        return Err(err(at, "hours must be between 00 and 48"));
    }
    Ok((Tok::Time(hours, minutes), 5))
}

struct Parser<'a> {
    lex: Lexer<'a>,
    tok: Tok,
    /// Byte position of `tok`.
    at: usize,
}

/// One end of a date range as written: `[year] month [day]`.
#[derive(Clone, Copy)]
struct Point {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
    at: usize,
}

/// The rules in the order written, spans not yet merged.
pub(super) fn parse(s: &str) -> Result<Vec<Rule>, HoursError> {
    let mut p = Parser {
        lex: Lexer {
            s,
            pos: 0,
            prev: Tok::End,
        },
        tok: Tok::End,
        at: 0,
    };
    p.bump()?;
    if p.tok == Tok::End {
        return Err(err(p.at, "opening hours are empty"));
    }
    let mut rules = Vec::new();
    loop {
        rules.push(p.rule()?);
        match p.tok {
            Tok::End => return Ok(rules),
            Tok::Semi => {
                p.bump()?;
                if matches!(p.tok, Tok::End | Tok::Semi) {
                    return Err(err(p.at, "empty rule after ';'"));
                }
            }
            _ => return Err(p.unexpected("';' between rules, or the end")),
        }
    }
}

fn month_name(m: u8) -> &'static str {
    MONTHS[usize::from(m - 1)]
}

impl Parser<'_> {
    fn bump(&mut self) -> Result<(), HoursError> {
        (self.tok, self.at) = self.lex.next()?;
        Ok(())
    }

    fn unexpected(&self, expected: &str) -> HoursError {
        err(
            self.at,
            format!("expected {expected}, found {}", describe(self.tok)),
        )
    }

    fn rule(&mut self) -> Result<Rule, HoursError> {
        if self.tok == Tok::AllWeek {
            self.bump()?;
            if !matches!(self.tok, Tok::Semi | Tok::End) {
                return Err(self.unexpected("';' or the end after '24/7'"));
            }
            return Ok(Rule {
                dates: Vec::new(),
                days: [true; 7],
                weekdays: false,
                holiday: false,
                spans: vec![(0, 1440)],
            });
        }
        let dated = matches!(self.tok, Tok::Month(_) | Tok::Num(_, 4));
        let dates = if dated { self.dates()? } else { Vec::new() };
        if let Tok::Num(..) = self.tok {
            return Err(err(
                self.at,
                "write a date as month then day, e.g. Feb 05, and times as HH:MM, e.g. 09:00",
            ));
        }
        let weekdays = matches!(self.tok, Tok::Day(_) | Tok::Ph);
        let (days, holiday) = if weekdays {
            self.selector()?
        } else {
            ([true; 7], false)
        };
        let mut spans = Vec::new();
        while let Tok::Time(hours, minutes) = self.tok {
            spans.push(self.span(hours, minutes)?);
            if self.tok != Tok::Comma {
                break;
            }
            self.bump()?;
            if matches!(
                self.tok,
                Tok::Day(_) | Tok::Ph | Tok::Month(_) | Tok::Num(_, 4)
            ) {
                return Err(err(
                    self.at,
                    "additional rules after ',' are not supported; separate rules with ';'",
                ));
            }
            if !matches!(self.tok, Tok::Time(..)) {
                return Err(self.unexpected("another time span after ','"));
            }
        }
        if self.tok == Tok::Off {
            if !spans.is_empty() {
                return Err(err(
                    self.at,
                    "'off' after times is not supported; list only the open spans",
                ));
            }
            self.bump()?;
        } else if spans.is_empty() {
            if self.tok == Tok::AllWeek {
                return Err(err(
                    self.at,
                    "'24/7' is a rule of its own; after days or dates write 00:00-24:00",
                ));
            }
            if let Tok::Num(..) = self.tok {
                return Err(err(
                    self.at,
                    "write times as HH:MM with two-digit hours, e.g. 09:00-17:00",
                ));
            }
            return Err(self.unexpected(if weekdays {
                "times such as 09:00-17:00, or 'off', after the days"
            } else if dated {
                "weekdays, times such as 09:00-17:00, or 'off', after the dates"
            } else {
                "weekdays, months, times, '24/7' or 'off'"
            }));
        }
        Ok(Rule {
            dates,
            days,
            weekdays,
            holiday,
            spans,
        })
    }

    /// Parses `May-Oct`, `Dec 24-Jan 02,Dec 31`, `2027 Feb 05-11`; the current token is the
    /// first month or year.
    fn dates(&mut self) -> Result<Vec<DateRange>, HoursError> {
        let mut ranges = Vec::new();
        loop {
            ranges.push(self.date_range()?);
            if self.tok != Tok::Comma {
                return Ok(ranges);
            }
            self.bump()?;
            if !matches!(self.tok, Tok::Month(_) | Tok::Num(_, 4)) {
                return Err(self.unexpected("a month or a date after ','"));
            }
        }
    }

    fn date_range(&mut self) -> Result<DateRange, HoursError> {
        let from = self.point()?;
        if self.tok != Tok::Dash {
            return Ok(match (from.year, from.day) {
                (Some(y), Some(d)) => {
                    let date = Date::new(y, from.month, d).expect("checked by point()");
                    DateRange::Fixed {
                        from: date,
                        to: date,
                    }
                }
                (_, Some(d)) => DateRange::Yearly {
                    from: (from.month, d),
                    to: (from.month, d),
                },
                (_, None) => DateRange::Yearly {
                    from: (from.month, 1),
                    to: (from.month, 31),
                },
            });
        }
        self.bump()?;
        let range_fix = match (from.year, from.day) {
            (None, None) => "a month range ends with a month, e.g. May-Oct",
            (None, Some(_)) => "end the range with a day or a date, e.g. Dec 24-26 or Dec 24-Jan 02",
            (Some(_), _) => "end the range with a day or a date with its year, e.g. 2027 Feb 05-11 or 2027 Dec 30-2028 Jan 02",
        };
        let (Some(day), Tok::Num(d, 1..=2)) = (from.day, self.tok) else {
            // A second point: `May-Oct`, `Dec 24-Jan 02`, `2027 Feb 05-2027 Feb 11`.
            if !matches!(self.tok, Tok::Month(_) | Tok::Num(_, 4)) {
                return Err(err(self.at, range_fix));
            }
            let to = self.point()?;
            return match (from.year, from.day, to.year, to.day) {
                (None, None, None, None) => Ok(DateRange::Yearly {
                    from: (from.month, 1),
                    to: (to.month, 31),
                }),
                (None, Some(d1), None, Some(d2)) if to.month == from.month && d2 < d1 => Err(err(
                    from.at,
                    "the range runs backwards; write the earlier day first",
                )),
                (None, Some(d1), None, Some(d2)) => Ok(DateRange::Yearly {
                    from: (from.month, d1),
                    to: (to.month, full_month_end(to.month, d2)),
                }),
                (Some(y1), Some(d1), Some(y2), Some(d2)) => {
                    let (a, b) = (
                        Date::new(y1, from.month, d1).expect("checked"),
                        Date::new(y2, to.month, d2).expect("checked"),
                    );
                    if b < a {
                        return Err(err(
                            from.at,
                            "the range runs backwards; write the earlier date first",
                        ));
                    }
                    Ok(DateRange::Fixed { from: a, to: b })
                }
                (Some(y), Some(d1), None, Some(d2)) => {
                    let y = if (to.month, d2) < (from.month, d1) {
                        y + 1
                    } else {
                        y
                    };
                    Err(err(
                        to.at,
                        format!(
                            "repeat the year at the end of the range: {y} {} {d2:02}",
                            month_name(to.month)
                        ),
                    ))
                }
                _ => Err(self.nth_weekday().unwrap_or_else(|| err(to.at, range_fix))),
            };
        };
        // `Dec 24-26` or `2027 Feb 05-11`: a day of the same month.
        let d = d as u8;
        self.check_day(from.year, from.month, d)?;
        if d < day {
            return Err(err(
                self.at,
                format!(
                    "the range runs backwards; write the earlier day first, or cross months as \
                     {} {day:02}-{} {d:02}",
                    month_name(from.month),
                    month_name(from.month % 12 + 1)
                ),
            ));
        }
        self.bump()?;
        Ok(match from.year {
            Some(y) => DateRange::Fixed {
                from: Date::new(y, from.month, day).expect("checked"),
                to: Date::new(y, from.month, d).expect("checked"),
            },
            None => DateRange::Yearly {
                from: (from.month, day),
                to: (from.month, full_month_end(from.month, d)),
            },
        })
    }

    /// `Sep Mo[1]` (a date given as the first Monday of September) is refused for the '['
    /// rather than for the month without a day.
    fn nth_weekday(&self) -> Option<HoursError> {
        let rest = &self.lex.s[self.lex.pos..];
        let after = rest.trim_start();
        (matches!(self.tok, Tok::Day(_)) && after.starts_with('['))
            .then(|| unexpected_char('[', self.lex.pos + rest.len() - after.len(), self.tok))
    }

    /// `[year] month [day]`; the current token is a month or a four-digit year.
    fn point(&mut self) -> Result<Point, HoursError> {
        let at = self.at;
        let mut year = None;
        if let Tok::Num(y, 4) = self.tok {
            year = Some(y as i32);
            self.bump()?;
            if !matches!(self.tok, Tok::Month(_)) {
                return Err(err(
                    at,
                    format!(
                        "a year must be followed by a month and a day, e.g. {y} Feb 05 (years \
                         alone are not supported)"
                    ),
                ));
            }
        }
        let Tok::Month(month) = self.tok else {
            return Err(self.unexpected("a month such as Jan"));
        };
        self.bump()?;
        let mut day = None;
        if let Tok::Num(d, digits) = self.tok {
            if digits > 2 {
                return Err(err(
                    self.at,
                    "a day of the month has two digits, e.g. Feb 05",
                ));
            }
            self.check_day(year, month, d as u8)?;
            day = Some(d as u8);
            self.bump()?;
        } else if let Some(y) = year {
            return Err(err(
                at,
                format!(
                    "a year needs a full date, e.g. {y} {} 05; for the month every year, drop \
                     the year",
                    month_name(month)
                ),
            ));
        }
        Ok(Point {
            year,
            month,
            day,
            at,
        })
    }

    /// The current token is the day `d` of `month` (in `year` if given); is it a real day?
    fn check_day(&self, year: Option<i32>, month: u8, d: u8) -> Result<(), HoursError> {
        let name = month_name(month);
        match year {
            Some(y) if Date::new(y, month, d).is_none() => {
                Err(err(self.at, format!("{y} {name} {d:02} does not exist")))
            }
            None if month == 2 && d == 29 => Err(err(
                self.at,
                "Feb 29 exists only in leap years: write Feb for the whole month, or the date \
                 with its year, e.g. 2028 Feb 29",
            )),
            None if d == 0 || d > days_in_month(2024, month) => Err(err(
                self.at,
                if month == 2 {
                    "Feb has 28 days (29 in leap years)".to_string()
                } else {
                    format!("{name} has {} days", days_in_month(2023, month))
                },
            )),
            _ => Ok(()),
        }
    }

    /// Parses `Mo-Fr,PH`-style lists; the current token is the first weekday or `PH`.
    fn selector(&mut self) -> Result<([bool; 7], bool), HoursError> {
        let (mut days, mut holiday) = ([false; 7], false);
        loop {
            match self.tok {
                Tok::Ph => {
                    holiday = true;
                    self.bump()?;
                    if self.tok == Tok::Dash {
                        return Err(err(self.at, "PH cannot be part of a weekday range"));
                    }
                }
                Tok::Day(from) => {
                    self.bump()?;
                    let mut to = from;
                    if self.tok == Tok::Dash {
                        self.bump()?;
                        let Tok::Day(d) = self.tok else {
                            return Err(self.unexpected("a weekday after '-'"));
                        };
                        to = d;
                        self.bump()?;
                    }
                    // Walking with `next` makes `Sa-Mo` wrap through Sunday.
                    let mut d = from;
                    days[d.index()] = true;
                    while d != to {
                        d = d.next();
                        days[d.index()] = true;
                    }
                }
                Tok::Month(_) => {
                    return Err(err(
                        self.at,
                        "write months and dates before the weekdays, e.g. May-Oct Tu-Su",
                    ))
                }
                _ => return Err(self.unexpected("a weekday or PH after ','")),
            }
            if self.tok != Tok::Comma {
                if let Tok::Month(_) = self.tok {
                    return Err(err(
                        self.at,
                        "write months and dates before the weekdays, e.g. May-Oct Tu-Su",
                    ));
                }
                return Ok((days, holiday));
            }
            self.bump()?;
        }
    }

    /// Parses `HH:MM-HH:MM` whose start token (already current) holds `hours:minutes`.
    fn span(&mut self, hours: u16, minutes: u16) -> Result<Span, HoursError> {
        let start_at = self.at;
        if hours >= 24 {
            return Err(err(start_at, "a span must start before 24:00"));
        }
        let start = hours * 60 + minutes;
        self.bump()?;
        if self.tok != Tok::Dash {
            return Err(self.unexpected("'-' and a closing time"));
        }
        self.bump()?;
        let Tok::Time(end_hours, end_minutes) = self.tok else {
            return Err(self.unexpected("a closing time such as 17:00"));
        };
        let mut end = end_hours * 60 + end_minutes;
        if end > 48 * 60 {
            return Err(err(self.at, "a span cannot end after 48:00"));
        }
        if end == start {
            return Err(err(
                start_at,
                "a span cannot open and close at the same time",
            ));
        }
        if end < start {
            // `18:00-02:00`: closes the next morning.
            end += 1440;
        }
        self.bump()?;
        Ok((start, end))
    }
}

/// A range that ends on the last day of a 30- or 31-day month ends with the month: stored as
/// day 31, so `Apr 01-Jun 30` and `Apr-Jun` are the same range.
fn full_month_end(month: u8, day: u8) -> u8 {
    if month != 2 && day == days_in_month(2023, month) {
        31
    } else {
        day
    }
}
