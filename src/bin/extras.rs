//! The extras bundle's entry points (see `qiaosi_guide::extras`): loaded by the app as a
//! classic script on the pages that need it, never on the first load.

use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

fn main() {}

/// Renders the check-in for `token` into `host`, replacing whatever the bundle showed before.
#[wasm_bindgen]
pub fn mount_checkin(host: web_sys::HtmlElement, token: String) {
    unmount();
    let handle = leptos::mount::mount_to(
        host,
        move || view! { <qiaosi_guide::extras::CheckinApp token/> },
    );
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Takes the bundle's view down (the app calls this when the page goes away).
#[wasm_bindgen]
pub fn unmount() {
    MOUNTED.with(|m| m.borrow_mut().take());
}
