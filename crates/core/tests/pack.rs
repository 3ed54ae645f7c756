//! The shipped pack is valid, and every kind of bad pack is reported with its JSON path.

use qiaosi_core::content::Precision;
use qiaosi_core::validate::{load, Kind, Problem};
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../../../public/content/pack.json");

fn shipped() -> Value {
    serde_json::from_str(SHIPPED).unwrap()
}

fn problems(v: &Value) -> Vec<Problem> {
    load(&v.to_string()).expect_err("pack should be refused")
}

fn has(ps: &[Problem], path: &str, kind: Kind) -> bool {
    ps.iter().any(|p| p.path == path && p.kind == kind)
}

#[test]
fn the_shipped_pack_is_valid_and_honest() {
    let pack = load(SHIPPED).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(pack.places.len() >= 15);
    assert!(!pack.routes.is_empty());
    assert_eq!(
        pack.festival
            .iter()
            .map(|e| e.start.as_str())
            .collect::<Vec<_>>(),
        ["2022-09-13", "2023-12-27"]
    );
    // Nothing in the sources gives hours, a phone or an exact position for these places.
    for p in &pack.places {
        assert!(
            p.hours.is_none() && p.phone.is_none(),
            "{} has invented facts",
            p.id
        );
        assert!(
            matches!(p.position.precision, Precision::Approximate { .. }),
            "{} claims an exact position",
            p.id
        );
    }
    let names: Vec<&str> = pack.places.iter().map(|p| p.name.zh.as_str()).collect();
    for want in [
        "24小时图书馆",
        "杭州书房",
        "临品书坊",
        "临品艺站",
        "乔司新文化大楼",
        "乔司乡贤馆",
        "牛角村古海塘遗址",
    ] {
        assert!(names.contains(&want), "missing {want}");
    }
}

#[test]
fn reports_every_problem_with_its_path() {
    let mut v = shipped();
    v["places"][3]["position"]["lat"] = json!(123.0);
    v["places"][4]["category"] = json!("casino");
    v["places"][5]["id"] = v["places"][0]["id"].clone();
    v["places"][6]["hours"] = json!("Mo-Fr 25:00-26:00 nonsense");
    v["places"][7]["checked"] = json!("2023-02-30");
    v["routes"][0]["stops"][0]["place"] = json!("no-such-place");
    v["festival"][1]["events"][6]["place"] = json!("nowhere");
    v["festival"][0]["events"][0]["start"] = json!("2022-09-13T19:00");
    v["checkin"]["points"][0]["place"] = json!("gone");
    v["meta"]["tiles"]["url"] = json!("http://tiles.example/{z}/{x}.png");
    let ps = problems(&v);
    assert!(
        has(&ps, "places[3].position.lat", Kind::OutOfRange),
        "{ps:#?}"
    );
    assert!(has(&ps, "places[4].category", Kind::UnknownCategory));
    assert!(has(&ps, "places[5].id", Kind::DuplicateId));
    assert!(has(&ps, "places[6].hours", Kind::BadHours));
    assert!(has(&ps, "places[7].checked", Kind::BadDate));
    assert!(has(&ps, "routes[0].stops[0].place", Kind::Dangling));
    assert!(has(&ps, "festival[1].events[6].place", Kind::Dangling));
    assert!(has(&ps, "festival[0].events[0].start", Kind::BadDate));
    assert!(has(&ps, "checkin.points[0].place", Kind::Dangling));
    assert!(has(&ps, "meta.tiles.url", Kind::BadUrl));
    assert_eq!(ps.len(), 10, "{ps:#?}");
    assert_eq!(
        ps[0].to_string(),
        "meta.tiles.url: must be an https URL template with {z}, {x} and {y}"
    );
}

#[test]
fn structural_errors_name_the_field() {
    let mut v = shipped();
    v["places"][2]["position"]["lat"] = json!("north");
    let ps = problems(&v);
    assert_eq!(ps.len(), 1);
    assert_eq!(
        (ps[0].path.as_str(), ps[0].kind),
        ("places[2].position.lat", Kind::Syntax)
    );

    let mut v = shipped();
    v["places"][0]["name"]["fr"] = json!("Bibliothèque");
    assert_eq!(problems(&v)[0].path, "places[0].name.fr");
}

#[test]
fn truncated_empty_and_wrong_schema_packs_are_refused() {
    let mut half = SHIPPED.len() / 2;
    while !SHIPPED.is_char_boundary(half) {
        half += 1;
    }
    let cut = &SHIPPED[..half];
    assert_eq!(load(cut).unwrap_err()[0].kind, Kind::Syntax);
    assert_eq!(load("").unwrap_err()[0].kind, Kind::Syntax);
    assert_eq!(load("[]").unwrap_err()[0].kind, Kind::Syntax);
    let mut v = shipped();
    v["meta"]["schema"] = json!(2);
    assert!(has(&problems(&v), "meta.schema", Kind::Schema));
}

#[test]
fn stops_and_checkin_points_name_exactly_one_target() {
    let mut v = shipped();
    v["routes"][0]["stops"][1]["place"] = json!("tide-parlour"); // has a point too
    v["checkin"]["points"][1]["event"] = json!("2023/dances"); // has a place too
    v["checkin"]["points"][0] = json!({"id": "ev", "event": "2023/no-such-event"});
    let ps = problems(&v);
    assert!(has(&ps, "routes[0].stops[1]", Kind::Empty), "{ps:#?}");
    assert!(has(&ps, "checkin.points[1]", Kind::Empty));
    assert!(has(&ps, "checkin.points[0].event", Kind::Dangling));
}

#[test]
fn pinyin_keys_must_be_toneless_lowercase_syllables() {
    let mut v = shipped();
    v["places"][0]["pinyin"] = json!(["tu shu guan", "Tú shū guǎn", "tu  shu"]);
    let ps = problems(&v);
    assert!(has(&ps, "places[0].pinyin[1]", Kind::Syntax), "{ps:#?}");
    assert!(has(&ps, "places[0].pinyin[2]", Kind::Syntax), "{ps:#?}");
    assert_eq!(ps.len(), 2, "{ps:#?}");
    // Keys are optional: a pack written before them still loads.
    let mut v = shipped();
    for p in v["places"].as_array_mut().unwrap() {
        p.as_object_mut().unwrap().remove("pinyin");
    }
    assert!(load(&v.to_string()).is_ok());
}

#[test]
fn rewards_and_the_sync_endpoint_are_checked() {
    let mut v = shipped();
    v["checkin"]["rewards"] = json!([
        { "id": "all", "name": { "zh": "集章", "en": "Stamps" }, "need": 2 },
        { "id": "bad", "name": { "zh": "奖", "en": "Prize" }, "points": ["tide-parlour", "nowhere"], "need": 3 },
        { "id": "twice", "name": { "zh": "奖", "en": "Prize" }, "points": ["tide-parlour", "tide-parlour"], "need": 2 }
    ]);
    v["checkin"]["sync"] = json!("http://example.com/checkins");
    let ps = problems(&v);
    assert!(
        has(&ps, "checkin.rewards[1].points[1]", Kind::Dangling),
        "{ps:?}"
    );
    assert!(
        has(&ps, "checkin.rewards[1].need", Kind::OutOfRange),
        "{ps:?}"
    );
    assert!(has(&ps, "checkin.sync", Kind::BadUrl), "{ps:?}");
    // A point listed twice is still one point: two of it can never be collected.
    assert!(
        has(&ps, "checkin.rewards[2].need", Kind::OutOfRange),
        "{ps:?}"
    );
    assert!(
        !ps.iter().any(|p| p.path.starts_with("checkin.rewards[0]")),
        "{ps:?}"
    );
    for bad in ["https://a b/x", "https://user:pw@host/x", "//host/x"] {
        v["checkin"]["sync"] = json!(bad);
        assert!(has(&problems(&v), "checkin.sync", Kind::BadUrl), "{bad}");
    }
    // A path on the guide's own host is fine, and so is the first reward.
    v["checkin"]["sync"] = json!("/api/checkins");
    v["checkin"]["rewards"] = json!([v["checkin"]["rewards"][0]]);
    let pack = load(&v.to_string()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(pack.checkin.sync.as_deref(), Some("/api/checkins"));
    assert_eq!(pack.checkin.rewards[0].need, 2);
}
