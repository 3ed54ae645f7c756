use super::*;
use crate::content::tests::{pack as empty_pack, place as bare_place, route as bare_route};
use crate::content::{Position, Precision, Route, Source, Stop, SEED};
use crate::patch::RoutePatch;

fn both(zh: &str, en: &str) -> I18n {
    I18n {
        zh: zh.into(),
        en: en.into(),
    }
}

fn press() -> Source {
    Source {
        cite: SEED.into(),
        basis: Basis::Press,
        date: None,
        says: None,
    }
}

fn visit() -> Source {
    Source {
        cite: "王芳".into(),
        date: Some("2026-12-01".into()),
        ..Source::default()
    }
}

/// A valid place known only by its area, from the seed article.
fn place(id: &str, zh: &str) -> Place {
    Place {
        name: both(zh, id),
        description: both("介绍", "About"),
        area: Some(both("乔司街道", "Qiaosi Subdistrict")),
        sources: vec![press()],
        ..bare_place(id)
    }
}

fn pack() -> Pack {
    let mut p = empty_pack();
    p.meta.version = "2026.11.30".into();
    p.places = vec![place("library-24h", "24小时图书馆"), place("tea", "老茶馆")];
    assert_eq!(validate(&p), vec![]);
    p
}

fn patch(places: Vec<PlacePatch>) -> Patch {
    Patch {
        format: PATCH_FORMAT,
        base: "2026.11.30".into(),
        made: "2026-12-01".into(),
        surveyor: "王芳".into(),
        places,
        routes: vec![],
    }
}

fn at(lat: f64, lng: f64, radius_m: u32) -> Position {
    Position {
        lat,
        lng,
        precision: Precision::Approximate { radius_m },
    }
}

fn lines(c: &Change) -> Vec<String> {
    c.fields.iter().map(ToString::to_string).collect()
}

#[test]
fn a_patch_made_against_the_pack_applies_and_says_what_changed() {
    let pack = pack();
    let lib = pack.place("library-24h").unwrap();
    let p = PlacePatch {
        hours: Some("Tu-Su 09:00-17:00".into()),
        position: Some(at(30.34431, 120.28402, 8)),
        note: Some("东侧小门".into()),
        ..PlacePatch::for_place(lib, visit())
    };
    let (merged, changes) = merge(&pack, &patch(vec![p.clone()])).unwrap();
    let m = merged.place("library-24h").unwrap();
    assert_eq!(m.hours.as_deref(), Some("Tu-Su 09:00-17:00"));
    assert_eq!(m.area, lib.area, "a position does not remove the area");
    assert_eq!(m.sources, [press(), visit()]);
    assert_eq!(merged.meta.version, "2026.11.30+patch-2026-12-01");
    assert_eq!(merged.place("tea"), pack.place("tea"));
    assert_eq!(
        lines(&changes[0]),
        ["meta.version: 2026.11.30 → 2026.11.30+patch-2026-12-01"]
    );
    assert_eq!(changes[1].id, "library-24h");
    assert_eq!(
        lines(&changes[1]),
        [
            "position: (none) → 30.34431, 120.28402 (±8 m)",
            "hours: (none) → Tu-Su 09:00-17:00",
            "sources: + surveyed · 王芳 · 2026-12-01",
        ]
    );
    assert_eq!(changes[1].notes, ["from 王芳: 东侧小门"]);

    // The same visit merged again adds no second source; a chosen version is kept.
    let mut again = patch(vec![PlacePatch {
        hours: p.hours.clone(),
        ..PlacePatch::for_place(m, visit())
    }]);
    again.base = merged.meta.version.clone();
    let (twice, changes) = merge_as(&merged, &again, Some("2026.12.02")).unwrap();
    assert_eq!(twice.place("library-24h").unwrap().sources.len(), 2);
    assert_eq!(twice.meta.version, "2026.12.02");
    assert_eq!(changes.len(), 1, "only the version changed: {changes:?}");
}

#[test]
fn an_older_patch_applies_where_nothing_changed_and_conflicts_where_something_did() {
    let old = pack();
    let lib = old.place("library-24h").unwrap();
    let tea = old.place("tea").unwrap();
    let p = patch(vec![
        PlacePatch {
            hours: Some("Tu-Su 09:00-17:00".into()),
            ..PlacePatch::for_place(lib, visit())
        },
        PlacePatch {
            phone: Some("+86 571 86912900".into()),
            ..PlacePatch::for_place(tea, visit())
        },
    ]);
    // Since the patch was made, an editor set the library's hours.
    let mut newer = old.clone();
    newer.meta.version = "2026.12.05".into();
    newer.places[0].hours = Some("Mo-Fr 09:00-21:00".into());
    let refusal = merge(&newer, &p).unwrap_err();
    assert_eq!(refusal.patch, vec![]);
    assert_eq!(refusal.conflicts.len(), 1);
    let c = &refusal.conflicts[0];
    assert_eq!(
        (c.path.as_str(), c.id.as_str()),
        ("places[0]", "library-24h")
    );
    assert_eq!(c.message, "changed since the patch was made");
    let text = refusal.to_string();
    assert!(
        text.contains(
            "made against pack version \"2026.11.30\"; this pack is version \"2026.12.05\""
        ),
        "{text}"
    );
    assert!(
        text.contains("hours: Mo-Fr 09:00-21:00 → Tu-Su 09:00-17:00"),
        "{text}"
    );
    // Without the library, the older patch applies to the unchanged teahouse.
    let only_tea = Patch {
        places: p.places[1..].to_vec(),
        ..p.clone()
    };
    let (merged, _) = merge(&newer, &only_tea).unwrap();
    assert_eq!(
        merged.place("tea").unwrap().phone.as_deref(),
        Some("+86 571 86912900")
    );
    assert_eq!(merged.meta.version, "2026.12.05+patch-2026-12-01");
}

#[test]
fn new_ids_that_exist_and_old_ids_that_do_not_are_conflicts() {
    let pack = pack();
    let taken = PlacePatch {
        id: "tea".into(),
        name: Some(both("茶馆", "Teahouse")),
        category: Some("culture".into()),
        position: Some(at(30.35, 120.29, 10)),
        source: visit(),
        ..PlacePatch::default()
    };
    let gone = PlacePatch {
        was: Some("0123456789abcdef".into()),
        ..PlacePatch::for_place(&place("removed", "旧馆"), visit())
    };
    let refusal = merge(&pack, &patch(vec![taken, gone])).unwrap_err();
    let messages: Vec<&str> = refusal
        .conflicts
        .iter()
        .map(|c| c.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2);
    assert!(messages[0].contains("already has a place with this id"));
    assert!(messages[1].starts_with("not in this pack"));
    assert!(refusal.to_string().contains("made against this pack"));
}

#[test]
fn a_malformed_patch_is_refused_with_paths_in_the_patch() {
    let pack = pack();
    let lib = pack.place("library-24h").unwrap();
    let mut p = patch(vec![
        PlacePatch::for_place(
            lib,
            Source {
                basis: Basis::Press,
                date: None,
                ..visit()
            },
        ),
        PlacePatch {
            id: "new-bench".into(),
            name: Some(both("长椅", "")),
            category: Some("nightclub".into()),
            source: visit(),
            ..PlacePatch::default()
        },
        PlacePatch::for_place(lib, visit()),
    ]);
    p.made = "yesterday".into();
    let refusal = merge(&pack, &p).unwrap_err();
    let paths: Vec<&str> = refusal.patch.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "made",
            "places[0].source.basis",
            "places[0].source.date",
            "places[1].name",
            "places[1].category",
            "places[1].position",
            "places[2].id",
        ]
    );
    assert!(refusal
        .to_string()
        .starts_with("the patch is not valid:\n  made: "));
    let empty = patch(vec![]);
    assert_eq!(merge(&pack, &empty).unwrap_err().patch[0].path, "");
}

#[test]
fn a_merge_the_app_would_refuse_is_refused_with_paths_in_the_pack() {
    let pack = pack();
    let lib = pack.place("library-24h").unwrap();
    let p = patch(vec![PlacePatch {
        hours: Some("Mo-Fr 9-17".into()),
        ..PlacePatch::for_place(lib, visit())
    }]);
    let refusal = merge(&pack, &p).unwrap_err();
    assert_eq!(refusal.invalid.len(), 1);
    assert_eq!(refusal.invalid[0].path, "places[0].hours");
    assert!(refusal
        .to_string()
        .starts_with("merged, the pack would be refused by the app:"));
}

#[test]
fn a_new_place_gets_a_placeholder_description_and_an_exact_surveyed_position_passes() {
    let pack = pack();
    let p = patch(vec![PlacePatch {
        id: "seawall-bench".into(),
        name: Some(both("海塘长椅", "Seawall Bench")),
        category: Some("heritage".into()),
        position: Some(Position {
            lat: 30.36,
            lng: 120.30,
            precision: Precision::Exact,
        }),
        source: visit(),
        ..PlacePatch::default()
    }]);
    let (merged, changes) = merge(&pack, &p).unwrap();
    let bench = merged.place("seawall-bench").unwrap();
    assert_eq!(
        bench.description.zh,
        "历史遗迹。2026-12-01 实地记录，介绍待补充。"
    );
    assert_eq!(bench.sources, [visit()]);
    let c = &changes[1];
    assert!(c.added);
    let text = c.to_string();
    assert!(
        text.starts_with("new place seawall-bench (海塘长椅)\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  position: 30.36, 120.3 (exact)"),
        "{text}"
    );
    assert!(text.contains("replace it with a real one"), "{text}");
}

#[test]
fn a_route_is_replaced_whole_or_added() {
    let mut pack = pack();
    let mut walk = Route {
        name: both("海塘", "Seawall"),
        summary: both("走", "Walk"),
        stops: vec![Stop {
            place: Some("tea".into()),
            point: None,
            name: None,
            area: None,
            narrative: both("茶", "Tea"),
        }],
        path_precision: Precision::Approximate { radius_m: 3000 },
        sources: vec![press()],
        ..bare_route()
    };
    walk.id = "walk".into();
    pack.routes.push(walk.clone());
    let mut walked = walk.clone();
    walked.path_precision = Precision::Approximate { radius_m: 15 };
    walked.sources.push(visit());
    let mut fresh = walked.clone();
    fresh.id = "walk-2".into();
    let mut p = patch(vec![]);
    p.routes = vec![
        RoutePatch {
            was: Some(entry_fingerprint(&walk)),
            route: walked.clone(),
            note: None,
        },
        RoutePatch {
            was: None,
            route: fresh,
            note: Some("新线".into()),
        },
    ];
    let (merged, changes) = merge(&pack, &p).unwrap();
    assert_eq!(merged.route("walk"), Some(&walked));
    assert!(merged.route("walk-2").is_some());
    assert_eq!(
        lines(&changes[1]),
        [
            "path_precision: ±3000 m → ±15 m",
            "sources: + surveyed · 王芳 · 2026-12-01",
        ]
    );
    assert!(changes[2].added);
    // The same patch once the route changed: a conflict listing what it would change.
    pack.routes[0].summary = both("新", "New");
    let refusal = merge(&pack, &p).unwrap_err();
    assert_eq!(refusal.conflicts.len(), 1);
    assert_eq!(refusal.conflicts[0].path, "routes[0]");
    assert!(refusal.conflicts[0]
        .fields
        .iter()
        .any(|f| f.field == "summary"));
}
