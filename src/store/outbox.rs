//! Check-ins waiting to be sent to the pack's sync endpoint (only when the pack names one).
//! Each is written in the same transaction as its stamp, under its idempotency key
//! (`core::checkin::outbox_key`): the key the server sees on every retry, across reloads, so it
//! can apply each check-in exactly once.
//!
//! An entry leaves only when the server has it or the user removes it. One the server refused
//! for good stays, marked with the server's reason, is shown in the passport and is not sent
//! again (`core::checkin::sync_outcome`).

use super::{schema, Op, Store};
use leptos::prelude::{ArcRwSignal, Set, Update};
use qiaosi_core::time::LocalDateTime;
use serde::{Deserialize, Serialize};

/// A queued check-in: its idempotency key, the JSON body it is sent with, and the server's
/// reason once refused.
#[derive(Clone, Debug, PartialEq)]
pub struct Queued {
    pub key: String,
    pub body: String,
    pub refused: Option<String>,
}

/// How a refused entry is stored. A waiting one is stored as its bare body, as every build
/// before refusals were kept did, so entries queued by an older build still read as waiting.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RefusedRecord {
    refused: String,
    body: String,
}

impl Queued {
    pub fn decode(key: String, value: String) -> Queued {
        match serde_json::from_str::<RefusedRecord>(&value) {
            Ok(r) => Queued {
                key,
                body: r.body,
                refused: Some(r.refused),
            },
            Err(_) => Queued {
                key,
                body: value,
                refused: None,
            },
        }
    }

    pub fn value(&self) -> String {
        match &self.refused {
            None => self.body.clone(),
            Some(reason) => serde_json::json!({ "refused": reason, "body": self.body }).to_string(),
        }
    }

    /// The write that stores this entry as it is now.
    pub fn put(&self) -> Op {
        Op::Put {
            store: schema::OUTBOX,
            key: self.key.clone(),
            value: self.value(),
        }
    }

    /// The point and the Shanghai time of the check-in, from its body, for the passport.
    pub fn point_and_time(&self) -> Option<(String, LocalDateTime)> {
        let v: serde_json::Value = serde_json::from_str(&self.body).ok()?;
        let at = v.get("at")?.as_u64()?;
        Some((
            v.get("point")?.as_str()?.to_string(),
            LocalDateTime::from_unix_ms(at as f64),
        ))
    }
}

/// This install's random secret (128 bits, made once): it keeps two phones' check-ins at the
/// same point on the same day apart, and never leaves the phone (only a hash of it with the
/// day and point does: `core::checkin::outbox_key`).
fn install_secret() -> String {
    if let Some(id) = super::local::get(super::local::INSTALL) {
        return id;
    }
    let mut bytes = [0u8; 16];
    let _ = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes));
    let secret = qiaosi_core::hash::hex(&bytes);
    super::local::set(super::local::INSTALL, &secret);
    secret
}

/// The outbox entry for a reward given at this staff phone, sent to the pack's sync endpoint
/// like a check-in (the same queue, retries and idempotency), so that the server holds every
/// desk's redemptions and other staff phones can fetch them (`crate::sync::ledger`).
#[cfg(feature = "staff")]
pub fn redemption_entry(r: &qiaosi_core::checkin::ledger::Redemption) -> Op {
    let day = r.at.get(..10).unwrap_or_default();
    Queued {
        key: qiaosi_core::checkin::outbox_key(
            day,
            &format!("redeem/{}", r.key()),
            &install_secret(),
        ),
        body: serde_json::json!({ "redemption": r }).to_string(),
        refused: None,
    }
    .put()
}

/// The outbox entry for a stamp, with the JSON body to send.
pub fn entry(point: &str, token: &str, at_ms: u64) -> Op {
    let day = LocalDateTime::from_unix_ms(at_ms as f64).date.to_string();
    Queued {
        key: qiaosi_core::checkin::outbox_key(&day, point, &install_secret()),
        body: serde_json::json!({ "point": point, "token": token, "at": at_ms }).to_string(),
        refused: None,
    }
    .put()
}

thread_local! {
    // Shared by the passport on every page and the sync that marks entries; reference-counted
    // rather than owned by a view, for the same reason as `store::problem`.
    static REFUSED: ArcRwSignal<Vec<Queued>> = ArcRwSignal::new(vec![]);
}

/// The check-ins the server refused, oldest first, for the passport to show.
pub fn refused() -> ArcRwSignal<Vec<Queued>> {
    REFUSED.with(|r| r.clone())
}

/// Reads the refused entries from the store into [`refused`].
pub async fn load_refused() {
    if let Ok(rows) = Store::open().await.all(schema::OUTBOX).await {
        let list = rows
            .into_iter()
            .map(|(k, v)| Queued::decode(k, v))
            .filter(|q| q.refused.is_some())
            .collect();
        refused().set(list);
    }
}

/// The user removes a refused check-in from the outbox (the stamp itself stays).
pub async fn remove(key: String) {
    let op = Op::Delete {
        store: schema::OUTBOX,
        key: key.clone(),
    };
    if Store::open().await.write(vec![op]).await.is_ok() {
        refused().update(|list| list.retain(|q| q.key != key));
    }
}

#[cfg(test)]
mod tests {
    use super::Queued;

    const BODY: &str = r#"{"point":"tide-parlour","token":"AQJr","at":1764230400000}"#;

    #[test]
    fn waiting_and_refused_entries_round_trip_and_old_ones_read_as_waiting() {
        let waiting = Queued {
            key: "2025-11-27/ab".into(),
            body: BODY.into(),
            refused: None,
        };
        // Stored as the bare body, exactly as builds before this one queued it.
        assert_eq!(waiting.value(), BODY);
        assert_eq!(
            Queued::decode(waiting.key.clone(), waiting.value()),
            waiting
        );
        let refused = Queued {
            refused: Some("event closed: \"quotes\" and\nnew lines".into()),
            ..waiting.clone()
        };
        assert_ne!(refused.value(), BODY);
        assert_eq!(
            Queued::decode(refused.key.clone(), refused.value()),
            refused
        );
        // The key travels unchanged through a refusal: a retry is the same check-in.
        assert_eq!(refused.key, waiting.key);
        // Whatever an older build left (here a v1 test record) is a waiting entry, not lost.
        let old = Queued::decode("k".into(), r#"{"kind":"checkin","point":"x"}"#.into());
        assert_eq!(old.refused, None);
        assert_eq!(old.body, r#"{"kind":"checkin","point":"x"}"#);
    }

    #[test]
    fn the_passport_reads_the_point_and_time_from_the_body() {
        let q = Queued::decode("k".into(), BODY.into());
        let (point, at) = q.point_and_time().unwrap();
        assert_eq!(point, "tide-parlour");
        // 2025-11-27 08:00 UTC is 16:00 in Shanghai.
        assert_eq!(
            (at.date.to_string(), at.hour_minute()),
            ("2025-11-27".into(), (16, 0))
        );
        assert_eq!(
            Queued::decode("k".into(), "{}".into()).point_and_time(),
            None
        );
    }
}
