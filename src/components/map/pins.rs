//! Markers: places grouped by position, and markers that would cover each other on screen
//! drawn as one.

use qiaosi_core::content::Position;

/// One marker: every place drawn at the same spot (many are known only to the same area).
#[derive(Clone, Debug, PartialEq)]
pub struct Pin {
    pub at: Position,
    /// (name, link, category)
    pub items: Vec<(String, Option<String>, String)>,
    /// Shown on the marker: how many places share it, or a stop's number.
    pub badge: Option<String>,
}

/// Places as pins, grouped by position.
pub fn pins(items: impl Iterator<Item = (Position, String, Option<String>, String)>) -> Vec<Pin> {
    let mut out: Vec<Pin> = vec![];
    for (at, name, href, cat) in items {
        match out.iter_mut().find(|p| p.at == at) {
            Some(p) => p.items.push((name, href, cat)),
            None => out.push(Pin {
                at,
                items: vec![(name, href, cat)],
                badge: None,
            }),
        }
    }
    for p in &mut out {
        p.badge = (p.items.len() > 1).then(|| p.items.len().to_string());
    }
    out
}

/// Markers closer than this on screen would cover each other: they are drawn as one.
pub const PIN_PX: f64 = 48.0;

/// Groups screen points closer than `min_px` (greedily, in order; each group is drawn at its
/// first point). Many places here are known only to the same area, and a marker hidden under
/// another could never be tapped.
pub fn cluster(points: &[(f64, f64)], min_px: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![];
    for (k, &(x, y)) in points.iter().enumerate() {
        let near = groups.iter_mut().find(|g| {
            let (gx, gy) = points[g[0]];
            (gx - x).hypot(gy - y) < min_px
        });
        match near {
            Some(g) => g.push(k),
            None => groups.push(vec![k]),
        }
    }
    groups
}

/// The badge of a marker drawing `members`: numbered stops keep their numbers ("1,2"), so a
/// count is never read as a stop number; places show how many there are.
pub fn cluster_badge(members: &[Pin], places: usize) -> Option<String> {
    match members {
        [one] => one.badge.clone(),
        _ if members
            .iter()
            .all(|p| p.items.len() == 1 && p.badge.is_some()) =>
        {
            Some(
                members
                    .iter()
                    .filter_map(|p| p.badge.as_deref())
                    .collect::<Vec<_>>()
                    .join(","),
            )
        }
        _ => Some(places.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::cluster;

    #[test]
    fn merged_stops_keep_their_numbers_and_merged_places_are_counted() {
        use super::{cluster_badge, Pin};
        let pin = |n: usize, badge: Option<&str>| Pin {
            at: qiaosi_core::content::Position {
                lat: 30.0,
                lng: 120.0,
                precision: qiaosi_core::content::Precision::Exact,
            },
            items: (0..n)
                .map(|k| (format!("p{k}"), None, "culture".into()))
                .collect(),
            badge: badge.map(Into::into),
        };
        assert_eq!(
            cluster_badge(&[pin(1, Some("1")), pin(1, Some("2"))], 2).as_deref(),
            Some("1,2")
        );
        assert_eq!(
            cluster_badge(&[pin(15, Some("15")), pin(1, None)], 16).as_deref(),
            Some("16")
        );
        assert_eq!(cluster_badge(&[pin(1, None)], 1), None);
    }

    #[test]
    fn markers_that_would_cover_each_other_are_drawn_as_one() {
        let pts = [
            (100.0, 100.0),
            (120.0, 110.0),
            (300.0, 100.0),
            (101.0, 139.0),
        ];
        assert_eq!(cluster(&pts, 40.0), vec![vec![0, 1, 3], vec![2]]);
        assert_eq!(cluster(&pts, 10.0).len(), 4);
        assert!(cluster(&[], 40.0).is_empty());
    }
}
