//! Opening hours in survey mode: a form (each weekday's hours with an optional lunch break,
//! closed days, public holidays, closed dates) that core's `HoursForm` writes as OpenStreetMap
//! `opening_hours` into the text field below it; the text is checked by core as it is typed
//! (a refusal says how to fix it) and previewed as the place page shows it. Seasons and other
//! rules the form does not ask for can be typed into the text field directly.

use crate::components::hours::WeekTable;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::hours::{HoursForm, OpeningHours, PublicHolidays, Span};
use qiaosi_core::time::Date;

/// "09:00" as minutes from midnight.
fn minutes(t: &str) -> Option<u16> {
    let (h, m) = t.trim().split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// One day's spans from its four fields: a span needs both ends; a close before its open runs
/// past midnight.
fn spans(fields: [String; 4]) -> Vec<Span> {
    let [a, b, c, d] = fields.map(|f| minutes(&f));
    [(a, b), (c, d)]
        .into_iter()
        .filter_map(|(o, c)| Some((o?, c?)))
        .map(|(o, c)| if c <= o { (o, c + 1440) } else { (o, c) })
        .collect()
}

/// The form's fields for one weekday: open, close, and the afternoon's open and close.
type DayFields = [RwSignal<String>; 4];

#[component]
fn HoursFormView(text: RwSignal<String>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let days: [DayFields; 7] =
        std::array::from_fn(|_| std::array::from_fn(|_| RwSignal::new(String::new())));
    let ph_closed = RwSignal::new(false);
    let closed_dates = RwSignal::new(String::new());
    let fill = move |_| {
        let form = HoursForm {
            week: std::array::from_fn(|d| spans(days[d].map(|s| s.get_untracked()))),
            holidays: if ph_closed.get_untracked() {
                PublicHolidays::Closed
            } else {
                PublicHolidays::AsUsual
            },
            seasons: vec![],
            closed: closed_dates
                .get_untracked()
                .split([',', '，', ' '])
                .filter_map(Date::parse)
                .collect(),
        };
        text.set(form.to_opening_hours());
    };
    // The four time fields of a day: their name prefix and label, in column order.
    const COLUMNS: [(&str, K); 4] = [
        ("open", K::SurveyOpens),
        ("close", K::SurveyCloses),
        ("open2", K::SurveyOpensAgain),
        ("close2", K::SurveyClosesAgain),
    ];
    let rows = (0..7)
        .map(|d| {
            let cells = COLUMNS
                .iter()
                .zip(days[d])
                .map(|((name, label), value)| {
                    view! {
                        <td>
                            <input
                                type="time"
                                name=format!("{name}-{d}")
                                aria-label=i.t(*label)
                                bind:value=value
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{crate::format::weekday_name(d, en)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <fieldset class="hours-form">
            <legend>{i.t(K::SurveyHoursForm)}</legend>
            <p class="fineprint">{i.t(K::SurveyHoursHint)}</p>
            <table class="hours-grid">
                <thead>
                    <tr>
                        <th></th>
                        {COLUMNS
                            .iter()
                            .map(|(_, label)| view! { <th>{i.t(*label)}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <label class="check">
                <input type="checkbox" name="ph-closed" bind:checked=ph_closed />
                {i.t(K::SurveyPhClosed)}
            </label>
            <label>
                {i.t(K::SurveyClosedDates)}
                <input
                    type="text"
                    name="closed-dates"
                    placeholder="2027-02-05"
                    bind:value=closed_dates
                />
            </label>
            <button type="button" class="button secondary fill-hours" on:click=fill>
                {i.t(K::SurveyFillHours)}
            </button>
        </fieldset>
    }
}

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
        <HoursFormView text />
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
