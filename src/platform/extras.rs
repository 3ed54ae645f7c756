//! Loading the extras bundle (src/bin/extras.rs) on the pages that need it: a classic script
//! plus its wasm, fetched the first time and kept for the visit (the service worker has them
//! for offline use like every other file of the build).

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Trunk's names for the bundle (not hashed: see index.html).
const SCRIPT: &str = "/extras.js";
const WASM: &str = "/extras_bg.wasm";

thread_local! {
    /// The bundle's exports once it has started.
    static EXPORTS: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

async fn load() -> Option<JsValue> {
    if let Some(e) = EXPORTS.with(|e| e.borrow().clone()) {
        return Some(e);
    }
    let doc = web_sys::window()?.document()?;
    let script: web_sys::HtmlScriptElement = doc.create_element("script").ok()?.dyn_into().ok()?;
    script.set_src(SCRIPT);
    let loaded = Promise::new(&mut |ok, err| {
        script.set_onload(Some(&ok));
        script.set_onerror(Some(&err));
    });
    doc.head()?.append_child(&script).ok()?;
    JsFuture::from(loaded).await.ok()?;
    // The script declares a global `wasm_bindgen` binding (not a window property).
    let init: Function = Function::new_no_args("return wasm_bindgen")
        .call0(&JsValue::NULL)
        .ok()?
        .dyn_into()
        .ok()?;
    let started: Promise = init
        .call1(&JsValue::NULL, &WASM.into())
        .ok()?
        .dyn_into()
        .ok()?;
    JsFuture::from(started).await.ok()?;
    let exports: JsValue = init.into();
    EXPORTS.with(|e| *e.borrow_mut() = Some(exports.clone()));
    Some(exports)
}

fn call(exports: &JsValue, name: &str, args: &js_sys::Array) -> Option<()> {
    let f: Function = Reflect::get(exports, &name.into()).ok()?.dyn_into().ok()?;
    f.apply(&JsValue::NULL, args).ok().map(|_| ())
}

/// Shows the bundle's view `what` (with its argument) in the element with id `host`; `None`
/// if the bundle could not be loaded.
pub async fn mount(host: &str, what: &str, arg: &str) -> Option<()> {
    let exports = load().await?;
    let host = web_sys::window()?.document()?.get_element_by_id(host)?;
    call(
        &exports,
        "mount",
        &js_sys::Array::of3(&host, &what.into(), &arg.into()),
    )
}

/// Starts sending queued check-ins to the pack's sync endpoint (src/extras/sync.rs).
pub async fn start_sync(endpoint: &str) -> Option<()> {
    let exports = load().await?;
    call(
        &exports,
        "start_sync",
        &js_sys::Array::of1(&endpoint.into()),
    )
}

pub fn unmount() {
    if let Some(e) = EXPORTS.with(|e| e.borrow().clone()) {
        let _ = call(&e, "unmount", &js_sys::Array::new());
    }
}
