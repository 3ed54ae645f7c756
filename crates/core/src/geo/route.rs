//! Polyline maths for walking routes: length, and where the walker is relative to the route.
//!
//! Routes in the guide are a few kilometres long, so each segment is projected on a local
//! equirectangular plane (longitude scaled by the cosine of the segment's latitude). Over a
//! segment of a few hundred metres that plane is exact to millimetres, which is plenty against
//! GPS noise of 5–20 m, and it avoids the much heavier cross-track formulas on the sphere.
//! Distances that are reported (lengths, offsets) still use the haversine, so they agree with
//! [`distance_m`] everywhere else in the app. Routes crossing the antimeridian are not supported.

use super::{distance_m, LatLng};

/// Where a point lies relative to a route.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// Distance walked along the route from its start to [`Projection::point`], in metres.
    pub along_m: f64,
    /// Distance from the query point to the route, in metres (always ≥ 0).
    pub offset_m: f64,
    /// Index `i` of the nearest segment, from `path[i]` to `path[i + 1]` (0 for one-point paths).
    pub segment: usize,
    /// The nearest point on the route.
    pub point: LatLng,
}

/// Total length of the polyline in metres; 0 for fewer than two points.
pub fn path_length_m(path: &[LatLng]) -> f64 {
    path.windows(2).map(|w| distance_m(w[0], w[1])).sum()
}

/// The point of `path` nearest to `p`, with how far along the route it is. `None` for an empty
/// path.
///
/// A point beyond either end projects onto that end (along 0 or the full length), so the offset
/// is then the distance to the end point. When two segments are equally near — exactly at a
/// vertex — the earlier one wins, which makes the result stable for a walker standing on a
/// corner. The search is a plain scan: routes have at most a few hundred vertices and this runs
/// once per GPS fix.
pub fn project(path: &[LatLng], p: LatLng) -> Option<Projection> {
    project_each(path, p)
        .into_iter()
        .reduce(|best, q| if q.offset_m < best.offset_m { q } else { best })
}

/// The nearest point of each segment to `p`, in path order (one entry for a one-point path,
/// none for an empty one).
pub fn project_each(path: &[LatLng], p: LatLng) -> Vec<Projection> {
    let Some((&first, rest)) = path.split_first() else {
        return vec![];
    };
    if rest.is_empty() {
        return vec![Projection {
            along_m: 0.0,
            offset_m: distance_m(p, first),
            segment: 0,
            point: first,
        }];
    }
    let mut out = Vec::with_capacity(path.len() - 1);
    let mut start_m = 0.0;
    for (i, w) in path.windows(2).enumerate() {
        let (a, b) = (w[0], w[1]);
        let seg_m = distance_m(a, b);
        let t = closest_fraction(a, b, p);
        // At t = 1 this gives b exactly (b − a is exact for nearby coordinates, by Sterbenz's
        // lemma), so a corner ties at offset 0 and the earlier-segment rule decides.
        let point = LatLng::new(a.lat + t * (b.lat - a.lat), a.lng + t * (b.lng - a.lng));
        out.push(Projection {
            along_m: start_m + t * seg_m,
            offset_m: distance_m(p, point),
            segment: i,
            point,
        });
        start_m += seg_m;
    }
    out
}

/// Where on the path a walker at `p` most likely is, given that they were last `near_m` along
/// it. On a loop, an out-and-back or two legs down parallel streets, the plain nearest point can
/// be on the wrong leg, so continuity decides which stretch of path; within that stretch, the
/// nearest point wins.
///
/// Of the parts of the path within `max_offset_m`, the one nearest `near_m` along the path sets
/// the stretch (a step back counts twice, since walkers go forward and GPS jitter back is small);
/// every part within `2 · max_offset_m` further along the path than that is in the stretch too,
/// so a walker just past a corner is placed past it, not held at the corner. `None` when no
/// part of the path is that close.
pub fn project_near(
    path: &[LatLng],
    p: LatLng,
    near_m: f64,
    max_offset_m: f64,
) -> Option<Projection> {
    let gap = |q: &Projection| {
        let d = q.along_m - near_m;
        if d >= 0.0 {
            d
        } else {
            -2.0 * d
        }
    };
    let close: Vec<Projection> = project_each(path, p)
        .into_iter()
        .filter(|q| q.offset_m <= max_offset_m)
        .collect();
    let g0 = close.iter().map(gap).reduce(f64::min)?;
    close
        .into_iter()
        .filter(|q| gap(q) <= g0 + 2.0 * max_offset_m)
        .reduce(|best, q| if q.offset_m < best.offset_m { q } else { best })
}

/// The first `along_m` metres of the path (the part already walked), ending on the exact
/// point reached; empty for 0 or less, the whole path at or past its end.
pub fn path_until(path: &[LatLng], along_m: f64) -> Vec<LatLng> {
    let mut out = vec![];
    if along_m <= 0.0 || path.is_empty() {
        return out;
    }
    out.push(path[0]);
    let mut done = 0.0;
    for w in path.windows(2) {
        let seg = distance_m(w[0], w[1]);
        if done + seg >= along_m {
            let t = if seg > 0.0 {
                (along_m - done) / seg
            } else {
                1.0
            };
            let (a, b) = (w[0], w[1]);
            out.push(LatLng::new(
                a.lat + t * (b.lat - a.lat),
                a.lng + t * (b.lng - a.lng),
            ));
            return out;
        }
        done += seg;
        out.push(w[1]);
    }
    out
}

/// Fraction `t` in `0..=1` of the way from `a` to `b` of the point nearest to `p`, on the local
/// plane. Degrees of latitude are the unit: only ratios matter, so the earth radius cancels.
fn closest_fraction(a: LatLng, b: LatLng, p: LatLng) -> f64 {
    let k = ((a.lat + b.lat) / 2.0).to_radians().cos();
    let (bx, by) = ((b.lng - a.lng) * k, b.lat - a.lat);
    let (px, py) = ((p.lng - a.lng) * k, p.lat - a.lat);
    let len2 = bx * bx + by * by;
    if len2 == 0.0 {
        // A repeated vertex: the segment is a point.
        return 0.0;
    }
    ((px * bx + py * by) / len2).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{assert_near, EARTH_RADIUS_M};

    /// Metres of one degree of latitude, for building points at known distances.
    const M_PER_DEG: f64 = EARTH_RADIUS_M * std::f64::consts::PI / 180.0;

    /// Offsets `north_m`, `east_m` metres from `o`, on the local plane.
    fn offset(o: LatLng, north_m: f64, east_m: f64) -> LatLng {
        let k = o.lat.to_radians().cos();
        LatLng::new(
            o.lat + north_m / M_PER_DEG,
            o.lng + east_m / (M_PER_DEG * k),
        )
    }

    const START: LatLng = LatLng::new(30.35, 120.28);

    /// An L-shaped walk in Qiaosi: 500 m north, then a right-angle turn and 400 m east.
    fn l_path() -> Vec<LatLng> {
        let corner = offset(START, 500.0, 0.0);
        vec![START, corner, offset(corner, 0.0, 400.0)]
    }

    #[test]
    fn path_length_of_known_paths() {
        assert_eq!(path_length_m(&[]), 0.0);
        assert_eq!(path_length_m(&[START]), 0.0);
        // Along a meridian, half a degree twice is exactly one degree of arc.
        let meridian = [
            LatLng::new(30.0, 120.28),
            LatLng::new(30.5, 120.28),
            LatLng::new(31.0, 120.28),
        ];
        assert!((path_length_m(&meridian) - M_PER_DEG).abs() < 1e-6);
        let l = path_length_m(&l_path());
        assert!((l - 900.0).abs() < 0.05, "{l}");
        // A repeated vertex adds nothing.
        let p = l_path();
        let doubled = [p[0], p[1], p[1], p[2]];
        assert!((path_length_m(&doubled) - l).abs() < 1e-9);
    }

    #[test]
    fn the_walked_part_ends_where_the_walker_is() {
        let p = l_path();
        assert!(path_until(&p, 0.0).is_empty());
        assert_eq!(path_until(&p, 2000.0), p);
        // 700 m: the whole first leg (500 m), then 200 m along the second.
        let w = path_until(&p, 700.0);
        assert_eq!(w.len(), 3);
        assert_eq!(w[1], p[1]);
        assert!(
            (path_length_m(&w) - 700.0).abs() < 0.5,
            "{}",
            path_length_m(&w)
        );
        assert!((distance_m(w[2], p[1]) - 200.0).abs() < 0.5);
    }

    #[test]
    fn empty_and_single_point_paths() {
        assert_eq!(project(&[], START), None);
        let p = offset(START, 30.0, 40.0);
        let pr = project(&[START], p).unwrap();
        assert_eq!(pr.along_m, 0.0);
        assert_eq!(pr.segment, 0);
        assert_eq!(pr.point, START);
        assert!((pr.offset_m - 50.0).abs() < 0.01, "{}", pr.offset_m);
    }

    #[test]
    fn point_before_the_start() {
        let p = offset(START, -40.0, -10.0);
        let pr = project(&l_path(), p).unwrap();
        assert_eq!(pr.along_m, 0.0);
        assert_eq!(pr.segment, 0);
        assert_eq!(pr.point, START);
        assert!((pr.offset_m - distance_m(p, START)).abs() < 1e-9);
        assert!((pr.offset_m - 41.23).abs() < 0.01, "{}", pr.offset_m);
    }

    #[test]
    fn point_past_the_end() {
        let path = l_path();
        let end = path[2];
        let p = offset(end, 5.0, 60.0);
        let pr = project(&path, p).unwrap();
        assert_eq!(pr.segment, 1);
        assert_eq!(pr.point, end);
        assert!((pr.along_m - path_length_m(&path)).abs() < 1e-9);
        assert!((pr.offset_m - distance_m(p, end)).abs() < 1e-9);
    }

    #[test]
    fn point_on_the_path() {
        let path = l_path();
        // 200 m up the first leg, and 150 m along the second.
        let pr = project(&path, offset(START, 200.0, 0.0)).unwrap();
        assert_eq!(pr.segment, 0);
        assert!(pr.offset_m < 0.01, "{}", pr.offset_m);
        assert!((pr.along_m - 200.0).abs() < 0.05, "{}", pr.along_m);
        let on_second = offset(path[1], 0.0, 150.0);
        let pr = project(&path, on_second).unwrap();
        assert_eq!(pr.segment, 1);
        assert!(pr.offset_m < 0.01, "{}", pr.offset_m);
        assert!((pr.along_m - 650.0).abs() < 0.05, "{}", pr.along_m);
        assert_near(pr.point, on_second, 0.01);
        // Exactly on the corner: the earlier segment, at its end.
        let pr = project(&path, path[1]).unwrap();
        assert_eq!(pr.segment, 0);
        assert_eq!(pr.offset_m, 0.0);
        assert!((pr.along_m - 500.0).abs() < 0.05);
    }

    #[test]
    fn beside_the_path_reports_the_perpendicular_offset() {
        let pr = project(&l_path(), offset(START, 300.0, 25.0)).unwrap();
        assert_eq!(pr.segment, 0);
        assert!((pr.offset_m - 25.0).abs() < 0.01, "{}", pr.offset_m);
        assert!((pr.along_m - 300.0).abs() < 0.05, "{}", pr.along_m);
    }

    #[test]
    fn near_the_sharp_turn_picks_the_right_segment() {
        let path = l_path();
        let corner = path[1];
        // Just past the corner on the outside, closer to the second leg: 6 m north of it,
        // 30 m east of the corner (the first leg is 30.6 m away, measured to its end).
        let pr = project(&path, offset(corner, 6.0, 30.0)).unwrap();
        assert_eq!(pr.segment, 1);
        assert!((pr.offset_m - 6.0).abs() < 0.01, "{}", pr.offset_m);
        assert!((pr.along_m - 530.0).abs() < 0.05, "{}", pr.along_m);
        // Inside the corner, 20 m before it and 8 m east: the first leg is nearer.
        let pr = project(&path, offset(corner, -20.0, 8.0)).unwrap();
        assert_eq!(pr.segment, 0);
        assert!((pr.offset_m - 8.0).abs() < 0.01, "{}", pr.offset_m);
        assert!((pr.along_m - 480.0).abs() < 0.05, "{}", pr.along_m);
        // Inside the corner, 8 m below the second leg and 20 m along it: the second leg.
        let pr = project(&path, offset(corner, -8.0, 20.0)).unwrap();
        assert_eq!(pr.segment, 1);
        assert!((pr.along_m - 520.0).abs() < 0.05, "{}", pr.along_m);
    }

    #[test]
    fn hairpin_legs_are_told_apart() {
        // Out 300 m east, back west 300 m on a parallel street 40 m to the north. A walker 10 m
        // north of the outbound street is on the first leg, 10 m south of the return on the
        // second: a nearest-vertex search would mix these up, the segment search must not.
        let turn_out = offset(START, 0.0, 300.0);
        let turn_in = offset(START, 40.0, 300.0);
        let path = [START, turn_out, turn_in, offset(START, 40.0, 0.0)];
        let pr = project(&path, offset(START, 10.0, 100.0)).unwrap();
        assert_eq!(pr.segment, 0);
        assert!((pr.along_m - 100.0).abs() < 0.05, "{}", pr.along_m);
        let pr = project(&path, offset(START, 30.0, 100.0)).unwrap();
        assert_eq!(pr.segment, 2);
        assert!((pr.along_m - 540.0).abs() < 0.1, "{}", pr.along_m);
        assert!((pr.offset_m - 10.0).abs() < 0.01, "{}", pr.offset_m);
    }

    #[test]
    fn repeated_vertices_are_harmless() {
        let p = l_path();
        let path = [p[0], p[0], p[1], p[1], p[2]];
        let pr = project(&path, offset(p[1], 0.0, 100.0)).unwrap();
        assert!(pr.offset_m < 0.01);
        assert!((pr.along_m - 600.0).abs() < 0.05, "{}", pr.along_m);
        assert_eq!(pr.segment, 3);
    }
}
