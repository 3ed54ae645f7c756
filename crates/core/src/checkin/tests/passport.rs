//! The passport export: what staff accept and every way an edit shows.

use super::{at, install, install_public, keys, passport_of, points, secret, stamp};
use crate::checkin::{
    b64, passport, passport_check, passport_encode, passport_verify, public_text, sign_stamp,
    Refusal, Stamp,
};

/// Three stamps of one festival week: two points, one of them on two days.
fn book() -> Vec<Stamp> {
    vec![
        stamp("tide-parlour", at("2024-09-18", 9, 5)),
        stamp("niujiao-seawall", at("2024-09-18", 15, 30)),
        stamp("tide-parlour", at("2024-09-19", 10, 0)),
    ]
}

fn verify(s: &str) -> Result<Vec<crate::checkin::VerifiedStamp>, Refusal> {
    passport_verify(s, keys(), &points(), &[])
}

fn per_stamp(s: &str) -> Vec<Result<crate::checkin::VerifiedStamp, Refusal>> {
    passport_check(s, keys(), &points(), &[]).unwrap().stamps
}

/// Recomputes the check after a byte edit, as a forger who has read the format would.
fn recheck(mut all: Vec<u8>) -> String {
    let sum = passport::check(&all);
    all.extend_from_slice(&sum);
    b64::encode(&all)
}

#[test]
fn a_passport_round_trips_every_stamp_and_names_its_phone() {
    let p = passport_of(&book());
    let checked = passport_check(&p, keys(), &points(), &[]).unwrap();
    assert_eq!(checked.install, install_public());
    let v = verify(&p).unwrap();
    assert_eq!(v.len(), 3);
    let back: Vec<_> = v.iter().map(|s| (s.stamp().token, s.stamp().at)).collect();
    let sent: Vec<_> = book().into_iter().map(|s| (s.token, s.at)).collect();
    assert_eq!(back, sent);
    assert_eq!(v[1].verified.point_id, "niujiao-seawall");
    assert_eq!(v[1].at, at("2024-09-18", 15, 30));
    assert_eq!(verify(&passport_of(&[])).unwrap(), vec![]);
    // Pasted from a chat with a stray newline, it still reads.
    assert_eq!(verify(&format!("{p}\n")).unwrap().len(), 3);
}

#[test]
fn a_stamp_copied_from_another_phones_passport_is_refused() {
    // Someone else's phone (install key 8) has a genuine stamp, signed by that phone.
    let mut theirs = stamp("niujiao-seawall", at("2024-09-18", 15, 30));
    sign_stamp(&secret(8), &mut theirs);
    // Copied, signature and all, into this phone's passport next to its own stamp.
    let mut mine = stamp("tide-parlour", at("2024-09-18", 9, 5));
    sign_stamp(&install(), &mut mine);
    let p = passport_encode(&install_public(), &[mine, theirs.clone()]);
    let r = per_stamp(&p);
    assert!(r[0].is_ok());
    assert_eq!(r[1], Err(Refusal::OtherPhone));
    // Naming the other phone instead refuses this phone's stamp: one passport, one phone.
    let other = public_text(&secret(8).verifying_key());
    let mut mine = stamp("tide-parlour", at("2024-09-18", 9, 5));
    sign_stamp(&install(), &mut mine);
    let r = per_stamp(&passport_encode(&other, &[mine, theirs]));
    assert_eq!(r[0], Err(Refusal::OtherPhone));
    assert!(r[1].is_ok());
    // An unsigned stamp counts for nobody.
    let bare = passport_encode(&install_public(), &book());
    assert!(per_stamp(&bare)
        .iter()
        .all(|s| *s == Err(Refusal::OtherPhone)));
}

#[test]
fn a_passport_from_before_stamps_were_signed_names_no_phone() {
    // Version 1: `01 | { len | token | minute }* | check`, as exported before this change.
    let s = &book()[0];
    let mut v1 = vec![1u8];
    let tok = b64::decode(&s.token).unwrap();
    v1.push(tok.len() as u8);
    v1.extend_from_slice(&tok);
    v1.extend_from_slice(&crate::checkin::token::minutes(s.at).unwrap().to_be_bytes());
    assert_eq!(verify(&recheck(v1)), Err(Refusal::Unbound));
}

#[test]
fn a_handful_of_stamps_stays_qr_sized() {
    // Tokens of ~90 bytes plus 69 bytes of framing and signature each, and the 32-byte key:
    // five stamps in 1,103 characters, a QR code of about version 26 at level M, which a
    // phone still reads off another phone's screen. The limits are in docs/checkin-token.md.
    let five: Vec<_> = (0..5)
        .map(|d| stamp("tide-parlour", at(&format!("2024-09-{}", 18 + d), 12, 0)))
        .collect();
    let p = passport_of(&five);
    assert!(p.len() <= 1110, "{}", p.len());
    assert_eq!(verify(&p).unwrap().len(), 5);
}

#[test]
fn any_hand_edit_is_refused_as_a_whole() {
    let p = passport_of(&book());
    let bytes = b64::decode(&p).unwrap();
    for i in (0..bytes.len()).step_by(3) {
        for bit in [0, 5] {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            assert!(
                verify(&b64::encode(&b)).is_err(),
                "byte {i} bit {bit} accepted"
            );
        }
    }
}

#[test]
fn a_forged_stamp_is_named() {
    // Each forgery is signed by the forger's own install (passport_of), so that only the
    // code's signature and the rules stand in the way.
    let forged = |edit: &dyn Fn(&mut Vec<Stamp>)| {
        let mut b = book();
        edit(&mut b);
        per_stamp(&passport_of(&b))
    };
    // Changed point inside the signed token: "tide-parlour" → "tide-parlouR".
    let r = forged(&|b| {
        let mut t = b64::decode(&b[2].token).unwrap();
        t[1 + 1 + 2 + 1 + 11] = b'R';
        b[2].token = b64::encode(&t);
    });
    assert!(r[0].is_ok() && r[1].is_ok());
    assert_eq!(r[2], Err(Refusal::BadSignature));
    // Changed code signature byte.
    let r = forged(&|b| {
        let mut t = b64::decode(&b[1].token).unwrap();
        let last = t.len() - 1;
        t[last] ^= 0x80;
        b[1].token = b64::encode(&t);
    });
    assert_eq!(r[1], Err(Refusal::BadSignature));
    // Changed time, outside the window the code was signed for: before it, and after it.
    let r = forged(&|b| b[0].at = at("2024-01-01", 0, 0));
    assert_eq!(r[0], Err(Refusal::NotYetValid));
    let r = forged(&|b| b[0].at = at("2030-01-01", 0, 0));
    assert_eq!(r[0], Err(Refusal::Expired));
    // A stamp copied in again: the app never stamps a point twice on one day.
    let r = forged(&|b| b.push(b[0].clone()));
    assert_eq!(r.len(), 4);
    assert_eq!(r[3], Err(Refusal::Malformed));
    // A stamp whose code was issued by a key the pack does not trust.
    let r = forged(&|b| {
        b[0].token = crate::checkin::issue(
            &secret(5),
            "k9",
            "tide-parlour",
            at("2024-09-18", 0, 0),
            at("2024-09-30", 0, 0),
        )
        .unwrap()
    });
    assert_eq!(r[0], Err(Refusal::UnknownKey));
    // A stamp holding something that is not a token at all is kept and named, not dropped.
    let mut junk = book();
    junk[1].token = "not-a-token!".into();
    let r = per_stamp(&passport_encode(&install_public(), &junk));
    assert_eq!(r.len(), 3);
    assert!(r[1].is_err());
}

#[test]
fn garbage_is_malformed_and_never_panics() {
    let p = passport_of(&book());
    for len in 0..p.len() {
        assert!(verify(&p[..len]).is_err(), "cut at {len}");
    }
    let bytes = b64::decode(&p).unwrap();
    let body = &bytes[..bytes.len() - 4];
    for len in 0..body.len() {
        // Even with a correct check, a cut inside a stamp is a broken passport; a cut between
        // stamps is a shorter, genuine one.
        match passport_check(&recheck(body[..len].to_vec()), keys(), &points(), &[]) {
            Err(r) => assert_eq!(r, Refusal::Malformed, "cut at {len}"),
            Ok(c) => assert!(c.stamps.len() < 3 && c.stamps.iter().all(Result::is_ok)),
        }
    }
    for bad in ["", "AAAA", "passport", &"A".repeat(1 << 20), "护照"] {
        assert_eq!(verify(bad), Err(Refusal::Malformed), "{:.20}", bad);
    }
}
