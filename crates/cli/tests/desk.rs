//! `desk-key` and `ledger merge` with the real binary: a desk pass that the app's own check
//! accepts, kept out of git work trees, and two staff phones' ledgers with a reward given twice.

use qiaosi_core::checkin::{self, desk, Stamp};
use qiaosi_core::time::LocalDateTime;
use serde_json::{json, Value};
use std::path::Path;
mod common;
use common::{qiaosi, scratch_dir as dir};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A key from `keygen` and a pack with it and a desk-only reward. Returns (key, pack).
fn setup(d: &Path) -> (String, String) {
    let (key, mut pack) = common::keyed_pack(d, "k7");
    pack["checkin"]["rewards"] = json!([{ "id": "desk", "name": { "zh": "奖", "en": "Prize" },
        "need": 1, "desk": true, "from": "2024-09-01", "until": "2024-09-30" }]);
    let file = d.join("pack.json");
    std::fs::write(&file, pack.to_string()).unwrap();
    (s(&key).to_string(), s(&file).to_string())
}

fn desk_key(key: &str, pack: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "desk-key",
        "--key",
        key,
        "--point",
        "tide-parlour",
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-18",
        "--pack",
        pack,
        "--out",
        s(out),
    ];
    args.extend_from_slice(extra);
    qiaosi(&args)
}

#[test]
fn a_desk_pass_shows_codes_the_app_accepts_and_a_desk_reward_is_earned() {
    let d = dir("desk");
    let (key, pack) = setup(&d);
    let out = d.join("desk.pass");
    let (code, _, err) = desk_key(
        &key,
        &pack,
        &out,
        &[
            "--host",
            "https://guide.example",
            "--staff-host",
            "https://staff.example",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The staff build opens it; the codes it shows point to the visitors' guide.
    let link = std::fs::read_to_string(&out).unwrap();
    let rest = link
        .trim()
        .strip_prefix("https://staff.example/desk#")
        .unwrap();
    let (pass, guide) = rest.split_once('@').unwrap();
    assert_eq!(guide, "https://guide.example");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // Never over an existing pass.
    assert_ne!(desk_key(&key, &pack, &out, &[]).0, 0);
    // A code the desk shows at 10:00 on the day, scanned at once, verifies with the app's rules.
    let loaded: qiaosi_core::content::Pack =
        serde_json::from_str(&std::fs::read_to_string(&pack).unwrap()).unwrap();
    let at = LocalDateTime {
        date: qiaosi_core::time::Date::parse("2024-09-18").unwrap(),
        minute: 600,
    };
    let step = desk::step_at(at.to_unix_s());
    let code = checkin::desk_code(pass, step).unwrap();
    let c = &loaded.checkin;
    let v = checkin::verify(&code, &c.keys, &c.points, &c.revoked_codes, at.to_unix_s()).unwrap();
    assert!(v.is_desk());
    assert_eq!(
        checkin::verify(
            &code,
            &c.keys,
            &c.points,
            &c.revoked_codes,
            at.to_unix_s() + 120
        ),
        Err(checkin::Refusal::DeskStale)
    );
    // The stamp from it earns the desk reward; a poster-style passport line would not.
    let passport = common::passport(&[Stamp {
        point_id: "tide-parlour".into(),
        token: code,
        at,
        sig: String::new(),
    }]);
    let (code, out, err) = qiaosi(&[
        "verify-passport",
        &passport,
        "--pack",
        &pack,
        "--reward",
        "desk",
        "--now",
        "2024-09-18T12:00",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("stamp 1: ok — desk tide-parlour"), "{out}");
    assert!(out.contains("reward desk: earned"), "{out}");
}

#[test]
fn a_desk_pass_is_not_written_inside_a_git_work_tree() {
    let d = dir("desk-git");
    let (key, pack) = setup(&d);
    let repo = d.join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    let out = repo.join("desk.pass");
    let (code, _, err) = desk_key(&key, &pack, &out, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("git work tree"), "{err}");
    assert!(!out.exists());
}

#[test]
fn merged_ledgers_list_a_reward_given_twice() {
    let d = dir("ledger");
    let entry = |install: &str, at: &str, desk: &str| json!({ "install": install, "reward": "tide-2024", "at": at, "desk": desk });
    let a = d.join("a.json");
    let b = d.join("b.json");
    let write = |p: &Path, entries: Vec<Value>| {
        let l = json!({ "qiaosi_ledger": 1, "redemptions": entries });
        std::fs::write(p, l.to_string()).unwrap();
    };
    write(&a, vec![entry("AAA", "2024-09-18T10:00", "desk-a")]);
    write(&b, vec![entry("BBB", "2024-09-18T10:02", "desk-b")]);
    let merged = d.join("merged.json");
    let (code, out, err) = qiaosi(&["ledger", "merge", s(&a), s(&b), "--out", s(&merged)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("2 redemption(s) from 2 ledger(s)"), "{out}");
    // Desk b gives AAA the same reward before the ledgers were exchanged.
    write(
        &b,
        vec![
            entry("BBB", "2024-09-18T10:02", "desk-b"),
            entry("AAA", "2024-09-18T11:30", "desk-b"),
        ],
    );
    let (code, out, _) = qiaosi(&["ledger", "merge", s(&merged), s(&b)]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("DOUBLE: reward tide-2024 to install AAA: 2024-09-18T10:00 at desk-a, again 2024-09-18T11:30 at desk-b"),
        "{out}"
    );
    // A file that is not a ledger is named.
    std::fs::write(&a, "{}").unwrap();
    let (code, _, err) = qiaosi(&["ledger", "merge", s(&a)]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a redemption ledger"), "{err}");
}

#[test]
fn a_lost_desk_phone_is_revoked_by_its_pass_and_junk_revokes_nothing() {
    let d = dir("desk-revoke");
    let (key, pack) = setup(&d);
    let out = d.join("desk.pass");
    let hosts = ["--host", "https://guide.example"];
    assert_eq!(desk_key(&key, &pack, &out, &hosts).0, 0);
    let link = std::fs::read_to_string(&out).unwrap().trim().to_string();
    let root = d.join("root.key");
    std::fs::copy(common::test_root_key(), &root).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let (code, _, err) = qiaosi(&["revoke-code", &link, "--pack", &pack, "--root", s(&root)]);
    assert_eq!(code, 0, "{err}");
    // Every code that desk shows is now refused, as revoked.
    let loaded: qiaosi_core::content::Pack =
        serde_json::from_str(&std::fs::read_to_string(&pack).unwrap()).unwrap();
    let pass = link.split('#').nth(1).unwrap().split('@').next().unwrap();
    let at = LocalDateTime {
        date: qiaosi_core::time::Date::parse("2024-09-18").unwrap(),
        minute: 600,
    };
    let code = checkin::desk_code(pass, desk::step_at(at.to_unix_s())).unwrap();
    let c = &loaded.checkin;
    assert_eq!(
        checkin::verify(&code, &c.keys, &c.points, &c.revoked_codes, at.to_unix_s()),
        Err(checkin::Refusal::CodeRevoked)
    );
    // Text that is base64url but no code nor pass is refused, and nothing is written.
    let before = std::fs::read_to_string(&pack).unwrap();
    let (code, _, err) = qiaosi(&["revoke-code", "AAAAAAAA", "--pack", &pack]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a check-in code"), "{err}");
    assert_eq!(std::fs::read_to_string(&pack).unwrap(), before);
}

#[test]
fn without_staff_host_the_desk_link_names_the_packs_staff_guide() {
    let d = dir("desk-staff");
    let (key, pack) = setup(&d);
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&pack).unwrap()).unwrap();
    v["checkin"]["staff"] = json!("https://staff.pack.example/");
    std::fs::write(&pack, v.to_string()).unwrap();
    let out = d.join("desk.pass");
    let (code, _, err) = desk_key(&key, &pack, &out, &["--host", "https://guide.example"]);
    assert_eq!(code, 0, "{err}");
    let link = std::fs::read_to_string(&out).unwrap();
    assert!(
        link.starts_with("https://staff.pack.example/desk#")
            && link.trim().ends_with("@https://guide.example"),
        "{link}"
    );
    // --staff-host still wins.
    let out2 = d.join("desk2.pass");
    let extra = [
        "--host",
        "https://guide.example",
        "--staff-host",
        "https://other.example",
    ];
    assert_eq!(desk_key(&key, &pack, &out2, &extra).0, 0);
    assert!(std::fs::read_to_string(&out2)
        .unwrap()
        .starts_with("https://other.example/desk#"));
}
