//! Check-ins waiting to be sent to the pack's sync endpoint (only when the pack names one).
//! Each is written in the same transaction as its stamp, under its idempotency key
//! (`core::checkin::outbox_key`): the key the server sees on every retry, across reloads, so it
//! can apply each check-in exactly once.

use super::{schema, Op};
use qiaosi_core::time::LocalDateTime;

/// This install's random secret (128 bits, made once): it keeps two phones' check-ins at the
/// same point on the same day apart, and never leaves the phone (only a hash of it with the
/// day and point does: `core::checkin::outbox_key`).
fn install_secret() -> String {
    if let Some(id) = super::local::get(super::local::INSTALL) {
        return id;
    }
    let mut bytes = [0u8; 16];
    let _ = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes));
    let secret = qiaosi_core::hash::hex(&bytes);
    super::local::set(super::local::INSTALL, &secret);
    secret
}

/// The outbox entry for a stamp, with the JSON body to send.
pub fn entry(point: &str, token: &str, at_ms: u64) -> Op {
    let day = LocalDateTime::from_unix_ms(at_ms as f64).date.to_string();
    let value = serde_json::json!({ "point": point, "token": token, "at": at_ms }).to_string();
    Op::Put {
        store: schema::OUTBOX,
        key: qiaosi_core::checkin::outbox_key(&day, point, &install_secret()),
        value,
    }
}
