//! The passport export: what staff accept and every way an edit shows.

use super::{at, keys, points, stamp};
use crate::checkin::{b64, passport, passport_check, passport_encode, passport_verify, Refusal};

/// Three stamps of one festival week: two points, one of them on two days.
fn book() -> Vec<crate::checkin::Stamp> {
    vec![
        stamp("tide-parlour", at("2024-09-18", 9, 5)),
        stamp("niujiao-seawall", at("2024-09-18", 15, 30)),
        stamp("tide-parlour", at("2024-09-19", 10, 0)),
    ]
}

fn verify(s: &str) -> Result<Vec<crate::checkin::VerifiedStamp>, Refusal> {
    passport_verify(s, keys(), &points(), &[])
}

/// Applies an edit to the passport's bytes and, like a forger who has read the format,
/// recomputes the check so that only the signatures and the rules stand in the way.
fn forge(p: &str, edit: impl FnOnce(&mut Vec<u8>)) -> String {
    let mut all = b64::decode(p).unwrap();
    all.truncate(all.len() - 4);
    edit(&mut all);
    let sum = passport::check(&all);
    all.extend_from_slice(&sum);
    b64::encode(&all)
}

/// Where stamp `i`'s token and time start in the decoded passport.
fn offsets(p: &str, i: usize) -> (usize, usize) {
    let all = b64::decode(p).unwrap();
    let mut at = 1;
    for _ in 0..i {
        at += 1 + usize::from(all[at]) + 4;
    }
    let token = at + 1;
    (token, token + usize::from(all[at]))
}

#[test]
fn a_passport_round_trips_every_stamp() {
    let stamps = book();
    let p = passport_encode(&stamps);
    let v = verify(&p).unwrap();
    assert_eq!(v.len(), 3);
    let back: Vec<_> = v.iter().map(|s| s.stamp()).collect();
    assert_eq!(back, stamps);
    assert_eq!(v[1].verified.point_id, "niujiao-seawall");
    assert_eq!(v[1].at, at("2024-09-18", 15, 30));
    assert_eq!(verify(&passport_encode(&[])).unwrap(), vec![]);
    // Pasted from a chat with a stray newline, it still reads.
    assert_eq!(verify(&format!("{p}\n")).unwrap().len(), 3);
}

#[test]
fn a_handful_of_stamps_stays_qr_sized() {
    // Tokens of ~90 bytes plus 5 bytes of framing each: five stamps in about 640 characters,
    // a QR code of version 20 at level M (17 at L), which a phone still reads off a screen.
    // The limits behind this are in docs/checkin-token.md.
    let five: Vec<_> = (0..5)
        .map(|d| stamp("tide-parlour", at(&format!("2024-09-{}", 18 + d), 12, 0)))
        .collect();
    let p = passport_encode(&five);
    assert!(p.len() <= 640, "{}", p.len());
    assert_eq!(verify(&p).unwrap().len(), 5);
}

#[test]
fn any_hand_edit_is_refused_as_a_whole() {
    let p = passport_encode(&book());
    let bytes = b64::decode(&p).unwrap();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            assert!(
                verify(&b64::encode(&b)).is_err(),
                "byte {i} bit {bit} accepted"
            );
        }
    }
    // A stamp time moved within its code's window: only the check catches this one.
    let (_, time) = offsets(&p, 0);
    let mut b = bytes.clone();
    b[time + 3] ^= 1;
    assert_eq!(verify(&b64::encode(&b)), Err(Refusal::Malformed));
}

#[test]
fn a_forged_stamp_is_named() {
    let p = passport_encode(&book());
    let per_stamp = |s: &str| passport_check(s, keys(), &points(), &[]).unwrap();
    // Changed point: "tide-parlour" → "tide-parlouR" inside the signed token.
    let (tok, _) = offsets(&p, 2);
    let changed = forge(&p, |b| b[tok + 1 + 1 + 2 + 1 + 11] = b'R');
    let r = per_stamp(&changed);
    assert!(r[0].is_ok() && r[1].is_ok());
    assert_eq!(r[2], Err(Refusal::BadSignature));
    assert_eq!(verify(&changed), Err(Refusal::BadSignature));
    // Changed signature byte.
    let (_, time) = offsets(&p, 1);
    let resigned = forge(&p, |b| b[time - 1] ^= 0x80);
    assert_eq!(per_stamp(&resigned)[1], Err(Refusal::BadSignature));
    // Changed time, outside the window the code was signed for: before it, and after it.
    let (_, time0) = offsets(&p, 0);
    let early = forge(&p, |b| {
        b[time0..time0 + 4].copy_from_slice(&0u32.to_be_bytes())
    });
    assert_eq!(per_stamp(&early)[0], Err(Refusal::NotYetValid));
    let late = forge(&p, |b| b[time0..time0 + 4].copy_from_slice(&[0xff; 4]));
    assert_eq!(per_stamp(&late)[0], Err(Refusal::Expired));
    // A stamp copied in again: the app never stamps a point twice on one day.
    let (tok0, _) = offsets(&p, 0);
    let copied = forge(&p, |b| {
        let first = b[tok0 - 1..time0 + 4].to_vec();
        b.extend_from_slice(&first);
    });
    let r = per_stamp(&copied);
    assert_eq!(r.len(), 4);
    assert_eq!(r[3], Err(Refusal::Malformed));
    // A stamp whose code was issued by a key the pack does not trust.
    let mut foreign = book();
    foreign[0].token = crate::checkin::issue(
        &super::secret(5),
        "k9",
        "tide-parlour",
        at("2024-09-18", 0, 0),
        at("2024-09-30", 0, 0),
    )
    .unwrap();
    assert_eq!(
        per_stamp(&passport_encode(&foreign))[0],
        Err(Refusal::UnknownKey)
    );
    // A stamp holding something that is not a token at all is kept and named, not dropped.
    let mut junk = book();
    junk[1].token = "not-a-token!".into();
    let r = per_stamp(&passport_encode(&junk));
    assert_eq!(r.len(), 3);
    assert_eq!(r[1], Err(Refusal::Malformed));
}

#[test]
fn garbage_is_malformed_and_never_panics() {
    let p = passport_encode(&book());
    for len in 0..p.len() {
        assert!(verify(&p[..len]).is_err(), "cut at {len}");
    }
    let bytes = b64::decode(&p).unwrap();
    for len in 0..bytes.len() {
        // Even with a correct check, a cut inside a stamp is a broken passport; a cut between
        // stamps is a shorter, genuine one.
        let cut = forge(&b64::encode(&bytes[..len.max(4)]), |_| {});
        match passport_check(&cut, keys(), &points(), &[]) {
            Err(r) => assert_eq!(r, Refusal::Malformed),
            Ok(stamps) => assert!(stamps.len() < 3 && stamps.iter().all(Result::is_ok)),
        }
    }
    for bad in ["", "AAAA", "passport", &"A".repeat(1 << 20), "护照"] {
        assert_eq!(verify(bad), Err(Refusal::Malformed), "{:.20}", bad);
    }
}
