//! Survey mode's records, kept in IndexedDB until they are exported as a pack patch.
//!
//! Keys in the `survey` store:
//! - `surveyor`: the surveyor's name;
//! - `place/<id>`: a [`PlacePatch`] as JSON;
//! - `route/<id>`: a finished walk, as a [`RoutePatch`];
//! - `walk`: the walk in progress ([`WalkMeta`]) and `walk/<nnnnn>`: its fixes in chunks of
//!   [`CHUNK`], so that each new fix rewrites one small record and a reload loses nothing.
//!
//! Nothing here changes what the guide shows: the content changes only when a new pack,
//! merged from an exported patch, is published.

use super::{schema, Op, Store, StoreError};
use qiaosi_core::content::{I18n, Position};
use qiaosi_core::geo::track::Fix;
use qiaosi_core::geo::LatLng;
use qiaosi_core::patch::{PlacePatch, RoutePatch};
use serde::{Deserialize, Serialize};

/// Fixes per stored chunk of a walk.
pub const CHUNK: usize = 30;

/// A stop marked during a walk: a place of the pack, or a new named point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkedStop {
    pub place: Option<String>,
    pub at: Position,
    pub name: Option<I18n>,
    pub narrative: I18n,
}

/// A walk being recorded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WalkMeta {
    pub id: String,
    pub name: I18n,
    pub paused: bool,
    pub stops: Vec<MarkedStop>,
}

/// Everything survey mode holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SurveyData {
    pub surveyor: String,
    pub places: Vec<PlacePatch>,
    pub routes: Vec<RoutePatch>,
    pub walk: Option<(WalkMeta, Vec<Fix>)>,
}

impl SurveyData {
    /// Adds what was stored to what this visit already holds; this visit's entries win.
    pub fn merge_stored(&mut self, stored: SurveyData) {
        if self.surveyor.is_empty() {
            self.surveyor = stored.surveyor;
        }
        for p in stored.places {
            if !self.places.iter().any(|q| q.id == p.id) {
                self.places.push(p);
            }
        }
        for r in stored.routes {
            if !self.routes.iter().any(|q| q.route.id == r.route.id) {
                self.routes.push(r);
            }
        }
        if self.walk.is_none() {
            self.walk = stored.walk;
        }
    }
}

/// A chunk of fixes as text: `lat,lng,accuracy,t` per fix, `;` between fixes.
pub fn encode_fixes(fixes: &[Fix]) -> String {
    fixes
        .iter()
        .map(|f| format!("{},{},{},{}", f.at.lat, f.at.lng, f.accuracy_m, f.t_s))
        .collect::<Vec<_>>()
        .join(";")
}

/// Reads what [`encode_fixes`] wrote; a damaged fix is skipped, not the chunk.
pub fn decode_fixes(text: &str) -> Vec<Fix> {
    text.split(';')
        .filter_map(|f| {
            let v: Vec<f64> = f.split(',').filter_map(|x| x.parse().ok()).collect();
            match v.as_slice() {
                [lat, lng, acc, t] => Some(Fix {
                    at: LatLng::new(*lat, *lng),
                    accuracy_m: *acc,
                    t_s: *t,
                }),
                _ => None,
            }
        })
        .collect()
}

fn put(key: String, value: String) -> Op {
    Op::Put {
        store: schema::SURVEY,
        key,
        value,
    }
}

fn chunk_key(n: usize) -> String {
    format!("walk/{n:05}")
}

pub async fn load(store: &Store) -> Result<SurveyData, StoreError> {
    let mut data = SurveyData::default();
    let mut meta = None;
    let mut fixes = vec![];
    // Keys come back in order, so the walk's chunks are read in the order they were written.
    for (k, v) in store.all(schema::SURVEY).await? {
        if k == "surveyor" {
            data.surveyor = v;
        } else if k == "walk" {
            meta = serde_json::from_str::<WalkMeta>(&v).ok();
        } else if k.starts_with("walk/") {
            fixes.extend(decode_fixes(&v));
        } else if k.starts_with("place/") {
            data.places
                .extend(serde_json::from_str::<PlacePatch>(&v).ok());
        } else if k.starts_with("route/") {
            data.routes
                .extend(serde_json::from_str::<RoutePatch>(&v).ok());
        }
    }
    data.walk = meta.map(|m| (m, fixes));
    Ok(data)
}

pub async fn save_surveyor(store: &Store, name: &str) -> Result<(), StoreError> {
    store.write(vec![put("surveyor".into(), name.into())]).await
}

pub async fn save_place(store: &Store, p: &PlacePatch) -> Result<(), StoreError> {
    let json = serde_json::to_string(p).unwrap_or_default();
    store
        .write(vec![put(format!("place/{}", p.id), json)])
        .await
}

/// The walk's meta and the chunk holding fix number `count - 1` (all fixes so far: `fixes`).
pub async fn save_walk(store: &Store, meta: &WalkMeta, fixes: &[Fix]) -> Result<(), StoreError> {
    let mut ops = vec![put(
        "walk".into(),
        serde_json::to_string(meta).unwrap_or_default(),
    )];
    if !fixes.is_empty() {
        let n = (fixes.len() - 1) / CHUNK;
        ops.push(put(chunk_key(n), encode_fixes(&fixes[n * CHUNK..])));
    }
    store.write(ops).await
}

/// Ends the walk in progress: its route is kept, its raw fixes are dropped.
pub async fn finish_walk(
    store: &Store,
    route: &RoutePatch,
    chunks: usize,
) -> Result<(), StoreError> {
    let mut ops = vec![
        put(
            format!("route/{}", route.route.id),
            serde_json::to_string(route).unwrap_or_default(),
        ),
        Op::Delete {
            store: schema::SURVEY,
            key: "walk".into(),
        },
    ];
    ops.extend((0..chunks).map(|n| Op::Delete {
        store: schema::SURVEY,
        key: chunk_key(n),
    }));
    store.write(ops).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_was_typed_while_loading_is_kept() {
        let mut now = SurveyData {
            surveyor: "王芳".into(),
            ..SurveyData::default()
        };
        let p = |id: &str, note: &str| PlacePatch {
            id: id.into(),
            note: Some(note.into()),
            ..PlacePatch::default()
        };
        now.places.push(p("a", "now"));
        let stored = SurveyData {
            surveyor: "old".into(),
            places: vec![p("a", "stored"), p("b", "stored")],
            ..SurveyData::default()
        };
        now.merge_stored(stored);
        assert_eq!(now.surveyor, "王芳");
        assert_eq!(now.places, vec![p("a", "now"), p("b", "stored")]);
        let mut empty = SurveyData::default();
        empty.merge_stored(SurveyData {
            surveyor: "李".into(),
            ..SurveyData::default()
        });
        assert_eq!(empty.surveyor, "李");
    }

    #[test]
    fn fixes_round_trip_and_damage_is_skipped() {
        let f = |i: f64| Fix {
            at: LatLng::new(30.34 + i * 1e-5, 120.28),
            accuracy_m: 6.5,
            t_s: 1_700_000_000.0 + i,
        };
        let fixes = vec![f(0.0), f(1.0), f(2.0)];
        assert_eq!(decode_fixes(&encode_fixes(&fixes)), fixes);
        let damaged = format!(
            "{};x,1;{}",
            encode_fixes(&[f(0.0)]),
            encode_fixes(&[f(2.0)])
        );
        assert_eq!(decode_fixes(&damaged), vec![f(0.0), f(2.0)]);
        assert_eq!(decode_fixes(""), vec![]);
        // Chunk keys sort in the order the chunks were written.
        assert!(chunk_key(9) < chunk_key(10));
    }
}
