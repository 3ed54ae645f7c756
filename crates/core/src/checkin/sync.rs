//! The rules of check-in sync (the app's outbox, src/sync.rs and src/store/outbox.rs): what
//! each answer from the sync endpoint means for a queued check-in, the idempotency key it is
//! sent under, and what the user is told. A check-in never leaves the queue unless the server
//! has it or the user removes it: nothing is lost without a word.

/// What to do with a queued check-in after one attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncOutcome {
    /// The server answered for it (applied now or before): remove it.
    Done,
    /// Refused for a reason a retry will not change: keep it, marked with the server's reason
    /// ([`refusal_reason`]), and send it no more. The user sees it in the passport and may
    /// remove it; it is never dropped on its own.
    Refused,
    /// No answer, a timeout, a conflict, rate limiting or a server error: keep it, under the
    /// same idempotency key, and retry later.
    Later,
}

/// `status`: the HTTP status, or `None` when there was no answer at all (offline, timed out,
/// a redirect, which a captive portal would answer with).
///
/// 409 is retried: a server that honours idempotency keys answers it while a request with the
/// same key is still being processed (the first attempt's answer was lost, the second arrived
/// meanwhile), and the retry then gets the stored answer.
pub fn sync_outcome(status: Option<u16>) -> SyncOutcome {
    match status {
        Some(200..=299) => SyncOutcome::Done,
        Some(408 | 409 | 425 | 429) => SyncOutcome::Later,
        Some(400..=499) => SyncOutcome::Refused,
        _ => SyncOutcome::Later,
    }
}

/// The most of a server's refusal kept and shown: enough for a sentence, not a whole error page.
pub const MAX_REASON: usize = 200;

/// What the passport shows for a refused check-in: the server's answer as one line, at most
/// [`MAX_REASON`] characters, or the status when the answer had no text.
pub fn refusal_reason(status: u16, body: &str) -> String {
    let line = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return format!("HTTP {status}");
    }
    match line.char_indices().nth(MAX_REASON) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// The host check-ins are sent to, as the notice names it: the endpoint's host when it is an
/// https URL, else (a path on the guide's own site) `own_host`.
pub fn sync_host<'a>(endpoint: &'a str, own_host: &'a str) -> &'a str {
    match endpoint.strip_prefix("https://") {
        Some(rest) => rest.split(['/', '?', '#']).next().unwrap_or(rest),
        None => own_host,
    }
}

/// The idempotency key of the check-in at `point` on Shanghai day `day` from this install.
/// The same check-in always gets the same key, so a double tap, a second tab or a retry after a
/// reload is applied once; two phones never share one (`secret` is the install's 128-bit random
/// secret). The key is the day and a hash: the server can tell neither the install nor link one
/// phone's check-ins across days and points by it. Day first, so keys sort in time.
///
/// SHA-512 (cut to 128 bits) rather than SHA-256: Ed25519 already brings it into the wasm.
pub fn outbox_key(day: &str, point: &str, secret: &str) -> String {
    use sha2::{Digest, Sha512};
    let digest = Sha512::new()
        .chain_update(b"qiaosi-outbox-v2\0")
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
        for refused in [400, 401, 403, 404, 410, 413, 422] {
            assert_eq!(
                sync_outcome(Some(refused)),
                SyncOutcome::Refused,
                "{refused}"
            );
        }
        for later in [
            None,
            Some(408),
            Some(409),
            Some(425),
            Some(429),
            Some(500),
            Some(503),
            Some(302),
        ] {
            assert_eq!(sync_outcome(later), SyncOutcome::Later, "{later:?}");
        }
    }

    /// A stand-in for a sync server that honours idempotency keys, as the docs ask: the first
    /// request with a key that it answers 2xx has the effect; any other has none.
    struct Server {
        answers: Vec<(u16, &'static str)>,
        seen: Vec<String>,
        applied: Vec<String>,
    }

    impl Server {
        fn answer(&mut self, key: &str) -> (u16, &'static str) {
            self.seen.push(key.to_string());
            let a = self.answers.remove(0);
            if (200..300).contains(&a.0) && !self.applied.iter().any(|k| k == key) {
                self.applied.push(key.to_string());
            }
            a
        }
    }

    /// A queued check-in as the app keeps it: its key, and the server's reason once refused.
    #[derive(Debug, PartialEq)]
    struct Entry {
        key: String,
        refused: Option<String>,
    }

    /// One flush, as the app's: every entry not refused is sent, oldest first; a "later" stops
    /// the round (the next one comes after a pause).
    fn flush(queue: &mut Vec<Entry>, server: &mut Server) {
        let mut i = 0;
        while i < queue.len() {
            if queue[i].refused.is_some() {
                i += 1;
                continue;
            }
            let (status, body) = server.answer(&queue[i].key);
            match sync_outcome(Some(status)) {
                SyncOutcome::Done => {
                    queue.remove(i);
                }
                SyncOutcome::Refused => {
                    queue[i].refused = Some(refusal_reason(status, body));
                    i += 1;
                }
                SyncOutcome::Later => return,
            }
        }
    }

    #[test]
    fn a_conflict_then_an_outage_then_success_applies_the_check_in_once() {
        let key = outbox_key("2026-11-28", "tide-parlour", "0123456789abcdef");
        let mut queue = vec![Entry {
            key: key.clone(),
            refused: None,
        }];
        let mut server = Server {
            answers: vec![(409, "in progress"), (503, ""), (200, "{\"ok\":true}")],
            seen: vec![],
            applied: vec![],
        };
        flush(&mut queue, &mut server);
        assert_eq!(queue.len(), 1, "409 keeps it");
        flush(&mut queue, &mut server);
        assert_eq!(queue.len(), 1, "503 keeps it");
        assert_eq!(queue[0].refused, None);
        flush(&mut queue, &mut server);
        assert!(queue.is_empty(), "200 removes it");
        // Every attempt carried the same key, so the server applied it exactly once.
        assert_eq!(server.seen, vec![key.clone(), key.clone(), key.clone()]);
        assert_eq!(server.applied, vec![key]);
    }

    #[test]
    fn a_refusal_keeps_the_check_in_with_the_servers_reason_and_sends_it_no_more() {
        let (a, b) = (
            outbox_key("2026-11-27", "tide-parlour", "s"),
            outbox_key("2026-11-28", "tide-parlour", "s"),
        );
        let mut queue = vec![
            Entry {
                key: a.clone(),
                refused: None,
            },
            Entry {
                key: b.clone(),
                refused: None,
            },
        ];
        let mut server = Server {
            answers: vec![(403, "  event\nclosed  "), (200, "")],
            seen: vec![],
            applied: vec![],
        };
        flush(&mut queue, &mut server);
        // The refused one stays, with the reason; it does not hold up the one behind it.
        assert_eq!(
            queue,
            vec![Entry {
                key: a.clone(),
                refused: Some("event closed".into()),
            }]
        );
        assert_eq!(server.applied, vec![b]);
        // A later flush leaves it alone: only the user removes it.
        flush(&mut queue, &mut server);
        assert_eq!(server.seen.len(), 2);
        assert_eq!(queue.len(), 1);
    }

    #[test]
    fn a_reason_is_one_short_line() {
        assert_eq!(refusal_reason(403, ""), "HTTP 403");
        assert_eq!(refusal_reason(422, " \n\t "), "HTTP 422");
        assert_eq!(
            refusal_reason(400, "{\"error\":\n  \"expired code\"}"),
            "{\"error\": \"expired code\"}"
        );
        // Cut by characters, not bytes: Chinese text is not split inside a character.
        let long = "拒".repeat(500);
        let r = refusal_reason(403, &long);
        assert_eq!(r.chars().count(), MAX_REASON + 1);
        assert!(r.ends_with('…'));
        assert_eq!(
            refusal_reason(403, &"x".repeat(MAX_REASON)),
            "x".repeat(MAX_REASON)
        );
    }

    #[test]
    fn the_notice_names_the_host_that_receives_check_ins() {
        let own = "qiaosi.example";
        assert_eq!(
            sync_host("https://api.example/v1/checkins", own),
            "api.example"
        );
        assert_eq!(
            sync_host("https://api.example:8443?x", own),
            "api.example:8443"
        );
        assert_eq!(sync_host("https://api.example", own), "api.example");
        assert_eq!(sync_host("/api/checkins", own), own);
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
