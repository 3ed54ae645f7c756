//! The user's own data, as the rest of the app sees it: reactive lists backed by the store.
//!
//! A change is written first and shown second: if the write fails (storage full, say), the
//! screen keeps showing what is really stored and the user is told why.

use super::{schema, Op, Store, StoreError};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct UserData {
    /// Favourite place ids, in the order they were added.
    pub favourites: RwSignal<Vec<String>>,
    /// Scheduled events as `edition/event`.
    pub schedule: RwSignal<Vec<String>>,
    /// `None` until the store is open; `Some(false)` when data lives in memory only.
    pub durable: RwSignal<Option<bool>>,
    /// The last failed write, for the UI to explain.
    pub error: RwSignal<Option<StoreError>>,
}

/// Keys sorted by when they were added. The value is the time added (ms since the epoch, as
/// decimal text), so the order survives restarts.
pub fn by_added(rows: Vec<(String, String)>) -> Vec<String> {
    let mut rows: Vec<(u64, String)> = rows
        .into_iter()
        .map(|(k, v)| (v.trim().parse().unwrap_or(0), k))
        .collect();
    qiaosi_core::listing::sort_small_by(&mut rows, |a, b| a < b);
    rows.into_iter().map(|(_, k)| k).collect()
}

pub fn provide_user_data() {
    let data = UserData {
        favourites: RwSignal::new(vec![]),
        schedule: RwSignal::new(vec![]),
        durable: RwSignal::new(None),
        error: RwSignal::new(None),
    };
    provide_context(data);
    leptos::task::spawn_local(async move {
        let store = Store::open().await;
        data.durable.set(Some(store.is_durable()));
        // Merged rather than replaced: a tap during start-up may already have added one.
        let merge = |list: RwSignal<Vec<String>>, stored: Vec<String>| {
            list.update(|l| {
                let extra: Vec<String> = l.drain(..).filter(|k| !stored.contains(k)).collect();
                *l = stored;
                l.extend(extra);
            })
        };
        if let Ok(rows) = store.all(schema::FAVOURITES).await {
            merge(data.favourites, by_added(rows));
        }
        if let Ok(rows) = store.all(schema::SCHEDULE).await {
            merge(data.schedule, by_added(rows));
        }
    });
}

pub fn use_user_data() -> UserData {
    expect_context::<UserData>()
}

impl UserData {
    pub fn is_favourite(self, id: &str) -> bool {
        self.favourites.with(|f| f.iter().any(|x| x == id))
    }

    /// Adds or removes a favourite place.
    pub fn toggle_favourite(self, id: String) {
        toggle(self, self.favourites, schema::FAVOURITES, id);
    }

    /// Adds or removes an event (`edition/event`) from the schedule.
    pub fn toggle_scheduled(self, key: String) {
        toggle(self, self.schedule, schema::SCHEDULE, key);
    }
}

thread_local! {
    /// Keys with a write under way: a second tap waits for the first to land rather than
    /// racing it (a quick add-then-remove must end removed).
    static PENDING: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn toggle(data: UserData, list: RwSignal<Vec<String>>, store_name: &'static str, key: String) {
    if PENDING.with(|p| p.borrow().contains(&key)) {
        return;
    }
    PENDING.with(|p| p.borrow_mut().push(key.clone()));
    let on = !list.with_untracked(|l| l.contains(&key));
    leptos::task::spawn_local(async move {
        let store = Store::open().await;
        let op = if on {
            let added = js_sys::Date::now() as u64;
            Op::Put {
                store: store_name,
                key: key.clone(),
                value: added.to_string(),
            }
        } else {
            Op::Delete {
                store: store_name,
                key: key.clone(),
            }
        };
        match store.write(vec![op]).await {
            Ok(()) => {
                data.error.set(None);
                list.update(|l| {
                    l.retain(|k| k != &key);
                    if on {
                        l.push(key.clone());
                    }
                });
                if on {
                    crate::platform::storage::ask_persistence_once(&store).await;
                }
            }
            Err(e) => {
                crate::platform::log::warn("could not save:", e.describe());
                data.error.set(Some(e));
            }
        }
        PENDING.with(|p| p.borrow_mut().retain(|k| k != &key));
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn oldest_first_and_unreadable_values_first() {
        let rows = vec![
            ("b".into(), "200".into()),
            ("a".into(), "300".into()),
            ("c".into(), "garbled".into()),
        ];
        assert_eq!(super::by_added(rows), ["c", "b", "a"]);
    }
}
