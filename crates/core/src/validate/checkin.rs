//! The check-in section: points, keys, rewards and the sync endpoint.

use super::checker::Checker;
use super::Kind;
use crate::content::Checkin;
use std::collections::HashSet;

pub(super) fn check(
    v: &mut Checker,
    c: &Checkin,
    place_ids: &HashSet<&str>,
    event_refs: &HashSet<String>,
) {
    let mut point_ids = HashSet::new();
    for (i, c) in c.points.iter().enumerate() {
        let at = format!("checkin.points[{i}]");
        v.id(&at, &c.id, &mut point_ids);
        match (&c.place, &c.event) {
            (Some(p), None) => v.reference(&format!("{at}.place"), p, place_ids, "place"),
            (None, Some(e)) => {
                if !event_refs.contains(e) {
                    v.add(
                        &format!("{at}.event"),
                        Kind::Dangling,
                        format!("no event \"{e}\" (expected edition/event)"),
                    );
                }
            }
            _ => v.add(
                &at,
                Kind::Empty,
                "a check-in point names exactly one of place or event".into(),
            ),
        }
        if c.geofence_m == Some(0) {
            v.add(
                &format!("{at}.geofence_m"),
                Kind::OutOfRange,
                "a geofence needs a radius above 0".into(),
            );
        }
    }
    let mut key_ids = HashSet::new();
    for (i, k) in c.keys.iter().enumerate() {
        let at = format!("checkin.keys[{i}]");
        v.id(&at, &k.id, &mut key_ids);
        let ok = k.public.len() == 43
            && k.public
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !ok {
            v.add(
                &format!("{at}.public"),
                Kind::OutOfRange,
                "not a base64url Ed25519 public key (43 characters)".into(),
            );
        }
    }
    let point_set: HashSet<&str> = point_ids.iter().map(String::as_str).collect();
    let mut reward_ids = HashSet::new();
    for (i, r) in c.rewards.iter().enumerate() {
        let at = format!("checkin.rewards[{i}]");
        v.id(&at, &r.id, &mut reward_ids);
        v.non_empty(&format!("{at}.name.zh"), &r.name.zh);
        for (j, p) in r.points.iter().enumerate() {
            v.reference(
                &format!("{at}.points[{j}]"),
                p,
                &point_set,
                "check-in point",
            );
        }
        // Distinct points: a point listed twice can still only be stamped as one.
        let listed: HashSet<&str> = r.points.iter().map(String::as_str).collect();
        let available = if r.points.is_empty() {
            c.points.len()
        } else {
            listed.len()
        };
        if r.need == 0 || r.need as usize > available {
            v.add(
                &format!("{at}.need"),
                Kind::OutOfRange,
                format!("must be between 1 and the {available} points that count"),
            );
        }
    }
    if let Some(url) = &c.sync {
        // https for a server elsewhere; a path for one on the guide's own host.
        // No spaces, controls or credentials: the phone could not even build such a request.
        let clean = !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '@');
        let ok = clean
            && ((url.starts_with("https://") && url.len() > 8)
                || (url.starts_with('/') && !url.starts_with("//")));
        if !ok {
            v.add(
                "checkin.sync",
                Kind::BadUrl,
                "must be an https URL or a path on this host (/…)".into(),
            );
        }
    }
    // The rule the CLI applies to `--staff-host` (https, or plain http to this computer only),
    // and an origin alone: the staff build is served from its site's root.
    if let Some(url) = &c.staff {
        let host = url.split_once("://").map_or("", |(_, h)| h);
        let origin = !host.trim_end_matches('/').contains('/')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
        if !crate::checkin::host_ok(url) || !origin {
            v.add(
                "checkin.staff",
                Kind::BadUrl,
                "must be the staff guide's https address, with no path (http only for localhost)"
                    .into(),
            );
        }
    }
}

/// Every reward names its window: an edition of the pack, or `from` and `until` days (in
/// order). A reward without one would count stamps from any year.
pub(super) fn reward_windows(v: &mut Checker, pack: &crate::content::Pack) {
    for (i, r) in pack.checkin.rewards.iter().enumerate() {
        let at = format!("checkin.rewards[{i}]");
        match (&r.edition, &r.from, &r.until) {
            (Some(ed), None, None) => {
                if pack.edition(ed).is_none() {
                    v.add(
                        &format!("{at}.edition"),
                        Kind::Dangling,
                        format!("no edition \"{ed}\""),
                    );
                }
            }
            (None, Some(from), Some(until)) => {
                v.date(&format!("{at}.from"), from);
                v.date(&format!("{at}.until"), until);
                if r.window(pack).is_some_and(|(a, b)| b < a) {
                    v.add(
                        &format!("{at}.until"),
                        Kind::OutOfRange,
                        "the last day comes before the first".into(),
                    );
                }
            }
            _ => v.add(
                &at,
                Kind::Empty,
                "a reward names exactly one of edition, or from and until".into(),
            ),
        }
    }
}
