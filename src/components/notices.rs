//! The app's quiet notices: a new version waiting, no network, data that can't be kept, a
//! write that failed. Each appears only while it is true.

use crate::i18n::{use_i18n, K};
use crate::platform::{online::use_online, service_worker};
use crate::store::{problem, user::use_user_data, DbProblem, StoreError};
use leptos::prelude::*;

/// A small "offline" pill for the header.
#[component]
pub fn OnlinePill() -> impl IntoView {
    let i = use_i18n();
    let online = use_online();
    move || {
        (!online.get()).then(|| {
            view! {
                <span class="pill offline" role="status" title=i.t(K::OfflineHint)>
                    {i.t(K::Offline)}
                </span>
            }
        })
    }
}

/// Banners under the header.
#[component]
pub fn Notices() -> impl IntoView {
    let i = use_i18n();
    let sw = service_worker::use_service_worker();
    let user = use_user_data();
    let db = problem();
    let db2 = db.clone();
    view! {
        <div class="notices">
            {move || {
                sw.update_ready
                    .get()
                    .then(|| {
                        view! {
                            <div class="notice update" role="status">
                                <span>{i.t(K::UpdateReady)}</span>
                                <button
                                    class="button"
                                    type="button"
                                    on:click=move |_| service_worker::apply_update()
                                >
                                    {i.t(K::UpdateReload)}
                                </button>
                            </div>
                        }
                    })
            }}
            {move || {
                db.get()
                    .map(|p| {
                        let key = match p {
                            DbProblem::Blocked => K::DbBlocked,
                            DbProblem::Outdated => K::DbOutdated,
                            DbProblem::Newer => K::DbNewer,
                        };
                        view! {
                            <div class="notice warn db-problem" role="alert">
                                <span>{i.t(key)}</span>
                                <button
                                    class="button"
                                    type="button"
                                    on:click=move |_| {
                                        let _ = window().location().reload();
                                    }
                                >
                                    {i.t(K::Reload)}
                                </button>
                            </div>
                        }
                    })
            }} // Not while the database has a problem of its own: that notice says what to do.
            {move || {
                (user.durable.get() == Some(false) && db2.get().is_none())
                    .then(|| {
                        view! {
                            <div class="notice warn memory-only" role="status">
                                {i.t(K::MemoryOnly)}
                            </div>
                        }
                    })
            }}
            {move || {
                user.error
                    .get()
                    .map(|e| {
                        let key = if e == StoreError::Quota { K::QuotaFull } else { K::SaveFailed };
                        view! {
                            <div class="notice warn" role="alert">
                                <span>{i.t(key)}</span>
                                <button
                                    class="button secondary"
                                    type="button"
                                    on:click=move |_| user.error.set(None)
                                >
                                    {i.t(K::Dismiss)}
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
