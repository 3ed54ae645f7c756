//! Lexer and recursive-descent parser for the subset described in the parent module. Hand
//! written, with no regex, to stay small in the wasm and to name the exact byte that is wrong.

use super::{HoursError, Span};
use crate::time::Weekday;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Day(Weekday),
    Ph,
    Off,
    /// Hours (0..=48) and minutes (0..=59) as written; which hours are allowed depends on
    /// whether it starts or ends a span, so the parser checks that.
    Time(u16, u16),
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
        Tok::Ph => "PH",
        Tok::Off => "'off'",
        Tok::Time(..) => "a time",
        Tok::AllWeek => "'24/7'",
        Tok::Dash => "'-'",
        Tok::Comma => "','",
        Tok::Semi => "';'",
        Tok::End => "the end of the text",
    }
}

/// Classifies a run of ASCII letters. Every word outside the subset is an error here, with the
/// most helpful message we can give, so the parser only ever sees words it understands.
fn word(w: &str, at: usize) -> Result<Tok, HoursError> {
    const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    if let Some(i) = DAYS.iter().position(|d| *d == w) {
        return Ok(Tok::Day(Weekday::from_index(i)));
    }
    let lower = w.to_ascii_lowercase();
    let message = match w {
        "PH" => return Ok(Tok::Ph),
        "off" | "closed" => return Ok(Tok::Off),
        "SH" => "school holidays (SH) are not supported".to_string(),
        _ if MONTHS.iter().any(|m| m.eq_ignore_ascii_case(w)) => {
            format!("months ('{w}') are not supported")
        }
        _ if lower == "week" => "week numbers are not supported".to_string(),
        _ if matches!(lower.as_str(), "sunrise" | "sunset" | "dawn" | "dusk") => {
            format!("times relative to the sun ('{w}') are not supported")
        }
        _ if lower == "easter" => "Easter dates are not supported".to_string(),
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

/// Characters that are not part of the subset, with the reason.
fn unexpected_char(c: char, at: usize) -> HoursError {
    if let Some(ascii) = ascii_for(c) {
        return err(
            at,
            format!("'{c}' is not allowed here; use the ASCII '{ascii}'"),
        );
    }
    let message = match c {
        '+' => "open-ended times ('+') are not supported".to_string(),
        '|' => "fallback rules ('||') are not supported".to_string(),
        '"' => "comments in quotes are not supported; put notes in the description".to_string(),
        '[' => "nth-weekday selectors like 'Mo[1]' are not supported".to_string(),
        '(' => "variable times like '(sunrise+01:00)' are not supported".to_string(),
        ':' => "a time needs two-digit hours before ':', e.g. 09:00".to_string(),
        _ => format!("unexpected character '{c}'"),
    };
    err(at, message)
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
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
            _ if c.is_ascii_digit() => number(rest, at)?,
            _ => return Err(unexpected_char(c, at)),
        };
        self.pos += len;
        Ok((tok, at))
    }
}

/// A token starting with a digit: `HH:MM` or `24/7`. Returns the token and its length.
fn number(rest: &str, at: usize) -> Result<(Tok, usize), HoursError> {
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
            return Err(unexpected_char(c, at + n));
        }
        return Err(err(
            at,
            "expected a time such as 09:00 (dates, years and week numbers are not supported)",
        ));
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

/// What one rule says: the days it names and their spans (empty for `off`).
struct Rule {
    days: [bool; 7],
    holiday: bool,
    spans: Vec<Span>,
}

/// The weekday spans Monday first, and the `PH` spans if any rule names `PH`; not yet merged.
pub(super) type Parsed = ([Vec<Span>; 7], Option<Vec<Span>>);

pub(super) fn parse(s: &str) -> Result<Parsed, HoursError> {
    let mut p = Parser {
        lex: Lexer { s, pos: 0 },
        tok: Tok::End,
        at: 0,
    };
    p.bump()?;
    if p.tok == Tok::End {
        return Err(err(p.at, "opening hours are empty"));
    }
    let mut week: [Vec<Span>; 7] = Default::default();
    let mut holiday = None;
    loop {
        let rule = p.rule()?;
        for (day, named) in week.iter_mut().zip(rule.days) {
            if named {
                day.clone_from(&rule.spans);
            }
        }
        if rule.holiday {
            holiday = Some(rule.spans);
        }
        match p.tok {
            Tok::End => return Ok((week, holiday)),
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
                days: [true; 7],
                holiday: false,
                spans: vec![(0, 1440)],
            });
        }
        let selector = matches!(self.tok, Tok::Day(_) | Tok::Ph);
        let (days, holiday) = if selector {
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
            if matches!(self.tok, Tok::Day(_) | Tok::Ph) {
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
            return Err(self.unexpected(if selector {
                "times such as 09:00-17:00, or 'off', after the days"
            } else {
                "weekdays, times, '24/7' or 'off'"
            }));
        }
        Ok(Rule {
            days,
            holiday,
            spans,
        })
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
                _ => return Err(self.unexpected("a weekday or PH after ','")),
            }
            if self.tok != Tok::Comma {
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
