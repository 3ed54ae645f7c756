use crate::components::stop_guide::StopGuide;
use crate::components::{follow::Follow, pack::WithPack, sources::Sources, use_pack_title};
use crate::i18n::{use_i18n, K};
use crate::pages::routes::route_facts;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

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
                    <p class="route-facts">{route_facts(i, &r)}</p>
                    <p>{r.summary.get(en).to_string()}</p>
                    {if r.follows_line() {
                        view! { <Follow pack=pack.clone() route=r.clone() /> }.into_any()
                    } else {
                        view! { <StopGuide pack=pack.clone() route=r.clone() /> }.into_any()
                    }}
                    <ol class="stops">{stops}</ol>
                    <Sources sources=r.sources.clone() />
                </article>
            }
                .into_any()
        } />
    }
}
