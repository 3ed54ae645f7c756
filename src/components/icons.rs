//! The few icons the app draws, as inline SVG paths (no icon font, no extra request).

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub enum Icon {
    Home,
    Search,
    Map,
    Wave,
    Flag,
    User,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Home => "M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z",
            Icon::Search => "M10.5 4a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zm5 11.5L21 21",
            Icon::Map => "M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2zM9 4v14m6-12v14",
            Icon::Wave => "M2 12c2.5-3 5-3 7.5 0s5 3 7.5 0 3.5-2 5-1M2 17c2.5-3 5-3 7.5 0s5 3 7.5 0 3.5-2 5-1M4 8l4-4 4 4",
            Icon::Flag => "M5 21V4m0 0h11l-2 4 2 4H5",
            Icon::User => "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-7 9c0-4 3-6 7-6s7 2 7 6",
        }
    }

    /// Decorative: the label next to it carries the meaning for screen readers.
    pub fn view(self) -> impl IntoView {
        view! {
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d=self.path() />
            </svg>
        }
    }
}
