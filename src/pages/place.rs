use crate::components::hours::{hours_of, status_line, WeekTable};
use crate::components::place_row::{area_line, reach_line};
use crate::components::sources::Sources;
use crate::components::{pack::WithPack, use_pack_title};
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::platform::geolocation::use_here;
use crate::platform::{clock, share};
use crate::routes::Page;
use crate::store::user::use_user_data;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::{category_name, Place, Precision};
use qiaosi_core::handoff;

#[component]
pub fn PlaceDetail(id: String) -> impl IntoView {
    let i = use_i18n();
    let id = StoredValue::new(id);
    use_pack_title(move |p, en| p.place(&id.get_value()).map(|x| x.name.get(en).to_string()));
    view! {
        <WithPack render=move |pack| match pack.place(&id.get_value()) {
            Some(p) => view! { <PlaceView place=p.clone() /> }.into_any(),
            None => {
                view! {
                    <section class="card">
                        <h1>{i.t(K::PlaceNotFound)}</h1>
                        <A href=Page::Places(None).href() attr:class="button">
                            {i.t(K::BackToPlaces)}
                        </A>
                    </section>
                }
                    .into_any()
            }
        } />
    }
}

#[component]
fn PlaceView(place: Place) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let user = use_user_data();
    let here = use_here();
    let p = place;
    let for_distance = StoredValue::new(p.clone());
    let now = clock::now();
    let pid = p.id.clone();
    let saved = Memo::new(move |_| user.is_favourite(&pid));
    let pid = p.id.clone();
    // An area or a missing position is said in words; only a located place gets a distance.
    let approx = match p.position {
        None => Some(view! { <p class="notice approx">{i.t(K::NoPositionNote)}</p> }.into_any()),
        Some(pos) if pos.precision != Precision::Exact => Some(
            view! {
                <p class="notice approx">
                    {i.t(K::ApproxWithin)}" "{format_distance(pos.precision.radius_m(), en)}
                </p>
            }
            .into_any(),
        ),
        Some(_) => None,
    };
    let area = area_line(i, &p).map(|a| view! { <p class="place-area">{a}</p> });
    let name = p.name.get(en).to_string();
    let handoff::Links { amap, baidu, apple } = handoff::for_place(&p, en);
    let copied = RwSignal::new(None::<K>);
    let address = p.address.as_ref().map(|a| a.get(en).to_string());
    let address_view = match address {
        Some(a) => {
            let text = a.clone();
            view! {
                {a}
                " "
                <button
                    class="button secondary small"
                    type="button"
                    on:click=move |_| {
                        let text = text.clone();
                        leptos::task::spawn_local(async move {
                            if share::copy(&text).await {
                                copied.set(Some(K::Copied));
                            }
                        });
                    }
                >
                    {i.t(K::CopyAddress)}
                </button>
            }
            .into_any()
        }
        None => i.t(K::AddressNotPublished).into_any(),
    };
    let share_title = name.clone();
    let on_share = move |_| {
        let title = share_title.clone();
        let url = window().location().href().unwrap_or_default();
        leptos::task::spawn_local(async move {
            if let share::Shared::Copied = share::share(&title, &url).await {
                copied.set(Some(K::LinkCopied));
            }
        });
    };
    view! {
        <article class="card place-detail">
            <h1>{name.clone()}</h1>
            // The other language's name helps visitors match signs on the street.
            <p class="alt-name" lang=if en { "zh-CN" } else { "en" }>
                {p.name.get(!en).to_string()}
            </p>
            <p class="place-meta">{category_name(&p.category, en)}</p>
            <p class="status">{status_line(&p, now, en)}</p>
            {area}
            {move || {
                here.position()
                    .and_then(|f| for_distance.with_value(|pl| reach_line(i, pl, f)))
                    .map(|d| {
                        // The area is said above; only a located place gets a distance here.
                        view! { <p class="place-distance">{d}</p> }
                    })
            }}
            <div class="actions">
                <button
                    class="button fav"
                    type="button"
                    aria-pressed=move || saved.get().to_string()
                    on:click=move |_| user.toggle_favourite(pid.clone())
                >
                    {move || {
                        if saved.get() {
                            format!("★ {}", i.t(K::Favourited))
                        } else {
                            format!("☆ {}", i.t(K::Favourite))
                        }
                    }}
                </button>
                <button class="button secondary share" type="button" on:click=on_share>
                    {i.t(K::Share)}
                </button>
            </div>
            {move || {
                copied
                    .get()
                    .map(|k| {
                        view! {
                            <p class="fineprint" role="status">
                                {i.t(k)}
                            </p>
                        }
                    })
            }}
            {approx}
            <p>{p.description.get(en).to_string()}</p>
            {hours_of(&p)
                .map(|h| {
                    view! {
                        <h2>{i.t(K::Hours)}</h2>
                        <WeekTable hours=h today=now.date />
                    }
                })}
            <dl class="facts">
                <dt>{i.t(K::Address)}</dt>
                <dd class="address">{address_view}</dd>
                <dt>{i.t(K::Phone)}</dt>
                <dd>
                    {match p.phone.clone() {
                        Some(ph) => {
                            view! {
                                <a href=format!("tel:{}", ph.replace(' ', ""))>{ph.clone()}</a>
                            }
                                .into_any()
                        }
                        None => i.t(K::PhoneNotPublished).into_any(),
                    }}
                </dd>
                {entrance_view(&p, en)}
                <dt>{i.t(K::Tags)}</dt>
                <dd>{tags_in(&p.tags, en)}</dd>
            </dl>
            <Sources sources=p.sources.clone() />
            <h2>{i.t(K::OpenIn)}</h2>
            <ul class="handoff">
                <li>
                    <a class="button secondary amap" href=amap rel="noopener">
                        {i.t(K::Amap)}
                    </a>
                </li>
                <li>
                    <a class="button secondary baidu" href=baidu rel="noopener">
                        {i.t(K::Baidu)}
                    </a>
                </li>
                <li>
                    <a class="button secondary apple" href=apple rel="noopener">
                        {i.t(K::AppleMaps)}
                    </a>
                </li>
            </ul>
            // Only a place the map draws.
            {p
                .position
                .is_some()
                .then(|| {
                    view! {
                        <A href=Page::Map.href() attr:class="button secondary">
                            {i.t(K::OpenMap)}
                        </A>
                    }
                })}
        </article>
    }
}

/// What a surveyor saw at the door: how to get in and whether it is step-free. Only shown
/// when known (a surveyed place), never as "not found" on every other place.
fn entrance_view(p: &Place, en: bool) -> impl IntoView {
    let i = use_i18n();
    let yes_no = |v: Option<bool>, k: K| {
        v.map(|b| {
            format!(
                "{}{}",
                i.t(k),
                i.t(if b { K::SurveyYes } else { K::SurveyNo })
            )
        })
    };
    let access = p.access.map(|a| {
        [
            yes_no(a.step_free, K::AccessStepFree),
            yes_no(a.lift, K::AccessLift),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    });
    view! {
        {p
            .entrance
            .as_ref()
            .map(|e| {
                view! {
                    <dt>{i.t(K::SurveyEntrance)}</dt>
                    <dd class="entrance">{e.get(en).to_string()}</dd>
                }
            })}
        {access
            .filter(|a| !a.is_empty())
            .map(|a| {
                view! {
                    <dt>{i.t(K::Access)}</dt>
                    <dd class="access">{a}</dd>
                }
            })}
    }
}

/// The tags in the reader's language (tags are written in both); all of them if none match.
fn tags_in(tags: &[String], en: bool) -> String {
    let chinese = |t: &&String| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mine: Vec<&str> = tags
        .iter()
        .filter(|t| chinese(t) != en)
        .map(String::as_str)
        .collect();
    if mine.is_empty() {
        tags.join(" · ")
    } else {
        mine.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tags_follow_the_language() {
        let tags: Vec<String> = ["seawall", "海塘", "Qing dynasty", "考古"]
            .map(String::from)
            .to_vec();
        assert_eq!(super::tags_in(&tags, true), "seawall · Qing dynasty");
        assert_eq!(super::tags_in(&tags, false), "海塘 · 考古");
        let only_en: Vec<String> = vec!["wifi".into()];
        assert_eq!(super::tags_in(&only_en, false), "wifi");
    }
}
