//! 观潮日, the tide-watching day: the 18th day of the 8th lunar month, when the Qiantang bore
//! runs highest past the old seawall. The guide counts down to it.
//!
//! The lunisolar conversion comes from `chinese-lunisolar-calendar` (0.2, no default features)
//! rather than a table typed in here. It covers exactly 1901–2100 from a month-length table of
//! two bytes a year. It was chosen over `lunar-lite` by weight: in a scratch binary (native,
//! opt-level "z", LTO, stripped) computing this one date, it added 2 KiB against 104 KiB for
//! `lunar-lite`, which computes new moons from an astronomical series the guide does not need.
//!
//! Cross-checked once over all 200 years against `lunar-python` (astronomical), `zhdate` and
//! `lunardate` (tables): the same day every year but 2089, when this crate says 09-22 and the
//! others 09-21. The new moon that starts that month falls within minutes of midnight in
//! China, so no source can settle it yet (the Hong Kong Observatory flags the same new moon);
//! the guide will have new content long before then, so the crate's answer stands.

use crate::time::Date;
use chinese_lunisolar_calendar::LunisolarDate;

/// The years the conversion covers.
pub const YEARS: std::ops::RangeInclusive<i32> = 1901..=2100;

/// The Gregorian date of lunar 8/18 in `year` (the lunar year that begins in it, so the day
/// always falls in September or October of `year`), or `None` outside 1901–2100. A leap
/// month earlier in the year (2025 has a leap 6th) is handled by the library: 8/18 is in the
/// regular 8th month, and there is never a leap 8th in this range.
pub fn tide_day(year: i32) -> Option<Date> {
    if !YEARS.contains(&year) {
        return None;
    }
    let lunar = LunisolarDate::from_ymd(u16::try_from(year).ok()?, 8, false, 18).ok()?;
    let solar = lunar.to_solar_date();
    Date::new(
        i32::from(solar.to_solar_year().to_u16()),
        solar.to_solar_month().to_u8(),
        solar.to_solar_day().to_u8(),
    )
}

/// The next tide day on or after `today` (today counts if it is the day). Past 2100 there is
/// no data, so the last known one is returned rather than a guess; the guide will not be
/// running unchanged by then.
pub fn next_tide_day(today: Date) -> Date {
    let year = today.year.clamp(*YEARS.start(), *YEARS.end());
    [year, year + 1]
        .into_iter()
        .filter_map(tide_day)
        .find(|&d| d >= today)
        .or_else(|| tide_day(*YEARS.end()))
        .expect("2100 is in range")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn known_tide_days() {
        // From the almanac (and the 2022 festival, which opened on the day).
        for (year, day) in [
            (2022, "2022-09-13"),
            (2023, "2023-10-02"),
            (2024, "2024-09-20"),
            // 2025 has a leap 6th month, which pushes the day into October.
            (2025, "2025-10-09"),
            (2026, "2026-09-28"),
        ] {
            assert_eq!(tide_day(year), Some(d(day)), "{year}");
        }
    }

    #[test]
    fn covers_1901_to_2100_and_no_further() {
        assert_eq!(tide_day(1900), None);
        assert_eq!(tide_day(2101), None);
        assert_eq!(tide_day(-5), None);
        for year in YEARS {
            let day = tide_day(year).unwrap_or_else(|| panic!("{year}"));
            assert_eq!(day.year, year);
            // Lunar 8/18 falls between early September and mid October.
            assert!((9..=10).contains(&day.month), "{year}: {day}");
        }
        assert_eq!(tide_day(1901), Some(d("1901-09-30")));
        assert_eq!(tide_day(2100), Some(d("2100-09-21")));
    }

    #[test]
    fn next_tide_day_counts_today_and_rolls_over() {
        assert_eq!(next_tide_day(d("2025-01-01")), d("2025-10-09"));
        assert_eq!(next_tide_day(d("2025-10-09")), d("2025-10-09"));
        assert_eq!(next_tide_day(d("2025-10-10")), d("2026-09-28"));
        assert_eq!(next_tide_day(d("1850-06-01")), d("1901-09-30"));
        assert_eq!(next_tide_day(d("2100-12-31")), d("2100-09-21"));
    }
}
