//! `/staff`: staff check a visitor's passport on their own phone, offline, against the pack's
//! keys. The passport arrives in the link's `#fragment` (the visitor's QR), pasted, or scanned
//! here. Every stamp is shown with its verdict, so one forged stamp cannot hide among genuine
//! ones; an edited or damaged passport fails as a whole.

use crate::components::ledger::{LedgerChanged, LedgerPanel, Redeem};
use crate::components::pack::WithPack;
use crate::components::scanner::Scanner;
use crate::components::use_title;
use crate::content::PackMeta;
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::pages::checkin::point_name;
use leptos::prelude::*;
use qiaosi_core::checkin::{judge, passport_check, Refusal, Why};

/// The passport in a staff link or pasted text: whatever follows `#`, else the text itself.
fn passport_in(text: &str) -> String {
    let t = text.trim();
    t.rsplit_once('#').map_or(t, |(_, p)| p).to_string()
}

/// The text for a stamp that does not count towards the chosen reward; `None` when it counts
/// (or was refused outright, which the stamp's own line already says).
fn why_key(w: Why) -> Option<K> {
    match w {
        Why::Counts | Why::NotGenuine(_) => None,
        Why::Future => Some(K::WhyFuture),
        Why::OutsideWindow => Some(K::WhyOutside),
        Why::NotListed => Some(K::WhyNotListed),
        Why::NeedsDesk => Some(K::WhyNeedsDesk),
        Why::SamePointAgain => Some(K::WhySamePoint),
    }
}

/// The pack staff judged with: "内容包 2026.11.30，3 天前更新". Without the stored record (a
/// pack not saved yet), only the version.
fn pack_line(version: &str, meta: Option<PackMeta>, en: bool) -> String {
    let days = meta.map(|m| (js_sys::Date::now() as u64).saturating_sub(m.updated_ms) / 86_400_000);
    pack_age(version, days, en)
}

fn pack_age(version: &str, days: Option<u64>, en: bool) -> String {
    match (days, en) {
        (None, false) => format!("内容包 {version}"),
        (None, true) => format!("Content pack {version}"),
        (Some(0), false) => format!("内容包 {version}，今天更新"),
        (Some(0), true) => format!("Content pack {version}, updated today"),
        (Some(n), false) => format!("内容包 {version}，{n} 天前更新"),
        (Some(1), true) => format!("Content pack {version}, updated 1 day ago"),
        (Some(n), true) => format!("Content pack {version}, updated {n} days ago"),
    }
}

#[component]
pub fn Staff() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::StaffCheckTitle).into());
    provide_context(LedgerChanged(RwSignal::new(0)));
    view! {
        <h1>{i.t(K::StaffCheckTitle)}</h1>
        <StaffCheck />
    }
}

#[component]
fn StaffCheck() -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let code = RwSignal::new(String::new());
    // "Paste something first", shown after Check with nothing to check.
    let empty = RwSignal::new(false);
    // The passport comes in the link's fragment: read it (also when staff open the next
    // visitor's link in the same window, which only changes the fragment), then take it out of
    // the address bar so it does not stay in the browser's history.
    let take_hash = move || {
        let loc = window().location();
        let hash = loc.hash().unwrap_or_default();
        if hash.len() > 1 {
            code.set(passport_in(&hash));
            empty.set(false);
            if let Ok(h) = window().history() {
                let _ = h.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&crate::routes::Page::Staff.href()),
                );
            }
        }
    };
    take_hash();
    let listener = window_event_listener(leptos::ev::hashchange, move |_| take_hash());
    on_cleanup(move || listener.remove());
    let draft = RwSignal::new(String::new());
    let on_text = Callback::new(move |t: String| {
        empty.set(false);
        code.set(passport_in(&t));
    });
    // The reward staff are checking for: the first one until they choose another.
    let chosen = RwSignal::new(0usize);
    let content = crate::content::use_content();
    let render = move |pack: std::sync::Arc<qiaosi_core::content::Pack>| {
        let en = i.en();
        let c = code.get();
        if c.is_empty() {
            return None;
        }
        Some(
            match passport_check(
                &c,
                &pack.checkin.keys,
                &pack.checkin.points,
                &pack.checkin.revoked_codes,
            ) {
                Err(r) => view! {
                    <section class="card refused" role="alert">
                        <p>
                            {x(
                                if r == Refusal::Unbound {
                                    K::StaffUnbound
                                } else {
                                    K::StaffAltered
                                },
                            )}
                        </p>
                    </section>
                }
                .into_any(),
                Ok(checked) => {
                    let (install, stamps) = (checked.install, checked.stamps);
                    let good = stamps.iter().filter(|s| s.is_ok()).count();
                    let all_good = good == stamps.len();
                    // One passport, one phone: a stamp copied in from another phone's passport
                    // voids the whole passport for rewards.
                    let copied = stamps.contains(&Err(Refusal::OtherPhone));
                    let pick = chosen.get();
                    let judged = pack.checkin.rewards.get(pick).filter(|_| !copied).map(|r| {
                        (
                            r.id.clone(),
                            judge(r, &pack, &stamps, crate::platform::clock::now()),
                        )
                    });
                    let why = |n: usize| judged.as_ref().map(|(_, j)| j.per_stamp[n]);
                    let rows = stamps
                        .into_iter()
                        .enumerate()
                        .map(|(n, s)| {
                            let reason = why(n)
                                .and_then(why_key)
                                .map(|k| view! { <p class="why fineprint">{x(k)}</p> });
                            match s {
                    Ok(v) => view! {
                        <li class="stamp ok">
                            <strong>{point_name(&pack, &v.verified.point_id, en)}</strong>
                            " "
                            <span class="fineprint">
                                {format!("{} {}", format_date(v.at.date, en), format_time(v.at))}
                            </span>
                            " "
                            <span class="stamp-kind">
                                {x(
                                    if v.verified.is_desk() { K::StampDesk } else { K::StampPoster },
                                )}
                            </span>
                            {reason}
                        </li>
                    }.into_any(),
                    Err(r) => view! {
                        <li class="stamp bad">
                            <strong>{x(stamp_refused_key(r))}</strong>
                        </li>
                    }.into_any(),
                }
                        })
                        .collect_view();
                    let reward = judged.map(|(reward_id, j)| {
                        let options = pack
                            .checkin
                            .rewards
                            .iter()
                            .enumerate()
                            .map(|(n, r)| {
                                view! {
                                    <option value=n.to_string() selected=n == pick>
                                        {r.name.get(en).to_string()}
                                    </option>
                                }
                            })
                            .collect_view();
                        let judged_with = pack_line(
                            &pack.meta.version,
                            content.meta.get().filter(|m| m.version == pack.meta.version),
                            en,
                        );
                        view! {
                            <div class="reward-check">
                                <label>
                                    {x(K::StaffReward)} " "
                                    <select
                                        class="reward-choice"
                                        on:change=move |ev| {
                                            if let Ok(n) = event_target_value(&ev).parse() {
                                                chosen.set(n);
                                            }
                                        }
                                    >
                                        {options}
                                    </select>
                                </label>
                                <p class=if j.earned {
                                    "reward-verdict earned"
                                } else {
                                    "reward-verdict"
                                }>
                                    <strong>
                                        {x(
                                            if j.earned { K::RewardEarned } else { K::RewardNotEarned },
                                        )}
                                    </strong>
                                    {i.comma()}
                                    <span class="reward-count">
                                        {format!("{} / {}", j.points, j.need)}
                                    </span>
                                    " "
                                    {x(K::RewardDistinct)}
                                </p>
                                <Redeem
                                    install=install.clone()
                                    reward=reward_id
                                    earned=j.earned
                                    sync=pack.checkin.sync.clone()
                                />
                                <p class="fineprint proves">{x(K::PosterProves)}</p>
                                <p class="fineprint proves">{x(K::DeskProves)}</p>
                                <p class="fineprint judged-with">{judged_with}</p>
                            </div>
                        }
                    });
                    let genuine = if good == 1 {
                        K::StaffGenuineOne
                    } else {
                        K::StaffGenuine
                    };
                    view! {
                        <section
                            class=if all_good {
                                "card staff-result"
                            } else {
                                "card staff-result refused"
                            }
                            role="status"
                        >
                            <h2>{good}" "{x(genuine)}</h2>
                            {all_good.then(|| view! { <p>{x(K::StaffAllGood)}</p> })}
                            {copied
                                .then(|| view! { <p class="notice warn">{x(K::StaffCopied)}</p> })}
                            {reward}
                            <ul class="stamps">{rows}</ul>
                        </section>
                    }
                    .into_any()
                }
            },
        )
    };
    view! {
        <section class="card">
            <p>{move || x(K::StaffPaste)}</p>
            <textarea
                class="staff-input"
                rows="3"
                aria-label=move || x(K::StaffTitle)
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            <button
                class="button"
                type="button"
                on:click=move |_| {
                    let c = passport_in(&draft.get_untracked());
                    empty.set(c.is_empty());
                    code.set(c);
                }
            >
                {move || x(K::StaffCheck)}
            </button>
            {move || {
                empty
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice warn" role="alert">
                                {x(K::StaffEmpty)}
                            </p>
                        }
                    })
            }}
            <Scanner label=K::StaffScan on_text />
        </section>
        <WithPack render />
        <LedgerPanel />
    }
}

/// Why a stamp failed, as staff should hear it: a revoked key or code is named as such, not
/// as a forgery (the stamp may be genuine; the organisers withdrew what signed it).
fn stamp_refused_key(r: qiaosi_core::checkin::Refusal) -> K {
    use qiaosi_core::checkin::Refusal;
    match r {
        Refusal::KeyRevoked => K::StaffKeyRevoked,
        Refusal::CodeRevoked => K::StaffCodeRevoked,
        Refusal::OtherPhone => K::StaffOtherPhone,
        Refusal::DeskStale => K::StaffDeskStale,
        _ => K::StaffStampBad,
    }
}

#[cfg(test)]
mod tests {
    use super::{pack_age, passport_in};

    #[test]
    fn the_pack_line_says_version_and_age() {
        assert_eq!(
            pack_age("2026.11.30", Some(3), false),
            "内容包 2026.11.30，3 天前更新"
        );
        assert_eq!(
            pack_age("2026.11.30", Some(1), true),
            "Content pack 2026.11.30, updated 1 day ago"
        );
        assert_eq!(pack_age("v", None, true), "Content pack v");
        assert_eq!(pack_age("v", Some(0), false), "内容包 v，今天更新");
    }

    #[test]
    fn the_passport_is_taken_from_a_link_or_as_pasted() {
        assert_eq!(passport_in("https://g.example/staff#AQID"), "AQID");
        assert_eq!(passport_in("  AQID\n"), "AQID");
        assert_eq!(passport_in(""), "");
    }
}
