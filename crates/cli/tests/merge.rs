//! `qiaosi merge` as the people who run the guide use it: a real process, real files. The
//! patches are built here as the app's survey mode exports them, with fingerprints of the
//! shipped pack's entries, so they stay right when the shipped content changes.

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
mod common;
use common::{qiaosi, scratch_dir, shipped, shipped_json};

fn fingerprint(pack: &Value, id: &str) -> String {
    let pack = qiaosi_core::validate::load(&pack.to_string()).unwrap();
    qiaosi_core::patch::entry_fingerprint(pack.place(id).unwrap())
}

fn visit() -> Value {
    json!({ "cite": "王芳", "basis": "surveyed", "date": "2026-11-29" })
}

/// A visit to the metro station and a new pavilion, against the shipped pack.
fn station_patch(pack: &Value) -> Value {
    json!({
        "format": 1,
        "base": pack["meta"]["version"],
        "made": "2026-11-29",
        "surveyor": "王芳",
        "places": [
            {
                "id": "qiaosi-station",
                "was": fingerprint(pack, "qiaosi-station"),
                "position": { "lat": 30.3442, "lng": 120.2837, "precision": "exact" },
                "hours": "Mo-Su 06:05-22:30",
                "entrance": { "zh": "B 口有电梯", "en": "Lift at exit B" },
                "access": { "step_free": true, "lift": true },
                "note": "A 口施工中",
                "source": visit()
            },
            {
                "id": "seawall-pavilion",
                "name": { "zh": "海塘观潮亭", "en": "Seawall Tide-watching Pavilion" },
                "category": "heritage",
                "position": { "lat": 30.3391, "lng": 120.3012, "precision": { "approximate": { "radius_m": 12 } } },
                "source": visit()
            }
        ]
    })
}

fn write(dir: &Path, name: &str, v: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap();
    path.to_str().unwrap().to_string()
}

fn out_path(dir: &Path) -> (PathBuf, String) {
    let p = dir.join("new.json");
    let s = p.to_str().unwrap().to_string();
    (p, s)
}

#[test]
fn a_patch_is_merged_with_a_readable_diff_and_the_result_validates() {
    let dir = scratch_dir("merge-ok");
    let pack = shipped_json();
    let patch = write(&dir, "patch.json", &station_patch(&pack));
    let (out, o) = out_path(&dir);
    let (code, stdout, stderr) = qiaosi(&[
        "merge",
        &shipped(),
        &patch,
        "--out",
        &o,
        "--today",
        "2026-11-30",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for line in [
        "survey by 王芳 on 2026-11-29, made against pack 2026.11.30",
        "meta version\n  meta.version: 2026.11.30 → 2026.11.30+patch-2026-11-29",
        "place qiaosi-station (乔司站)\n",
        "  position: 30.34417, 120.28361 (±500 m) → 30.3442, 120.2837 (exact)\n",
        "  hours: (none) → Mo-Su 06:05-22:30\n",
        "  entrance: (none) → B 口有电梯 / Lift at exit B\n",
        "  access: (none) → step-free: yes, lift: yes\n",
        "  sources: + surveyed · 王芳 · 2026-11-29\n",
        "  note: from 王芳: A 口施工中\n",
        "new place seawall-pavilion (海塘观潮亭)\n  name: 海塘观潮亭 / Seawall Tide-watching Pavilion\n",
        "  position: 30.3391, 120.3012 (±12 m)\n",
        "  note: description written from the category and the visit",
        "pinyin keys written for: seawall-pavilion",
        &format!("wrote {o} (version 2026.11.30+patch-2026-11-29)"),
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
    let merged: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let station = merged["places"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "qiaosi-station")
        .unwrap();
    // The area stays with a position; the visit joins the earlier source.
    assert_eq!(station["area"]["zh"], "乔莫西路与南街交叉口");
    assert_eq!(
        station["sources"].as_array().unwrap().last().unwrap(),
        &visit()
    );
    let bench = merged["places"].as_array().unwrap().last().unwrap();
    assert_eq!(bench["pinyin"], json!(["hai tang guan chao ting"]));
    let (code, out_text, _) = qiaosi(&["validate", &o, "--today", "2026-11-30"]);
    assert_eq!(code, 0, "{out_text}");
    // --version names the result.
    let (code, stdout, _) = qiaosi(&[
        "merge",
        &shipped(),
        &patch,
        "--out",
        &o,
        "--version",
        "2026.12.01",
        "--today",
        "2026-11-30",
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("→ 2026.12.01"), "{stdout}");
}

#[test]
fn a_patch_over_entries_changed_since_is_refused_with_the_conflicts_listed() {
    let dir = scratch_dir("merge-conflict");
    let old = shipped_json();
    let patch = write(&dir, "patch.json", &station_patch(&old));
    // Since the survey, an editor gave the station its hours and published a new version.
    let mut newer = old.clone();
    newer["meta"]["version"] = json!("2026.12.05");
    let i = newer["places"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == "qiaosi-station")
        .unwrap();
    newer["places"][i]["hours"] = json!("Mo-Su 06:00-23:00");
    let pack = write(&dir, "pack.json", &newer);
    let (out, o) = out_path(&dir);
    let (code, stdout, stderr) = qiaosi(&["merge", &pack, &patch, "--out", &o]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for line in [
        "made against pack version \"2026.11.30\"; this pack is version \"2026.12.05\", and 1 of its entries conflict",
        "places[0]: place \"qiaosi-station\": changed since the patch was made",
        "hours: Mo-Su 06:00-23:00 → Mo-Su 06:05-22:30",
        "refused; nothing written",
    ] {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
    assert!(
        !stderr.contains("seawall-pavilion"),
        "the new place is no conflict: {stderr}"
    );
    assert!(!out.exists(), "nothing is written on a refusal");
}

#[test]
fn a_patch_for_another_pack_is_refused() {
    let dir = scratch_dir("merge-unknown");
    let mut patch = station_patch(&shipped_json());
    patch["base"] = json!("2025.03.01-staging");
    patch["places"][0]["was"] = json!("00000000deadbeef");
    patch["places"][1] = json!({
        "id": "riverside-hall", "was": "0123456789abcdef", "hours": "Mo-Fr 09:00-17:00", "source": visit()
    });
    let patch = write(&dir, "patch.json", &patch);
    let (out, o) = out_path(&dir);
    let (code, _, stderr) = qiaosi(&["merge", &shipped(), &patch, "--out", &o]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("made against pack version \"2025.03.01-staging\"; this pack is version \"2026.11.30\", and 2 of its entries conflict"), "{stderr}");
    assert!(
        stderr.contains("places[0]: place \"qiaosi-station\": changed since the patch was made"),
        "{stderr}"
    );
    assert!(
        stderr.contains("places[1]: place \"riverside-hall\": not in this pack"),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn an_invalid_patch_is_explained_with_its_json_path_and_nothing_is_written() {
    let dir = scratch_dir("merge-invalid");
    let (out, o) = out_path(&dir);
    let good = station_patch(&shipped_json());
    let cases: Vec<(Value, &str)> = vec![
        ({ let mut p = good.clone(); p["places"][0]["position"]["lat"] = json!("30.34 N"); p },
         "not a valid patch:\n  places[0].position.lat: invalid type: string \"30.34 N\", expected f64"),
        ({ let mut p = good.clone(); p["places"][1]["colour"] = json!("red"); p },
         "places[1].colour: unknown field `colour`"),
        ({ let mut p = good.clone(); p["format"] = json!(2); p },
         "format: patch format 2 is not 1, the one this qiaosi reads"),
        ({ let mut p = good.clone(); p["places"][0]["source"]["basis"] = json!("press"); p["places"][1]["name"]["en"] = json!(""); p },
         "the patch is not valid:\n  places[0].source.basis: a patch records a visit: the basis must be \"surveyed\"\n  places[1].name: a new place needs its name in both languages"),
        ({ let mut p = good.clone(); p["places"][0]["hours"] = json!("open daily"); p },
         "merged, the pack would be refused by the app:\n  places["),
    ];
    for (i, (patch, expected)) in cases.iter().enumerate() {
        let path = write(&dir, &format!("patch-{i}.json"), patch);
        let (code, _, stderr) = qiaosi(&["merge", &shipped(), &path, "--out", &o]);
        assert_eq!(code, 1, "case {i}: {stderr}");
        assert!(
            stderr.contains(expected),
            "case {i}: missing {expected:?} in:\n{stderr}"
        );
        assert!(stderr.contains("refused; nothing written"), "{stderr}");
        assert!(!out.exists(), "case {i} wrote");
    }
    std::fs::write(dir.join("not-json.json"), "{\"format\": 1, ").unwrap();
    let (code, _, stderr) = qiaosi(&[
        "merge",
        &shipped(),
        dir.join("not-json.json").to_str().unwrap(),
        "--out",
        &o,
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("not a valid patch"), "{stderr}");
}

#[test]
fn usage_and_unreadable_files_are_explained() {
    let (code, _, err) = qiaosi(&["merge", &shipped(), "patch.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("usage: qiaosi merge <pack.json> <patch.json> --out <new.json>"),
        "{err}"
    );
    let (code, _, err) = qiaosi(&[
        "merge",
        &shipped(),
        "/nonexistent/patch.json",
        "--out",
        "/tmp/x.json",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    let (code, _, err) = qiaosi(&[
        "merge",
        &shipped(),
        "p.json",
        "--out",
        "o.json",
        "--today",
        "soon",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("not a date"), "{err}");
}
