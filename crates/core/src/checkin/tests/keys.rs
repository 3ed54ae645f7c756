//! Key states, revoked codes and the root's signature of the keys block.

use super::*;
use crate::checkin::keys::sign_keys;
use crate::content::{Checkin, KeyState};

/// The TEST root, whose secret is committed for exactly this.
fn test_root() -> SecretKey {
    let text = include_str!("../../../tests/fixtures/test-root.key");
    let secret = text
        .lines()
        .find_map(|l| l.strip_prefix("secret="))
        .unwrap();
    secret_from_text(secret).unwrap()
}

fn with_state(state: KeyState) -> Vec<SigningKey> {
    let mut k = keys().to_vec();
    k[0].state = state;
    k
}

fn block() -> Checkin {
    Checkin {
        keys: vec![pack_key("k1", 1)],
        revoked_codes: vec!["0123abcd".into()],
        ..Checkin::default()
    }
}

#[test]
fn the_canonical_bytes_are_length_prefixed_fields_in_order() {
    let mut c = block();
    c.keys[0].public = "PUB".into();
    c.keys[0].state = KeyState::Retired;
    let mut want = b"qiaosi-keys-v1\0".to_vec();
    want.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 2]);
    want.extend_from_slice(b"k1");
    want.extend_from_slice(&[0, 0, 0, 3]);
    want.extend_from_slice(b"PUB");
    want.push(1);
    want.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 8]);
    want.extend_from_slice(b"0123abcd");
    assert_eq!(keys_message(&c), want);
    // Points, rewards, sync and the signature itself are not part of it.
    let mut other = c.clone();
    other.points.push(point("x"));
    other.sync = Some("/sync".into());
    other.keys_signature = Some("sig".into());
    assert_eq!(keys_message(&other), want);
}

#[test]
fn the_root_signature_covers_every_key_state_and_code() {
    let root = test_root();
    assert_eq!(public_text(&root.verifying_key()), TEST_ROOT_PUBLIC);
    let mut c = block();
    assert!(!keys_signed_by(&c, &root.verifying_key()), "unsigned");
    c.keys_signature = Some(sign_keys(&c, &root));
    assert!(keys_signed_by(&c, &root.verifying_key()));
    // Without QIAOSI_ROOT_PUBLIC at build time, the build trusts the TEST root.
    assert_eq!(keys_signed(&c), root_is_test());
    // Any change after signing breaks it: an added key, a state, a dropped code, the order.
    let changes: [fn(&mut Checkin); 5] = [
        |c| c.keys.push(pack_key("k9", 9)),
        |c| c.keys[0].state = KeyState::Revoked,
        |c| c.revoked_codes.clear(),
        |c| c.keys[0].id = "k2".into(),
        |c| c.keys.insert(0, pack_key("k0", 9)),
    ];
    for (i, change) in changes.iter().enumerate() {
        let mut edited = c.clone();
        change(&mut edited);
        assert!(
            !keys_signed_by(&edited, &root.verifying_key()),
            "change {i}"
        );
    }
    // Signed by another key (one a pack editor might make): refused.
    let mut forged = block();
    forged.keys_signature = Some(sign_keys(&forged, &secret(7)));
    assert!(!keys_signed_by(&forged, &root.verifying_key()));
}

#[test]
fn a_retired_key_keeps_old_stamps_but_refuses_new_scans() {
    let t = token("tide-parlour");
    let retired = with_state(KeyState::Retired);
    assert_eq!(
        verify(&t, &retired, &points(), &[], DURING),
        Err(Refusal::KeyRetired)
    );
    let stamp = Stamp {
        point_id: "tide-parlour".into(),
        token: t,
        at: at("2024-09-19", 10, 0),
        sig: String::new(),
    };
    let p = super::passport_of(&[stamp]);
    assert_eq!(
        passport_verify(&p, &retired, &points(), &[]).unwrap().len(),
        1
    );
}

#[test]
fn a_revoked_key_is_refused_everywhere_as_revoked_not_forged() {
    let t = token("tide-parlour");
    let revoked = with_state(KeyState::Revoked);
    assert_eq!(
        verify(&t, &revoked, &points(), &[], DURING),
        Err(Refusal::KeyRevoked)
    );
    let stamp = Stamp {
        point_id: "tide-parlour".into(),
        token: t.clone(),
        at: at("2024-09-19", 10, 0),
        sig: String::new(),
    };
    let p = super::passport_of(&[stamp]);
    assert_eq!(
        passport_check(&p, &revoked, &points(), &[]).unwrap().stamps,
        vec![Err(Refusal::KeyRevoked)]
    );
    // A code signed by someone else under the revoked id is "revoked" too, not "forged".
    let other = issue(
        &secret(5),
        "k1",
        "tide-parlour",
        at("2024-09-18", 9, 0),
        at("2024-09-23", 0, 0),
    )
    .unwrap();
    assert_eq!(
        verify(&other, &revoked, &points(), &[], DURING),
        Err(Refusal::KeyRevoked)
    );
    assert_eq!(
        Refusal::KeyRevoked.to_string().split(':').next(),
        Some("key revoked")
    );
}

#[test]
fn a_revoked_code_refuses_that_code_only() {
    let leaked = token("tide-parlour");
    let other = token("niujiao-seawall");
    let prefix = code_prefix(&leaked).unwrap();
    assert_eq!(prefix.len(), CODE_PREFIX);
    let revoked = vec![prefix.clone()];
    assert_eq!(
        verify(&leaked, keys(), &points(), &revoked, DURING),
        Err(Refusal::CodeRevoked)
    );
    assert!(verify(&other, keys(), &points(), &revoked, DURING).is_ok());
    // A passport stamp from the leaked poster is refused, the other one counts.
    let stamps = [("tide-parlour", leaked), ("niujiao-seawall", other)].map(|(p, t)| Stamp {
        point_id: p.into(),
        token: t,
        at: at("2024-09-19", 10, 0),
        sig: String::new(),
    });
    let r = passport_check(&super::passport_of(&stamps), keys(), &points(), &revoked)
        .unwrap()
        .stamps;
    assert_eq!(r[0], Err(Refusal::CodeRevoked));
    assert!(r[1].is_ok());
    // The shortest prefix still works; a shorter one is ignored (and refused by validation).
    let short = vec![prefix[..MIN_CODE_PREFIX].to_string()];
    let leaked = token("tide-parlour");
    assert_eq!(
        verify(&leaked, keys(), &points(), &short, DURING),
        Err(Refusal::CodeRevoked)
    );
    let too_short = vec![prefix[..MIN_CODE_PREFIX - 1].to_string()];
    assert!(verify(&leaked, keys(), &points(), &too_short, DURING).is_ok());
}
