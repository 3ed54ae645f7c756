//! Property tests that feed hostile input to the two parsers that read what strangers send:
//! a scanned check-in code (`checkin::verify`, and the passport) and a content pack
//! (`validate::load`). The property is "no panic", plus "never accepted" where that is certain.
//!
//! The default is a quick 256 cases per property so `cargo test` stays fast. For a long run:
//! `PROPTEST_CASES=100000 cargo test --release -p qiaosi-core --test fuzz`.

use proptest::prelude::*;
use qiaosi_core::checkin::{self, SecretKey};
use qiaosi_core::content::{CheckinPoint, SigningKey};
use qiaosi_core::time::LocalDateTime;

const SHIPPED: &str = include_str!("../../../public/content/pack.json");
/// Inside the test token's window (2024-09-20T02:40Z).
const NOW: i64 = 1_726_800_000;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        // A failure is reported with the input that caused it; nothing is written to disk.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn keys() -> Vec<SigningKey> {
    vec![SigningKey {
        id: "k1".into(),
        public: checkin::public_text(&SecretKey::from_bytes(&[1; 32]).verifying_key()),
        state: Default::default(),
    }]
}

fn points() -> Vec<CheckinPoint> {
    vec![CheckinPoint {
        id: "tide-parlour".into(),
        place: Some("tide-parlour".into()),
        event: None,
        geofence_m: None,
    }]
}

fn genuine() -> String {
    let t = |ms| LocalDateTime::from_unix_ms(ms);
    let (from, until) = (t(1_726_600_000_000.0), t(1_727_000_000_000.0));
    checkin::issue(
        &SecretKey::from_bytes(&[1; 32]),
        "k1",
        "tide-parlour",
        from,
        until,
    )
    .unwrap()
}

fn b64url(bytes: &[u8]) -> String {
    // Independent of the crate's own encoder, so a bug there cannot hide a bug in decoding.
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = String::new();
    for &b in bytes {
        bits = bits << 8 | u32::from(b);
        n += 8;
        while n >= 6 {
            n -= 6;
            out.push(A[(bits >> n & 63) as usize] as char);
        }
    }
    if n > 0 {
        out.push(A[(bits << (6 - n) & 63) as usize] as char);
    }
    out
}

#[test]
fn the_genuine_token_verifies() {
    // Guards the properties below: they would pass vacuously if nothing ever verified.
    assert!(checkin::verify(&genuine(), &keys(), &points(), &[], NOW).is_ok());
    assert_eq!(b64url(b"foob"), "Zm9vYg");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string_is_refused_without_panic(s in any::<String>()) {
        prop_assert!(checkin::verify(&s, &keys(), &points(), &[], NOW).is_err());
        let _ = checkin::passport_check(&s, &keys(), &points(), &[]);
    }

    #[test]
    fn any_bytes_in_base64url_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let s = b64url(&bytes);
        prop_assert!(checkin::verify(&s, &keys(), &points(), &[], NOW).is_err());
        let _ = checkin::passport_check(&s, &keys(), &points(), &[]);
    }

    #[test]
    fn an_edited_genuine_token_is_refused(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..4),
    ) {
        let token = genuine();
        let mut b: Vec<u8> = token.bytes().collect();
        for (at, byte, op) in edits {
            let i = at.index(b.len() + 1);
            match op {
                0 if i < b.len() => b[i] = byte,
                1 => b.insert(i, byte),
                _ if i < b.len() => { b.remove(i); }
                _ => b.push(byte),
            }
        }
        let s = String::from_utf8_lossy(&b);
        prop_assume!(s != token);
        prop_assert!(checkin::verify(&s, &keys(), &points(), &[], NOW).is_err());
    }

    #[test]
    fn any_string_as_a_pack_is_refused_without_panic(s in any::<String>()) {
        prop_assert!(qiaosi_core::validate::load(&s).is_err());
    }

    #[test]
    fn a_damaged_pack_never_panics(
        cuts in proptest::collection::vec((any::<prop::sample::Index>(), any::<char>()), 1..6),
    ) {
        let mut chars: Vec<char> = SHIPPED.chars().collect();
        for (at, c) in cuts {
            let i = at.index(chars.len());
            chars[i] = c;
        }
        let text: String = chars.into_iter().collect();
        let _ = qiaosi_core::validate::load(&text);
        // Cut half way, at a character boundary (a replaced character may be several bytes).
        let mut half = text.len() / 2;
        while !text.is_char_boundary(half) {
            half -= 1;
        }
        let cut = &text[..half];
        prop_assert!(qiaosi_core::validate::load(cut).is_err());
    }

    #[test]
    fn odd_field_values_never_panic(
        field in prop::sample::select(vec![
            "/places/0/hours", "/places/0/phone", "/places/0/sources/0/date",
            "/places/0/sources/0/cite", "/places/0/area/zh", "/meta/generated",
            "/festival/0/start", "/festival/0/events/0/start", "/festival/0/events/0/end",
            "/checkin/points/0/event", "/meta/tiles/url", "/places/0/category",
        ]),
        value in any::<String>(),
    ) {
        let mut v: serde_json::Value = serde_json::from_str(SHIPPED).unwrap();
        // Set or add the field: the shipped pack leaves optional ones (hours, phone) out.
        let (parent, key) = field.rsplit_once('/').unwrap();
        let object = v.pointer_mut(parent).and_then(|p| p.as_object_mut()).expect(parent);
        object.insert(key.to_string(), serde_json::Value::String(value));
        let _ = qiaosi_core::validate::load(&v.to_string());
    }
}
