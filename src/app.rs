//! The app shell: settings, content, the router and the page frame.

use crate::components::{header::Header, notices::Notices, tabbar::TabBar};
use crate::i18n::{use_i18n, K};
use crate::pages::*;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_params_map;
use leptos_router::{path, PossibleRouteMatch};

#[component]
pub fn App() -> impl IntoView {
    crate::settings::provide_settings();
    crate::store::user::provide_user_data();
    crate::content::provide_content();
    let content = crate::content::use_content();
    crate::platform::online::provide_online(move || content.reload());
    crate::platform::service_worker::provide_service_worker();
    crate::platform::geolocation::provide_here();
    crate::store::stamps::provide_stamps();
    crate::components::map::provide_map_memory();
    crate::search_index::build_ahead(content);
    start_sync_when_named(content);
    let i = use_i18n();
    view! {
        <Router>
            {crate::platform::scroll::restore_on_back()}
            // Rebuilt when the language changes: every string below is then plain text.
            {move || {
                i.lang.track();
                view! {
                    <a class="skip-link" href="#main">
                        {i.t(K::SkipToContent)}
                    </a>
                    <Header />
                    <Notices />
                    <main id="main" tabindex="-1">
                        <FlatRoutes fallback=|| view! { <not_found::NotFound /> }>
                            <Route path=home() view=home::Home />
                            <Route path=places() view=places::Places />
                            <Route
                                path=place()
                                view=|| with_params(|p| view! { <place::PlaceDetail id=p("id") /> })
                            />
                            <Route path=map() view=map::MapPage />
                            <Route path=routes() view=routes::RoutesPage />
                            <Route
                                path=route()
                                view=|| with_params(|p| view! { <route::RouteDetail id=p("id") /> })
                            />
                            <Route path=festival() view=festival::Festival />
                            <Route
                                path=event()
                                view=|| with_params(|p| {
                                    view! {
                                        <event::EventDetail edition=p("edition") event=p("event") />
                                    }
                                })
                            />
                            <Route
                                path=checkin()
                                view=|| with_params(|p| {
                                    view! { <checkin::Checkin code=p("code") /> }
                                })
                            />
                            <Route path=checkin_fragment() view=checkin::CheckinFromFragment />
                            <Route path=passport() view=passport::PassportPage />
                            <Route path=staff() view=staff::Staff />
                            <Route path=desk() view=desk::DeskPage />
                            <Route path=survey() view=survey::SurveyPage />
                            <Route path=me() view=me::Me />
                        </FlatRoutes>
                    </main>
                    <TabBar />
                }
            }}
        </Router>
    }
}

/// A page that takes its address's parameters: rebuilt when they change (going from one place
/// to another keeps the route, so the page must follow the new id).
fn with_params<V: IntoView + 'static>(
    page: impl Fn(&dyn Fn(&str) -> String) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    move || {
        let map = params.read();
        page(&|name| map.get(name).unwrap_or_default())
    }
}

// The router's table: one path each, shared by `<FlatRoutes>` and the native test that runs
// every `Page::href` through leptos_router's own matcher (src/routes.rs).
macro_rules! paths {
    ($($name:ident => $path:tt;)*) => {
        $(fn $name() -> impl PossibleRouteMatch + Clone + Send + Sync + 'static { path!($path) })*

        /// The route a path matches, by name, with its parameters in order.
        #[cfg(test)]
        pub(crate) fn match_path(p: &str) -> Option<(&'static str, Vec<(String, String)>)> {
            $(if let Some(m) = $name().test(p).filter(|m| m.is_complete()) {
                let params = m.params().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
                return Some((stringify!($name), params));
            })*
            None
        }
    };
}

paths! {
    home => "/";
    places => "/places";
    place => "/places/:id";
    map => "/map";
    routes => "/routes";
    route => "/routes/:id";
    festival => "/festival";
    event => "/festival/:edition/:event";
    checkin => "/checkin/:code";
    checkin_fragment => "/checkin";
    passport => "/passport";
    staff => "/staff";
    desk => "/desk";
    survey => "/survey";
    me => "/me";
}

/// Check-ins queued for the pack's sync endpoint are sent from app start (and whenever the
/// network comes back). With no endpoint, the default, nothing is sent.
fn start_sync_when_named(content: crate::content::Content) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let crate::content::PackState::Ready(p) = content.state.get() else {
            return false;
        };
        if let Some(endpoint) = p.checkin.sync.clone() {
            crate::sync::start(endpoint);
        }
        true
    });
}
