use crate::content::{use_content, PackError, PackState};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::content::Pack;
use std::sync::Arc;

/// Renders `render(pack)` once the content pack is loaded; a loading line before, and a clear
/// error view (never a blank page) when the pack is missing, cut off or invalid.
#[component]
pub fn WithPack<F, V>(
    render: F,
    /// Show nothing while loading or on error: for a second view of the pack on a page that
    /// already explains its state (one error message per page, not two).
    #[prop(optional)]
    quiet: bool,
) -> impl IntoView
where
    F: Fn(Arc<Pack>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Type-erased at once: the loading/error/ready machinery below is then compiled once for
    // all pages instead of once per page.
    with_pack(Box::new(move |pack| render(pack).into_any()), quiet)
}

type Render = Box<dyn Fn(Arc<Pack>) -> AnyView + Send + Sync>;

fn with_pack(render: Render, quiet: bool) -> AnyView {
    let content = use_content();
    let i = use_i18n();
    (move || match content.state.get() {
        PackState::Ready(pack) => render(pack),
        _ if quiet => ().into_any(),
        PackState::Loading => view! {
            <p class="loading" role="status">
                {i.t(K::Loading)}
            </p>
        }
        .into_any(),
        PackState::Failed(error) => view! { <PackErrorView error /> }.into_any(),
    })
    .into_any()
}

/// Says, in the user's language, what is wrong with the content and offers a retry.
#[component]
pub fn PackErrorView(error: PackError) -> impl IntoView {
    let i = use_i18n();
    let content = use_content();
    let (reason, details): (K, Vec<String>) = match error {
        PackError::Missing(status) => (K::PackMissing, vec![format!("HTTP {status}")]),
        PackError::Network => (K::PackNetwork, vec![]),
        PackError::Syntax(p) => (K::PackSyntax, vec![p.to_string()]),
        PackError::Invalid(ps) => (K::PackInvalid, ps.iter().map(ToString::to_string).collect()),
    };
    view! {
        <section class="card error-view" role="alert">
            <h1>{i.t(K::PackErrorTitle)}</h1>
            <p>{i.t(reason)}</p>
            {(!details.is_empty())
                .then(|| {
                    view! {
                        <ul class="problems">
                            {details
                                .into_iter()
                                .map(|d| {
                                    view! {
                                        <li>
                                            <code>{d}</code>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <button class="button" type="button" on:click=move |_| content.reload()>
                {i.t(K::Retry)}
            </button>
        </section>
    }
}
