//! Where a scanned poster lands: `/checkin/<token>`. The code is checked on the phone (by the
//! worker, against the pack's keys and points), fully offline, and a stamp is added: one per
//! point per day. Anything wrong is refused with its reason, and nothing is stored.

use crate::components::{pack::WithPack, use_title};
use crate::i18n::{use_i18n, K};
use crate::platform::geolocation::{use_here, GeoState};
use crate::platform::worker;
use crate::store::user::{use_user_data, StampOutcome};
use crate::store::{schema, Store};
use js_sys::Reflect;
use leptos::prelude::*;
use qiaosi_core::content::Pack;
use qiaosi_core::geo::{distance_m, LatLng};
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Verifying,
    /// Verified; the point wants the user's position first.
    NeedsLocation(String),
    Done(String, K),
    Refused(K),
}

fn refusal_key(name: &str) -> K {
    match name {
        "UnknownKey" => K::RefusedUnknownKey,
        "BadSignature" => K::RefusedBadSignature,
        "UnknownPoint" => K::RefusedUnknownPoint,
        "NotYetValid" => K::RefusedNotYet,
        "Expired" => K::RefusedExpired,
        _ => K::RefusedMalformed,
    }
}

/// Where a check-in point is: its place, or the place of its event.
fn point_position(pack: &Pack, point: &str) -> Option<(LatLng, u32)> {
    let p = pack.checkin.points.iter().find(|p| p.id == point)?;
    let place = match (&p.place, &p.event) {
        (Some(id), _) => pack.place(id)?,
        (None, Some(ev)) => {
            let (ed, ev) = ev.split_once('/')?;
            pack.place(pack.edition(ed)?.event(ev)?.place.as_deref()?)?
        }
        _ => return None,
    };
    Some((
        LatLng {
            lat: place.position.lat,
            lng: place.position.lng,
        },
        p.geofence_m?,
    ))
}

#[component]
pub fn Checkin(code: String) -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::CheckinTitle).into());
    let state = RwSignal::new(State::Verifying);
    let user = use_user_data();
    let here = use_here();
    let token = StoredValue::new(code);
    let stamp = move |point: String| {
        leptos::task::spawn_local(async move {
            let outcome = user.stamp(&point, &token.get_value()).await;
            state.set(match outcome {
                Ok(StampOutcome::New) => State::Done(point, K::Stamped),
                Ok(StampOutcome::AlreadyToday) => State::Done(point, K::AlreadyToday),
                Err(crate::store::StoreError::Quota) => State::Refused(K::QuotaFull),
                Err(_) => State::Refused(K::SaveFailed),
            });
        });
    };
    leptos::task::spawn_local(async move {
        // The pack as stored: the worker reads its check-in section.
        let text = Store::open()
            .await
            .get(schema::CONTENT, schema::CONTENT_KEY)
            .await
            .ok()
            .flatten();
        let Some(text) = text else {
            return state.set(State::Refused(K::PackNetwork));
        };
        let now = (js_sys::Date::now() / 1000.0) as i64;
        let fields = format!(
            "\"token\":{},\"now\":{now},\"pack\":{text}",
            worker::json_string(&token.get_value())
        );
        let Some(answer) = worker::call(&fields).await else {
            return state.set(State::Refused(K::SaveFailed));
        };
        if let Some(ok) = Reflect::get(&answer, &"ok".into())
            .ok()
            .filter(|v| v.is_object())
        {
            let point = Reflect::get(&ok, &"point_id".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            state.set(State::NeedsLocation(point));
        } else {
            let name = Reflect::get(&answer, &"refused".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            state.set(State::Refused(refusal_key(&name)));
        }
    });
    let render = move |pack: Arc<Pack>| {
        let name = {
            let pack = pack.clone();
            move |point: &str| {
                let p = pack.checkin.points.iter().find(|p| p.id == point);
                p.and_then(|p| p.place.as_deref())
                    .and_then(|id| pack.place(id))
                    .map(|pl| pl.name.get(i.en()).to_string())
                    .unwrap_or_else(|| point.to_string())
            }
        };
        let pack2 = pack.clone();
        // A verified code for a point without a geofence stamps at once; with one, the
        // user's position is asked first (on their tap) and checked on the phone.
        Effect::new(move |_| {
            if let State::NeedsLocation(point) = state.get() {
                match point_position(&pack2, &point) {
                    None => stamp(point),
                    Some((at, radius)) => {
                        if let GeoState::Found(me) = here.0.get() {
                            if distance_m(me, at) <= f64::from(radius) {
                                stamp(point);
                            } else {
                                state.set(State::Refused(K::TooFar));
                            }
                        }
                    }
                }
            }
        });
        move || {
            match state.get() {
                State::Verifying => view! { <p class="loading" role="status">{i.t(K::Verifying)}</p> }.into_any(),
                State::NeedsLocation(_) => view! {
                    <section class="card" role="status">
                        <p>{i.t(K::NeedsLocation)}</p>
                        <button class="button" type="button" on:click=move |_| here.locate()>{i.t(K::ConfirmLocation)}</button>
                        <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
                        {move || matches!(here.0.get(), GeoState::Failed(_)).then(|| view! { <p class="notice warn">{i.t(K::GeoDenied)}</p> })}
                    </section>
                }.into_any(),
                State::Done(point, k) => view! {
                    <section class="card stamp-result" role="status">
                        <h2>{i.t(k)}</h2>
                        <p class="stamp-point">{name(&point)}</p>
                        <a class="button" href="/me">{i.t(K::Passport)}</a>
                    </section>
                }.into_any(),
                State::Refused(k) => view! {
                    <section class="card refused" role="alert">
                        <p>{i.t(k)}</p>
                        <p class="fineprint">{i.t(K::NothingSaved)}</p>
                    </section>
                }.into_any(),
            }
        }
    };
    view! {
        <h1>{i.t(K::CheckinTitle)}</h1>
        <WithPack render/>
    }
}
