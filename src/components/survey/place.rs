//! At a place's door: pick the place (or start a new one), record its position from the phone's
//! fixes until they are good for a few seconds (or accept a worse one), and note its hours,
//! address, phone, entrance and step-free access. Saved on the phone as a place patch.

use super::hours::HoursInput;
use super::{choice, field, tri_options, use_survey};
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::platform::watch_position::use_watch_position;
use crate::store::{survey, Store};
use leptos::prelude::*;
use qiaosi_core::contact::normalise_phone;
use qiaosi_core::content::{category_name, Access, I18n, Pack, Position, Precision, CATEGORIES};
use qiaosi_core::geo::track::{door, settled, Averaged, Fix};
use qiaosi_core::patch::PlacePatch;
use std::sync::Arc;

/// "" for "don't know", else yes/no.
fn tri(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

fn both(zh: String, en: String) -> Option<I18n> {
    (!zh.trim().is_empty() || !en.trim().is_empty()).then(|| I18n {
        zh: zh.trim().into(),
        en: en.trim().into(),
    })
}

/// A field's text, kept in a signal.
fn text() -> RwSignal<String> {
    RwSignal::new(String::new())
}

#[component]
pub fn SurveyPlace(pack: Arc<Pack>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let survey = use_survey();
    let watch = use_watch_position();
    // "" = a new place.
    let chosen = RwSignal::new(String::new());
    let (new_id, name_zh, name_en, category) =
        (text(), text(), text(), RwSignal::new("reading".to_string()));
    let fixes = RwSignal::new(Vec::<Fix>::new());
    let result = RwSignal::new(None::<Averaged>);
    let (addr_zh, addr_en, phone, entrance, note) = (text(), text(), text(), text(), text());
    let (step_free, lift) = (text(), text());
    let hours = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);

    // Each fix is kept; once they have been good for a few seconds, the door is taken.
    Effect::new(move |_| {
        let Some(f) = watch.reading.get() else { return };
        if !watch.watching.get_untracked() {
            return;
        }
        fixes.update(|v| v.push(f));
        if fixes.with_untracked(|v| settled(v)) {
            watch.stop();
            result.set(fixes.with_untracked(|v| door(v)));
        }
    });
    let start = move |_| {
        fixes.set(vec![]);
        result.set(None);
        watch.start();
    };
    let accept = move |_| {
        watch.stop();
        result.set(fixes.with_untracked(|v| door(v)));
    };
    let phone_check = move || {
        let p = phone.get();
        if p.trim().is_empty() {
            return None;
        }
        Some(match normalise_phone(&p) {
            Ok(n) => {
                view! { <p class="fineprint">{i.t(K::SurveyPhoneAs)}{i.colon()}{n}</p> }.into_any()
            }
            Err(e) => view! { <p class="notice warn">{e.message(en)}</p> }.into_any(),
        })
    };
    let pack2 = pack.clone();
    let save = move |_| {
        let Some(source) = survey.source(i) else {
            return;
        };
        let id = chosen.get_untracked();
        let mut p = match pack2.place(&id) {
            Some(place) => PlacePatch::for_place(place, source),
            None => {
                let id = new_id.get_untracked().trim().to_string();
                let name = both(name_zh.get_untracked(), name_en.get_untracked());
                if id.is_empty() || name.is_none() {
                    survey.error.set(Some(i.t(K::SurveyNeedsNewName).into()));
                    return;
                }
                PlacePatch {
                    id,
                    name,
                    category: Some(category.get_untracked()),
                    source,
                    ..PlacePatch::default()
                }
            }
        };
        let phone_text = phone.get_untracked();
        if !phone_text.trim().is_empty() {
            match normalise_phone(&phone_text) {
                Ok(n) => p.phone = Some(n),
                Err(e) => {
                    survey.error.set(Some(e.message(en).into()));
                    return;
                }
            }
        }
        p.position = result.get_untracked().map(|a| Position {
            lat: a.at.lat,
            lng: a.at.lng,
            precision: Precision::Approximate {
                radius_m: a.radius_m.ceil() as u32,
            },
        });
        p.address = both(addr_zh.get_untracked(), addr_en.get_untracked());
        p.entrance = both(entrance.get_untracked(), String::new());
        p.hours = hours.get_untracked();
        let access = Access {
            step_free: tri(&step_free.get_untracked()),
            lift: tri(&lift.get_untracked()),
        };
        p.access = (access != Access::default()).then_some(access);
        p.note = Some(note.get_untracked()).filter(|n| !n.trim().is_empty());
        let id = p.id.clone();
        survey.data.update(|d| {
            d.places.retain(|q| q.id != p.id);
            d.places.push(p.clone());
        });
        saved.set(Some(id));
        survey.run(async move { survey::save_place(&Store::open().await, &p).await });
    };
    let mut places = vec![(String::new(), i.t(K::SurveyNewPlace).to_string())];
    places.extend(
        pack.places
            .iter()
            .map(|p| (p.id.clone(), p.name.get(en).to_string())),
    );
    let categories = CATEGORIES
        .iter()
        .map(|c| (c.to_string(), category_name(c, en).to_string()))
        .collect();
    let status = move || {
        if let Some(a) = result.get() {
            return view! {
                <p class="survey-position" role="status">
                    {i.t(K::SurveyPositionTaken)}
                    {i.colon()}
                    {format!("{:.6}, {:.6}", a.at.lat, a.at.lng)}
                    " · ±"
                    {format_distance(a.radius_m.ceil() as u32, en)}
                    " · "
                    {a.fixes}
                    " "
                    {i.t(K::SurveyFixes)}
                </p>
            }
            .into_any();
        }
        let n = fixes.with(Vec::len);
        let best = fixes.with(|v| v.last().map(|f| f.accuracy_m.round() as u32));
        match (watch.watching.get(), best) {
            (true, Some(b)) => view! {
                <p class="survey-accuracy" role="status">
                    {n}
                    " "
                    {i.t(K::SurveyFixes)}
                    " · "
                    {i.t(K::SurveyAccuracyNow)}
                    " ±"
                    {format_distance(b, en)}
                </p>
                <button type="button" class="button secondary accept" on:click=accept>
                    {i.t(K::SurveyAccept)}
                </button>
            }
            .into_any(),
            (true, None) => view! { <p class="loading">{i.t(K::MapLocating)}</p> }.into_any(),
            _ => ().into_any(),
        }
    };
    view! {
        <section class="card survey-place" aria-labelledby="survey-place">
            <h2 id="survey-place">{i.t(K::SurveyPlaceTitle)}</h2>
            {choice(K::SurveyWhichPlace, "place", places, chosen)}
            <div class="survey-new" hidden=move || !chosen.get().is_empty()>
                {field(K::SurveyNewId, "new-id", "text", new_id)}
                {field(K::SurveyNameZh, "name-zh", "text", name_zh)}
                {field(K::SurveyNameEn, "name-en", "text", name_en)}
                {choice(K::SurveyCategory, "category", categories, category)}
            </div>
            <button type="button" class="button record" on:click=start>
                {i.t(K::SurveyRecordPosition)}
            </button>
            {status}
            <HoursInput hours />
            {field(K::SurveyAddressZh, "address-zh", "text", addr_zh)}
            {field(K::SurveyAddressEn, "address-en", "text", addr_en)}
            {field(K::Phone, "phone", "tel", phone)}
            {phone_check}
            {field(K::SurveyEntrance, "entrance", "text", entrance)}
            {choice(K::SurveyStepFree, "step-free", tri_options(), step_free)}
            {choice(K::SurveyLift, "lift", tri_options(), lift)}
            {field(K::SurveyNote, "note", "textarea", note)}
            <button type="button" class="button save-place" on:click=save>
                {i.t(K::SurveySavePlace)}
            </button>
            {move || {
                saved
                    .get()
                    .map(|id| {
                        view! {
                            <p class="fineprint" role="status">
                                {i.t(K::SurveySaved)}
                                " "
                                {id}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
