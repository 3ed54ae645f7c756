use crate::components::{pack::WithPack, use_title};
use crate::format::format_distance;
use crate::i18n::{use_i18n, I18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::content::Route;
use qiaosi_core::geo::walking_minutes;

/// "3 站" / "3 stops" / "1 stop".
pub fn stops_count(i: I18n, n: usize) -> String {
    format!("{n} {}", i.t(if n == 1 { K::StopOne } else { K::Stops }))
}

/// "全长 1.2 公里 · 步行约 16 分钟 · 3 站": length and time only for a line that can be trusted
/// (core's rule); a rough one gives just its stops.
pub fn route_facts(i: I18n, r: &Route) -> String {
    let en = i.en();
    let stops = stops_count(i, r.stops.len());
    match r.known_length_m() {
        Some(m) => format!(
            "{} {} · {} {} {} · {stops}",
            i.t(K::Length),
            format_distance(m.round() as u32, en),
            i.t(K::WalkTime),
            walking_minutes(m),
            i.t(K::Minutes)
        ),
        None => stops,
    }
}

#[component]
pub fn RoutesPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::RoutesTitle).into());
    view! {
        <h1>{i.t(K::RoutesTitle)}</h1>
        <WithPack render=move |pack| {
            let en = i.en();
            pack.routes
                .iter()
                .map(|r| {
                    view! {
                        <article class="card route-card">
                            <h2>
                                {
                                    let t = r.name.get(en).to_string();
                                    view! { <A href=Page::Route(&r.id).href()>{t}</A> }
                                }
                            </h2>
                            <p class="route-facts">{route_facts(i, r)}</p>
                            <p>{r.summary.get(en).to_string()}</p>
                        </article>
                    }
                })
                .collect_view()
        } />
    }
}
