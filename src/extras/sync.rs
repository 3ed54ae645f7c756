//! Sending queued check-ins (src/store/outbox.rs) to the pack's sync endpoint: at app start,
//! after a check-in, and when the phone comes back online; retried with growing pauses while
//! the server can't be reached. An entry leaves the outbox only once the server has answered
//! for it, and every attempt carries the entry's own `Idempotency-Key`, so a server that
//! honours the key applies each check-in exactly once, however often it is sent.

use crate::store::{schema, Op, Store};
use leptos::prelude::window;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ENDPOINT: RefCell<Option<String>> = const { RefCell::new(None) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
    /// The pause before the next retry; doubles on each failure.
    static BACKOFF_MS: Cell<i32> = const { Cell::new(FIRST_PAUSE_MS) };
    static RETRY_SET: Cell<bool> = const { Cell::new(false) };
}

const FIRST_PAUSE_MS: i32 = 2_000;
const MAX_PAUSE_MS: i32 = 5 * 60_000;

/// Starts (or nudges) syncing to `endpoint`: sends what is queued now and whenever the phone
/// comes back online.
pub fn start(endpoint: String) {
    ENDPOINT.with(|e| *e.borrow_mut() = Some(endpoint));
    if !LISTENING.replace(true) {
        let on = Closure::<dyn Fn()>::new(|| {
            BACKOFF_MS.set(FIRST_PAUSE_MS);
            leptos::task::spawn_local(flush());
        });
        let _ = window().add_event_listener_with_callback("online", on.as_ref().unchecked_ref());
        on.forget();
    }
    leptos::task::spawn_local(flush());
}

enum Sent {
    /// The server answered for it (applied now or before): done.
    Done,
    /// Refused for good (a 4xx): retrying would block the queue forever.
    Refused,
    /// Offline, timed out or a server error: keep it and try later.
    Later,
}

async fn flush() {
    let Some(endpoint) = ENDPOINT.with(|e| e.borrow().clone()) else {
        return;
    };
    if RUNNING.replace(true) {
        return;
    }
    let store = Store::open().await;
    // Keys are time-ordered, so the oldest check-in goes first.
    let queued = store.all(schema::OUTBOX).await.unwrap_or_default();
    let mut retry = false;
    for (key, body) in queued {
        match send(&endpoint, &key, &body).await {
            Sent::Done | Sent::Refused => {
                let _ = store
                    .write(vec![Op::Delete {
                        store: schema::OUTBOX,
                        key,
                    }])
                    .await;
            }
            Sent::Later => {
                retry = true;
                break;
            }
        }
    }
    RUNNING.set(false);
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
    let again = Closure::once_into_js(|| {
        RETRY_SET.set(false);
        leptos::task::spawn_local(flush());
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), pause);
}

async fn send(endpoint: &str, key: &str, body: &str) -> Sent {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    let headers = web_sys::Headers::new().unwrap_throw();
    let _ = headers.set("content-type", "application/json");
    let _ = headers.set("idempotency-key", key);
    init.set_headers(&headers);
    let Ok(req) = web_sys::Request::new_with_str_and_init(endpoint, &init) else {
        return Sent::Refused;
    };
    let Ok(resp) = JsFuture::from(window().fetch_with_request(&req)).await else {
        return Sent::Later;
    };
    let status = resp.unchecked_into::<web_sys::Response>().status();
    match status {
        200..=299 => Sent::Done,
        408 | 425 | 429 => Sent::Later,
        400..=499 => Sent::Refused,
        _ => Sent::Later,
    }
}
