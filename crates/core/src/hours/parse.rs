//! Recursive-descent parser for the subset described in the parent module, over the tokens
//! of `lex.rs`. Hand written, with no regex, to stay small in the wasm and to name the exact
//! byte that is wrong. The dates a rule may start with (`May-Oct`, `2027 Feb 05-11`) are read
//! in `dates.rs`.

use super::lex::*;
use super::{HoursError, Rule, Span};

pub(super) struct Parser<'a> {
    pub(super) lex: Lexer<'a>,
    pub(super) tok: Tok,
    /// Byte position of `tok`.
    pub(super) at: usize,
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

impl Parser<'_> {
    pub(super) fn bump(&mut self) -> Result<(), HoursError> {
        (self.tok, self.at) = self.lex.next()?;
        Ok(())
    }

    pub(super) fn unexpected(&self, expected: &str) -> HoursError {
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
