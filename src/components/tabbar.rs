use crate::components::icons::Icon;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

const TABS: [(&str, K, Icon); 6] = [
    ("/", K::TabHome, Icon::Home),
    ("/places", K::TabPlaces, Icon::Search),
    ("/map", K::TabMap, Icon::Map),
    ("/routes", K::TabSeawall, Icon::Wave),
    ("/festival", K::TabFestival, Icon::Flag),
    ("/me", K::TabMe, Icon::User),
];

/// Which tab a path belongs to: deep pages keep their section's tab lit.
pub fn tab_for(path: &str) -> Option<&'static str> {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    let section = match first {
        "" => "/",
        "places" => "/places",
        "map" => "/map",
        "routes" => "/routes",
        "festival" => "/festival",
        "me" | "checkin" => "/me",
        _ => return None,
    };
    Some(section)
}

/// The bottom tab bar, the app's main navigation.
#[component]
pub fn TabBar() -> impl IntoView {
    let i = use_i18n();
    let location = use_location();
    let active = Memo::new(move |_| tab_for(&location.pathname.get()));
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

#[cfg(test)]
mod tests {
    use super::tab_for;

    #[test]
    fn deep_links_light_their_section() {
        assert_eq!(tab_for("/"), Some("/"));
        assert_eq!(tab_for("/places/library-24h"), Some("/places"));
        assert_eq!(tab_for("/routes/seawall-heritage-walk"), Some("/routes"));
        assert_eq!(tab_for("/festival/2023/dances"), Some("/festival"));
        assert_eq!(tab_for("/checkin/abc"), Some("/me"));
        assert_eq!(tab_for("/nowhere"), None);
    }
}
