//! How numbers, dates and times read in each language.

use qiaosi_core::time::{Date, LocalDateTime};

/// "800 m" / "1.5 km" / "800 米" / "1.5 公里".
pub fn format_distance(m: u32, en: bool) -> String {
    let (n, unit_en, unit_zh) = if m < 1000 {
        (m.to_string(), "m", "米")
    } else {
        // Tenths of a kilometre by integer arithmetic (no float printing in the wasm).
        let tenths = (m + 50) / 100;
        let km = if tenths.is_multiple_of(10) {
            (tenths / 10).to_string()
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        (km, "km", "公里")
    };
    if en {
        format!("{n} {unit_en}")
    } else {
        format!("{n} {unit_zh}")
    }
}

/// Where a place only known as an area is: "大致在乔司街道一带" / "Somewhere around Qiaosi".
pub fn around(area: &str, en: bool) -> String {
    if en {
        format!("Somewhere around {area}")
    } else {
        format!("大致在{area}一带")
    }
}

pub const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS_EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const WEEKDAYS_ZH: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

/// "2023年12月27日 周三" / "Wed 27 Dec 2023".
pub fn format_date(d: Date, en: bool) -> String {
    let wd = d.weekday().index();
    if en {
        format!(
            "{} {} {} {}",
            WEEKDAYS_EN[wd],
            d.day,
            MONTHS_EN[usize::from(d.month) - 1],
            d.year
        )
    } else {
        format!("{}年{}月{}日 {}", d.year, d.month, d.day, WEEKDAYS_ZH[wd])
    }
}

/// A weekday's short name, Monday = 0.
pub fn weekday_name(i: usize, en: bool) -> &'static str {
    if en {
        WEEKDAYS_EN[i % 7]
    } else {
        WEEKDAYS_ZH[i % 7]
    }
}

/// Minutes since midnight as "09:00"; spans past midnight keep counting ("26:00" is 02:00).
pub fn format_minutes(m: u16) -> String {
    let m = m % 1440;
    format!("{:02}:{:02}", m / 60, m % 60)
}

/// "19:30" — the 24-hour clock is usual in both languages here.
pub fn format_time(t: LocalDateTime) -> String {
    let (h, m) = t.hour_minute();
    format!("{h:02}:{m:02}")
}

/// Compass point names for a bearing, in eighths from north.
const DIRS: [[&str; 2]; 8] = [
    ["北", "north"],
    ["东北", "north-east"],
    ["东", "east"],
    ["东南", "south-east"],
    ["南", "south"],
    ["西南", "south-west"],
    ["西", "west"],
    ["西北", "north-west"],
];

pub fn direction(bearing: f64, en: bool) -> &'static str {
    DIRS[((bearing.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8][usize::from(en)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_read_naturally_in_both_languages() {
        assert_eq!(format_distance(800, true), "800 m");
        assert_eq!(format_distance(1500, true), "1.5 km");
        assert_eq!(format_distance(3000, false), "3 公里");
        assert_eq!(format_distance(999, false), "999 米");
    }

    #[test]
    fn areas_read_as_areas() {
        assert_eq!(around("乔司街道", false), "大致在乔司街道一带");
        assert_eq!(around("Qiaosi", true), "Somewhere around Qiaosi");
    }

    #[test]
    fn minutes_wrap_past_midnight() {
        assert_eq!(format_minutes(9 * 60), "09:00");
        assert_eq!(format_minutes(26 * 60), "02:00");
        assert_eq!(format_minutes(1440), "00:00");
        assert_eq!(weekday_name(1, true), "Tue");
        assert_eq!(weekday_name(6, false), "周日");
    }

    #[test]
    fn dates_carry_their_weekday() {
        let d = Date::new(2023, 12, 27).unwrap();
        assert_eq!(format_date(d, true), "Wed 27 Dec 2023");
        assert_eq!(format_date(d, false), "2023年12月27日 周三");
        let t = LocalDateTime::from_unix_ms(1_703_676_600_000.0);
        assert_eq!(format_time(t), "19:30");
    }

    #[test]
    fn bearings_name_the_nearest_of_eight_compass_points() {
        for (bearing, zh, en) in [
            (0.0, "北", "north"),
            (22.4, "北", "north"),
            (22.6, "东北", "north-east"),
            (90.0, "东", "east"),
            (180.0, "南", "south"),
            (200.0, "南", "south"),
            (225.0, "西南", "south-west"),
            (250.0, "西", "west"),
            (337.6, "北", "north"),
            (-90.0, "西", "west"),
            (720.0, "北", "north"),
        ] {
            assert_eq!(direction(bearing, false), zh, "{bearing}");
            assert_eq!(direction(bearing, true), en, "{bearing}");
        }
    }
}
