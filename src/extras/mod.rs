//! The extras bundle: features the first load can't carry (check-ins with their Ed25519
//! signature checks, the camera scanner, the passport QR, the staff check, check-in sync),
//! built as a second wasm (`src/bin/extras.rs`) that the app loads only when a page needs it.
//! Each view renders into an element the app gives it, with its own providers reading the same
//! stored data; links in it are still handled by the app's router.

mod checkin;
mod follow;
mod map;
mod passport;
mod pins;
mod places_map;
mod scanner;
mod staff;
pub mod sync;
mod text;

use leptos::prelude::*;

/// The view named `what` (the app's [`crate::components::extras_host`] names it), with its
/// argument (a check-in token, say) and the text of the pack the app is showing.
pub fn view(what: &str, arg: String, pack: &str) -> AnyView {
    add_styles();
    crate::settings::provide_settings();
    crate::content::provide_given_content(pack);
    crate::platform::geolocation::provide_here();
    let stamps = crate::store::stamps::provide_stamps();
    match what {
        "checkin" => {
            view! { <checkin::CheckinApp token=arg/> <passport::Passport stamps/> }.into_any()
        }
        "passport" => view! { <scanner::ScanToCheckin/> <passport::Passport stamps/> }.into_any(),
        "staff" => view! { <staff::Staff/> }.into_any(),
        "map" => view! { <places_map::PlacesMap/> }.into_any(),
        "route" => view! { <follow::RouteExtras id=arg/> }.into_any(),
        _ => ().into_any(),
    }
}

/// The bundle's own styles (style/extras.css), added to the document once.
fn add_styles() {
    const ID: &str = "extras-style";
    let doc = document();
    if doc.get_element_by_id(ID).is_some() {
        return;
    }
    if let Ok(el) = doc.create_element("style") {
        el.set_id(ID);
        el.set_text_content(Some(include_str!("../../style/extras.css")));
        if let Some(head) = doc.head() {
            let _ = head.append_child(&el);
        }
    }
}

/// Navigates the app (its router listens for popstate) without reloading it.
fn go(href: &str) {
    let w = window();
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    if let Ok(ev) = web_sys::Event::new("popstate") {
        let _ = w.dispatch_event(&ev);
    }
}

#[cfg(test)]
mod tests {
    use super::text::K;
    use crate::i18n::Lang;

    #[test]
    fn every_extras_string_exists_in_both_languages() {
        crate::i18n::tests::check_table(
            K::ALL
                .iter()
                .map(|k| (format!("{k:?}"), k.text(Lang::Zh), k.text(Lang::En))),
        );
    }
}
