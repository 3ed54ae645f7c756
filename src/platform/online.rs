//! Whether the network is really there: `navigator.onLine` says only that some network is
//! connected, so failed requests also count, until a request succeeds or the browser reports
//! coming back online.

use gloo_events::EventListener;
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Online(pub RwSignal<bool>);

thread_local! {
    static SIGNAL: std::cell::Cell<Option<RwSignal<bool>>> = const { std::cell::Cell::new(None) };
}

/// Provides the online signal and keeps it up to date; `on_back` runs when the network returns.
pub fn provide_online(on_back: impl Fn() + 'static) {
    let w = window();
    let online = RwSignal::new(w.navigator().on_line());
    SIGNAL.with(|s| s.set(Some(online)));
    provide_context(Online(online));
    // The listeners live as long as the page.
    EventListener::new(&w, "online", move |_| {
        online.set(true);
        on_back();
    })
    .forget();
    EventListener::new(&w, "offline", move |_| online.set(false)).forget();
}

/// Reports the outcome of a request: `true` when it failed for lack of a network.
pub fn report_fetch_failure(failed: bool) {
    if let Some(s) = SIGNAL.with(|s| s.get()) {
        s.set(!failed);
    }
}

pub fn use_online() -> RwSignal<bool> {
    expect_context::<Online>().0
}
