//! Month ranges, dated rules, holidays with dates and nights, as venues publish them.

use super::*;

pub(super) fn on(y: i32, month: u8, day: u8, hour: u16, minute: u16) -> LocalDateTime {
    LocalDateTime {
        date: Date::new(y, month, day).unwrap(),
        minute: hour * 60 + minute,
    }
}

pub(super) fn date(y: i32, month: u8, day: u8) -> Date {
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
pub(super) const MUSEUM: &str =
    "May-Oct Tu-Su 09:00-17:00; Nov-Apr Tu-Su 09:00-16:30; 2027 Feb 05 off";

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
