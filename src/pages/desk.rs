//! `/desk`: a staff phone's desk code (动态打卡码). The organisers give the phone a desk pass
//! (`qiaosi desk-key`: a link whose pass follows `#`, or a file); it is checked against the
//! pack, its device key is kept in this phone's IndexedDB only (WebCrypto, non-extractable
//! where the browser allows), and the page shows a QR code that changes every 30 seconds,
//! signed on the phone, offline. A visitor's scan stamps only within a minute of the code.

use crate::components::pack::WithPack;
use crate::components::passport::qr_svg;
use crate::components::use_title;
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::pages::checkin::{point_name, refusal_key};
use crate::platform::signing::KeyPair;
use crate::store::keys;
use js_sys::Reflect;
use leptos::prelude::*;
use qiaosi_core::checkin::{self, b64_decode, b64_encode, desk, Verified};
use qiaosi_core::content::Pack;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// A pass as this phone keeps it: the device key (a WebCrypto key or, as a fallback, the
/// seed) and the certificate, which every code carries.
#[derive(Clone)]
struct Held {
    pair: KeyPair,
    cert: Vec<u8>,
    /// The visitors' guide, where the codes point (the link's `@<guide>`); this app's own
    /// address when the pass did not say.
    guide: Option<String>,
}

impl Held {
    fn to_js(&self) -> JsValue {
        let o = js_sys::Object::new();
        let _ = Reflect::set(&o, &"pair".into(), &self.pair.to_js());
        let _ = Reflect::set(&o, &"cert".into(), &b64_encode(&self.cert).into());
        if let Some(g) = &self.guide {
            let _ = Reflect::set(&o, &"guide".into(), &g.into());
        }
        o.into()
    }

    fn from_js(v: &JsValue) -> Option<Held> {
        Some(Held {
            pair: KeyPair::from_js(&Reflect::get(v, &"pair".into()).ok()?)?,
            cert: b64_decode(&Reflect::get(v, &"cert".into()).ok()?.as_string()?)?,
            guide: Reflect::get(v, &"guide".into()).ok()?.as_string(),
        })
    }

    /// The certificate checked against the pack now (a key since revoked stops the desk).
    fn check(&self, pack: &Pack) -> Result<Verified, checkin::Refusal> {
        let c = &pack.checkin;
        checkin::desk_cert_check(&self.cert, &c.keys, &c.points, &c.revoked_codes)
    }
}

/// The pass in a link or pasted text (whatever follows `#`, else the text itself) and the
/// guide's address after `@`, if any and if it is one codes may point to.
fn pass_in(text: &str) -> (String, Option<String>) {
    let t = text.trim();
    let t = t.rsplit_once('#').map_or(t, |(_, p)| p).trim();
    let (pass, guide) = t.split_once('@').unwrap_or((t, ""));
    let guide = checkin::host_ok(guide).then(|| guide.trim_end_matches('/').to_string());
    (pass.to_string(), guide)
}

#[cfg(test)]
mod tests {
    use super::pass_in;

    #[test]
    fn a_pass_is_read_from_its_link_with_the_guide_it_names() {
        let (p, g) = pass_in("https://staff.example/desk#AgJr@https://guide.example/\n");
        assert_eq!(
            (p.as_str(), g.as_deref()),
            ("AgJr", Some("https://guide.example"))
        );
        assert_eq!(pass_in("AgJr"), ("AgJr".into(), None));
        // A guide that is not https is not where codes may point.
        assert_eq!(pass_in("#AgJr@http://evil.example").1, None);
    }
}

#[component]
pub fn DeskPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::DeskTitle).into());
    let held = RwSignal::new_local(None::<Held>);
    let problem = RwSignal::new(None::<&'static str>);
    let loaded = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        if let Ok(Some(v)) = keys::get(keys::DESK).await {
            held.set(Held::from_js(&v));
        }
        loaded.set(true);
    });
    let render = move |pack: Arc<Pack>| {
        // A pass arriving in the link is taken, then taken out of the address bar (and so out
        // of the browser's history): it is a secret.
        let hash = window().location().hash().unwrap_or_default();
        if hash.len() > 1 {
            if let Ok(h) = window().history() {
                let href = crate::routes::Page::Desk.href();
                let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&href));
            }
            take(pass_in(&hash), pack.clone(), held, problem);
        }
        let p2 = pack.clone();
        view! {
            {move || match held.get() {
                Some(h) => view! { <Showing held=h pack=p2.clone() on_remove=held /> }.into_any(),
                None => {
                    loaded.get().then(|| view! { <Load pack=p2.clone() held problem /> }).into_any()
                }
            }}
        }
    };
    view! {
        <h1>{i.t(K::DeskTitle)}</h1>
        <WithPack render />
    }
}

/// Checks a pass and keeps it: nothing is stored unless the pack vouches for it.
fn take(
    (text, guide): (String, Option<String>),
    pack: Arc<Pack>,
    held: RwSignal<Option<Held>, LocalStorage>,
    problem: RwSignal<Option<&'static str>>,
) {
    let i = use_i18n();
    let c = &pack.checkin;
    if let Err(r) = checkin::desk_pass_check(&text, &c.keys, &c.points, &c.revoked_codes) {
        problem.set(Some(i.t(refusal_key(r))));
        return;
    }
    let Some(bytes) = b64_decode(&text) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Some(p) = desk::pass_parse(&bytes) else {
            return;
        };
        let h = Held {
            pair: KeyPair::import(p.seed, p.device).await,
            cert: p.cert.to_vec(),
            guide,
        };
        match keys::set(keys::DESK, Some(h.to_js())).await {
            Ok(()) => {
                problem.set(None);
                held.set(Some(h));
            }
            Err(_) => problem.set(Some(i.t(K::SaveFailed))),
        }
    });
}

#[component]
fn Load(
    pack: Arc<Pack>,
    held: RwSignal<Option<Held>, LocalStorage>,
    problem: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let i = use_i18n();
    let draft = RwSignal::new(String::new());
    let p1 = pack.clone();
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let pack = p1.clone();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
            take(pass_in(&text), pack, held, problem);
        });
    };
    view! {
        <section class="card">
            <p>{i.t(K::DeskIntro)}</p>
            <p>{i.t(K::DeskPaste)}</p>
            <textarea
                class="desk-input"
                rows="3"
                aria-label=i.t(K::DeskTitle)
                on:input=move |ev| draft.set(event_target_value(&ev))
            ></textarea>
            <button
                class="button"
                type="button"
                on:click=move |_| take(pass_in(&draft.get_untracked()), pack.clone(), held, problem)
            >
                {i.t(K::DeskLoad)}
            </button>
            <label class="file-pick">
                {i.t(K::DeskFile)} " " <input type="file" class="desk-file" on:change=on_file />
            </label>
            {move || {
                problem
                    .get()
                    .map(|p| {
                        view! {
                            <div class="notice warn" role="alert">
                                <p>{p}</p>
                                <p class="fineprint">{i.t(K::DeskNothingSaved)}</p>
                            </div>
                        }
                    })
            }}
        </section>
    }
}

/// The code for the current 30-second step, re-signed as each step begins.
#[component]
fn Showing(
    held: Held,
    pack: Arc<Pack>,
    on_remove: RwSignal<Option<Held>, LocalStorage>,
) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let checked = held.check(&pack);
    let now_s = RwSignal::new((js_sys::Date::now() / 1000.0) as i64);
    // Owned by the view: dropped, and so stopped, when the page goes.
    StoredValue::new_local(gloo_timers::callback::Interval::new(1_000, move || {
        now_s.set((js_sys::Date::now() / 1000.0) as i64);
    }));
    // (step, link) of the code on screen; a new step is signed once, when it begins.
    let code = RwSignal::new(None::<(u32, String)>);
    let cant_sign = RwSignal::new(false);
    let h2 = held.clone();
    Effect::new(move |_| {
        let step = desk::step_at(now_s.get());
        if code.with_untracked(|c| c.as_ref().is_some_and(|(s, _)| *s == step)) {
            return;
        }
        let h = h2.clone();
        leptos::task::spawn_local(async move {
            let body = desk::step_body(&h.cert, step);
            match h.pair.sign(&desk::step_message(&body)).await {
                Some(sig) => {
                    let token = b64_encode(&desk::code(&body, &sig));
                    let own = || window().location().origin().unwrap_or_default();
                    let guide = h.guide.clone().unwrap_or_else(own);
                    code.set(Some((step, checkin::url(&guide, &token))));
                }
                None => cant_sign.set(true),
            }
        });
    });
    let remove = move |_| {
        leptos::task::spawn_local(async move {
            if keys::set(keys::DESK, None).await.is_ok() {
                on_remove.set(None);
            }
        });
    };
    let body = match checked {
        Err(r) => view! {
            <section class="card refused" role="alert">
                <p>{i.t(refusal_key(r))}</p>
            </section>
        }
        .into_any(),
        Ok(v) => {
            let window_text = format!(
                "{} {} – {} {}",
                format_date(v.valid_from.date, en),
                format_time(v.valid_from),
                format_date(v.valid_until.date, en),
                format_time(v.valid_until)
            );
            let (from, until) = (v.valid_from.to_unix_s(), v.valid_until.to_unix_s());
            let name = point_name(&pack, &v.point_id, en);
            view! {
                <section class="card desk" aria-live="polite">
                    <h2 class="desk-point">{name}</h2>
                    {move || {
                        let now = now_s.get();
                        if now < from || now >= until {
                            return view! {
                                <p class="notice warn desk-closed">{i.t(K::DeskNotOpen)}</p>
                            }
                                .into_any();
                        }
                        let left = desk::step_start_s(desk::step_at(now)) + desk::STEP_S - now;
                        match code.get() {
                            Some((_, link)) => {
                                view! {
                                    <div
                                        class="qr desk-qr"
                                        role="img"
                                        aria-label=i.t(K::DeskScanHint)
                                        data-link=link.clone()
                                        inner_html=qr_svg(&link).unwrap_or_default()
                                    ></div>
                                    <p class="desk-hint">{i.t(K::DeskScanHint)}</p>
                                    <p class="fineprint desk-left">
                                        {format!("{}{left}", i.t(K::DeskNext))}
                                        {if en { " s" } else { " 秒" }}
                                    </p>
                                }
                                    .into_any()
                            }
                            None if cant_sign.get() => {
                                view! {
                                    <p class="notice warn" role="alert">
                                        {i.t(K::DeskCantSign)}
                                    </p>
                                }
                                    .into_any()
                            }
                            None => view! { <p class="loading">{i.t(K::DeskMaking)}</p> }.into_any(),
                        }
                    }}
                    <p class="fineprint">{i.t(K::DeskValid)}{i.colon()}{window_text}</p>
                </section>
            }
            .into_any()
        }
    };
    view! {
        {body}
        <p class="fineprint">{i.t(K::DeskKept)}</p>
        <button class="button secondary" type="button" on:click=remove>
            {i.t(K::DeskRemove)}
        </button>
    }
}
