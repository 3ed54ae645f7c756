//! Check-ins waiting to be sent to the pack's sync endpoint (only when the pack names one).
//! Each is written in the same transaction as its stamp, under its idempotency key
//! (`core::checkin::outbox_key`): the key the server sees on every retry, across reloads, so it
//! can apply each check-in exactly once.

use super::{schema, Op};
use qiaosi_core::time::LocalDateTime;

/// This install's random id, made once: it keeps two phones' check-ins at the same point on
/// the same day apart on the server. It identifies nothing but the install.
fn install_id() -> String {
    const KEY: &str = "qiaosi.install";
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    if let Some(id) = storage
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
    {
        return id;
    }
    let id = format!(
        "{:08x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    );
    if let Some(s) = storage {
        let _ = s.set_item(KEY, &id);
    }
    id
}

/// The outbox entry for a stamp, with the JSON body to send.
pub fn entry(point: &str, token: &str, at_ms: u64) -> Op {
    let day = LocalDateTime::from_unix_ms(at_ms as f64).date.to_string();
    let value = serde_json::json!({ "point": point, "token": token, "at": at_ms }).to_string();
    Op::Put {
        store: schema::OUTBOX,
        key: qiaosi_core::checkin::outbox_key(&day, point, &install_id()),
        value,
    }
}
