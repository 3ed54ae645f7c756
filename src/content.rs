//! The content pack: shown from the phone first, updated from the network safely.
//!
//! Start-up renders from IndexedDB without waiting for the network. Then, when online, the app
//! asks the server for the pack with `If-None-Match`; a new pack is checked with the same rules
//! as `qiaosi validate` and swapped in with one transaction. A pack that fails its checks is
//! refused and the one already held stays. This is the only update path for content: the
//! service worker leaves the pack alone, so the two never fight.

use crate::platform::fetch::Deadline;
use crate::platform::timing::{mark, measure};
use crate::store::{schema, Op, Store};
use leptos::prelude::*;
use qiaosi_core::content::Pack;
use qiaosi_core::validate::{self, Problem};
use std::sync::Arc;

pub const PACK_URL: &str = "/content/pack.json";

/// A pack request with no answer by then is aborted (and counts as no network).
const PACK_TIMEOUT_MS: u32 = 20_000;

thread_local! {
    /// The newest refresh: its number and the way to abort it.
    static CURRENT: std::cell::RefCell<(u32, Option<web_sys::AbortController>)> =
        const { std::cell::RefCell::new((0, None)) };
}

/// Whether refresh `n` is still the newest one.
fn is_current(n: u32) -> bool {
    CURRENT.with(|c| c.borrow().0 == n)
}
const META_KEY: &str = "meta";

/// Why there is no content to show.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// The server answered, but not with a pack (404 and the like).
    Missing(u16),
    /// No answer at all, and nothing stored yet.
    Network,
    /// Truncated or not JSON, or a field of the wrong shape.
    Syntax(Problem),
    /// Well-formed but failing its checks.
    Invalid(Vec<Problem>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PackState {
    Loading,
    Ready(Arc<Pack>),
    Failed(PackError),
}

/// What is known about the pack held on the phone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackMeta {
    pub version: String,
    pub hash: String,
    pub etag: Option<String>,
    /// When this pack was stored, and when the server was last asked (ms since the epoch).
    pub updated_ms: u64,
    pub checked_ms: u64,
}

impl PackMeta {
    /// Stored as five lines of text rather than JSON: serializing with serde_json would add its
    /// whole serializer (and float printing) to the wasm for one small record.
    pub fn encode(&self) -> String {
        let etag = self.etag.as_deref().unwrap_or("");
        format!(
            "{}\n{}\n{}\n{}\n{}",
            self.version, self.hash, etag, self.updated_ms, self.checked_ms
        )
    }

    pub fn decode(s: &str) -> Option<PackMeta> {
        let mut l = s.split('\n');
        let (version, hash, etag) = (l.next()?.to_string(), l.next()?.to_string(), l.next()?);
        let updated_ms = l.next()?.parse().ok()?;
        let checked_ms = l.next()?.parse().ok()?;
        let etag = (!etag.is_empty()).then(|| etag.to_string());
        l.next().is_none().then_some(PackMeta {
            version,
            hash,
            etag,
            updated_ms,
            checked_ms,
        })
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

#[derive(Clone, Copy)]
pub struct Content {
    pub state: RwSignal<PackState>,
    pub meta: RwSignal<Option<PackMeta>>,
    /// Set when the server offered a pack that failed its checks (and was refused).
    pub refused: RwSignal<Option<PackError>>,
}

impl Content {
    /// Asks the server for a newer pack (the retry button, coming back online).
    pub fn reload(self) {
        if matches!(self.state.get_untracked(), PackState::Failed(_)) {
            self.state.set(PackState::Loading);
        }
        leptos::task::spawn_local(async move { self.refresh(&Store::open().await).await });
    }

    async fn refresh(self, store: &Store) {
        // One refresh at a time: start-up, Retry and coming back online can overlap. The newest
        // wins: one still waiting is aborted and its outcome ignored, so a stalled request can
        // never stand in the way of Retry.
        let Some(deadline) = Deadline::new(PACK_TIMEOUT_MS) else {
            return;
        };
        let n = CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(old) = c.1.replace(deadline.controller()) {
                old.abort();
            }
            c.0 += 1;
            c.0
        });
        self.refresh_now(store, n, &deadline).await;
    }

    async fn refresh_now(self, store: &Store, n: u32, deadline: &Deadline) {
        let held = self.meta.get_untracked();
        let have_pack = matches!(self.state.get_untracked(), PackState::Ready(_));
        let etag = held
            .as_ref()
            .filter(|_| have_pack)
            .and_then(|m| m.etag.clone());
        // Judged when the failure happens, not when the refresh began: another refresh may
        // have brought content meanwhile, and an error must never replace it.
        let fail = |e: PackError| {
            if !matches!(self.state.get_untracked(), PackState::Ready(_)) {
                self.state.set(PackState::Failed(e));
            }
        };
        let fetched = fetch_pack(etag.as_deref(), deadline).await;
        if !is_current(n) {
            return;
        }
        let (text, etag) = match fetched {
            Ok(Fetched::NotModified) => return self.touch(store, held).await,
            Ok(Fetched::Body(text, etag)) => (text, etag),
            Err(e) => {
                crate::platform::online::report_fetch_failure(matches!(e, PackError::Network));
                return fail(e);
            }
        };
        crate::platform::online::report_fetch_failure(false);
        let hash = qiaosi_core::hash::fingerprint(&text);
        if have_pack && held.as_ref().is_some_and(|m| m.hash == hash) {
            return self.touch(store, held).await;
        }
        mark("qiaosi-import-start");
        match parse(&text) {
            Ok(pack) => {
                let now = now_ms();
                let meta = PackMeta {
                    version: pack.meta.version.clone(),
                    hash,
                    etag,
                    updated_ms: now,
                    checked_ms: now,
                };
                let ops = vec![
                    Op::Put {
                        store: schema::CONTENT,
                        key: schema::CONTENT_KEY.into(),
                        value: text,
                    },
                    Op::Put {
                        store: schema::CONTENT,
                        key: META_KEY.into(),
                        value: meta.encode(),
                    },
                ];
                // If storing fails (storage full), the new pack is still shown for this visit,
                // but the meta stays that of the pack really stored, so the next check fetches
                // the new one again instead of taking it for the one held.
                match store.write(ops).await {
                    Ok(()) => self.meta.set(Some(meta)),
                    Err(e) => crate::platform::log::warn(
                        "could not store the content pack:",
                        e.describe(),
                    ),
                }
                measure("qiaosi-import", "qiaosi-import-start");
                self.refused.set(None);
                self.state.set(PackState::Ready(Arc::new(pack)));
            }
            Err(e) if have_pack => {
                crate::platform::log::warn("refused a content update", "");
                self.refused.set(Some(e));
            }
            Err(e) => fail(e),
        }
    }

    /// The server has nothing newer: remember that we asked.
    async fn touch(self, store: &Store, held: Option<PackMeta>) {
        if let Some(mut m) = held {
            m.checked_ms = now_ms();
            let value = m.encode();
            let _ = store
                .write(vec![Op::Put {
                    store: schema::CONTENT,
                    key: META_KEY.into(),
                    value,
                }])
                .await;
            self.meta.set(Some(m));
        }
    }
}

fn parse(text: &str) -> Result<Pack, PackError> {
    validate::load(text).map_err(|mut problems| {
        if problems.len() == 1 && problems[0].kind == validate::Kind::Syntax {
            PackError::Syntax(problems.remove(0))
        } else {
            PackError::Invalid(problems)
        }
    })
}

enum Fetched {
    NotModified,
    Body(String, Option<String>),
}

async fn fetch_pack(etag: Option<&str>, deadline: &Deadline) -> Result<Fetched, PackError> {
    let sig = deadline.signal();
    let mut req = gloo_net::http::Request::get(PACK_URL)
        // The app does its own revalidation with the ETag it stored; keep the HTTP cache out.
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&sig));
    if let Some(tag) = etag {
        req = req.header("If-None-Match", tag);
    }
    let resp = req.send().await.map_err(|_| PackError::Network)?;
    if resp.status() == 304 {
        return Ok(Fetched::NotModified);
    }
    if !resp.ok() {
        return Err(PackError::Missing(resp.status()));
    }
    let etag = resp.headers().get("ETag");
    // A body cut off mid-transfer fails here or arrives short; either way it is refused below.
    let text = resp.text().await.map_err(|_| PackError::Network)?;
    Ok(Fetched::Body(text, etag))
}

/// The app's content: the stored pack at once, then a check with the server.
pub fn provide_content() {
    let content = Content {
        state: RwSignal::new(PackState::Loading),
        meta: RwSignal::new(None),
        refused: RwSignal::new(None),
    };
    provide_context(content);
    leptos::task::spawn_local(async move {
        let store = Store::open().await;
        mark("qiaosi-read-start");
        let meta = store
            .get(schema::CONTENT, META_KEY)
            .await
            .ok()
            .flatten()
            .and_then(|m| PackMeta::decode(&m));
        let text = store
            .get(schema::CONTENT, schema::CONTENT_KEY)
            .await
            .ok()
            .flatten();
        // A stored pack is checked again: it may predate this build's rules.
        if let (Some(meta), Some(Ok(pack))) = (meta, text.as_deref().map(parse)) {
            content.meta.set(Some(meta));
            content.state.set(PackState::Ready(Arc::new(pack)));
            measure("qiaosi-cold-read", "qiaosi-read-start");
        }
        content.refresh(&store).await;
    });
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}

#[cfg(test)]
mod tests {
    use super::PackMeta;

    #[test]
    fn meta_round_trips_and_rejects_damage() {
        let m = PackMeta {
            version: "2026.11.27".into(),
            hash: "ab12".into(),
            etag: Some("\"x\"".into()),
            updated_ms: 5,
            checked_ms: 9,
        };
        assert_eq!(PackMeta::decode(&m.encode()), Some(m.clone()));
        let no_tag = PackMeta { etag: None, ..m };
        assert_eq!(PackMeta::decode(&no_tag.encode()), Some(no_tag));
        assert_eq!(PackMeta::decode("v\nh\n\n1"), None);
        assert_eq!(PackMeta::decode("v\nh\n\n1\nx"), None);
    }
}
