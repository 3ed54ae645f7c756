//! The stamp passport: stamps grouped by festival edition or route, progress towards the
//! pack's rewards, and "show to staff": a QR of the whole passport (every stamp with its
//! signed code) that staff check on their own phone (/staff) or with `qiaosi verify-passport`.
//! Check-ins the sync server refused are listed here too (components/outbox.rs).

use crate::components::outbox::RefusedCheckins;
use crate::components::pack::WithPack;
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::pages::checkin::point_name;
use crate::store::stamps::{StampRec, Stamps};
use leptos::prelude::*;
use qiaosi_core::checkin::{group_of, judge_points, Group};
use qiaosi_core::content::stamped_points;
use qiaosi_core::content::Pack;

/// The passport as staff receive it: a link to the staff check (the staff guide's when the
/// pack names it, so a staff phone's camera opens the check itself), with the passport (every
/// stamp signed by this install) after `#` so that it never reaches a server, even the
/// guide's own.
async fn staff_link(stamps: Stamps, pack: std::sync::Arc<Pack>) -> Option<String> {
    let passport = stamps.passport().await?;
    let origin = window().location().origin().unwrap_or_default();
    Some(format!(
        "{}#{passport}",
        pack.checkin.staff_check_url(&origin)
    ))
}

/// A QR code as SVG markup, dark on light whatever the theme (scanners need that contrast).
pub(crate) fn qr_svg(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::L).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .build(),
    )
}

#[component]
pub fn Passport(stamps: Stamps) -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let show_staff = RwSignal::new(false);
    let copied = RwSignal::new(false);
    // The staff link, made (and the stamps signed) when the visitor asks to show it.
    // `None` while it is being made; `Some(None)` when this phone cannot sign.
    let link = RwSignal::new(None::<Option<String>>);
    let render = move |pack: std::sync::Arc<Pack>| {
        let en = i.en();
        let list = stamps.0.get();
        let total = pack.checkin.points.len();
        // The points not stamped yet, by name, so a visitor knows where to go.
        let missing: Vec<String> = pack
            .checkin
            .points
            .iter()
            .filter(|p| !list.iter().any(|s| s.point == p.id))
            .map(|p| point_name(&pack, &p.id, en))
            .collect();
        let got = stamped_points(&pack.checkin.points, list.iter().map(|s| s.point.as_str()));
        // Newest first, and the groups in the order of their newest stamp.
        let mut groups: Vec<(String, Vec<&StampRec>)> = vec![];
        for s in list.iter().rev() {
            let g = match group_of(&pack, &s.point) {
                Group::Edition(e) => e.name.get(en).to_string(),
                Group::Route(r) => r.name.get(en).to_string(),
                Group::Other => x(K::OtherPlaces).into(),
            };
            match groups.iter_mut().find(|(name, _)| *name == g) {
                Some((_, v)) => v.push(s),
                None => groups.push((g, vec![s])),
            }
        }
        let groups = groups
            .into_iter()
            .map(|(name, items)| {
                let items = items
                    .into_iter()
                    .map(|s| {
                        let t = s.local();
                        view! {
                            <li class="stamp">
                                <strong>{point_name(&pack, &s.point, en)}</strong>
                                " "
                                <span class="fineprint">
                                    {format!("{} {}", format_date(t.date, en), format_time(t))}
                                </span>
                                " "
                                <span class="stamp-kind">
                                    {x(if s.is_desk() { K::StampDesk } else { K::StampPoster })}
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h3>{name}</h3>
                    <ul class="stamps">{items}</ul>
                }
            })
            .collect_view();
        let now = crate::platform::clock::now();
        let rewards = pack
            .checkin
            .rewards
            .iter()
            .map(|r| {
                // As staff will judge it: distinct points, inside the reward's window.
                let own: Vec<_> = list
                    .iter()
                    .map(|s| Ok((s.point.as_str(), s.local(), s.is_desk())))
                    .collect();
                let have = judge_points(r, &pack, &own, now).points.min(r.need);
                view! {
                    <li class="reward">
                        <strong>{r.name.get(en).to_string()}</strong>
                        " "
                        <span class="progress">{have}" / "{r.need}</span>
                        <progress max=r.need value=have></progress>
                        {(have >= r.need)
                            .then(|| view! { <p class="reward-ready">{x(K::RewardReady)}</p> })}
                        {r
                            .how
                            .as_ref()
                            .map(|h| view! { <p class="fineprint">{h.get(en).to_string()}</p> })}
                    </li>
                }
            })
            .collect_view();
        // Rewards and points still to collect mean nothing while no point can be stamped.
        let active = pack.checkin.is_active();
        let has_rewards = active && !pack.checkin.rewards.is_empty();
        let for_refused = pack.clone();
        let for_link = pack.clone();
        view! {
            <section class="card passport" aria-labelledby="passport">
                <h2 id="passport">{x(K::Passport)}</h2>
                {active
                    .then(|| {
                        view! { <p class="progress">{x(K::StampsOf)}" "{got}" / "{total}</p> }
                    })}
                // First, so that the code staff need appears where the visitor is looking.
                {(!list.is_empty())
                    .then(|| {
                        view! {
                            <button
                                class="button"
                                type="button"
                                aria-expanded=move || show_staff.get().to_string()
                                on:click=move |_| {
                                    show_staff.update(|s| *s = !*s);
                                    link.set(None);
                                    if show_staff.get_untracked() {
                                        let pack = for_link.clone();
                                        leptos::task::spawn_local(async move {
                                            link.set(Some(staff_link(stamps, pack).await));
                                        });
                                    }
                                }
                            >
                                {move || x(
                                    if show_staff.get() { K::HideStaff } else { K::ShowStaff },
                                )}
                            </button>
                        }
                    })}
                {move || {
                    show_staff
                        .get()
                        .then(|| {
                            let link = match link.get() {
                                None => {
                                    return view! { <p class="loading">{x(K::PassportMaking)}</p> }
                                        .into_any();
                                }
                                Some(None) => {
                                    return view! {
                                        <p class="notice warn" role="alert">
                                            {x(K::PassportCantSign)}
                                        </p>
                                    }
                                        .into_any();
                                }
                                Some(Some(link)) => link,
                            };
                            view! {
                                <div class="staff-qr">
                                    <p>{x(K::StaffHint)}</p>
                                    <div
                                        class="qr"
                                        role="img"
                                        aria-label=x(K::ShowStaff)
                                        inner_html=qr_svg(&link).unwrap_or_default()
                                    ></div>
                                    <textarea
                                        class="passport-code"
                                        readonly
                                        rows="3"
                                        aria-label=x(K::ShowStaff)
                                    >
                                        {link.clone()}
                                    </textarea>
                                    <button
                                        class="button secondary"
                                        type="button"
                                        on:click=move |_| {
                                            let link = link.clone();
                                            leptos::task::spawn_local(async move {
                                                copied.set(crate::platform::share::copy(&link).await);
                                            });
                                        }
                                    >
                                        {move || x(
                                            if copied.get() { K::Copied } else { K::CopyText },
                                        )}
                                    </button>
                                </div>
                            }
                                .into_any()
                        })
                }}
                {list.is_empty().then(|| view! { <p class="fineprint">{x(K::NoStamps)}</p> })}
                {(active && !missing.is_empty())
                    .then(|| {
                        view! {
                            <p class="to-collect">
                                {x(K::ToCollect)}{missing.join(if en { ", " } else { "、" })}
                            </p>
                        }
                    })}
                {groups}
                <RefusedCheckins pack=for_refused />
                {has_rewards
                    .then(|| {
                        view! {
                            <h3>{x(K::Rewards)}</h3>
                            <ul class="rewards">{rewards}</ul>
                        }
                    })}
            </section>
        }
    };
    view! { <WithPack render /> }
}
