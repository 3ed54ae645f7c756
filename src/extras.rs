//! The extras bundle: features the first load can't carry (check-ins with their Ed25519
//! signature checks), built as a second wasm (`src/bin/extras.rs`) that the app loads only
//! when a page needs it. It renders into an element the app gives it, with its own providers
//! reading the same stored data; links in it are still handled by the app's router.

use crate::components::{pack::WithPack, use_title};
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::platform::geolocation::{use_here, GeoState};
use crate::store::stamps::{provide_stamps, StampOutcome};
use leptos::prelude::*;
use qiaosi_core::checkin::{self, Refusal};
use qiaosi_core::content::Pack;
use qiaosi_core::geo::distance_m;
use std::sync::Arc;

/// This bundle's own strings, kept out of the app's first load.
mod text {
    crate::i18n::texts! {
    Verifying => "正在核验打卡码…", "Checking the code…";
    Stamped => "打卡成功！", "Checked in!";
    AlreadyToday => "今天已经在这里打过卡了，明天再来吧。", "You've already checked in here today. Come back tomorrow!";
    RefusedMalformed => "这不是有效的打卡码，请重新扫描海报上的二维码。", "This isn't a valid check-in code. Please scan the poster's QR code again.";
    RefusedUnknownKey => "这个打卡码不是本导览发布的。", "This code wasn't issued by this guide.";
    RefusedBadSignature => "这个打卡码已被改动或伪造，无法打卡。", "This code has been altered or forged; it can't be used.";
    RefusedUnknownPoint => "这个打卡点不在当前内容中。", "This check-in point isn't in the current content.";
    RefusedNotYet => "这个打卡码还没到有效时间。", "This code isn't valid yet.";
    RefusedExpired => "这个打卡码已过期。", "This code has expired.";
    NothingSaved => "没有保存任何内容。", "Nothing was saved.";
    NeedsLocation => "这个打卡点需要确认你在现场。", "This point needs to confirm you are there.";
    ConfirmLocation => "确认位置并打卡", "Confirm my position and check in";
    TooFar => "你离打卡点还有点远，请到现场再试。", "You're not close enough to the check-in point yet; try again on site.";
    Passport => "打卡护照", "Stamp passport";
    NoStamps => "还没有打卡。扫描活动或场馆海报上的二维码即可收集印章。", "No stamps yet. Scan the QR code on an event or venue poster to collect one.";
    StampsOf => "已收集", "Collected";
    }
}
use text::K as XK;

#[derive(Clone, Debug, PartialEq)]
enum State {
    Verifying,
    /// Verified; the point wants the user's position first.
    NeedsLocation(String),
    /// Stamped (or already stamped today): the point and what to say.
    Done(String, &'static str),
    Refused(&'static str),
}

fn refusal_key(r: Refusal) -> XK {
    match r {
        Refusal::Malformed => XK::RefusedMalformed,
        Refusal::UnknownKey => XK::RefusedUnknownKey,
        Refusal::BadSignature => XK::RefusedBadSignature,
        Refusal::UnknownPoint => XK::RefusedUnknownPoint,
        Refusal::NotYetValid => XK::RefusedNotYet,
        Refusal::Expired => XK::RefusedExpired,
    }
}

/// A check-in point's name: its place's, or its id.
fn point_name(pack: &Pack, point: &str, en: bool) -> String {
    let p = pack.checkin.points.iter().find(|p| p.id == point);
    p.and_then(|p| p.place.as_deref())
        .and_then(|id| pack.place(id))
        .map(|pl| pl.name.get(en).to_string())
        .unwrap_or_else(|| point.to_string())
}

/// Where a point with a geofence is, and its radius.
fn geofence(pack: &Pack, point: &str) -> Option<(qiaosi_core::geo::LatLng, u32)> {
    let p = pack.checkin.points.iter().find(|p| p.id == point)?;
    let place = match (&p.place, &p.event) {
        (Some(id), _) => pack.place(id)?,
        (None, Some(ev)) => {
            let (ed, ev) = ev.split_once('/')?;
            pack.place(pack.edition(ed)?.event(ev)?.place.as_deref()?)?
        }
        _ => return None,
    };
    Some((place.position.lat_lng(), p.geofence_m?))
}

/// The whole extras view for `/checkin/<token>`: providers, the check-in, the passport.
#[component]
pub fn CheckinApp(token: String) -> impl IntoView {
    crate::settings::provide_settings();
    crate::content::provide_stored_content();
    crate::platform::geolocation::provide_here();
    let stamps = provide_stamps();
    let i = use_i18n();
    let x = move |k: XK| k.text(i.lang.get_untracked());
    use_title(move || i.t(K::CheckinTitle).into());
    let token = StoredValue::new(token);
    let state = RwSignal::new(State::Verifying);
    let here = use_here();
    let stamp = move |point: String| {
        leptos::task::spawn_local(async move {
            state.set(match stamps.add(&point, &token.get_value()).await {
                Ok(StampOutcome::New) => State::Done(point, x(XK::Stamped)),
                Ok(StampOutcome::AlreadyToday) => State::Done(point, x(XK::AlreadyToday)),
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
            let now = (js_sys::Date::now() / 1000.0) as i64;
            state.set(
                match checkin::verify(
                    &token.get_value(),
                    &pack.checkin.keys,
                    &pack.checkin.points,
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
                match geofence(&p2, &point) {
                    None => stamp(point),
                    Some((at, radius)) => {
                        if let GeoState::Found(me) = here.0.get() {
                            if distance_m(me, at) <= f64::from(radius) {
                                stamp(point);
                            } else {
                                state.set(State::Refused(x(XK::TooFar)));
                            }
                        }
                    }
                }
            }
        });
        let p3 = pack.clone();
        let result = move || {
            match state.get() {
            State::Verifying => view! { <p class="loading" role="status">{x(XK::Verifying)}</p> }.into_any(),
            State::NeedsLocation(_) => view! {
                <section class="card" role="status">
                    <p>{x(XK::NeedsLocation)}</p>
                    <button class="button" type="button" on:click=move |_| here.locate()>{x(XK::ConfirmLocation)}</button>
                    <p class="fineprint">{i.t(K::LocationPrivacy)}</p>
                    {move || matches!(here.0.get(), GeoState::Failed(_)).then(|| view! { <p class="notice warn">{i.t(K::GeoDenied)}</p> })}
                </section>
            }.into_any(),
            State::Done(point, k) => view! {
                <section class="card stamp-result" role="status">
                    <h2>{k}</h2>
                    <p class="stamp-point">{point_name(&p3, &point, en)}</p>
                </section>
            }.into_any(),
            State::Refused(k) => view! {
                <section class="card refused" role="alert">
                    <p>{k}</p>
                    <p class="fineprint">{x(XK::NothingSaved)}</p>
                </section>
            }.into_any(),
        }
        };
        let passport = move || {
            let list = stamps.0.get();
            let total = pack.checkin.points.len();
            let got = pack
                .checkin
                .points
                .iter()
                .filter(|p| list.iter().any(|s| s.point == p.id))
                .count();
            let items = list.iter().rev().map(|s| {
                let t = s.local();
                view! { <li class="stamp"><strong>{point_name(&pack, &s.point, en)}</strong>" "
                    <span class="fineprint">{format!("{} {}", format_date(t.date, en), format_time(t))}</span></li> }
            }).collect_view();
            view! {
                <section class="card passport" aria-labelledby="passport">
                    <h2 id="passport">{x(XK::Passport)}</h2>
                    <p class="progress">{x(XK::StampsOf)}" "{got}" / "{total}</p>
                    {if list.is_empty() { Some(view! { <p class="fineprint">{x(XK::NoStamps)}</p> }) } else { None }}
                    <ul class="stamps">{items}</ul>
                </section>
            }
        };
        view! { {result} {passport} }
    };
    view! { <WithPack render/> }
}

#[cfg(test)]
mod tests {
    use super::XK;
    use crate::i18n::Lang;

    #[test]
    fn every_extras_string_exists_in_both_languages() {
        crate::i18n::tests::check_table(
            XK::ALL
                .iter()
                .map(|k| (format!("{k:?}"), k.text(Lang::Zh), k.text(Lang::En))),
        );
    }
}
