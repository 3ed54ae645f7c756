//! Following a route over time: the off-route warning and the progress bar.
//!
//! Both take the output of [`super::project`] fix by fix, and both are built to ignore phone GPS
//! noise, which in a town of tall buildings easily jumps 10–30 m between fixes: a warning that
//! blinks or a progress bar that slides backwards reads as a broken app.

/// Off-route detection with hysteresis: warns once the user has been more than `warn_m` from the
/// route for more than `after_s` seconds, and clears only when back within `clear_m`.
///
/// An "off-route episode" starts at the first fix beyond `warn_m` and ends only at a fix within
/// `clear_m`. Fixes in the band between neither start nor end an episode, so jitter around the
/// warning distance (49 m, 51 m, 49 m …) neither keeps resetting the timer — which would hide a
/// walker who really is off course — nor toggles the warning. The warning itself is raised only
/// by a fix beyond `warn_m` once the episode is older than `after_s`, so a walker who strayed
/// briefly and then stays at 40 m is not nagged.
#[derive(Clone, Debug, PartialEq)]
pub struct OffRouteDetector {
    warn_m: f64,
    clear_m: f64,
    after_s: f64,
    /// Time of the first fix of the current episode beyond `warn_m`.
    off_since: Option<f64>,
    warning: bool,
}

impl OffRouteDetector {
    /// The guide's defaults: 50 m is well beyond GPS noise on a street, 30 m is back on the
    /// pavement of the right street, and 20 s is about 25 m of walking, long enough to cross a
    /// square diagonally without a false alarm.
    pub const DEFAULT_WARN_M: f64 = 50.0;
    pub const DEFAULT_CLEAR_M: f64 = 30.0;
    pub const DEFAULT_AFTER_S: f64 = 20.0;

    /// `clear_m` above `warn_m` would make the warning flicker, so it is capped at `warn_m`.
    pub fn new(warn_m: f64, clear_m: f64, after_s: f64) -> Self {
        OffRouteDetector {
            warn_m,
            clear_m: clear_m.min(warn_m),
            after_s,
            off_since: None,
            warning: false,
        }
    }

    /// Feeds one fix: the distance from the route (`Projection::offset_m`) and the fix time in
    /// seconds on any monotonic clock. Returns whether the warning should be shown.
    pub fn update(&mut self, offset_m: f64, t_s: f64) -> bool {
        // A fix without a position or time carries no evidence either way.
        if offset_m.is_nan() || t_s.is_nan() {
            return self.warning;
        }
        if offset_m <= self.clear_m {
            self.off_since = None;
            self.warning = false;
        } else if offset_m > self.warn_m {
            let since = match self.off_since {
                // A clock that went backwards (page restored, clock reset) restarts the episode
                // rather than raising a warning on a negative or bogus duration.
                Some(s) if s <= t_s => s,
                _ => *self.off_since.insert(t_s),
            };
            if t_s - since > self.after_s {
                self.warning = true;
            }
        }
        self.warning
    }

    /// The distance beyond which a fix counts as off route.
    pub fn warn_m(&self) -> f64 {
        self.warn_m
    }

    /// Whether the warning is currently shown.
    pub fn is_warning(&self) -> bool {
        self.warning
    }

    /// Forgets everything, e.g. when the user picks a new route.
    pub fn reset(&mut self) {
        self.off_since = None;
        self.warning = false;
    }
}

impl Default for OffRouteDetector {
    fn default() -> Self {
        OffRouteDetector::new(
            Self::DEFAULT_WARN_M,
            Self::DEFAULT_CLEAR_M,
            Self::DEFAULT_AFTER_S,
        )
    }
}

/// Progress along a route that only moves forward: GPS jitter backwards along the path does not
/// reduce it. It keeps the furthest `along_m` seen; a deliberate restart goes through
/// [`Progress::reset`].
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    total_m: f64,
    along_m: f64,
}

impl Progress {
    /// `total_m` is the route length ([`super::path_length_m`]); negative or NaN counts as 0.
    pub fn new(total_m: f64) -> Self {
        Progress {
            total_m: if total_m > 0.0 { total_m } else { 0.0 },
            along_m: 0.0,
        }
    }

    /// Feeds one along-track distance (`Projection::along_m`) and returns the fraction done.
    /// Values are clamped to the route; NaN is ignored.
    pub fn update(&mut self, along_m: f64) -> f64 {
        if !along_m.is_nan() {
            self.along_m = self.along_m.max(along_m.clamp(0.0, self.total_m));
        }
        self.fraction()
    }

    /// Fraction of the route done, in `0.0..=1.0`. A zero-length route (start = destination) is
    /// complete from the outset.
    pub fn fraction(&self) -> f64 {
        if self.total_m > 0.0 {
            (self.along_m / self.total_m).clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Furthest distance reached along the route, in metres.
    pub fn along_m(&self) -> f64 {
        self.along_m
    }

    pub fn total_m(&self) -> f64 {
        self.total_m
    }

    /// Metres still to walk, for the "N min to go" label.
    pub fn remaining_m(&self) -> f64 {
        self.total_m - self.along_m
    }

    /// Starts over from the beginning, e.g. when the user restarts the walk.
    pub fn reset(&mut self) {
        self.along_m = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `(offset_m, t_s)` fixes and returns every answer.
    fn run(d: &mut OffRouteDetector, fixes: &[(f64, f64)]) -> Vec<bool> {
        fixes.iter().map(|&(m, t)| d.update(m, t)).collect()
    }

    /// One fix per second at `offset_m`, for `t` in `from..=to`.
    fn steady(offset_m: f64, from: u32, to: u32) -> Vec<(f64, f64)> {
        (from..=to).map(|t| (offset_m, f64::from(t))).collect()
    }

    fn transitions(v: &[bool]) -> usize {
        v.windows(2).filter(|w| w[0] != w[1]).count()
    }

    #[test]
    fn brief_excursion_does_not_warn() {
        let mut d = OffRouteDetector::default();
        assert!(run(&mut d, &steady(10.0, 0, 5)).iter().all(|w| !w));
        // 15 s at 60 m, e.g. detouring round a market stall, then back on the route.
        assert!(run(&mut d, &steady(60.0, 6, 21)).iter().all(|w| !w));
        assert!(!d.update(10.0, 22.0));
        // The next excursion starts a fresh 20 s, not carrying over the earlier 15 s.
        assert!(run(&mut d, &steady(60.0, 30, 50)).iter().all(|w| !w));
        assert!(d.update(60.0, 51.0));
    }

    #[test]
    fn warns_after_more_than_twenty_seconds() {
        let mut d = OffRouteDetector::default();
        let out = run(&mut d, &steady(60.0, 100, 121));
        // 100 → 120 is exactly 20 s, not more; 121 is.
        assert!(out[..=20].iter().all(|w| !w), "{out:?}");
        assert!(out[21]);
        assert!(d.is_warning());
        // Sparse fixes (a phone saving battery) count real time, not the number of fixes.
        let mut d = OffRouteDetector::default();
        assert!(!d.update(80.0, 0.0));
        assert!(d.update(80.0, 30.0));
    }

    #[test]
    fn stays_on_between_clear_and_warn_then_clears() {
        let mut d = OffRouteDetector::default();
        run(&mut d, &steady(70.0, 0, 25));
        assert!(d.is_warning());
        // Walking back towards the route: 40 m is still not back on it.
        assert!(run(&mut d, &steady(40.0, 26, 200)).iter().all(|&w| w));
        assert!(d.update(30.5, 201.0));
        assert!(!d.update(29.0, 202.0));
        assert!(!d.is_warning());
        // And it does not come straight back at 40 m.
        assert!(!d.update(40.0, 203.0));
    }

    #[test]
    fn no_flicker_at_the_warning_boundary() {
        // GPS jitter either side of 50 m, one fix a second for five minutes: the warning comes on
        // once (the walker really is about 50 m off) and then stays on.
        let mut d = OffRouteDetector::default();
        let fixes: Vec<_> = (0..300u32)
            .map(|t| (if t % 2 == 0 { 51.0 } else { 49.0 }, f64::from(t)))
            .collect();
        let out = run(&mut d, &fixes);
        assert_eq!(transitions(&out), 1, "{out:?}");
        assert!(!out[0] && out[299]);
        // The first 49 m fix must not have reset the timer: on by the first 51 m fix after 20 s.
        assert!(out[22] && !out[20], "{out:?}");
    }

    #[test]
    fn no_flicker_at_the_clearing_boundary() {
        let mut d = OffRouteDetector::default();
        run(&mut d, &steady(60.0, 0, 21));
        assert!(d.is_warning());
        let fixes: Vec<_> = (23..300u32)
            .map(|t| (if t % 2 == 0 { 31.0 } else { 29.0 }, f64::from(t)))
            .collect();
        let out = run(&mut d, &fixes);
        assert_eq!(transitions(&out), 0, "{out:?}");
        assert!(!out[0], "the first 29 m fix clears");
    }

    #[test]
    fn odd_input_is_handled() {
        let mut d = OffRouteDetector::default();
        d.update(60.0, 1000.0);
        // The clock went backwards: a new episode from t = 5, not a 995 s one.
        assert!(!d.update(60.0, 5.0));
        assert!(!d.update(60.0, 25.0));
        assert!(d.update(60.0, 26.0));
        assert!(d.update(f64::NAN, 27.0), "NaN leaves the state alone");
        d.reset();
        assert!(!d.is_warning());
        // A clear distance above the warn distance is capped at it: otherwise 55 m would both
        // raise the warning and clear it.
        let mut d = OffRouteDetector::new(50.0, 80.0, 0.0);
        d.update(60.0, 0.0);
        assert!(d.update(60.0, 1.0));
        assert!(d.update(55.0, 2.0));
        assert!(!d.update(45.0, 3.0));
    }

    #[test]
    fn progress_never_goes_back_on_jitter() {
        let mut p = Progress::new(1000.0);
        assert_eq!(p.fraction(), 0.0);
        let mut last = 0.0;
        // Walking forward with GPS jitter of ±15 m along the path.
        for (i, jitter) in [0.0, -15.0, 12.0, -9.0, 15.0, -14.0, 3.0, -15.0]
            .iter()
            .cycle()
            .take(80)
            .enumerate()
        {
            let along = i as f64 * 10.0 + jitter;
            let f = p.update(along);
            assert!(f >= last, "step {i}: {f} < {last}");
            last = f;
        }
        // The furthest fix was step 78 (780 m + 3 m of jitter).
        assert!((p.along_m() - 783.0).abs() < 1e-9, "{}", p.along_m());
        // A big jump back (e.g. projection onto the start of a loop) does not reduce it either.
        assert_eq!(p.update(5.0), last);
        assert!((p.remaining_m() - 217.0).abs() < 1e-9);
    }

    #[test]
    fn progress_is_clamped_and_resettable() {
        let mut p = Progress::new(400.0);
        assert_eq!(p.update(-20.0), 0.0);
        assert_eq!(p.update(100.0), 0.25);
        assert_eq!(p.update(f64::NAN), 0.25);
        assert_eq!(p.update(90.0), 0.25);
        assert_eq!(p.update(1e9), 1.0);
        assert_eq!(p.along_m(), 400.0);
        assert_eq!(p.total_m(), 400.0);
        p.reset();
        assert_eq!(p.along_m(), 0.0);
        assert_eq!(p.update(50.0), 0.125);
        // A zero-length or nonsensical route is complete from the start.
        assert_eq!(Progress::new(0.0).fraction(), 1.0);
        assert_eq!(Progress::new(f64::NAN).update(10.0), 1.0);
    }
}
