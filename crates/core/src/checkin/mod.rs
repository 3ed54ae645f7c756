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
#[cfg(any(test, feature = "sign"))]
mod issue;
mod keys;
pub mod ledger;
mod passport;
pub mod reward;
mod stamp;
mod sync;
mod token;
mod verify;

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
use verify::check_bytes;
pub use verify::{
    desk_cert_check, desk_pass_check, is_desk_token, public_key, public_text, revocable, verify,
};

use crate::time::LocalDateTime;
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

#[cfg(any(test, feature = "sign"))]
pub use desk::{desk_code, desk_pass};
#[cfg(any(test, feature = "sign"))]
pub use install::sign_stamp;
#[cfg(any(test, feature = "sign"))]
pub use issue::*;
