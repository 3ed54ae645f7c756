//! Survey mode's parts: the records held on the phone (one context for the page), a place's
//! door and details, a walked route, and the export. The rules (averaging fixes, cleaning and
//! simplifying a track, phone numbers, hours) are core's; these views only collect and show.

mod export;
mod hours;
mod place;
mod walk;

pub use export::SurveyExport;
pub use place::SurveyPlace;
pub use walk::SurveyWalk;

use crate::i18n::{use_i18n, I18n, K};
use crate::store::survey::{self, SurveyData};
use crate::store::Store;
use leptos::prelude::*;
use qiaosi_core::content::{Basis, Source};

/// The survey records, loaded once per visit of the page, and the last failed write.
#[derive(Clone, Copy)]
pub struct Survey {
    pub data: RwSignal<SurveyData>,
    pub error: RwSignal<Option<String>>,
    pub loaded: RwSignal<bool>,
}

pub fn provide_survey() -> Survey {
    let s = Survey {
        data: RwSignal::new(SurveyData::default()),
        error: RwSignal::new(None),
        loaded: RwSignal::new(false),
    };
    provide_context(s);
    leptos::task::spawn_local(async move {
        let store = Store::open().await;
        match survey::load(&store).await {
            // Merged, not replaced: what was typed or recorded while loading stays.
            Ok(stored) => s.data.update(|d| d.merge_stored(stored)),
            Err(e) => s.error.set(Some(e.describe().to_string())),
        }
        s.loaded.set(true);
    });
    s
}

pub fn use_survey() -> Survey {
    expect_context::<Survey>()
}

impl Survey {
    pub fn set_surveyor(self, name: String) {
        let name = name.trim().to_string();
        self.data.update(|d| d.surveyor = name.clone());
        self.run(async move { survey::save_surveyor(&Store::open().await, &name).await });
    }

    /// Runs a write; a failure is shown, and what is on screen stays what was asked.
    pub fn run(
        self,
        write: impl std::future::Future<Output = Result<(), crate::store::StoreError>> + 'static,
    ) {
        self.commit(write, || {});
    }

    /// Runs a write, then `shown` once it is stored: what the page says is recorded is.
    pub fn commit(
        self,
        write: impl std::future::Future<Output = Result<(), crate::store::StoreError>> + 'static,
        shown: impl FnOnce() + 'static,
    ) {
        leptos::task::spawn_local(async move {
            match write.await {
                Ok(()) => {
                    self.error.set(None);
                    shown();
                }
                Err(e) => self.error.set(Some(e.describe().to_string())),
            }
        });
    }

    /// The source every surveyed fact carries: who, and the day. `None` (with a message)
    /// until the surveyor has said who they are.
    pub fn source(self, i: I18n) -> Option<Source> {
        let who = self.data.with_untracked(|d| d.surveyor.clone());
        if who.is_empty() {
            self.error.set(Some(i.t(K::SurveyNeedsName).into()));
            return None;
        }
        Some(Source {
            cite: who,
            basis: Basis::Surveyed,
            date: Some(crate::platform::clock::now().date.to_string()),
            says: None,
        })
    }
}

/// Survey mode's form fields, each built by one non-generic function: a dozen fields then
/// compile to one piece of view code instead of one each (measured: the survey page's share
/// of the wasm, docs/size.md).
pub fn field(label: K, name: &'static str, kind: &'static str, value: RwSignal<String>) -> AnyView {
    let i = use_i18n();
    let input = if kind == "textarea" {
        view! { <textarea name=name rows="2" bind:value=value></textarea> }.into_any()
    } else {
        view! { <input type=kind name=name bind:value=value /> }.into_any()
    };
    view! { <label>{i.t(label)} {input}</label> }.into_any()
}

/// A labelled choice among `(value, text)` options, the first one selected.
pub fn choice(
    label: K,
    name: &'static str,
    options: Vec<(String, String)>,
    value: RwSignal<String>,
) -> AnyView {
    let i = use_i18n();
    let options = options
        .into_iter()
        .map(|(v, t)| view! { <option value=v>{t}</option> })
        .collect_view();
    view! {
        <label>
            {i.t(label)} <select name=name on:change=move |ev| value.set(event_target_value(&ev))>
                {options}
            </select>
        </label>
    }
    .into_any()
}

/// "Don't know / yes / no" as `choice` options.
pub fn tri_options() -> Vec<(String, String)> {
    let i = use_i18n();
    [
        ("", K::SurveyUnknown),
        ("yes", K::SurveyYes),
        ("no", K::SurveyNo),
    ]
    .into_iter()
    .map(|(v, k)| (v.to_string(), i.t(k).to_string()))
    .collect()
}
