use crate::i18n::{category_key, use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::content::Place;

/// One place in a list: name, category and what is known of its hours and position.
#[component]
pub fn PlaceRow(place: Place) -> impl IntoView {
    let i = use_i18n();
    let href = format!("/places/{}", place.id);
    let approx = place.position.is_approximate();
    let cat = category_key(&place.category);
    let has_hours = place.hours.is_some();
    let name = place.name.clone();
    view! {
        <li>
            <a class="place-row" href=href>
                <span class=format!("cat-dot cat-{}", place.category) aria-hidden="true"></span>
                <span class="place-main">
                    <span class="place-name">{move || name.get(i.en()).to_string()}</span>
                    <span class="place-meta">
                        {i.t(cat)}
                        {move || (!has_hours).then(|| format!(" · {}", i.t(K::HoursNotPublished)))}
                        {move || approx.then(|| format!(" · {}", i.t(K::Approximate)))}
                    </span>
                </span>
            </a>
        </li>
    }
}
