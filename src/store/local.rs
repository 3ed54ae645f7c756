//! Everything kept in localStorage, in one place: its keys and each record's encoding.
//!
//! localStorage holds only what must be read synchronously before the app has opened
//! IndexedDB: the display settings (public/boot.js reads the same keys before the first paint),
//! a walk in progress (a reload must resume it at once) and this install's secret. Everything
//! else the user makes lives in IndexedDB (`store`). Without localStorage (some in-app browsers
//! throw) these last for the visit only.

/// Language (`zh-CN` or `en`). Also read by public/boot.js.
pub const LANG: &str = "qiaosi.lang";
/// Theme (`system`, `light` or `dark`). Also read by public/boot.js.
pub const THEME: &str = "qiaosi.theme";
/// Large text (`1` or `0`). Also read by public/boot.js.
pub const LARGE: &str = "qiaosi.large";
/// This install's random secret, for check-in idempotency keys (store/outbox.rs).
pub const INSTALL: &str = "qiaosi.install";
/// A walk in progress on one route: this prefix and the route's id ([`SavedWalk`]).
pub const WALK_PREFIX: &str = "qiaosi.walk.";

/// Every fixed key, and the prefix of the per-route ones.
pub const ALL: [&str; 5] = [LANG, THEME, LARGE, INSTALL, WALK_PREFIX];

pub fn get(key: &str) -> Option<String> {
    crate::platform::storage::local()?
        .get_item(key)
        .ok()
        .flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(s) = crate::platform::storage::local() {
        let _ = s.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(s) = crate::platform::storage::local() {
        let _ = s.remove_item(key);
    }
}

/// A walk on a route: whether follow mode was on, and `core::geo::walk::Walk::save`'s text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedWalk {
    pub following: bool,
    pub progress: String,
}

impl SavedWalk {
    pub fn key(route: &str) -> String {
        format!("{WALK_PREFIX}{route}")
    }

    pub fn encode(&self) -> String {
        format!(
            "{} {}",
            if self.following { "on" } else { "off" },
            self.progress
        )
    }

    pub fn decode(text: &str) -> Option<SavedWalk> {
        let (flag, progress) = text.split_once(' ')?;
        let following = match flag {
            "on" => true,
            "off" => false,
            _ => return None,
        };
        Some(SavedWalk {
            following,
            progress: progress.to_string(),
        })
    }

    pub fn load(route: &str) -> Option<SavedWalk> {
        SavedWalk::decode(&get(&SavedWalk::key(route))?)
    }

    pub fn store(&self, route: &str) {
        set(&SavedWalk::key(route), &self.encode());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_walk_round_trips_and_nonsense_is_not_a_walk() {
        for following in [true, false] {
            let w = SavedWalk {
                following,
                progress: "1.5 3 0,2".into(),
            };
            assert_eq!(SavedWalk::decode(&w.encode()), Some(w));
        }
        for bad in ["", "on", "maybe 1 2", "1.5 3"] {
            assert_eq!(SavedWalk::decode(bad), None, "{bad:?}");
        }
        assert_eq!(SavedWalk::key("seawall"), "qiaosi.walk.seawall");
    }

    #[test]
    fn keys_are_distinct_and_namespaced_and_boot_js_reads_the_settings_ones() {
        for (i, k) in ALL.iter().enumerate() {
            assert!(k.starts_with("qiaosi."), "{k}");
            assert!(!ALL[i + 1..].contains(k), "{k} twice");
        }
        let boot = include_str!("../../public/boot.js");
        for k in [LANG, THEME, LARGE] {
            assert!(
                boot.contains(&format!("'{k}'")),
                "boot.js does not read {k}"
            );
        }
    }
}
