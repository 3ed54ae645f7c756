//! The extras bundle's entry points (see `qiaosi_guide::extras`): loaded by the app as a
//! classic script on the pages that need it, never on the first load.

use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

fn main() {
    // Before any view is mounted (sync can start first): tasks spawned before this would be
    // dropped without a word.
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

/// Renders the view `what` (with its argument and the app's pack text) into `host`, replacing
/// whatever the bundle showed before.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, what: String, arg: String, pack: String) {
    unmount();
    let handle =
        leptos::mount::mount_to(host, move || qiaosi_guide::extras::view(&what, arg, &pack));
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
}

/// Takes the bundle's view down (the app calls this when the page goes away).
#[wasm_bindgen]
pub fn unmount() {
    MOUNTED.with(|m| m.borrow_mut().take());
}

/// Sends queued check-ins to the pack's sync endpoint, now and whenever the phone comes online.
#[wasm_bindgen]
pub fn start_sync(endpoint: String) {
    qiaosi_guide::extras::sync::start(endpoint);
}
