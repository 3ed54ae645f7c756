//! The redemption ledger of a staff phone: each reward given, keyed `reward/install`, the
//! value the redemption as JSON (core `checkin::ledger`). A second redemption of one reward
//! for one install is refused here, and ledgers from other staff phones are imported.

use super::{schema, Op, Store, StoreError};
use qiaosi_core::checkin::ledger::{merge, Ledger, Redemption};

/// Everything this phone has recorded, oldest key first.
pub async fn all() -> Result<Vec<Redemption>, StoreError> {
    let rows = Store::open().await.all(schema::LEDGER).await?;
    Ok(rows
        .iter()
        .filter_map(|(_, v)| serde_json::from_str(v).ok())
        .collect())
}

/// The redemption already recorded for this install and reward, if any.
pub async fn given(reward: &str, install: &str) -> Result<Option<Redemption>, StoreError> {
    let key = format!("{reward}/{install}");
    let v = Store::open().await.get(schema::LEDGER, &key).await?;
    Ok(v.and_then(|v| serde_json::from_str(&v).ok()))
}

fn put(r: &Redemption) -> Op {
    Op::Put {
        store: schema::LEDGER,
        key: r.key(),
        value: serde_json::to_string(r).unwrap_or_default(),
    }
}

pub enum Recorded {
    Now,
    /// Given before: the earlier record, which stands.
    Already(Redemption),
}

/// Records a redemption unless one is already there (checked and written in that order; one
/// staff phone gives one reward at a time). With `queue`, it is also queued for the pack's
/// sync endpoint, in the same transaction.
pub async fn record(r: Redemption, queue: bool) -> Result<Recorded, StoreError> {
    if let Some(before) = given(&r.reward, &r.install).await? {
        return Ok(Recorded::Already(before));
    }
    let mut ops = vec![put(&r)];
    if queue {
        ops.push(super::outbox::redemption_entry(&r));
    }
    Store::open().await.write(ops).await?;
    Ok(Recorded::Now)
}

/// What an import found: records added, and rewards the other phone gave to an install this
/// one had already given them to (or the reverse).
pub struct Imported {
    pub added: usize,
    pub doubles: Vec<(Redemption, Redemption)>,
}

/// Merges another phone's export into this one. The text is checked whole before anything
/// is written; what this phone already holds is never replaced.
pub async fn import(text: &str) -> Result<Result<Imported, String>, StoreError> {
    let theirs = match Ledger::from_json(text) {
        Ok(l) => l,
        Err(e) => return Ok(Err(e)),
    };
    let mine = Ledger::new(all().await?);
    let m = merge([&mine, &theirs]);
    let new: Vec<Op> = m
        .redemptions
        .iter()
        .filter(|r| !mine.redemptions.contains(r))
        .map(put)
        .collect();
    let added = new.len();
    if !new.is_empty() {
        Store::open().await.write(new).await?;
    }
    Ok(Ok(Imported {
        added,
        doubles: m.doubles,
    }))
}
