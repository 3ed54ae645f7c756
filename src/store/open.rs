//! Opening the database once for the whole app (with a timeout and a fallback to memory),
//! the version-change and rollback cases, and reopening a connection Safari dropped.

use super::{dom_name, report, schema, Backend, DbProblem, Store, StoreError, STORE};
use indexed_db_futures::database::Database;
use std::cell::RefCell;
use std::rc::Rc;

/// An open that takes longer than this is treated as unavailable (old Safari's open can hang,
/// and an upgrade blocked by another tab would wait forever): the app goes on from memory.
const OPEN_TIMEOUT_MS: u32 = 4000;

/// Starts the one open attempt, racing it against the timeout; whichever settles first sets
/// `STORE` (a late success after a timeout is dropped: the visit already runs from memory).
pub(super) fn start_open() -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        // Returns whether this call settled it (the open and the timeout race).
        let settle = Rc::new(move |backend: Backend| -> bool {
            let first = STORE.with(|s| {
                let mut s = s.borrow_mut();
                let first = s.is_none();
                if first {
                    *s = Some(Store { backend });
                }
                first
            });
            if first {
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
            first
        });
        let on_time = settle.clone();
        gloo_timers::callback::Timeout::new(OPEN_TIMEOUT_MS, move || {
            if on_time(Backend::Memory(Rc::default())) {
                crate::platform::log::warn("IndexedDB did not answer; keeping data in memory", "");
            }
        })
        .forget();
        leptos::task::spawn_local(async move {
            let _ = settle(match open_db().await {
                Ok(db) => Backend::Idb(Rc::new(RefCell::new(db))),
                Err(e) => {
                    crate::platform::log::warn(
                        "IndexedDB unavailable, keeping data in memory:",
                        e.describe(),
                    );
                    Backend::Memory(Rc::default())
                }
            });
        });
    })
}

async fn open_db() -> Result<Database, StoreError> {
    let opened = Database::open(schema::DB_NAME)
        .with_version(schema::version())
        .with_on_blocked(|_| {
            report(DbProblem::Blocked);
            Ok(())
        })
        .with_on_upgrade_needed(|ev, db| schema::upgrade(&db, ev.old_version() as u32))
        .await;
    let db = match opened {
        Ok(db) => db,
        // Stored by a newer build: opening at our older version is refused, and keeping data
        // in memory instead would let the page say things were saved when they were not.
        Err(indexed_db_futures::error::OpenDbError::Base(e))
            if dom_name(&e).as_deref() == Some("VersionError") =>
        {
            report(DbProblem::Newer);
            return Err(StoreError::Unavailable);
        }
        Err(e) => return Err(e.into()),
    };
    // Another tab's newer build wants to upgrade: let it (closing this connection), and have
    // this page reload rather than keep writing to a database it no longer understands.
    if let Ok(mut changes) = db.version_changes() {
        let held = db.clone();
        leptos::task::spawn_local(async move {
            if changes.recv().await.is_some() {
                report(DbProblem::Outdated);
                held.close();
            }
        });
    }
    Ok(db)
}

/// Runs `f`; if the connection was lost (Safari drops it after the app is backgrounded),
/// reopens the database and tries once more.
pub(super) async fn retry_once<T, F, Fut>(db: &Rc<RefCell<Database>>, f: F) -> Result<T, StoreError>
where
    F: Fn(Database) -> Fut,
    Fut: std::future::Future<Output = Result<T, indexed_db_futures::error::Error>>,
{
    // The handle is cloned out first: a RefCell borrow held across the await would panic if
    // another call reopened the database meanwhile.
    let handle = db.borrow().clone();
    let first = f(handle).await;
    match first {
        Err(e) if is_connection_lost(&e) => {
            let fresh = open_db().await?;
            *db.borrow_mut() = fresh.clone();
            Ok(f(fresh).await?)
        }
        other => Ok(other?),
    }
}

/// Safari reports a dropped connection as InvalidStateError ("the database connection is
/// closing") or UnknownError.
fn is_connection_lost(e: &indexed_db_futures::error::Error) -> bool {
    matches!(
        dom_name(e).as_deref(),
        Some("InvalidStateError" | "UnknownError")
    )
}
