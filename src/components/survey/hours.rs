//! Opening hours in survey mode: written as OpenStreetMap `opening_hours`, checked by core as
//! it is typed (a refusal says how to fix it), and previewed as the place page shows it.

use crate::components::hours::WeekTable;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::hours::OpeningHours;

/// Sets `hours` to the checked value, or `None` while the text is empty or refused.
#[component]
pub fn HoursInput(hours: RwSignal<Option<String>>) -> impl IntoView {
    let i = use_i18n();
    let text = RwSignal::new(String::new());
    let checked = Memo::new(move |_| {
        let t = text.get();
        let t = t.trim();
        (!t.is_empty()).then(|| OpeningHours::parse(t).map(|h| (t.to_string(), h)))
    });
    Effect::new(move |_| {
        hours.set(checked.with(|c| match c {
            Some(Ok((t, _))) => Some(t.clone()),
            _ => None,
        }))
    });
    let today = crate::platform::clock::now().date;
    view! {
        <label>
            {i.t(K::Hours)}
            <input
                type="text"
                name="hours"
                placeholder="Tu-Su 09:00-17:00; Mo off"
                autocomplete="off"
                bind:value=text
            />
        </label>
        {move || match checked.get() {
            Some(Ok((_, h))) => view! { <WeekTable hours=h today /> }.into_any(),
            Some(Err(e)) => {
                view! { <p class="notice warn hours-problem">{e.to_string()}</p> }.into_any()
            }
            None => ().into_any(),
        }}
    }
}
