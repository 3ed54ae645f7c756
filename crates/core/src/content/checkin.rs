//! The check-in part of a pack: points, the keys that sign their codes, rewards and the
//! optional sync endpoint.

use super::I18n;
use crate::time::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkin {
    #[serde(default)]
    pub points: Vec<CheckinPoint>,
    #[serde(default)]
    pub keys: Vec<SigningKey>,
    /// Codes taken back one by one (a leaked poster): hex prefixes, at least 8 characters, of
    /// the SHA-512 of a token's bytes (`checkin::code_prefix`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revoked_codes: Vec<String>,
    /// The root key's signature of `keys` and `revoked_codes` (`checkin::keys_message`),
    /// base64url. Required whenever there are keys: see `checkin::keys`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keys_signature: Option<String>,
    /// Prizes for collecting stamps, as the organisers announce them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rewards: Vec<Reward>,
    /// Where check-ins are also sent, when the organisers run a server: an https URL or a
    /// path on the guide's own host. None (the default) keeps them on the phone only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync: Option<String>,
    /// The staff guide's address, an origin (the staff build, deployed apart at its own site's
    /// root): the passport's QR code
    /// links to its `/staff`, so a staff phone's camera opens the check itself. None: the
    /// link names the visitors' guide, whose `/staff` says where the check is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
}

impl Checkin {
    /// Where staff check a passport: the staff guide's `/staff` when the pack names it, else
    /// `origin`'s (the guide the visitor uses).
    pub fn staff_check_url(&self, origin: &str) -> String {
        let base = self.staff.as_deref().unwrap_or(origin);
        format!("{}/staff", base.trim_end_matches('/'))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckinPoint {
    pub id: String,
    /// The place or the event (`edition/event`) the point stands at; exactly one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// When set, a stamp needs the user's position within this many metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geofence_m: Option<u32>,
}

/// A public key that signs check-in codes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningKey {
    pub id: String,
    /// Ed25519 public key, base64url without padding.
    pub public: String,
    #[serde(default, skip_serializing_if = "KeyState::is_active")]
    pub state: KeyState,
}

/// Where a key is in its life. A stamp is judged by the key's state now, not when it was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyState {
    /// Its codes stamp.
    #[default]
    Active,
    /// Its codes no longer stamp, but stamps already made with them still check out.
    Retired,
    /// Leaked or lost: its codes neither stamp nor count in a passport.
    Revoked,
}

impl KeyState {
    pub fn is_active(&self) -> bool {
        *self == KeyState::Active
    }
}

impl super::Pack {
    /// Where a check-in point is: its place, or its event's venue.
    pub fn checkin_point_place(&self, point: &str) -> Option<&super::Place> {
        let p = self.checkin.points.iter().find(|p| p.id == point)?;
        let place = match (&p.place, &p.event) {
            (Some(id), _) => id.as_str(),
            (None, Some(ev)) => {
                let (ed, ev) = ev.split_once('/')?;
                self.edition(ed)?.event(ev)?.place.as_deref()?
            }
            _ => return None,
        };
        self.place(place)
    }

    /// A check-in point's name: its place's, else its event's title, else its id.
    pub fn checkin_point_name(&self, point: &str) -> I18n {
        let p = self.checkin.points.iter().find(|p| p.id == point);
        let place = p
            .and_then(|p| p.place.as_deref())
            .and_then(|id| self.place(id))
            .map(|p| p.name.clone());
        let event = p.and_then(|p| p.event.as_deref()).and_then(|r| {
            let (ed, ev) = r.split_once('/')?;
            Some(self.edition(ed)?.event(ev)?.title.clone())
        });
        place.or(event).unwrap_or_else(|| I18n {
            zh: point.into(),
            en: point.into(),
        })
    }
}

/// "Collect `need` distinct points of these, inside this window": judged by
/// `checkin::reward::judge` (staff page, `qiaosi verify-passport --reward`, the passport).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reward {
    pub id: String,
    pub name: I18n,
    /// Point ids that count; empty means every point.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<String>,
    /// Distinct points needed: a point stamped on several days counts once.
    pub need: u32,
    /// How to claim it (where, until when), as announced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how: Option<I18n>,
    /// The edition whose days the stamps must fall in (start 00:00 to end 24:00, or 180 days
    /// from the start when no end is known). Exactly one of this or `from` + `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    /// First and last day (`YYYY-MM-DD`, inclusive, Shanghai) when not an edition's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    /// Only desk stamps (动态打卡码: a code a staff phone shows on the spot, changing every
    /// 30 s) count; poster stamps do not.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub desk: bool,
}

impl Reward {
    /// The first and last day (inclusive, Shanghai) whose stamps count; `None` when the
    /// reward names no window or an edition the pack does not have.
    pub fn window(&self, pack: &super::Pack) -> Option<(Date, Date)> {
        match (&self.edition, &self.from, &self.until) {
            (Some(ed), None, None) => {
                let e = pack.edition(ed)?;
                let start = Date::parse(&e.start)?;
                let end = match e.end.as_deref() {
                    Some(end) => Date::parse(end)?,
                    None => start.add_days(180),
                };
                Some((start, end))
            }
            (None, Some(from), Some(until)) => Some((Date::parse(from)?, Date::parse(until)?)),
            _ => None,
        }
    }

    /// How many of the points that count have at least one stamp, capped at `need`.
    pub fn progress<'a>(
        &self,
        all: &[CheckinPoint],
        stamped: impl Iterator<Item = &'a str>,
    ) -> u32 {
        let listed = |id: &str| self.points.is_empty() || self.points.iter().any(|p| p == id);
        stamped_points(all, stamped.filter(|id| listed(id))).min(self.need)
    }
}

/// How many of the pack's points have at least one stamp (a point stamped on several days
/// counts once; a point no longer in the pack not at all).
pub fn stamped_points<'a>(all: &[CheckinPoint], stamped: impl Iterator<Item = &'a str>) -> u32 {
    let mut seen: Vec<&str> = stamped
        .filter(|id| all.iter().any(|p| p.id == *id))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(id: &str) -> CheckinPoint {
        CheckinPoint {
            id: id.into(),
            place: Some("p".into()),
            event: None,
            geofence_m: None,
        }
    }

    #[test]
    fn reward_progress_counts_distinct_listed_points_up_to_need() {
        let all: Vec<_> = ["a", "b", "c", "d"].map(point).into();
        let r = |points: &[&str], need| Reward {
            id: "r".into(),
            name: I18n {
                zh: "奖".into(),
                en: "Prize".into(),
            },
            points: points.iter().map(|s| s.to_string()).collect(),
            need,
            how: None,
            edition: None,
            from: Some("2024-09-18".into()),
            until: Some("2024-09-22".into()),
            desk: false,
        };
        // The same point twice (two days) counts once; a point not in the list not at all.
        assert_eq!(
            r(&["a", "b", "c"], 3).progress(&all, ["a", "a", "d"].into_iter()),
            1
        );
        assert_eq!(
            r(&["a", "b", "c"], 3).progress(&all, ["a", "b", "c"].into_iter()),
            3
        );
        // Empty list: every point counts; progress never passes what is needed.
        assert_eq!(r(&[], 2).progress(&all, ["a", "b", "c"].into_iter()), 2);
        // A stamp for a point no longer in the pack does not count.
        assert_eq!(r(&[], 4).progress(&all, ["gone"].into_iter()), 0);
    }
}
