//! Making poster codes (`checkin::issue`): only with the `sign` feature, which the CLI and the
//! tests enable, so the app's wasm carries no code for signing posters.

pub use super::keys::sign_keys;
use super::{b64, token};
use crate::time::LocalDateTime;
use ed25519_dalek::Signer;
pub use ed25519_dalek::SigningKey as SecretKey;
use std::fmt;

/// Why a token could not be made. The CLI checks its arguments first; this is the backstop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueError {
    /// A key id of 1 to 16 bytes, or a point id of 1 to 32, is all a token can carry.
    IdLength,
    /// Tokens count minutes from 2024-01-01 Shanghai time.
    BeforeEpoch,
    EmptyWindow,
}

impl fmt::Display for IssueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IssueError::IdLength => "a key id must be 1–16 bytes and a point id 1–32 bytes long",
            IssueError::BeforeEpoch => "a code cannot be valid before 2024-01-01",
            IssueError::EmptyWindow => "the code must end after it starts",
        })
    }
}

impl std::error::Error for IssueError {}

/// Makes the token for a poster: valid from `valid_from` (inclusive) until `valid_until`
/// (exclusive), both Shanghai wall-clock minutes. Put it in a URL with [`super::url`].
pub fn issue(
    signing: &SecretKey,
    key_id: &str,
    point_id: &str,
    valid_from: LocalDateTime,
    valid_until: LocalDateTime,
) -> Result<String, IssueError> {
    let from = token::minutes(valid_from).ok_or(IssueError::BeforeEpoch)?;
    let until = token::minutes(valid_until).ok_or(IssueError::BeforeEpoch)?;
    if until <= from {
        return Err(IssueError::EmptyWindow);
    }
    let claims = token::Claims {
        key_id,
        point_id,
        from,
        until,
    };
    let mut bytes = token::body(&claims).ok_or(IssueError::IdLength)?;
    let signature = signing.sign(&token::message(&bytes));
    bytes.extend_from_slice(&signature.to_bytes());
    Ok(b64::encode(&bytes))
}

/// A secret key's text for its file: the 32-byte seed in base64url.
pub fn secret_text(key: &SecretKey) -> String {
    b64::encode(key.as_bytes())
}

pub fn secret_from_text(text: &str) -> Option<SecretKey> {
    let seed: [u8; 32] = b64::decode(text.trim())?.try_into().ok()?;
    Some(SecretKey::from_bytes(&seed))
}
