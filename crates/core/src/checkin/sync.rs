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

/// The idempotency key of the check-in at `point` on Shanghai day `day` from this install.
/// The same check-in always gets the same key, so a double tap, a second tab or a retry after a
/// reload is applied once; two phones never share one (`secret` is the install's 128-bit random
/// secret). The key is the day and a hash: the server can tell neither the install nor link one
/// phone's check-ins across days and points by it. Day first, so keys sort in time.
pub fn outbox_key(day: &str, point: &str, secret: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::new()
        .chain_update(b"qiaosi-outbox-v1\0")
        .chain_update(secret.as_bytes())
        .chain_update([0])
        .chain_update(day.as_bytes())
        .chain_update([0])
        .chain_update(point.as_bytes())
        .finalize();
    format!("{day}/{}", crate::hash::hex(&digest[..16]))
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
    fn one_check_in_one_key_in_time_order_telling_nothing() {
        let secret = "0123456789abcdef0123456789abcdef";
        let k = outbox_key("2026-11-28", "tide-parlour", secret);
        assert_eq!(k, outbox_key("2026-11-28", "tide-parlour", secret));
        assert!(k.starts_with("2026-11-28/") && k.len() == "2026-11-28/".len() + 32);
        // Another phone, another point or another day: another key, and nothing in common
        // that would link them.
        let other = outbox_key(
            "2026-11-28",
            "tide-parlour",
            "fedcba9876543210fedcba9876543210",
        );
        let next_day = outbox_key("2026-11-29", "tide-parlour", secret);
        assert_ne!(k, other);
        assert_ne!(k[11..], next_day[11..]);
        assert_ne!(k, outbox_key("2026-11-28", "niujiao-seawall", secret));
        assert!(!k.contains(secret) && !k.contains("tide"));
        assert!(outbox_key("2026-11-27", "z", secret) < outbox_key("2026-11-28", "a", secret));
    }
}
