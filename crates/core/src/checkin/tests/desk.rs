//! Desk codes (动态打卡码) as a visitor, a photographer of screens and a forger would treat
//! them: scanned in time, scanned late, relabelled, from an uncertified device.

use super::reward::{pack, reward};
use super::{at, install, install_public, keys, passport_of, points, secret};
use crate::checkin::desk::{step_at, step_start_s, STEP_S};
use crate::checkin::{
    b64, code_prefix, desk_code, desk_pass, judge, passport_check, passport_encode, sign_stamp,
    verify, Refusal, Stamp, Why,
};
use crate::content::Reward;
use crate::time::LocalDateTime;

/// A desk at the tide parlour for the 2024 festival week, certified by pack key k1.
fn pass() -> String {
    let window = (at("2024-09-18", 9, 0), at("2024-09-23", 0, 0));
    desk_pass(&secret(1), "k1", "tide-parlour", window, [42; 32]).unwrap()
}

/// The step the desk shows at 10:40 on 2024-09-20 (Shanghai), and that moment in UTC seconds.
fn shown() -> (u32, i64) {
    let t = at("2024-09-20", 10, 40).to_unix_s() + 5;
    (step_at(t), t)
}

fn scan(code: &str, now: i64) -> Result<crate::checkin::Verified, Refusal> {
    verify(code, keys(), &points(), &[], now)
}

#[test]
fn a_desk_code_scanned_in_time_stamps_and_two_minutes_later_is_refused() {
    let (step, t) = shown();
    let code = desk_code(&pass(), step).unwrap();
    let v = scan(&code, t + 10).unwrap();
    assert_eq!(v.point_id, "tide-parlour");
    assert_eq!(v.desk_step, Some(step));
    assert!(v.is_desk());
    // The screen changes every 30 s; a phone a little behind or ahead of the desk still reads.
    assert!(scan(&code, t + 60).is_ok());
    assert!(scan(&code, step_start_s(step) - 55).is_ok());
    // Two minutes after it was shown (a photo sent round, or a phone clock far off): refused.
    assert_eq!(scan(&code, t + 120), Err(Refusal::DeskStale));
    assert_eq!(scan(&code, t - 120), Err(Refusal::DeskStale));
    // Outside the certificate's window, fresh or not.
    let late = at("2024-09-23", 0, 5).to_unix_s();
    let code_late = desk_code(&pass(), step_at(late)).unwrap();
    assert_eq!(scan(&code_late, late), Err(Refusal::Expired));
    // Within the length every link and the passport allow.
    assert!(code.len() <= crate::checkin::MAX_INPUT);
}

#[test]
fn a_desk_code_cannot_be_made_without_a_certified_device() {
    let (step, t) = shown();
    let code = desk_code(&pass(), step).unwrap();
    let bytes = b64::decode(&code).unwrap();
    // Any bit flip fails: the step (re-dating a photo), the point, the device key, a signature.
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 4;
        assert!(scan(&b64::encode(&b), t).is_err(), "byte {i} accepted");
    }
    // A device certified by a key the pack does not trust.
    let window = (at("2024-09-18", 9, 0), at("2024-09-23", 0, 0));
    let rogue = desk_pass(&secret(9), "k1", "tide-parlour", window, [1; 32]).unwrap();
    assert_eq!(
        scan(&desk_code(&rogue, step).unwrap(), t),
        Err(Refusal::BadSignature)
    );
    // A genuine certificate with another device's step signature spliced in.
    let other = desk_pass(&secret(1), "k1", "tide-parlour", window, [3; 32]).unwrap();
    let theirs = b64::decode(&desk_code(&other, step).unwrap()).unwrap();
    let mut spliced = bytes.clone();
    let n = spliced.len();
    spliced[n - 64..].copy_from_slice(&theirs[n - 64..]);
    assert_eq!(scan(&b64::encode(&spliced), t), Err(Refusal::BadSignature));
    // A lost desk phone is revoked by its certificate: every step it shows is refused.
    let revoked = vec![code_prefix(&code).unwrap()];
    let next = desk_code(&pass(), step + 1).unwrap();
    assert_eq!(
        verify(&next, keys(), &points(), &revoked, t + STEP_S),
        Err(Refusal::CodeRevoked)
    );
}

fn desk_stamp(step: u32, at: LocalDateTime) -> Stamp {
    Stamp {
        point_id: "tide-parlour".into(),
        token: desk_code(&pass(), step).unwrap(),
        at,
        sig: String::new(),
    }
}

#[test]
fn a_desk_stamp_in_a_passport_keeps_the_desks_time_and_earns_a_desk_reward() {
    let (step, _) = shown();
    let good = desk_stamp(step, at("2024-09-20", 10, 40));
    let poster = super::stamp("niujiao-seawall", at("2024-09-20", 11, 0));
    let checked = passport_check(&passport_of(&[good, poster]), keys(), &points(), &[]).unwrap();
    assert!(checked.stamps[0].as_ref().unwrap().verified.is_desk());
    assert!(!checked.stamps[1].as_ref().unwrap().verified.is_desk());
    let desk_reward = Reward {
        desk: true,
        ..reward(1)
    };
    let now = at("2024-09-20", 12, 0);
    let j = judge(&desk_reward, &pack(), &checked.stamps, now);
    assert_eq!(j.per_stamp, vec![Why::Counts, Why::NeedsDesk]);
    assert!(j.earned);
    // A desk stamp re-dated to another day (to pass for a visit that day) is refused.
    let moved = desk_stamp(step, at("2024-09-21", 10, 40));
    let r = passport_check(&passport_of(&[moved]), keys(), &points(), &[]).unwrap();
    assert_eq!(r.stamps[0], Err(Refusal::DeskStale));
}

#[test]
fn a_desk_stamp_copied_into_another_phones_passport_is_refused() {
    let (step, _) = shown();
    let mut mine = desk_stamp(step, at("2024-09-20", 10, 40));
    sign_stamp(&install(), &mut mine);
    // Another phone exports it under its own key, keeping this phone's signature.
    let other = crate::checkin::public_text(&secret(8).verifying_key());
    let r = passport_check(
        &passport_encode(&other, &[mine.clone()]),
        keys(),
        &points(),
        &[],
    )
    .unwrap();
    assert_eq!(r.stamps[0], Err(Refusal::OtherPhone));
    let r = passport_check(
        &passport_encode(&install_public(), &[mine]),
        keys(),
        &points(),
        &[],
    )
    .unwrap();
    assert!(r.stamps[0].is_ok());
}

#[test]
fn a_desk_pass_is_checked_before_a_staff_phone_keeps_it() {
    let v = crate::checkin::desk_pass_check(&pass(), keys(), &points(), &[]).unwrap();
    assert_eq!(v.point_id, "tide-parlour");
    assert_eq!(v.valid_until, at("2024-09-23", 0, 0));
    let window = (at("2024-09-18", 9, 0), at("2024-09-23", 0, 0));
    let rogue = desk_pass(&secret(9), "k1", "tide-parlour", window, [1; 32]).unwrap();
    assert_eq!(
        crate::checkin::desk_pass_check(&rogue, keys(), &points(), &[]),
        Err(Refusal::BadSignature)
    );
    let elsewhere = desk_pass(&secret(1), "k1", "old-market", window, [1; 32]).unwrap();
    assert_eq!(
        crate::checkin::desk_pass_check(&elsewhere, keys(), &points(), &[]),
        Err(Refusal::UnknownPoint)
    );
    for bad in ["", "AAAA", &pass()[..40]] {
        assert!(crate::checkin::desk_pass_check(bad, keys(), &points(), &[]).is_err());
    }
}

#[test]
fn a_pass_whose_seed_is_not_the_certified_key_or_whose_key_is_retired_is_refused() {
    let mut bytes = b64::decode(&pass()).unwrap();
    let n = bytes.len();
    bytes[n - 1] ^= 1; // the seed, damaged
    assert_eq!(
        crate::checkin::desk_pass_check(&b64::encode(&bytes), keys(), &points(), &[]),
        Err(Refusal::Malformed)
    );
    let mut retired = keys().to_vec();
    retired[0].state = crate::content::KeyState::Retired;
    assert_eq!(
        crate::checkin::desk_pass_check(&pass(), &retired, &points(), &[]),
        Err(Refusal::KeyRetired)
    );
    // The pass itself names the desk for `revoke-code`, as any code it shows does.
    let (step, _) = shown();
    assert_eq!(
        code_prefix(&pass()),
        code_prefix(&desk_code(&pass(), step).unwrap())
    );
    assert_eq!(code_prefix("AAAAAAAA"), None);
}

#[test]
fn codes_point_only_to_https_or_to_this_computer() {
    use crate::checkin::host_ok;
    for ok in [
        "https://guide.example",
        "http://localhost",
        "http://127.0.0.1:8080",
        "http://localhost/x",
    ] {
        assert!(host_ok(ok), "{ok}");
    }
    for bad in [
        "http://localhost.evil.example",
        "http://127.0.0.1.nip.io",
        "http://guide.example",
        "https://",
        "https://a.example#x",
        "ftp://a.example",
        "",
    ] {
        assert!(!host_ok(bad), "{bad}");
    }
}

#[test]
fn a_copied_stamp_voids_the_passport_for_every_reward() {
    let (step, _) = shown();
    let mut mine = desk_stamp(step, at("2024-09-20", 10, 40));
    sign_stamp(&install(), &mut mine);
    let mut theirs = super::stamp("niujiao-seawall", at("2024-09-20", 11, 0));
    sign_stamp(&secret(8), &mut theirs);
    let p = passport_encode(&install_public(), &[mine, theirs]);
    let checked = passport_check(&p, keys(), &points(), &[]).unwrap();
    let j = judge(
        &reward(1),
        &pack(),
        &checked.stamps,
        at("2024-09-20", 12, 0),
    );
    // The genuine stamp would earn it alone; with a copied one beside it, nothing is earned.
    assert_eq!(j.points, 1);
    assert!(j.copied);
    assert!(!j.earned);
}
