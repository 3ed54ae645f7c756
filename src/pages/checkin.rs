//! `/checkin#<token>` (new posters) and `/checkin/<token>` (posters printed before): a scanned
//! poster's code, verified on the phone and stamped, with the passport below it.

use crate::components::outbox::SyncNotice;
use crate::components::{pack::WithPack, passport::Passport, use_title, LocationProblem};
use crate::i18n::{use_i18n, K};
use crate::platform::geolocation::{use_here, GeoState};
use crate::store::stamps::{StampOutcome, Stamps};
use leptos::prelude::*;
use qiaosi_core::checkin::{self, Refusal};
use qiaosi_core::content::Pack;
use qiaosi_core::geo::distance_m;
use std::sync::Arc;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Verifying,
    /// Verified; the point wants the user's position first.
    NeedsLocation(String),
    /// Being written.
    Stamping,
    /// Stamped (or already stamped today): the point and what to say.
    Done(String, &'static str),
    Refused(&'static str),
}

pub fn refusal_key(r: Refusal) -> K {
    match r {
        Refusal::Malformed => K::RefusedMalformed,
        Refusal::UnknownKey => K::RefusedUnknownKey,
        Refusal::BadSignature => K::RefusedBadSignature,
        Refusal::KeyRevoked => K::RefusedKeyRevoked,
        Refusal::KeyRetired => K::RefusedKeyRetired,
        Refusal::CodeRevoked => K::RefusedCodeRevoked,
        Refusal::UnknownPoint => K::RefusedUnknownPoint,
        Refusal::NotYetValid => K::RefusedNotYet,
        Refusal::Expired => K::RefusedExpired,
        Refusal::DeskStale => K::RefusedDeskStale,
        // Passport verdicts; a scan never gives them.
        Refusal::OtherPhone | Refusal::Unbound => K::RefusedMalformed,
    }
}

/// A check-in point's name in the current language.
pub fn point_name(pack: &Pack, point: &str, en: bool) -> String {
    pack.checkin_point_name(point).get(en).to_string()
}

/// Where a point with a geofence is, and its radius.
fn geofence(pack: &Pack, point: &str) -> Option<(qiaosi_core::geo::LatLng, u32)> {
    let radius = pack
        .checkin
        .points
        .iter()
        .find(|p| p.id == point)?
        .geofence_m?;
    Some((pack.checkin_point_place(point)?.located()?, radius))
}

/// The page: the check-in, then the passport it adds to. The passport appears once the
/// check-in has an answer, so that the answer, which is taller than "checking…", does not push
/// a passport already on screen down (a layout shift on the festival's front door).
#[component]
pub fn Checkin(code: String) -> impl IntoView {
    let i = use_i18n();
    let stamps = expect_context::<Stamps>();
    let answered = RwSignal::new(false);
    // The heading, the intro and "checking…" are also index.html's static first screen for
    // `/checkin` (a poster scan is often the first visit, on a slow network): the same texts
    // in the same places, so the app takes over without a shift.
    view! {
        <h1>{i.t(K::CheckinTitle)}</h1>
        <p class="checkin-intro">{i.t(K::CheckinIntro)}</p>
        <CheckinApp token=code answered />
        {move || answered.get().then(|| view! { <Passport stamps /> })}
    }
}

/// `/checkin#<token>`: the code is read from the fragment, which the browser never sends to a
/// server. The page is rebuilt when only the fragment changes (another poster scanned in the
/// same tab), as the path route is when its code changes.
#[component]
pub fn CheckinFromFragment() -> impl IntoView {
    let hash = leptos_router::hooks::use_location().hash;
    move || {
        let hash = hash.get();
        let code = checkin::token_in(hash.strip_prefix('#').unwrap_or(&hash)).to_string();
        view! { <Checkin code /> }
    }
}

/// The check-in for one scanned token; sets `answered` once it has one (and keeps it set).
#[component]
fn CheckinApp(token: String, answered: RwSignal<bool>) -> impl IntoView {
    let stamps = expect_context::<Stamps>();
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get_untracked());
    use_title(move || i.t(K::CheckinTitle).into());
    let token = StoredValue::new(token);
    let state = RwSignal::new(State::Verifying);
    // When the code was checked: the time the stamp carries (see `Stamps::add`).
    let checked_ms = StoredValue::new(0u64);
    Effect::new(move |_| {
        // A point with a geofence answers by asking for the position (below).
        if matches!(state.get(), State::Done(..) | State::Refused(_)) {
            answered.set(true);
        }
    });
    let here = use_here();
    let stamp = move |point: String, sync: Option<String>| {
        // At once, before the write: a second tap or position fix meanwhile must not stamp again.
        state.set(State::Stamping);
        leptos::task::spawn_local(async move {
            let at = checked_ms.get_value();
            let outcome = stamps
                .add(&point, &token.get_value(), at, sync.is_some())
                .await;
            if let (Some(endpoint), Ok(StampOutcome::New)) = (sync, &outcome) {
                crate::sync::start(endpoint);
            }
            state.set(match outcome {
                Ok(StampOutcome::New) => State::Done(point, x(K::Stamped)),
                Ok(StampOutcome::AlreadyToday) => State::Done(point, x(K::AlreadyToday)),
                Err(crate::store::StoreError::Quota) => State::Refused(i.t(K::QuotaFull)),
                Err(_) => State::Refused(i.t(K::SaveFailed)),
            });
        });
    };
    let render = move |pack: Arc<Pack>| {
        let en = i.en();
        // Verified on the phone, against the pack's keys and points; nothing is stored unless
        // every check passes.
        if state.get_untracked() == State::Verifying {
            let now_ms = js_sys::Date::now();
            checked_ms.set_value(now_ms as u64);
            let now = (now_ms / 1000.0) as i64;
            state.set(
                match checkin::verify(
                    &token.get_value(),
                    &pack.checkin.keys,
                    &pack.checkin.points,
                    &pack.checkin.revoked_codes,
                    now,
                ) {
                    Ok(v) => State::NeedsLocation(v.point_id),
                    Err(r) => State::Refused(x(refusal_key(r))),
                },
            );
        }
        let p2 = pack.clone();
        // A point without a geofence stamps at once; with one, the position is asked for (on the
        // user's tap) and compared on the phone.
        Effect::new(move |_| {
            if let State::NeedsLocation(point) = state.get() {
                let sync = p2.checkin.sync.clone();
                match geofence(&p2, &point) {
                    None => stamp(point, sync),
                    Some((at, radius)) => {
                        answered.set(true);
                        if let GeoState::Found(me) = here.0.get() {
                            if distance_m(me, at) <= f64::from(radius) {
                                stamp(point, sync);
                            } else {
                                state.set(State::Refused(x(K::TooFar)));
                            }
                        }
                    }
                }
            }
        });
        let p3 = pack.clone();
        // Above the answer, from the first moment the pack is known: the user learns where the
        // check-in goes before it is sent, and the answer below never moves it.
        let notice = view! { <SyncNotice pack=pack.clone() /> };
        let answer = move || match state.get() {
            State::Verifying | State::Stamping => view! {
                <p class="loading" role="status">
                    {x(K::Verifying)}
                </p>
            }
            .into_any(),
            State::NeedsLocation(_) => view! {
                <section class="card" role="status">
                    <p>{x(K::NeedsLocation)}</p>
                    <button class="button" type="button" on:click=move |_| here.locate()>
                        {x(K::ConfirmLocation)}
                    </button>
                    <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
                    <LocationProblem />
                </section>
            }
            .into_any(),
            State::Done(point, k) => view! {
                <section class="card stamp-result" role="status">
                    <h2>{k}</h2>
                    <p class="stamp-point">{point_name(&p3, &point, en)}</p>
                    <p class="stamp-kind">
                        {x(
                            if checkin::is_desk_token(&token.get_value()) {
                                K::StampDesk
                            } else {
                                K::StampPoster
                            },
                        )}
                    </p>
                </section>
            }
            .into_any(),
            State::Refused(k) => view! {
                <section class="card refused" role="alert">
                    <p>{k}</p>
                    <p class="fineprint">{x(K::NothingSaved)}</p>
                </section>
            }
            .into_any(),
        };
        view! {
            {notice}
            {answer}
        }
    };
    view! { <WithPack render /> }
}
