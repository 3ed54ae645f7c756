//! The QR decoder worker (see `qiaosi_guide::qr_decode`): receives `{w, h, luma}` pictures
//! from the scanner (src/components/scanner.rs) and answers each with the text read, or null.
//! Built by Trunk as a worker with a loader shim (`/scanner_loader.js`).

use wasm_bindgen::prelude::*;

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    // The worker lives as long as the scanner that started it, and so does this listener.
    gloo_events::EventListener::new(&scope, "message", move |ev| {
        let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = ev.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
        let w = get("w").and_then(|v| v.as_f64()).unwrap_or(0.0) as usize;
        let h = get("h").and_then(|v| v.as_f64()).unwrap_or(0.0) as usize;
        let luma = get("luma")
            .map(|v| js_sys::Uint8Array::new(&v).to_vec())
            .unwrap_or_default();
        let text = qiaosi_guide::qr_decode::decode_luma(w, h, &luma);
        let _ = reply_to.post_message(&text.map_or(JsValue::NULL, |t| t.into()));
    })
    .forget();
    // Messages sent before the handler was set would be lost: the scanner waits for this.
    let _ = scope.post_message(&"ready".into());
}
