use crate::components::hours::status_line;
use crate::format::{around, format_distance};
use crate::i18n::{use_i18n, I18n, K};
use crate::platform::clock;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::{category_name, Place};
use qiaosi_core::geo::LatLng;

/// "约 1.2 公里 · 步行 16 分钟", only to a located place (core decides: no distance is ever
/// given to a guess).
pub fn reach_line(i: I18n, place: &Place, from: LatLng) -> Option<String> {
    let r = place.reach_from(from)?;
    Some(format!(
        "{} {} · {} {} {}",
        i.t(K::About_),
        format_distance(r.metres.round() as u32, i.en()),
        i.t(K::Walk),
        r.minutes,
        i.t(K::Minutes)
    ))
}

/// The reach of a located place, else "大致在乔司街道一带" for one that is only an area.
pub fn distance_line(i: I18n, place: &Place, from: LatLng) -> Option<String> {
    reach_line(i, place, from).or_else(|| area_line(i, place))
}

/// "大致在乔司街道一带" / "Somewhere around Qiaosi Subdistrict", when the pack names an area.
pub fn area_line(i: I18n, place: &Place) -> Option<String> {
    Some(around(place.area.as_ref()?.get(i.en()), i.en()))
}

/// One place in a list: name, category, whether it is open, and how far when known.
#[component]
pub fn PlaceRow(place: Place, #[prop(default = None)] from: Option<LatLng>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let meta = [
        category_name(&place.category, en).to_string(),
        status_line(&place, clock::now(), en),
    ]
    .join(" · ");
    // Without the user's position, an area is still worth saying: it is all that is known.
    let whereabouts = match from {
        Some(f) => distance_line(i, &place, f),
        None if place.located().is_none() => area_line(i, &place),
        None => None,
    };
    let whereabouts = whereabouts.map(|w| view! { <span class="place-distance">{w}</span> });
    view! {
        <li>
            <A href=Page::Place(&place.id).href() attr:class="place-row">
                <span class=format!("cat-dot cat-{}", place.category) aria-hidden="true"></span>
                <span class="place-main">
                    <span class="place-name">{place.name.get(en).to_string()}</span>
                    <span class="place-meta">{meta}</span>
                    {whereabouts}
                </span>
            </A>
        </li>
    }
}
