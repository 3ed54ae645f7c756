//! The app's routes and a small client-side router.
//!
//! Why not leptos_router: measured on this app, replacing it took the wasm from 263.4 to
//! 219.4 KB gzip — 44 KB, a fifth of the first-load budget — for ten flat routes. The route
//! table here is one `match`, tested natively; the browser part is history.pushState, the
//! popstate event and a click handler for same-origin links.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Every page of the app. These paths are printed on posters and shared as links: they never
/// change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Places,
    Place(String),
    Map,
    Routes,
    Route(String),
    Festival,
    Event(String, String),
    Checkin(String),
    Passport,
    Staff,
    Me,
    NotFound,
}

impl Route {
    pub fn parse(path: &str) -> Route {
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.to_string();
        match segs.as_slice() {
            [] => Route::Home,
            ["places"] => Route::Places,
            ["places", p] => Route::Place(id(p)),
            ["map"] => Route::Map,
            ["routes"] => Route::Routes,
            ["routes", r] => Route::Route(id(r)),
            ["festival"] => Route::Festival,
            ["festival", e, v] => Route::Event(id(e), id(v)),
            ["checkin", c] => Route::Checkin(id(c)),
            ["passport"] => Route::Passport,
            ["staff"] => Route::Staff,
            ["me"] => Route::Me,
            _ => Route::NotFound,
        }
    }

    /// The tab a page belongs to, so deep pages keep their section's tab lit.
    pub fn tab(&self) -> Option<&'static str> {
        Some(match self {
            Route::Home => "/",
            Route::Places | Route::Place(_) => "/places",
            Route::Map => "/map",
            Route::Routes | Route::Route(_) => "/routes",
            Route::Festival | Route::Event(..) => "/festival",
            Route::Checkin(_) | Route::Passport | Route::Staff | Route::Me => "/me",
            Route::NotFound => return None,
        })
    }
}

/// The current address.
#[derive(Clone, Copy)]
pub struct Location {
    pub path: RwSignal<String>,
    /// The query string without `?`.
    pub query: RwSignal<String>,
}

impl Location {
    /// A query parameter's value (`cat` in `/places?cat=fitness`).
    pub fn param(self, name: &str) -> Option<String> {
        self.query.with(|q| {
            q.split('&').find_map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                // Values are the app's own (category ids): plain ASCII, never percent-encoded.
                (k == name).then(|| v.to_string())
            })
        })
    }
}

fn read(loc: Location) {
    let l = window().location();
    loc.path.set(l.pathname().unwrap_or_default());
    loc.query.set(
        l.search()
            .unwrap_or_default()
            .trim_start_matches('?')
            .to_string(),
    );
}

/// Starts listening to back/forward and to link clicks.
pub fn provide_router() -> Location {
    let loc = Location {
        path: RwSignal::new(String::new()),
        query: RwSignal::new(String::new()),
    };
    read(loc);
    provide_context(loc);
    let w = window();
    let back = Closure::<dyn Fn()>::new(move || read(loc));
    let _ = w.add_event_listener_with_callback("popstate", back.as_ref().unchecked_ref());
    back.forget();
    let click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        on_click(loc, ev)
    });
    let _ = document().add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
    click.forget();
    loc
}

/// Same-origin links navigate in the app; new-tab clicks, downloads, `tel:` and external links
/// are left to the browser.
fn on_click(loc: Location, ev: web_sys::MouseEvent) {
    if ev.default_prevented()
        || ev.button() != 0
        || ev.meta_key()
        || ev.ctrl_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return;
    }
    let Some(a) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    if !a.target().is_empty()
        || a.has_attribute("download")
        || a.origin() != window().location().origin().unwrap_or_default()
    {
        return;
    }
    let href = format!("{}{}{}", a.pathname(), a.search(), a.hash());
    // A link to this very page's anchor (the skip link) keeps its native behaviour.
    if !a.hash().is_empty() && a.pathname() == loc.path.get_untracked() {
        return;
    }
    ev.prevent_default();
    navigate(loc, &href);
}

pub fn navigate(loc: Location, href: &str) {
    let w = window();
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&JsValue::NULL, "", Some(href));
    }
    read(loc);
    w.scroll_to_with_x_and_y(0.0, 0.0);
}

pub fn use_location() -> Location {
    expect_context::<Location>()
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_stable_path_has_its_page() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse("/places"), Route::Places);
        assert_eq!(Route::parse("/places/"), Route::Places);
        assert_eq!(
            Route::parse("/places/library-24h"),
            Route::Place("library-24h".into())
        );
        assert_eq!(Route::parse("/map"), Route::Map);
        assert_eq!(Route::parse("/routes"), Route::Routes);
        assert_eq!(
            Route::parse("/routes/seawall-heritage-walk"),
            Route::Route("seawall-heritage-walk".into())
        );
        assert_eq!(Route::parse("/festival"), Route::Festival);
        assert_eq!(
            Route::parse("/festival/2023/dances"),
            Route::Event("2023".into(), "dances".into())
        );
        assert_eq!(
            Route::parse("/checkin/AQJrMQ"),
            Route::Checkin("AQJrMQ".into())
        );
        assert_eq!(Route::parse("/passport"), Route::Passport);
        assert_eq!(Route::parse("/staff"), Route::Staff);
        assert_eq!(Route::parse("/me"), Route::Me);
        for bad in [
            "/nope",
            "/places/a/b",
            "/festival/2023",
            "/checkin",
            "/me/x",
        ] {
            assert_eq!(Route::parse(bad), Route::NotFound, "{bad}");
        }
    }

    #[test]
    fn deep_pages_light_their_section() {
        assert_eq!(Route::parse("/places/x").tab(), Some("/places"));
        assert_eq!(Route::parse("/festival/a/b").tab(), Some("/festival"));
        assert_eq!(Route::parse("/checkin/x").tab(), Some("/me"));
        assert_eq!(Route::parse("/x/y/z").tab(), None);
    }
}
