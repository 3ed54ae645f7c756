//! Desk codes (动态打卡码): a QR code shown by a staff phone at a check-in point that changes
//! every 30 seconds, so that a stamp from it shows the visitor was there within a minute or so
//! of the code being shown, which a poster cannot (a photo of a poster stamps from anywhere).
//!
//! The organisers make a device key for one point and one window and sign a certificate for
//! it with a pack key (`qiaosi desk-key`). The staff phone keeps the device key and signs
//! each 30-second step. The visitor's app checks the chain offline: the pack key signed the
//! certificate, the device key signed this step, the point is in the pack, the window holds,
//! and the step is within a minute of the phone's own clock.
//!
//! ```text
//! version u8 = 2 | key-id len u8 | key id | point-id len u8 | point id
//!   | valid_from u32 BE | valid_until u32 BE | device public key (32)      ← certificate body
//!   | certificate signature (64, by the pack key)
//!   | step u32 BE (30-second steps since 1970-01-01 UTC)
//!   | step signature (64, by the device key, over everything before it)
//! ```

use super::token::{self, take, Claims, SIGNATURE_LEN};

pub const VERSION: u8 = 2;
pub const STEP_S: i64 = 30;
/// How far the step may be from the checking clock, either way.
pub const SLACK_S: i64 = 60;
pub const DEVICE_KEY_LEN: usize = 32;
/// The longest desk code: a certificate, its signature, a step and the step's signature.
pub const MAX_LEN: usize = token::MAX_LEN + DEVICE_KEY_LEN + 4 + SIGNATURE_LEN;
/// Prefixes of the two signed messages, so that neither signature can pass for the other or
/// for a poster code (whose prefix is `qiaosi-checkin-v1`).
const CERT_DOMAIN: &[u8] = b"qiaosi-desk-cert-v1\0";
const STEP_DOMAIN: &[u8] = b"qiaosi-desk-step-v1\0";

/// A desk code split into its parts, before anyone has checked who said what.
pub struct Parsed<'a> {
    pub claims: Claims<'a>,
    pub device: &'a [u8; DEVICE_KEY_LEN],
    /// The certificate body, which the pack key signed.
    pub cert_body: &'a [u8],
    pub cert_signature: &'a [u8; SIGNATURE_LEN],
    /// The certificate with its signature: what `revoke-code` takes back for a lost phone.
    pub cert: &'a [u8],
    pub step: u32,
    /// Everything the device signed.
    pub step_signed: &'a [u8],
    pub step_signature: &'a [u8; SIGNATURE_LEN],
}

pub fn cert_message(body: &[u8]) -> Vec<u8> {
    [CERT_DOMAIN, body].concat()
}

pub fn step_message(signed: &[u8]) -> Vec<u8> {
    [STEP_DOMAIN, signed].concat()
}

/// The step a moment falls in.
pub fn step_at(unix_s: i64) -> u32 {
    (unix_s.max(0) / STEP_S).min(i64::from(u32::MAX)) as u32
}

pub fn step_start_s(step: u32) -> i64 {
    i64::from(step) * STEP_S
}

/// Whether a step shown at its start could be scanned at `unix_s`: from a minute before it
/// (clocks differ) until a minute after it ends.
pub fn fresh(step: u32, unix_s: i64) -> bool {
    let start = step_start_s(step);
    start - SLACK_S <= unix_s && unix_s < start + STEP_S + SLACK_S
}

/// Whether a stamp recorded at whole minute `at_s` (so made in `at_s .. at_s + 60`) could
/// have been made from this step while it was fresh.
pub fn fresh_at_minute(step: u32, at_s: i64) -> bool {
    let start = step_start_s(step);
    at_s < start + STEP_S + SLACK_S && at_s + 60 > start - SLACK_S
}

/// Splits a desk code by the layout; `None` unless it is exactly one well-formed code.
pub fn parse(bytes: &[u8]) -> Option<Parsed<'_>> {
    if bytes.first() != Some(&VERSION) || bytes.len() > MAX_LEN {
        return None;
    }
    let tail_len = DEVICE_KEY_LEN + SIGNATURE_LEN + 4 + SIGNATURE_LEN;
    let body_end = bytes.len().checked_sub(tail_len)? + DEVICE_KEY_LEN;
    // The certificate body reads like a poster token's body with the device key after it.
    let claims = token::claims(&bytes[..body_end - DEVICE_KEY_LEN], VERSION)?;
    let mut rest = &bytes[body_end - DEVICE_KEY_LEN..];
    let device = take(&mut rest, DEVICE_KEY_LEN)?.try_into().ok()?;
    let cert_signature = take(&mut rest, SIGNATURE_LEN)?.try_into().ok()?;
    let step = u32::from_be_bytes(take(&mut rest, 4)?.try_into().ok()?);
    let step_signature = take(&mut rest, SIGNATURE_LEN)?.try_into().ok()?;
    let cert_end = body_end + SIGNATURE_LEN;
    Some(Parsed {
        claims,
        device,
        cert_body: &bytes[..body_end],
        cert_signature,
        cert: &bytes[..cert_end],
        step,
        step_signed: &bytes[..cert_end + 4],
        step_signature,
    })
}

/// What a desk phone needs to show codes: its certificate (with signature) and, apart, its
/// device key. The pass is the certificate followed by the device key's 32-byte seed; the
/// staff phone turns the seed into a non-extractable WebCrypto key and keeps only that.
pub struct Pass<'a> {
    pub claims: Claims<'a>,
    pub cert: &'a [u8],
    pub seed: &'a [u8; 32],
    pub device: &'a [u8; DEVICE_KEY_LEN],
}

pub fn pass_parse(bytes: &[u8]) -> Option<Pass<'_>> {
    let cert_len = bytes.len().checked_sub(32)?;
    let (cert, seed) = bytes.split_at(cert_len);
    let body_len = cert.len().checked_sub(SIGNATURE_LEN)?;
    let claims = token::claims(cert.get(..body_len.checked_sub(DEVICE_KEY_LEN)?)?, VERSION)?;
    Some(Pass {
        claims,
        cert,
        seed: seed.try_into().ok()?,
        device: cert[body_len - DEVICE_KEY_LEN..body_len].try_into().ok()?,
    })
}

/// The bytes the device signs for `step`: the certificate and the step.
pub fn step_body(cert: &[u8], step: u32) -> Vec<u8> {
    [cert, &step.to_be_bytes()].concat()
}

/// The whole code once the device has signed [`step_message`] of [`step_body`].
pub fn code(step_body: &[u8], signature: &[u8]) -> Vec<u8> {
    [step_body, signature].concat()
}

#[cfg(any(test, feature = "sign"))]
pub use sign::*;

#[cfg(any(test, feature = "sign"))]
mod sign {
    use super::*;
    use crate::checkin::{b64, IssueError, SecretKey};
    use crate::time::LocalDateTime;
    use ed25519_dalek::Signer;

    /// A desk pass (certificate and device seed, base64url) for `point_id`, signed by the pack
    /// key `signing`. `seed` is the device key's; the CLI draws it from the system's randomness.
    pub fn desk_pass(
        signing: &SecretKey,
        key_id: &str,
        point_id: &str,
        (valid_from, valid_until): (LocalDateTime, LocalDateTime),
        seed: [u8; 32],
    ) -> Result<String, IssueError> {
        let from = token::minutes(valid_from).ok_or(IssueError::BeforeEpoch)?;
        let until = token::minutes(valid_until).ok_or(IssueError::BeforeEpoch)?;
        if until <= from {
            return Err(IssueError::EmptyWindow);
        }
        let claims = Claims {
            key_id,
            point_id,
            from,
            until,
        };
        let mut body = token::body(&claims).ok_or(IssueError::IdLength)?;
        body[0] = VERSION;
        let device = SecretKey::from_bytes(&seed);
        body.extend_from_slice(device.verifying_key().as_bytes());
        let sig = signing.sign(&cert_message(&body));
        body.extend_from_slice(&sig.to_bytes());
        body.extend_from_slice(&seed);
        Ok(b64::encode(&body))
    }

    /// The code a desk shows during `step`, signed here with the pass's seed (the app signs
    /// with WebCrypto instead; the CLI and the tests use this).
    pub fn desk_code(pass: &str, step: u32) -> Option<String> {
        let bytes = b64::decode(pass)?;
        let p = pass_parse(&bytes)?;
        let body = step_body(p.cert, step);
        let sig = SecretKey::from_bytes(p.seed).sign(&step_message(&body));
        Some(b64::encode(&code(&body, &sig.to_bytes())))
    }
}
