//! `/survey`: survey mode for the people who run the guide (not in the tab bar). Record a
//! place's position, hours and details at its door, or a route by walking it; everything stays
//! on this phone until exported as a pack patch for `qiaosi merge`. It never changes what the
//! guide shows: only a new pack, merged and published, does.
//!
//! It is in the staff build only (feature `survey`): visitors' phones would carry 55 KB of
//! code they never run. The visitors' build answers `/survey` with a page that says where it is.

use crate::components::use_title;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

#[cfg(not(feature = "staff"))]
#[component]
pub fn SurveyPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::SurveyTitle).into());
    view! {
        <h1>{i.t(K::SurveyTitle)}</h1>
        <p class="notice survey-elsewhere">{i.t(K::SurveyElsewhere)}</p>
    }
}

#[cfg(feature = "staff")]
#[component]
pub fn SurveyPage() -> impl IntoView {
    use crate::components::pack::WithPack;
    use crate::components::survey::{provide_survey, SurveyExport, SurveyPlace, SurveyWalk};
    let i = use_i18n();
    use_title(move || i.t(K::SurveyTitle).into());
    let survey = provide_survey();
    view! {
        <h1>{i.t(K::SurveyTitle)}</h1>
        <p class="notice">{i.t(K::SurveyIntro)}</p>
        <section class="card survey-who">
            <label>
                {i.t(K::SurveyorName)}
                <input
                    type="text"
                    name="surveyor"
                    autocomplete="name"
                    prop:value=move || survey.data.with(|d| d.surveyor.clone())
                    // Kept as typed (a re-render when the stored records arrive must not wipe
                    // it), and stored when the field is left.
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        survey.data.update(|d| d.surveyor = v);
                    }
                    on:change=move |ev| survey.set_surveyor(event_target_value(&ev))
                />
            </label>
        </section>
        {move || {
            survey
                .error
                .get()
                .map(|e| {
                    view! {
                        <p class="notice warn" role="alert">
                            {e}
                        </p>
                    }
                })
        }}
        <WithPack render=move |pack| {
            view! {
                <SurveyPlace pack=pack.clone() />
                <SurveyWalk pack=pack.clone() />
                <SurveyExport pack />
            }
        } />
    }
}
