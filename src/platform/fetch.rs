//! Requests with a deadline. A request with no answer by then (a captive portal, a mobile link
//! that went dead mid-transfer) is aborted, body included, instead of hanging for minutes; a
//! caller can also abort it sooner.

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// An abort signal that fires after `ms` (or on [`Deadline::abort`]). Keep it alive until the
/// body has been read: dropping it cancels the timer.
pub struct Deadline {
    controller: web_sys::AbortController,
    _timer: Timeout,
}

impl Deadline {
    pub fn new(ms: u32) -> Option<Deadline> {
        let controller = web_sys::AbortController::new().ok()?;
        let c = controller.clone();
        Some(Deadline {
            controller,
            _timer: Timeout::new(ms, move || c.abort()),
        })
    }

    /// A handle that can abort the request from elsewhere (a Retry, say).
    pub fn controller(&self) -> web_sys::AbortController {
        self.controller.clone()
    }
}

/// Fetches `url` with `init`, aborted at the deadline. `Err` when there was no answer.
pub async fn fetch(
    url: &str,
    init: &web_sys::RequestInit,
    deadline: &Deadline,
) -> Result<web_sys::Response, ()> {
    init.set_signal(Some(&deadline.controller.signal()));
    let req = web_sys::Request::new_with_str_and_init(url, init).map_err(|_| ())?;
    let resp = JsFuture::from(leptos::prelude::window().fetch_with_request(&req))
        .await
        .map_err(|_| ())?;
    Ok(resp.unchecked_into())
}

/// The body as text, still under the deadline.
pub async fn text(resp: &web_sys::Response) -> Result<String, ()> {
    let body = JsFuture::from(resp.text().map_err(|_| ())?)
        .await
        .map_err(|_| ())?;
    body.as_string().ok_or(())
}
