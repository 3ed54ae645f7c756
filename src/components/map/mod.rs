//! The map: tiles from the pack's tile source, with places, routes and the user's position
//! drawn in the tiles' datum (converted in core when the source is GCJ-02). Written in Rust on
//! the page's own elements rather than Leaflet: see docs/map.md for the measured comparison.
//!
//! With no tiles (offline and never seen, or the source unreachable) everything but the tiles
//! still draws, on a plain background. Tiles seen before come from the service worker's capped
//! tile cache. Approximate positions are drawn as areas, never as exact pins.

pub mod gestures;
pub mod pins;
mod sheet;

use sheet::places_here;

use gestures::{Gestures, View};

use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use pins::{cluster, cluster_badge, Pin, PIN_PX};
use qiaosi_core::content::{Pack, Precision};
use qiaosi_core::geo::mercator::{self, fit, px_per_metre, tile_url, tiles_in_view};
use qiaosi_core::geo::LatLng;
use std::sync::Arc;

/// Whole pixels as text: integer formatting keeps float printing out of the wasm.
fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}

/// The map. `paths` are the routes to draw (WGS-84); `me` the user's position when known.
#[component]
pub fn MapView(
    pack: Arc<Pack>,
    pins: Signal<Vec<Pin>>,
    paths: Vec<Vec<LatLng>>,
    #[prop(optional)] me: Option<Signal<Option<LatLng>>>,
    /// The part of the route already walked, drawn solid over the route (follow mode).
    #[prop(optional)]
    walked: Option<Signal<Vec<LatLng>>>,
    /// Where the map was left (centre and zoom), to show again when the page comes back.
    #[prop(optional)]
    remember: Option<RwSignal<Option<(f64, f64, f64)>>>,
    label: String,
) -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let src = pack.meta.tiles.clone();
    let datum = src.datum;
    let max_zoom = f64::from(src.max_zoom);
    let to_world = move |p: LatLng| mercator::world(mercator::in_tile_datum(p, datum));
    let paths_w: Vec<Vec<(f64, f64)>> = paths
        .iter()
        .map(|p| p.iter().map(|&q| to_world(q)).collect())
        .collect();
    let view = RwSignal::new(None::<View>);
    // The view that shows everything, to come back to from anywhere.
    let fitted = RwSignal::new(None::<(f64, f64, f64)>);
    let host = NodeRef::<leptos::html::Div>::new();
    // The pins of the marker tapped, kept as they were: changing the filter later must not
    // turn the open card into another place's.
    let selected = RwSignal::new(None::<Vec<Pin>>);
    // Fit everything once the element has a size.
    let fit_points: Vec<(f64, f64)> = pins
        .get_untracked()
        .iter()
        .map(|p| to_world(p.at.lat_lng()))
        .chain(paths_w.iter().flatten().copied())
        .collect();
    let measure = move || {
        let Some(el) = host.get_untracked() else {
            return;
        };
        let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
        view.update(|v| match v {
            Some(v) => (v.w, v.h) = (w, h),
            None => {
                let ((fx, fy), fz) = fit(&fit_points, w, h, 40.0, 16.0);
                fitted.set(Some((fx, fy, fz)));
                let (cx, cy, zoom) = remember
                    .and_then(|r| r.get_untracked())
                    .unwrap_or((fx, fy, fz));
                *v = Some(View { cx, cy, zoom, w, h });
            }
        });
    };
    if let Some(r) = remember {
        Effect::new(move |_| {
            if let Some(v) = view.get() {
                r.set(Some((v.cx, v.cy, v.zoom)));
            }
        });
    }
    // The map never moves to the user's position by itself: tiles around it would then be
    // fetched from the tile server, telling it where the user is. When the position is outside
    // the view, a button offers to go there; only the user's tap moves the map.
    let me = me.unwrap_or_else(|| Signal::stored(None));
    let me_outside = move || {
        let (v, p) = (view.get()?, me.get()?);
        let (a, b) = v.screen(to_world(p));
        (a < 0.0 || b < 0.0 || a > v.w || b > v.h).then_some(p)
    };
    let show_me = move |_| {
        if let Some(p) = me.get_untracked() {
            let (cx, cy) = to_world(p);
            view.update(|v| {
                if let Some(v) = v {
                    (v.cx, v.cy) = (cx, cy);
                    v.zoom = v.zoom.max(15.0).min(max_zoom);
                }
            });
        }
    };
    let measure2 = measure.clone();
    Effect::new(move |_| measure2());
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Gestures: one finger pans, two pinch-zoom about their midpoint, the wheel zooms at the
    // pointer, a double tap zooms in. A press that hardly moves stays a tap (on a marker).
    let gestures = StoredValue::new(Gestures::default());
    let local = move |ev: &web_sys::MouseEvent| {
        let r = host.get_untracked().map(|h| h.get_bounding_client_rect());
        r.map_or((0.0, 0.0), |r| {
            (
                f64::from(ev.client_x()) - r.left(),
                f64::from(ev.client_y()) - r.top(),
            )
        })
    };
    let down = move |ev: web_sys::PointerEvent| {
        gestures.update_value(|g| g.down(ev.pointer_id(), local(&ev)));
    };
    let moved = move |ev: web_sys::PointerEvent| {
        let at = local(&ev);
        let Some((change, started)) = gestures.try_update_value(|g| g.moved(ev.pointer_id(), at))
        else {
            return;
        };
        if started {
            if let Some(h) = host.get_untracked() {
                let _ = h.set_pointer_capture(ev.pointer_id());
            }
        }
        if change != gestures::Change::None {
            view.update(|v| {
                if let Some(v) = v {
                    change.apply(v, max_zoom)
                }
            });
        }
    };
    let up = move |ev: web_sys::PointerEvent| {
        gestures.update_value(|g| g.up(ev.pointer_id()));
    };
    let wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let (sx, sy) = local(&ev);
        view.update(|v| {
            if let Some(v) = v {
                v.zoom_at(-ev.delta_y() / 300.0, sx, sy, max_zoom)
            }
        });
    };
    let dbl = move |ev: web_sys::MouseEvent| {
        let (sx, sy) = local(&ev);
        view.update(|v| {
            if let Some(v) = v {
                v.zoom_at(1.0, sx, sy, max_zoom)
            }
        });
    };
    let zoom_by = move |dz: f64| {
        view.update(|v| {
            if let Some(v) = v {
                v.zoom_at(dz, v.w / 2.0, v.h / 2.0, max_zoom)
            }
        })
    };

    let template = src.url.clone();
    let tiles = Memo::new(move |_| {
        let Some(v) = view.get() else { return vec![] };
        let z = v.zoom.round().clamp(0.0, max_zoom) as u8;
        tiles_in_view((v.cx, v.cy), v.zoom, z, v.w, v.h)
            .into_iter()
            .map(|(tx, ty)| (z, tx, ty))
            .collect::<Vec<_>>()
    });
    let tile = move |(z, tx, ty): (u8, u32, u32)| {
        // Shown once loaded: a tile that fails (offline, never seen) leaves the plain
        // background rather than a broken-image box.
        let loaded = RwSignal::new(false);
        let n = 2f64.powi(i32::from(z));
        // Each is set as a CSS property (not a `style` attribute, which the CSP forbids).
        let at = move |f: fn(&View, f64, f64, f64) -> f64| {
            move || {
                let v = view.get()?;
                let (sx, sy) = v.screen((f64::from(tx) / n, f64::from(ty) / n));
                Some(px(f(&v, sx, sy, v.world_px() / n)))
            }
        };
        view! {
            <img
                class="tile"
                alt=""
                draggable="false"
                crossorigin="anonymous"
                data-tile=format!("{z}/{tx}/{ty}")
                src=tile_url(&template, z, tx, ty)
                style:left=at(|_, x, _, _| x)
                style:top=at(|_, _, y, _| y)
                style:width=at(|_, _, _, size| size.ceil() + 1.0)
                style:height=at(|_, _, _, size| size.ceil() + 1.0)
                style:visibility=move || if loaded.get() { "visible" } else { "hidden" }
                on:load=move |_| loaded.set(true)
            />
        }
    };
    let points = move |v: &View, p: &[(f64, f64)]| {
        p.iter()
            .map(|&q| {
                let (a, b) = v.screen(q);
                format!("{},{}", a.round() as i64, b.round() as i64)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let walked = walked.unwrap_or_else(|| Signal::stored(vec![]));
    let overlay = move || {
        let v = view.get()?;
        let lines = paths_w
            .iter()
            .map(|p| view! { <polyline class="route-line" points=points(&v, p) /> })
            .collect_view();
        let done: Vec<(f64, f64)> = walked.get().into_iter().map(to_world).collect();
        let done = (done.len() > 1)
            .then(|| view! { <polyline class="walked-line" points=points(&v, &done) /> });
        let areas = pins.get().into_iter().filter_map(|p| match p.at.precision {
            Precision::Approximate { radius_m } => {
                let (a, b) = v.screen(to_world(p.at.lat_lng()));
                let r = f64::from(radius_m) * px_per_metre(p.at.lat, v.zoom);
                Some(view! { <circle class="approx-area" cx=a.round() as i64 cy=b.round() as i64 r=r.round() as i64 /> })
            }
            Precision::Exact => None,
        }).collect_view();
        let me_dot = me.get().map(|p| {
            let (a, b) = v.screen(to_world(p));
            view! { <circle class="me" cx=a.round() as i64 cy=b.round() as i64 r="9" /> }
        });
        Some(view! {
            <svg class="map-overlay" aria-hidden="true">
                {areas}
                {lines}
                {done}
                {me_dot}
            </svg>
        })
    };
    let markers = move || {
        let v = view.get()?;
        let pins = pins.get();
        let at: Vec<(f64, f64)> = pins
            .iter()
            .map(|p| v.screen(to_world(p.at.lat_lng())))
            .collect();
        Some(
            cluster(&at, PIN_PX)
                .into_iter()
                .map(|group| {
                    let members: Vec<Pin> = group.iter().map(|&k| pins[k].clone()).collect();
                    let (a, b) = at[group[0]];
                    let names = members
                        .iter()
                        .flat_map(|p| p.items.iter().map(|it| it.0.as_str()))
                        .collect::<Vec<_>>()
                        .join("、");
                    let count: usize = members.iter().map(|p| p.items.len()).sum();
                    let badge = cluster_badge(&members, count);
                    // One colour only when all its places share a category.
                    let cat = members[0].items[0].2.clone();
                    let same = members.iter().flat_map(|p| &p.items).all(|it| it.2 == cat);
                    let cat = if same { cat } else { "mixed".to_string() };
                    view! {
                        <button
                            type="button"
                            class=format!("pin cat-{cat}")
                            style:left=px(a)
                            style:top=px(b)
                            aria-label=names
                            on:click=move |_| selected.set(Some(members.clone()))
                        >
                            {badge}
                        </button>
                    }
                })
                .collect_view(),
        )
    };
    let sheet = move || selected.get().map(|group| places_here(group, selected));
    view! {
        <div
            class="map"
            node_ref=host
            role="application"
            aria-label=label
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=up
            on:pointercancel=up
            on:wheel=wheel
            on:dblclick=dbl
        >
            <div class="tiles">
                <For each=move || tiles.get() key=|t| *t children=tile />
            </div>
            {overlay}
            {markers}
            // Quick taps on +/− must not also count as a double tap on the map.
            <div class="map-zoom" on:dblclick=|ev| ev.stop_propagation()>
                <button
                    type="button"
                    aria-label=move || x(K::MapZoomIn)
                    on:click=move |_| zoom_by(1.0)
                >
                    "+"
                </button>
                <button
                    type="button"
                    aria-label=move || x(K::MapZoomOut)
                    on:click=move |_| zoom_by(-1.0)
                >
                    "−"
                </button>
                <button
                    type="button"
                    class="map-all"
                    aria-label=move || x(K::MapShowAll)
                    on:click=move |_| {
                        if let Some((cx, cy, zoom)) = fitted.get_untracked() {
                            view.update(|v| {
                                if let Some(v) = v {
                                    (v.cx, v.cy, v.zoom) = (cx, cy, zoom);
                                }
                            });
                        }
                    }
                >
                    "⤢"
                </button>
            </div>
            <p class="attribution">{src.attribution.clone()}</p>
            {sheet}
        </div>
        {move || {
            me_outside()
                .map(|_| {
                    view! {
                        <p class="map-me-outside">
                            {x(K::MapMeOutside)}" "
                            <button type="button" class="button secondary" on:click=show_me>
                                {x(K::MapShowMe)}
                            </button>
                        </p>
                    }
                })
        }}
    }
}

/// What `/map` keeps while the app is open: where it was left and its category filter, so
/// Back (or its tab) returns to the same map.
#[derive(Clone, Copy)]
pub struct MapMemory {
    pub view: RwSignal<Option<(f64, f64, f64)>>,
    pub filter: RwSignal<Option<&'static str>>,
}

pub fn provide_map_memory() {
    provide_context(MapMemory {
        view: RwSignal::new(None),
        filter: RwSignal::new(None),
    });
}
