//! Scroll position on Back and Forward: each address remembers how far down it was scrolled,
//! and going back to it puts the page there again once it has drawn. The browser's own
//! restoration can't do this in a client-side app: it runs before the page is rebuilt, on the
//! old page's height. New navigations start at the top (the router does that).

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

thread_local! {
    static SAVED: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
    /// Set by Back/Forward, so the next address change restores rather than starts at the top.
    static POPPED: Cell<bool> = const { Cell::new(false) };
}

/// Starts remembering and restoring; renders nothing. Inside the `<Router>`.
pub fn restore_on_back() -> impl IntoView {
    let w = window();
    if let Ok(h) = w.history() {
        let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    let loc = use_location();
    let key = move || format!("{}{}", loc.pathname.get(), loc.search.get());
    // Both listeners live as long as the app.
    gloo_events::EventListener::new(&w, "popstate", |_| POPPED.set(true)).forget();
    let current = StoredValue::new(String::new());
    // gloo's listeners are passive by default: scrolling never waits for this.
    gloo_events::EventListener::new(&w, "scroll", move |_| {
        let y = window().scroll_y().unwrap_or(0.0);
        SAVED.with(|s| s.borrow_mut().insert(current.get_value(), y));
    })
    .forget();
    Effect::new(move |_| {
        let k = key();
        current.set_value(k.clone());
        // Read now: the new page's first layout may clamp the scroll and report it.
        let y = SAVED.with(|s| s.borrow().get(&k).copied());
        // Decided a frame later: the router handles popstate before our listener hears it, so
        // whether this change came from Back or Forward is only known once the event is done.
        request_animation_frame(move || {
            if let (true, Some(y)) = (POPPED.replace(false), y) {
                restore(k, y, 60);
            }
        });
    });
}

/// Scrolls to `y` once the page for `key` is tall enough to be there: the router swaps the
/// view in a later task than the address changes, and the content may take a moment more.
/// Tries once a frame, for at most `frames` frames, and gives up if the user navigated on.
fn restore(key: String, y: f64, frames: u32) {
    request_animation_frame(move || {
        let w = window();
        let here = w.location();
        if format!(
            "{}{}",
            here.pathname().unwrap_or_default(),
            here.search().unwrap_or_default()
        ) != key
        {
            return;
        }
        let room = w
            .document()
            .and_then(|d| d.document_element())
            .map(|e| f64::from(e.scroll_height()))
            .unwrap_or(0.0)
            - w.inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0);
        if room >= y || frames == 0 {
            w.scroll_to_with_x_and_y(0.0, y);
        } else {
            restore(key, y, frames - 1);
        }
    });
}
