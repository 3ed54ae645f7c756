//! The database schema and its migrations.
//!
//! Each migration is one small step from version N-1 to N, run inside the upgrade transaction
//! (so a failure aborts the upgrade and the version does not move), and idempotent (it checks
//! before it creates), so a half-applied upgrade interrupted by a killed tab is simply redone.
//! Migrations never delete a store that holds user data.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;

pub const DB_NAME: &str = "qiaosi-guide";

/// The current pack (one record, key [`CONTENT_KEY`]): its JSON text, version, hash, ETag.
pub const CONTENT: &str = "content";
pub const CONTENT_KEY: &str = "current";
/// Favourite places, keyed by place id.
pub const FAVOURITES: &str = "favourites";
/// Festival events in the user's schedule, keyed by `edition/event`.
pub const SCHEDULE: &str = "schedule";
/// Check-in stamps, keyed by `point/day`.
pub const CHECKINS: &str = "checkins";
/// Actions waiting for the network, keyed by their idempotency key (time-ordered).
pub const OUTBOX: &str = "outbox";
/// Small app state (whether storage persistence was asked, last content check).
pub const SETTINGS: &str = "settings";
/// Survey mode's records until exported: places, routes, a walk in progress (store/survey.rs).
pub const SURVEY: &str = "survey";

/// Signing keys as objects (a WebCrypto key stays a non-extractable key): the install's
/// key, and a desk phone's pass (store/keys.rs).
pub const KEYS: &str = "keys";
/// Rewards a staff phone has given, keyed `reward/install` (store/ledger.rs).
pub const LEDGER: &str = "ledger";

/// Stores holding what the user made: written with strict durability, never cleared.
pub const USER_STORES: [&str; 7] = [FAVOURITES, SCHEDULE, CHECKINS, OUTBOX, SURVEY, KEYS, LEDGER];

type Step = fn(&Database) -> indexed_db_futures::Result<()>;

/// Step `i` upgrades version `i` to `i + 1`.
pub const MIGRATIONS: [Step; 4] = [v1, v2, v3, v4];

pub fn version() -> u32 {
    MIGRATIONS.len() as u32
}

fn ensure_store(db: &Database, name: &str) -> indexed_db_futures::Result<()> {
    if !db.object_store_names().any(|n| n == name) {
        db.create_object_store(name).build()?;
    }
    Ok(())
}

/// v1, the first schema: content and the user's own data.
fn v1(db: &Database) -> indexed_db_futures::Result<()> {
    for name in [CONTENT, FAVOURITES, SCHEDULE, CHECKINS, OUTBOX] {
        ensure_store(db, name)?;
    }
    Ok(())
}

/// v2: a store for small app state (kept apart from user data so it can be cleared freely).
fn v2(db: &Database) -> indexed_db_futures::Result<()> {
    ensure_store(db, SETTINGS)
}

/// v3: survey mode's records (a surveyor's work, kept like the user's own data).
fn v3(db: &Database) -> indexed_db_futures::Result<()> {
    ensure_store(db, SURVEY)
}

/// v4: signing keys (stamps bound to the install, desk codes) and the redemption ledger.
fn v4(db: &Database) -> indexed_db_futures::Result<()> {
    ensure_store(db, KEYS)?;
    ensure_store(db, LEDGER)
}

/// Runs every step from `old` up to the current version.
pub fn upgrade(db: &Database, old: u32) -> indexed_db_futures::Result<()> {
    for step in MIGRATIONS.iter().skip(old as usize) {
        step(db)?;
    }
    Ok(())
}
