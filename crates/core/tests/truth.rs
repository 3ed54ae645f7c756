//! The validator's rules that keep a guess from passing as a fact (content/reach.rs and
//! validate/truth.rs): sources a reader can follow, positions no finer than their basis,
//! areas named once, lines someone walked, and no source dated after today.

use qiaosi_core::validate::{load, Kind};
use serde_json::{json, Value};

mod common;
use common::*;

#[test]
fn a_guess_cannot_pass_as_a_fact() {
    let point =
        |lat: f64, precision: Value| json!({ "lat": lat, "lng": 120.28, "precision": precision });

    // A cite a reader cannot follow.
    let mut v = shipped();
    v["places"][2]["sources"][0]["cite"] = json!("2023 feature article on 乔司街道");
    v["routes"][0]["sources"][1]["cite"] = json!("hznews.hangzhou.com.cn 2013-05-30");
    v["festival"][1]["sources"][0]["cite"] = json!("https://");
    let ps = problems(&v);
    assert!(
        has(&ps, "places[2].sources[0].cite", Kind::Unsourced),
        "{ps:#?}"
    );
    assert!(
        has(&ps, "routes[0].sources[1].cite", Kind::Unsourced),
        "{ps:#?}"
    );
    assert!(
        has(&ps, "festival[1].sources[0].cite", Kind::Unsourced),
        "{ps:#?}"
    );
    assert_eq!(ps.len(), 3, "{ps:#?}");
    // …or no source at all.
    let mut v = shipped();
    v["places"][0]["sources"] = json!([]);
    assert!(has(&problems(&v), "places[0].sources", Kind::Unsourced));

    // An exact position from a press report: only a visit or the venue itself can say that.
    let mut v = shipped();
    v["places"][0]["position"] = point(30.35, json!("exact"));
    let ps = problems(&v);
    assert!(
        has(&ps, "places[0].position.precision", Kind::Overstated),
        "{ps:#?}"
    );
    assert_eq!(ps.len(), 1, "{ps:#?}");
    // The museum's official page could vouch for one.
    let museum = at(&v, "seawall-museum");
    v["places"][0] = v["places"][museum].clone();
    v["places"][0]["id"] = json!("museum-copy");
    v["places"][0]["position"] = point(30.35, json!("exact"));
    assert!(load(&v.to_string()).is_ok());

    // Two places on one point: one invented point reused, unless one lies within the other.
    let mut v = shipped();
    let station = at(&v, "qiaosi-station");
    v["places"][1]["position"] = v["places"][station]["position"].clone();
    let ps = problems(&v);
    // Reported at the later of the two, naming the earlier.
    let path = format!("places[{station}].position");
    assert!(has(&ps, &path, Kind::Overstated), "{ps:#?}");
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(
        ps[0].message.contains("\"hangzhou-study-room\""),
        "{}",
        ps[0]
    );
    v["places"][1]["within"] = json!("qiaosi-station");
    assert!(load(&v.to_string()).is_ok());
    v["places"][1]["within"] = json!("nowhere");
    assert!(has(&problems(&v), "places[1].within", Kind::Dangling));

    // Without a position, or with one only good to 300 m or more, a place needs an area.
    let mut v = shipped();
    v["places"][0].as_object_mut().unwrap().remove("area");
    let station = at(&v, "qiaosi-station");
    v["places"][station].as_object_mut().unwrap().remove("area");
    let ps = problems(&v);
    assert!(has(&ps, "places[0].area", Kind::Empty), "{ps:#?}");
    assert!(
        has(&ps, &format!("places[{station}].area"), Kind::Empty),
        "{ps:#?}"
    );
    assert_eq!(ps.len(), 2, "{ps:#?}");
    // A point good to 50 m is a destination and needs no area words.
    v["places"][station]["position"] =
        point(30.34417, json!({ "approximate": { "radius_m": 50 } }));
    assert!(has(&problems(&v), "places[0].area", Kind::Empty));
    assert!(!has(
        &problems(&v),
        &format!("places[{station}].area"),
        Kind::Empty
    ));

    // An area is named, not framed: the app says "大致在…一带" itself.
    let mut v = shipped();
    v["places"][0]["area"] = json!({ "zh": "乔司街道一带", "en": "Qiaosi" });
    v["places"][1]["area"] = json!({ "zh": "乔司街道", "en": "Around Qiaosi" });
    let ps = problems(&v);
    assert!(has(&ps, "places[0].area", Kind::OutOfRange), "{ps:#?}");
    assert!(has(&ps, "places[1].area", Kind::OutOfRange), "{ps:#?}");

    // A source's date is a date.
    let mut v = shipped();
    v["places"][0]["sources"][0]["date"] = json!("2023/12");
    assert!(has(
        &problems(&v),
        "places[0].sources[0].date",
        Kind::BadDate
    ));

    // A line to follow (and to warn "off route" against) needs someone who walked it.
    let mut v = shipped();
    v["routes"][0]["path"] = json!([[30.356, 120.28], [30.346, 120.28]]);
    v["routes"][0]["path_precision"] = json!({ "approximate": { "radius_m": 20 } });
    let ps = problems(&v);
    assert!(
        has(&ps, "routes[0].path_precision", Kind::Overstated),
        "{ps:#?}"
    );
    assert_eq!(ps.len(), 1, "{ps:#?}");
    // Drawn only roughly, the same line is allowed: it is then neither measured nor followed.
    v["routes"][0]["path_precision"] = json!({ "approximate": { "radius_m": 1500 } });
    assert!(load(&v.to_string()).is_ok());
    // With a survey behind it, the fine line is allowed too.
    v["routes"][0]["path_precision"] = json!("exact");
    v["routes"][0]["sources"].as_array_mut().unwrap().push(
        json!({ "cite": "https://example.org/walk", "basis": "surveyed", "date": "2026-11-30" }),
    );
    assert!(load(&v.to_string()).is_ok());

    // A geofence around a place that is only an area would measure against a guess.
    let mut v = shipped();
    v["checkin"]["points"][0]["geofence_m"] = json!(200);
    let ps = problems(&v);
    assert!(
        has(&ps, "checkin.points[0].geofence_m", Kind::Overstated),
        "{ps:#?}"
    );
}

#[test]
fn a_source_dated_after_today_is_found_for_the_cli() {
    use qiaosi_core::time::Date;
    let pack = load(SHIPPED).unwrap();
    assert!(
        qiaosi_core::validate::dated_after(&pack, Date::parse("2026-11-30").unwrap()).is_empty()
    );
    let mut v = shipped();
    v["places"][0]["sources"][0]["date"] = json!("2027-01");
    let pack = load(&v.to_string()).unwrap();
    let ps = qiaosi_core::validate::dated_after(&pack, Date::parse("2026-12-31").unwrap());
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].path, "places[0].sources[0].date");
    assert!(
        qiaosi_core::validate::dated_after(&pack, Date::parse("2027-01-01").unwrap()).is_empty()
    );
}
