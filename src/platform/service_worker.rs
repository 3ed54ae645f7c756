//! The service worker: registration, and the "new version — reload" offer.
//!
//! Release builds register `/sw.js`, which serves one build's app shell offline. A new deploy
//! installs in the background and waits; the page offers a reload, and only when the user
//! accepts does the new worker take over (then the page reloads, so html and wasm always come
//! from the same build). Debug builds (`trunk serve`) unregister any worker left from a release
//! build on the same origin, so development is never haunted by a stale cached app.

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

#[derive(Clone, Copy)]
pub struct ServiceWorker {
    /// False where the browser has no service worker (some in-app browsers): no offline use.
    pub supported: bool,
    /// A new version is installed and waiting for the user's go-ahead.
    pub update_ready: RwSignal<bool>,
}

fn container() -> Option<ServiceWorkerContainer> {
    let c = web_sys::window()?.navigator().service_worker();
    // Some in-app browsers expose no service worker; the getter then returns undefined.
    (!c.is_undefined()).then_some(c)
}

/// A listener for as long as the page lives.
fn listen(target: &web_sys::EventTarget, event: &'static str, f: impl Fn() + 'static) {
    gloo_events::EventListener::new(target, event, move |_| f()).forget();
}

pub fn provide_service_worker() {
    let sw = ServiceWorker {
        supported: container().is_some(),
        update_ready: RwSignal::new(false),
    };
    provide_context(sw);
    let Some(c) = container() else { return };
    if cfg!(debug_assertions) {
        leptos::task::spawn_local(async move {
            if let Ok(list) = JsFuture::from(c.get_registrations()).await {
                for reg in js_sys::Array::from(&list).iter() {
                    let _ = reg
                        .unchecked_into::<ServiceWorkerRegistration>()
                        .unregister();
                }
            }
        });
        return;
    }
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.register("/sw.js")).await else {
            return;
        };
        let reg: ServiceWorkerRegistration = reg.unchecked_into();
        let has_controller = move || container().and_then(|c| c.controller()).is_some();
        // An update may already be waiting from an earlier visit.
        if reg.waiting().is_some() && has_controller() {
            sw.update_ready.set(true);
        }
        let watch = move |worker: web_sys::ServiceWorker| {
            let w = worker.clone();
            listen(&worker, "statechange", move || {
                // With no controller this is the first install, not an update.
                if w.state() == ServiceWorkerState::Installed && has_controller() {
                    sw.update_ready.set(true);
                }
            });
        };
        // An update may be installing already, its `updatefound` fired before we listened.
        if let Some(w) = reg.installing() {
            watch(w);
        }
        let r = reg.clone();
        listen(&reg, "updatefound", move || {
            if let Some(w) = r.installing() {
                watch(w);
            }
        });
    });
}

/// Lets the waiting worker take over, then reloads into the new build (once, however the
/// switch is noticed).
pub fn apply_update() {
    let Some(c) = container() else { return };
    let reload_once = Rc::new(Cell::new(false));
    let reload = move || {
        if !reload_once.replace(true) {
            let _ = window().location().reload();
        }
    };
    let on_change = reload.clone();
    listen(&c, "controllerchange", on_change);
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(c.get_registration()).await else {
            return;
        };
        match reg.unchecked_into::<ServiceWorkerRegistration>().waiting() {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
            }
            // Another tab already let the new build take over: just reload into it.
            None => reload(),
        }
    });
}

pub fn use_service_worker() -> ServiceWorker {
    expect_context::<ServiceWorker>()
}
