//! Sharing and copying: the Web Share API where the phone has it, else the clipboard.
//!
//! Called through `Reflect` because web-sys gates `navigator.share` and the clipboard behind
//! its unstable-API flag; both are plain promise-returning methods.

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn call(target: &JsValue, method: &str, arg: &JsValue) -> Option<Promise> {
    let f: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    f.call1(target, arg).ok()?.dyn_into().ok()
}

/// Copies text; `false` when the browser refused or has no clipboard.
pub async fn copy(text: &str) -> bool {
    let nav = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .unwrap_or_default();
    let Some(clip) = Reflect::get(&nav, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
    else {
        return false;
    };
    match call(&clip, "writeText", &text.into()) {
        Some(p) => JsFuture::from(p).await.is_ok(),
        None => false,
    }
}

pub enum Shared {
    /// The system share sheet was used (or dismissed by the user).
    Sheet,
    /// No share sheet: the link was copied.
    Copied,
    Failed,
}

pub async fn share(title: &str, url: &str) -> Shared {
    let nav = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .unwrap_or_default();
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    if let Some(p) = call(&nav, "share", &data) {
        match JsFuture::from(p).await {
            Ok(_) => return Shared::Sheet,
            // The user closed the sheet: nothing to do.
            Err(e)
                if Reflect::get(&e, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string())
                    .as_deref()
                    == Some("AbortError") =>
            {
                return Shared::Sheet
            }
            // Refused (not allowed here, nothing to share to): copy the link instead.
            Err(_) => {}
        }
    }
    if copy(url).await {
        Shared::Copied
    } else {
        Shared::Failed
    }
}

/// Shares a text file through the share sheet where the phone can share files; `false` when
/// it cannot (the page then offers the download only). Built through `Reflect` like `share`.
pub async fn share_file(name: &str, mime: &str, text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let nav = JsValue::from(window.navigator());
    let global = JsValue::from(js_sys::global());
    let Ok(file_ctor) =
        Reflect::get(&global, &"File".into()).and_then(|f| f.dyn_into::<Function>())
    else {
        return false;
    };
    let parts = js_sys::Array::of1(&text.into());
    let opts = Object::new();
    let _ = Reflect::set(&opts, &"type".into(), &mime.into());
    let args = js_sys::Array::of3(&parts, &name.into(), &opts);
    let Ok(file) = Reflect::construct(&file_ctor, &args) else {
        return false;
    };
    let data = Object::new();
    let _ = Reflect::set(&data, &"files".into(), &js_sys::Array::of1(&file));
    let can = Reflect::get(&nav, &"canShare".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&nav, &data).ok())
        .is_some_and(|v| v.is_truthy());
    if !can {
        return false;
    }
    match call(&nav, "share", &data) {
        Some(p) => JsFuture::from(p).await.is_ok(),
        None => false,
    }
}
