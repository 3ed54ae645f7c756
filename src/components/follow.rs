//! The route page's map, GPX download and follow mode. Follow mode watches the position
//! (only after the user starts it, and never after they stop it), and shows progress, the
//! next stop with distance and direction, each stop's story once on arrival, and an off-route
//! warning; all decided by core's `Walk`. Progress is kept in localStorage, so a reload in the
//! middle of a walk carries on where it was.

use crate::components::map::pins::pins;
use crate::components::map::MapView;
use crate::components::schedule::data_url;
use crate::components::LocationProblem;
use crate::format::{direction, format_distance};
use crate::i18n::{use_i18n, Lang, K};
use crate::platform::geolocation::GeoError;
use crate::platform::watch_position::use_watch_position;
use crate::store::local::SavedWalk;
use leptos::prelude::*;
use qiaosi_core::content::{Pack, Position, Precision, Route};
use qiaosi_core::geo::path_until;
use qiaosi_core::geo::walk::{Step, Walk};
use std::sync::Arc;

/// "已走 1.2 公里 · 还剩 800 米" / "1.2 km walked · 800 m to go".
fn progress_line(lang: Lang, done_m: u32, left_m: u32) -> String {
    let en = lang.is_en();
    let (done, left) = (format_distance(done_m, en), format_distance(left_m, en));
    let (d, l) = (K::FollowDone.text(lang), K::FollowLeft.text(lang));
    if en {
        format!("{done} {d} · {left} {l}")
    } else {
        format!("{d} {done} · {l} {left}")
    }
}

/// A stop's position and display name.
fn stop_info(pack: &Pack, r: &Route, en: bool) -> Vec<(Position, String)> {
    r.stops
        .iter()
        .filter_map(|s| {
            let place = s.place.as_deref().and_then(|id| pack.place(id));
            let at = match place {
                Some(p) => p.position?,
                None => s.point?,
            };
            let name = place
                .map(|p| p.name.get(en).to_string())
                .or_else(|| s.name.as_ref().map(|n| n.get(en).to_string()))
                .unwrap_or_default();
            Some((at, name))
        })
        .collect()
}

/// Marks a saved walk as no longer following (its progress is kept).
fn pause_saved(route: &str) {
    if let Some(w) = SavedWalk::load(route).filter(|w| w.following) {
        SavedWalk {
            following: false,
            ..w
        }
        .store(route);
    }
}

#[component]
pub fn Follow(pack: Arc<Pack>, route: Route) -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let en = i.en();
    let stops = stop_info(&pack, &route, en);
    let mut stop_pins = pins(stops.iter().enumerate().map(|(n, (at, name))| {
        (
            *at,
            format!("{}. {name}", n + 1),
            None,
            "heritage".to_string(),
        )
    }));
    // Stops are numbered on the map as in the list below it.
    for p in &mut stop_pins {
        let first = p.items[0]
            .0
            .split('.')
            .next()
            .unwrap_or_default()
            .to_string();
        p.badge = Some(first);
    }
    let path = route.path_points();
    let warn_m = route.off_route_warn_m();
    let watch = use_watch_position();
    // The walk is saved under the route's id (store::local::SavedWalk).
    let key = route.id.clone();
    let new_walk = {
        let (path, stops) = (path.clone(), stops.clone());
        move || {
            Walk::with_warning_at(
                path.clone(),
                &stops.iter().map(|(p, _)| p.lat_lng()).collect::<Vec<_>>(),
                warn_m,
            )
        }
    };
    let walk = StoredValue::new(new_walk());
    let step = RwSignal::new(None::<Step>);
    // Stories of stops just reached, each shown once, in order (two can arrive on one fix).
    let stories = RwSignal::new(Vec::<usize>::new());
    if let Some(saved) = SavedWalk::load(&key) {
        walk.update_value(|w| w.restore(&saved.progress));
        step.set(Some(walk.with_value(Walk::current)));
        // Still following when the page was reloaded mid-walk: carry on.
        if saved.following {
            watch.start();
        }
    }
    // Leaving the page ends follow mode (a reload does not run this, so it resumes): coming
    // back to the route another day must not turn the GPS on without a tap.
    {
        let key = key.clone();
        on_cleanup(move || pause_saved(&key));
    }
    let save = {
        let key = key.clone();
        move |following: bool| {
            let progress = walk.with_value(Walk::save);
            SavedWalk {
                following,
                progress,
            }
            .store(&key);
        }
    };
    // Location refused stops follow mode: a reload must not start the watch again untapped.
    {
        let key = key.clone();
        Effect::new(move |_| {
            if watch.error.get() == Some(GeoError::Denied) {
                pause_saved(&key);
            }
        });
    }
    let save2 = save.clone();
    // A phone standing still sends no new fixes: the last one is looked at again every few
    // seconds, so that staying off the path still raises the warning after 20 s.
    let tick = RwSignal::new(0u32);
    // Owned by the view: dropped, and so stopped, when the page goes.
    StoredValue::new_local(gloo_timers::callback::Interval::new(5_000, move || {
        if watch.watching.get_untracked() {
            tick.update(|t| *t = t.wrapping_add(1));
        }
    }));
    Effect::new(move |_| {
        tick.track();
        let Some(at) = watch.fix.get() else { return };
        let s = walk.try_update_value(|w| w.update(at, js_sys::Date::now() / 1000.0));
        if let Some(s) = s {
            if !s.arrived.is_empty() {
                stories.update(|q| q.extend(&s.arrived));
            }
            step.set(Some(s));
            save2(true);
        }
    });
    let stop_following = move |_| {
        watch.stop();
        save(false);
    };
    let restart = {
        let key = key.clone();
        move |_| {
            // Progress is hard to walk again: ask first.
            let sure = window()
                .confirm_with_message(x(K::FollowRestartConfirm))
                .unwrap_or(false);
            if !sure {
                return;
            }
            walk.set_value(new_walk());
            step.set(Some(walk.with_value(Walk::current)));
            stories.set(vec![]);
            crate::store::local::remove(&SavedWalk::key(&key));
        }
    };
    let names: Vec<String> = stops.iter().map(|(_, n)| n.clone()).collect();
    let narratives: Vec<String> = route
        .stops
        .iter()
        .map(|s| s.narrative.get(en).to_string())
        .collect();
    let names2 = names.clone();
    // No distance or direction to a stop that is only an area.
    let located: Vec<bool> = stops.iter().map(|(p, _)| p.is_located()).collect();
    let panel =
        move || {
            let s = step.get();
            let pct = s
                .as_ref()
                .map_or(0, |s| (s.fraction * 100.0).round() as u32);
            let done = s.as_ref().map_or(0, |s| s.along_m.round() as u32);
            let left = s.as_ref().map_or(0, |s| s.remaining_m.round() as u32);
            let next = s.as_ref().and_then(|s| s.next).map(|(n, d, b)| view! {
                <p class="next-stop">
                    {x(K::FollowNext)}{i.colon()}
                    <strong>{names2.get(n).cloned().unwrap_or_default()}</strong>
                    {located
                        .get(n)
                        .copied()
                        .unwrap_or(false)
                        .then(|| {
                            view! {
                                " · "
                                {format_distance(d.round() as u32, en)}
                                " "
                                <span class="dir">
                                    {x(K::FollowToward)}{direction(b, en)}
                                    <span
                                        class="arrow"
                                        aria-hidden="true"
                                        style:transform=format!("rotate({}deg)", b.round() as i32)
                                    >
                                        "↑"
                                    </span>
                                </span>
                            }
                        })}
                </p>
            });
            let off = s.as_ref().is_some_and(|s| s.off_route);
            view! {
                <div class="follow-panel">
                    <p class="follow-progress">
                        <strong>{pct}"%"</strong>
                        " · "
                        {progress_line(i.lang.get_untracked(), done, left)}
                    </p>
                    <progress max="100" value=pct></progress>
                    {next}
                    {off
                        .then(|| {
                            view! {
                                <p class="notice warn off-route" role="alert">
                                    {x(K::FollowOffRoute)}
                                </p>
                            }
                        })}
                </div>
            }
        };
    let story_view = move || {
        let n = *stories.get().first()?;
        Some(view! {
            <section class="card arrival" role="dialog" aria-labelledby="arrival-title">
                <h3 id="arrival-title">
                    {x(K::FollowArrived)}{i.colon()}{names.get(n).cloned().unwrap_or_default()}
                </h3>
                <p>{narratives.get(n).cloned().unwrap_or_default()}</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        stories
                            .update(|q| {
                                q.remove(0);
                            })
                    }
                >
                    {x(K::FollowContinue)}
                </button>
            </section>
        })
    };
    let me = Signal::derive(move || watch.fix.get());
    // The walked part drawn solid, and reached stops ticked off on the map.
    let walked_path = path.clone();
    let walked = Signal::derive(move || {
        step.get()
            .map(|s| path_until(&walked_path, s.along_m))
            .unwrap_or_default()
    });
    let stop_pins = Signal::derive(move || {
        step.track();
        let mut pins = stop_pins.clone();
        for p in &mut pins {
            let n: usize = p.badge.as_deref().and_then(|b| b.parse().ok()).unwrap_or(0);
            if n > 0 && walk.with_value(|w| w.reached(n - 1)) {
                p.badge = Some("✓".into());
            }
        }
        pins
    });
    let gpx = qiaosi_core::gpx::route_gpx(&route, &pack, en);
    // Follow mode first, then the map right under it: a walker sees the warning, the next stop
    // and the map together.
    view! {
        <section class="card follow" aria-labelledby="follow-title">
            <h2 id="follow-title">{x(K::FollowTitle)}</h2>
            {move || {
                if watch.watching.get() {
                    view! {
                        <button type="button" class="button" on:click=stop_following.clone()>
                            {x(K::FollowStop)}
                        </button>
                    }
                        .into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| watch.start()>
                            {x(K::FollowStart)}
                        </button>
                    }
                        .into_any()
                }
            }}
            {move || match (step.get().is_some(), watch.watching.get()) {
                (true, _) => Some(panel.clone()().into_any()),
                (false, true) => {
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
            <LocationProblem error=watch.error then=K::FollowStillReadable />
            {story_view}
            <button
                type="button"
                class="button secondary"
                hidden=move || step.get().is_none()
                on:click=restart
            >
                {x(K::FollowRestart)}
            </button>
            <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
        </section>
        <MapView
            pack=pack.clone()
            pins=stop_pins
            paths=vec![path]
            me
            walked
            label=route.name.get(en).to_string()
        />
        {(route.path_precision != Precision::Exact)
            .then(|| view! { <p class="notice">{x(K::PathApproximate)}</p> })}
        <div class="route-actions">
            <a
                class="button secondary gpx"
                href=data_url("application/gpx+xml", &gpx)
                download=format!("{}.gpx", route.id)
            >
                {x(K::GpxDownload)}
            </a>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::progress_line;
    use crate::i18n::Lang;

    #[test]
    fn progress_reads_label_first_in_chinese() {
        assert_eq!(
            progress_line(Lang::Zh, 1200, 800),
            "已走 1.2 公里 · 还剩 800 米"
        );
        assert_eq!(
            progress_line(Lang::En, 1200, 800),
            "1.2 km walked · 800 m to go"
        );
    }
}
