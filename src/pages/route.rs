use crate::components::{follow::Follow, pack::WithPack, use_pack_title};
use crate::format::format_distance;
use crate::i18n::{use_i18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;
use qiaosi_core::geo::walking_minutes;

#[component]
pub fn RouteDetail(id: String) -> impl IntoView {
    let i = use_i18n();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    use_pack_title(move |p, en| p.route(&id()).map(|x| x.name.get(en).to_string()));
    view! {
        <WithPack render=move |pack| {
            let en = i.en();
            let Some(r) = pack.route(&id()).cloned() else {
                return view! {
                    <section class="card">
                        <h1>{i.t(K::RouteNotFound)}</h1>
                        <A href=Page::Routes.href() attr:class="button">
                            {i.t(K::RoutesTitle)}
                        </A>
                    </section>
                }
                    .into_any();
            };
            let m = r.length_m();
            let stops = r
                .stops
                .iter()
                .enumerate()
                .map(|(n, s)| {
                    let place = s.place.as_deref().and_then(|pid| pack.place(pid));
                    let name = place
                        .map(|p| p.name.get(en).to_string())
                        .or_else(|| s.name.as_ref().map(|t| t.get(en).to_string()))
                        .unwrap_or_default();
                    let title = match place {
                        Some(p) => view! { <A href=Page::Place(&p.id).href()>{name}</A> }.into_any(),
                        None => name.into_any(),
                    };
                    view! {
                        <li class="stop">
                            <h3>
                                <span class="stop-no" aria-hidden="true">
                                    {n + 1}
                                </span>
                                {title}
                            </h3>
                            <p>{s.narrative.get(en).to_string()}</p>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <article>
                    <h1>{r.name.get(en).to_string()}</h1>
                    <p class="route-facts">
                        {i.t(K::Length)}" "{format_distance(m.round() as u32, en)}" · "
                        {i.t(K::WalkTime)}" "{walking_minutes(m)}" "{i.t(K::Minutes)}" · "
                        {r.stops.len()}" "{i.t(K::Stops)}
                    </p>
                    <p>{r.summary.get(en).to_string()}</p>
                    <Follow pack=pack.clone() route=r.clone() />
                    <ol class="stops">{stops}</ol>
                    <p class="fineprint">{i.t(K::Source)}": "{r.source.clone()}</p>
                </article>
            }
                .into_any()
        } />
    }
}
