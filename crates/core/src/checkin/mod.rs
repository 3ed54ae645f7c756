//! Signed check-in codes, verified on the phone with no server.
//!
//! The people who run the guide print a poster whose QR code is a URL
//! `https://<host>/checkin#<token>` (posters printed before the fragment form carry
//! `/checkin/<token>`, which still works). The token names a check-in point and a validity window
//! and carries an Ed25519 signature from a key whose public half is in the content pack. The
//! app checks the signature, the point and the window offline, then stamps the user's passport
//! (at most once per point per Shanghai day). Layout and limits: `docs/checkin-token.md`.
//!
//! Only verification is compiled by default. Making tokens needs the secret key and lives
//! behind the `sign` feature, which the CLI enables, so the app's wasm carries no signing code.

mod b64;
pub mod desk;
mod install;
mod keys;
pub mod ledger;
mod passport;
pub mod reward;
mod stamp;
mod sync;
mod token;

#[cfg(test)]
mod tests;

pub use b64::{decode as b64_decode, encode as b64_encode};
pub use install::{stamp_message, stamp_signed_by};
pub use keys::{
    code_hash, code_prefix, keys_message, keys_signed, keys_signed_by, root_is_test,
    root_public_text, CODE_PREFIX, MIN_CODE_PREFIX, TEST_ROOT_PUBLIC,
};
pub use passport::{passport_check, passport_encode, passport_verify, Checked, VerifiedStamp};
pub use reward::{judge, judge_points, Judgement, Why};
pub use stamp::{stamp_allowed, Stamp, StampDecision};
pub use sync::{outbox_key, refusal_reason, sync_host, sync_outcome, SyncOutcome};
pub use token::{MAX_KEY_ID, MAX_POINT_ID};

use crate::content::{CheckinPoint, KeyState, SigningKey};
use crate::time::LocalDateTime;
use ed25519_dalek::{Signature, VerifyingKey};
use std::fmt;

/// Longer input is refused before any decoding: the longest real code (a desk code with the
/// longest ids) is under 300 characters, and a cap keeps a hostile link from costing the phone
/// anything.
pub const MAX_INPUT: usize = 512;

/// Why a code was not accepted. The variants are stable: the app maps each to its own text in
/// both languages, and `Display` gives the English message the CLI prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    /// Not a check-in code at all: too long, not base64url, or not the token layout.
    Malformed,
    /// Signed with a key the pack does not list (or lists with an unusable public key).
    UnknownKey,
    /// The signature does not match: the code was altered or forged.
    BadSignature,
    /// Signed with a key the pack marks revoked (leaked or lost): refused everywhere.
    KeyRevoked,
    /// Signed with a retired key: stamps made earlier still count, new scans are refused.
    KeyRetired,
    /// This one code was revoked (`checkin.revoked_codes`), e.g. a leaked poster.
    CodeRevoked,
    /// Genuine, but for a check-in point this pack does not have.
    UnknownPoint,
    NotYetValid,
    Expired,
    /// A desk code more than a minute from the checking clock: shown earlier (a photo of the
    /// desk's screen) or the phone's clock is wrong.
    DeskStale,
    /// In a passport: the stamp was not signed by the phone the passport names (copied in
    /// from another phone's passport).
    OtherPhone,
    /// A passport from a version of the guide that did not sign its stamps: it names no phone.
    Unbound,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refusal::Malformed => "this is not a check-in code, or it was damaged",
            Refusal::UnknownKey => "the code was signed with a key this guide does not know",
            Refusal::BadSignature => {
                "the code's signature does not match: it was altered or forged"
            }
            Refusal::KeyRevoked => "key revoked: the key that signed this code was withdrawn",
            Refusal::KeyRetired => "the key that signed this code is retired: it no longer stamps",
            Refusal::CodeRevoked => "this code was revoked by the organisers",
            Refusal::UnknownPoint => "the code is for a check-in point this guide does not list",
            Refusal::NotYetValid => "the code is not valid yet",
            Refusal::Expired => "the code has expired",
            Refusal::DeskStale => {
                "this desk code is no longer current (or the phone's clock is wrong)"
            }
            Refusal::OtherPhone => "this stamp was made on another phone and copied in",
            Refusal::Unbound => {
                "this passport names no phone: it comes from an older version of the guide"
            }
        })
    }
}

impl std::error::Error for Refusal {}

/// What a genuine code says. Times are Shanghai wall-clock minutes; `valid_until` is exclusive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub point_id: String,
    pub key_id: String,
    pub valid_from: LocalDateTime,
    pub valid_until: LocalDateTime,
    /// For a desk code, the 30-second step its device signed; `None` for a poster code.
    pub desk_step: Option<u32>,
}

impl Verified {
    pub fn is_desk(&self) -> bool {
        self.desk_step.is_some()
    }
}

/// The token in a scanned URL, or the input itself when it is a bare token. Both forms of the
/// link are read: `…/checkin#<token>` (new posters: the fragment never reaches a server, so
/// codes stay out of every server log) and `…/checkin/<token>` (posters printed before). Any
/// `?query`, and anything after the token, is ignored.
pub fn token_in(url_or_token: &str) -> &str {
    checkin_link(url_or_token).unwrap_or_else(|| before_extras(url_or_token))
}

/// The token in a scanned QR code if it is one of this guide's check-in links, in either form
/// and on any host (the poster may name the production host while the app runs on another);
/// `None` for any other code, which the scanner names rather than opens.
pub fn link_token(scanned: &str) -> Option<&str> {
    checkin_link(scanned).filter(|t| !t.is_empty())
}

/// A token ends where a query or a fragment would start.
fn before_extras(t: &str) -> &str {
    t.split(['?', '#']).next().unwrap_or_default()
}

/// The token of a check-in link, or `None` when the text is not one. A token is base64url, so
/// it never holds a `/`: the last `/checkin` is the link's own.
fn checkin_link(s: &str) -> Option<&str> {
    let rest = &s[s.rfind("/checkin")? + "/checkin".len()..];
    let (path_and_query, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    match path_and_query.split('?').next().unwrap_or_default() {
        // The fragment form, perhaps after a query (`/checkin?utm=x#<token>`) or a slash.
        "" | "/" => Some(before_extras(fragment)),
        // The path form: one segment, the token.
        path => path.strip_prefix('/').filter(|code| !code.contains('/')),
    }
}

/// The heading a point's stamps are listed under in the passport.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Group<'a> {
    /// A festival event's point: its edition.
    Edition(&'a crate::content::Edition),
    /// A place on a route: the first route that stops there.
    Route(&'a crate::content::Route),
    Other,
}

pub fn group_of<'a>(pack: &'a crate::content::Pack, point: &str) -> Group<'a> {
    let Some(p) = pack.checkin.points.iter().find(|p| p.id == point) else {
        return Group::Other;
    };
    if let Some(ed) = p.event.as_deref().and_then(|ev| ev.split('/').next()) {
        return pack.edition(ed).map_or(Group::Other, Group::Edition);
    }
    p.place
        .as_deref()
        .and_then(|place| {
            pack.routes
                .iter()
                .find(|r| r.stops.iter().any(|s| s.place.as_deref() == Some(place)))
        })
        .map_or(Group::Other, Group::Route)
}

/// Whether `host` can be where codes point: https, or plain http for a local test server
/// (the service worker and geolocation need a secure origin).
pub fn host_ok(host: &str) -> bool {
    if host.contains(['#', '?', ' ', '@', '\\']) {
        return false;
    }
    if let Some(rest) = host.strip_prefix("https://") {
        return !rest.is_empty();
    }
    // Plain http only to this computer: the host must be exactly localhost or 127.0.0.1
    // (`http://localhost.evil.example` is a remote host).
    let Some(rest) = host.strip_prefix("http://") else {
        return false;
    };
    let name = rest.split([':', '/']).next().unwrap_or_default();
    name == "localhost" || name == "127.0.0.1"
}

/// The URL a poster carries. `host` is the site's origin, e.g. `https://guide.example`. The
/// token goes after `#`: browsers never send a fragment, so a scan does not leave a working
/// code in the logs of the guide's host, a CDN or a proxy on the way.
pub fn url(host: &str, token: &str) -> String {
    format!("{}/checkin#{token}", host.trim_end_matches('/'))
}

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
    if token.len() > MAX_INPUT {
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
fn check_bytes(
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

#[cfg(any(test, feature = "sign"))]
pub use desk::{desk_code, desk_pass};
#[cfg(any(test, feature = "sign"))]
pub use install::sign_stamp;
#[cfg(any(test, feature = "sign"))]
pub use sign::*;

#[cfg(any(test, feature = "sign"))]
mod sign {
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
                IssueError::IdLength => {
                    "a key id must be 1–16 bytes and a point id 1–32 bytes long"
                }
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
}
