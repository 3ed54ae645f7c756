//! Recording a route by walking it: start, walk, mark stops on the way, stop. Every fix is
//! stored as it comes (a reload mid-walk loses nothing, and a walk that was recording carries
//! on); pausing stops the GPS. On stop, core cleans and simplifies the track, and the route's
//! line, length and precision come from the walk.

use super::{choice, field, use_survey};
use crate::components::LocationProblem;
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::platform::watch_position::use_watch_position;
use crate::store::survey::{self, MarkedStop, WalkMeta, CHUNK};
use crate::store::Store;
use leptos::prelude::*;
use qiaosi_core::content::{I18n, Pack, Position, Precision, Route, Stop};
use qiaosi_core::geo::path_length_m;
use qiaosi_core::geo::track::{average, clean, line_precision_m, route_line, Fix};
use qiaosi_core::patch::{entry_fingerprint, RoutePatch};
use std::sync::Arc;

/// The last few fixes make a stop's position (the surveyor stands at it when marking it).
const STOP_FIXES: usize = 5;

fn i18n(zh: String, en: String) -> I18n {
    I18n {
        zh: zh.trim().into(),
        en: en.trim().into(),
    }
}

/// The finished route from the walk: the line from the cleaned, simplified track.
fn finish(meta: &WalkMeta, fixes: &[Fix], source: qiaosi_core::content::Source) -> Route {
    let path = route_line(fixes);
    Route {
        id: meta.id.clone(),
        name: meta.name.clone(),
        summary: meta.name.clone(),
        stops: meta
            .stops
            .iter()
            .map(|s| Stop {
                place: s.place.clone(),
                point: s.place.is_none().then_some(s.at),
                name: s.name.clone(),
                area: None,
                narrative: s.narrative.clone(),
            })
            .collect(),
        path: path.iter().map(|p| [p.lat, p.lng]).collect(),
        path_precision: Precision::Approximate {
            radius_m: line_precision_m(fixes).max(1),
        },
        sources: vec![source],
    }
}

#[component]
pub fn SurveyWalk(pack: Arc<Pack>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let survey = use_survey();
    let watch = use_watch_position();
    let (id, name_zh, name_en) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (stop_place, stop_zh, stop_en, story_zh, story_en) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let walk = Memo::new(move |_| survey.data.with(|d| d.walk.clone()));
    // A walk that was recording when the page was left carries on when it is back.
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || !survey.loaded.get() {
            return done.unwrap_or(false);
        }
        if walk.with_untracked(|w| w.as_ref().is_some_and(|(m, _)| !m.paused)) {
            watch.start();
        }
        true
    });
    // Every fix while recording is added and stored at once.
    Effect::new(move |_| {
        let Some(f) = watch.reading.get() else { return };
        let mut saved = None;
        survey.data.update(|d| {
            if let Some((meta, fixes)) = d.walk.as_mut().filter(|(m, _)| !m.paused) {
                fixes.push(f);
                saved = Some((meta.clone(), fixes.clone()));
            }
        });
        if let Some((meta, fixes)) = saved {
            survey.run(async move { survey::save_walk(&Store::open().await, &meta, &fixes).await });
        }
    });
    let store_meta = move || {
        if let Some((meta, fixes)) = survey.data.with_untracked(|d| d.walk.clone()) {
            survey.run(async move { survey::save_walk(&Store::open().await, &meta, &fixes).await });
        }
    };
    let start = move |_| {
        let id = id.get_untracked().trim().to_string();
        if id.is_empty() || name_zh.get_untracked().trim().is_empty() {
            survey.error.set(Some(i.t(K::SurveyNeedsNewName).into()));
            return;
        }
        let meta = WalkMeta {
            id,
            name: i18n(name_zh.get_untracked(), name_en.get_untracked()),
            paused: false,
            stops: vec![],
        };
        survey.data.update(|d| d.walk = Some((meta, vec![])));
        store_meta();
        watch.start();
    };
    let pause = move |paused: bool| {
        survey.data.update(|d| {
            if let Some((m, _)) = d.walk.as_mut() {
                m.paused = paused;
            }
        });
        store_meta();
        if paused {
            watch.stop();
        } else {
            watch.start();
        }
    };
    let pack2 = pack.clone();
    let mark = move |_| {
        let fixes = survey
            .data
            .with_untracked(|d| d.walk.as_ref().map(|(_, f)| f.clone()));
        let recent: Vec<Fix> = fixes
            .unwrap_or_default()
            .into_iter()
            .rev()
            .take(STOP_FIXES)
            .collect();
        let Some(at) = average(&clean(&recent)).or_else(|| average(&recent)) else {
            survey.error.set(Some(i.t(K::MapLocating).into()));
            return;
        };
        let place = Some(stop_place.get_untracked()).filter(|p| pack2.place(p).is_some());
        let name = place
            .is_none()
            .then(|| i18n(stop_zh.get_untracked(), stop_en.get_untracked()));
        if name.as_ref().is_some_and(|n| n.zh.is_empty()) {
            survey.error.set(Some(i.t(K::SurveyNeedsNewName).into()));
            return;
        }
        let stop = MarkedStop {
            place,
            at: Position {
                lat: at.at.lat,
                lng: at.at.lng,
                precision: Precision::Approximate {
                    radius_m: at.radius_m.ceil() as u32,
                },
            },
            name,
            narrative: i18n(story_zh.get_untracked(), story_en.get_untracked()),
        };
        // Stored first, shown second: a reload right after marking keeps the stop.
        let Some((mut meta, fixes)) = survey.data.with_untracked(|d| d.walk.clone()) else {
            return;
        };
        meta.stops.push(stop.clone());
        survey.commit(
            async move { survey::save_walk(&Store::open().await, &meta, &fixes).await },
            move || {
                survey.data.update(|d| {
                    if let Some((m, _)) = d.walk.as_mut() {
                        m.stops.push(stop);
                    }
                });
                // A fix stored meanwhile carried the stops without this one: store them again.
                store_meta();
            },
        );
        for s in [stop_zh, stop_en, story_zh, story_en] {
            s.set(String::new());
        }
    };
    let pack3 = pack.clone();
    let stop = move |_| {
        let Some(source) = survey.source(i) else {
            return;
        };
        let Some((meta, fixes)) = survey.data.with_untracked(|d| d.walk.clone()) else {
            return;
        };
        watch.stop();
        let route = finish(&meta, &fixes, source);
        let patch = RoutePatch {
            was: pack3.route(&route.id).map(entry_fingerprint),
            route,
            note: None,
        };
        let chunks = fixes.len().div_ceil(CHUNK);
        survey.data.update(|d| {
            d.walk = None;
            d.routes.retain(|r| r.route.id != patch.route.id);
            d.routes.push(patch.clone());
        });
        survey.run(async move { survey::finish_walk(&Store::open().await, &patch, chunks).await });
    };
    let mut places = vec![(String::new(), i.t(K::SurveyNewPoint).to_string())];
    places.extend(
        pack.places
            .iter()
            .map(|p| (p.id.clone(), p.name.get(en).to_string())),
    );
    let recording = move || {
        let (meta, fixes) = walk.get()?;
        let cleaned: Vec<_> = clean(&fixes).iter().map(|f| f.at).collect();
        let walked = path_length_m(&cleaned).round() as u32;
        Some(view! {
            <p class="walk-progress" role="status">
                <strong>{meta.name.get(en).to_string()}</strong>
                " · "
                {i.t(K::FollowDone)}
                " "
                {format_distance(walked, en)}
                " · "
                {fixes.len()}
                " "
                {i.t(K::SurveyFixes)}
                " · "
                {meta.stops.len()}
                " "
                {i.t(K::Stops)}
                {meta.paused.then(|| format!(" · {}", i.t(K::SurveyPaused)))}
            </p>
            {if meta.paused {
                view! {
                    <button type="button" class="button resume" on:click=move |_| pause(false)>
                        {i.t(K::SurveyResume)}
                    </button>
                }
                    .into_any()
            } else {
                view! {
                    <button
                        type="button"
                        class="button secondary pause"
                        on:click=move |_| pause(true)
                    >
                        {i.t(K::SurveyPause)}
                    </button>
                }
                    .into_any()
            }}
        })
    };
    view! {
        <section class="card survey-walk" aria-labelledby="survey-walk">
            <h2 id="survey-walk">{i.t(K::SurveyWalkTitle)}</h2>
            <div hidden=move || {
                walk.with(Option::is_some)
            }>
                {field(K::SurveyRouteId, "route-id", "text", id)}
                {field(K::SurveyNameZh, "route-zh", "text", name_zh)}
                {field(K::SurveyNameEn, "route-en", "text", name_en)}
                <button type="button" class="button start-walk" on:click=start>
                    {i.t(K::SurveyStartWalk)}
                </button>
            </div>
            <div hidden=move || {
                walk.with(Option::is_none)
            }>
                {recording} <fieldset class="mark-stop">
                    <legend>{i.t(K::SurveyMarkStop)}</legend>
                    {choice(K::SurveyWhichPlace, "stop-place", places, stop_place)}
                    {field(K::SurveyNameZh, "stop-zh", "text", stop_zh)}
                    {field(K::SurveyNameEn, "stop-en", "text", stop_en)}
                    {field(K::SurveyStoryZh, "story-zh", "textarea", story_zh)}
                    {field(K::SurveyStoryEn, "story-en", "textarea", story_en)}
                    <button type="button" class="button secondary mark" on:click=mark>
                        {i.t(K::SurveyMarkHere)}
                    </button>
                </fieldset> <button type="button" class="button stop-walk" on:click=stop>
                    {i.t(K::SurveyStopWalk)}
                </button>
            </div>
            <LocationProblem error=watch.error />
        </section>
    }
}
