use crate::components::place_finder::{CategoryLinks, PlaceFinder};
use crate::components::{pack::WithPack, use_title};
use crate::i18n::{use_i18n, K};
use crate::pages::routes::stops_count;
use crate::platform::clock;
use crate::routes::Page;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    let i = use_i18n();
    use_title(String::new);
    view! {
        <h1 class="visually-hidden">{i.t(K::AppName)}</h1>
        <p class="tagline">{i.t(K::Tagline)}</p>
        <section class="card" aria-labelledby="home-find">
            <h2 id="home-find">{i.t(K::HomeFind)}</h2>
            <PlaceFinder />
            <CategoryLinks />
        </section>
        <WithPack render=move |pack| {
            let en = i.en();
            let route = pack
                .routes
                .first()
                .map(|r| {
                    view! {
                        <section class="card" aria-labelledby="home-seawall">
                            <h2 id="home-seawall">{i.t(K::HomeSeawall)}</h2>
                            <h3>
                                {
                                    let t = r.name.get(en).to_string();
                                    view! { <A href=Page::Route(&r.id).href()>{t}</A> }
                                }
                            </h3>
                            // The story is on the route's page: a card that waits for the content stays
                            // smaller than the first screen painted without the wasm, so that screen
                            // is the page's largest paint (LCP) and does not wait for the app.
                            <p>{stops_count(i, r.stops.len())}</p>
                        </section>
                    }
                });
            let today = clock::now().date;
            let current = pack.current_edition(today);
            let latest = current
                .or(pack.newest_edition())
                .map(|e| {
                    let history = current.is_none().then(|| i.t(K::FestivalHistory));
                    // An edition over for more than a year is history, not "the festival" (core's rule).
                    view! {
                        <section class="card" aria-labelledby="home-festival">
                            <h2 id="home-festival">{i.t(K::HomeFestival)}</h2>
                            {history.map(|h| view! { <p class="eyebrow">{h}</p> })}
                            <h3>{e.name.get(en).to_string()}</h3>
                            <p>{e.period.get(en).to_string()}</p>
                            <A href=Page::Festival.href()>{i.t(K::SeeAll)}</A>
                        </section>
                    }
                });
            view! {
                {route}
                {latest}
                <p class="fineprint">{i.t(K::ContentVersion)}" "{pack.meta.version.clone()}</p>
            }
        } />
    }
}
