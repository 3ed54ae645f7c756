use crate::components::{pack::WithPack, use_title};
use crate::i18n::{use_i18n, Lang, K};
use crate::settings::{use_settings, Theme};
use leptos::prelude::*;

#[component]
pub fn Me() -> impl IntoView {
    let i = use_i18n();
    let s = use_settings();
    use_title(move || i.t(K::MeTitle).into());
    let lang_choice = move |l: Lang, label: &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="lang" checked=move || i.lang.get() == l on:change=move |_| i.lang.set(l)/>
                <span lang=l.tag()>{label}</span>
            </label>
        }
    };
    let theme_choice = move |t: Theme, k: K| {
        view! {
            <label class="choice">
                <input type="radio" name="theme" checked=move || s.theme.get() == t on:change=move |_| s.theme.set(t)/>
                <span>{move || i.t(k)}</span>
            </label>
        }
    };
    view! {
        <h1>{move || i.t(K::MeTitle)}</h1>
        <section class="card" aria-labelledby="settings">
            <h2 id="settings">{move || i.t(K::Settings)}</h2>
            <fieldset>
                <legend>{move || i.t(K::Language)}</legend>
                {lang_choice(Lang::Zh, "中文")}
                {lang_choice(Lang::En, "English")}
            </fieldset>
            <fieldset>
                <legend>{move || i.t(K::Theme)}</legend>
                {theme_choice(Theme::System, K::ThemeSystem)}
                {theme_choice(Theme::Light, K::ThemeLight)}
                {theme_choice(Theme::Dark, K::ThemeDark)}
            </fieldset>
            <label class="switch">
                <input type="checkbox" checked=move || s.large_text.get()
                    on:change=move |ev| s.large_text.set(event_target_checked(&ev))/>
                <span>
                    <strong>{move || i.t(K::LargeText)}</strong>
                    <small>{move || i.t(K::LargeTextHint)}</small>
                </span>
            </label>
        </section>
        <section class="card" aria-labelledby="about">
            <h2 id="about">{move || i.t(K::About)}</h2>
            <p>{move || i.t(K::AboutText)}</p>
            <WithPack render=move |pack| view! {
                <dl class="facts">
                    <dt>{i.t(K::ContentVersion)}</dt><dd class="content-version">{pack.meta.version.clone()}</dd>
                    <dt>{i.t(K::ContentGenerated)}</dt><dd>{pack.meta.generated.clone()}</dd>
                </dl>
            }/>
        </section>
    }
}
