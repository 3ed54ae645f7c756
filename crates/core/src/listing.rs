//! The order of a place list: what a resident looking for somewhere to go wants first.
//!
//! Open places come first, then those whose hours are not published (they may well be open),
//! then closed ones; within each group the nearest first when the user's position is known,
//! otherwise the pack's own order. When it is known, the places that are only an area (no
//! distance can be given to them) come after every located one: a guess takes no part in
//! "nearest". A search ranks by relevance instead and does not use this.

use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Row {
    /// Index into `pack.places`.
    pub place: usize,
    /// `Some(true)` open now, `Some(false)` closed, `None` hours not published.
    pub open: Option<bool>,
    /// Metres from the user, when their position and the place's are both known
    /// ([`crate::content::Place::reach_from`]).
    pub distance_m: Option<f64>,
}

fn group(open: Option<bool>) -> u8 {
    match open {
        Some(true) => 0,
        None => 1,
        Some(false) => 2,
    }
}

pub fn sort(rows: &mut [Row]) {
    // The order is total (the place index breaks ties), so an unstable sort is exact.
    let near_me = rows.iter().any(|r| r.distance_m.is_some());
    let unplaced = |r: &Row| near_me && r.distance_m.is_none();
    rows.sort_unstable_by(|a, b| {
        unplaced(a)
            .cmp(&unplaced(b))
            .then(group(a.open).cmp(&group(b.open)))
            .then_with(|| match (a.distance_m, b.distance_m) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            })
            .then(a.place.cmp(&b.place))
    });
}

/// Insertion sort for the short lists the app keeps (favourites, a festival's days): the
/// standard sorts are fast on long lists but each use adds kilobytes of code to the wasm.
pub fn sort_small_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(place: usize, open: Option<bool>, distance_m: Option<f64>) -> Row {
        Row {
            place,
            open,
            distance_m,
        }
    }

    #[test]
    fn open_first_then_unknown_then_closed_nearest_first() {
        let mut rows = vec![
            row(0, Some(false), Some(10.0)),
            row(1, None, Some(500.0)),
            row(2, Some(true), Some(900.0)),
            row(3, None, Some(50.0)),
            row(4, Some(true), Some(100.0)),
        ];
        sort(&mut rows);
        assert_eq!(
            rows.iter().map(|r| r.place).collect::<Vec<_>>(),
            [4, 2, 3, 1, 0]
        );
    }

    #[test]
    fn near_me_lists_areas_after_every_located_place() {
        // 1 and 3 are only areas: open or not, they follow the located ones.
        let mut rows = vec![
            row(0, Some(false), Some(2000.0)),
            row(1, Some(true), None),
            row(2, None, Some(700.0)),
            row(3, None, None),
            row(4, Some(true), Some(100.0)),
        ];
        sort(&mut rows);
        assert_eq!(
            rows.iter().map(|r| r.place).collect::<Vec<_>>(),
            [4, 2, 0, 1, 3]
        );
    }

    #[test]
    fn small_sort_is_stable_and_sorted() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_small_by(&mut v, |a, b| a.0 < b.0);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_small_by(&mut empty, |a, b| a < b);
    }

    #[test]
    fn without_a_position_the_pack_order_holds() {
        let mut rows = vec![
            row(2, None, None),
            row(0, None, None),
            row(1, Some(true), None),
        ];
        sort(&mut rows);
        assert_eq!(rows.iter().map(|r| r.place).collect::<Vec<_>>(), [1, 0, 2]);
    }
}
