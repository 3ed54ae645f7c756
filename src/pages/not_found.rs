use crate::components::use_title;
use crate::i18n::{use_i18n, K};
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::NotFoundTitle).into());
    view! {
        <section class="card">
            <h1>{i.t(K::NotFoundTitle)}</h1>
            <p>{i.t(K::NotFoundText)}</p>
            <A href=Page::Home.href() attr:class="button">
                {i.t(K::GoHome)}
            </A>
        </section>
    }
}
