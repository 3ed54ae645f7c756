//! The pack's check-in keys are trusted only when the root key compiled in signed them.

use qiaosi_core::checkin::{public_text, root_is_test, secret_from_text, sign_keys, SecretKey};
use qiaosi_core::content::{Checkin, KeyState, SigningKey};
use qiaosi_core::validate::{load, Kind};
use serde_json::{json, Value};

const SHIPPED: &str = include_str!("../../../public/content/pack.json");

fn test_root() -> SecretKey {
    let text = include_str!("fixtures/test-root.key");
    let secret = text.lines().find_map(|l| l.strip_prefix("secret="));
    secret_from_text(secret.unwrap()).unwrap()
}

fn key(id: &str, seed: u8) -> SigningKey {
    SigningKey {
        id: id.into(),
        public: public_text(&SecretKey::from_bytes(&[seed; 32]).verifying_key()),
        state: KeyState::Active,
    }
}

fn with_checkin(c: &Checkin) -> Value {
    let mut v: Value = serde_json::from_str(SHIPPED).unwrap();
    let points = v["checkin"]["points"].clone();
    v["checkin"] = serde_json::to_value(c).unwrap();
    v["checkin"]["points"] = points;
    v
}

fn signed(keys: Vec<SigningKey>) -> Checkin {
    let mut c = Checkin {
        keys,
        ..Checkin::default()
    };
    c.keys_signature = Some(sign_keys(&c, &test_root()));
    c
}

#[test]
fn a_pack_with_an_added_unsigned_key_is_refused_as_a_whole() {
    assert!(root_is_test(), "these tests sign with the TEST root");
    let good = signed(vec![key("k1", 1)]);
    load(&with_checkin(&good).to_string()).expect("a signed keys block is accepted");
    // Someone who can replace pack.json adds their own key next to the signed one.
    let mut added = good.clone();
    added.keys.push(key("evil", 9));
    let ps = load(&with_checkin(&added).to_string()).expect_err("refused");
    let p = ps
        .iter()
        .find(|p| p.path == "checkin.keys_signature")
        .unwrap_or_else(|| panic!("{ps:#?}"));
    assert_eq!(p.kind, Kind::Unsigned);
    assert!(
        p.message.contains("changed after signing") && p.message.contains("qiaosi sign-keys"),
        "{}",
        p.message
    );
    // Or drops the signature and lists only theirs.
    let unsigned = Checkin {
        keys: vec![key("evil", 9)],
        ..Checkin::default()
    };
    let ps = load(&with_checkin(&unsigned).to_string()).expect_err("refused");
    assert!(
        ps.iter().any(|p| p.path == "checkin.keys_signature"
            && p.message.contains("not signed by the root key")),
        "{ps:#?}"
    );
    // Or signs it with a key of their own.
    let mut own = unsigned.clone();
    own.keys_signature = Some(sign_keys(&own, &SecretKey::from_bytes(&[9; 32])));
    assert!(load(&with_checkin(&own).to_string()).is_err());
    // Or brings a revoked key back to active.
    let mut revoked = signed(vec![key("k1", 1)]);
    revoked.keys[0].state = KeyState::Revoked;
    revoked.keys_signature = Some(sign_keys(&revoked, &test_root()));
    load(&with_checkin(&revoked).to_string()).expect("signed");
    revoked.keys[0].state = KeyState::Active;
    assert!(load(&with_checkin(&revoked).to_string()).is_err());
}

#[test]
fn key_states_and_revoked_codes_read_and_are_checked() {
    let mut v = with_checkin(&signed(vec![key("k1", 1)]));
    v["checkin"]["keys"][0]["state"] = json!("retired");
    // The state is signed, so the edit alone breaks the signature...
    assert!(load(&v.to_string()).is_err());
    // ...and an unknown state is not a pack at all.
    v["checkin"]["keys"][0]["state"] = json!("paused");
    assert!(load(&v.to_string()).is_err());
    let mut c = signed(vec![key("k1", 1)]);
    c.revoked_codes = vec!["abc".into(), "0123ABCD".into(), "0123abcd".into()];
    c.keys_signature = Some(sign_keys(&c, &test_root()));
    let ps = load(&with_checkin(&c).to_string()).expect_err("short and upper-case prefixes");
    let bad: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        bad,
        ["checkin.revoked_codes[0]", "checkin.revoked_codes[1]"]
    );
}
