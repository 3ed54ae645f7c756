//! The passport export: every stamp with its signed token and the time it was stamped, in one
//! string that staff can check anywhere with `qiaosi verify-passport` (or the app) and the pack.
//!
//! ```text
//! version u8 = 1 | { token len u8 | token bytes | stamped-at u32 BE minutes } * | check (4)
//! ```
//! base64url as a whole. What it proves: each stamp's token was signed by a pack key for that
//! point, and the claimed stamping time lies inside the token's signed window. The stamping
//! time itself is the phone's word: nobody can sign it offline. The 4-byte check (SHA-512 of
//! the rest, truncated) makes hand edits and damage fail loudly, but it is not a secret and is
//! no defence against someone who reads this file; the signatures are.

use super::{b64, check_bytes, token, Refusal, Stamp, Verified};
use crate::content::{CheckinPoint, SigningKey};
use crate::time::LocalDateTime;
use sha2::{Digest, Sha512};

const VERSION: u8 = 1;
const CHECK_LEN: usize = 4;
const DOMAIN: &[u8] = b"qiaosi-passport-v1\0";
/// A passport longer than this is refused unread: about 65 stamps with typical ids, far past
/// what fits in one scannable QR code (see `docs/checkin-token.md`).
pub const MAX_PASSPORT: usize = 8192;

/// A stamp that staff can trust: its token is genuine and its time inside the token's window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedStamp {
    pub verified: Verified,
    pub at: LocalDateTime,
    pub token: String,
}

impl VerifiedStamp {
    /// Back to a passport stamp, e.g. to restore a passport on a new phone.
    pub fn stamp(&self) -> Stamp {
        Stamp {
            point_id: self.verified.point_id.clone(),
            token: self.token.clone(),
            at: self.at,
        }
    }
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

/// Encodes stamps for export. A stamp whose token is not a token (which `verify` never lets
/// through) is written empty, so that the checker names it instead of it vanishing.
pub fn passport_encode(stamps: &[Stamp]) -> String {
    let mut b = vec![VERSION];
    for s in stamps {
        let bytes = b64::decode(&s.token)
            .filter(|t| t.len() <= token::MAX_LEN)
            .unwrap_or_default();
        b.push(bytes.len() as u8);
        b.extend_from_slice(&bytes);
        b.extend_from_slice(&token::minutes(s.at).unwrap_or(0).to_be_bytes());
    }
    let sum = check(&b);
    b.extend_from_slice(&sum);
    b64::encode(&b)
}

/// Checks a passport and reports on each stamp in order. The outer error is for the passport
/// as a whole (not a passport, damaged or edited); an inner one names a stamp that is not
/// genuine, lies outside its code's window, or repeats a point on the same day.
#[allow(clippy::type_complexity)]
pub fn passport_check(
    s: &str,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Vec<Result<VerifiedStamp, Refusal>>, Refusal> {
    if s.len() > MAX_PASSPORT {
        return Err(Refusal::Malformed);
    }
    let all = b64::decode(s.trim()).ok_or(Refusal::Malformed)?;
    let body_len = all.len().checked_sub(CHECK_LEN).ok_or(Refusal::Malformed)?;
    let (body, sum) = all.split_at(body_len);
    if body.first() != Some(&VERSION) || check(body) != sum {
        return Err(Refusal::Malformed);
    }
    let mut rest = &body[1..];
    let mut out = Vec::new();
    let mut seen: Vec<(String, crate::time::Date)> = Vec::new();
    while let Some((&len, tail)) = rest.split_first() {
        let len = usize::from(len);
        let (tok, tail) = tail.split_at_checked(len).ok_or(Refusal::Malformed)?;
        let (at, tail) = tail.split_first_chunk::<4>().ok_or(Refusal::Malformed)?;
        rest = tail;
        let at = token::local(u32::from_be_bytes(*at));
        out.push(check_stamp(
            tok,
            at,
            (keys, points, revoked_codes),
            &mut seen,
        ));
    }
    Ok(out)
}

fn check_stamp(
    tok: &[u8],
    at: LocalDateTime,
    (keys, points, revoked): (&[SigningKey], &[CheckinPoint], &[String]),
    seen: &mut Vec<(String, crate::time::Date)>,
) -> Result<VerifiedStamp, Refusal> {
    let verified = check_bytes(tok, keys, points, revoked)?;
    if at < verified.valid_from {
        return Err(Refusal::NotYetValid);
    }
    if at >= verified.valid_until {
        return Err(Refusal::Expired);
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
        token: b64::encode(tok),
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
        .into_iter()
        .collect()
}
