use crate::components::icons::Icon;
use crate::i18n::{use_i18n, K};
use crate::router::Route;
use leptos::prelude::*;

const TABS: [(&str, K, Icon); 6] = [
    ("/", K::TabHome, Icon::Home),
    ("/places", K::TabPlaces, Icon::Search),
    ("/map", K::TabMap, Icon::Map),
    ("/routes", K::TabSeawall, Icon::Wave),
    ("/festival", K::TabFestival, Icon::Flag),
    ("/me", K::TabMe, Icon::User),
];

/// The bottom tab bar, the app's main navigation.
#[component]
pub fn TabBar(route: Memo<Route>) -> impl IntoView {
    let i = use_i18n();
    let active = Memo::new(move |_| route.get().tab());
    view! {
        <nav class="tabbar" aria-label=i.t(K::MainNav)>
            {TABS.iter().map(|&(href, key, icon)| view! {
                <a href=href class="tab"
                    aria-current=move || (active.get() == Some(href)).then_some("page")>
                    {icon.view()}
                    <span>{i.t(key)}</span>
                </a>
            }).collect_view()}
        </nav>
    }
}
