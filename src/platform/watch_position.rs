//! Live position for follow mode (`navigator.geolocation.watchPosition`), started by the
//! user and stopped when they leave follow mode or the page: the GPS is never left running.
//! Fixes stay on the phone.

use super::geolocation::GeoError;
use leptos::prelude::*;
use qiaosi_core::geo::LatLng;
use std::cell::Cell;
use wasm_bindgen::prelude::*;

thread_local! {
    static WATCH: Cell<Option<i32>> = const { Cell::new(None) };
}

#[derive(Clone, Copy)]
pub struct WatchPosition {
    /// The latest fix.
    pub fix: RwSignal<Option<LatLng>>,
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
        let (fix, error) = (self.fix, self.error);
        let ok = Closure::<dyn Fn(web_sys::Position)>::new(move |p: web_sys::Position| {
            let c = p.coords();
            error.set(None);
            fix.set(Some(LatLng::new(c.latitude(), c.longitude())));
        });
        let err =
            Closure::<dyn Fn(web_sys::PositionError)>::new(move |e: web_sys::PositionError| {
                error.set(Some(match e.code() {
                    1 => GeoError::Denied,
                    3 => GeoError::Timeout,
                    _ => GeoError::Unavailable,
                }));
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
        // The callbacks live until the page is closed; stopping clears the watch itself.
        ok.forget();
        err.forget();
        match id {
            Ok(id) => {
                WATCH.set(Some(id));
                self.watching.set(true);
            }
            Err(_) => self.error.set(Some(GeoError::Unsupported)),
        }
    }

    pub fn stop(self) {
        if let Some(id) = WATCH.take() {
            if let Ok(geo) = window().navigator().geolocation() {
                geo.clear_watch(id);
            }
        }
        self.watching.set(false);
    }
}

/// A position watch owned by the calling view: stopped when the view goes away.
pub fn use_watch_position() -> WatchPosition {
    let w = WatchPosition {
        fix: RwSignal::new(None),
        error: RwSignal::new(None),
        watching: RwSignal::new(false),
    };
    on_cleanup(move || {
        if let Some(id) = WATCH.take() {
            if let Ok(geo) = window().navigator().geolocation() {
                geo.clear_watch(id);
            }
        }
    });
    w
}
