//! Where a scanned poster lands: `/checkin/<token>`. The check-in itself (verifying the signed
//! code on the phone, the stamp, the passport) lives in the extras bundle, loaded here, so its
//! signature code is not part of the first load.

use crate::i18n::{use_i18n, K};
use crate::platform::extras;
use leptos::prelude::*;

/// The element the extras bundle renders into; the app renders nothing inside it.
const HOST: &str = "extras-host";

#[component]
pub fn Checkin(code: String) -> impl IntoView {
    let i = use_i18n();
    let status = RwSignal::new(Some(K::Loading));
    // Runs once the view is in the document, so the host element exists.
    Effect::new(move |_| {
        let code = code.clone();
        leptos::task::spawn_local(async move {
            let shown = extras::mount_checkin(HOST, &code).await;
            status.set(if shown.is_some() {
                None
            } else {
                Some(K::ExtrasFailed)
            });
        });
    });
    on_cleanup(extras::unmount);
    view! {
        <h1>{i.t(K::CheckinTitle)}</h1>
        {move || status.get().map(|k| view! { <p class="loading" role="status">{i.t(k)}</p> })}
        <div id=HOST class="extras"></div>
    }
}
