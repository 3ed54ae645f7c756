//! The lexer of `opening_hours` (the parser is `parse.rs`): words, numbers, times and
//! punctuation, each with its byte offset, and the messages that name a wrong character's fix.
//! Hand written, with no regex, to stay small in the wasm and to name the exact byte.

use super::HoursError;
use crate::time::Weekday;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Tok {
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

pub(super) fn err(at: usize, message: impl Into<String>) -> HoursError {
    HoursError {
        message: message.into(),
        at,
    }
}

pub(super) fn describe(tok: Tok) -> &'static str {
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

pub(super) const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
pub(super) const MONTH_LIST: &str = "Jan, Feb, Mar, Apr, May, Jun, Jul, Aug, Sep, Oct, Nov or Dec";
pub(super) const FULL_MONTHS: [&str; 12] = [
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
pub(super) fn word(w: &str, at: usize) -> Result<Tok, HoursError> {
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
pub(super) fn ascii_for(c: char) -> Option<char> {
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
pub(super) fn unexpected_char(c: char, at: usize, after: Tok) -> HoursError {
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

pub(super) struct Lexer<'a> {
    pub(super) s: &'a str,
    pub(super) pos: usize,
    /// The token returned last, for messages that depend on what came before.
    pub(super) prev: Tok,
}

impl Lexer<'_> {
    pub(super) fn next(&mut self) -> Result<(Tok, usize), HoursError> {
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
pub(super) fn number(rest: &str, at: usize, prev: Tok) -> Result<(Tok, usize), HoursError> {
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
