//! Reusable pieces of the UI.

pub mod follow;
pub mod header;
pub mod hours;
pub mod icons;
#[cfg(feature = "staff")]
pub mod ledger;
pub mod map;
pub mod notices;
pub mod outbox;
pub mod pack;
pub mod passport;
pub mod place_finder;
pub mod place_row;
pub mod scanner;
pub mod schedule;
pub mod sources;
pub mod stop_guide;
#[cfg(feature = "staff")]
pub mod survey;
pub mod tabbar;

use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

/// Sets the document title to "<page> · 乔司导览", following the language.
pub fn use_title(page: impl Fn() -> String + 'static) {
    title_effect(Box::new(page));
}

/// Non-generic, so the effect machinery is compiled once for every page.
fn title_effect(page: Box<dyn Fn() -> String>) {
    let i = use_i18n();
    Effect::new(move |_| {
        let p = page();
        let app = i.t(K::AppName);
        document().set_title(&if p.is_empty() {
            app.to_string()
        } else {
            format!("{p} · {app}")
        });
    });
}

/// A title taken from the pack once it is loaded (a place's or route's name, say).
pub fn use_pack_title(f: impl Fn(&qiaosi_core::content::Pack, bool) -> Option<String> + 'static) {
    use crate::content::{use_content, PackState};
    let content = use_content();
    let i = use_i18n();
    use_title(move || match content.state.get() {
        PackState::Ready(p) => f(&p, i.en()).unwrap_or_default(),
        _ => String::new(),
    });
}

/// Why the position could not be had, by cause (`GeoError::message`), while that is so.
#[component]
pub fn LocationProblem(
    /// A live position watch's error; by default, the one-off position's ("near me").
    #[prop(optional, into)]
    error: Option<Signal<Option<crate::platform::geolocation::GeoError>>>,
    /// A line to add after the cause ("the route can still be read").
    #[prop(optional)]
    then: Option<K>,
) -> impl IntoView {
    use crate::platform::geolocation::{use_here, GeoState};
    let i = use_i18n();
    let error = error.unwrap_or_else(|| {
        let here = use_here();
        Signal::derive(move || match here.0.get() {
            GeoState::Failed(e) => Some(e),
            _ => None,
        })
    });
    move || {
        error.get().map(|e| {
            view! {
                <p class="notice warn" role="alert">
                    {i.t(e.message())}
                    {then.map(|k| format!(" {}", i.t(k)))}
                </p>
            }
        })
    }
}
