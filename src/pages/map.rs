//! `/map`: drawn by the extras bundle (src/extras/places_map.rs), so the map adds nothing to
//! the first load.

use crate::components::{extras_host::ExtrasHost, use_title};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

#[component]
pub fn MapPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::MapTitle).into());
    view! { <h1>{i.t(K::MapTitle)}</h1> <ExtrasHost what="map"/> }
}
