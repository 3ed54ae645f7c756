//! The dates part of an opening-hours rule (`May-Oct`, `Dec 24-Jan 02,Dec 31`,
//! `2027 Feb 05-11`): month ranges, days that must exist, and ranges that wrap the year.

use super::lex::*;
use super::parse::Parser;
use super::{DateRange, HoursError};
use crate::time::{days_in_month, Date};

/// One end of a date range as written: `[year] month [day]`.
#[derive(Clone, Copy)]
struct Point {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
    at: usize,
}

fn month_name(m: u8) -> &'static str {
    MONTHS[usize::from(m - 1)]
}

impl Parser<'_> {
    /// Parses `May-Oct`, `Dec 24-Jan 02,Dec 31`, `2027 Feb 05-11`; the current token is the
    /// first month or year.
    pub(super) fn dates(&mut self) -> Result<Vec<DateRange>, HoursError> {
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
