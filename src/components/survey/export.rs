//! Exporting the survey: one pack patch (JSON, versioned, naming the pack it was made
//! against) as a download, or through the share sheet where the phone can share files.

use super::use_survey;
use crate::components::schedule::data_url;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::content::Pack;
use qiaosi_core::patch::{Patch, PATCH_FORMAT};
use std::sync::Arc;

#[component]
pub fn SurveyExport(pack: Arc<Pack>) -> impl IntoView {
    let i = use_i18n();
    let survey = use_survey();
    let base = pack.meta.version.clone();
    let patch = Memo::new(move |_| {
        survey.data.with(|d| Patch {
            format: PATCH_FORMAT,
            base: base.clone(),
            made: crate::platform::clock::now().date.to_string(),
            surveyor: d.surveyor.clone(),
            places: d.places.clone(),
            routes: d.routes.clone(),
        })
    });
    let json = move || serde_json::to_string(&patch.get()).unwrap_or_default();
    let name = move || format!("qiaosi-patch-{}.json", patch.with(|p| p.made.clone()));
    let empty = move || patch.with(|p| p.places.is_empty() && p.routes.is_empty());
    let share = move |_| {
        let (text, file) = (json(), name());
        leptos::task::spawn_local(async move {
            crate::platform::share::share_file(&file, "application/json", &text).await;
        });
    };
    view! {
        <section class="card survey-export" aria-labelledby="survey-export">
            <h2 id="survey-export">{i.t(K::SurveyExportTitle)}</h2>
            <p class="survey-count" role="status">
                {move || patch.with(|p| p.places.len())}
                " "
                {i.t(K::SurveyPlacesRecorded)}
                " · "
                {move || patch.with(|p| p.routes.len())}
                " "
                {i.t(K::SurveyRoutesRecorded)}
            </p>
            <p class="fineprint">{i.t(K::SurveyExportHint)}</p>
            <a
                class="button export-patch"
                href=move || data_url("application/json", &json())
                download=name
                hidden=empty
            >
                {i.t(K::SurveyDownload)}
            </a>
            <button type="button" class="button secondary share-patch" hidden=empty on:click=share>
                {i.t(K::Share)}
            </button>
        </section>
    }
}
