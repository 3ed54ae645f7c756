//! `sign-keys` and `revoke-code` with the real binary: a pack's keys count only when the root
//! key the build trusts signed them (the default build trusts the TEST root).

use qiaosi_core::checkin::{self, Refusal};
use serde_json::Value;
use std::path::{Path, PathBuf};
mod common;
use common::{qiaosi, scratch_dir as dir, shipped_json, test_root_key};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A private copy of the TEST root (a checkout leaves it readable by all, which `keygen::read`
/// rightly warns about).
fn root(d: &Path) -> PathBuf {
    let r = d.join("root.key");
    std::fs::copy(test_root_key(), &r).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&r, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    r
}

/// A key from `keygen` in a pack, unsigned; returns (key file, pack file).
fn unsigned(d: &Path) -> (PathBuf, PathBuf) {
    let key = d.join("k1.key");
    let (code, out, err) = qiaosi(&["keygen", "--id", "k1", s(&key)]);
    assert_eq!(code, 0, "{err}");
    let mut pack = shipped_json();
    pack["checkin"]["keys"] = Value::Array(vec![serde_json::from_str(out.trim()).unwrap()]);
    let file = d.join("pack.json");
    std::fs::write(&file, pack.to_string()).unwrap();
    (key, file)
}

fn issue(key: &Path, pack: &Path, point: &str) -> (i32, String, String) {
    qiaosi(&[
        "issue",
        "--key",
        s(key),
        "--point",
        point,
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-18",
        "--host",
        "https://guide.example",
        "--pack",
        s(pack),
    ])
}

fn load(pack: &Path) -> qiaosi_core::content::Pack {
    qiaosi_core::validate::load(&std::fs::read_to_string(pack).unwrap()).unwrap()
}

#[test]
fn an_unsigned_key_is_refused_until_the_root_signs_it() {
    let d = dir("root-sign");
    let (key, pack) = unsigned(&d);
    let (code, out, err) = qiaosi(&["validate", s(&pack)]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("checkin.keys_signature") && out.contains("not signed by the root key"),
        "{out}"
    );
    let (code, _, err) = issue(&key, &pack, "tide-parlour");
    assert_eq!(code, 2);
    assert!(err.contains("keys_signature"), "{err}");
    // A key of one's own is not the root: refused, and the pack is left as it was.
    let before = std::fs::read_to_string(&pack).unwrap();
    let (code, _, err) = qiaosi(&["sign-keys", "--root", s(&key), s(&pack)]);
    assert_eq!(code, 2);
    assert!(err.contains("not the root key this build trusts"), "{err}");
    assert_eq!(std::fs::read_to_string(&pack).unwrap(), before);
    // The root signs it, to --out; the original stays unsigned.
    let signed = d.join("signed.json");
    let (code, _, err) = qiaosi(&[
        "sign-keys",
        "--root",
        s(&root(&d)),
        s(&pack),
        "--out",
        s(&signed),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("warning"), "{err}");
    assert_eq!(std::fs::read_to_string(&pack).unwrap(), before);
    let (code, out, err) = qiaosi(&["validate", s(&signed)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("TEST root"), "{err}");
    assert_eq!(issue(&key, &signed, "tide-parlour").0, 0);
    // Editing a signed block by hand (another key) is refused again.
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&signed).unwrap()).unwrap();
    let mut extra = v["checkin"]["keys"][0].clone();
    extra["id"] = "k2".into();
    v["checkin"]["keys"].as_array_mut().unwrap().push(extra);
    std::fs::write(&signed, v.to_string()).unwrap();
    let (code, out, _) = qiaosi(&["validate", s(&signed)]);
    assert_eq!(code, 1);
    assert!(out.contains("changed after signing"), "{out}");
}

#[test]
fn revoke_code_retires_one_poster_and_leaves_the_others() {
    let d = dir("root-revoke");
    let (key, pack) = unsigned(&d);
    let root = root(&d);
    assert_eq!(qiaosi(&["sign-keys", "--root", s(&root), s(&pack)]).0, 0);
    let (_, leaked, _) = issue(&key, &pack, "tide-parlour");
    let (_, other, _) = issue(&key, &pack, "seawall-museum");
    let (leaked, other) = (leaked.trim().to_string(), other.trim().to_string());
    // Revoked and re-signed in one step, from the URL as printed.
    let (code, out, err) = qiaosi(&[
        "revoke-code",
        &leaked,
        "--pack",
        s(&pack),
        "--root",
        s(&root),
    ]);
    assert_eq!(code, 0, "{err}");
    let prefix = out.trim();
    assert_eq!(prefix.len(), checkin::CODE_PREFIX);
    let p = load(&pack);
    assert_eq!(p.checkin.revoked_codes, [prefix]);
    let c = &p.checkin;
    let during = qiaosi_core::time::LocalDateTime {
        date: qiaosi_core::time::Date::parse("2024-09-18").unwrap(),
        minute: 600,
    }
    .to_unix_s();
    let check = |url: &str| {
        checkin::verify(
            checkin::token_in(url),
            &c.keys,
            &c.points,
            &c.revoked_codes,
            during,
        )
    };
    assert_eq!(check(&leaked), Err(Refusal::CodeRevoked));
    assert!(check(&other).is_ok());
    // Revoking again changes nothing. Without --root the pack is left unsigned, and says so.
    let (code, _, err) = qiaosi(&["revoke-code", &other, "--pack", s(&pack)]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("sign-keys"), "{err}");
    let (code, out, _) = qiaosi(&["validate", s(&pack)]);
    assert_eq!(code, 1);
    assert!(out.contains("checkin.keys_signature"), "{out}");
    assert_eq!(qiaosi(&["sign-keys", "--root", s(&root), s(&pack)]).0, 0);
    assert_eq!(load(&pack).checkin.revoked_codes.len(), 2);
    // Not a code at all.
    let (code, _, err) = qiaosi(&["revoke-code", "hello world", "--pack", s(&pack)]);
    assert_eq!(code, 2);
    assert!(err.contains("not a check-in code"), "{err}");
}
