//! The GPX export, read back with a minimal XML check: the elements a map app needs, balanced
//! tags, and text that cannot break out of its element.

use qiaosi_core::content::Route;
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
fn the_seawall_walk_exports_stops_and_path() {
    let p = pack();
    let route = p.route("seawall-heritage-walk").unwrap();
    let en = route_gpx(route, &p, true);
    well_formed(&en);
    assert!(en.contains(
        "<gpx version=\"1.1\" creator=\"Qiaosi Guide\" xmlns=\"http://www.topografix.com/GPX/1/1\">"
    ));
    assert_eq!(count(&en, "<wpt "), route.stops.len());
    assert_eq!(count(&en, "<trkpt "), route.path.len());
    assert_eq!(count(&en, "<trk>"), 1);
    // A place stop sits at its place; a point stop at its own point.
    let parlour = p.place("tide-parlour").unwrap().position;
    assert!(en.contains(&format!(
        "<wpt lat=\"{}\" lon=\"{}\">",
        parlour.lat, parlour.lng
    )));
    assert!(en.contains("<wpt lat=\"30.345\" lon=\"120.285\">"));
    assert!(en.contains("<name>The line of the old seawall</name>"));
    // Positions known only roughly say so, as the app does.
    assert!(en.contains("<cmt>Approximate position, within 1500 m</cmt>"));
    // The parlour's English name has quotes in it; they arrive escaped.
    assert!(en.contains("&quot;Tide&quot;"), "{en}");
    let zh = route_gpx(route, &p, false);
    well_formed(&zh);
    assert!(zh.contains("<name>古海塘寻迹</name>"));
    assert!(zh.contains("<name>古海塘一线</name>"));
}

#[test]
fn names_cannot_break_the_xml() {
    let p = pack();
    let mut route: Route = p.route("seawall-heritage-walk").unwrap().clone();
    route.name.en = "Tea & <Seawall> walk".into();
    route.stops[1].name.as_mut().unwrap().en = "</name></wpt><evil/>".into();
    route.stops[1].narrative.en = "a < b && c > d\u{1}".into();
    let x = route_gpx(&route, &p, true);
    well_formed(&x);
    assert!(x.contains("<name>Tea &amp; &lt;Seawall&gt; walk</name>"));
    assert!(x.contains("<name>&lt;/name&gt;&lt;/wpt&gt;&lt;evil/&gt;</name>"));
    // The control character is dropped: XML 1.0 cannot carry it at all.
    assert!(x.contains("<desc>a &lt; b &amp;&amp; c &gt; d</desc>"));
    assert_eq!(count(&x, "<wpt "), 3);
    // An unnamed point stop gets its number rather than an empty name.
    route.stops[1].name = None;
    let unnamed = route_gpx(&route, &p, true);
    assert!(unnamed.contains("<name>Stop 2</name>"));
    assert!(route_gpx(&route, &p, false).contains("<name>第 2 站</name>"));
}
