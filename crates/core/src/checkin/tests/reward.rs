//! Rewards as a visitor hoping for a prize might game them: one poster code re-dated over
//! days, stamps from another edition, a phone clock set ahead.

use super::{at, keys, points, secret, stamp};
use crate::checkin::{issue, judge, passport_check, Refusal, Stamp, Why};
use crate::content::tests::{edition, pack as empty_pack};
use crate::content::{Pack, Reward};
use crate::time::LocalDateTime;

pub(super) fn pack() -> Pack {
    let mut p = empty_pack();
    p.checkin.points = points();
    p.checkin.keys = keys().to_vec();
    let mut e24 = edition("2024-09-01", Some("2024-10-31"));
    e24.id = "2024".into();
    // No end known: the window runs 180 days from the start.
    let mut e25 = edition("2025-09-01", None);
    e25.id = "2025".into();
    p.festival = vec![e24, e25];
    p
}

pub(super) fn reward(need: u32) -> Reward {
    Reward {
        id: "r".into(),
        name: crate::content::I18n {
            zh: "奖".into(),
            en: "Prize".into(),
        },
        points: vec![],
        need,
        how: None,
        edition: None,
        from: Some("2024-09-01".into()),
        until: Some("2024-09-30".into()),
        desk: false,
    }
}

fn for_edition(ed: &str, need: u32) -> Reward {
    Reward {
        edition: Some(ed.into()),
        from: None,
        until: None,
        ..reward(need)
    }
}

/// A code for `point` valid on `from`'s day and the four after it.
fn code(point: &str, from: &str) -> String {
    let start = at(from, 0, 0);
    let until = LocalDateTime {
        date: start.date.add_days(5),
        minute: 0,
    };
    issue(&secret(1), "k1", point, start, until).unwrap()
}

fn checked(stamps: &[Stamp]) -> Vec<Result<crate::checkin::VerifiedStamp, Refusal>> {
    passport_check(&super::passport_of(stamps), keys(), &points(), &[])
        .unwrap()
        .stamps
}

const LATER: (&str, u16, u16) = ("2026-01-01", 12, 0);

fn now() -> LocalDateTime {
    at(LATER.0, LATER.1, LATER.2)
}

#[test]
fn one_poster_code_redated_over_five_days_is_one_point() {
    // Built offline: the same genuine code, its stamp re-dated to each day of its window.
    let five: Vec<_> = (0..5)
        .map(|d| stamp("tide-parlour", at(&format!("2024-09-{}", 18 + d), 12, 0)))
        .collect();
    let stamps = checked(&five);
    assert!(stamps.iter().all(|s| s.is_ok()), "each stamp is genuine");
    let j = judge(&reward(2), &pack(), &stamps, now());
    assert!(!j.earned);
    assert_eq!((j.points, j.need), (1, 2));
    assert_eq!(j.per_stamp[0], Why::Counts);
    assert!(j.per_stamp[1..].iter().all(|w| *w == Why::SamePointAgain));
    // A reward needing one point is earned by it, once.
    let one = judge(&reward(1), &pack(), &stamps, now());
    assert!(one.earned);
    assert_eq!(one.points, 1);
}

#[test]
fn an_editions_reward_ignores_the_other_editions_stamps() {
    let stamps = checked(&[
        Stamp {
            point_id: "tide-parlour".into(),
            token: code("tide-parlour", "2024-09-18"),
            at: at("2024-09-19", 10, 0),
            sig: String::new(),
        },
        Stamp {
            point_id: "niujiao-seawall".into(),
            token: code("niujiao-seawall", "2025-09-18"),
            at: at("2025-09-19", 10, 0),
            sig: String::new(),
        },
    ]);
    let p = pack();
    let j24 = judge(&for_edition("2024", 2), &p, &stamps, now());
    assert_eq!(j24.per_stamp, vec![Why::Counts, Why::OutsideWindow]);
    assert!(!j24.earned);
    assert_eq!(j24.points, 1);
    let j25 = judge(&for_edition("2025", 2), &p, &stamps, now());
    assert_eq!(j25.per_stamp, vec![Why::OutsideWindow, Why::Counts]);
    assert!(!j25.earned);
    // Window edges: the edition's first day from 00:00, its last day until 24:00.
    assert_eq!(
        for_edition("2024", 1).window(&p),
        Some((at("2024-09-01", 0, 0).date, at("2024-10-31", 0, 0).date))
    );
    assert_eq!(
        for_edition("2025", 1).window(&p).unwrap().1,
        at("2025-09-01", 0, 0).date.add_days(180)
    );
    // An edition the pack does not have: nothing counts (the validator refuses such a pack).
    let gone = judge(&for_edition("2019", 1), &p, &stamps, now());
    assert!(gone.per_stamp.iter().all(|w| *w == Why::OutsideWindow));
}

#[test]
fn a_stamp_dated_after_the_checkers_clock_is_flagged() {
    let stamps = checked(&[
        stamp("tide-parlour", at("2024-09-20", 10, 9)),
        stamp("niujiao-seawall", at("2024-09-20", 10, 11)),
    ]);
    let now = at("2024-09-20", 10, 0);
    let j = judge(&reward(2), &pack(), &stamps, now);
    // Nine minutes ahead is a drifting clock; eleven is a stamp from the future.
    assert_eq!(j.per_stamp, vec![Why::Counts, Why::Future]);
    assert!(!j.earned);
    // The same passport checked an hour later earns it.
    assert!(judge(&reward(2), &pack(), &stamps, at("2024-09-20", 11, 0)).earned);
}

#[test]
fn refused_unlisted_and_poster_stamps_for_a_desk_reward_do_not_count() {
    let mut stamps = checked(&[
        stamp("tide-parlour", at("2024-09-20", 10, 0)),
        stamp("niujiao-seawall", at("2024-09-20", 11, 0)),
    ]);
    let only_tide = Reward {
        points: vec!["tide-parlour".into()],
        ..reward(1)
    };
    let j = judge(&only_tide, &pack(), &stamps, now());
    assert_eq!(j.per_stamp, vec![Why::Counts, Why::NotListed]);
    assert!(j.earned);
    let desk = Reward {
        desk: true,
        ..reward(1)
    };
    let j = judge(&desk, &pack(), &stamps, now());
    assert_eq!(j.per_stamp, vec![Why::NeedsDesk, Why::NeedsDesk]);
    assert!(!j.earned);
    stamps[0] = Err(Refusal::BadSignature);
    let j = judge(&reward(2), &pack(), &stamps, now());
    assert_eq!(
        j.per_stamp,
        vec![Why::NotGenuine(Refusal::BadSignature), Why::Counts]
    );
    assert_eq!(j.points, 1);
}
