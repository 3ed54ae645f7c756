//! Checking a scanned code, poster or desk, against the pack: layout, keys, signatures,
//! revoked codes, point, window, and for a desk code its step. One reading of either kind of
//! code ([`read`]) serves the scan, the passport check and `revoke-code`.

use super::{b64, desk, keys, token, Refusal, Verified};
use crate::content::{CheckinPoint, KeyState, SigningKey};
use ed25519_dalek::{Signature, VerifyingKey};

/// Checks a scanned token against the pack's keys, revoked codes and points at `now_unix_s`
/// (UTC seconds, so the phone's time zone does not matter). A new scan needs an active key.
/// Never panics, whatever the input.
pub fn verify(
    token: &str,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
    now_unix_s: i64,
) -> Result<Verified, Refusal> {
    if token.len() > super::MAX_INPUT {
        return Err(Refusal::Malformed);
    }
    let bytes = b64::decode(token).ok_or(Refusal::Malformed)?;
    let v = check_bytes(&bytes, keys, points, revoked_codes)?;
    if keys
        .iter()
        .any(|k| k.id == v.key_id && k.state == KeyState::Retired)
    {
        return Err(Refusal::KeyRetired);
    }
    if now_unix_s < v.valid_from.to_unix_s() {
        Err(Refusal::NotYetValid)
    } else if now_unix_s >= v.valid_until.to_unix_s() {
        Err(Refusal::Expired)
    } else if v
        .desk_step
        .is_some_and(|step| !desk::fresh(step, now_unix_s))
    {
        Err(Refusal::DeskStale)
    } else {
        Ok(v)
    }
}

/// A code's claims, the message its pack key signed and that signature, the bytes that
/// `revoke-code` names, and for a desk code its parts: one reading of either kind of code.
struct Read<'a> {
    claims: token::Claims<'a>,
    message: Vec<u8>,
    signature: &'a [u8; 64],
    revocable: &'a [u8],
    desk: Option<desk::Parsed<'a>>,
}

fn read(bytes: &[u8]) -> Option<Read<'_>> {
    match *bytes.first()? {
        token::VERSION => {
            let p = token::parse(bytes)?;
            Some(Read {
                claims: p.claims,
                message: token::message(p.signed),
                signature: p.signature,
                revocable: bytes,
                desk: None,
            })
        }
        desk::VERSION => {
            let d = desk::parse(bytes)?;
            Some(Read {
                claims: d.claims,
                message: desk::cert_message(d.cert_body),
                signature: d.cert_signature,
                // A lost desk phone is taken back by its certificate, whatever step it shows.
                revocable: d.cert,
                desk: Some(d),
            })
        }
        _ => None,
    }
}

/// Whether a (stored, already verified) token is a desk code rather than a poster code.
pub fn is_desk_token(token: &str) -> bool {
    b64::decode(token).is_some_and(|b| b.first() == Some(&desk::VERSION))
}

/// The bytes whose hash `revoke-code` lists for a code: the whole poster code, or a desk
/// code's certificate (also read from a desk pass, which is what organisers hold for a lost
/// desk phone). `None` when the bytes are neither.
pub fn revocable(bytes: &[u8]) -> Option<Vec<u8>> {
    match read(bytes) {
        Some(r) => Some(r.revocable.to_vec()),
        None => desk::pass_parse(bytes).map(|p| p.cert.to_vec()),
    }
}

/// Everything but the clock and a retired key: layout, key, signature, revoked code, point.
/// The passport reuses it, since a stamp is judged by when it was made, not by when staff look
/// at it (so a stamp made with a key since retired still counts).
pub(super) fn check_bytes(
    bytes: &[u8],
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Verified, Refusal> {
    let r = read(bytes).ok_or(Refusal::Malformed)?;
    check_read(r, keys, points, revoked_codes, true)
}

/// Checks a desk pass (`qiaosi desk-key`'s file or link) before a staff phone keeps it: its
/// certificate must be signed by a pack key, for a point of the pack. The window is for the
/// desk page to show; the pass is kept even before it opens.
pub fn desk_pass_check(
    pass: &str,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Verified, Refusal> {
    let bytes = b64::decode(pass.trim()).ok_or(Refusal::Malformed)?;
    let p = desk::pass_parse(&bytes).ok_or(Refusal::Malformed)?;
    // The seed must be the certified device key's, or every code the desk shows would be
    // refused as forged.
    if ed25519_dalek::SigningKey::from_bytes(p.seed)
        .verifying_key()
        .as_bytes()
        != p.device
    {
        return Err(Refusal::Malformed);
    }
    desk_cert_check(p.cert, keys, points, revoked_codes)
}

/// Checks a desk's certificate (with its signature), as a staff phone keeps it: by a pack key
/// not retired, for a point of the pack, not revoked.
pub fn desk_cert_check(
    cert: &[u8],
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
) -> Result<Verified, Refusal> {
    // A code for step 0 with no step signature: read like any desk code, checked but for
    // the step, which only the device will sign.
    let unsigned = desk::code(&desk::step_body(cert, 0), &[0; 64]);
    let r = read(&unsigned).ok_or(Refusal::Malformed)?;
    let v = check_read(r, keys, points, revoked_codes, false)?;
    // A retired key stamps nothing new, so a desk certified by it has nothing to show.
    if keys
        .iter()
        .any(|k| k.id == v.key_id && k.state == KeyState::Retired)
    {
        return Err(Refusal::KeyRetired);
    }
    Ok(v)
}

fn check_read(
    r: Read,
    keys: &[SigningKey],
    points: &[CheckinPoint],
    revoked_codes: &[String],
    step_signed: bool,
) -> Result<Verified, Refusal> {
    let c = r.claims;
    let listed = keys
        .iter()
        .find(|k| k.id == c.key_id)
        .ok_or(Refusal::UnknownKey)?;
    // A revoked key's codes are refused as such, signature good or not: whoever took the key
    // can sign, so "forged" would be the wrong thing to tell staff.
    if listed.state == KeyState::Revoked {
        return Err(Refusal::KeyRevoked);
    }
    let key = public_key(&listed.public).ok_or(Refusal::UnknownKey)?;
    // Strict verification also refuses weak keys and non-canonical signatures, so no second
    // spelling of a genuine token can exist.
    key.verify_strict(&r.message, &Signature::from_bytes(r.signature))
        .map_err(|_| Refusal::BadSignature)?;
    // A desk code: the certified device key must have signed this step.
    if let Some(d) = r.desk.as_ref().filter(|_| step_signed) {
        VerifyingKey::from_bytes(d.device)
            .and_then(|device| {
                device.verify_strict(
                    &desk::step_message(d.step_signed),
                    &Signature::from_bytes(d.step_signature),
                )
            })
            .map_err(|_| Refusal::BadSignature)?;
    }
    if keys::code_revoked(r.revocable, revoked_codes) {
        return Err(Refusal::CodeRevoked);
    }
    // Only now, with the signature good, is the point id worth looking up.
    if !points.iter().any(|pt| pt.id == c.point_id) {
        return Err(Refusal::UnknownPoint);
    }
    Ok(Verified {
        point_id: c.point_id.to_string(),
        key_id: c.key_id.to_string(),
        valid_from: token::local(c.from),
        valid_until: token::local(c.until),
        desk_step: r.desk.map(|d| d.step),
    })
}

/// A pack's `public` field as a key; `None` unless it is 32 bytes of a valid curve point.
pub fn public_key(public: &str) -> Option<VerifyingKey> {
    let bytes: [u8; 32] = b64::decode(public)?.try_into().ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// The pack's text for a public key: base64url without padding, 43 characters.
pub fn public_text(key: &VerifyingKey) -> String {
    b64::encode(key.as_bytes())
}
