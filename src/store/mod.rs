//! Everything the user has and does, kept on the phone in IndexedDB.
//!
//! One typed API for the rest of the app; pages never touch IndexedDB. When IndexedDB is not
//! available (private mode, some in-app browsers) the store runs from memory and says so, so
//! the app still works for the visit. A write is one transaction: it all lands or none of it.

pub mod keys;
#[cfg(feature = "staff")]
pub mod ledger;
pub mod local;
mod open;
pub mod outbox;
pub mod schema;
pub mod stamps;
#[cfg(feature = "staff")]
pub mod survey;
pub mod user;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Why a store operation failed, in terms the UI can explain.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// The phone's storage for this site is full. Nothing was written.
    Quota,
    /// The browser aborted the transaction at commit; nothing was written.
    Aborted,
    /// The database can't be used by this page (see [`DbProblem`]); nothing was written.
    Unavailable,
    /// Anything else (a browser bug, a closed database that could not be reopened).
    Other(String),
}

/// Why the database can't be used by this page, though the browser has one. Each is shown
/// as a notice; none silently falls back to keeping data in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DbProblem {
    /// This build's upgrade waits for another tab holding an older version open.
    Blocked,
    /// Another tab upgraded the database: this page closed its connection and must reload.
    Outdated,
    /// The data was stored by a newer build (a rollback deploy, or a stale cached page).
    Newer,
}

thread_local! {
    // Reference-counted rather than owned by a view: the store outlives every view, and a
    // signal owned by the one that first asked would be disposed with it.
    static PROBLEM: leptos::prelude::ArcRwSignal<Option<DbProblem>> =
        leptos::prelude::ArcRwSignal::new(None);
}

/// The database problem of this page, if any, for the UI to explain.
pub fn problem() -> leptos::prelude::ArcRwSignal<Option<DbProblem>> {
    PROBLEM.with(|p| p.clone())
}

fn report(p: DbProblem) {
    use leptos::prelude::Set;
    problem().set(Some(p));
}

/// Refuses an operation while the database can't be used.
fn usable() -> Result<(), StoreError> {
    use leptos::prelude::GetUntracked;
    match problem().get_untracked() {
        Some(_) => Err(StoreError::Unavailable),
        None => Ok(()),
    }
}

/// The DOMException name behind an IndexedDB error ("QuotaExceededError", …), if any.
fn dom_name(e: &indexed_db_futures::error::Error) -> Option<String> {
    match e {
        indexed_db_futures::error::Error::DomException(d) => {
            Some(web_sys::DomException::from(d.clone()).name())
        }
        _ => None,
    }
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        use indexed_db_futures::error::{Error, UnexpectedDataError};
        match (&e, dom_name(&e).as_deref()) {
            (_, Some("QuotaExceededError")) => StoreError::Quota,
            (Error::MissingData(UnexpectedDataError::TransactionAborted), _) => StoreError::Aborted,
            // The DOMException name says enough; Debug-formatting the whole error tree would
            // pull its formatting code into the wasm.
            (_, name) => StoreError::Other(name.unwrap_or("unknown").to_string()),
        }
    }
}

impl StoreError {
    /// A short English description for the console.
    pub fn describe(&self) -> &str {
        match self {
            StoreError::Quota => "storage full",
            StoreError::Aborted => "transaction aborted",
            StoreError::Unavailable => "database unavailable to this page",
            StoreError::Other(s) => s,
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        match e {
            indexed_db_futures::error::OpenDbError::Base(e) => e.into(),
            _ => StoreError::Other("could not open the database".into()),
        }
    }
}

/// One change in a write.
#[derive(Clone, Debug)]
pub enum Op {
    Put {
        store: &'static str,
        key: String,
        value: String,
    },
    Delete {
        store: &'static str,
        key: String,
    },
}

impl Op {
    fn store(&self) -> &'static str {
        match self {
            Op::Put { store, .. } | Op::Delete { store, .. } => store,
        }
    }
}

#[derive(Clone)]
enum Backend {
    Idb(Rc<RefCell<Database>>),
    /// store name → key → value; lives as long as the page.
    Memory(Rc<RefCell<BTreeMap<&'static str, BTreeMap<String, String>>>>),
}

/// A handle to the store; cheap to clone.
#[derive(Clone)]
pub struct Store {
    backend: Backend,
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
    /// Settles when the one shared open attempt has set `STORE`; every caller awaits it, so
    /// the database is opened once however many parts of the app ask at start-up.
    static OPENING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

impl Store {
    /// Opens (and if needed upgrades) the database; falls back to memory when IndexedDB is
    /// unavailable or does not answer. Every caller gets the same store.
    pub async fn open() -> Store {
        if let Some(s) = STORE.with(|s| s.borrow().clone()) {
            return s;
        }
        let opening = OPENING.with(|o| o.borrow_mut().get_or_insert_with(open::start_open).clone());
        let _ = wasm_bindgen_futures::JsFuture::from(opening).await;
        STORE.with(|s| s.borrow().clone()).unwrap_or(Store {
            backend: Backend::Memory(Rc::default()),
        })
    }

    /// False when data lives only in memory and is gone when the page closes.
    pub fn is_durable(&self) -> bool {
        matches!(self.backend, Backend::Idb(_))
    }

    pub async fn get(&self, store: &'static str, key: &str) -> Result<Option<String>, StoreError> {
        usable()?;
        match &self.backend {
            Backend::Memory(m) => Ok(m.borrow().get(store).and_then(|s| s.get(key)).cloned()),
            Backend::Idb(db) => {
                let key = key.to_string();
                open::retry_once(db, move |db| {
                    let key = key.clone();
                    async move {
                        let tx = db.transaction(store).build()?;
                        let v: Option<String> =
                            tx.object_store(store)?.get(key).primitive()?.await?;
                        Ok(v)
                    }
                })
                .await
            }
        }
    }

    /// Every record of a store as (key, value), in key order.
    pub async fn all(&self, store: &'static str) -> Result<Vec<(String, String)>, StoreError> {
        usable()?;
        match &self.backend {
            Backend::Memory(m) => Ok(m
                .borrow()
                .get(store)
                .map(|s| s.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                .unwrap_or_default()),
            Backend::Idb(db) => {
                open::retry_once(db, move |db| async move {
                    let tx = db.transaction(store).build()?;
                    let os = tx.object_store(store)?;
                    let keys: Vec<String> = os
                        .get_all_keys()
                        .primitive()?
                        .await?
                        .collect::<Result<_, _>>()?;
                    let values: Vec<String> =
                        os.get_all().primitive()?.await?.collect::<Result<_, _>>()?;
                    Ok(keys.into_iter().zip(values).collect())
                })
                .await
            }
        }
    }

    /// Applies every op in one transaction. User data and the outbox are written with strict
    /// durability (flushed to disk before success is reported); caches with relaxed.
    pub async fn write(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        usable()?;
        match &self.backend {
            Backend::Memory(m) => {
                let mut m = m.borrow_mut();
                for op in ops {
                    match op {
                        Op::Put { store, key, value } => {
                            m.entry(store).or_default().insert(key, value);
                        }
                        Op::Delete { store, key } => {
                            m.entry(store).or_default().remove(&key);
                        }
                    }
                }
                Ok(())
            }
            Backend::Idb(db) => {
                let ops = Rc::new(ops);
                let result = open::retry_once(db, move |db| {
                    let ops = ops.clone();
                    async move {
                        let mut names: Vec<&'static str> = vec![];
                        for op in ops.iter() {
                            if !names.contains(&op.store()) {
                                names.push(op.store());
                            }
                        }
                        let strict = names.iter().any(|n| schema::USER_STORES.contains(n));
                        let mut opts = TransactionOptions::new();
                        opts.set_durability(if strict {
                            TransactionDurability::Strict
                        } else {
                            TransactionDurability::Relaxed
                        });
                        let tx = db
                            .transaction(names)
                            .with_mode(TransactionMode::Readwrite)
                            .with_options(opts)
                            .build()?;
                        for op in ops.iter() {
                            let os = tx.object_store(op.store())?;
                            match op {
                                Op::Put { key, value, .. } => {
                                    os.put(value.as_str())
                                        .with_key(key.as_str())
                                        .primitive()?
                                        .await?;
                                }
                                Op::Delete { key, .. } => {
                                    os.delete(key.as_str()).primitive()?.await?
                                }
                            }
                        }
                        tx.commit().await?;
                        Ok(())
                    }
                })
                .await;
                // Chromium reports a full disk as an abort at commit, and indexed_db_futures
                // does not pass on the transaction's error, so the cause can't be read here;
                // `storage.estimate()` is cached and lags behind. A write transaction whose
                // requests all succeeded but whose commit aborted is, in practice, out of space.
                match result {
                    Err(StoreError::Aborted) => Err(StoreError::Quota),
                    other => other,
                }
            }
        }
    }
}
