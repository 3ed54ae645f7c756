//! What the user is told about check-in sync: where check-ins go (shown whenever the pack names
//! a sync endpoint, so before anything is sent), and the check-ins the server refused, each
//! with the server's reason and a way to remove it. A refused check-in is never dropped
//! behind the user's back.

use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::pages::checkin::point_name;
use crate::store::outbox;
use leptos::prelude::*;
use qiaosi_core::checkin::sync_host;
use qiaosi_core::content::Pack;
use std::sync::Arc;

/// One line naming the host check-ins are sent to; nothing when the pack names no endpoint.
#[component]
pub fn SyncNotice(pack: Arc<Pack>) -> impl IntoView {
    let i = use_i18n();
    pack.checkin.sync.as_deref().map(|endpoint| {
        let own = window().location().host().unwrap_or_default();
        let host = sync_host(endpoint, &own).to_string();
        view! { <p class="fineprint sync-notice">{i.t(K::SyncTo)}<strong>{host}</strong></p> }
    })
}

/// The refused check-ins, read from the outbox when shown; nothing when there are none.
#[component]
pub fn RefusedCheckins(pack: Arc<Pack>) -> impl IntoView {
    let i = use_i18n();
    let list = outbox::refused();
    leptos::task::spawn_local(outbox::load_refused());
    move || {
        let refused = list.get();
        (!refused.is_empty()).then(|| {
            let en = i.en();
            let items = refused
                .into_iter()
                .map(|q| {
                    let (what, when) = match q.point_and_time() {
                        Some((point, t)) => (
                            point_name(&pack, &point, en),
                            format!("{} {}", format_date(t.date, en), format_time(t)),
                        ),
                        // A body this build did not write: its key is all there is to show.
                        None => (q.key.clone(), String::new()),
                    };
                    let key = q.key.clone();
                    view! {
                        <li class="stamp">
                            <strong>{what}</strong>
                            " "
                            <span class="fineprint">{when}</span>
                            <p class="fineprint sync-reason">
                                {i.t(K::SyncRefusedBy)}{q.refused.unwrap_or_default()}
                            </p>
                            <button
                                class="button small secondary"
                                type="button"
                                on:click=move |_| {
                                    leptos::task::spawn_local(outbox::remove(key.clone()))
                                }
                            >
                                {i.t(K::SyncRemove)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="sync-refused">
                    <h3>{i.t(K::SyncRefusedTitle)}</h3>
                    <ul class="stamps">{items}</ul>
                    <p class="fineprint">{i.t(K::SyncRefusedKept)}</p>
                </div>
            }
        })
    }
}
