//! The GPX export, read back with a minimal XML check: the elements a map app needs, balanced
//! tags, and text that cannot break out of its element.

use qiaosi_core::content::{I18n, Position, Precision, Route, Stop};
use qiaosi_core::gpx::route_gpx;

const SHIPPED: &str = include_str!("../../../public/content/pack.json");

fn pack() -> qiaosi_core::content::Pack {
    qiaosi_core::validate::load(SHIPPED).unwrap()
}

fn count(xml: &str, open: &str) -> usize {
    xml.matches(open).count()
}

/// Tags nest and close in order, and every `&` starts one of XML's five entities.
fn well_formed(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("XML declaration");
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        check_text(&rest[..i]);
        let end = rest[i..].find('>').expect("unclosed tag") + i;
        let tag = &rest[i + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split(' ').next().unwrap());
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
    assert_eq!(rest.trim(), "");
}

fn check_text(text: &str) {
    assert!(!text.contains('>'), "raw > in {text:?}");
    for (i, _) in text.match_indices('&') {
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                .iter()
                .any(|e| text[i..].starts_with(e)),
            "bare & in {text:?}"
        );
    }
}

#[test]
fn the_seawall_walk_exports_only_what_has_a_position_and_no_line() {
    let p = pack();
    let route = p.route("seawall-heritage-walk").unwrap();
    let en = route_gpx(route, &p, true);
    well_formed(&en);
    assert!(en.contains(
        "<gpx version=\"1.1\" creator=\"Qiaosi Guide\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
    ));
    // The museum and the parlour have no known position: no waypoint is made up for them.
    // The station has Wikipedia's point, which says it is approximate.
    assert_eq!(count(&en, "<wpt "), 1);
    let station = p.place("qiaosi-station").unwrap().position.unwrap();
    assert!(en.contains(&format!(
        "<wpt lat=\"{}\" lon=\"{}\">",
        qiaosi_core::geo::degrees(station.lat),
        qiaosi_core::geo::degrees(station.lng)
    )));
    // Six decimals, from the pack's WGS-84 point.
    assert!(
        en.contains("<wpt lat=\"30.344170\" lon=\"120.283610\">"),
        "{en}"
    );
    assert!(en.contains("<name>Qiaosi Station (Metro Line 9)</name>"));
    assert!(en.contains("<cmt>Approximate position, within 500 m</cmt>"));
    // No source gives the line, so the track is empty rather than invented.
    assert_eq!(count(&en, "<trkpt "), 0);
    assert!(route.path.is_empty());
    assert_eq!(count(&en, "<trk>"), 1);
    // The summary names the parlour, whose English name has quotes; they arrive escaped.
    assert!(en.contains("&quot;Tide&quot;"), "{en}");
    let zh = route_gpx(route, &p, false);
    well_formed(&zh);
    assert!(zh.contains("<name>古海塘寻迹</name>"));
    assert!(zh.contains("<name>乔司站</name>"));
    assert!(zh.contains("<cmt>大致位置，误差约 500 米</cmt>"));
}

#[test]
fn names_cannot_break_the_xml() {
    let p = pack();
    let mut route: Route = p.route("seawall-heritage-walk").unwrap().clone();
    route.name.en = "Tea & <Seawall> walk".into();
    // The station stop, the one with a position, under a hostile name of its own.
    route.stops[1].name = Some(I18n {
        zh: "乔司站".into(),
        en: "</name></wpt><evil/>".into(),
    });
    route.stops[1].narrative.en = "a < b && c > d\u{1}".into();
    let x = route_gpx(&route, &p, true);
    well_formed(&x);
    assert!(x.contains("<name>Tea &amp; &lt;Seawall&gt; walk</name>"));
    assert!(x.contains("<name>&lt;/name&gt;&lt;/wpt&gt;&lt;evil/&gt;</name>"));
    // The control character is dropped: XML 1.0 cannot carry it at all.
    assert!(x.contains("<desc>a &lt; b &amp;&amp; c &gt; d</desc>"));
    assert_eq!(count(&x, "<wpt "), 1);
    // An unnamed point stop gets its number rather than an empty name.
    route.stops.push(Stop {
        place: None,
        point: Some(Position {
            lat: 30.35,
            lng: 120.28,
            precision: Precision::Approximate { radius_m: 100 },
        }),
        name: None,
        area: None,
        narrative: I18n::default(),
    });
    let unnamed = route_gpx(&route, &p, true);
    well_formed(&unnamed);
    assert_eq!(count(&unnamed, "<wpt "), 2);
    assert!(unnamed.contains("<name>Stop 4</name>"));
    assert!(route_gpx(&route, &p, false).contains("<name>第 4 站</name>"));
}
