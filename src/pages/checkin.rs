use crate::components::{pack::WithPack, use_title};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

/// Where a scanned poster lands. This build does not verify codes yet (that arrives with the
/// check-in work, whose signature code must first be kept out of the first load), so every
/// code is refused, honestly, and nothing is stored.
#[component]
pub fn Checkin(#[allow(unused)] code: String) -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::CheckinTitle).into());
    view! {
        <h1>{i.t(K::CheckinTitle)}</h1>
        <WithPack render=move |pack| {
            let en = i.en();
            let points = pack.checkin.points.iter().filter_map(|c| {
                let p = pack.place(c.place.as_deref()?)?;
                Some(view! { <li><a href=format!("/places/{}", p.id)>{p.name.get(en).to_string()}</a></li> })
            }).collect_view();
            view! {
                <section class="card" role="status">
                    <p>{i.t(if pack.checkin.keys.is_empty() { K::CheckinNoKeys } else { K::CheckinNotYet })}</p>
                </section>
                <section class="card">
                    <h2>{i.t(K::CheckinPoints)}</h2>
                    <ul>{points}</ul>
                </section>
            }
        }/>
    }
}
