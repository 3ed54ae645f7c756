use crate::components::{pack::WithPack, use_pack_title};
use crate::format::format_distance;
use crate::i18n::{category_key, use_i18n, K};
use crate::store::user::use_user_data;
use leptos::prelude::*;
use qiaosi_core::content::Precision;

#[component]
pub fn PlaceDetail(id: String) -> impl IntoView {
    let i = use_i18n();
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    use_pack_title(move |p, en| p.place(&id()).map(|x| x.name.get(en).to_string()));
    view! {
        <WithPack render=move |pack| {
            let en = i.en();
            let Some(p) = pack.place(&id()).cloned() else {
                return view! {
                    <section class="card">
                        <h1>{i.t(K::PlaceNotFound)}</h1>
                        <a class="button" href="/places">{i.t(K::BackToPlaces)}</a>
                    </section>
                }.into_any();
            };
            let approx = match p.position.precision {
                Precision::Approximate { radius_m } => Some(view! {
                    <p class="notice">{i.t(K::ApproxWithin)}" "{format_distance(radius_m, en)}</p>
                }),
                Precision::Exact => None,
            };
            let user = use_user_data();
            let pid = p.id.clone();
            let saved = Memo::new(move |_| user.is_favourite(&pid));
            let pid = p.id.clone();
            view! {
                <article class="card place-detail">
                    <h1>{p.name.get(en).to_string()}</h1>
                    <button class="button fav" type="button" aria-pressed=move || saved.get().to_string()
                        on:click=move |_| user.toggle_favourite(pid.clone())>
                        {move || if saved.get() { format!("★ {}", i.t(K::Favourited)) } else { format!("☆ {}", i.t(K::Favourite)) }}
                    </button>
                    // The other language's name helps visitors match signs on the street.
                    <p class="alt-name" lang=if en { "zh-CN" } else { "en" }>{p.name.get(!en).to_string()}</p>
                    <p class="place-meta">{i.t(category_key(&p.category))}</p>
                    {approx}
                    <p>{p.description.get(en).to_string()}</p>
                    <dl class="facts">
                        <dt>{i.t(K::Hours)}</dt>
                        <dd>{p.hours.clone().unwrap_or_else(|| i.t(K::HoursNotPublished).into())}</dd>
                        <dt>{i.t(K::Address)}</dt>
                        <dd>{p.address.as_ref().map(|a| a.get(en).to_string()).unwrap_or_else(|| i.t(K::AddressNotPublished).into())}</dd>
                        <dt>{i.t(K::Phone)}</dt>
                        <dd>{match p.phone.clone() {
                            Some(ph) => view! { <a href=format!("tel:{}", ph.replace(' ', ""))>{ph.clone()}</a> }.into_any(),
                            None => i.t(K::PhoneNotPublished).into_any(),
                        }}</dd>
                        <dt>{i.t(K::Tags)}</dt>
                        <dd>{p.tags.join(" · ")}</dd>
                        <dt>{i.t(K::Source)}</dt>
                        <dd>{p.source.clone()}</dd>
                        <dt>{i.t(K::Checked)}</dt>
                        <dd>{p.checked.clone()}</dd>
                    </dl>
                    <a class="button secondary" href="/map">{i.t(K::OpenMap)}</a>
                </article>
            }.into_any()
        }/>
    }
}
