//! Service worker registration.
//!
//! Release builds register `/sw.js`, which serves the app shell offline. Debug builds
//! (`trunk serve`) unregister any worker left from an earlier release build on the same
//! origin, so development is never haunted by a stale cached app.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn setup() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    // Some in-app browsers expose no service worker; `service_worker()` then returns undefined.
    if container.is_undefined() {
        return;
    }
    if cfg!(debug_assertions) {
        leptos::task::spawn_local(async move {
            if let Ok(list) = JsFuture::from(container.get_registrations()).await {
                for reg in js_sys::Array::from(&list).iter() {
                    let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
                    let _ = reg.unregister();
                }
            }
        });
    } else {
        let _ = container.register("/sw.js");
    }
}
