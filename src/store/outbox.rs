//! Check-ins waiting to be sent to the pack's sync endpoint (only when the pack names one).
//! Each is written in the same transaction as its stamp, under a key made once and kept: the
//! idempotency key the server sees on every retry, across reloads, so it can apply each
//! check-in exactly once.

use super::{schema, Op};

/// The outbox entry for a stamp: its idempotency key (time-ordered, so the oldest is sent
/// first) and the JSON body to send.
pub fn entry(point: &str, token: &str, at_ms: u64) -> Op {
    // Time plus randomness: unique per check-in across phones without a device id.
    let rand = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    let key = format!("{at_ms:013}-{rand:08x}");
    let value = serde_json::json!({ "point": point, "token": token, "at": at_ms }).to_string();
    Op::Put {
        store: schema::OUTBOX,
        key,
        value,
    }
}
