//! The check-in section of a pack: points name one target, rewards and the sync endpoint are
//! checked, and the staff guide's address is an https one.

use qiaosi_core::validate::{load, Kind};
use serde_json::json;

mod common;
use common::*;

#[test]
fn stops_and_checkin_points_name_exactly_one_target() {
    let mut v = shipped();
    v["routes"][0]["stops"][1]["point"] =
        json!({ "lat": 30.34, "lng": 120.28, "precision": { "approximate": { "radius_m": 50 } } }); // has a place too
    v["checkin"]["points"][1]["event"] = json!("2023/dances"); // has a place too
    v["checkin"]["points"][0] = json!({"id": "ev", "event": "2023/no-such-event"});
    let ps = problems(&v);
    assert!(has(&ps, "routes[0].stops[1]", Kind::Empty), "{ps:#?}");
    assert!(has(&ps, "checkin.points[1]", Kind::Empty));
    assert!(has(&ps, "checkin.points[0].event", Kind::Dangling));
}

#[test]
fn rewards_and_the_sync_endpoint_are_checked() {
    let mut v = shipped();
    v["checkin"]["rewards"] = json!([
        { "id": "all", "name": { "zh": "集章", "en": "Stamps" }, "need": 2, "edition": "2023" },
        { "id": "bad", "name": { "zh": "奖", "en": "Prize" }, "points": ["tide-parlour", "nowhere"], "need": 3 },
        { "id": "twice", "name": { "zh": "奖", "en": "Prize" }, "points": ["tide-parlour", "tide-parlour"], "need": 2,
          "from": "2024-09-18", "until": "2024-09-22" },
        { "id": "gone", "name": { "zh": "奖", "en": "Prize" }, "need": 1, "edition": "2019" },
        { "id": "both", "name": { "zh": "奖", "en": "Prize" }, "need": 1, "edition": "2023", "from": "2024-09-18", "until": "2024-09-22" },
        { "id": "backwards", "name": { "zh": "奖", "en": "Prize" }, "need": 1, "from": "2024-09-22", "until": "2024-09-18" },
        { "id": "half", "name": { "zh": "奖", "en": "Prize" }, "need": 1, "from": "2024-09-22" }
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
    // A reward names its window: one edition of the pack, or first and last day in order.
    assert!(has(&ps, "checkin.rewards[1]", Kind::Empty), "{ps:?}");
    assert!(
        has(&ps, "checkin.rewards[3].edition", Kind::Dangling),
        "{ps:?}"
    );
    assert!(has(&ps, "checkin.rewards[4]", Kind::Empty), "{ps:?}");
    assert!(
        has(&ps, "checkin.rewards[5].until", Kind::OutOfRange),
        "{ps:?}"
    );
    assert!(has(&ps, "checkin.rewards[6]", Kind::Empty), "{ps:?}");
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

#[test]
fn the_staff_address_is_https_and_names_where_passports_are_checked() {
    let mut v = shipped();
    let origin = "https://guide.example";
    let pack = load(&v.to_string()).unwrap();
    // Not named: the visitors' own guide.
    assert_eq!(
        pack.checkin.staff_check_url(origin),
        "https://guide.example/staff"
    );
    for bad in [
        "http://staff.example",
        "staff.example",
        "https://staff.example/#x",
        "https://u@staff.example",
        "https://",
        // The staff build is served from its site's root.
        "https://example.org/desk-app/",
        "https://staff.example\t",
        "https://staff.example\n/x",
    ] {
        v["checkin"]["staff"] = json!(bad);
        assert!(has(&problems(&v), "checkin.staff", Kind::BadUrl), "{bad}");
    }
    for (good, url) in [
        ("https://staff.example", "https://staff.example/staff"),
        ("https://staff.example/", "https://staff.example/staff"),
        ("http://localhost:8081", "http://localhost:8081/staff"),
    ] {
        v["checkin"]["staff"] = json!(good);
        let pack = load(&v.to_string()).unwrap_or_else(|e| panic!("{good}: {e:?}"));
        assert_eq!(pack.checkin.staff_check_url(origin), url);
    }
}
