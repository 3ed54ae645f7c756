//! The shipped pack is valid, and every kind of bad pack is reported with its JSON path.

use qiaosi_core::content::{Basis, Precision, SEED};
use qiaosi_core::validate::{load, Kind};
use serde_json::{json, Value};

mod common;
use common::*;

/// Every `{zh, en}` text in the document, wherever it is.
fn texts(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(zh)), Some(Value::String(en)), 2) =
                (m.get("zh"), m.get("en"), m.len())
            {
                out.push((zh.clone(), en.clone()));
            }
            m.values().for_each(|x| texts(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        _ => {}
    }
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
    for p in &pack.places {
        // Hours and a phone number only where the venue itself published them.
        if p.id == "seawall-museum" {
            assert_eq!(p.hours.as_deref(), Some("Tu-Su 09:00-16:30"));
            assert_eq!(p.phone.as_deref(), Some("+86 571 86912900"));
            assert!(p.sources.iter().any(|s| s.basis == Basis::Official));
        } else {
            assert!(
                p.hours.is_none() && p.phone.is_none(),
                "{} has invented facts",
                p.id
            );
        }
        // Nothing was checked on site, and no official source gives an exact spot.
        assert!(
            p.sources.iter().all(|s| s.basis != Basis::Surveyed),
            "{} claims a survey",
            p.id
        );
        if let Some(pos) = &p.position {
            assert!(
                matches!(pos.precision, Precision::Approximate { .. }),
                "{} claims an exact position",
                p.id
            );
        } else {
            assert!(p.area.is_some(), "{} says nowhere where it is", p.id);
        }
    }
    // No invented shared point.
    for (i, a) in pack.places.iter().enumerate() {
        for b in &pack.places[..i] {
            if let (Some(x), Some(y)) = (a.position, b.position) {
                assert!(
                    (x.lat, x.lng) != (y.lat, y.lng),
                    "{} and {} share a point",
                    a.id,
                    b.id
                );
            }
        }
    }
    // Every source can be followed: a full URL or the seed article.
    let sources = pack
        .places
        .iter()
        .flat_map(|p| &p.sources)
        .chain(pack.routes.iter().flat_map(|r| &r.sources))
        .chain(pack.festival.iter().flat_map(|e| &e.sources));
    for s in sources {
        assert!(s.is_citable(), "{:?}", s.cite);
        assert!(
            s.cite == SEED || s.cite.starts_with("https://"),
            "{}",
            s.cite
        );
    }
    // Not places: an online platform, a photo caption, a name cut off mid-sentence.
    for gone in ["cloud-governance-centre", "elderly-care", "liangshu-health"] {
        assert!(pack.place(gone).is_none(), "{gone} is back");
    }
    // Categories of places have no point, only an area.
    for id in [
        "fitness-spots",
        "basketball-courts",
        "party-service-stations",
    ] {
        let p = pack.place(id).unwrap();
        assert!(p.position.is_none() && p.area.is_some(), "{id}");
        assert!(p.description.zh.contains("尚未找到"), "{id}");
    }
    // The Niujiao dig: no point, and both accounts with what each says.
    let niujiao = pack.place("niujiao-seawall").unwrap();
    assert!(niujiao.position.is_none() && niujiao.area.is_some());
    assert_eq!(niujiao.sources.len(), 2);
    assert!(niujiao.sources.iter().all(|s| s.says.is_some()));
    assert!(niujiao.description.en.contains("not open to visitors"));
    // The metro station: Wikipedia's point, shown as an area.
    let station = pack.place("qiaosi-station").unwrap();
    let pos = station.position.unwrap();
    assert_eq!((pos.lat, pos.lng), (30.34417, 120.28361));
    assert_eq!(pos.precision, Precision::Approximate { radius_m: 500 });
    assert!(station.area.is_some() && station.located().is_none());
    for tag in ["地铁", "交通", "metro"] {
        assert!(station.tags.iter().any(|t| t == tag), "{tag}");
    }
    let bookshop = pack.place("ruihua-linpin-bookshop").unwrap();
    assert_eq!(bookshop.address.as_ref().unwrap().zh, "乔司街道锦良路50号");
    assert_eq!(bookshop.sources[0].basis, Basis::Aggregator);
    // The seawall walk is told stop by stop: the seawall runs east–west, and no source gives
    // a line to draw. Walkers are sent to the museum, not to the old dig.
    let walk = pack.route("seawall-heritage-walk").unwrap();
    assert!(walk.path.is_empty() && !walk.follows_line());
    let stops: Vec<_> = walk
        .stops
        .iter()
        .filter_map(|s| s.place.as_deref())
        .collect();
    assert_eq!(stops, ["seawall-museum", "qiaosi-station", "tide-parlour"]);
    // Check-in points stand at places; with no located place, no geofence.
    let points: Vec<_> = pack.checkin.points.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(points, ["tide-parlour", "seawall-museum"]);
    assert!(pack.checkin.points.iter().all(|p| p.geofence_m.is_none()));
    assert!(pack.checkin.keys.is_empty());
    // The 2nd edition as people.cn published it.
    let second = pack.edition("2023").unwrap();
    assert_eq!(second.end, None);
    let speakers = second
        .events
        .iter()
        .find(|e| e.title.zh.contains("宣讲员"))
        .expect("the 宣讲员 event");
    assert!(speakers.title.zh.contains("乔司好声音"));
    let tea = second.event("teahouse-reopens").unwrap();
    assert_eq!(tea.start.as_deref(), Some("2023-12-27"));
    assert_eq!(tea.place.as_deref(), Some("old-teahouse"));
    assert!(!second.summary.zh.contains("文化礼堂"));
    let school = second.event("elders-school").unwrap();
    assert!(school.description.zh.contains("老年人"));
    // The 1st: the logo and song came during the festival, not at the opening.
    let first = pack.edition("2022").unwrap();
    assert!(!first
        .event("opening")
        .unwrap()
        .title
        .zh
        .contains("勇立潮头"));
    assert!(first
        .events
        .iter()
        .any(|e| e.title.zh.contains("勇立潮头") && e.start.is_none()));
    assert_eq!(
        first.event("mothers-taste").unwrap().title.zh,
        "品尝妈妈的味道，唤醒古海塘乡愁"
    );
    assert!(first.event("nostalgia").is_none());

    let mut all = Vec::new();
    texts(&shipped(), &mut all);
    assert!(all.len() > 80, "{}", all.len());
    for (zh, en) in &all {
        assert!(!en.contains("strongest in the world"), "{en}");
        // "Not found by this guide" is not "not yet published".
        assert!(
            !zh.contains("尚未公布") && !en.contains("not yet published"),
            "{zh}"
        );
        // 航海路 and 杭海路 are both "Hanghai Road": always said with their characters.
        for (i, _) in en.match_indices("Hanghai Road") {
            let rest = &en[i + "Hanghai Road".len()..];
            assert!(
                rest.starts_with(" (航海路)") || rest.starts_with(" (杭海路)"),
                "{en}"
            );
        }
    }
    // No two different Chinese names share one English name.
    let mut names: Vec<(&str, &str)> = pack
        .places
        .iter()
        .map(|p| (p.name.en.as_str(), p.name.zh.as_str()))
        .collect();
    names.sort_unstable();
    assert!(names.windows(2).all(|w| w[0].0 != w[1].0), "{names:?}");

    let names: Vec<&str> = pack.places.iter().map(|p| p.name.zh.as_str()).collect();
    for want in [
        "24小时图书馆",
        "杭州书房",
        "临品书坊",
        "瑞华社区临品书坊",
        "临品艺站",
        "乔司新文化大楼",
        "乔司乡贤馆",
        "牛角村古海塘遗址",
        "杭州海塘遗址博物馆",
        "乔司站",
    ] {
        assert!(names.contains(&want), "missing {want}");
    }
}

#[test]
fn reports_every_problem_with_its_path() {
    let mut v = shipped();
    let station = at(&v, "qiaosi-station");
    v["places"][station]["position"]["lat"] = json!(123.0);
    v["places"][4]["category"] = json!("casino");
    v["places"][5]["id"] = v["places"][0]["id"].clone();
    v["places"][6]["hours"] = json!("Mo-Fr 25:00-26:00 nonsense");
    v["places"][7]["sources"][0]["date"] = json!("2023-02-30");
    v["routes"][0]["stops"][0]["place"] = json!("no-such-place");
    v["festival"][1]["events"][6]["place"] = json!("nowhere");
    v["festival"][0]["events"][0]["start"] = json!("2022-09-13T19:00");
    v["checkin"]["points"][0]["place"] = json!("gone");
    v["meta"]["tiles"]["url"] = json!("http://tiles.example/{z}/{x}.png");
    let ps = problems(&v);
    assert!(
        has(
            &ps,
            &format!("places[{station}].position.lat"),
            Kind::OutOfRange
        ),
        "{ps:#?}"
    );
    assert!(has(&ps, "places[4].category", Kind::UnknownCategory));
    assert!(has(&ps, "places[5].id", Kind::DuplicateId));
    assert!(has(&ps, "places[6].hours", Kind::BadHours));
    assert!(has(&ps, "places[7].sources[0].date", Kind::BadDate));
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
    let station = at(&v, "qiaosi-station");
    v["places"][station]["position"]["lat"] = json!("north");
    let ps = problems(&v);
    assert_eq!(ps.len(), 1);
    assert_eq!(
        (ps[0].path.clone(), ps[0].kind),
        (format!("places[{station}].position.lat"), Kind::Syntax)
    );

    let mut v = shipped();
    v["places"][0]["name"]["fr"] = json!("Bibliothèque");
    assert_eq!(problems(&v)[0].path, "places[0].name.fr");

    // Schema 1's fields are gone: a pack still using them is refused by name.
    let mut v = shipped();
    v["places"][0]["checked"] = json!("2026-11-27");
    assert_eq!(problems(&v)[0].path, "places[0].checked");
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
    v["meta"]["schema"] = json!(1);
    assert!(has(&problems(&v), "meta.schema", Kind::Schema));
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
