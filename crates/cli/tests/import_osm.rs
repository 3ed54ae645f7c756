//! `qiaosi import-osm` on a realistic Overpass export (`fixtures/overpass.json`): nodes, ways
//! and a relation with `center`, Chinese and English names, good and bad `opening_hours`, the
//! metro station twice (a node and its building) near the pack's rough point for it.

use serde_json::{json, Value};
use std::path::Path;
mod common;
use common::{qiaosi, scratch_dir, shipped, shipped_json};

fn fixture() -> String {
    format!(
        "{}/tests/fixtures/overpass.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn place<'a>(pack: &'a Value, id: &str) -> &'a Value {
    pack["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == id)
        .unwrap_or_else(|| panic!("no place {id}"))
}

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn an_overpass_export_updates_known_places_and_adds_new_ones() {
    let dir = scratch_dir("osm-import");
    let out = dir.join("new.json");
    let o = out.to_str().unwrap();
    let (code, stdout, stderr) = qiaosi(&[
        "import-osm",
        &fixture(),
        "--into",
        &shipped(),
        "--out",
        o,
        "--today",
        "2026-11-30",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for line in [
        "10 object(s), OpenStreetMap data of 2026-11-28 (© OpenStreetMap contributors, ODbL)",
        "meta.version: 2026.11.30 → 2026.11.30+osm-2026-11-28",
        // The station: same name, 65 m from the pack's rough point; OSM's point is finer.
        "place qiaosi-station (乔司站)\n  position: 30.34417, 120.28361 (±500 m) → 30.3446412, 120.2840187 (±25 m)\n  hours: (none) → Mo-Su 06:00-23:00\n  sources: + osm · https://www.openstreetmap.org/node/4701220581 · 2025-09-14 · “OSM 对象第 7 版 / OSM object version 7”",
        "way/512334901 is place \"qiaosi-station\" (same name, ",
        // A way with its centre, its address in Chinese.
        "new place qiaosi-cultural-home (乔司街道文化家园)\n  name: 乔司街道文化家园 / Qiaosi Cultural Home\n  category: service\n  position: 30.3512846, 120.2911702 (±25 m)\n  address: 杭州市临平区乔莫西路118号\n  hours: Mo-Su 08:30-20:30",
        "new place linping-district-library-qiaosi-branch (临平区图书馆乔司分馆)",
        "  phone: +86 571 86180000",
        // A bad opening_hours value: reported, left out.
        "new place osm-node-9120334460 (永西村健身点)",
        "  note: `每天 06:00-21:00` from node/9120334460: ",
        "; left out",
        "  note: no English name in OSM: the Chinese one stands in for it",
        "new place osm-way-901557210 (三角村篮球场)",
        "new place qiaosi-home-care-centre-for-the-elderly (乔司街道居家养老服务中心)\n  name: 乔司街道居家养老服务中心 / Qiaosi Home Care Centre for the Elderly\n  category: elderly",
        // The pack's health centre has no position: another one of the same name is not it.
        "new place osm-relation-16800321 (乔司卫生服务中心)",
        "the pack's place \"health-centre\" has the same name but no position",
        "node/9120334480 (doctor's practice): no name; skipped",
        "1 object(s) of kinds the guide does not list were passed over",
        "6 new place(s), 1 updated, 0 conflict(s)",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    let pack = read(&out);
    let station = place(&pack, "qiaosi-station");
    assert_eq!(
        station["name"],
        place(&shipped_json(), "qiaosi-station")["name"],
        "names are the editors'"
    );
    assert_eq!(
        station["area"]["en"],
        "the crossing of Qiaomo West Road (乔莫西路) and Nanjie (南街)"
    );
    let fit = place(&pack, "osm-node-9120334460");
    assert_eq!(fit.get("hours"), None);
    assert_eq!(fit["category"], "fitness");
    assert_eq!(fit["pinyin"], json!(["yong xi cun jian shen dian"]));
    assert_eq!(
        fit["description"]["en"],
        "Mapped on OpenStreetMap as an outdoor fitness station."
    );
    assert_eq!(
        fit["sources"],
        json!([{
            "cite": "https://www.openstreetmap.org/node/9120334460",
            "basis": "osm",
            "date": "2026-02-11",
            "says": { "zh": "OSM 对象第 2 版", "en": "OSM object version 2" }
        }])
    );
    let lib = place(&pack, "linping-district-library-qiaosi-branch");
    assert_eq!(lib["hours"], "Tu-Su 09:00-17:00; Mo off");
    assert_eq!(lib["category"], "reading");
    assert_eq!(
        pack["places"].as_array().unwrap().len(),
        shipped_json()["places"].as_array().unwrap().len() + 6
    );
    let (code, text, _) = qiaosi(&["validate", o, "--today", "2026-11-30"]);
    assert_eq!(code, 0, "{text}");
    let (code, text, _) = qiaosi(&["pinyin", "--check", o]);
    assert_eq!(code, 0, "{text}");

    // Imported again, every object is recognised: nothing new, nothing changed.
    let again = dir.join("again.json");
    let (code, stdout, _) = qiaosi(&[
        "import-osm",
        &fixture(),
        "--into",
        o,
        "--out",
        again.to_str().unwrap(),
        "--version",
        "v2",
    ]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 new place(s), 0 updated"), "{stdout}");
    let mut second = read(&again);
    second["meta"]["version"] = pack["meta"]["version"].clone();
    assert_eq!(second, pack);
}

#[test]
fn surveyed_facts_are_never_overwritten_by_osm() {
    let dir = scratch_dir("osm-surveyed");
    // The station as a surveyor recorded it: an exact point 58 m from OSM's, other hours.
    let mut v = shipped_json();
    let i = v["places"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == "qiaosi-station")
        .unwrap();
    v["places"][i]["position"] = json!({ "lat": 30.3442, "lng": 120.2837, "precision": "exact" });
    v["places"][i]["hours"] = json!("Mo-Su 06:05-22:30");
    v["places"][i]["sources"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "cite": "王芳", "basis": "surveyed", "date": "2026-11-29" }));
    let pack = dir.join("pack.json");
    std::fs::write(&pack, v.to_string()).unwrap();
    let out = dir.join("new.json");
    let (code, stdout, stderr) = qiaosi(&[
        "import-osm",
        &fixture(),
        "--into",
        pack.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--today",
        "2026-11-30",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for line in [
        "  ! position: kept 30.3442, 120.2837 (exact) (surveyed source); not 30.3446412, 120.2840187 (±25 m) from node/4701220581",
        "  ! hours: kept Mo-Su 06:05-22:30 (surveyed source); not Mo-Su 06:00-23:00 from node/4701220581",
        "2 conflict(s) where the pack's value was kept",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    let station = read(&out)["places"][i].clone();
    assert_eq!(station["hours"], "Mo-Su 06:05-22:30");
    assert_eq!(station["position"]["precision"], "exact");
    assert_eq!(
        station["sources"].as_array().unwrap().last().unwrap()["basis"],
        "osm"
    );
}

#[test]
fn a_broken_export_is_explained_and_nothing_is_written() {
    let dir = scratch_dir("osm-broken");
    let out = dir.join("new.json");
    let o = out.to_str().unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"elements":[{"type":"node","id":1,"lat":30.3},{"type":"node","id":"two"}]}"#,
    )
    .unwrap();
    let (code, _, stderr) = qiaosi(&[
        "import-osm",
        bad.to_str().unwrap(),
        "--into",
        &shipped(),
        "--out",
        o,
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("not an Overpass JSON export:\n  elements[1].id: invalid type"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert!(!out.exists());
    let (code, _, stderr) = qiaosi(&["import-osm", &fixture(), "--out", o]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("usage: qiaosi import-osm <overpass.json> --into <pack.json>"),
        "{stderr}"
    );
}
