//! Check-in stamps, kept in the `checkins` store.

use super::{schema, Op, Store, StoreError};
use crate::platform::signing::KeyPair;
use leptos::prelude::*;
use qiaosi_core::checkin::{passport_encode, stamp_allowed, stamp_message, Stamp, StampDecision};
use qiaosi_core::time::LocalDateTime;

/// A stamp as stored: key `point/YYYY-MM-DD`, value `<ms since epoch> <token> <install sig>`
/// (the signed token travels with the stamp, so a staff check can verify it later; the
/// install's signature binds it to this phone). Stamps stored before stamps were signed have
/// no signature; they are signed when the passport is next shown.
#[derive(Clone, Debug, PartialEq)]
pub struct StampRec {
    pub point: String,
    pub at_ms: u64,
    pub token: String,
    pub sig: String,
}

impl StampRec {
    fn decode(key: &str, value: &str) -> Option<StampRec> {
        let (point, _day) = key.split_once('/')?;
        let mut parts = value.split(' ');
        Some(StampRec {
            point: point.into(),
            at_ms: parts.next()?.parse().ok()?,
            token: parts.next()?.into(),
            sig: parts.next().unwrap_or_default().into(),
        })
    }

    fn encode(&self) -> Op {
        Op::Put {
            store: schema::CHECKINS,
            key: format!("{}/{}", self.point, self.local().date),
            value: format!("{} {} {}", self.at_ms, self.token, self.sig)
                .trim_end()
                .to_string(),
        }
    }

    fn stamp(&self) -> Stamp {
        Stamp {
            point_id: self.point.clone(),
            token: self.token.clone(),
            at: self.local(),
            sig: self.sig.clone(),
        }
    }

    /// Signs the stamp with the install's key: the token and the minute, as the passport
    /// carries them (core `stamp_message`).
    async fn sign(&mut self, key: &KeyPair) {
        if let Some(msg) = stamp_message(&self.token, self.local()) {
            if let Some(sig) = key.sign(&msg).await {
                self.sig = qiaosi_core::checkin::b64_encode(&sig);
            }
        }
    }

    pub fn local(&self) -> LocalDateTime {
        LocalDateTime::from_unix_ms(self.at_ms as f64)
    }

    /// From a desk code (动态打卡码) rather than a poster.
    pub fn is_desk(&self) -> bool {
        qiaosi_core::checkin::is_desk_token(&self.token)
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
    /// Adds a stamp for a token verified at `now_ms`: one per point per Shanghai day. The stamp
    /// carries the time the code was checked, not the (later) time it is written: a position
    /// asked for in between must not carry a desk code past its minute, or a poster past its
    /// last day, for staff to refuse later. With `outbox`, the check-in is also queued for the
    /// pack's sync endpoint, in the same transaction.
    pub async fn add(
        self,
        point: &str,
        token: &str,
        now_ms: u64,
        outbox: bool,
    ) -> Result<StampOutcome, StoreError> {
        let now = LocalDateTime::from_unix_ms(now_ms as f64);
        // Judged against what is stored, not the list on screen, which may still be loading.
        let store = Store::open().await;
        let existing: Vec<Stamp> = store
            .all(schema::CHECKINS)
            .await?
            .iter()
            .filter_map(|(k, v)| StampRec::decode(k, v))
            .map(|s| s.stamp())
            .collect();
        if stamp_allowed(&existing, point, now) == StampDecision::AlreadyToday {
            return Ok(StampOutcome::AlreadyToday);
        }
        let mut rec = StampRec {
            point: point.into(),
            at_ms: now_ms,
            token: token.into(),
            sig: String::new(),
        };
        // Signed by this install before it is kept. Without a key (a browser with no crypto
        // at all) the stamp is kept unsigned rather than lost, and signed when it can be.
        if let Some(key) = super::keys::install().await {
            rec.sign(&key).await;
        }
        let mut ops = vec![rec.encode()];
        if outbox {
            ops.push(super::outbox::entry(point, token, now_ms));
        }
        store.write(ops).await?;
        self.0.update(|s| s.push(rec));
        crate::platform::storage::ask_persistence_once(&store).await;
        Ok(StampOutcome::New)
    }

    /// The passport export: every stamp, signed by this install (stamps from before stamps
    /// were signed are signed now and kept so). `None` when the phone cannot sign.
    pub async fn passport(self) -> Option<String> {
        let key = super::keys::install().await?;
        let mut list = self.0.get_untracked();
        let mut signed = vec![];
        for s in list.iter_mut().filter(|s| s.sig.is_empty()) {
            s.sign(&key).await;
            signed.push(s.encode());
        }
        if !signed.is_empty() {
            // Kept if it can be; the export is good either way.
            let _ = Store::open().await.write(signed).await;
            self.0.set(list.clone());
        }
        let stamps: Vec<Stamp> = list.iter().map(StampRec::stamp).collect();
        Some(passport_encode(&key.public, &stamps))
    }
}

#[cfg(test)]
mod tests {
    use super::StampRec;
    use crate::store::Op;

    #[test]
    fn stored_stamps_read_back_and_damage_is_skipped() {
        // Before stamps were signed, and after.
        let s = StampRec::decode("tide-parlour/2026-11-27", "1764230400000 AQJrMQ").unwrap();
        assert_eq!(
            (s.point.as_str(), s.at_ms, s.token.as_str(), s.sig.as_str()),
            ("tide-parlour", 1_764_230_400_000, "AQJrMQ", "")
        );
        let s = StampRec::decode("tide-parlour/2026-11-27", "1764230400000 AQJrMQ c2ln").unwrap();
        assert_eq!(s.sig, "c2ln");
        let Op::Put { key, value, .. } = s.encode() else {
            panic!("a stamp is put")
        };
        // The key's day is the stamp's own Shanghai day, whatever the old key said.
        assert_eq!(key, "tide-parlour/2025-11-27");
        assert_eq!(StampRec::decode(&key, &value), Some(s));
        assert_eq!(StampRec::decode("no-day", "1 t"), None);
        assert_eq!(StampRec::decode("p/d", "notanumber t"), None);
    }
}
