//! Follow mode for a route without a trustworthy line (core: `Route::follows_line`): the next
//! stop, where it roughly is, and its story when the walker says they are there. No GPS, no
//! distances: a line that is only a guess is never measured against (core's `StopGuide`).

use crate::components::place_row::area_line;
use crate::format::around;
use crate::i18n::{use_i18n, K};
use crate::store::local::SavedWalk;
use leptos::prelude::*;
use qiaosi_core::content::{Pack, Route};
use qiaosi_core::geo::stops::StopGuide as Guide;

#[component]
pub fn StopGuide(pack: std::sync::Arc<Pack>, route: Route) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    // Each stop's name and "大致在…一带", from its place or its own fields.
    let stops: Vec<(String, Option<String>, String)> = route
        .stops
        .iter()
        .map(|s| {
            let place = s.place.as_deref().and_then(|id| pack.place(id));
            let name = s.name.as_ref().or(place.map(|p| &p.name));
            let area = match place {
                Some(p) => area_line(i, p),
                None => s.area.as_ref().map(|a| around(a.get(en), en)),
            };
            let name = name.map(|n| n.get(en).to_string()).unwrap_or_default();
            (name, area, s.narrative.get(en).to_string())
        })
        .collect();
    let key = StoredValue::new(route.id.clone());
    let mut start = Guide::new(stops.len());
    if let Some(saved) = key.with_value(|k| SavedWalk::load(k)) {
        start.restore(&saved.progress);
    }
    let guide = RwSignal::new(start);
    // The story of the stop the walker just reached, until they carry on.
    let story = RwSignal::new(None::<usize>);
    let arrive = move |n: usize| {
        guide.update(|g| {
            g.arrive(n);
        });
        story.set(Some(n));
        SavedWalk {
            following: false,
            progress: guide.with_untracked(Guide::save),
        }
        .store(&key.get_value());
    };
    let stops = StoredValue::new(stops);
    let panel = move || {
        let story_view = story.get().map(|n| {
            let (name, _, narrative) = stops.with_value(|s| s[n].clone());
            view! {
                <section class="card arrival" aria-labelledby="arrival-title">
                    <h3 id="arrival-title">{i.t(K::FollowArrived)}{i.colon()}{name}</h3>
                    <p>{narrative}</p>
                    <button type="button" class="button" on:click=move |_| story.set(None)>
                        {i.t(K::FollowContinue)}
                    </button>
                </section>
            }
        });
        let next = guide
            .with(Guide::next)
            .filter(|_| story.get().is_none())
            .map(|n| {
                let (name, area, _) = stops.with_value(|s| s[n].clone());
                view! {
                    <p class="next-stop">
                        {i.t(K::FollowNext)}{i.colon()}<strong>{name}</strong>
                        {area.map(|a| format!("{}{a}", i.comma()))}
                    </p>
                    <button type="button" class="button" on:click=move |_| arrive(n)>
                        {i.t(K::FollowAtStop)}
                    </button>
                }
            });
        view! {
            {story_view}
            {next}
        }
    };
    view! {
        <section class="card follow" aria-labelledby="follow-title">
            <h2 id="follow-title">{i.t(K::FollowTitle)}</h2>
            <p class="notice">{i.t(K::FollowByStops)}</p>
            {panel}
        </section>
    }
}
