use crate::components::{place_finder::PlaceFinder, use_title};
use crate::i18n::{use_i18n, K};
use crate::router::use_location;
use leptos::prelude::*;
use qiaosi_core::content::{category_name, CATEGORIES};

#[component]
pub fn Places() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::PlacesTitle).into());
    let loc = use_location();
    let cat = Memo::new(move |_| {
        loc.param("cat")
            .filter(|c| CATEGORIES.contains(&c.as_str()))
    });
    view! {
        <h1>{i.t(K::PlacesTitle)}</h1>
        <nav aria-label=i.t(K::Categories)>
            <ul class="chips">
                <li><a class="chip" href="/places" aria-current=move || cat.get().is_none().then_some("page")>
                    {i.t(K::AllCategories)}</a></li>
                {CATEGORIES.iter().map(|c| view! {
                    <li><a class="chip" href=format!("/places?cat={c}")
                        aria-current=move || (cat.get().as_deref() == Some(*c)).then_some("page")>
                        {category_name(c, i.en())}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        <PlaceFinder full=true cat/>
    }
}
