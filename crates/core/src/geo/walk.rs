//! Following one route on foot, fix by fix: progress, the next stop with its distance and
//! direction, arrival at each stop (once), and the off-route warning. The app's follow mode
//! feeds it GPS fixes and shows what it returns; everything that decides lives here.
//!
//! Arrival: within [`ARRIVE_M`] of the stop, or, since many stops' positions are only known
//! approximately, when progress along the path reaches the point where the path passes the
//! stop. Each stop arrives once per walk, in any order, and a walk can be saved and restored
//! (a reload in the middle of a walk keeps its progress and the stops already reached).

use super::{bearing_deg, distance_m, path_length_m, project, LatLng, OffRouteDetector, Progress};

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
    pub fn new(path: Vec<LatLng>, stops: &[LatLng]) -> Walk {
        let stops: Vec<_> = stops
            .iter()
            .map(|&s| (s, project(&path, s).map_or(0.0, |p| p.along_m)))
            .collect();
        Walk {
            progress: Progress::new(path_length_m(&path)),
            arrived: vec![false; stops.len()],
            stops,
            path,
            off: OffRouteDetector::default(),
        }
    }

    /// Feeds one fix: the position (WGS-84) and its time in seconds.
    pub fn update(&mut self, at: LatLng, t_s: f64) -> Step {
        let Some(p) = project(&self.path, at).filter(|_| at.is_valid()) else {
            return self.step(f64::NAN, vec![], at);
        };
        let off_route = self.off.update(p.offset_m, t_s);
        // Off the path, a projection onto a far part of it is not progress.
        if !off_route && p.offset_m <= OffRouteDetector::DEFAULT_WARN_M {
            self.progress.update(p.along_m);
        }
        let along = self.progress.along_m();
        let mut arrived = vec![];
        for (i, &(s, s_along)) in self.stops.iter().enumerate() {
            if !self.arrived[i]
                && (distance_m(at, s) <= ARRIVE_M || (!off_route && along + ARRIVE_M >= s_along))
            {
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
        format!("{} {}", self.progress.along_m().round(), reached.join(","))
    }

    /// Restores what [`Walk::save`] wrote; anything unreadable leaves a fresh walk.
    pub fn restore(&mut self, saved: &str) {
        let Some((along, reached)) = saved.split_once(' ') else {
            return;
        };
        let Ok(along) = along.parse::<f64>() else {
            return;
        };
        self.progress.update(along);
        for i in reached.split(',').filter_map(|s| s.parse::<usize>().ok()) {
            if let Some(a) = self.arrived.get_mut(i) {
                *a = true;
            }
        }
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
    fn points_before_the_start_and_past_the_end_clamp() {
        let mut w = walk();
        let s = w.update(LatLng::new(30.3565, 120.28), 0.0);
        assert_eq!(s.fraction, 0.0);
        assert_eq!(s.next.map(|n| n.0), Some(1));
        let s = w.update(LatLng::new(30.346, 120.2903), 10.0);
        assert!((s.fraction - 1.0).abs() < 1e-9 && s.remaining_m.abs() < 1e-6);
        assert_eq!(s.next, None);
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
