//! The app shell: settings, content, the router and the page frame.

use crate::components::{header::Header, notices::Notices, tabbar::TabBar};
use crate::i18n::{use_i18n, K};
use crate::pages::*;
use crate::router::{provide_router, Route};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    crate::settings::provide_settings();
    crate::store::user::provide_user_data();
    crate::content::provide_content();
    let content = crate::content::use_content();
    crate::platform::online::provide_online(move || content.reload());
    crate::platform::service_worker::provide_service_worker();
    crate::platform::geolocation::provide_here();
    start_sync_when_named(content);
    let i = use_i18n();
    // These paths are printed on posters and shared as links: they never change.
    let loc = provide_router();
    let route = Memo::new(move |_| Route::parse(&loc.path.get()));
    // Rebuilt when the language changes: every string below is then plain text.
    move || {
        i.lang.track();
        view! {
            <a class="skip-link" href="#main">{i.t(K::SkipToContent)}</a>
            <Header/>
            <Notices/>
            <main id="main" tabindex="-1">{move || page(route.get())}</main>
            <TabBar route/>
        }
    }
}

/// Check-ins queued for the pack's sync endpoint are sent from app start by the extras bundle
/// (which also listens for the network coming back). With no endpoint, the default, or nothing
/// queued, the bundle is not loaded.
fn start_sync_when_named(content: crate::content::Content) {
    Effect::new(move |started: Option<bool>| {
        if started == Some(true) {
            return true;
        }
        let crate::content::PackState::Ready(p) = content.state.get() else {
            return false;
        };
        let Some(endpoint) = p.checkin.sync.clone() else {
            return false;
        };
        leptos::task::spawn_local(async move {
            let store = crate::store::Store::open().await;
            let queued = store.all(crate::store::schema::OUTBOX).await;
            if queued.is_ok_and(|q| !q.is_empty()) {
                crate::platform::extras::start_sync(&endpoint).await;
            }
        });
        true
    });
}

fn page(route: Route) -> AnyView {
    match route {
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Places => view! { <places::Places/> }.into_any(),
        Route::Place(id) => view! { <place::PlaceDetail id/> }.into_any(),
        Route::Map => view! { <map::MapPage/> }.into_any(),
        Route::Routes => view! { <routes::RoutesPage/> }.into_any(),
        Route::Route(id) => view! { <route::RouteDetail id/> }.into_any(),
        Route::Festival => view! { <festival::Festival/> }.into_any(),
        Route::Event(edition, event) => view! { <event::EventDetail edition event/> }.into_any(),
        Route::Checkin(code) => view! { <checkin::Checkin code/> }.into_any(),
        Route::Passport => view! { <checkin::Passport/> }.into_any(),
        Route::Staff => view! { <checkin::Staff/> }.into_any(),
        Route::Me => view! { <me::Me/> }.into_any(),
        Route::NotFound => view! { <not_found::NotFound/> }.into_any(),
    }
}
