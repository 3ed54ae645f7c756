//! `/map`: every place and route on the map, a category filter, and "where am I".

use crate::components::map::pins::{pins, Pin};
use crate::components::map::MapView;
use crate::components::{pack::WithPack, use_title, LocationProblem};
use crate::i18n::{use_i18n, K};
use crate::platform::geolocation::{use_here, GeoState};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::{category_name, Pack, CATEGORIES};
use std::sync::Arc;

#[component]
pub fn MapPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::MapTitle).into());
    // How to read the map comes first, before the map: the heading and this note are also
    // index.html's static first screen for `/map`, painted before the wasm arrives (the map
    // itself needs the wasm and the pack).
    view! {
        <h1>{i.t(K::MapTitle)}</h1>
        <p class="notice map-note">{i.t(K::MapNote)}</p>
        <PlacesMap />
    }
}

#[component]
fn PlacesMap() -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let here = use_here();
    let memory = expect_context::<crate::components::map::MapMemory>();
    let cat = memory.filter;
    let render = move |pack: Arc<Pack>| {
        let en = i.en();
        let p2 = pack.clone();
        // Memoised: the map reads the pins on every frame of a pan.
        let shown = Memo::new(move |_| -> Vec<Pin> {
            let c = cat.get();
            pins(
                p2.places
                    .iter()
                    .filter(|p| c.is_none_or(|c| p.category == c))
                    .filter_map(|p| {
                        Some((
                            p.position?,
                            p.name.get(en).to_string(),
                            Some(Page::Place(&p.id).href()),
                            p.category.clone(),
                        ))
                    }),
            )
        });
        // A route with no line (guided stop by stop) draws nothing here.
        let paths = pack
            .routes
            .iter()
            .filter(|r| r.path.len() >= 2)
            .map(|r| r.path_points())
            .collect();
        let me = Signal::derive(move || match here.0.get() {
            GeoState::Found(p) => Some(p),
            _ => None,
        });
        let chip = move |c: Option<&'static str>| {
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || (cat.get() == c).to_string()
                    on:click=move |_| cat.set(c)
                >
                    {match c {
                        Some(c) => category_name(c, en),
                        None => x(K::MapAll),
                    }}
                </button>
            }
        };
        let legend = pack
            .routes
            .iter()
            .filter(|r| r.path.len() >= 2)
            .map(|r| {
                view! {
                    <li>
                        <span class="legend-line" aria-hidden="true"></span>
                        {
                            let t = r.name.get(en).to_string();
                            view! { <A href=Page::Route(&r.id).href()>{t}</A> }
                        }
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="chips map-chips" role="group" aria-label=x(K::MapFilter)>
                {chip(None)}
                {CATEGORIES
                    .iter()
                    .filter(|c| {
                        pack.places.iter().any(|p| p.category == **c && p.position.is_some())
                    })
                    .map(|c| chip(Some(c)))
                    .collect_view()}
            </div>
            <MapView
                pack=pack.clone()
                pins=shown.into()
                paths
                me
                remember=memory.view
                label=i.t(K::MapTitle).to_string()
            />
            <div class="map-actions">
                <button type="button" class="button" on:click=move |_| here.locate()>
                    {x(K::MapWhereAmI)}
                </button>
                {move || match here.0.get() {
                    GeoState::Locating => {
                        Some(
                            view! {
                                <p class="loading" role="status">
                                    {x(K::MapLocating)}
                                </p>
                            }
                                .into_any(),
                        )
                    }
                    _ => None,
                }}
                <LocationProblem />
                <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
            </div>
            {pack
                .places
                .iter()
                .any(|p| p.position.is_none())
                .then(|| {
                    view! {
                        <p class="notice unplaced">
                            {x(K::MapUnplaced)}" "
                            <A href=Page::Places(None).href()>{x(K::MapSeeAllPlaces)}</A>
                        </p>
                    }
                })}
            <ul class="legend">{legend}</ul>
        }
    };
    view! { <WithPack render /> }
}
