use crate::components::{pack::WithPack, sources::Sources, use_title};
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::platform::clock;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::{Edition, Pack};
use qiaosi_core::lunar::next_tide_day;
use qiaosi_core::time::{Date, When};

#[component]
pub fn Festival() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::FestivalTitle).into());
    view! {
        <h1>{i.t(K::FestivalTitle)}</h1>
        <WithPack render=move |pack| {
            let now = clock::now();
            let today = now.date;
            let current = pack
                .festival
                .iter()
                .find(|e| !e.is_past(today) && Date::parse(&e.start).is_some_and(|s| s <= today));
            let upcoming = pack
                .festival
                .iter()
                .any(|e| Date::parse(&e.start).is_some_and(|s| s > today));
            let tide = (current.is_none() && !upcoming).then(|| tide_card(today, i.en()));
            let strip = current.map(|e| now_next_strip(e, now, i.en()));
            let mut editions: Vec<&Edition> = pack.festival.iter().collect();
            qiaosi_core::listing::sort_small_by(&mut editions, |a, b| a.start > b.start);
            view! {
                {tide}
                {strip}
                {editions.into_iter().map(|e| edition_view(&pack, e, today, i.en())).collect_view()}
            }
        } />
    }
}

/// While an edition runs: what is on now and what comes next (computed in core).
fn now_next_strip(e: &Edition, now: qiaosi_core::time::LocalDateTime, en: bool) -> impl IntoView {
    let i = use_i18n();
    let n = qiaosi_core::programme::now_next(e, now);
    let link = |ev: &qiaosi_core::content::Event| {
        let t = ev.title.get(en).to_string();
        view! { <A href=Page::Event(&e.id, &ev.id).href()>{t}</A> }
    };
    let on = (!n.on.is_empty()).then(|| {
        view! {
            <p>
                <strong>{i.t(K::NowOn)}{i.colon()}</strong>
                {n
                    .on
                    .iter()
                    .map(|ev| {
                        view! {
                            {link(ev)}
                            " "
                        }
                    })
                    .collect_view()}
            </p>
        }
    });
    let next = n.next.map(|(ev, at)| {
        view! {
            <p>
                <strong>{i.t(K::UpNext)}{i.colon()}</strong>
                {format_time(at)}
                " "
                {link(ev)}
            </p>
        }
    });
    view! {
        <section class="card now-next" aria-label=i.t(K::NowOn)>
            {on}
            {next}
        </section>
    }
}

/// When no edition is on or announced: the next 观潮日, a countdown and why the day matters.
fn tide_card(today: Date, en: bool) -> impl IntoView {
    let i = use_i18n();
    let day = next_tide_day(today);
    let days = day.days_since_epoch() - today.days_since_epoch();
    let countdown = if days == 0 {
        i.t(K::TideToday).to_string()
    } else if en {
        let unit = if days == 1 { K::DayOne } else { K::Days };
        format!("{} {days} {}", i.t(K::TideIn), i.t(unit))
    } else {
        format!("{}{days}{}", i.t(K::TideIn), i.t(K::Days))
    };
    view! {
        <section class="card tide" aria-labelledby="tide">
            <p>{i.t(K::NoEdition)}</p>
            <h2 id="tide">{i.t(K::TideNext)}</h2>
            <p class="tide-date">
                {format_date(day, en)}" · "<strong class="countdown">{countdown}</strong>
            </p>
            <p>{i.t(K::TideWhy)}</p>
            <p>{i.t(K::TideWhere)}</p>
            <p class="notice warn">{i.t(K::TideSafety)}</p>
        </section>
    }
}

fn edition_view(pack: &Pack, e: &Edition, today: Date, en: bool) -> impl IntoView {
    let i = use_i18n();
    // Programme by day: dated events in time order, then those the sources give no date for.
    let mut dated: Vec<(When, &qiaosi_core::content::Event)> = e
        .events
        .iter()
        .filter_map(|ev| Some((ev.starts()?, ev)))
        .collect();
    qiaosi_core::listing::sort_small_by(&mut dated, |a, b| a.0 < b.0);
    let mut days: Vec<(Option<Date>, Vec<_>)> = vec![];
    for (w, ev) in dated {
        match days.last_mut() {
            Some((Some(d), list)) if *d == w.date() => list.push((Some(w), ev)),
            _ => days.push((Some(w.date()), vec![(Some(w), ev)])),
        }
    }
    let undated: Vec<_> = e
        .events
        .iter()
        .filter(|ev| ev.starts().is_none())
        .map(|ev| (None, ev))
        .collect();
    if !undated.is_empty() {
        days.push((None, undated));
    }
    let days = days
        .into_iter()
        .map(|(day, evs)| {
            let heading = day
                .map(|d| format_date(d, en))
                .unwrap_or_else(|| i.t(K::DateNotPublished).into());
            let items = evs.into_iter().map(|(w, ev)| {
            let time = match w {
                Some(When::At(t)) => format_time(t),
                Some(When::Day(_)) => i.t(K::TimeNotPublished).into(),
                None => String::new(),
            };
            let venue = ev.place.as_deref().and_then(|id| pack.place(id)).map(|p| view! {
                <span class="event-venue">
                    {i.t(K::Venue)}{i.colon()}
                    {
                        let t = p.name.get(en).to_string();
                        view! { <A href=Page::Place(&p.id).href()>{t}</A> }
                    }
                </span>
            });
            view! {
                <li class="event">
                    {
                        let t = ev.title.get(en).to_string();
                        view! { <A href=Page::Event(&e.id, &ev.id).href()>{t}</A> }
                    } {(!time.is_empty()).then(|| view! { <span class="event-time">{time}</span> })}
                    {venue}
                </li>
            }
        }).collect_view();
            view! {
                <h3 class="day">{heading}</h3>
                <ul class="events">{items}</ul>
            }
        })
        .collect_view();
    let past = e.is_past(today);
    view! {
        <section class="card edition" class:past=past aria-labelledby=format!("ed-{}", e.id)>
            <h2 id=format!(
                "ed-{}",
                e.id,
            )>
                {e.name.get(en).to_string()}
                {past
                    .then(|| {
                        view! {
                            " "
                            <span class="badge">{i.t(K::Past)}</span>
                        }
                    })}
            </h2>
            <p class="period">{e.period.get(en).to_string()}</p>
            <p>{e.summary.get(en).to_string()}</p>
            <h3 class="visually-hidden">{i.t(K::Programme)}</h3>
            {days}
            <Sources sources=e.sources.clone() />
        </section>
    }
}
