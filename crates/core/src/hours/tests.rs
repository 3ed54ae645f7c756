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
fn on(y: i32, month: u8, day: u8, hour: u16, minute: u16) -> LocalDateTime {
    LocalDateTime {
        date: Date::new(y, month, day).unwrap(),
        minute: hour * 60 + minute,
    }
}

fn date(y: i32, month: u8, day: u8) -> Date {
    Date::new(y, month, day).unwrap()
}

#[test]
fn refusals_name_the_fix() {
    let cases: &[(&str, usize, &str)] = &[
        // The colon after the days: not a problem with the hours.
        ("Mo-Fr: 09:00-17:00", 5, "remove the ':' after the days"),
        ("Mo-Fr:09:00-17:00", 5, "remove the ':' after the days"),
        ("PH: off", 2, "remove the ':' after the days"),
        (
            "May-Oct: Tu-Su 09:00-17:00",
            7,
            "remove the ':' after the dates",
        ),
        (
            "Mo-Fr 09:00-17:00; Dec 25: off",
            25,
            "remove the ':' after the dates",
        ),
        ("Mo-Fr 9-17", 6, "HH:MM"),
        ("Mo-Fr 0900-1700", 6, "HH:MM"),
        ("Mo-Fr 09.00-17.00", 6, "HH:MM"),
        // What a guide should not half-understand, each with what to write instead.
        (
            "Mo-Fr 09:00-17:00 \"by appointment\"",
            18,
            "put notes in the description",
        ),
        ("sunrise-sunset", 0, "write clock times"),
        ("Mo-Su (sunrise+01:00)-18:00", 6, "write clock times"),
        ("Mo-Fr 09:00-17:00 || \"call\"", 18, "write the usual hours"),
        ("Fr 22:00+", 8, "write the closing time"),
        ("week 01-10 Mo 09:00-12:00", 0, "write the dates"),
        ("Mo-Fr 09:00-17:00; SH off", 19, "write their dates"),
        ("easter off", 0, "with its year"),
        ("Su[1] 10:00-12:00", 2, "write the dates"),
        ("Jun 24-Sep Mo[1] off", 13, "nth-weekday"),
        ("Jan-Dec/2 Mo 10:00-12:00", 7, "steps"),
        // Dates.
        ("Sept 10:00-12:00", 0, "unknown month 'Sept'"),
        ("jan 10:00-12:00", 0, "write months as Jan"),
        ("Feb 30 off", 4, "Feb has 28 days"),
        ("Apr 31 off", 4, "Apr has 30 days"),
        ("Jan 00 off", 4, "Jan has 31 days"),
        ("Feb 29 off", 4, "2028 Feb 29"),
        ("Jan 01-Feb 29 off", 11, "leap years"),
        ("2027 Feb 29 off", 9, "2027 Feb 29 does not exist"),
        ("Dec 26-24 off", 7, "runs backwards"),
        ("Mar 15-Mar 10 off", 0, "runs backwards"),
        ("2027 Feb 11-2027 Feb 05 off", 0, "runs backwards"),
        (
            "2027 Dec 30-Jan 02 off",
            12,
            "repeat the year at the end of the range: 2028 Jan 02",
        ),
        ("2027 Feb 05-Feb 11 off", 12, "2027 Feb 11"),
        ("Dec 24-2028 Jan 02 off", 7, "end the range"),
        (
            "2027 Feb 10:00-12:00",
            0,
            "a year needs a full date, e.g. 2027 Feb 05",
        ),
        ("2027 10:00-12:00", 0, "years alone are not supported"),
        ("May-Oct 15 off", 4, "a month range ends with a month"),
        ("Dec 24-Jan off", 7, "end the range with a day"),
        (
            "May- Tu-Su 09:00-17:00",
            5,
            "a month range ends with a month",
        ),
        ("Feb 005 off", 4, "two digits"),
        ("25 Dec off", 0, "month then day"),
        ("Dec 25 2027 off", 7, "month then day"),
        ("Dec 25", 6, "or 'off', after the dates"),
        ("Dec 25, Mo off", 8, "a month or a date after ','"),
        ("Dec 24 24/7", 7, "'24/7' is a rule of its own"),
        ("Mo 24/7", 3, "'24/7' is a rule of its own"),
        (
            "Mo-Fr Jan 10:00-12:00",
            6,
            "months and dates before the weekdays",
        ),
        (
            "Mo,Jan 10:00-12:00",
            3,
            "months and dates before the weekdays",
        ),
        ("Jun 10:00-12:00, Jul 10:00-12:00", 17, "additional rules"),
        ("May-Oct PH", 10, "times such as"),
        ("12345 off", 0, "a year such as 2027"),
    ];
    for &(input, pos, needle) in cases {
        let e = OpeningHours::parse(input).expect_err(input);
        assert_eq!(e.at, pos, "{input:?}: {e}");
        assert!(e.message.contains(needle), "{input:?}: {e}");
    }
}

/// The example: summer and winter hours of a museum closed on Mondays, and the day
/// Spring Festival Eve falls on in 2027.
const MUSEUM: &str = "May-Oct Tu-Su 09:00-17:00; Nov-Apr Tu-Su 09:00-16:30; 2027 Feb 05 off";

#[test]
fn seasons_and_a_dated_closure() {
    let h = oh(MUSEUM);
    assert!(h.has_dates());
    assert!(!oh("Mo-Fr 09:00-17:00; PH off").has_dates());
    // 2027-07-06 is a Tuesday in summer, 2027-11-30 one in winter.
    assert_eq!(
        h.status(on(2027, 7, 6, 16, 45), NO_HOLIDAYS),
        open_until(on(2027, 7, 6, 17, 0))
    );
    assert_eq!(
        h.status(on(2027, 11, 30, 16, 45), NO_HOLIDAYS),
        closed_until(on(2027, 12, 1, 9, 0))
    );
    assert_eq!(
        h.status(on(2027, 11, 30, 16, 15), NO_HOLIDAYS),
        open_until(on(2027, 11, 30, 16, 30))
    );
    // Mondays are closed in both seasons; the change of season happens overnight.
    assert_eq!(
        h.status(on(2027, 11, 1, 12, 0), NO_HOLIDAYS),
        closed_until(on(2027, 11, 2, 9, 0))
    );
    assert_eq!(
        h.status(on(2027, 10, 31, 16, 45), NO_HOLIDAYS),
        open_until(on(2027, 10, 31, 17, 0))
    );
    assert_eq!(
        h.status(on(2027, 4, 30, 16, 45), NO_HOLIDAYS),
        closed_until(on(2027, 5, 1, 9, 0))
    );
    // Spring Festival Eve (a Friday) is closed; the Thursday before opens as in winter.
    assert_eq!(
        h.status(on(2027, 2, 4, 17, 0), NO_HOLIDAYS),
        closed_until(on(2027, 2, 6, 9, 0))
    );
    assert_eq!(
        h.status(on(2027, 2, 5, 10, 0), NO_HOLIDAYS),
        closed_until(on(2027, 2, 6, 9, 0))
    );
    // The closure names its year: in 2028, Feb 05 (a Saturday) opens.
    assert_eq!(
        h.status(on(2028, 2, 5, 10, 0), NO_HOLIDAYS),
        open_until(on(2028, 2, 5, 16, 30))
    );

    // The week table: the week of a date, with its season and its closures.
    let winter = [540, 990];
    let summer = [540, 1020];
    let spans = |w: [Vec<Span>; 7]| w.map(|d| d.iter().map(|s| [s.0, s.1]).collect::<Vec<_>>());
    assert_eq!(
        spans(h.week_of(date(2027, 2, 3))),
        [
            vec![],
            vec![winter],
            vec![winter],
            vec![winter],
            vec![],
            vec![winter],
            vec![winter]
        ]
    );
    assert_eq!(
        spans(h.week_of(date(2027, 7, 11))),
        [
            vec![],
            vec![summer],
            vec![summer],
            vec![summer],
            vec![summer],
            vec![summer],
            vec![summer]
        ]
    );
    // A week across the change of season: Mon Oct 25 … Sun Oct 31 is summer; Nov 1 winter.
    let w = h.week_of(date(2027, 11, 3));
    assert_eq!(w[1], vec![(540, 990)]);
    assert_eq!(h.week_of(date(2027, 10, 31))[6], vec![(540, 1020)]);
    assert_eq!(h.day(date(2027, 2, 5), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 2, 6), false), &[(540, 990)]);
    // The old weekday view only knows rules before the first dated one: none here.
    assert!(h.week().iter().all(Vec::is_empty));
}

#[test]
fn month_and_day_ranges() {
    // Nov-Apr wraps the new year; single months; lists.
    let h = oh("Nov-Apr 10:00-16:00; Jul,Aug 08:00-20:00");
    assert_eq!(h.day(date(2027, 12, 31), false), &[(600, 960)]);
    assert_eq!(h.day(date(2027, 1, 1), false), &[(600, 960)]);
    assert_eq!(h.day(date(2027, 4, 30), false), &[(600, 960)]);
    assert_eq!(h.day(date(2027, 5, 1), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 8, 31), false), &[(480, 1200)]);
    assert_eq!(h.day(date(2027, 9, 1), false), &[] as &[Span]);
    // Day ranges within a month, across months and across the new year.
    let h = oh("Mo-Su 10:00-18:00; Jul 15-Aug 31 08:00-20:00; Dec 24-Jan 02 off; Oct 01-07 off");
    assert_eq!(h.day(date(2027, 7, 14), false), &[(600, 1080)]);
    assert_eq!(h.day(date(2027, 7, 15), false), &[(480, 1200)]);
    assert_eq!(h.day(date(2027, 8, 31), false), &[(480, 1200)]);
    assert_eq!(h.day(date(2027, 9, 1), false), &[(600, 1080)]);
    for d in [date(2027, 12, 24), date(2027, 12, 31), date(2028, 1, 2)] {
        assert_eq!(h.day(d, false), &[] as &[Span], "{d}");
    }
    assert_eq!(h.day(date(2027, 12, 23), false), &[(600, 1080)]);
    assert_eq!(h.day(date(2028, 1, 3), false), &[(600, 1080)]);
    assert_eq!(h.day(date(2027, 10, 7), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 10, 8), false), &[(600, 1080)]);
    // Dates with weekdays: Saturdays in August only.
    let h = oh("Mo-Fr 09:00-17:00; Aug Sa 10:00-12:00");
    assert_eq!(h.day(date(2027, 8, 7), false), &[(600, 720)]);
    assert_eq!(h.day(date(2027, 8, 9), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2027, 9, 4), false), &[] as &[Span]);
    // A fixed range, a list of dates, and one-digit days.
    let h = oh("Mo-Su 09:00-17:00; 2027 Feb 05-11,2027 Oct 01 off; Dec 5 10:00-11:00");
    assert_eq!(h.day(date(2027, 2, 4), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2027, 2, 8), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 2, 12), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2027, 10, 1), false), &[] as &[Span]);
    assert_eq!(h.day(date(2028, 10, 1), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2028, 12, 5), false), &[(600, 660)]);
    let h = oh("Mo-Su 09:00-17:00; 2027 Dec 30-2028 Jan 02 off");
    assert_eq!(h.day(date(2027, 12, 29), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2027, 12, 31), false), &[] as &[Span]);
    assert_eq!(h.day(date(2028, 1, 2), false), &[] as &[Span]);
    assert_eq!(h.day(date(2028, 12, 31), false), &[(540, 1020)]);
    // Leap day with a year.
    let h = oh("Mo-Su 09:00-17:00; 2028 Feb 29 off");
    assert_eq!(h.day(date(2028, 2, 29), false), &[] as &[Span]);
    assert_eq!(h.day(date(2028, 3, 1), false), &[(540, 1020)]);

    // The same ranges, however written.
    assert_eq!(oh("May-Oct 10:00-12:00"), oh("May 01-Oct 31 10:00-12:00"));
    assert_eq!(oh("Apr-Jun 10:00-12:00"), oh("Apr 01-Jun 30 10:00-12:00"));
    assert_eq!(oh("Apr 01-30 10:00-12:00"), oh("Apr 10:00-12:00"));
    assert_eq!(
        oh("Mo-Fr 09:00-17:00; Dec 25 off"),
        oh("Mo,Tu,We,Th,Fr 09:00-17:00; Dec 25 closed")
    );
    assert_ne!(oh("Jan-Feb 10:00-12:00"), oh("Jan 01-Feb 28 10:00-12:00"));
    assert!(oh("24/7; Dec 25 00:00-24:00").is_24_7());
    assert!(!oh("24/7; Dec 25 off").is_24_7());
}

#[test]
fn later_rules_override_earlier_ones_in_order() {
    // An undated rule after a dated one overrides it too.
    let h = oh("May-Oct Mo-Su 09:00-17:00; Mo off");
    assert_eq!(h.day(date(2027, 7, 5), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 7, 6), false), &[(540, 1020)]);
    assert_eq!(h.day(date(2027, 12, 6), false), &[] as &[Span]);
    // A dated rule before the rule it should override loses.
    let h = oh("Dec 25 off; Mo-Su 10:00-12:00");
    assert_eq!(h.day(date(2027, 12, 25), false), &[(600, 720)]);
    // The last rule that applies wins, whatever its kind.
    let h = oh("Mo-Su 10:00-20:00; Jan-Feb 10:00-17:00; Feb 01-14 off; Feb 10 10:00-12:00");
    assert_eq!(h.day(date(2027, 1, 20), false), &[(600, 1020)]);
    assert_eq!(h.day(date(2027, 2, 9), false), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 2, 10), false), &[(600, 720)]);
    assert_eq!(h.day(date(2027, 2, 15), false), &[(600, 1020)]);
    assert_eq!(h.day(date(2027, 3, 1), false), &[(600, 1200)]);
}

#[test]
fn public_holidays_with_dates() {
    // 2027-10-01 is a Friday.
    let national_day = |d: Date| d == date(2027, 10, 1);
    // A dated closure after PH applies on the holiday (as in the spec).
    let h = oh("Mo-Su 09:00-17:00; PH 10:00-16:00; 2027 Oct 01 off");
    assert_eq!(h.day(date(2027, 10, 1), true), &[] as &[Span]);
    assert_eq!(h.day(date(2028, 10, 1), true), &[(600, 960)]);
    assert_eq!(
        h.status(on(2027, 9, 30, 18, 0), &national_day),
        closed_until(on(2027, 10, 2, 9, 0))
    );
    assert_eq!(h.holiday_on(date(2027, 10, 1)), Some(vec![]));
    assert_eq!(h.holiday_on(date(2028, 10, 1)), Some(vec![(600, 960)]));
    // A seasonal weekday rule after PH does not (the holiday layer).
    let h = oh("PH off; May-Oct Mo-Su 09:00-17:00");
    assert_eq!(h.day(date(2027, 10, 1), true), &[] as &[Span]);
    assert_eq!(h.day(date(2027, 10, 1), false), &[(540, 1020)]);
    // PH limited to some months.
    let h = oh("Mo-Su 09:00-17:00; Nov-Apr PH off");
    assert_eq!(h.holiday_on(date(2027, 10, 1)), None);
    assert_eq!(h.holiday_on(date(2028, 1, 1)), Some(vec![]));
    assert_eq!(h.day(date(2027, 10, 1), true), &[(540, 1020)]);
    assert_eq!(h.day(date(2028, 1, 1), true), &[] as &[Span]);
    // The calendar is consulted only when a rule names PH.
    let asked = Cell::new(0);
    let counting = |_: Date| {
        asked.set(asked.get() + 1);
        true
    };
    oh(MUSEUM).status(on(2027, 10, 1, 10, 0), &counting);
    assert_eq!(asked.get(), 0);
}

#[test]
fn nights_stay_whole_unlike_opening_hours_js() {
    use super::reference::MidnightAsReference;
    let reference = |s: &str, t: LocalDateTime| {
        MidnightAsReference::parse(s)
            .unwrap()
            .open_at(t, NO_HOLIDAYS)
    };
    let open =
        |s: &str, t: LocalDateTime| matches!(oh(s).status(t, NO_HOLIDAYS), Status::Open { .. });
    // Christmas Eve's night runs into Christmas Day here; opening_hours.js ends it at midnight.
    let s = "Mo-Su 23:00-01:00; Dec 25 off";
    assert!(open(s, on(2026, 12, 25, 0, 30)));
    assert!(!reference(s, on(2026, 12, 25, 0, 30)));
    // A closed Christmas Day has no night after it here; opening_hours.js keeps one.
    assert!(!open(s, on(2026, 12, 26, 0, 30)));
    assert!(reference(s, on(2026, 12, 26, 0, 30)));
    // Monday's night stays whole here; opening_hours.js ends it at midnight. And Tuesday,
    // closed, has no night here; there it keeps the one of the rule it replaced.
    let s = "Mo-Su 18:00-02:00; Tu off";
    assert!(open(s, on(2024, 1, 9, 1, 0)));
    assert!(!reference(s, on(2024, 1, 9, 1, 0)));
    assert!(!open(s, on(2024, 1, 10, 1, 0)));
    assert!(reference(s, on(2024, 1, 10, 1, 0)));
    // Everything else is the same.
    for (s, t, want) in [
        ("Mo-Su 18:00-02:00; Tu off", on(2024, 1, 8, 19, 0), true),
        ("Mo-Su 18:00-02:00; Tu off", on(2024, 1, 9, 19, 0), false),
        ("Mo-Su 18:00-02:00; Tu off", on(2024, 1, 11, 1, 0), true),
        ("Mo 18:00-02:00", on(2024, 1, 9, 1, 59), true),
        ("Mo 18:00-02:00", on(2024, 1, 9, 2, 0), false),
        (
            "Fr 22:00-26:00; Sa 01:00-03:00",
            on(2024, 1, 13, 2, 30),
            true,
        ),
        ("Mo-Fr 09:00-17:00", on(2024, 1, 8, 12, 0), true),
    ] {
        assert_eq!(open(s, t), want, "{s} at {t:?}");
        assert_eq!(reference(s, t), want, "reference: {s} at {t:?}");
    }
}

// --- The survey form ---

fn spans_of(text: &[(u16, u16)]) -> Vec<Span> {
    text.to_vec()
}

fn week_of_days(days: &[(usize, &[(u16, u16)])]) -> [Vec<Span>; 7] {
    let mut week: [Vec<Span>; 7] = Default::default();
    for &(d, s) in days {
        week[d] = spans_of(s);
    }
    week
}

#[test]
fn the_form_writes_what_people_write() {
    let nine_to_five: &[(u16, u16)] = &[(540, 1020)];
    let mut form = HoursForm {
        week: week_of_days(&(0..5).map(|d| (d, nine_to_five)).collect::<Vec<_>>()),
        ..HoursForm::default()
    };
    assert_eq!(form.to_opening_hours(), "Mo-Fr 09:00-17:00; Sa,Su off");
    form.week[5] = vec![(600, 720), (780, 960)];
    form.holidays = PublicHolidays::Closed;
    assert_eq!(
        form.to_opening_hours(),
        "Mo-Fr 09:00-17:00; Sa 10:00-12:00,13:00-16:00; Su off; PH off"
    );
    // The museum: two seasons, no week of its own, Spring Festival Eve closed.
    let tu_su =
        |spans: &[(u16, u16)]| week_of_days(&(1..7).map(|d| (d, spans)).collect::<Vec<_>>());
    let museum = HoursForm {
        week: Default::default(),
        holidays: PublicHolidays::AsUsual,
        seasons: vec![
            Season {
                from: 5,
                to: 10,
                week: tu_su(&[(540, 1020)]),
            },
            Season {
                from: 11,
                to: 4,
                week: tu_su(&[(540, 990)]),
            },
        ],
        closed: vec![date(2027, 2, 5)],
    };
    assert_eq!(museum.to_opening_hours(), MUSEUM);
    assert_eq!(HoursForm::from_opening_hours(MUSEUM), Some(museum.clone()));
    assert_eq!(
        HoursForm::from_opening_hours(
            "May-Oct Tu-Su 09:00-17:00; Nov-Apr Tu-Su 09:00-16:30; Nov-Apr Mo off; 2027 Feb 05 off"
        ),
        Some(museum)
    );
    // A park: the week is the winter's, summer afternoons run later, a week's closure.
    let park = HoursForm {
        week: week_of_days(&(0..7).map(|d| (d, &[(360, 1080)][..])).collect::<Vec<_>>()),
        seasons: vec![Season {
            from: 6,
            to: 9,
            week: week_of_days(&(0..7).map(|d| (d, &[(330, 1230)][..])).collect::<Vec<_>>()),
        }],
        closed: (5..=11).map(|d| date(2027, 2, d)).collect(),
        holidays: PublicHolidays::Open(vec![(480, 1200)]),
    };
    assert_eq!(
        park.to_opening_hours(),
        "Mo-Su 06:00-18:00; Jun-Sep Mo-Su 05:30-20:30; PH 08:00-20:00; 2027 Feb 05-11 off"
    );
    // A bar past midnight, and a season closed altogether.
    let bar = HoursForm {
        week: week_of_days(&[(4, &[(1200, 1560)]), (5, &[(1200, 1620)])]),
        seasons: vec![Season {
            from: 1,
            to: 2,
            week: Default::default(),
        }],
        closed: vec![date(2027, 12, 31), date(2028, 1, 1)],
        holidays: PublicHolidays::AsUsual,
    };
    assert_eq!(
        bar.to_opening_hours(),
        "Fr 20:00-02:00; Sa 20:00-03:00; Mo-Th,Su off; Jan-Feb off; 2027 Dec 31-2028 Jan 01 off"
    );
    assert_eq!(HoursForm::default().to_opening_hours(), "off");
}

#[test]
fn the_form_reads_what_it_can_express() {
    let form = |s: &str| HoursForm::from_opening_hours(s);
    let f = form("Mo,Tu,We,Th,Fr 09:00-12:00,12:00-17:00; PH closed").unwrap();
    assert_eq!(f.week[0], vec![(540, 1020)]);
    assert!(f.week[5].is_empty());
    assert_eq!(f.holidays, PublicHolidays::Closed);
    assert_eq!(f.to_opening_hours(), "Mo-Fr 09:00-17:00; Sa,Su off; PH off");
    let f = form("Mo-Fr,PH 09:00-17:00").unwrap();
    assert_eq!(f.holidays, PublicHolidays::Open(vec![(540, 1020)]));
    assert_eq!(form("24/7").unwrap().week[3], vec![(0, 1440)]);
    // A rule for all days after a season changes the season too.
    let f = form("May-Oct Tu-Su 09:00-17:00; Mo 10:00-12:00").unwrap();
    assert_eq!(f.week[0], vec![(600, 720)]);
    assert_eq!(f.seasons[0].week[0], vec![(600, 720)]);
    assert_eq!(f.seasons[0].week[1], vec![(540, 1020)]);
    assert!(f.week[1].is_empty());
    // What the form cannot say.
    for s in [
        "Mo-Fr 09:00-17:00; Dec 24-Jan 02 off",
        "Mo-Fr 09:00-17:00; Dec 25 off",
        "Mo-Fr 09:00-17:00; 2027 Feb 05 10:00-12:00",
        "Mo-Fr 09:00-17:00; 2027 Feb 05 Mo off",
        "Mo-Fr 09:00-17:00; Nov-Apr PH off",
        "May-Oct Mo-Su 09:00-17:00; Jun-Jul Mo 10:00-12:00",
        "Jan-Mar,Nov-Dec Mo-Su 09:00-17:00",
        "Jan 01-Feb 28 Mo-Su 09:00-17:00",
        // A closed date reopened by a later rule.
        "2027 Feb 05 off; Mo-Fr 09:00-17:00",
        // A date rule after PH applies on holidays; the form's PH would win.
        "PH off; May-Oct 09:00-17:00",
        "2020 Jan 01-2029 Dec 31 off",
        "Mo-Fr: 09:00-17:00",
    ] {
        assert_eq!(form(s), None, "{s}");
    }
    // But a closure already closed, in any order, is fine.
    let f = form("Mo-Fr 09:00-17:00; 2027 Feb 06 off").unwrap();
    assert_eq!(f.closed, vec![date(2027, 2, 6)]);
}

/// A small deterministic generator (xorshift), for the property-style loop.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, in_ten: u64) -> bool {
        self.below(10) < in_ten
    }
    /// In order, not touching: a day, a lunch break, a night past midnight.
    fn spans(&mut self) -> Vec<Span> {
        let mut q = |n: u64| 15 * self.below(n) as u16;
        match q(6) / 15 {
            0 => vec![],
            1 => vec![(0, 1440)],
            2 => {
                let a = 420 + q(20);
                let b = a + 60 + q(12);
                let c = b + 30 + q(8);
                let d = c + 60 + q(40);
                vec![(a, b), (c, d)]
            }
            3 => {
                let a = 1080 + q(20);
                vec![(a, 1470 + q(40))]
            }
            _ => {
                let a = q(80);
                let b = a + 15 + q(u64::from((1440 - a - 15) / 15) + 1);
                vec![(a, b)]
            }
        }
    }
    fn week(&mut self) -> [Vec<Span>; 7] {
        // Often the same hours on several days, as in real weeks.
        let usual = self.spans();
        std::array::from_fn(|_| {
            if self.chance(6) {
                usual.clone()
            } else {
                self.spans()
            }
        })
    }
}

fn random_form(r: &mut Rng) -> HoursForm {
    let mut form = HoursForm {
        week: if r.chance(2) {
            Default::default()
        } else {
            r.week()
        },
        ..HoursForm::default()
    };
    form.holidays = match r.below(3) {
        0 => PublicHolidays::AsUsual,
        1 => PublicHolidays::Closed,
        _ => loop {
            let s = r.spans();
            if !s.is_empty() {
                break PublicHolidays::Open(s);
            }
        },
    };
    // Up to three seasons that do not overlap: cut the year at random months.
    let mut taken = [false; 12];
    for _ in 0..r.below(4) {
        let from = r.below(12) as u8 + 1;
        let len = r.below(7) as u8;
        let mut months = vec![from];
        let mut m = from;
        for _ in 0..len {
            m = m % 12 + 1;
            months.push(m);
        }
        if months.iter().any(|m| taken[usize::from(m - 1)]) {
            continue;
        }
        for m in &months {
            taken[usize::from(m - 1)] = true;
        }
        let week = if r.chance(2) {
            form.week.clone()
        } else {
            r.week()
        };
        form.seasons.push(Season { from, to: m, week });
    }
    for _ in 0..r.below(5) {
        let start = date(2026 + r.below(3) as i32, 1, 1).add_days(r.below(365) as i64);
        for i in 0..=r.below(4) as i64 {
            form.closed.push(start.add_days(i));
        }
    }
    form.closed.sort();
    form.closed.dedup();
    form
}

/// What a form means on a date (see the module doc of `form`).
fn form_day(form: &HoursForm, d: Date, holiday: bool) -> Vec<Span> {
    if form.closed.contains(&d) {
        return vec![];
    }
    match (&form.holidays, holiday) {
        (PublicHolidays::Closed, true) => return vec![],
        (PublicHolidays::Open(s), true) => return s.clone(),
        _ => {}
    }
    let wd = d.weekday().index();
    for s in &form.seasons {
        let mut m = s.from;
        let mut months = vec![m];
        while m != s.to {
            m = m % 12 + 1;
            months.push(m);
        }
        if months.contains(&d.month) {
            return s.week[wd].clone();
        }
    }
    form.week[wd].clone()
}

#[test]
fn forms_round_trip_through_the_parser() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..1500 {
        let form = random_form(&mut r);
        let text = form.to_opening_hours();
        let parsed = OpeningHours::parse(&text).unwrap_or_else(|e| panic!("#{case} {text:?}: {e}"));
        assert_eq!(
            HoursForm::from_opening_hours(&text).as_ref(),
            Some(&form),
            "#{case} {text:?}"
        );
        // And the text means what the form says, on every day of 2027 and some of 2028.
        let start = date(2027, 1, 1);
        for i in 0..400 {
            let d = start.add_days(i);
            for holiday in [false, true] {
                assert_eq!(
                    parsed.day(d, holiday),
                    &form_day(&form, d, holiday)[..],
                    "#{case} {text:?} on {d} (holiday: {holiday})"
                );
            }
        }
    }
}
