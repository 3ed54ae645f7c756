//! Live position for follow mode (`navigator.geolocation.watchPosition`), started by the
//! user and stopped when they leave follow mode or the page: the GPS is never left running.
//! Fixes stay on the phone.

use super::geolocation::GeoError;
use leptos::prelude::*;
use qiaosi_core::geo::track::Fix;
use qiaosi_core::geo::LatLng;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

type OnFix = Closure<dyn Fn(web_sys::Position)>;
type OnError = Closure<dyn Fn(web_sys::PositionError)>;

thread_local! {
    /// The running watch and its callbacks, dropped when it is cleared.
    static WATCH: RefCell<Option<(i32, OnFix, OnError)>> = const { RefCell::new(None) };
}

/// Clears the running watch, if any: the GPS goes off.
fn clear() {
    if let Some((id, _, _)) = WATCH.with(|w| w.borrow_mut().take()) {
        if let Ok(geo) = window().navigator().geolocation() {
            geo.clear_watch(id);
        }
    }
}

#[derive(Clone, Copy)]
pub struct WatchPosition {
    /// The latest fix.
    pub fix: RwSignal<Option<LatLng>>,
    /// The same fix with the accuracy the phone claims and its time (survey mode needs both).
    pub reading: RwSignal<Option<Fix>>,
    pub error: RwSignal<Option<GeoError>>,
    pub watching: RwSignal<bool>,
}

impl WatchPosition {
    pub fn start(self) {
        self.stop();
        let Some(geo) = window().navigator().geolocation().ok() else {
            self.error.set(Some(GeoError::Unsupported));
            return;
        };
        let (fix, reading, error, watching) = (self.fix, self.reading, self.error, self.watching);
        let ok = OnFix::new(move |p: web_sys::Position| {
            let c = p.coords();
            let at = LatLng::new(c.latitude(), c.longitude());
            error.set(None);
            fix.set(Some(at));
            reading.set(Some(Fix {
                at,
                accuracy_m: c.accuracy(),
                t_s: p.timestamp() / 1000.0,
            }));
        });
        let err = OnError::new(move |e: web_sys::PositionError| {
            let e = match e.code() {
                1 => GeoError::Denied,
                3 => GeoError::Timeout,
                _ => GeoError::Unavailable,
            };
            error.set(Some(e));
            // Refused is final: stop, rather than show a walk that is not being followed.
            if e == GeoError::Denied {
                watching.set(false);
                leptos::task::spawn_local(async { clear() });
            }
        });
        let opts = web_sys::PositionOptions::new();
        // Following a path on foot needs the GPS, unlike "near me".
        opts.set_enable_high_accuracy(true);
        opts.set_maximum_age(5_000);
        // Without a timeout a phone that never gets a fix would say nothing at all.
        opts.set_timeout(30_000);
        let id = geo.watch_position_with_error_callback_and_options(
            ok.as_ref().unchecked_ref(),
            Some(err.as_ref().unchecked_ref()),
            &opts,
        );
        match id {
            Ok(id) => {
                WATCH.with(|w| *w.borrow_mut() = Some((id, ok, err)));
                self.watching.set(true);
            }
            Err(_) => self.error.set(Some(GeoError::Unsupported)),
        }
    }

    pub fn stop(self) {
        clear();
        self.watching.set(false);
    }
}

/// A position watch owned by the calling view: stopped when the view goes away.
pub fn use_watch_position() -> WatchPosition {
    let w = WatchPosition {
        fix: RwSignal::new(None),
        reading: RwSignal::new(None),
        error: RwSignal::new(None),
        watching: RwSignal::new(false),
    };
    on_cleanup(clear);
    w
}
