use super::*;
use crate::content::tests::{place, route};

#[test]
fn fields_read_old_to_new_with_positions_in_words() {
    let old = place("p");
    let mut new = old.clone();
    new.position = Some(Position {
        lat: 30.34417,
        lng: 120.28361,
        precision: Precision::Approximate { radius_m: 500 },
    });
    new.hours = Some("Tu-Su 09:00-17:00".into());
    new.sources.push(Source {
        cite: "王芳".into(),
        date: Some("2026-12-01".into()),
        ..Source::default()
    });
    let lines: Vec<String> = place_changes(Some(&old), &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "position: (none) → 30.34417, 120.28361 (±500 m)",
            "hours: (none) → Tu-Su 09:00-17:00",
            "sources: + surveyed · 王芳 · 2026-12-01",
        ]
    );
    assert!(place_changes(Some(&new), &new).is_empty());
}

#[test]
fn a_change_prints_its_entry_and_a_new_entry_only_its_values() {
    let mut p = place("seawall-bench");
    p.name = I18n {
        zh: "海塘长椅".into(),
        en: "Seawall Bench".into(),
    };
    let change = Change {
        kind: EntryKind::Place,
        id: p.id.clone(),
        name: p.name.zh.clone(),
        added: true,
        fields: place_changes(None, &p),
        notes: vec!["东侧".into()],
    };
    let text = change.to_string();
    assert!(
        text.starts_with("new place seawall-bench (海塘长椅)\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  name: 海塘长椅 / Seawall Bench\n"),
        "{text}"
    );
    assert!(text.ends_with("\n  note: 东侧"), "{text}");
    let kept = FieldChange {
        field: "hours".into(),
        diff: Diff::Kept {
            pack: "Mo-Fr 09:00-17:00".into(),
            offered: "Tu-Su 10:00-16:00 from node/1".into(),
            why: "surveyed".into(),
        },
    };
    assert!(kept.is_conflict());
    assert_eq!(
        kept.to_string(),
        "! hours: kept Mo-Fr 09:00-17:00 (surveyed); not Tu-Su 10:00-16:00 from node/1"
    );
}

#[test]
fn routes_show_stops_path_and_precision() {
    let old = route();
    let mut new = old.clone();
    new.path.push([30.36, 120.29]);
    new.path_precision = Precision::Approximate { radius_m: 20 };
    let lines: Vec<String> = route_changes(Some(&old), &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lines[0], "path: 2 points, 0.96 km → 3 points, 2.07 km");
    assert_eq!(lines[1], "path_precision: exact → ±20 m");
}
