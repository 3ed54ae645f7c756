//! The bytes of a check-in token, before base64url. The layout is documented for the people
//! who print posters in `docs/checkin-token.md`; this is its one implementation.
//!
//! ```text
//! version u8 = 1 | key-id len u8 | key id | point-id len u8 | point id
//!   | valid_from u32 BE | valid_until u32 BE | Ed25519 signature (64)
//! ```
//! Times are whole minutes since 2024-01-01T00:00 Asia/Shanghai: minutes are all a poster
//! needs, and u32 minutes last until the year 10190, so the format has no 2038-style cliff.

use crate::time::{Date, LocalDateTime};

pub const VERSION: u8 = 1;
pub const SIGNATURE_LEN: usize = 64;
pub const MAX_KEY_ID: usize = 16;
pub const MAX_POINT_ID: usize = 32;
/// The longest token there can be: version, two length bytes, the ids, two times, signature.
pub const MAX_LEN: usize = 1 + 1 + MAX_KEY_ID + 1 + MAX_POINT_ID + 8 + SIGNATURE_LEN;
/// Prefixed to the signed bytes so that a signature made for anything else with the same key
/// (another format, another version of this one) can never pass for a check-in code.
pub const DOMAIN: &[u8] = b"qiaosi-checkin-v1\0";

/// 2024-01-01 in days since 1970-01-01; the tokens' epoch is midnight of it in Shanghai.
const EPOCH_DAYS: i64 = 19_723;

/// What a token says, before anyone has checked who said it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claims<'a> {
    pub key_id: &'a str,
    pub point_id: &'a str,
    pub from: u32,
    pub until: u32,
}

/// A token split into what it claims, the bytes its signature covers, and the signature.
pub struct Parsed<'a> {
    pub claims: Claims<'a>,
    pub signed: &'a [u8],
    pub signature: &'a [u8; SIGNATURE_LEN],
}

/// Minutes since the epoch, or `None` before 2024 (no token can be valid then).
pub fn minutes(t: LocalDateTime) -> Option<u32> {
    let m = (t.date.days_since_epoch() - EPOCH_DAYS) * 1440 + i64::from(t.minute);
    u32::try_from(m).ok()
}

pub fn local(minutes: u32) -> LocalDateTime {
    let m = i64::from(minutes);
    LocalDateTime {
        date: Date::from_days_since_epoch(EPOCH_DAYS + m / 1440),
        minute: (m % 1440) as u16,
    }
}

fn id_ok(id: &str, max: usize) -> bool {
    (1..=max).contains(&id.len())
}

/// The bytes a signature covers, or `None` when the claims cannot be written in this format.
#[cfg(any(test, feature = "sign"))]
pub fn body(c: &Claims) -> Option<Vec<u8>> {
    if !id_ok(c.key_id, MAX_KEY_ID) || !id_ok(c.point_id, MAX_POINT_ID) || c.until <= c.from {
        return None;
    }
    let mut b = Vec::with_capacity(MAX_LEN);
    b.push(VERSION);
    b.push(c.key_id.len() as u8);
    b.extend_from_slice(c.key_id.as_bytes());
    b.push(c.point_id.len() as u8);
    b.extend_from_slice(c.point_id.as_bytes());
    b.extend_from_slice(&c.from.to_be_bytes());
    b.extend_from_slice(&c.until.to_be_bytes());
    Some(b)
}

/// The message actually signed: the domain prefix, then the body.
pub fn message(body: &[u8]) -> Vec<u8> {
    [DOMAIN, body].concat()
}

/// Reads a field of `n` bytes, advancing the cursor; `None` past the end.
pub(super) fn take<'a>(b: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    let (head, tail) = (b.get(..n)?, b.get(n..)?);
    *b = tail;
    Some(head)
}

fn id<'a>(b: &mut &'a [u8], max: usize) -> Option<&'a str> {
    let len = usize::from(*take(b, 1)?.first()?);
    let s = std::str::from_utf8(take(b, len)?).ok()?;
    id_ok(s, max).then_some(s)
}

fn u32_be(b: &mut &[u8]) -> Option<u32> {
    Some(u32::from_be_bytes(take(b, 4)?.try_into().ok()?))
}

/// Splits token bytes by the layout. `None` for anything that is not exactly one well-formed
/// version-1 token: a wrong version, a length that overruns, trailing bytes, an empty window.
pub fn parse(bytes: &[u8]) -> Option<Parsed<'_>> {
    let body_len = bytes.len().checked_sub(SIGNATURE_LEN)?;
    let (signed, signature) = bytes.split_at(body_len);
    Some(Parsed {
        claims: claims(signed, VERSION)?,
        signed,
        signature: signature.try_into().ok()?,
    })
}

/// Reads a body (version, ids, window) that must fill `b` exactly. Desk certificates share
/// it under their own version byte.
pub fn claims(mut b: &[u8], version: u8) -> Option<Claims<'_>> {
    if take(&mut b, 1)? != [version] {
        return None;
    }
    let key_id = id(&mut b, MAX_KEY_ID)?;
    let point_id = id(&mut b, MAX_POINT_ID)?;
    let from = u32_be(&mut b)?;
    let until = u32_be(&mut b)?;
    if !b.is_empty() || until <= from {
        return None;
    }
    Some(Claims {
        key_id,
        point_id,
        from,
        until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_epoch_is_2024_in_shanghai() {
        let epoch = local(0);
        assert_eq!(epoch.date, Date::new(2024, 1, 1).unwrap());
        assert_eq!(epoch.minute, 0);
        // 2024-01-01T00:00+08:00 is 2023-12-31T16:00Z.
        assert_eq!(epoch.to_unix_s(), 1_704_038_400);
        let t = LocalDateTime {
            date: Date::new(2025, 10, 9).unwrap(),
            minute: 9 * 60 + 30,
        };
        assert_eq!(local(minutes(t).unwrap()), t);
        let before = LocalDateTime {
            date: Date::new(2023, 12, 31).unwrap(),
            minute: 1439,
        };
        assert_eq!(minutes(before), None);
    }

    #[test]
    fn body_and_parse_agree_and_refuse_what_cannot_be_written() {
        let c = Claims {
            key_id: "k1",
            point_id: "tide-parlour",
            from: 10,
            until: 20,
        };
        let mut bytes = body(&c).unwrap();
        assert_eq!(bytes.len(), 1 + 1 + 2 + 1 + 12 + 8);
        bytes.extend_from_slice(&[7; SIGNATURE_LEN]);
        let p = parse(&bytes).unwrap();
        assert_eq!(p.claims, c);
        assert_eq!(p.signature, &[7; SIGNATURE_LEN]);
        assert_eq!(p.signed.len(), bytes.len() - SIGNATURE_LEN);
        let too_long = "p".repeat(MAX_POINT_ID + 1);
        for bad in [
            Claims { key_id: "", ..c },
            Claims {
                point_id: &too_long,
                ..c
            },
            Claims { until: 10, ..c },
        ] {
            assert_eq!(body(&bad), None, "{bad:?}");
        }
    }
}
