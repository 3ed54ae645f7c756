//! The card a tapped marker opens: the places under it, linked, and how approximate their
//! positions are.

use super::pins::Pin;
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::category_name;

/// `selected` is the map's open group; the card's close button clears it.
pub(super) fn places_here(group: Vec<Pin>, selected: RwSignal<Option<Vec<Pin>>>) -> AnyView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let en = i.en();
    // The widest uncertainty among the places under the marker (0 for exact ones).
    let radius = group
        .iter()
        .map(|p| p.at.precision.radius_m())
        .filter(|r| *r > 0)
        .max();
    let approx = radius.map(|r| {
        view! { <p class="fineprint">{x(K::MapApprox)}" "{format_distance(r, en)}</p> }
    });
    let items = group
        .into_iter()
        .flat_map(|p| p.items)
        .map(|(name, href, cat)| {
            view! {
                <li>
                    {match href {
                        Some(h) => view! { <A href=h>{name}</A> }.into_any(),
                        None => view! { <strong>{name}</strong> }.into_any(),
                    }} " "<span class="fineprint">{category_name(&cat, en)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div
            class="sheet"
            role="dialog"
            aria-modal="false"
            aria-label=x(K::MapPlacesHere)
            on:pointerdown=|ev| ev.stop_propagation()
            on:wheel=|ev| ev.stop_propagation()
            on:dblclick=|ev| ev.stop_propagation()
        >
            <button
                type="button"
                class="sheet-close"
                aria-label=x(K::MapClose)
                on:click=move |_| selected.set(None)
            >
                "×"
            </button>
            <h3>{x(K::MapPlacesHere)}</h3>
            {approx}
            <ul>{items}</ul>
        </div>
    }
    .into_any()
}
