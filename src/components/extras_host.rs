//! A page part drawn by the extras bundle (src/extras/): the bundle is loaded when the part
//! first shows, and the part is taken down with the page.

use crate::components::pack::WithPack;
use crate::content::{use_content, PackState};
use crate::i18n::{use_i18n, K};
use crate::platform::extras;
use leptos::prelude::*;

/// The element the bundle renders into; the app renders nothing inside it.
const HOST: &str = "extras-host";

/// `what` names the bundle's view (see `extras::view`), `arg` is its argument. Mounted once,
/// when the app first has a pack (loading and failure are shown as on every page), which is
/// handed over. A newer pack arriving later does not remount it: that would restart a
/// check-in already done, stop the camera mid-scan or lose what staff pasted.
#[component]
pub fn ExtrasHost(what: &'static str, #[prop(optional)] arg: String) -> impl IntoView {
    let content = use_content();
    let ready = Memo::new(move |_| matches!(content.state.get(), PackState::Ready(_)));
    let arg = StoredValue::new(arg);
    move || {
        if ready.get() {
            view! { <Host what arg=arg.get_value()/> }.into_any()
        } else {
            view! { <WithPack render=|_| ()/> }.into_any()
        }
    }
}

#[component]
fn Host(what: &'static str, arg: String) -> impl IntoView {
    let i = use_i18n();
    let status = RwSignal::new(Some(K::Loading));
    // Runs once the view is in the document, so the host element exists.
    Effect::new(move |_| {
        let arg = arg.clone();
        leptos::task::spawn_local(async move {
            let pack = crate::content::accepted_text().unwrap_or_default();
            let shown = extras::mount(HOST, what, &arg, &pack).await;
            status.set(shown.is_none().then_some(K::ExtrasFailed));
        });
    });
    on_cleanup(extras::unmount);
    view! {
        {move || status.get().map(|k| view! { <p class="loading" role="status">{i.t(k)}</p> })}
        <div id=HOST class="extras"></div>
    }
}
