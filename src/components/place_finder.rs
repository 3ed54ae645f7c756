//! Finding a place: search that understands hanzi, pinyin and initials, category chips, and
//! "nearest to me". Used on /places (full) and Home (search only).

use crate::components::hours::open_now;
use crate::components::pack::WithPack;
use crate::components::place_row::PlaceRow;
use crate::i18n::{use_i18n, K};
use crate::platform::clock;
use crate::platform::geolocation::{use_here, GeoError, GeoState};
use crate::routes::Page;
use leptos::prelude::*;
use qiaosi_core::content::{category_name, Pack, CATEGORIES};
use qiaosi_core::geo::LatLng;
use qiaosi_core::listing::{self, Row};
use qiaosi_core::search::SearchIndex;

/// Rows shown before "show more": a 10,000-place pack must not build 10,000 rows at once.
const PAGE: usize = 50;

/// Place indices to show: by relevance for a search, else open-first and nearest-first.
fn results(
    pack: &Pack,
    index: Option<&SearchIndex>,
    query: &str,
    cat: Option<&str>,
    here: Option<LatLng>,
) -> Vec<usize> {
    let in_cat = |i: &usize| cat.is_none_or(|c| pack.places[*i].category == c);
    if let Some(index) = index.filter(|_| !query.trim().is_empty()) {
        crate::platform::timing::mark("qiaosi-search-start");
        let hits: Vec<usize> = index
            .search(query)
            .into_iter()
            .map(|h| h.place)
            .filter(in_cat)
            .collect();
        crate::platform::timing::measure("qiaosi-search", "qiaosi-search-start");
        return hits;
    }
    let now = clock::now();
    let mut rows: Vec<Row> = (0..pack.places.len())
        .filter(in_cat)
        .map(|i| {
            let p = &pack.places[i];
            let distance_m = here.and_then(|h| p.reach_from(h)).map(|r| r.metres);
            Row {
                place: i,
                open: open_now(p, now),
                distance_m,
            }
        })
        .collect();
    listing::sort(&mut rows);
    rows.into_iter().map(|r| r.place).collect()
}

/// `full`: category chips and "nearest to me" as well as the search box.
#[component]
pub fn PlaceFinder(
    #[prop(optional)] full: bool,
    #[prop(optional)] cat: Option<Memo<Option<&'static str>>>,
) -> impl IntoView {
    let i = use_i18n();
    let here = use_here();
    let query = RwSignal::new(String::new());
    let limit = RwSignal::new(PAGE);
    let geo_note = move || {
        let k = match here.0.get() {
            GeoState::Locating => K::Locating,
            GeoState::Failed(GeoError::Denied) => K::GeoDenied,
            GeoState::Failed(GeoError::Timeout) => K::GeoTimeout,
            GeoState::Failed(GeoError::Unavailable) => K::GeoUnavailable,
            GeoState::Failed(GeoError::Unsupported) => K::GeoUnsupported,
            _ => return None,
        };
        Some(view! {
            <p class="notice geo-note" role="status">
                {i.t(k)}
            </p>
        })
    };
    view! {
        <div class="finder">
            <label class="search">
                <span class="visually-hidden">{i.t(K::Search)}</span>
                <input
                    type="search"
                    enterkeyhint="search"
                    autocomplete="off"
                    placeholder=i.t(K::SearchHint)
                    aria-label=i.t(K::Search)
                    prop:value=move || query.get()
                    on:input=move |ev| {
                        limit.set(PAGE);
                        query.set(event_target_value(&ev));
                    }
                />
            </label>
            {full
                .then(|| {
                    view! {
                        <button
                            class="button secondary near-me"
                            type="button"
                            on:click=move |_| here.locate()
                        >
                            {i.t(K::NearMe)}
                        </button>
                        <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
                    }
                })}
            {geo_note}
        </div>
        <WithPack
            quiet=!full
            render=move |pack| {
                let q = query.get();
                if !full && q.trim().is_empty() {
                    return ().into_any();
                }
                let cat = cat.and_then(|c| c.get());
                let from = here.position();
                let index = (!q.trim().is_empty()).then(|| crate::search_index::index_for(&pack));
                let found = results(&pack, index.as_deref(), &q, cat, from);
                if found.is_empty() {
                    return // Home shows nothing until the user types; /places shows every place.
                    view! {
                        <div class="no-results" role="status">
                            <p>{i.t(K::NoResults)}</p>
                            <CategoryLinks />
                        </div>
                    }
                        .into_any();
                }
                let n = found.len();
                let shown = found
                    .into_iter()
                    .take(limit.get())
                    .map(|ix| {
                        view! { <PlaceRow place=pack.places[ix].clone() from=from /> }
                    })
                    .collect_view();
                view! {
                    <p class="count" role="status">
                        {n}
                        " "
                        {i.t(if n == 1 { K::PlaceCountOne } else { K::PlacesCount })}
                    </p>
                    <ul class="place-list">{shown}</ul>
                    {(n > limit.get())
                        .then(|| {
                            view! {
                                <button
                                    class="button secondary"
                                    type="button"
                                    on:click=move |_| limit.update(|l| *l += PAGE)
                                >
                                    {i.t(K::ShowMore)}
                                </button>
                            }
                        })}
                }
                    .into_any()
            }
        />
    }
}

/// A link to each category's place list, as chips (home, and a search that found nothing).
#[component]
pub fn CategoryLinks() -> impl IntoView {
    let i = use_i18n();
    view! {
        <ul class="chips">
            {CATEGORIES
                .iter()
                .map(|c| {
                    view! {
                        <li>
                            <a class="chip" href=Page::Places(Some(c)).href()>
                                {category_name(c, i.en())}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
