//! The passport export: every stamp with its signed token and the time it was stamped, in one
//! string that staff can check anywhere with `qiaosi verify-passport` (or the app) and the pack.
//!
//! ```text
//! version u8 = 2 | install public key (32)
//!   | { token len u8 | token bytes | stamped-at u32 BE minutes | install signature (64) } *
//!   | check (4)
//! ```
//! base64url as a whole. What it proves: each stamp's token was signed by a pack key for that
//! point, the claimed stamping time lies inside the token's signed window (for a desk code,
//! within a minute of the step the desk signed), and every stamp was signed by the one install
//! the passport names. A poster stamp's time is the phone's word: nobody can sign it offline.
//! Version 1 passports (before stamps were signed) are refused as a whole: they name no phone. The 4-byte check (SHA-512 of
//! the rest, truncated) makes hand edits and damage fail loudly, but it is not a secret and is
//! no defence against someone who reads this file; the signatures are.

use super::{b64, check_bytes, desk, public_key, stamp_signed_by, token, Refusal, Stamp, Verified};
use crate::content::{CheckinPoint, SigningKey};
use crate::time::LocalDateTime;
use sha2::{Digest, Sha512};

const VERSION: u8 = 2;
/// The version before stamps were signed by the install, recognised to say so.
const UNBOUND: u8 = 1;
const KEY_LEN: usize = 32;
const SIG_LEN: usize = 64;
const CHECK_LEN: usize = 4;
const DOMAIN: &[u8] = b"qiaosi-passport-v1\0";
/// A passport longer than this is refused unread: about 38 poster stamps with typical ids, far past
/// what fits in one scannable QR code (see `docs/checkin-token.md`).
pub const MAX_PASSPORT: usize = 8192;

/// A stamp that staff can trust: its token is genuine and its time inside the token's window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedStamp {
    pub verified: Verified,
    pub at: LocalDateTime,
    pub token: String,
    pub sig: String,
}

impl VerifiedStamp {
    /// Back to a passport stamp, e.g. to restore a passport on a new phone.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            point_id: self.verified.point_id.clone(),
            token: self.token.clone(),
            at: self.at,
            sig: self.sig.clone(),
        }
    }
}

/// A checked passport: the install it names and each stamp's verdict, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checked {
    /// The install's public key (base64url), which the ledger records rewards against.
    pub install: String,
    pub stamps: Vec<Result<VerifiedStamp, Refusal>>,
}

pub(super) fn check(body: &[u8]) -> [u8; CHECK_LEN] {
    let digest = Sha512::new()
        .chain_update(DOMAIN)
        .chain_update(body)
        .finalize();
    let mut out = [0; CHECK_LEN];
    out.copy_from_slice(&digest[..CHECK_LEN]);
    out
}

/// Encodes stamps for export, naming the install whose key signed them (`install`, its
/// base64url public key). A stamp whose token or signature is not well formed (which the app
/// never stores) is written empty, so that the checker names it instead of it vanishing.
pub fn passport_encode(install: &str, stamps: &[Stamp]) -> String {
    let mut b = vec![VERSION];
    b.extend_from_slice(&fixed::<KEY_LEN>(install));
    for s in stamps {
        let bytes = b64::decode(&s.token)
            .filter(|t| t.len() <= desk::MAX_LEN)
            .unwrap_or_default();
        b.push(bytes.len() as u8);
        b.extend_from_slice(&bytes);
        b.extend_from_slice(&token::minutes(s.at).unwrap_or(0).to_be_bytes());
        b.extend_from_slice(&fixed::<SIG_LEN>(&s.sig));
    }
    let sum = check(&b);
    b.extend_from_slice(&sum);
    b64::encode(&b)
}

/// `N` bytes of base64url text, or zeros (which verify as nothing) when it is not that.
fn fixed<const N: usize>(text: &str) -> [u8; N] {
    b64::decode(text)
        .and_then(|b| b.try_into().ok())
        .unwrap_or([0; N])
}

/// Checks a passport and reports on each stamp in order. The outer error is for the passport
/// as a whole (not a passport, damaged or edited, or from before stamps were signed); an
/// inner one names a stamp that another phone made, that is not genuine, lies outside its
/// code's window, or repeats a point on the same day.
pub fn passport_check(
    s: &str,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Checked, Refusal> {
    if s.len() > MAX_PASSPORT {
        return Err(Refusal::Malformed);
    }
    let all = b64::decode(s.trim()).ok_or(Refusal::Malformed)?;
    let body_len = all.len().checked_sub(CHECK_LEN).ok_or(Refusal::Malformed)?;
    let (body, sum) = all.split_at(body_len);
    if check(body) != sum {
        return Err(Refusal::Malformed);
    }
    match body.first() {
        Some(&VERSION) => {}
        Some(&UNBOUND) => return Err(Refusal::Unbound),
        _ => return Err(Refusal::Malformed),
    }
    let (key, mut rest) = body[1..]
        .split_first_chunk::<KEY_LEN>()
        .ok_or(Refusal::Malformed)?;
    let install = b64::encode(key);
    let public = public_key(&install).ok_or(Refusal::Malformed)?;
    let mut out = Vec::new();
    let mut seen: Vec<(String, crate::time::Date)> = Vec::new();
    while let Some((&len, tail)) = rest.split_first() {
        let (tok, tail) = tail
            .split_at_checked(usize::from(len))
            .ok_or(Refusal::Malformed)?;
        let (at, tail) = tail.split_first_chunk::<4>().ok_or(Refusal::Malformed)?;
        let (sig, tail) = tail
            .split_first_chunk::<SIG_LEN>()
            .ok_or(Refusal::Malformed)?;
        rest = tail;
        let stamp = Stamp {
            point_id: String::new(),
            token: b64::encode(tok),
            at: token::local(u32::from_be_bytes(*at)),
            sig: b64::encode(sig),
        };
        out.push(if stamp_signed_by(&stamp, &public) {
            check_stamp(stamp, (keys, points, revoked_codes), &mut seen)
        } else {
            Err(Refusal::OtherPhone)
        });
    }
    Ok(Checked {
        install,
        stamps: out,
    })
}

fn check_stamp(
    stamp: Stamp,
    (keys, points, revoked): (&[SigningKey], &[CheckinPoint], &[String]),
    seen: &mut Vec<(String, crate::time::Date)>,
) -> Result<VerifiedStamp, Refusal> {
    let bytes = b64::decode(&stamp.token).unwrap_or_default();
    let verified = check_bytes(&bytes, keys, points, revoked)?;
    let at = stamp.at;
    if at < verified.valid_from {
        return Err(Refusal::NotYetValid);
    }
    if at >= verified.valid_until {
        return Err(Refusal::Expired);
    }
    // A desk stamp's time must agree with the step the desk signed: the desk's clock, not
    // only the phone's, says when the visitor was there.
    if let Some(step) = verified.desk_step {
        if !desk::fresh_at_minute(step, at.to_unix_s()) {
            return Err(Refusal::DeskStale);
        }
    }
    // The app never makes two stamps for one point on one day, so a repeat was copied in.
    let day = (verified.point_id.clone(), at.date);
    if seen.contains(&day) {
        return Err(Refusal::Malformed);
    }
    seen.push(day);
    Ok(VerifiedStamp {
        verified,
        at,
        token: stamp.token,
        sig: stamp.sig,
    })
}

/// The stamps of a passport, or the first reason any part of it is not genuine.
pub fn passport_verify(
    s: &str,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Vec<VerifiedStamp>, Refusal> {
    passport_check(s, keys, points, revoked_codes)?
        .stamps
        .into_iter()
        .collect()
}
