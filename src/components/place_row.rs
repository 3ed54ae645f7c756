use crate::components::hours::status_line;
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::platform::clock;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::{category_name, Place};
use qiaosi_core::geo::{distance_m, walking_minutes, LatLng};

/// "约 1.2 公里 · 步行 16 分钟": distance from the user, marked "about" for approximate places.
pub fn distance_line(place: &Place, from: LatLng, en: bool) -> String {
    let i = use_i18n();
    let m = distance_m(from, place.position.lat_lng());
    let d = format_distance(m.round() as u32, en);
    let d = if place.position.is_approximate() {
        format!("{} {d}", i.t(K::About_))
    } else {
        d
    };
    format!(
        "{d} · {} {} {}",
        i.t(K::Walk),
        walking_minutes(m),
        i.t(K::Minutes)
    )
}

/// One place in a list: name, category, whether it is open, and how far when known.
#[component]
pub fn PlaceRow(place: Place, #[prop(default = None)] from: Option<LatLng>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let approx = place.position.is_approximate();
    let meta = [
        Some(category_name(&place.category, en).to_string()),
        Some(status_line(&place, clock::now(), en)),
        approx.then(|| i.t(K::Approximate).to_string()),
    ];
    let meta = meta.into_iter().flatten().collect::<Vec<_>>().join(" · ");
    let distance =
        from.map(|f| view! { <span class="place-distance">{distance_line(&place, f, en)}</span> });
    view! {
        <li>
            <A href=Page::Place(&place.id).href() attr:class="place-row">
                <span class=format!("cat-dot cat-{}", place.category) aria-hidden="true"></span>
                <span class="place-main">
                    <span class="place-name">{place.name.get(en).to_string()}</span>
                    <span class="place-meta">{meta}</span>
                    {distance}
                </span>
            </A>
        </li>
    }
}
