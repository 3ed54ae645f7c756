use crate::i18n::{use_i18n, K};
use crate::routes::{Page, TABS};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The bottom tab bar, the app's main navigation. A tab stays lit on its section's deep pages
/// (a place under Places, a check-in under Me), which `<A>`'s own path-prefix rule can't say,
/// so these are plain links (the router still takes their clicks).
#[component]
pub fn TabBar() -> impl IntoView {
    let i = use_i18n();
    let loc = use_location();
    let active = Memo::new(move |_| loc.pathname.with(|p| Page::parse(p).map(|p| p.section())));
    view! {
        <nav class="tabbar" aria-label=i.t(K::MainNav)>
            {TABS
                .iter()
                .map(|&(page, key, icon)| {
                    view! {
                        <a
                            href=page.href()
                            class="tab"
                            aria-current=move || (active.get() == Some(page)).then_some("page")
                        >
                            {icon.view()}
                            <span>{i.t(key)}</span>
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
