//! `/staff`: staff check a visitor's passport on their own phone, offline, against the pack's
//! keys. The passport arrives in the link's `#fragment` (the visitor's QR), pasted, or scanned
//! here. Every stamp is shown with its verdict, so one forged stamp cannot hide among genuine
//! ones; an edited or damaged passport fails as a whole.

use crate::components::pack::WithPack;
use crate::components::scanner::Scanner;
use crate::components::use_title;
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::pages::checkin::point_name;
use leptos::prelude::*;
use qiaosi_core::checkin::passport_check;

/// The passport in a staff link or pasted text: whatever follows `#`, else the text itself.
fn passport_in(text: &str) -> String {
    let t = text.trim();
    t.rsplit_once('#').map_or(t, |(_, p)| p).to_string()
}

#[component]
pub fn Staff() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::StaffCheckTitle).into());
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
    let render = move |pack: std::sync::Arc<qiaosi_core::content::Pack>| {
        let en = i.en();
        let c = code.get();
        if c.is_empty() {
            return None;
        }
        Some(
            match passport_check(&c, &pack.checkin.keys, &pack.checkin.points) {
                Err(_) => view! {
                    <section class="card refused" role="alert">
                        <p>{x(K::StaffAltered)}</p>
                    </section>
                }
                .into_any(),
                Ok(stamps) => {
                    let good = stamps.iter().filter(|s| s.is_ok()).count();
                    let all_good = good == stamps.len();
                    let rows = stamps
                        .into_iter()
                        .map(|s| {
                            match s {
                    Ok(v) => view! {
                        <li class="stamp ok">
                            <strong>{point_name(&pack, &v.verified.point_id, en)}</strong>
                            " "
                            <span class="fineprint">
                                {format!("{} {}", format_date(v.at.date, en), format_time(v.at))}
                            </span>
                        </li>
                    }.into_any(),
                    Err(_) => view! {
                        <li class="stamp bad">
                            <strong>{x(K::StaffStampBad)}</strong>
                        </li>
                    }.into_any(),
                }
                        })
                        .collect_view();
                    view! {
                        <section
                            class=if all_good {
                                "card staff-result"
                            } else {
                                "card staff-result refused"
                            }
                            role="status"
                        >
                            <h2>{good}" "{x(K::StaffGenuine)}</h2>
                            {all_good.then(|| view! { <p>{x(K::StaffAllGood)}</p> })}
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
    }
}

#[cfg(test)]
mod tests {
    use super::passport_in;

    #[test]
    fn the_passport_is_taken_from_a_link_or_as_pasted() {
        assert_eq!(passport_in("https://g.example/staff#AQID"), "AQID");
        assert_eq!(passport_in("  AQID\n"), "AQID");
        assert_eq!(passport_in(""), "");
    }
}
