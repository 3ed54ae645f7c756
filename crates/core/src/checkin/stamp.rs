//! The passport's one rule: a point can be stamped once per Shanghai calendar day.

use crate::time::LocalDateTime;

/// A stamp in the user's passport. The token is kept whole, signature and all, so that staff
/// can check the stamp later without trusting the phone (see [`super::passport_verify`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub point_id: String,
    /// The token as scanned (base64url), which names `point_id` under its signature.
    pub token: String,
    /// When it was stamped, Shanghai wall-clock time.
    pub at: LocalDateTime,
    /// The install's signature of the token and the minute (base64url; see
    /// [`super::stamp_message`]). Empty until signed.
    pub sig: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StampDecision {
    New,
    AlreadyToday,
}

/// Whether scanning `point_id` at `now` adds a stamp. The day is Shanghai's, whatever zone the
/// phone is in (build `now` with `LocalDateTime::from_unix_ms`), so a visitor whose phone is on
/// another zone's time gets the same answer as a local.
pub fn stamp_allowed(existing: &[Stamp], point_id: &str, now: LocalDateTime) -> StampDecision {
    if existing
        .iter()
        .any(|s| s.point_id == point_id && s.at.date == now.date)
    {
        StampDecision::AlreadyToday
    } else {
        StampDecision::New
    }
}
