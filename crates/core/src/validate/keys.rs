//! The check-in keys block: revoked codes well formed, and the whole block signed by the root
//! key compiled into this build (`checkin::keys`), so a pack with a key added by hand is
//! refused as a whole.

use super::checker::Checker;
use super::Kind;
use crate::checkin::{keys_signed, MIN_CODE_PREFIX};
use crate::content::Checkin;

pub(super) fn check(v: &mut Checker, c: &Checkin) {
    for (i, code) in c.revoked_codes.iter().enumerate() {
        let hex = code
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex || !(MIN_CODE_PREFIX..=128).contains(&code.len()) {
            v.add(
                &format!("checkin.revoked_codes[{i}]"),
                Kind::OutOfRange,
                format!(
                    "not a code prefix: {MIN_CODE_PREFIX}–128 lowercase hex characters, as \
                     `qiaosi revoke-code` writes"
                ),
            );
        }
    }
    // With no keys no code can stamp, so an unsigned empty block is harmless.
    if c.keys.is_empty() && c.keys_signature.is_none() {
        return;
    }
    let message = match &c.keys_signature {
        None => {
            "the check-in keys are not signed by the root key this build trusts: a pack \
                 whose keys were added or changed by hand is refused. Sign the keys block with \
                 `qiaosi sign-keys --root ROOT.key pack.json`"
        }
        Some(_) if keys_signed(c) => return,
        Some(_) => {
            "the check-in keys block does not match its signature by the root key this \
                    build trusts: a key, a key's state or a revoked code was changed after \
                    signing (or signed with another root). Re-sign it with \
                    `qiaosi sign-keys --root ROOT.key pack.json`"
        }
    };
    v.add("checkin.keys_signature", Kind::Unsigned, message.into());
}
