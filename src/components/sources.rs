//! Where an entry's facts come from: each source with how it is known and its date, so a
//! reader can tell a report from a visit and follow the link to check. An OpenStreetMap source
//! carries the attribution its licence (ODbL) asks for, linked to OSM's copyright page.

use crate::i18n::{use_i18n, K};
use leptos::prelude::*;
use qiaosi_core::content::{Basis, Source, SEED};
use qiaosi_core::osm::ATTRIBUTION;

/// Where OpenStreetMap explains its licence and attribution.
const OSM_COPYRIGHT: &str = "https://www.openstreetmap.org/copyright";

/// The host of a URL, as the link's text: a full address does not fit a phone's width.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

#[component]
pub fn Sources(sources: Vec<Source>) -> impl IntoView {
    let i = use_i18n();
    let en = i.en();
    let items = sources
        .into_iter()
        .map(|s| {
            let cite = match s.url() {
                Some(u) => view! {
                    <a href=u.to_string() rel="noopener noreferrer">
                        {host(u).to_string()}
                    </a>
                }
                .into_any(),
                None if s.cite == SEED => format!("《{}》", s.cite).into_any(),
                // A visit, cited by who made it.
                None => s.cite.clone().into_any(),
            };
            // A visit's date is when it was checked; any other date is the source's own.
            let date = s.date.clone().map(|d| {
                let label = if s.basis == Basis::Surveyed {
                    K::CheckedOn
                } else {
                    K::Checked
                };
                format!(" · {} {d}", i.t(label))
            });
            let says = s
                .says
                .as_ref()
                .map(|t| view! { <span class="says">{t.get(en).to_string()}</span> });
            // ODbL: OSM facts are shown with their attribution, whatever else the source says.
            let attribution = (s.basis == Basis::Osm).then(|| {
                view! {
                    <span class="says">
                        <a href=OSM_COPYRIGHT rel="noopener noreferrer">
                            {ATTRIBUTION}
                        </a>
                    </span>
                }
            });
            view! {
                <li>
                    <span class="basis">{s.basis.describe(en)}</span>
                    {date}
                    " · "
                    {cite}
                    {says}
                    {attribution}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{i.t(K::Source)}</h2>
        <ul class="sources">{items}</ul>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn links_show_their_host() {
        assert_eq!(
            super::host("https://zj.people.com.cn/n2/2023/1228/c186327-40695252.html"),
            "zj.people.com.cn"
        );
        assert_eq!(super::host("http://a.b"), "a.b");
    }
}
