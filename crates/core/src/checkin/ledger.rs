//! The redemption ledger: which install was given which reward, when, and at which desk. Each
//! staff phone keeps its own and refuses a second redemption it knows of; phones exchange
//! ledgers as files, and `qiaosi ledger merge` joins them and lists every reward given twice
//! (two desks that had not yet exchanged ledgers).

use serde::{Deserialize, Serialize};

/// One reward given. `install` is the passport's install key (base64url), the identity a
/// reward is given once to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redemption {
    pub install: String,
    pub reward: String,
    /// When, `YYYY-MM-DDTHH:MM` Shanghai.
    pub at: String,
    /// The staff phone (its desk name) that gave it.
    pub desk: String,
}

impl Redemption {
    /// The ledger's key: one redemption per install and reward.
    pub fn key(&self) -> String {
        format!("{}/{}", self.reward, self.install)
    }
}

/// A ledger export file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Always 1; a later format gets a new number.
    pub qiaosi_ledger: u32,
    pub redemptions: Vec<Redemption>,
}

impl Ledger {
    pub fn new(redemptions: Vec<Redemption>) -> Ledger {
        Ledger {
            qiaosi_ledger: 1,
            redemptions,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads an export; the error says what is wrong in plain words.
    pub fn from_json(text: &str) -> Result<Ledger, String> {
        let l: Ledger = serde_json::from_str(text)
            .map_err(|e| format!("not a redemption ledger export: {e}"))?;
        if l.qiaosi_ledger != 1 {
            return Err(format!(
                "ledger format {} is newer than this tool",
                l.qiaosi_ledger
            ));
        }
        Ok(l)
    }
}

/// Ledgers joined: each redemption once (the same record from two exports is one), and every
/// pair that gave one install the same reward twice.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub redemptions: Vec<Redemption>,
    /// The first record kept, and the later one that repeats it.
    pub doubles: Vec<(Redemption, Redemption)>,
}

pub fn merge<'a>(ledgers: impl IntoIterator<Item = &'a Ledger>) -> Merged {
    let mut m = Merged::default();
    for r in ledgers.into_iter().flat_map(|l| &l.redemptions) {
        match m.redemptions.iter().find(|k| k.key() == r.key()) {
            Some(kept) if kept == r => {}
            Some(kept) => {
                if !m.doubles.iter().any(|(_, d)| d == r) {
                    m.doubles.push((kept.clone(), r.clone()));
                }
            }
            None => m.redemptions.push(r.clone()),
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(install: &str, reward: &str, at: &str, desk: &str) -> Redemption {
        Redemption {
            install: install.into(),
            reward: reward.into(),
            at: at.into(),
            desk: desk.into(),
        }
    }

    #[test]
    fn merging_two_desks_reports_the_reward_given_twice() {
        let a = Ledger::new(vec![
            r("AAA", "tide-2024", "2024-09-18T10:00", "desk-a"),
            r("BBB", "tide-2024", "2024-09-18T10:05", "desk-a"),
        ]);
        let b = Ledger::new(vec![
            // The same record, imported into desk b earlier: not a double.
            r("BBB", "tide-2024", "2024-09-18T10:05", "desk-a"),
            // Install AAA again, at another desk: a double.
            r("AAA", "tide-2024", "2024-09-18T11:30", "desk-b"),
            // Another reward for the same install is fine.
            r("AAA", "seawall", "2024-09-18T11:31", "desk-b"),
        ]);
        let m = merge([&a, &b]);
        assert_eq!(m.redemptions.len(), 3);
        assert_eq!(m.doubles.len(), 1);
        assert_eq!(m.doubles[0].0.desk, "desk-a");
        assert_eq!(m.doubles[0].1.desk, "desk-b");
        // The export reads back, and a damaged one is refused in words.
        let back = Ledger::from_json(&a.to_json()).unwrap();
        assert_eq!(back, a);
        assert!(
            Ledger::from_json("{\"qiaosi_ledger\":2,\"redemptions\":[]}")
                .unwrap_err()
                .contains("newer")
        );
        assert!(Ledger::from_json("[1,2]").unwrap_err().contains("not a"));
    }
}
