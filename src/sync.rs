//! Sending queued check-ins (src/store/outbox.rs) to the pack's sync endpoint: at app start,
//! after a check-in, and when the phone comes back online; retried with growing pauses while
//! the server can't be reached. An entry leaves the outbox only once the server has answered
//! for it, and every attempt carries the entry's own `Idempotency-Key`, so a server that
//! honours the key applies each check-in exactly once, however often it is sent. One the
//! server refuses for good is kept, marked with its reason, for the user to see and remove
//! (the rules: `core::checkin::sync_outcome`). The user is told where check-ins go before any
//! is sent (components/outbox.rs).

use crate::platform::fetch::Deadline;
use crate::store::outbox::{self, Queued};
use crate::store::{schema, Op, Store};
use leptos::prelude::window;
use qiaosi_core::checkin::{refusal_reason, sync_outcome, SyncOutcome};
use std::cell::{Cell, RefCell};

thread_local! {
    static ENDPOINT: RefCell<Option<String>> = const { RefCell::new(None) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
    /// The pause before the next retry; doubles on each failure.
    static BACKOFF_MS: Cell<u32> = const { Cell::new(FIRST_PAUSE_MS) };
    static RETRY_SET: Cell<bool> = const { Cell::new(false) };
    static AGAIN: Cell<bool> = const { Cell::new(false) };
}

const FIRST_PAUSE_MS: u32 = 2_000;
const MAX_PAUSE_MS: u32 = 5 * 60_000;
/// An attempt with no answer by then is given up (and retried later).
const TIMEOUT_MS: u32 = 30_000;

/// Starts (or nudges) syncing to `endpoint`: sends what is queued now and whenever the phone
/// comes back online.
pub fn start(endpoint: String) {
    ENDPOINT.with(|e| *e.borrow_mut() = Some(endpoint));
    if !LISTENING.replace(true) {
        // For as long as the page lives.
        gloo_events::EventListener::new(&window(), "online", |_| {
            BACKOFF_MS.set(FIRST_PAUSE_MS);
            leptos::task::spawn_local(flush());
        })
        .forget();
    }
    leptos::task::spawn_local(flush());
}

async fn flush() {
    let Some(endpoint) = ENDPOINT.with(|e| e.borrow().clone()) else {
        return;
    };
    // One flush at a time; a request during one (a new check-in, say) makes it go round again
    // so nothing queued meanwhile waits for the next start or the next time online.
    if RUNNING.replace(true) {
        AGAIN.set(true);
        return;
    }
    let store = Store::open().await;
    let mut retry = false;
    let mut refused = false;
    loop {
        AGAIN.set(false);
        // Keys start with the day, so the oldest check-in goes first.
        let queued = store.all(schema::OUTBOX).await.unwrap_or_default();
        for (key, value) in queued {
            let entry = Queued::decode(key, value);
            // A refused one waits for the user, and does not hold up the ones behind it.
            if entry.refused.is_some() {
                continue;
            }
            match send(&endpoint, &entry.key, &entry.body).await {
                (SyncOutcome::Done, _) => {
                    let _ = store
                        .write(vec![Op::Delete {
                            store: schema::OUTBOX,
                            key: entry.key,
                        }])
                        .await;
                }
                (SyncOutcome::Refused, reason) => {
                    let marked = Queued {
                        refused: Some(reason),
                        ..entry
                    };
                    let _ = store.write(vec![marked.put()]).await;
                    refused = true;
                }
                (SyncOutcome::Later, _) => {
                    retry = true;
                    break;
                }
            }
        }
        if retry || !AGAIN.get() {
            break;
        }
    }
    RUNNING.set(false);
    if refused {
        outbox::load_refused().await;
    }
    if retry {
        schedule_retry();
    } else {
        BACKOFF_MS.set(FIRST_PAUSE_MS);
    }
}

fn schedule_retry() {
    if RETRY_SET.replace(true) {
        return;
    }
    let pause = BACKOFF_MS.get();
    BACKOFF_MS.set((pause * 2).min(MAX_PAUSE_MS));
    gloo_timers::callback::Timeout::new(pause, || {
        RETRY_SET.set(false);
        leptos::task::spawn_local(flush());
    })
    .forget();
}

/// One attempt, and the server's reason when it refused. A redirect counts as no answer (a
/// captive portal's login page must not pass for the server's), and so does no answer within
/// [`TIMEOUT_MS`].
async fn send(endpoint: &str, key: &str, body: &str) -> (SyncOutcome, String) {
    use gloo_net::http::Request;
    use web_sys::{RequestCredentials, RequestRedirect};
    let later = (SyncOutcome::Later, String::new());
    let Some(deadline) = Deadline::new(TIMEOUT_MS) else {
        return later;
    };
    let sig = deadline.signal();
    // A request that cannot even be built (the validator refuses such URLs) keeps the entry.
    let Ok(req) = Request::post(endpoint)
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .redirect(RequestRedirect::Error)
        // Nothing of the user's goes along: no cookies, no auth from another visit.
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&sig))
        .body(body)
    else {
        return later;
    };
    let Ok(resp) = req.send().await else {
        return later;
    };
    let status = resp.status();
    let outcome = sync_outcome(Some(status));
    // The answer's text only matters for a refusal; it is read within the same deadline.
    let reason = match outcome {
        SyncOutcome::Refused => refusal_reason(status, &resp.text().await.unwrap_or_default()),
        _ => String::new(),
    };
    drop(deadline);
    (outcome, reason)
}

/// Every desk's redemptions as the sync endpoint holds them: the answer to a GET on it, a
/// ledger export (`{"qiaosi_ledger": 1, "redemptions": […]}`). `None` without an answer in
/// time, on a redirect, or on any answer but 2xx.
#[cfg(feature = "staff")]
pub async fn ledger(endpoint: &str) -> Option<String> {
    use gloo_net::http::Request;
    use web_sys::{RequestCredentials, RequestRedirect};
    let deadline = Deadline::new(TIMEOUT_MS)?;
    let sig = deadline.signal();
    let resp = Request::get(endpoint)
        .header("accept", "application/json")
        .redirect(RequestRedirect::Error)
        .credentials(RequestCredentials::Omit)
        .abort_signal(Some(&sig))
        .send()
        .await
        .ok()?;
    if !resp.ok() {
        return None;
    }
    resp.text().await.ok()
}
