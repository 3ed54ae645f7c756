use std::cell::Cell;

use super::*;
use crate::time::Weekday;

fn oh(s: &str) -> OpeningHours {
    OpeningHours::parse(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

/// Shanghai wall-clock time. January 2024 starts on a Monday, so 2024-01-08 is a Monday too.
fn at(month: u8, day: u8, hour: u16, minute: u16) -> LocalDateTime {
    LocalDateTime {
        date: Date::new(2024, month, day).unwrap(),
        minute: hour * 60 + minute,
    }
}

const NO_HOLIDAYS: &dyn Fn(Date) -> bool = &|_| false;

fn open_until(closes: LocalDateTime) -> Status {
    Status::Open {
        closes: Some(closes),
    }
}

fn closed_until(opens: LocalDateTime) -> Status {
    Status::Closed { opens: Some(opens) }
}

#[test]
fn test_dates_are_the_weekdays_the_tests_assume() {
    assert_eq!(at(1, 8, 0, 0).date.weekday(), Weekday::Mon);
    assert_eq!(at(1, 7, 0, 0).date.weekday(), Weekday::Sun);
    assert_eq!(at(10, 1, 0, 0).date.weekday(), Weekday::Tue);
}

#[test]
fn rejects_what_it_does_not_understand_with_the_position() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "empty"),
        ("   ", 3, "empty"),
        ("Mo-Fr 9:00-17:00", 6, "two-digit hours"),
        ("Mo-Fr 09:0-17:00", 6, "two-digit minutes"),
        ("Mo-Fr 09:60-17:00", 9, "minutes"),
        ("Mo-Fr 10:00-49:00", 12, "hours must be"),
        ("Mo-Fr 10:00-48:30", 12, "after 48:00"),
        ("Mo-Fr 24:00-26:00", 6, "start before 24:00"),
        ("Mo-Fr 10:00-10:00", 6, "same time"),
        ("Mo-Fr 10:00 18:00", 12, "'-' and a closing time"),
        ("Mo-Fr 10:00-", 12, "closing time"),
        ("week 01-10 Mo 09:00-12:00", 0, "week numbers"),
        (
            "2024 Mo 09:00-12:00",
            0,
            "year must be followed by a month and a day",
        ),
        ("Mo-Fr 09:00-17:00; SH off", 19, "school holidays"),
        ("sunrise-sunset", 0, "sun"),
        ("Mo-Fr 09:00+", 11, "open-ended"),
        ("Mo-Fr 09:00-17:00 || \"call\"", 18, "fallback"),
        ("Mo-Fr 09:00-17:00 \"by appointment\"", 18, "comments"),
        ("Mo[1] 09:00-12:00", 2, "nth-weekday"),
        ("Mo-Fr 09:00-17:00 open", 18, "'open' modifier"),
        ("Mo-Fr 09:00-17:00 off", 18, "'off' after times"),
        ("Mo 09:00-12:00, Tu 10:00-12:00", 16, "additional rules"),
        ("Mo-Fr 09:00-17:00 Sa 10:00-12:00", 18, "expected ';'"),
        ("Mo-Fr 09:00-17:00;", 18, "empty rule"),
        ("Mo-Fr 09:00-17:00;; Sa off", 18, "empty rule"),
        ("Mo-Fr", 5, "times such as"),
        ("Mo, 09:00-12:00", 4, "weekday or PH after ','"),
        ("Mo- 09:00-12:00", 4, "weekday after '-'"),
        ("PH-Mo off", 2, "PH cannot"),
        ("Mon-Fri 09:00-17:00", 0, "unknown weekday 'Mon'"),
        ("mo 09:00-17:00", 0, "unknown weekday"),
        ("Mo Off", 3, "lower case"),
        ("24/7 Mo off", 5, "after '24/7'"),
        ("24/6", 0, "24/7"),
        // Byte positions, not character positions: '：' is three bytes, and so is each Han.
        ("Mo-Fr 09：00-17:00", 8, "ASCII ':'"),
        ("Mo-Fr 09:00–17:00", 11, "ASCII '-'"),
        ("Mo 10:00-12:00；Tu off", 14, "ASCII ';'"),
        ("乔司 10:00-12:00", 0, "unexpected character '乔'"),
        ("Mo 10:00-12:00; 乔司", 16, "unexpected character"),
    ];
    for &(input, pos, needle) in cases {
        let e = OpeningHours::parse(input).expect_err(input);
        assert_eq!(e.at, pos, "{input:?}: {e}");
        assert!(e.message.contains(needle), "{input:?}: {e}");
        assert!(e.to_string().ends_with(&format!("(at byte {pos})")), "{e}");
    }
    let boxed: Box<dyn std::error::Error> = Box::new(OpeningHours::parse("SH off").unwrap_err());
    assert!(boxed.to_string().contains("school holidays"));
}

#[test]
fn weekdays_saturday_and_sunday_off() {
    let h = oh("Mo-Fr 09:00-18:00; Sa 10:00-16:00; Su off");
    let week = h.week();
    for day in &week[..5] {
        assert_eq!(day, &vec![(540, 1080)]);
    }
    assert_eq!(week[5], vec![(600, 960)]);
    assert!(week[6].is_empty());
    assert_eq!(h.holiday_spans(), None);
    assert!(!h.is_24_7());

    assert_eq!(
        h.status(at(1, 8, 8, 59), NO_HOLIDAYS),
        closed_until(at(1, 8, 9, 0))
    );
    assert_eq!(
        h.status(at(1, 8, 9, 0), NO_HOLIDAYS),
        open_until(at(1, 8, 18, 0))
    );
    assert_eq!(
        h.status(at(1, 8, 18, 0), NO_HOLIDAYS),
        closed_until(at(1, 9, 9, 0))
    );
    assert_eq!(
        h.status(at(1, 13, 12, 0), NO_HOLIDAYS),
        open_until(at(1, 13, 16, 0))
    );
    // Saturday after closing and Sunday evening both wait for Monday morning.
    assert_eq!(
        h.status(at(1, 13, 16, 0), NO_HOLIDAYS),
        closed_until(at(1, 15, 9, 0))
    );
    assert_eq!(
        h.status(at(1, 14, 20, 0), NO_HOLIDAYS),
        closed_until(at(1, 15, 9, 0))
    );
}

#[test]
fn equal_hours_compare_equal_however_written() {
    assert_eq!(oh("Mo-Fr 09:00-17:00"), oh("Mo,Tu,We,Th,Fr 09:00-17:00"));
    assert_eq!(
        oh(" Mo - Fr\t09:00 - 17:00 ;Sa,Su 10:00-12:00\u{3000}"),
        oh("Mo-Fr 09:00-17:00; Sa-Su 10:00-12:00")
    );
    assert_eq!(oh("Mo-Su 10:00-22:00"), oh("10:00-22:00"));
    assert_eq!(oh("Mo 22:00-26:00"), oh("Mo 22:00-02:00"));
    assert_eq!(
        oh("Mo 10:00-22:00; Tu closed"),
        oh("Mo 10:00-22:00; Tu off")
    );
    assert_eq!(
        "Mo 10:00-12:00".parse::<OpeningHours>(),
        Ok(oh("Mo 10:00-12:00"))
    );
    assert_ne!(oh("Mo-Fr 09:00-17:00"), oh("Mo-Fr 09:00-17:00; PH off"));
}

#[test]
fn several_spans_a_day() {
    let h = oh("Mo-Sa 08:00-12:00,14:00-18:00");
    assert_eq!(h.week()[2], vec![(480, 720), (840, 1080)]);
    assert_eq!(
        h.status(at(1, 10, 11, 0), NO_HOLIDAYS),
        open_until(at(1, 10, 12, 0))
    );
    assert_eq!(
        h.status(at(1, 10, 12, 30), NO_HOLIDAYS),
        closed_until(at(1, 10, 14, 0))
    );
    assert_eq!(
        h.status(at(1, 10, 17, 59), NO_HOLIDAYS),
        open_until(at(1, 10, 18, 0))
    );
    // Touching or overlapping spans are one opening: no false "closes at 12:00".
    let h = oh("Mo 08:00-12:00,12:00-14:00,13:00-15:00");
    assert_eq!(h.week()[0], vec![(480, 900)]);
    assert_eq!(
        h.status(at(1, 8, 11, 0), NO_HOLIDAYS),
        open_until(at(1, 8, 15, 0))
    );
}

#[test]
fn spans_past_midnight_belong_to_the_day_they_start() {
    let h = oh("Mo 18:00-02:00");
    assert_eq!(h.week()[0], vec![(1080, 1560)]);
    assert!(h.week()[1].is_empty());
    assert_eq!(
        h.status(at(1, 8, 23, 59), NO_HOLIDAYS),
        open_until(at(1, 9, 2, 0))
    );
    assert_eq!(
        h.status(at(1, 9, 1, 0), NO_HOLIDAYS),
        open_until(at(1, 9, 2, 0))
    );
    assert_eq!(
        h.status(at(1, 9, 2, 0), NO_HOLIDAYS),
        closed_until(at(1, 15, 18, 0))
    );
    assert_eq!(
        h.status(at(1, 8, 17, 0), NO_HOLIDAYS),
        closed_until(at(1, 8, 18, 0))
    );

    // A later rule for Tuesday replaces Tuesday's own spans, not Monday's spill-over.
    let h = oh("Mo-Su 18:00-02:00; Tu off");
    assert_eq!(
        h.status(at(1, 9, 1, 0), NO_HOLIDAYS),
        open_until(at(1, 9, 2, 0))
    );
    assert_eq!(
        h.status(at(1, 9, 20, 0), NO_HOLIDAYS),
        closed_until(at(1, 10, 18, 0))
    );

    // Sunday night spills across the week boundary into Monday.
    let h = oh("Su 20:00-03:00");
    assert_eq!(
        h.status(at(1, 8, 2, 30), NO_HOLIDAYS),
        open_until(at(1, 8, 3, 0))
    );

    // Back-to-back days merge, so "closes" is the real closing time, not midnight.
    let h = oh("Mo 10:00-24:00; Tu 00:00-02:00");
    assert_eq!(
        h.status(at(1, 8, 23, 0), NO_HOLIDAYS),
        open_until(at(1, 9, 2, 0))
    );
}

#[test]
fn twenty_four_seven() {
    let h = oh("24/7");
    assert!(h.is_24_7());
    assert_eq!(h, oh("Mo-Su 00:00-24:00"));
    assert_eq!(h, oh("00:00-24:00"));
    assert_eq!(
        h.status(at(1, 8, 3, 0), NO_HOLIDAYS),
        Status::Open { closes: None }
    );

    let h = oh("24/7; Su off");
    assert!(!h.is_24_7());
    assert!(h.week()[6].is_empty());
    assert_eq!(
        h.status(at(1, 13, 12, 0), NO_HOLIDAYS),
        open_until(at(1, 14, 0, 0))
    );
    assert_eq!(
        h.status(at(1, 14, 12, 0), NO_HOLIDAYS),
        closed_until(at(1, 15, 0, 0))
    );

    let h = oh("24/7; PH off");
    assert!(!h.is_24_7());
    let oct_1 = |d: Date| d == Date::new(2024, 10, 1).unwrap();
    assert_eq!(
        h.status(at(9, 30, 21, 0), &oct_1),
        open_until(at(10, 1, 0, 0))
    );
    assert_eq!(
        h.status(at(10, 1, 9, 0), &oct_1),
        closed_until(at(10, 2, 0, 0))
    );
    assert!(oh("24/7; PH 00:00-24:00").is_24_7());
}

#[test]
fn later_rules_and_off_override_earlier_ones() {
    let h = oh("Mo-Su 10:00-22:00; We off");
    assert!(h.week()[2].is_empty());
    assert_eq!(h.week()[3], vec![(600, 1320)]);
    assert_eq!(
        h.status(at(1, 10, 12, 0), NO_HOLIDAYS),
        closed_until(at(1, 11, 10, 0))
    );

    let h = oh("Mo-Fr 09:00-17:00; We 12:00-20:00");
    assert_eq!(h.week()[2], vec![(720, 1200)]);
    assert_eq!(
        h.status(at(1, 10, 9, 30), NO_HOLIDAYS),
        closed_until(at(1, 10, 12, 0))
    );

    let h = oh("off");
    assert!(h.week().iter().all(Vec::is_empty));
    assert_eq!(
        h.status(at(1, 8, 12, 0), NO_HOLIDAYS),
        Status::Closed { opens: None }
    );
}

#[test]
fn public_holidays() {
    // 2024-10-01, National Day, is a Tuesday.
    let national_day = |d: Date| d == Date::new(2024, 10, 1).unwrap();

    let h = oh("Mo-Fr 09:00-17:00; PH off");
    assert_eq!(h.holiday_spans(), Some(vec![]));
    assert_eq!(h.week()[1], vec![(540, 1020)]);
    assert_eq!(
        h.status(at(10, 1, 10, 0), &national_day),
        closed_until(at(10, 2, 9, 0))
    );
    assert_eq!(
        h.status(at(9, 30, 16, 0), &national_day),
        open_until(at(9, 30, 17, 0))
    );
    assert_eq!(
        h.status(at(9, 30, 18, 0), &national_day),
        closed_until(at(10, 2, 9, 0))
    );
    assert_eq!(
        h.status(at(10, 1, 10, 0), NO_HOLIDAYS),
        open_until(at(10, 1, 17, 0))
    );

    let h = oh("Mo-Sa 09:00-17:00; PH 10:00-16:00");
    assert_eq!(h.holiday_spans(), Some(vec![(600, 960)]));
    assert_eq!(
        h.status(at(10, 1, 9, 30), &national_day),
        closed_until(at(10, 1, 10, 0))
    );
    assert_eq!(
        h.status(at(10, 1, 15, 0), &national_day),
        open_until(at(10, 1, 16, 0))
    );

    // PH in a list, on a holiday that falls on a Sunday (2024-09-29).
    let sunday_holiday = |d: Date| d == Date::new(2024, 9, 29).unwrap();
    let h = oh("Mo-Fr,PH 09:00-17:00");
    assert_eq!(
        h.status(at(9, 29, 12, 0), &sunday_holiday),
        open_until(at(9, 29, 17, 0))
    );
    assert_eq!(
        h.status(at(9, 29, 12, 0), NO_HOLIDAYS),
        closed_until(at(9, 30, 9, 0))
    );

    // The PH layer wins whatever the order of the rules (a documented choice).
    assert_eq!(
        oh("PH off; Mo-Fr 09:00-17:00").status(at(10, 1, 10, 0), &national_day),
        closed_until(at(10, 2, 9, 0))
    );

    // Without a PH rule the weekday hours apply, and the calendar is not even consulted.
    let asked = Cell::new(0);
    let counting = |_: Date| {
        asked.set(asked.get() + 1);
        true
    };
    let h = oh("Mo-Fr 09:00-17:00");
    assert_eq!(h.holiday_spans(), None);
    assert_eq!(
        h.status(at(10, 1, 10, 0), &counting),
        open_until(at(10, 1, 17, 0))
    );
    assert_eq!(asked.get(), 0);

    // Hours only on holidays, and none coming: never opens.
    assert_eq!(
        oh("PH 10:00-12:00").status(at(1, 8, 9, 0), NO_HOLIDAYS),
        Status::Closed { opens: None }
    );
}

#[test]
fn wrapping_ranges_and_lists() {
    let h = oh("Sa-Mo 10:00-14:00");
    let open: Vec<bool> = h.week().iter().map(|d| !d.is_empty()).collect();
    assert_eq!(open, [true, false, false, false, false, true, true]);
    assert_eq!(
        h.status(at(1, 9, 12, 0), NO_HOLIDAYS),
        closed_until(at(1, 13, 10, 0))
    );

    let h = oh("Mo,We-Fr 08:00-09:00");
    let open: Vec<bool> = h.week().iter().map(|d| !d.is_empty()).collect();
    assert_eq!(open, [true, false, true, true, true, false, false]);
    assert_eq!(oh("Mo-Mo 08:00-09:00"), oh("Mo 08:00-09:00"));
}

#[test]
fn a_phone_in_another_time_zone_gets_shanghai_hours() {
    let h = oh("Mo-Fr 09:00-17:00");
    // 2024-01-08T01:30:00Z: Sunday evening in New York and 01:30 on Monday in London, but 09:30
    // on Monday in Shanghai, when the place is open.
    let now = LocalDateTime::from_unix_ms(1_704_677_400_000.0);
    assert_eq!(now, at(1, 8, 9, 30));
    let Status::Open {
        closes: Some(closes),
    } = h.status(now, NO_HOLIDAYS)
    else {
        panic!("should be open")
    };
    assert_eq!(closes, at(1, 8, 17, 0));
    assert_eq!(
        closes.to_unix_s(),
        1_704_704_400,
        "17:00 in Shanghai is 09:00 UTC"
    );
    // 2024-01-05T16:30:00Z is Friday afternoon in UTC but 00:30 on Saturday in Shanghai.
    let now = LocalDateTime::from_unix_ms(1_704_472_200_000.0);
    assert_eq!(h.status(now, NO_HOLIDAYS), closed_until(at(1, 8, 9, 0)));
}

/// A Shanghai wall-clock time on any date.
mod dates;
mod form;
