//! Opening hours as people read them: a one-line status and a week table, in Shanghai time.

use crate::format::{format_minutes, format_time, weekday_name, MONTHS_EN};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::content::Place;
use qiaosi_core::hours::{OpeningHours, Status};
use qiaosi_core::time::{Date, LocalDateTime};

/// No public-holiday calendar ships yet, so `PH` rules show in the week table but today is
/// never treated as a holiday.
fn no_holidays(_: Date) -> bool {
    false
}

/// The place's hours, when published (the pack validator guarantees they parse).
pub fn hours_of(place: &Place) -> Option<OpeningHours> {
    OpeningHours::parse(place.hours.as_deref()?).ok()
}

/// `Some(true)` open now, `Some(false)` closed, `None` not published.
pub fn open_now(place: &Place, now: LocalDateTime) -> Option<bool> {
    hours_of(place).map(|h| matches!(h.status(now, &no_holidays), Status::Open { .. }))
}

/// "营业中 · 21:00 关门" / "Closed · opens Tue 09:00" / "Hours not published".
pub fn status_line(place: &Place, now: LocalDateTime, en: bool) -> String {
    let i = use_i18n();
    let Some(h) = hours_of(place) else {
        return i.t(K::HoursNotPublished).into();
    };
    // A time today reads "21:00"; another day gets its weekday.
    let when = |t: LocalDateTime| {
        if t.date == now.date {
            format_time(t)
        } else {
            format!(
                "{} {}",
                weekday_name(t.date.weekday().index(), en),
                format_time(t)
            )
        }
    };
    let (state, verb, t) = match h.status(now, &no_holidays) {
        Status::Open { closes: None } => return i.t(K::Open24h).into(),
        Status::Open { closes: Some(t) } => (K::OpenNow, K::ClosesAt, Some(t)),
        Status::Closed { opens } => (K::ClosedNow, K::OpensAt, opens),
    };
    match (t, en) {
        (None, _) => i.t(state).into(),
        (Some(t), true) => format!("{} · {} {}", i.t(state), i.t(verb), when(t)),
        (Some(t), false) => format!("{} · {}{}", i.t(state), when(t), i.t(verb)),
    }
}

/// The hours of the week that contains `today`, Monday first, with the season's hours and the
/// dated closures of that week; each day is dated when the hours depend on dates. Then public
/// holidays, when the rules mention them for that week.
#[component]
pub fn WeekTable(hours: OpeningHours, today: Date) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let spans = |s: &[(u16, u16)]| {
        if s.is_empty() {
            i.t(K::DayClosed).to_string()
        } else {
            s.iter()
                .map(|&(a, b)| format!("{}–{}", format_minutes(a), format_minutes(b)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let monday = today.add_days(-(today.weekday().index() as i64));
    let dated = hours.has_dates();
    let day_name = move |d: usize| {
        let name = weekday_name(d, en);
        if !dated {
            return name.to_string();
        }
        let date = monday.add_days(d as i64);
        if en {
            format!(
                "{name} {} {}",
                date.day,
                MONTHS_EN[usize::from(date.month) - 1]
            )
        } else {
            format!("{name} {}月{}日", date.month, date.day)
        }
    };
    let today_index = today.weekday().index();
    let rows = hours
        .week_of(today)
        .iter()
        .enumerate()
        .map(|(d, s)| {
            view! {
                <tr class:today=d == today_index>
                    <th scope="row">{day_name(d)}</th>
                    <td>{spans(s)}</td>
                </tr>
            }
        })
        .collect_view();
    let holidays = hours.holiday_on(today).map(|s| {
        view! {
            <tr>
                <th scope="row">{i.t(K::PublicHolidays)}</th>
                <td>{spans(&s)}</td>
            </tr>
        }
    });
    view! {
        <table class="week">
            <tbody>{rows}{holidays}</tbody>
        </table>
    }
}
