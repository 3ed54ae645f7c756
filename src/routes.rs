//! Every address of the app, in one typed place.
//!
//! These paths are printed on posters and shared as links: they never change. A link is built
//! with [`Page::href`] (never by hand), the router's table in `app.rs` matches the same paths
//! (the tests below run each href through leptos_router's own matcher), and the tab bar comes
//! from [`TABS`]. Adding a page: a variant here (its href, parse and section), a file in
//! `pages/`, and one `<Route>` line in `app.rs`.

use crate::components::icons::Icon;
use crate::i18n::K;

/// A page of the app, with what its address carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page<'a> {
    Home,
    /// The place list, optionally filtered to one category (`/places?cat=fitness`).
    Places(Option<&'a str>),
    Place(&'a str),
    Map,
    Routes,
    Route(&'a str),
    Festival,
    /// An event of a festival edition: (edition, event).
    Event(&'a str, &'a str),
    /// A scanned check-in code in the path: posters printed before the fragment form.
    Checkin(&'a str),
    /// A scanned check-in code after `#` (`/checkin#<code>`), as posters carry it now: the
    /// fragment never reaches a server, so no server log holds a working code.
    CheckinFragment(&'a str),
    Passport,
    Staff,
    /// A staff phone's desk code (动态打卡码), refreshed every 30 s.
    Desk,
    /// Survey mode for the people who run the guide: not in the tab bar.
    Survey,
    Me,
}

/// The bottom tab bar: each tab's page, label and icon.
pub const TABS: [(Page<'static>, K, Icon); 6] = [
    (Page::Home, K::TabHome, Icon::Home),
    (Page::Places(None), K::TabPlaces, Icon::Search),
    (Page::Map, K::TabMap, Icon::Map),
    (Page::Routes, K::TabSeawall, Icon::Wave),
    (Page::Festival, K::TabFestival, Icon::Flag),
    (Page::Me, K::TabMe, Icon::User),
];

impl<'a> Page<'a> {
    /// The page's address (with its fragment, for a check-in code). Ids in the pack are checked
    /// to be plain slugs (letters, digits, `-`) and check-in codes are base64url, so no part
    /// needs escaping.
    pub fn href(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Places(None) => "/places".into(),
            Page::Places(Some(cat)) => format!("/places?cat={cat}"),
            Page::Place(id) => format!("/places/{id}"),
            Page::Map => "/map".into(),
            Page::Routes => "/routes".into(),
            Page::Route(id) => format!("/routes/{id}"),
            Page::Festival => "/festival".into(),
            Page::Event(edition, event) => format!("/festival/{edition}/{event}"),
            Page::Checkin(code) => format!("/checkin/{code}"),
            Page::CheckinFragment(code) => format!("/checkin#{code}"),
            Page::Passport => "/passport".into(),
            Page::Staff => "/staff".into(),
            Page::Desk => "/desk".into(),
            Page::Survey => "/survey".into(),
            Page::Me => "/me".into(),
        }
    }

    /// The page at a path (with its query and fragment, if any); `None` for the not-found page.
    pub fn parse(href: &'a str) -> Option<Page<'a>> {
        let (href, fragment) = href.split_once('#').unwrap_or((href, ""));
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        Some(match segs.as_slice() {
            [] => Page::Home,
            ["places"] => Page::Places(query_param(query, "cat")),
            ["places", id] => Page::Place(id),
            ["map"] => Page::Map,
            ["routes"] => Page::Routes,
            ["routes", id] => Page::Route(id),
            ["festival"] => Page::Festival,
            ["festival", edition, event] => Page::Event(edition, event),
            ["checkin"] => Page::CheckinFragment(fragment),
            ["checkin", code] => Page::Checkin(code),
            ["passport"] => Page::Passport,
            ["staff"] => Page::Staff,
            ["desk"] => Page::Desk,
            ["survey"] => Page::Survey,
            ["me"] => Page::Me,
            _ => return None,
        })
    }

    /// The tab a page belongs to, so deep pages keep their section's tab lit.
    pub fn section(&self) -> Page<'static> {
        match self {
            Page::Home => Page::Home,
            Page::Places(_) | Page::Place(_) => Page::Places(None),
            Page::Map => Page::Map,
            Page::Routes | Page::Route(_) => Page::Routes,
            Page::Festival | Page::Event(..) => Page::Festival,
            Page::Checkin(_)
            | Page::CheckinFragment(_)
            | Page::Passport
            | Page::Staff
            | Page::Desk
            | Page::Survey
            | Page::Me => Page::Me,
        }
    }
}

/// A query parameter's value. Values are the app's own (category ids): plain ASCII, never
/// percent-encoded.
fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (k == name && !v.is_empty()).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Page<'static>> {
        vec![
            Page::Home,
            Page::Places(None),
            Page::Places(Some("fitness")),
            Page::Place("library-24h"),
            Page::Map,
            Page::Routes,
            Page::Route("seawall-heritage-walk"),
            Page::Festival,
            Page::Event("2023", "opening"),
            Page::Checkin("AQJrMQ-_x"),
            Page::CheckinFragment("AQJrMQ-_x"),
            Page::Passport,
            Page::Staff,
            Page::Desk,
            Page::Survey,
            Page::Me,
        ]
    }

    #[test]
    fn every_page_round_trips_through_its_href() {
        for page in every_kind() {
            let href = page.href();
            assert_eq!(Page::parse(&href), Some(page), "{href}");
        }
    }

    #[test]
    fn the_stable_paths_are_what_posters_and_links_use() {
        assert_eq!(Page::Place("x").href(), "/places/x");
        assert_eq!(Page::Event("a", "b").href(), "/festival/a/b");
        assert_eq!(Page::Checkin("c").href(), "/checkin/c");
        assert_eq!(Page::CheckinFragment("c").href(), "/checkin#c");
        assert_eq!(Page::Places(Some("culture")).href(), "/places?cat=culture");
        assert_eq!(Page::parse("/places/"), Some(Page::Places(None)));
        // A bare /checkin is the check-in page with no code (it says the code is not valid);
        // a query before the fragment (a poster link with tracking added) still finds the code.
        assert_eq!(Page::parse("/checkin"), Some(Page::CheckinFragment("")));
        assert_eq!(
            Page::parse("/checkin?utm=x#c"),
            Some(Page::CheckinFragment("c"))
        );
        assert_eq!(Page::parse("/checkin/c#x"), Some(Page::Checkin("c")));
        for bad in [
            "/nope",
            "/places/a/b",
            "/festival/2023",
            "/checkin/a/b",
            "/me/x",
        ] {
            assert_eq!(Page::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn deep_pages_light_their_section() {
        assert_eq!(Page::Place("x").section(), Page::Places(None));
        assert_eq!(Page::Event("a", "b").section(), Page::Festival);
        assert_eq!(Page::Checkin("x").section(), Page::Me);
        assert_eq!(Page::CheckinFragment("x").section(), Page::Me);
        for (tab, ..) in TABS {
            assert_eq!(tab.section(), tab, "a tab is its own section");
        }
    }

    #[test]
    fn the_router_table_matches_every_href_with_the_same_parameters() {
        for page in every_kind() {
            let href = page.href();
            let path = href.split(['?', '#']).next().unwrap();
            let (name, params) = crate::app::match_path(path)
                .unwrap_or_else(|| panic!("{href}: no route in the router's table"));
            let p = |k: &str, v: &str| (k.to_string(), v.to_string());
            let (want_name, want): (&str, Vec<_>) = match page {
                Page::Home => ("home", vec![]),
                Page::Places(_) => ("places", vec![]),
                Page::Place(id) => ("place", vec![p("id", id)]),
                Page::Map => ("map", vec![]),
                Page::Routes => ("routes", vec![]),
                Page::Route(id) => ("route", vec![p("id", id)]),
                Page::Festival => ("festival", vec![]),
                Page::Event(ed, ev) => ("event", vec![p("edition", ed), p("event", ev)]),
                Page::Checkin(c) => ("checkin", vec![p("code", c)]),
                // The code is in the fragment, which the router's path match never sees.
                Page::CheckinFragment(_) => ("checkin_fragment", vec![]),
                Page::Passport => ("passport", vec![]),
                Page::Staff => ("staff", vec![]),
                Page::Desk => ("desk", vec![]),
                Page::Survey => ("survey", vec![]),
                Page::Me => ("me", vec![]),
            };
            assert_eq!((name, params), (want_name, want), "{href}");
        }
        for bad in ["/nope", "/places/a/b", "/festival/2023", "/checkin/a/b"] {
            assert_eq!(crate::app::match_path(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_service_worker_gives_the_shell_to_exactly_these_pages() {
        // public/sw.js keeps its own list (it can't read this file): the two must agree.
        let sw = include_str!("../public/sw.js");
        let line = sw
            .lines()
            .find(|l| l.starts_with("const ROUTE_ROOTS = new Set(["))
            .expect("sw.js has ROUTE_ROOTS");
        let list = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
        let mut in_sw: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('\''))
            .collect();
        in_sw.sort();
        let mut ours: Vec<String> = every_kind()
            .iter()
            .map(|p| {
                p.href()
                    .split(['/', '?', '#'])
                    .nth(1)
                    .unwrap_or("")
                    .to_string()
            })
            .collect();
        ours.sort();
        ours.dedup();
        assert_eq!(in_sw, ours);
    }
}
