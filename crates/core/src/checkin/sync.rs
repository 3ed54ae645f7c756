//! The rules of check-in sync (the app's outbox, src/extras/sync.rs): what each answer from
//! the sync endpoint means for a queued check-in, and the idempotency key it is sent under.

/// What to do with a queued check-in after one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncOutcome {
    /// The server answered for it (applied now or before): remove it.
    Done,
    /// Refused for good: retrying would block the queue forever, so drop it.
    Refused,
    /// No answer, a timeout, rate limiting or a server error: keep it and retry later.
    Later,
}

/// `status`: the HTTP status, or `None` when there was no answer at all (offline, timed out,
/// a redirect, which a captive portal would answer with).
pub fn sync_outcome(status: Option<u16>) -> SyncOutcome {
    match status {
        Some(200..=299) => SyncOutcome::Done,
        Some(408 | 425 | 429) => SyncOutcome::Later,
        Some(400..=499) => SyncOutcome::Refused,
        _ => SyncOutcome::Later,
    }
}

/// The idempotency key of the check-in at `point` on Shanghai day `day` from this install:
/// the same check-in always gets the same key (so a double tap, a second tab or a retry after a
/// reload is applied once), and two phones never share one. Day first, so keys sort in time.
pub fn outbox_key(day: &str, point: &str, install: &str) -> String {
    format!("{day}/{point}/{install}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_sort_into_done_refused_and_later() {
        assert_eq!(sync_outcome(Some(200)), SyncOutcome::Done);
        assert_eq!(sync_outcome(Some(204)), SyncOutcome::Done);
        assert_eq!(sync_outcome(Some(400)), SyncOutcome::Refused);
        assert_eq!(sync_outcome(Some(404)), SyncOutcome::Refused);
        for later in [
            None,
            Some(408),
            Some(425),
            Some(429),
            Some(500),
            Some(503),
            Some(302),
        ] {
            assert_eq!(sync_outcome(later), SyncOutcome::Later, "{later:?}");
        }
    }

    #[test]
    fn one_check_in_one_key_in_time_order() {
        let k = outbox_key("2026-11-28", "tide-parlour", "a1b2c3d4");
        assert_eq!(k, outbox_key("2026-11-28", "tide-parlour", "a1b2c3d4"));
        assert_ne!(k, outbox_key("2026-11-28", "tide-parlour", "ffff0000"));
        assert!(outbox_key("2026-11-27", "z", "x") < outbox_key("2026-11-28", "a", "x"));
    }
}
