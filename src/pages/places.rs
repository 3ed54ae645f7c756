use crate::components::{place_finder::PlaceFinder, use_title};
use crate::i18n::{use_i18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use qiaosi_core::content::{category_name, CATEGORIES};

#[component]
pub fn Places() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::PlacesTitle).into());
    let query = use_query_map();
    let cat = Memo::new(move |_| {
        let c = query.read().get("cat")?;
        CATEGORIES.iter().find(|k| **k == c).copied()
    });
    view! {
        <h1>{i.t(K::PlacesTitle)}</h1>
        <nav aria-label=i.t(K::Categories)>
            <ul class="chips">
                <li>
                    <a
                        class="chip"
                        href=Page::Places(None).href()
                        aria-current=move || cat.get().is_none().then_some("page")
                    >
                        {i.t(K::AllCategories)}
                    </a>
                </li>
                {CATEGORIES
                    .iter()
                    .map(|c| {
                        view! {
                            <li>
                                <a
                                    class="chip"
                                    href=Page::Places(Some(c)).href()
                                    aria-current=move || (cat.get() == Some(*c)).then_some("page")
                                >
                                    {category_name(c, i.en())}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <PlaceFinder full=true cat />
    }
}
