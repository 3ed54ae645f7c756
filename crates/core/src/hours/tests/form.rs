//! The survey form: what it writes, what it reads back, and random forms round-tripping.

use super::dates::{date, MUSEUM};
use super::*;

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
