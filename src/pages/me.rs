use crate::components::{pack::WithPack, place_row::PlaceRow, use_title};
use crate::content::use_content;
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, Lang, K};
use crate::platform::{service_worker::use_service_worker, storage};
use crate::routes::Page;
use crate::settings::{use_settings, Theme};
use crate::store::user::use_user_data;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::time::LocalDateTime;

#[component]
pub fn Me() -> impl IntoView {
    let i = use_i18n();
    let s = use_settings();
    let user = use_user_data();
    let content = use_content();
    let sw = use_service_worker();
    // A signal filled once, rather than a LocalResource: the async-derived machinery behind
    // resources would be in the wasm for this one value.
    let estimate = RwSignal::new(None);
    leptos::task::spawn_local(async move { estimate.set(storage::estimate().await) });
    let when = move |ms: u64| {
        let t = LocalDateTime::from_unix_ms(ms as f64);
        format!("{} {}", format_date(t.date, i.en()), format_time(t))
    };
    use_title(move || i.t(K::MeTitle).into());
    let lang_choice = move |l: Lang, label: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="lang"
                    checked=i.lang.get_untracked() == l
                    on:change=move |_| i.lang.set(l)
                />
                <span lang=l.tag()>{label}</span>
            </label>
        }
    };
    let theme_choice = move |t: Theme, k: K| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="theme"
                    checked=move || s.theme.get() == t
                    on:change=move |_| s.theme.set(t)
                />
                <span>{i.t(k)}</span>
            </label>
        }
    };
    view! {
        <h1>{i.t(K::MeTitle)}</h1>
        <section class="card" aria-labelledby="favs">
            <h2 id="favs">{i.t(K::Favourites)}</h2>
            <WithPack render=move |pack| {
                let favs: Vec<_> = user
                    .favourites
                    .get()
                    .iter()
                    .filter_map(|id| pack.place(id).cloned())
                    .collect();
                if favs.is_empty() {
                    view! { <p class="fineprint">{i.t(K::NoFavourites)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="place-list favourites">
                            {favs
                                .into_iter()
                                .map(|place| view! { <PlaceRow place /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            } />
        </section>
        <section class="card" aria-labelledby="schedule">
            <h2 id="schedule">{i.t(K::MySchedule)}</h2>
            <WithPack render=move |pack| view! { <MySchedule pack /> } />
        </section>
        <section class="card">
            <h2>{i.t(K::PassportTitle)}</h2>
            <p>{i.t(K::PassportHint)}</p>
            <A href=Page::Passport.href() attr:class="button">
                {i.t(K::PassportOpen)}
            </A>
        </section>
        <section class="card" aria-labelledby="settings">
            <h2 id="settings">{i.t(K::Settings)}</h2>
            <fieldset>
                <legend>{i.t(K::Language)}</legend>
                {lang_choice(Lang::Zh, "中文")}
                {lang_choice(Lang::En, "English")}
            </fieldset>
            <fieldset>
                <legend>{i.t(K::Theme)}</legend>
                {theme_choice(Theme::System, K::ThemeSystem)}
                {theme_choice(Theme::Light, K::ThemeLight)}
                {theme_choice(Theme::Dark, K::ThemeDark)}
            </fieldset>
            <label class="switch">
                <input
                    type="checkbox"
                    checked=move || s.large_text.get()
                    on:change=move |ev| s.large_text.set(event_target_checked(&ev))
                />
                <span>
                    <strong>{i.t(K::LargeText)}</strong>
                    <small>{i.t(K::LargeTextHint)}</small>
                </span>
            </label>
        </section>
        <section class="card" aria-labelledby="about">
            <h2 id="about">{i.t(K::About)}</h2>
            <p>{i.t(K::AboutText)}</p>
            <WithPack render=move |pack| {
                view! {
                    <dl class="facts">
                        <dt>{i.t(K::ContentVersion)}</dt>
                        <dd class="content-version">{pack.meta.version.clone()}</dd>
                        <dt>{i.t(K::ContentGenerated)}</dt>
                        <dd>{pack.meta.generated.clone()}</dd>
                        {move || {
                            content
                                .meta
                                .get()
                                .map(|m| {
                                    view! {
                                        <dt>{i.t(K::ContentUpdated)}</dt>
                                        <dd class="content-updated">{when(m.updated_ms)}</dd>
                                        <dt>{i.t(K::ContentChecked)}</dt>
                                        <dd>{when(m.checked_ms)}</dd>
                                    }
                                })
                        }}
                    </dl>
                    {move || {
                        content
                            .refused
                            .get()
                            .map(|_| {
                                view! { <p class="notice refused">{i.t(K::ContentRefused)}</p> }
                            })
                    }}
                }
            } />
        </section>
        <section class="card" aria-labelledby="storage">
            <h2 id="storage">{i.t(K::Storage)}</h2>
            <p class="offline-status">
                {move || {
                    if sw.supported { i.t(K::OfflineReady) } else { i.t(K::OfflineUnavailable) }
                }}
            </p>
            {move || {
                estimate
                    .get()
                    .map(|(used, _quota, persistent)| {
                        view! {
                            <p class="storage-used">
                                {i.t(K::StorageUsed)}
                                {format!("{} KB", (used / 1024.0).round() as u64)}
                            </p>
                            <p class="storage-persistent">
                                {if persistent {
                                    i.t(K::StoragePersistent)
                                } else {
                                    i.t(K::StorageNotPersistent)
                                }}
                            </p>
                        }
                    })
            }}
        </section>
    }
}

/// The events the user plans to attend, with clashes flagged and a calendar export.
#[component]
fn MySchedule(pack: std::sync::Arc<qiaosi_core::content::Pack>) -> impl IntoView {
    use crate::components::schedule::{calendar_for, ics_href, ScheduleButton};
    use qiaosi_core::time::When;
    let i = use_i18n();
    let en = i.en();
    let user = use_user_data();
    move || {
        let keys = user.schedule.get();
        let mut items: Vec<_> = keys
            .iter()
            .filter_map(|k| {
                let (ed, ev) = k.split_once('/')?;
                let ed = pack.edition(ed)?;
                Some((k.clone(), ed, ed.event(ev)?))
            })
            .collect();
        // In time order, as a day's plan reads; events without a date last.
        qiaosi_core::listing::sort_small_by(&mut items, |a, b| {
            match (a.2.starts(), b.2.starts()) {
                (Some(x), Some(y)) => x < y,
                (Some(_), None) => true,
                _ => false,
            }
        });
        if items.is_empty() {
            return view! { <p class="fineprint">{i.t(K::NoSchedule)}</p> }.into_any();
        }
        let times: Vec<(&str, When, Option<When>)> = items
            .iter()
            .filter_map(|(k, _, ev)| Some((k.as_str(), ev.starts()?, ev.ends())))
            .collect();
        let clashes = qiaosi_core::ics::clashes(&times);
        let title = |k: &str| {
            items
                .iter()
                .find(|(key, ..)| key == k)
                .map(|(_, _, ev)| ev.title.get(en).to_string())
                .unwrap_or_default()
        };
        let warnings = clashes
            .iter()
            .map(|(a, b)| {
                view! {
                    <p class="notice warn clash" role="status">
                        {i.t(K::Clash)}
                        {i.colon()}
                        {title(a)}
                        " / "
                        {title(b)}
                    </p>
                }
            })
            .collect_view();
        let pairs: Vec<_> = items.iter().map(|(_, ed, ev)| (*ed, *ev)).collect();
        let cal = calendar_for(&pack, &pairs, en);
        let list = items
            .iter()
            .map(|(k, ed, ev)| {
                let when = ev
                    .starts()
                    .map(|w| crate::format::format_date(w.date(), en))
                    .unwrap_or_else(|| i.t(K::DateNotPublished).into());
                view! {
                    <li class="scheduled">
                        {
                            let t = ev.title.get(en).to_string();
                            view! { <A href=Page::Event(&ed.id, &ev.id).href()>{t}</A> }
                        } <span class="fineprint">{when}</span> <ScheduleButton key=k.clone() />
                    </li>
                }
            })
            .collect_view();
        view! {
            {warnings}
            <ul class="schedule-list">{list}</ul>
            <a
                class="button secondary ics-all"
                href=ics_href(&cal.text)
                download="qiaosi-schedule.ics"
            >
                {i.t(K::ExportSchedule)}
            </a>
            {(!cal.skipped.is_empty())
                .then(|| view! { <p class="fineprint">{i.t(K::UndatedNotExported)}</p> })}
        }
        .into_any()
    }
}
