//! Following one route on foot, fix by fix: progress, the next stop with its distance and
//! direction, arrival at each stop (once), and the off-route warning. The app's follow mode
//! feeds it GPS fixes and shows what it returns; everything that decides lives here.
//!
//! Arrival: when progress along the path reaches the point where the path passes the stop
//! (many stops' positions are only approximate), or within [`ARRIVE_M`] of the next stop.
//! Each stop arrives once per walk, and a walk can be saved and restored (a reload in the
//! middle of a walk keeps its progress and the stops already reached).
//!
//! Where the path comes back near itself (a loop, an out-and-back, parallel streets), a fix is
//! placed on the leg nearest the walker's progress so far, never on the nearest leg alone.

use super::{
    bearing_deg, distance_m, path_length_m, project, project_near, LatLng, OffRouteDetector,
    Progress,
};

/// Close enough to a stop to call it reached: about the width of a square plus GPS noise.
pub const ARRIVE_M: f64 = 40.0;

#[derive(Clone, Debug)]
pub struct Walk {
    path: Vec<LatLng>,
    /// Each stop's position and how far along the path the path passes it.
    stops: Vec<(LatLng, f64)>,
    arrived: Vec<bool>,
    progress: Progress,
    off: OffRouteDetector,
}

/// What one fix means for the walker.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Fraction of the route done, 0..=1, never decreasing.
    pub fraction: f64,
    pub along_m: f64,
    pub remaining_m: f64,
    pub off_route: bool,
    /// Distance from the path, metres.
    pub offset_m: f64,
    /// The first stop not yet reached, with its distance (m) and compass bearing (°).
    pub next: Option<(usize, f64, f64)>,
    /// Stops reached by this very fix: show their story now (each appears here once per walk).
    pub arrived: Vec<usize>,
}

impl Walk {
    /// A walk along a line good to walking scale, with the usual off-route distance.
    pub fn new(path: Vec<LatLng>, stops: &[LatLng]) -> Walk {
        Walk::with_warning_at(path, stops, OffRouteDetector::DEFAULT_WARN_M)
    }

    /// `warn_m`: how far from the line counts as off route; a line drawn to within 50 m warns
    /// only beyond its precision plus the usual margin (`content::Route::off_route_warn_m`).
    pub fn with_warning_at(path: Vec<LatLng>, stops: &[LatLng], warn_m: f64) -> Walk {
        // Each stop on the path after the one before it: on a loop the last stop may sit on the
        // first, and only the order tells them apart.
        let mut prev = 0.0;
        let stops: Vec<_> = stops
            .iter()
            .map(|&s| {
                let nearest = project(&path, s).map_or(0.0, |p| p.offset_m);
                let along =
                    project_near(&path, s, prev, nearest + ARRIVE_M).map_or(prev, |p| p.along_m);
                prev = along;
                (s, along)
            })
            .collect();
        Walk {
            progress: Progress::new(path_length_m(&path)),
            arrived: vec![false; stops.len()],
            stops,
            path,
            off: OffRouteDetector::new(
                warn_m,
                warn_m - (OffRouteDetector::DEFAULT_WARN_M - OffRouteDetector::DEFAULT_CLEAR_M),
                OffRouteDetector::DEFAULT_AFTER_S,
            ),
        }
    }

    /// Feeds one fix: the position (WGS-84) and its time in seconds.
    pub fn update(&mut self, at: LatLng, t_s: f64) -> Step {
        let Some(p) = project(&self.path, at).filter(|_| at.is_valid()) else {
            return self.step(f64::NAN, vec![], at);
        };
        let off_route = self.off.update(p.offset_m, t_s);
        // Off the path, a projection onto a far part of it is not progress.
        if !off_route {
            let near = self.progress.along_m();
            let max = self.off.warn_m();
            if let Some(q) = project_near(&self.path, at, near, max) {
                self.progress.update(q.along_m);
            }
        }
        let along = self.progress.along_m();
        let mut arrived = vec![];
        for (i, &(s, s_along)) in self.stops.iter().enumerate() {
            let is_next = self.arrived.iter().position(|a| !a) == Some(i);
            let passed = !off_route && along + ARRIVE_M >= s_along;
            if !self.arrived[i] && (passed || (is_next && distance_m(at, s) <= ARRIVE_M)) {
                self.arrived[i] = true;
                arrived.push(i);
            }
        }
        self.step(p.offset_m, arrived, at)
    }

    fn step(&self, offset_m: f64, arrived: Vec<usize>, at: LatLng) -> Step {
        let next = self.arrived.iter().position(|a| !a).map(|i| {
            let s = self.stops[i].0;
            (i, distance_m(at, s), bearing_deg(at, s))
        });
        Step {
            fraction: self.progress.fraction(),
            along_m: self.progress.along_m(),
            remaining_m: self.progress.remaining_m(),
            off_route: self.off.is_warning(),
            offset_m,
            next: next.filter(|_| at.is_valid()),
            arrived,
        }
    }

    /// The walk so far as text (progress in metres, then the stops reached), to keep across a
    /// reload.
    pub fn save(&self) -> String {
        let reached: Vec<String> = (0..self.stops.len())
            .filter(|&i| self.arrived[i])
            .map(|i| i.to_string())
            .collect();
        // Whole metres, as an integer: no float formatting or parsing in the wasm for this.
        let along = self.progress.along_m().round().max(0.0) as u32;
        format!("{along} {}", reached.join(","))
    }

    /// Restores what [`Walk::save`] wrote; anything unreadable leaves a fresh walk.
    pub fn restore(&mut self, saved: &str) {
        let Some((along, reached)) = saved.split_once(' ') else {
            return;
        };
        let Ok(along) = along.parse::<u32>() else {
            return;
        };
        self.progress.update(f64::from(along));
        for i in reached.split(',').filter_map(|s| s.parse::<usize>().ok()) {
            if let Some(a) = self.arrived.get_mut(i) {
                *a = true;
            }
        }
    }

    /// The walk as it stands, without a new fix (after a restore, say): no position, so no
    /// next-stop distance.
    pub fn current(&self) -> Step {
        self.step(f64::NAN, vec![], LatLng::new(f64::NAN, f64::NAN))
    }

    pub fn reached(&self, i: usize) -> bool {
        self.arrived.get(i).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// About 1.1 km due south, then a sharp turn east: a real-shaped town walk.
    fn walk() -> Walk {
        let path = vec![
            LatLng::new(30.356, 120.28),
            LatLng::new(30.346, 120.28),
            LatLng::new(30.346, 120.29),
        ];
        let stops = [path[0], LatLng::new(30.3462, 120.2802), path[2]];
        Walk::new(path, &stops)
    }

    #[test]
    fn walking_the_path_moves_forward_and_reaches_each_stop_once() {
        let mut w = walk();
        let mut last = 0.0;
        let mut seen = vec![];
        let mut t = 0.0;
        for k in 0..=20 {
            let lat = 30.356 - 0.010 * f64::from(k) / 20.0;
            let s = w.update(LatLng::new(lat, 120.2801), t);
            t += 10.0;
            assert!(s.fraction >= last && !s.off_route);
            last = s.fraction;
            seen.extend(s.arrived);
        }
        for k in 0..=20 {
            let s = w.update(LatLng::new(30.346, 120.28 + 0.010 * f64::from(k) / 20.0), t);
            t += 10.0;
            assert!(s.fraction >= last);
            last = s.fraction;
            seen.extend(s.arrived);
        }
        assert_eq!(seen, [0, 1, 2]);
        assert!((last - 1.0).abs() < 1e-9);
        // Standing at the end again arrives nowhere new.
        assert!(w.update(LatLng::new(30.346, 120.29), t).arrived.is_empty());
    }

    #[test]
    fn an_excursion_warns_after_a_while_and_clears_when_back_without_progress_jumps() {
        let mut w = walk();
        w.update(LatLng::new(30.356, 120.28), 0.0);
        let before = w.update(LatLng::new(30.355, 120.28), 10.0).fraction;
        // 100 m east of the path: not at once, but after more than 20 s.
        let away = LatLng::new(30.354, 120.28104);
        assert!(!w.update(away, 20.0).off_route);
        assert!(w.update(away, 45.0).off_route);
        assert_eq!(w.update(away, 50.0).fraction, before);
        // Back on the path: cleared.
        let back = w.update(LatLng::new(30.354, 120.28), 60.0);
        assert!(!back.off_route && back.fraction > before);
    }

    #[test]
    fn a_line_good_to_50_m_warns_only_beyond_its_precision_plus_the_margin() {
        let path = vec![LatLng::new(30.356, 120.28), LatLng::new(30.346, 120.28)];
        let mut w = Walk::with_warning_at(path, &[], 100.0);
        w.update(LatLng::new(30.355, 120.28), 0.0);
        // About 77 m east of the line for a minute: within 50 m + 50 m, no warning.
        let near = LatLng::new(30.354, 120.2808);
        for t in [10.0, 40.0, 70.0] {
            assert!(!w.update(near, t).off_route);
        }
        // About 145 m east: beyond it, warned after 20 s.
        let far = LatLng::new(30.354, 120.2815);
        assert!(!w.update(far, 80.0).off_route);
        assert!(w.update(far, 105.0).off_route);
    }

    #[test]
    fn points_before_the_start_and_past_the_end_clamp() {
        let mut w = walk();
        // About 20 m north of the start: on the path's extension, close enough to count.
        let s = w.update(LatLng::new(30.35618, 120.28), 0.0);
        assert_eq!(s.fraction, 0.0);
        assert!(s.offset_m < 25.0 && !s.off_route);
        assert_eq!(s.next.map(|n| n.0), Some(1));
        let s = w.update(LatLng::new(30.346, 120.2903), 10.0);
        assert!((s.fraction - 1.0).abs() < 1e-9 && s.remaining_m.abs() < 1e-6);
        assert_eq!(s.next, None);
    }

    #[test]
    fn a_loop_that_ends_where_it_starts_is_walked_in_order() {
        // A square of about 400 m a side, back to the start; stops at the start, the far
        // corner and the end (the start again).
        let (a, b, c, d) = (
            LatLng::new(30.35, 120.28),
            LatLng::new(30.3536, 120.28),
            LatLng::new(30.3536, 120.28415),
            LatLng::new(30.35, 120.28415),
        );
        let mut w = Walk::new(vec![a, b, c, d, a], &[a, c, a]);
        // A first fix a couple of metres from the start is the start, not the end.
        let s = w.update(LatLng::new(30.35002, 120.27998), 0.0);
        assert!(s.fraction < 0.01, "{}", s.fraction);
        assert_eq!(s.arrived, [0]);
        let mut seen = vec![];
        let mut last = 0.0;
        for (k, &(p, q)) in [(a, b), (b, c), (c, d), (d, a)].iter().enumerate() {
            for j in 1..=10u32 {
                let t = f64::from(j) / 10.0;
                let at = LatLng::new(p.lat + t * (q.lat - p.lat), p.lng + t * (q.lng - p.lng));
                let s = w.update(at, (k as f64 * 10.0 + f64::from(j)) * 10.0);
                assert!(s.fraction >= last);
                last = s.fraction;
                seen.extend(s.arrived);
            }
        }
        assert_eq!(seen, [1, 2]);
        assert!((last - 1.0).abs() < 1e-9);
    }

    #[test]
    fn progress_keeps_up_on_a_path_with_a_vertex_every_ten_metres() {
        // 500 m due south drawn with a vertex every 10 m (as footpaths from OSM are), walked in
        // 1 m steps: progress follows the walker, corner after corner, and reaches the end.
        let m = 1.0 / 111_195.0; // degrees of latitude per metre
        let path: Vec<LatLng> = (0..=50)
            .map(|k| LatLng::new(30.35 - f64::from(k) * 10.0 * m, 120.28))
            .collect();
        let mut w = Walk::new(path, &[]);
        for k in 0..=500u32 {
            let s = w.update(LatLng::new(30.35 - f64::from(k) * m, 120.28), f64::from(k));
            assert!(
                (s.along_m - f64::from(k)).abs() < 2.0,
                "at {k} m progress says {}",
                s.along_m
            );
        }
        assert!((w.current().fraction - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_next_stop_has_distance_and_direction() {
        let mut w = walk();
        let s = w.update(LatLng::new(30.350, 120.28), 0.0);
        let (i, d, b) = s.next.unwrap();
        assert_eq!(i, 1);
        assert!((380.0..460.0).contains(&d), "{d}");
        assert!((170.0..190.0).contains(&b), "bearing {b}");
    }

    #[test]
    fn a_saved_walk_restores_and_garbage_is_ignored() {
        let mut w = walk();
        for k in 0..=10 {
            w.update(
                LatLng::new(30.356 - 0.0005 * f64::from(k), 120.28),
                f64::from(k),
            );
        }
        let saved = w.save();
        let mut again = walk();
        again.restore(&saved);
        assert!(again.reached(0) && !again.reached(2));
        let s = again.update(LatLng::new(30.3535, 120.28), 0.0);
        assert!(s.arrived.is_empty(), "stop 0 must not arrive twice");
        assert!(
            (s.along_m - w.save().split(' ').next().unwrap().parse::<f64>().unwrap()).abs() < 1.0
        );
        let mut fresh = walk();
        fresh.restore("nonsense");
        fresh.restore("12 x,9");
        assert!(!fresh.reached(0));
    }
}
