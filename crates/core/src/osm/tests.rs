use super::*;
use crate::content::tests::{pack as empty_pack, place as bare_place};
use crate::content::{Pack, Place, SEED};
use crate::patch::Diff;
use crate::validate::validate;
use serde_json::json;

fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn element(v: serde_json::Value) -> Element {
    serde_json::from_value(v).unwrap()
}

#[test]
fn the_tags_a_town_guide_needs_map_to_its_categories() {
    let cat = |pairs: &[(&str, &str)]| kind(&tags(pairs)).map(|k| k.category);
    assert_eq!(cat(&[("amenity", "library")]), Some("reading"));
    assert_eq!(
        cat(&[("amenity", "arts_centre"), ("historic", "building")]),
        Some("culture")
    );
    assert_eq!(cat(&[("amenity", "community_centre")]), Some("service"));
    assert_eq!(cat(&[("leisure", "fitness_station")]), Some("fitness"));
    assert_eq!(
        cat(&[("leisure", "pitch"), ("sport", "basketball")]),
        Some("fitness")
    );
    assert_eq!(cat(&[("leisure", "pitch"), ("sport", "soccer")]), None);
    assert_eq!(cat(&[("amenity", "clinic")]), Some("health"));
    assert_eq!(cat(&[("amenity", "doctors")]), Some("health"));
    assert_eq!(cat(&[("healthcare", "centre")]), Some("health"));
    assert_eq!(
        cat(&[
            ("amenity", "social_facility"),
            ("social_facility:for", "senior")
        ]),
        Some("elderly")
    );
    assert_eq!(cat(&[("amenity", "social_facility")]), Some("service"));
    assert_eq!(cat(&[("historic", "memorial")]), Some("heritage"));
    assert_eq!(cat(&[("historic", "no")]), None);
    assert_eq!(
        cat(&[("railway", "station"), ("station", "subway")]),
        Some("service")
    );
    assert_eq!(cat(&[("public_transport", "station")]), Some("service"));
    assert_eq!(cat(&[("shop", "supermarket")]), None);
    // Every kind has words in both languages for the generated description.
    let amenity = [
        "library",
        "public_bookcase",
        "arts_centre",
        "community_centre",
        "hospital",
    ];
    for a in amenity {
        let k = kind(&tags(&[("amenity", a)])).unwrap();
        assert!(crate::content::CATEGORIES.contains(&k.category), "{a}");
        assert!(!k.zh.is_empty() && !k.en.is_empty(), "{a}");
    }
}

#[test]
fn an_element_gives_names_address_hours_phone_and_its_source() {
    let e = element(json!({
        "type": "node", "id": 123, "lat": 30.35, "lon": 120.29, "version": 4,
        "timestamp": "2025-06-01T08:00:00Z",
        "tags": {"name": "乔司图书馆", "name:en": "Qiaosi Library", "opening_hours": "Mo-Fr 9-17",
                 "contact:phone": "0571-86912900;0571-86912901",
                 "addr:city": "杭州市", "addr:street": "南街", "addr:housenumber": "88"}
    }));
    assert_eq!(
        e.names(),
        (Some("乔司图书馆".into()), Some("Qiaosi Library".into()))
    );
    assert_eq!(e.address().unwrap().zh, "杭州市南街88号");
    let bad = e.hours().unwrap().unwrap_err();
    assert!(bad.starts_with("`Mo-Fr 9-17` from node/123: "), "{bad}");
    assert!(bad.ends_with("; left out"), "{bad}");
    assert_eq!(e.phone(), Some(Ok("+86 571 86912900".into())));
    let s = e.source();
    assert_eq!(s.cite, "https://www.openstreetmap.org/node/123");
    assert_eq!(
        (s.basis, s.date.as_deref()),
        (Basis::Osm, Some("2025-06-01"))
    );
    assert_eq!(s.says.unwrap().en, "OSM object version 4");
    assert!(e.position().unwrap().is_approximate());

    let way = element(
        json!({"type": "way", "id": 9, "center": {"lat": 30.3, "lon": 120.2},
        "tags": {"name": "Riverside Court"}}),
    );
    assert_eq!(way.names(), (None, Some("Riverside Court".into())));
    assert_eq!(way.position().unwrap().lat, 30.3);
    assert_eq!(way.url(), "https://www.openstreetmap.org/way/9");
    assert!(way.source().says.is_none());
    assert!(element(json!({"type": "way", "id": 1}))
        .position()
        .is_none());
}

fn place(id: &str, zh: &str, en: &str, at: Option<(f64, f64, u32)>, basis: Basis) -> Place {
    Place {
        name: I18n {
            zh: zh.into(),
            en: en.into(),
        },
        description: I18n {
            zh: "介绍".into(),
            en: "About".into(),
        },
        area: Some(I18n {
            zh: "乔司街道".into(),
            en: "Qiaosi".into(),
        }),
        position: at.map(|(lat, lng, r)| Position {
            lat,
            lng,
            precision: if r == 0 {
                Precision::Exact
            } else {
                Precision::Approximate { radius_m: r }
            },
        }),
        sources: vec![Source {
            cite: if basis == Basis::Surveyed {
                "王芳".into()
            } else {
                SEED.into()
            },
            basis,
            date: None,
            says: None,
        }],
        ..bare_place(id)
    }
}

fn pack() -> Pack {
    let mut p = empty_pack();
    p.places = vec![
        place(
            "qiaosi-station",
            "乔司站",
            "Qiaosi Station (Metro Line 9)",
            Some((30.34417, 120.28361, 500)),
            Basis::Aggregator,
        ),
        place(
            "hangzhou-study-room",
            "杭州书房",
            "Hangzhou Study Room",
            None,
            Basis::Press,
        ),
        place(
            "clinic",
            "乔司卫生服务中心",
            "Qiaosi Health Centre",
            Some((30.35, 120.30, 0)),
            Basis::Surveyed,
        ),
    ];
    p.places[2].hours = Some("Mo-Fr 08:00-17:00".into());
    assert_eq!(validate(&p), vec![]);
    p
}

fn export() -> Overpass {
    serde_json::from_value(json!({"elements": [
        // The metro station, 60 m from the pack's rough point.
        {"type": "node", "id": 1, "lat": 30.3447, "lon": 120.2838, "version": 3,
         "tags": {"railway": "station", "station": "subway", "name": "乔司站", "name:en": "Qiaosi"}},
        // The same station again, as a way: already taken.
        {"type": "way", "id": 2, "center": {"lat": 30.3446, "lon": 120.2837},
         "tags": {"public_transport": "station", "name": "乔司站"}},
        // The surveyed clinic, with other hours and a bad phone.
        {"type": "way", "id": 3, "center": {"lat": 30.3501, "lon": 120.3001},
         "tags": {"amenity": "clinic", "name": "乔司卫生服务中心", "opening_hours": "Mo-Su 07:30-20:00",
                  "phone": "call us"}},
        // A 杭州书房 branch: the pack's has no position, so this is another one.
        {"type": "node", "id": 4, "lat": 30.36, "lon": 120.31,
         "tags": {"amenity": "library", "name": "杭州书房", "name:en": "Hangzhou Study Room", "opening_hours": "Mo-Su 09:00-21:00"}},
        {"type": "node", "id": 5, "lat": 30.37, "lon": 120.32, "tags": {"leisure": "fitness_station", "name": "健身点", "opening_hours": "sunrise-sunset"}},
        {"type": "node", "id": 6, "lat": 30.37, "lon": 120.33, "tags": {"amenity": "library"}},
        {"type": "node", "id": 7, "lat": 30.37, "lon": 120.34, "tags": {"shop": "bakery", "name": "面包"}}
    ]}))
    .unwrap()
}

#[test]
fn an_export_updates_the_places_it_has_and_adds_the_rest() {
    let pack = pack();
    let r = import(&pack, &export());
    assert_eq!(validate(&r.pack), vec![], "{:#?}", r.changes);
    assert_eq!((r.added, r.updated, r.conflicts), (2, 2, 1));

    // The station: OSM's point is far more precise than the rough one; the area stays.
    let st = r.pack.place("qiaosi-station").unwrap();
    assert_eq!(
        st.position.unwrap().precision,
        Precision::Approximate { radius_m: RADIUS_M }
    );
    assert_eq!(st.area, pack.places[0].area);
    assert_eq!(st.name, pack.places[0].name, "names are the editors'");
    assert_eq!(
        st.sources.last().unwrap().cite,
        "https://www.openstreetmap.org/node/1"
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.starts_with("way/2 is place \"qiaosi-station\" (same name, ")),
        "{:?}",
        r.notes
    );

    // The clinic: surveyed hours kept, the difference a conflict; the bad phone left out.
    let clinic = r.pack.place("clinic").unwrap();
    assert_eq!(clinic.hours.as_deref(), Some("Mo-Fr 08:00-17:00"));
    assert_eq!(
        clinic.position, pack.places[2].position,
        "an exact surveyed point stays"
    );
    let c = r.changes.iter().find(|c| c.id == "clinic").unwrap();
    let conflicts: Vec<String> = c
        .fields
        .iter()
        .filter(|f| f.is_conflict())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        conflicts,
        ["! hours: kept Mo-Fr 08:00-17:00 (surveyed source); not Mo-Su 07:30-20:00 from way/3"]
    );
    assert!(
        c.notes
            .iter()
            .any(|n| n.starts_with("phone `call us` from way/3: ")),
        "{:?}",
        c.notes
    );

    // The study room branch: new, beside the pack's unlocated one, said so.
    let branch = r
        .changes
        .iter()
        .find(|c| c.added && c.name == "杭州书房")
        .unwrap();
    assert_eq!(branch.id, "osm-node-4", "the slug is taken");
    assert!(branch.notes[0].contains("\"hangzhou-study-room\" has the same name but no position"));
    // The fitness station: its hours are outside what the guide reads, so left out.
    let fit = r
        .pack
        .places
        .iter()
        .find(|p| p.name.zh == "健身点")
        .unwrap();
    assert_eq!(fit.hours, None);
    assert_eq!(fit.name.en, "健身点");
    assert_eq!(
        fit.description.en,
        "Mapped on OpenStreetMap as an outdoor fitness station."
    );
    let fit_change = r.changes.iter().find(|c| c.id == fit.id).unwrap();
    assert!(fit_change
        .notes
        .iter()
        .any(|n| n.starts_with("`sunrise-sunset` from node/5: ")));
    assert!(r
        .notes
        .contains(&"node/6 (library): no name; skipped".to_string()));
    assert!(r
        .notes
        .iter()
        .any(|n| n.starts_with("1 object(s) of kinds")));
}

#[test]
fn a_second_import_recognises_its_objects_and_changes_nothing() {
    let once = import(&pack(), &export()).pack;
    let twice = import(&once, &export());
    assert_eq!(twice.pack, once);
    assert_eq!((twice.added, twice.updated), (0, 0));
    // Only what is worth saying again: the kept conflict and the values left out.
    assert!(twice
        .changes
        .iter()
        .all(|c| c.fields.iter().all(|f| matches!(f.diff, Diff::Kept { .. }))));
}

#[test]
fn a_name_farther_than_150_m_is_another_place() {
    let mut ex = export();
    ex.elements.truncate(1);
    ex.elements[0].lat = Some(30.3460); // ~200 m north of the pack's point
    let r = import(&pack(), &ex);
    assert_eq!(r.added, 1);
    assert_eq!(r.pack.places.last().unwrap().id, "qiaosi");
    assert!(
        r.changes[0]
            .notes
            .iter()
            .any(|n| n.contains("is 0.2 km away")),
        "{:?}",
        r.changes[0].notes
    );
}

#[test]
fn slugs_are_url_safe() {
    assert_eq!(
        import::slug("Qiaosi Hall of Local Worthies"),
        "qiaosi-hall-of-local-worthies"
    );
    assert_eq!(import::slug("  No. 9 — Café "), "no-9-caf");
    assert_eq!(import::slug("中文"), "");
}
