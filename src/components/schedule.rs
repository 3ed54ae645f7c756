//! The user's festival schedule: adding an event, and calendar (.ics) files that open in the
//! phone's calendar app.

use crate::i18n::{use_i18n, K};
use crate::store::user::use_user_data;
use leptos::prelude::*;
use qiaosi_core::content::{Edition, Event, Pack};
use qiaosi_core::ics;

/// `edition/event`, the key a scheduled event is stored under.
pub fn key(edition: &Edition, event: &Event) -> String {
    format!("{}/{}", edition.id, event.id)
}

/// A `data:` URL for an .ics file: no object URL to revoke, and phones hand it to the calendar.
pub fn ics_href(text: &str) -> String {
    data_url("text/calendar", text)
}

/// A `data:` URL for a downloadable text file (a calendar, a GPX track).
pub fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        qiaosi_core::handoff::encode(text)
    )
}

pub fn calendar_for(pack: &Pack, events: &[(&Edition, &Event)], en: bool) -> ics::Export {
    ics::calendar(pack, events, en, (js_sys::Date::now() / 1000.0) as i64)
}

/// Add to / remove from my schedule.
#[component]
pub fn ScheduleButton(key: String) -> impl IntoView {
    let i = use_i18n();
    let user = use_user_data();
    let k = key.clone();
    let on = Memo::new(move |_| user.schedule.with(|s| s.contains(&k)));
    view! {
        <button
            class="button schedule"
            type="button"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| user.toggle_scheduled(key.clone())
        >
            {move || {
                if on.get() {
                    format!("✓ {}", i.t(K::InSchedule))
                } else {
                    format!("+ {}", i.t(K::AddToSchedule))
                }
            }}
        </button>
    }
}
