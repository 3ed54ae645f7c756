//! The app shell: settings, content, the router and the page frame.

use crate::components::{header::Header, notices::Notices, tabbar::TabBar};
use crate::i18n::{use_i18n, K};
use crate::pages::*;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    crate::settings::provide_settings();
    crate::store::user::provide_user_data();
    crate::content::provide_content();
    let content = crate::content::use_content();
    crate::platform::online::provide_online(move || content.reload());
    crate::platform::service_worker::provide_service_worker();
    let i = use_i18n();
    // These paths are printed on posters and shared as links: they never change.
    view! {
        <Router>
            // Rebuilt when the language changes: every string below is then plain text.
            {move || { i.lang.track(); view! {
            <a class="skip-link" href="#main">{i.t(K::SkipToContent)}</a>
            <Header/>
            <Notices/>
            <main id="main" tabindex="-1">
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("/") view=home::Home/>
                    <Route path=path!("/places") view=places::Places/>
                    <Route path=path!("/places/:id") view=place::PlaceDetail/>
                    <Route path=path!("/map") view=map::MapPage/>
                    <Route path=path!("/routes") view=routes::RoutesPage/>
                    <Route path=path!("/routes/:id") view=route::RouteDetail/>
                    <Route path=path!("/festival") view=festival::Festival/>
                    <Route path=path!("/festival/:edition/:event") view=event::EventDetail/>
                    <Route path=path!("/checkin/:code") view=checkin::Checkin/>
                    <Route path=path!("/me") view=me::Me/>
                </Routes>
            </main>
            <TabBar/>
            }}}
        </Router>
    }
}
