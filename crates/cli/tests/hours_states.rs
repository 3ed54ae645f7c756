//! `qiaosi hours-states`, the guide's side of the differential test against opening_hours.js.

mod common;
use common::qiaosi;

#[test]
fn prints_each_half_hour_and_marks_the_past_midnight_difference() {
    let (code, out, err) = qiaosi(&[
        "hours-states",
        "Mo-Su 23:00-01:00; Dec 25 off",
        "--from",
        "2026-12-24",
        "--days",
        "3",
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    // Open 23:00-01:00 every night; Christmas Eve's night runs on here ('a': opening_hours.js
    // cuts it at midnight), Christmas night does not ('b': opening_hours.js keeps it).
    let night = format!("{}11", "0".repeat(46));
    assert_eq!(lines[0], format!("2026-12-24 11{}", &night[2..]));
    assert_eq!(lines[1], format!("2026-12-25 aa{}", "0".repeat(46)));
    assert_eq!(lines[2], format!("2026-12-26 bb{}", &night[2..]));
}

#[test]
fn holidays_and_refusals() {
    let (code, out, _) = qiaosi(&[
        "hours-states",
        "Mo-Su 09:00-17:00; PH off",
        "--from",
        "2027-09-30",
        "--days",
        "2",
        "--holidays",
        "2027-10-01,2027-10-02",
    ]);
    assert_eq!(code, 0);
    let day = format!("{}{}{}", "0".repeat(18), "1".repeat(16), "0".repeat(14));
    assert_eq!(
        out,
        format!("2027-09-30 {day}\n2027-10-01 {}\n", "0".repeat(48))
    );

    let (code, _, err) = qiaosi(&[
        "hours-states",
        "Mo-Fr: 09:00-17:00",
        "--from",
        "2027-01-01",
        "--days",
        "1",
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("remove the ':' after the days"), "{err}");
    let (code, _, err) = qiaosi(&["hours-states", "Mo-Fr 09:00-17:00", "--from", "2027-01-01"]);
    assert_eq!(code, 2);
    assert!(err.contains("--days"), "{err}");
}
