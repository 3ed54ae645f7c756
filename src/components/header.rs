use crate::components::notices::OnlinePill;
use crate::i18n::{use_i18n, Lang, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

/// The top bar: the app's name (a link home) and a one-tap language switch.
#[component]
pub fn Header() -> impl IntoView {
    let i = use_i18n();
    let toggle = move |_| {
        i.lang
            .update(|l| *l = if l.is_en() { Lang::Zh } else { Lang::En })
    };
    view! {
        <header class="topbar">
            <A href=Page::Home.href() attr:class="brand">
                {i.t(K::AppName)}
            </A>
            <OnlinePill />
            // Labelled in the language it switches to, as language switches conventionally are.
            <button
                class="lang-switch"
                type="button"
                on:click=toggle
                lang=if i.en() { "zh-CN" } else { "en" }
            >
                {if i.en() { "中文" } else { "English" }}
            </button>
        </header>
    }
}
