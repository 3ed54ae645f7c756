//! Keeping data: asking the browser not to evict it, and reporting how much is used.
//!
//! Persistence is asked after the first thing the user saves (a favourite, a check-in), never
//! on load: that is when keeping data starts to matter, and browsers grant it more readily.

use crate::store::{schema, Op, Store};

/// The page's localStorage, when the browser lets us have it (some in-app browsers throw).
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const ASKED: &str = "persist-asked";

fn manager() -> Option<web_sys::StorageManager> {
    let storage = web_sys::window()?.navigator().storage();
    // Older in-app browsers have no StorageManager at all.
    (!JsCast::unchecked_ref::<wasm_bindgen::JsValue>(&storage).is_undefined()).then_some(storage)
}

pub async fn ask_persistence_once(store: &Store) {
    if !store.is_durable() || matches!(store.get(schema::SETTINGS, ASKED).await, Ok(Some(_))) {
        return;
    }
    let Some(m) = manager() else { return };
    if let Ok(p) = m.persist() {
        let _ = JsFuture::from(p).await;
    }
    let _ = store
        .write(vec![Op::Put {
            store: schema::SETTINGS,
            key: ASKED.into(),
            value: "true".into(),
        }])
        .await;
}

/// (bytes used, quota, persistent) as the browser reports them.
pub async fn estimate() -> Option<(f64, f64, bool)> {
    let m = manager()?;
    let est: web_sys::StorageEstimate = JsFuture::from(m.estimate().ok()?)
        .await
        .ok()?
        .unchecked_into();
    let persisted = JsFuture::from(m.persisted().ok()?)
        .await
        .ok()?
        .as_bool()
        .unwrap_or(false);
    Some((
        est.get_usage().unwrap_or(0.0),
        est.get_quota().unwrap_or(0.0),
        persisted,
    ))
}
