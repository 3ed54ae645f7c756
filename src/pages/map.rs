use crate::components::{pack::WithPack, sketch_map::SketchMap, use_title};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

#[component]
pub fn MapPage() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::MapTitle).into());
    view! {
        <h1>{i.t(K::MapTitle)}</h1>
        <WithPack render=move |pack| {
            let en = i.en();
            let legend = pack.routes.iter().map(|r| view! {
                <li><span class="legend-line" aria-hidden="true"></span>
                    <a href=format!("/routes/{}", r.id)>{r.name.get(en).to_string()}</a>
                    " — "{i.t(K::MapLegendRoute)}</li>
            }).collect_view();
            view! {
                <SketchMap pack=pack.clone() label=i.t(K::MapTitle).to_string()/>
                <p class="notice">{i.t(K::MapNote)}</p>
                <ul class="legend">{legend}</ul>
            }
        }/>
    }
}
