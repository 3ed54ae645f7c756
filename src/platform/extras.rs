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
    /// The one load of the bundle, shared by every caller: two pages' parts (or sync and a
    /// page) asking at once must not add the script twice, since its second run would fail on
    /// the global it declares. Cleared after a failure so a later visit can try again.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
    /// The bundle's exports once it has started.
    static EXPORTS: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

async fn load() -> Option<JsValue> {
    let p = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| {
                wasm_bindgen_futures::future_to_promise(async {
                    start().await.ok_or(JsValue::NULL)
                })
            })
            .clone()
    });
    let got = JsFuture::from(p).await.ok();
    match &got {
        Some(e) => EXPORTS.with(|x| *x.borrow_mut() = Some(e.clone())),
        None => drop(LOADING.with(|l| l.borrow_mut().take())),
    }
    got
}

async fn start() -> Option<JsValue> {
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
    Some(init.into())
}

fn call(exports: &JsValue, name: &str, args: &js_sys::Array) -> Option<()> {
    let f: Function = Reflect::get(exports, &name.into()).ok()?.dyn_into().ok()?;
    f.apply(&JsValue::NULL, args).ok().map(|_| ())
}

/// Shows the bundle's view `what` (with its argument and the pack's text) in the element with
/// id `host`; `None` if the bundle could not be loaded.
pub async fn mount(host: &str, what: &str, arg: &str, pack: &str) -> Option<()> {
    let exports = load().await?;
    let host = web_sys::window()?.document()?.get_element_by_id(host)?;
    call(
        &exports,
        "mount",
        &js_sys::Array::of4(&host, &what.into(), &arg.into(), &pack.into()),
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

/// Takes the bundle's view down, at once (a view still loading finds its host gone).
pub fn unmount() {
    if let Some(e) = EXPORTS.with(|e| e.borrow().clone()) {
        let _ = call(&e, "unmount", &js_sys::Array::new());
    }
}
