//! The page's side of the web worker (crates/worker), which checks check-in signatures so that
//! the signature code is not in the first load. Started on first use; requests carry an id and
//! are answered in any order.

use js_sys::{Function, Promise, Reflect, JSON};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Written by Trunk next to the app (not hashed: a worker's name is fixed at run time).
const LOADER: &str = "/qiaosi-worker_loader.js";

thread_local! {
    static WORKER: RefCell<Option<(web_sys::Worker, Promise)>> = const { RefCell::new(None) };
    static READY: RefCell<Option<Function>> = const { RefCell::new(None) };
    static PENDING: RefCell<Vec<(f64, Function)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<f64> = const { Cell::new(1.0) };
}

fn on_message(ev: web_sys::MessageEvent) {
    let text = ev.data().as_string().unwrap_or_default();
    let Ok(msg) = JSON::parse(&text) else { return };
    if Reflect::get(&msg, &"ready".into())
        .ok()
        .and_then(|v| v.as_bool())
        == Some(true)
    {
        if let Some(f) = READY.with(|r| r.borrow_mut().take()) {
            let _ = f.call0(&JsValue::NULL);
        }
        return;
    }
    let id = Reflect::get(&msg, &"id".into())
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let resolve = PENDING.with(|p| {
        let mut p = p.borrow_mut();
        p.iter()
            .position(|(i, _)| *i == id)
            .map(|ix| p.remove(ix).1)
    });
    if let Some(f) = resolve {
        let _ = f.call1(&JsValue::NULL, &msg);
    }
}

/// The worker and a promise that settles once it can take requests (messages sent while its
/// wasm is still starting would be lost).
fn worker() -> Option<(web_sys::Worker, Promise)> {
    WORKER.with(|w| {
        if let Some(pair) = w.borrow().as_ref() {
            return Some(pair.clone());
        }
        let worker = web_sys::Worker::new(LOADER).ok()?;
        let cb = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
        worker.set_onmessage(Some(cb.as_ref().unchecked_ref()));
        cb.forget();
        let ready = Promise::new(&mut |resolve, _| READY.with(|r| *r.borrow_mut() = Some(resolve)));
        *w.borrow_mut() = Some((worker.clone(), ready.clone()));
        Some((worker, ready))
    })
}

/// Sends `{"id": n, <fields>}` (fields: JSON object members, without braces) and returns the
/// answer as a JS object; `None` if no worker could be started.
pub async fn call(fields: &str) -> Option<JsValue> {
    let (worker, ready) = worker()?;
    JsFuture::from(ready).await.ok()?;
    let id = NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1.0);
        id
    });
    let answer =
        Promise::new(&mut |resolve, _| PENDING.with(|p| p.borrow_mut().push((id, resolve))));
    worker
        .post_message(&JsValue::from_str(&format!(
            "{{\"id\":{},{fields}}}",
            id as u32
        )))
        .ok()?;
    JsFuture::from(answer).await.ok()
}

/// A Rust string as a JSON string literal.
pub fn json_string(s: &str) -> String {
    JSON::stringify(&JsValue::from_str(s))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "\"\"".into())
}
