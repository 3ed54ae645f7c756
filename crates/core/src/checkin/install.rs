//! Stamps bound to the phone that made them. Each install of the app has its own Ed25519 key
//! pair (WebCrypto, private half non-extractable where the browser allows) and signs every
//! stamp it makes. The passport export names the install's public key, and staff refuse a
//! passport whose stamps are not all signed by it: a stamp copied out of someone else's
//! passport does not carry over, and a reward is given once per install (the ledger).

use super::{b64, token, Stamp};
use crate::time::LocalDateTime;
use ed25519_dalek::{Signature, VerifyingKey};

const DOMAIN: &[u8] = b"qiaosi-stamp-v1\0";

/// What the install signs for a stamp: the code as scanned and the minute it was stamped.
/// `None` when the token is not base64url or the time is before 2024 (no code is valid then).
pub fn stamp_message(token: &str, at: LocalDateTime) -> Option<Vec<u8>> {
    let bytes = b64::decode(token)?;
    let minute = token::minutes(at)?;
    Some([DOMAIN, &bytes, &minute.to_be_bytes()].concat())
}

/// Whether `stamp.sig` is the install `public` key's signature of the stamp.
pub fn stamp_signed_by(stamp: &Stamp, public: &VerifyingKey) -> bool {
    let Some(msg) = stamp_message(&stamp.token, stamp.at) else {
        return false;
    };
    let Some(sig) = b64::decode(&stamp.sig).and_then(|s| <[u8; 64]>::try_from(s).ok()) else {
        return false;
    };
    public
        .verify_strict(&msg, &Signature::from_bytes(&sig))
        .is_ok()
}

#[cfg(any(test, feature = "sign"))]
/// Signs a stamp as an install would (the app signs with WebCrypto; tests and the CLI's
/// test fixtures use this).
pub fn sign_stamp(install: &super::SecretKey, stamp: &mut Stamp) {
    use ed25519_dalek::Signer;
    if let Some(msg) = stamp_message(&stamp.token, stamp.at) {
        stamp.sig = b64::encode(&install.sign(&msg).to_bytes());
    }
}
