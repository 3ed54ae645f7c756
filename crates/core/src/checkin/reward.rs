//! Whether a passport earns a reward: distinct points, inside the reward's window, judged
//! against the checker's own clock. Shared by the staff page, `qiaosi verify-passport
//! --reward` and the passport's progress bars, so all three count alike.
//!
//! What a stamp proves: a poster stamp's signed code is genuine and its claimed time lies in
//! the code's window. It does not prove that the person stood at the poster (a photo of it
//! works as well), and the stamping time is the phone's word. Rewards therefore count distinct
//! points, never days, and can ask for desk stamps, which posters cannot give.

use super::{Refusal, VerifiedStamp};
use crate::content::{Pack, Reward};
use crate::time::LocalDateTime;

/// How far a stamp may be dated after the checker's clock (phones' clocks drift a little).
pub const FUTURE_SLACK_S: i64 = 10 * 60;

/// Why one stamp does or does not count towards a reward. Stable: the app maps each to text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    Counts,
    /// The stamp itself failed the passport check.
    NotGenuine(Refusal),
    /// Dated more than ten minutes after the checker's clock.
    Future,
    /// Dated outside the reward's edition or days.
    OutsideWindow,
    /// Its point is not one of the reward's.
    NotListed,
    /// The reward needs a desk stamp; a poster stamp cannot be one.
    NeedsDesk,
    /// Another stamp already counted this point: points count once, not per day.
    SamePointAgain,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub earned: bool,
    /// Distinct points that count, not capped at `need`.
    pub points: u32,
    pub need: u32,
    /// One entry per stamp, in the passport's order.
    pub per_stamp: Vec<Why>,
    /// A stamp was made on another phone and copied in: the passport earns nothing at all.
    pub copied: bool,
}

/// Judges a checked passport (`passport_check`'s stamps) for `reward` at `now` (Shanghai).
pub fn judge(
    reward: &Reward,
    pack: &Pack,
    stamps: &[Result<VerifiedStamp, Refusal>],
    now: LocalDateTime,
) -> Judgement {
    let plain: Vec<Result<(&str, LocalDateTime, bool), Refusal>> = stamps
        .iter()
        .map(|s| match s {
            Ok(v) => Ok((v.verified.point_id.as_str(), v.at, v.verified.is_desk())),
            Err(r) => Err(*r),
        })
        .collect();
    judge_points(reward, pack, &plain, now)
}

/// [`judge`] for stamps already known to be genuine (the phone's own, checked when stamped)
/// or already refused: each is its point, time and whether it is a desk stamp, or the refusal.
pub fn judge_points(
    reward: &Reward,
    pack: &Pack,
    stamps: &[Result<(&str, LocalDateTime, bool), Refusal>],
    now: LocalDateTime,
) -> Judgement {
    let window = reward.window(pack);
    let latest = now.to_unix_s() + FUTURE_SLACK_S;
    let listed = |id: &str| {
        pack.checkin.points.iter().any(|p| p.id == id)
            && (reward.points.is_empty() || reward.points.iter().any(|p| p == id))
    };
    let mut counted: Vec<&str> = Vec::new();
    let per_stamp: Vec<Why> = stamps
        .iter()
        .map(|s| match *s {
            Err(r) => Why::NotGenuine(r),
            Ok((_, at, _)) if at.to_unix_s() > latest => Why::Future,
            Ok((_, at, _)) if !window.is_some_and(|(a, b)| a <= at.date && at.date <= b) => {
                Why::OutsideWindow
            }
            Ok((point, _, _)) if !listed(point) => Why::NotListed,
            Ok((_, _, desk)) if reward.desk && !desk => Why::NeedsDesk,
            Ok((point, _, _)) if counted.contains(&point) => Why::SamePointAgain,
            Ok((point, _, _)) => {
                counted.push(point);
                Why::Counts
            }
        })
        .collect();
    let points = counted.len() as u32;
    // One passport, one phone: a stamp copied in from another phone's passport voids it.
    let copied = stamps.contains(&Err(Refusal::OtherPhone));
    Judgement {
        earned: !copied && reward.need > 0 && points >= reward.need,
        points,
        need: reward.need,
        per_stamp,
        copied,
    }
}
