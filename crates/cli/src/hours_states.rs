//! `qiaosi hours-states <opening_hours> --from YYYY-MM-DD --days N [--holidays D,D,…]`: for the
//! differential test against opening_hours.js (`scripts/hours-oracle.mjs`) only. Prints, for
//! each day, `YYYY-MM-DD ` and one character per half hour (Asia/Shanghai) from 00:00:
//!
//! - `0` closed, `1` open, by the guide's rules ([`OpeningHours::status`], as the app shows);
//! - `a` open, but closed with opening_hours.js's rule for spans past midnight instead of ours;
//! - `b` closed, but open with that rule (see `qiaosi_core::hours::reference`).
//!
//! So `a` and `b` mark the documented difference; anything else must match opening_hours.js.
//! Hours the guide refuses print the reason on stderr and exit with 1.

use crate::args::{fail, Args};
use qiaosi_core::hours::reference::MidnightAsReference;
use qiaosi_core::hours::{OpeningHours, Status};
use qiaosi_core::time::{Date, LocalDateTime};
use std::fmt::Write;
use std::process::ExitCode;

pub fn run(rest: &[&str]) -> ExitCode {
    let args = match Args::parse(rest, &["from", "days", "holidays"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let [value] = args.positional[..] else {
        return fail("hours-states takes one opening_hours value");
    };
    let from = match args.need("from").map(|s| (s, Date::parse(s))) {
        Ok((_, Some(d))) => d,
        Ok((s, None)) => return fail(&format!("--from: \"{s}\" is not YYYY-MM-DD")),
        Err(e) => return fail(&e),
    };
    let days = match args.need("days").map(str::parse::<u32>) {
        Ok(Ok(n)) if (1..=3660).contains(&n) => n,
        Ok(_) => return fail("--days: a number of days, 1 to 3660"),
        Err(e) => return fail(&e),
    };
    let mut holidays = Vec::new();
    for s in args.get("holidays").unwrap_or("").split(',') {
        match Date::parse(s.trim()) {
            Some(d) => holidays.push(d),
            None if s.trim().is_empty() => {}
            None => return fail(&format!("--holidays: \"{s}\" is not YYYY-MM-DD")),
        }
    }
    let (hours, reference) = match (
        OpeningHours::parse(value),
        MidnightAsReference::parse(value),
    ) {
        (Ok(h), Ok(r)) => (h, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let is_holiday = |d: Date| holidays.contains(&d);
    let mut out = String::new();
    for i in 0..days {
        let date = from.add_days(i64::from(i));
        let _ = write!(out, "{date} ");
        for half in 0..48 {
            let t = LocalDateTime {
                date,
                minute: half * 30,
            };
            let ours = matches!(hours.status(t, &is_holiday), Status::Open { .. });
            let theirs = reference.open_at(t, &is_holiday);
            out.push(match (ours, theirs) {
                (false, false) => '0',
                (true, true) => '1',
                (true, false) => 'a',
                (false, true) => 'b',
            });
        }
        out.push('\n');
    }
    print!("{out}");
    ExitCode::SUCCESS
}
