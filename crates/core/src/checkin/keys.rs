//! The trust root: which check-in keys a build accepts does not rest on the content pack alone.
//!
//! The pack's keys block (`checkin.keys` with each key's state, and `checkin.revoked_codes`)
//! carries `checkin.keys_signature`, an Ed25519 signature by the ROOT key, whose public half is
//! compiled in. Someone who can replace `content/pack.json` cannot add a key, bring a revoked
//! one back or drop a revoked code without the root's secret: the pack fails validation and the
//! app refuses it as a whole. The CLI signs the block (`qiaosi sign-keys`).
//!
//! The root compiled in is `QIAOSI_ROOT_PUBLIC` when set at build time, else `root.pub` next to
//! this file, which ships with the TEST root (its secret is committed under
//! `crates/core/tests/fixtures/`). A real deploy must set its own root: docs/checkin-token.md.

use super::{b64, public_key};
use crate::content::{Checkin, KeyState};
use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha512};

/// The public half of the TEST root, whose secret is in the repository for the tests.
pub const TEST_ROOT_PUBLIC: &str = "8Wq9lXh1KWhAoo-kuSzE7DW1m9GsvHiognocAbWIdZ0";

/// The shortest revoked-code prefix, in hex characters: 32 bits, so a prefix names one poster
/// and no other code by chance.
pub const MIN_CODE_PREFIX: usize = 8;
/// The length of the prefix `qiaosi revoke-code` writes.
pub const CODE_PREFIX: usize = 16;

const DOMAIN: &[u8] = b"qiaosi-keys-v1\0";

/// The root's public key as compiled in (base64url).
pub fn root_public_text() -> &'static str {
    option_env!("QIAOSI_ROOT_PUBLIC")
        .unwrap_or(include_str!("root.pub"))
        .trim()
}

/// Whether this build trusts the TEST root, whose secret anyone can read.
pub fn root_is_test() -> bool {
    root_public_text() == TEST_ROOT_PUBLIC
}

/// The bytes the root signs for a pack's keys block, each field length-prefixed so that no
/// two blocks share a spelling:
///
/// ```text
/// "qiaosi-keys-v1\0"
/// u32 BE key count, then per key in pack order:
///     u32 BE len | id (UTF-8) | u32 BE len | public (its base64url text) | state u8
///     (0 active, 1 retired, 2 revoked)
/// u32 BE revoked-code count, then per code in pack order: u32 BE len | code (its text)
/// ```
///
/// Points, rewards and `sync` are not covered: they decide where a stamp counts, not whose
/// signature is trusted.
pub fn keys_message(c: &Checkin) -> Vec<u8> {
    fn field(out: &mut Vec<u8>, s: &str) {
        out.extend_from_slice(&(s.len() as u32).to_be_bytes());
        out.extend_from_slice(s.as_bytes());
    }
    let mut out = DOMAIN.to_vec();
    out.extend_from_slice(&(c.keys.len() as u32).to_be_bytes());
    for k in &c.keys {
        field(&mut out, &k.id);
        field(&mut out, &k.public);
        out.push(match k.state {
            KeyState::Active => 0,
            KeyState::Retired => 1,
            KeyState::Revoked => 2,
        });
    }
    out.extend_from_slice(&(c.revoked_codes.len() as u32).to_be_bytes());
    for code in &c.revoked_codes {
        field(&mut out, code);
    }
    out
}

/// Whether `keys_signature` is a good signature of the keys block by `root`.
pub fn keys_signed_by(c: &Checkin, root: &VerifyingKey) -> bool {
    let Some(sig) = c.keys_signature.as_deref().and_then(b64::decode) else {
        return false;
    };
    let Ok(sig) = <[u8; 64]>::try_from(sig) else {
        return false;
    };
    root.verify_strict(&keys_message(c), &Signature::from_bytes(&sig))
        .is_ok()
}

/// Whether the keys block is signed by the root compiled into this build.
pub fn keys_signed(c: &Checkin) -> bool {
    public_key(root_public_text()).is_some_and(|root| keys_signed_by(c, &root))
}

/// A code's name in `revoked_codes`: SHA-512 of the token's bytes, in lowercase hex.
pub fn code_hash(token_bytes: &[u8]) -> String {
    Sha512::digest(token_bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The prefix `revoke-code` writes for a poster code, a desk code (its certificate: every step
/// of that desk) or a desk pass (the same certificate); `None` for anything else, so that
/// nothing is reported revoked that was not.
pub fn code_prefix(token: &str) -> Option<String> {
    let mut h = code_hash(&super::revocable(&b64::decode(token)?)?);
    h.truncate(CODE_PREFIX);
    Some(h)
}

/// Whether the token's hash starts with one of the revoked prefixes (short ones are ignored:
/// validation refuses them, and one must never match many codes by accident).
pub(super) fn code_revoked(token_bytes: &[u8], revoked: &[String]) -> bool {
    if revoked.is_empty() {
        return false;
    }
    let h = code_hash(token_bytes);
    revoked
        .iter()
        .any(|p| p.len() >= MIN_CODE_PREFIX && h.starts_with(p.as_str()))
}

/// Signs a pack's keys block with the root's secret: the text for `keys_signature`.
#[cfg(any(test, feature = "sign"))]
pub fn sign_keys(c: &Checkin, root: &super::SecretKey) -> String {
    use ed25519_dalek::Signer;
    b64::encode(&root.sign(&keys_message(c)).to_bytes())
}
