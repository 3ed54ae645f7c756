//! A page part drawn by the extras bundle (src/extras/): the bundle is loaded when the part
//! first shows, and the part is taken down with the page.

use crate::components::pack::WithPack;
use crate::i18n::{use_i18n, K};
use crate::platform::extras;
use leptos::prelude::*;

/// The element the bundle renders into; the app renders nothing inside it.
const HOST: &str = "extras-host";

/// `what` names the bundle's view (see `extras::view`), `arg` is its argument. Mounted once
/// the app has a pack (loading and failure are shown as on every page), which is handed over.
#[component]
pub fn ExtrasHost(what: &'static str, #[prop(optional)] arg: String) -> impl IntoView {
    let arg = StoredValue::new(arg);
    view! { <WithPack render=move |_| view! { <Host what arg=arg.get_value()/> }/> }
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
