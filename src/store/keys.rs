//! Signing keys, kept as objects in the `keys` store: a WebCrypto key is stored as the
//! browser's own key object, which stays non-extractable in IndexedDB. Two records: the
//! install's key pair (made on first use) and a desk phone's pass.

use super::{schema, Backend, Store, StoreError};
use crate::platform::signing::KeyPair;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use std::cell::RefCell;
use wasm_bindgen::JsValue;

const INSTALL: &str = "install";
pub const DESK: &str = "desk";

thread_local! {
    /// When the database runs from memory, the keys live here for the visit.
    static MEMORY: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(vec![]) };
    /// The install key once read or made, so that two stamps at once cannot make two keys.
    static OPENING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

pub async fn get(name: &str) -> Result<Option<JsValue>, StoreError> {
    let store = Store::open().await;
    super::usable()?;
    match &store.backend {
        Backend::Memory(_) => Ok(MEMORY.with(|m| {
            m.borrow()
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        })),
        Backend::Idb(db) => {
            let name = name.to_string();
            super::open::retry_once(db, move |db| {
                let name = name.clone();
                async move {
                    let tx = db.transaction(schema::KEYS).build()?;
                    let v: Option<JsValue> = tx
                        .object_store(schema::KEYS)?
                        .get(name)
                        .primitive()?
                        .await?;
                    Ok(v.filter(|v| !v.is_undefined()))
                }
            })
            .await
        }
    }
}

/// Puts (or with `None`, deletes) one record.
pub async fn set(name: &str, value: Option<JsValue>) -> Result<(), StoreError> {
    let store = Store::open().await;
    super::usable()?;
    match &store.backend {
        Backend::Memory(_) => {
            MEMORY.with(|m| {
                let mut m = m.borrow_mut();
                m.retain(|(k, _)| k != name);
                if let Some(v) = value {
                    m.push((name.to_string(), v));
                }
            });
            Ok(())
        }
        Backend::Idb(db) => {
            let db = db.borrow().clone();
            let write = async {
                let tx = db
                    .transaction(schema::KEYS)
                    .with_mode(TransactionMode::Readwrite)
                    .build()?;
                let os = tx.object_store(schema::KEYS)?;
                match value {
                    Some(v) => {
                        os.put(v).with_key(name).primitive()?.await?;
                    }
                    None => os.delete(name).primitive()?.await?,
                }
                tx.commit().await?;
                Ok::<_, indexed_db_futures::error::Error>(())
            };
            Ok(write.await?)
        }
    }
}

/// This install's key pair, made and stored on first use. One shared attempt however many
/// callers ask at once. `None` when the browser cannot sign at all or the key cannot be kept.
pub async fn install() -> Option<KeyPair> {
    let opening = OPENING.with(|o| {
        o.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    Ok(load_or_make()
                        .await
                        .map(|k| k.to_js())
                        .unwrap_or(JsValue::NULL))
                })
            })
            .clone()
    });
    let v = wasm_bindgen_futures::JsFuture::from(opening).await.ok()?;
    let pair = KeyPair::from_js(&v);
    if pair.is_none() {
        // Failed (storage full, say): the next stamp tries again rather than never.
        OPENING.with(|o| o.borrow_mut().take());
    }
    pair
}

async fn load_or_make() -> Option<KeyPair> {
    if let Some(k) = get(INSTALL).await.ok()?.as_ref().and_then(KeyPair::from_js) {
        return Some(k);
    }
    let k = KeyPair::generate().await?;
    // Kept before first use: a stamp must never be signed by a key that is then lost.
    set(INSTALL, Some(k.to_js())).await.ok()?;
    Some(k)
}
