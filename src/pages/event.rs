use crate::components::schedule::{calendar_for, ics_href, key, ScheduleButton};
use crate::components::{pack::WithPack, use_pack_title};
use crate::format::{format_date, format_time};
use crate::i18n::{use_i18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::time::When;

#[component]
pub fn EventDetail(edition: String, event: String) -> impl IntoView {
    let i = use_i18n();
    let (edition, event) = (StoredValue::new(edition), StoredValue::new(event));
    let (edition, event) = (move || edition.get_value(), move || event.get_value());
    use_pack_title(move |p, en| {
        p.edition(&edition())?
            .event(&event())
            .map(|e| e.title.get(en).to_string())
    });
    view! {
        <WithPack render=move |pack| {
            let en = i.en();
            let Some((ed, ev)) = pack
                .edition(&edition())
                .and_then(|ed| Some((ed, ed.event(&event())?))) else {
                return view! {
                    <section class="card">
                        <h1>{i.t(K::EventNotFound)}</h1>
                        <A href=Page::Festival.href() attr:class="button">
                            {i.t(K::FestivalTitle)}
                        </A>
                    </section>
                }
                    .into_any();
            };
            let when = match ev.starts() {
                Some(When::At(t)) => format!("{} {}", format_date(t.date, en), format_time(t)),
                Some(When::Day(d)) => {
                    format!("{} · {}", format_date(d, en), i.t(K::TimeNotPublished))
                }
                None => i.t(K::DateNotPublished).into(),
            };
            let venue = ev
                .place
                .as_deref()
                .and_then(|id| pack.place(id))
                .map(|p| {
                    view! {
                        <p>
                            {i.t(K::Venue)}{i.colon()}
                            {
                                let t = p.name.get(en).to_string();
                                view! { <A href=Page::Place(&p.id).href()>{t}</A> }
                            }
                        </p>
                    }
                });
            let schedule_key = key(ed, ev);
            let calendar = calendar_for(&pack, &[(ed, ev)], en);
            let calendar = calendar
                .skipped
                .is_empty()
                .then(|| {
                    view! {
                        <a
                            class="button secondary ics"
                            href=ics_href(&calendar.text)
                            download=format!("{}-{}.ics", ed.id, ev.id)
                        >
                            {i.t(K::AddToCalendar)}
                        </a>
                    }
                });
            view! {
                <article class="card">
                    <p class="eyebrow">
                        {
                            let t = ed.name.get(en).to_string();
                            view! { <A href=Page::Festival.href()>{t}</A> }
                        }
                    </p>
                    <h1>{ev.title.get(en).to_string()}</h1>
                    <p class="event-time">{when}</p>
                    {venue}
                    <p>{ev.description.get(en).to_string()}</p>
                    // An event of an edition that is over can't be put in a schedule or calendar.
                    {if ed.is_past(crate::platform::clock::now().date) {
                        view! {
                            <p>
                                <span class="badge">{i.t(K::Past)}</span>
                            </p>
                        }
                            .into_any()
                    } else {
                        view! {
                            <div class="actions">
                                <ScheduleButton key=schedule_key />
                                {calendar}
                            </div>
                        }
                            .into_any()
                    }}
                </article>
            }
                .into_any()
        } />
    }
}
