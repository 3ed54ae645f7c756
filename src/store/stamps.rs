//! Check-in stamps, kept in the `checkins` store.

use super::{schema, Op, Store, StoreError};
use leptos::prelude::*;
use qiaosi_core::checkin::{stamp_allowed, Stamp, StampDecision};
use qiaosi_core::time::LocalDateTime;

/// A stamp as stored: key `point/YYYY-MM-DD`, value `<ms since epoch> <token>` (the signed token
/// travels with the stamp, so a staff check can verify it later).
#[derive(Clone, Debug, PartialEq)]
pub struct StampRec {
    pub point: String,
    pub at_ms: u64,
    pub token: String,
}

impl StampRec {
    fn decode(key: &str, value: &str) -> Option<StampRec> {
        let (point, _day) = key.split_once('/')?;
        let (ms, token) = value.split_once(' ')?;
        Some(StampRec {
            point: point.into(),
            at_ms: ms.parse().ok()?,
            token: token.into(),
        })
    }

    pub fn local(&self) -> LocalDateTime {
        LocalDateTime::from_unix_ms(self.at_ms as f64)
    }
}

pub enum StampOutcome {
    New,
    AlreadyToday,
}

/// The stamps collected, oldest first.
#[derive(Clone, Copy)]
pub struct Stamps(pub RwSignal<Vec<StampRec>>);

pub fn provide_stamps() -> Stamps {
    let stamps = Stamps(RwSignal::new(vec![]));
    provide_context(stamps);
    leptos::task::spawn_local(async move {
        if let Ok(rows) = Store::open().await.all(schema::CHECKINS).await {
            // Merged, not replaced: a stamp added while this read ran is already on screen.
            stamps.0.update(|list| {
                for r in rows.iter().filter_map(|(k, v)| StampRec::decode(k, v)) {
                    if !list.contains(&r) {
                        list.push(r);
                    }
                }
                qiaosi_core::listing::sort_small_by(list, |a, b| a.at_ms < b.at_ms);
            });
        }
    });
    stamps
}

impl Stamps {
    /// Adds a stamp for a verified token: one per point per Shanghai day. With `outbox`, the
    /// check-in is also queued for the pack's sync endpoint, in the same transaction.
    pub async fn add(
        self,
        point: &str,
        token: &str,
        outbox: bool,
    ) -> Result<StampOutcome, StoreError> {
        let now_ms = js_sys::Date::now() as u64;
        let now = LocalDateTime::from_unix_ms(now_ms as f64);
        // Judged against what is stored, not the list on screen, which may still be loading.
        let store = Store::open().await;
        let existing: Vec<Stamp> = store
            .all(schema::CHECKINS)
            .await?
            .iter()
            .filter_map(|(k, v)| StampRec::decode(k, v))
            .map(|s| Stamp {
                point_id: s.point.clone(),
                at: s.local(),
                token: s.token,
            })
            .collect();
        if stamp_allowed(&existing, point, now) == StampDecision::AlreadyToday {
            return Ok(StampOutcome::AlreadyToday);
        }
        let key = format!("{point}/{}", now.date);
        let mut ops = vec![Op::Put {
            store: schema::CHECKINS,
            key,
            value: format!("{now_ms} {token}"),
        }];
        if outbox {
            ops.push(super::outbox::entry(point, token, now_ms));
        }
        store.write(ops).await?;
        self.0.update(|s| {
            s.push(StampRec {
                point: point.into(),
                at_ms: now_ms,
                token: token.into(),
            })
        });
        crate::platform::storage::ask_persistence_once(&store).await;
        Ok(StampOutcome::New)
    }
}

#[cfg(test)]
mod tests {
    use super::StampRec;

    #[test]
    fn stored_stamps_read_back_and_damage_is_skipped() {
        let s = StampRec::decode("tide-parlour/2026-11-27", "1764230400000 AQJrMQ").unwrap();
        assert_eq!(
            (s.point.as_str(), s.at_ms, s.token.as_str()),
            ("tide-parlour", 1_764_230_400_000, "AQJrMQ")
        );
        assert_eq!(StampRec::decode("no-day", "1 t"), None);
        assert_eq!(StampRec::decode("p/d", "notanumber t"), None);
    }
}
