//! The user's position, asked for only when they tap (never on load), and never sent anywhere:
//! it stays in this page's memory and is used for distances on the phone.
//!
//! Hand-written over `navigator.geolocation` rather than leptos-use's `use_geolocation`, which
//! watches continuously: a one-shot fix is what "near me" needs, and it costs the wasm less.

use leptos::prelude::*;
use qiaosi_core::geo::LatLng;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoError {
    Denied,
    Unavailable,
    Timeout,
    Unsupported,
}

impl GeoError {
    /// What to tell the user, by cause: only a refusal is about permission; a timeout or no
    /// signal is about where they are, and saying "permission not given" would send them to
    /// settings that are already right.
    pub fn message(self) -> crate::i18n::K {
        use crate::i18n::K;
        match self {
            GeoError::Denied => K::GeoDeniedShort,
            GeoError::Timeout => K::GeoTimeout,
            GeoError::Unavailable => K::GeoUnavailable,
            GeoError::Unsupported => K::GeoUnsupported,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GeoState {
    Idle,
    Locating,
    Found(LatLng),
    Failed(GeoError),
}

/// Shared by every page that shows distances.
#[derive(Clone, Copy)]
pub struct Here(pub RwSignal<GeoState>);

impl Here {
    pub fn position(self) -> Option<LatLng> {
        match self.0.get() {
            GeoState::Found(p) => Some(p),
            _ => None,
        }
    }

    /// Asks for one position fix (the browser asks the user the first time).
    pub fn locate(self) {
        let state = self.0;
        let Some(geo) = window().navigator().geolocation().ok() else {
            state.set(GeoState::Failed(GeoError::Unsupported));
            return;
        };
        state.set(GeoState::Locating);
        let ok = Closure::once_into_js(move |p: web_sys::Position| {
            let c = p.coords();
            state.set(GeoState::Found(LatLng {
                lat: c.latitude(),
                lng: c.longitude(),
            }));
        });
        let err = Closure::once_into_js(move |e: web_sys::PositionError| {
            state.set(GeoState::Failed(match e.code() {
                1 => GeoError::Denied,
                3 => GeoError::Timeout,
                _ => GeoError::Unavailable,
            }));
        });
        let opts = web_sys::PositionOptions::new();
        // Town-scale distances need no GPS-grade fix; a network fix is faster and kinder to
        // the battery.
        opts.set_enable_high_accuracy(false);
        opts.set_timeout(15_000);
        // A fix up to 10 s old is reused; tapping again after walking on gets a fresh one.
        opts.set_maximum_age(10_000);
        if geo
            .get_current_position_with_error_callback_and_options(
                ok.unchecked_ref(),
                Some(err.unchecked_ref()),
                &opts,
            )
            .is_err()
        {
            state.set(GeoState::Failed(GeoError::Unsupported));
        }
    }
}

pub fn provide_here() {
    provide_context(Here(RwSignal::new(GeoState::Idle)));
}

pub fn use_here() -> Here {
    expect_context::<Here>()
}

#[cfg(test)]
mod tests {
    use super::GeoError;
    use crate::i18n::{Lang, K};

    #[test]
    fn only_a_refusal_is_reported_as_permission() {
        for e in [
            GeoError::Timeout,
            GeoError::Unavailable,
            GeoError::Unsupported,
        ] {
            assert_ne!(e.message(), K::GeoDeniedShort, "{e:?}");
            assert!(!e.message().text(Lang::Zh).contains("权限"), "{e:?}");
            assert!(!e.message().text(Lang::En).contains("permission"), "{e:?}");
        }
        assert!(GeoError::Denied.message().text(Lang::Zh).contains("权限"));
    }
}
