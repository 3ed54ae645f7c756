//! What the guide may claim about getting somewhere. A guess never becomes a fact on screen:
//! a place known only to within a few hundred metres gets no distance and no walking time, and
//! a route drawn only roughly gets no length and no off-route warning at walking scale. Every
//! view asks these rules rather than deciding for itself.

use super::{Checkin, Edition, Pack, Place, Position, Precision, Route};
use crate::geo::{distance_m, walking_minutes, LatLng, OffRouteDetector};
use crate::time::Date;

/// From this radius on, a position is an area ("大致在…一带"), not a destination: a distance
/// to it would be off by more than a short walk.
pub const AREA_FROM_M: u32 = 300;

/// A route line coarser than this cannot be followed along the line: the walker is guided
/// stop by stop instead.
pub const LINE_WITHIN_M: u32 = 50;

impl Precision {
    /// How far the real point may be from the stated one (0 for exact).
    pub fn radius_m(self) -> u32 {
        match self {
            Precision::Exact => 0,
            Precision::Approximate { radius_m } => radius_m,
        }
    }
}

impl Position {
    /// Good enough to walk to: a distance to it means something.
    pub fn is_located(&self) -> bool {
        self.precision.radius_m() < AREA_FROM_M
    }
}

/// How far a located place is, for "约 X 米 · 步行 Y 分钟".
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reach {
    pub metres: f64,
    pub minutes: u32,
}

impl Place {
    /// The point to walk to, when the place is located; `None` for an area or no position.
    pub fn located(&self) -> Option<LatLng> {
        self.position
            .filter(Position::is_located)
            .map(|p| p.lat_lng())
    }

    /// How far the place is from `here`, only when it is located.
    pub fn reach_from(&self, here: LatLng) -> Option<Reach> {
        let metres = distance_m(here, self.located()?);
        Some(Reach {
            metres,
            minutes: walking_minutes(metres),
        })
    }
}

impl Route {
    /// Whether the line on the map is close enough to the real path to walk along it.
    pub fn follows_line(&self) -> bool {
        self.path.len() >= 2 && self.path_precision.radius_m() <= LINE_WITHIN_M
    }

    /// The route's length, only when its line can be trusted.
    pub fn known_length_m(&self) -> Option<f64> {
        self.follows_line().then(|| self.length_m())
    }

    /// How far from the drawn line a walker must be before the guide says "off route": never
    /// closer than the line's own precision plus the usual margin.
    pub fn off_route_warn_m(&self) -> f64 {
        let margin = OffRouteDetector::DEFAULT_WARN_M;
        margin.max(f64::from(self.path_precision.radius_m()) + margin)
    }
}

impl Edition {
    /// Over for more than a year on `today`: history, not the current festival.
    pub fn is_history(&self, today: Date) -> bool {
        let last = self
            .end
            .as_deref()
            .and_then(Date::parse)
            .or_else(|| Date::parse(&self.start).map(|s| s.add_days(180)));
        last.is_some_and(|d| d.add_days(365) < today)
    }
}

impl Pack {
    /// The edition to show as the festival on `today`: the newest one that is not history.
    pub fn current_edition(&self, today: Date) -> Option<&Edition> {
        self.newest_edition().filter(|e| !e.is_history(today))
    }

    /// The newest edition the guide knows of, current or not.
    pub fn newest_edition(&self) -> Option<&Edition> {
        self.festival.iter().max_by(|a, b| a.start.cmp(&b.start))
    }
}

impl Checkin {
    /// Whether any check-in point can be stamped: a point with no key to check its codes is a
    /// poster nobody can print, so the guide must not invite people to scan for it.
    pub fn is_active(&self) -> bool {
        !self.points.is_empty() && !self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::edition;
    use super::*;

    fn pos(radius_m: u32) -> Position {
        Position {
            lat: 30.344,
            lng: 120.284,
            precision: if radius_m == 0 {
                Precision::Exact
            } else {
                Precision::Approximate { radius_m }
            },
        }
    }

    #[test]
    fn only_positions_finer_than_300_m_are_destinations() {
        assert!(pos(0).is_located());
        assert!(pos(25).is_located());
        assert!(pos(299).is_located());
        assert!(!pos(300).is_located());
        assert!(!pos(3000).is_located());
    }

    #[test]
    fn no_distance_to_an_area_or_to_nowhere() {
        let mut p = crate::content::tests::place("p");
        let here = LatLng::new(30.35, 120.28);
        p.position = Some(pos(500));
        assert_eq!(p.located(), None);
        assert_eq!(p.reach_from(here), None);
        p.position = None;
        assert_eq!(p.reach_from(here), None);
        p.position = Some(pos(20));
        let r = p.reach_from(here).unwrap();
        assert!((r.metres - distance_m(here, LatLng::new(30.344, 120.284))).abs() < 1e-9);
        assert_eq!(r.minutes, walking_minutes(r.metres));
    }

    #[test]
    fn a_rough_line_has_no_length_and_a_wide_off_route_margin() {
        let mut r = crate::content::tests::route();
        r.path_precision = Precision::Approximate { radius_m: 1500 };
        assert!(!r.follows_line());
        assert_eq!(r.known_length_m(), None);
        assert_eq!(r.off_route_warn_m(), 1550.0);
        r.path_precision = Precision::Approximate { radius_m: 50 };
        assert!(r.follows_line());
        assert!(r.known_length_m().unwrap() > 0.0);
        r.path_precision = Precision::Exact;
        assert_eq!(r.off_route_warn_m(), OffRouteDetector::DEFAULT_WARN_M);
        r.path.clear();
        assert!(!r.follows_line());
        assert_eq!(r.known_length_m(), None);
    }

    #[test]
    fn an_edition_over_for_more_than_a_year_is_history() {
        let d = |s| Date::parse(s).unwrap();
        let second = edition("2023-12-27", Some("2024-03-31"));
        assert!(!second.is_history(d("2025-03-31")));
        assert!(second.is_history(d("2025-04-01")));
        // No end date: counted from six months after the opening.
        let first = edition("2022-09-13", None);
        assert!(!first.is_history(d("2024-03-11")));
        assert!(first.is_history(d("2024-03-12")));
    }

    #[test]
    fn the_current_edition_is_the_newest_one_not_yet_history() {
        let d = |s| Date::parse(s).unwrap();
        let mut pack = crate::content::tests::pack();
        let mut a = edition("2022-09-13", None);
        a.id = "first".into();
        let mut b = edition("2023-12-27", Some("2024-03-31"));
        b.id = "second".into();
        pack.festival = vec![b, a];
        assert_eq!(pack.newest_edition().unwrap().id, "second");
        assert_eq!(pack.current_edition(d("2024-06-01")).unwrap().id, "second");
        assert_eq!(pack.current_edition(d("2026-11-30")), None);
        assert_eq!(pack.newest_edition().unwrap().id, "second");
    }

    #[test]
    fn check_ins_are_active_only_with_a_point_and_a_key() {
        let mut c = Checkin::default();
        assert!(!c.is_active());
        c.points.push(crate::content::CheckinPoint {
            id: "p".into(),
            place: Some("p".into()),
            event: None,
            geofence_m: None,
        });
        assert!(!c.is_active());
        c.keys.push(crate::content::SigningKey {
            id: "k1".into(),
            public: "x".into(),
            state: Default::default(),
        });
        assert!(c.is_active());
    }
}
