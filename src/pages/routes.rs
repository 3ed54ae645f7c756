use crate::components::{pack::WithPack, use_title};
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::geo::walking_minutes;

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
                    let m = r.length_m();
                    view! {
                        <article class="card route-card">
                            <h2>
                                {
                                    let t = r.name.get(en).to_string();
                                    view! { <A href=Page::Route(&r.id).href()>{t}</A> }
                                }
                            </h2>
                            <p class="route-facts">
                                {i.t(K::Length)}" "{format_distance(m.round() as u32, en)}" · "
                                {i.t(K::WalkTime)}" "{walking_minutes(m)}" "{i.t(K::Minutes)}" · "
                                {r.stops.len()}" "{i.t(K::Stops)}
                            </p>
                            <p>{r.summary.get(en).to_string()}</p>
                        </article>
                    }
                })
                .collect_view()
        } />
    }
}
