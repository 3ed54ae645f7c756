//! A deadline for requests (made with gloo-net). A request with no answer by then (a captive
//! portal, a mobile link that went dead mid-transfer) is aborted, body included, instead of
//! hanging for minutes; a caller can also abort it sooner.

use gloo_timers::callback::Timeout;

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

    /// The signal to give the request (gloo-net's `abort_signal`).
    pub fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }
}
