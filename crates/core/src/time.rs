//! Civil dates and times in the guide's one time zone, Asia/Shanghai.
//!
//! Why not a time-zone crate: China has kept UTC+08:00 with no daylight saving since 1991, so a
//! fixed offset is exact for every date the guide deals with, and it keeps the whole tz database
//! out of the wasm. Everything the user sees (opening hours, festival times) is computed here in
//! Shanghai time from a UTC instant, whatever zone the phone is set to.

use std::fmt;

/// Asia/Shanghai's offset from UTC, in seconds.
pub const SHANGHAI_OFFSET_S: i64 = 8 * 3600;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Day of the week, Monday first as in ISO 8601 and OpenStreetMap `opening_hours`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn from_index(i: usize) -> Weekday {
        Weekday::ALL[i % 7]
    }
    pub fn next(self) -> Weekday {
        Weekday::from_index(self.index() + 1)
    }
}

/// A wall-clock moment in Asia/Shanghai, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    /// Minutes since local midnight, 0..1440.
    pub minute: u16,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A checked constructor: `None` for 2023-02-30 and friends.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index((self.days_since_epoch() + 3).rem_euclid(7) as usize)
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digits(&s[0..4])? as i32;
        let month = digits(&s[5..7])? as u8;
        let day = digits(&s[8..10])? as u8;
        Date::new(year, month, day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// `YYYY-MM-DDTHH:MM`, as the CLI reads times and the redemption ledger stores them.
impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}",
            self.date,
            self.minute / 60,
            self.minute % 60
        )
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl LocalDateTime {
    /// Shanghai wall-clock time of a UTC instant given in milliseconds since the Unix epoch
    /// (what `Date.now()` returns in the browser).
    pub fn from_unix_ms(ms: f64) -> LocalDateTime {
        let secs = (ms / 1000.0).floor() as i64 + SHANGHAI_OFFSET_S;
        let days = secs.div_euclid(86_400);
        let minute = (secs.rem_euclid(86_400) / 60) as u16;
        LocalDateTime {
            date: Date::from_days_since_epoch(days),
            minute,
        }
    }

    /// The UTC instant of this Shanghai wall-clock time, in seconds since the Unix epoch.
    pub fn to_unix_s(self) -> i64 {
        self.date.days_since_epoch() * 86_400 + i64::from(self.minute) * 60 - SHANGHAI_OFFSET_S
    }

    pub fn hour_minute(self) -> (u16, u16) {
        (self.minute / 60, self.minute % 60)
    }
}

/// A festival time as the pack states it: either a whole day (time not published) or a
/// moment with an explicit UTC offset, shown in Shanghai time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    Day(Date),
    At(LocalDateTime),
}

impl When {
    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)`. A time without an offset is
    /// refused: a bare time is ambiguous and content must say which zone it means.
    pub fn parse(s: &str) -> Option<When> {
        if s.len() == 10 {
            return Date::parse(s).map(When::Day);
        }
        let (date, rest) = (Date::parse(s.get(0..10)?)?, s.get(10..)?);
        let rest = rest.strip_prefix('T')?;
        let hh = digits(rest.get(0..2)?)?;
        if rest.get(2..3)? != ":" {
            return None;
        }
        let mm = digits(rest.get(3..5)?)?;
        let mut tail = rest.get(5..)?;
        let mut ss = 0;
        if let Some(t) = tail.strip_prefix(':') {
            ss = digits(t.get(0..2)?)?;
            tail = t.get(2..)?;
        }
        if hh > 23 || mm > 59 || ss > 59 {
            return None;
        }
        let offset_s: i64 = if tail == "Z" {
            0
        } else {
            let sign = match tail.get(0..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if tail.len() != 6 || tail.get(3..4)? != ":" {
                return None;
            }
            let oh = digits(tail.get(1..3)?)? as i64;
            let om = digits(tail.get(4..6)?)? as i64;
            if oh > 14 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        };
        let utc_s =
            date.days_since_epoch() * 86_400 + i64::from(hh * 3600 + mm * 60 + ss) - offset_s;
        Some(When::At(LocalDateTime::from_unix_ms((utc_s * 1000) as f64)))
    }

    pub fn date(self) -> Date {
        match self {
            When::Day(d) => d,
            When::At(t) => t.date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_round_trip_and_weekdays() {
        for z in [-800_000i64, -1, 0, 1, 19_000, 20_000, 60_000] {
            assert_eq!(Date::from_days_since_epoch(z).days_since_epoch(), z);
        }
        assert_eq!(Date::parse("2022-09-13").unwrap().weekday(), Weekday::Tue);
        assert_eq!(Date::parse("2026-11-27").unwrap().weekday(), Weekday::Fri);
        assert_eq!(Date::parse("2000-02-29").unwrap().weekday(), Weekday::Tue);
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-1-01",
            "20230101",
            "abcd-ef-gh",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert!(Date::parse("2024-02-29").is_some());
    }

    #[test]
    fn shanghai_time_does_not_depend_on_the_phone() {
        // 2023-12-27T11:30:00Z is 19:30 in Shanghai.
        let t = LocalDateTime::from_unix_ms(1_703_676_600_000.0);
        assert_eq!(t.date, Date::new(2023, 12, 27).unwrap());
        assert_eq!(t.hour_minute(), (19, 30));
        assert_eq!(t.to_unix_s(), 1_703_676_600);
        // 20:00 UTC is already tomorrow in Shanghai.
        let late = LocalDateTime::from_unix_ms(1_703_707_200_000.0);
        assert_eq!(late.date, Date::new(2023, 12, 28).unwrap());
        assert_eq!(late.hour_minute(), (4, 0));
    }

    #[test]
    fn parses_festival_times_with_offsets() {
        let a = When::parse("2023-12-27T19:30+08:00").unwrap();
        let b = When::parse("2023-12-27T11:30:00Z").unwrap();
        assert_eq!(a, b);
        assert_eq!(
            When::parse("2022-09-13"),
            Some(When::Day(Date::new(2022, 9, 13).unwrap()))
        );
        for bad in [
            "2023-12-27T19:30",
            "2023-12-27T25:00+08:00",
            "2023-12-27 19:30+08:00",
            "2023-12-27T19:30+8",
        ] {
            assert_eq!(When::parse(bad), None, "{bad}");
        }
    }
}
