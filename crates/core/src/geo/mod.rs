//! Geography for a walking guide: great-circle maths, China's map datums, and following a route.
//!
//! Why hand-written and not a geo crate: the guide needs a dozen small formulas, and every
//! dependency lands in the wasm that a phone on a weak signal has to download first.
//!
//! Datums matter here more than almost anywhere: the phone's GPS reports WGS-84, while Chinese
//! map tiles (AutoNavi/Amap, Tencent, Apple and Google inside China) are drawn in GCJ-02 and Baidu
//! in BD-09. The offsets are hundreds of metres, so a point put on the wrong datum lands in the
//! wrong street. Content is stored in one datum and converted at the edges with [`datum`].
//!
//! Everything works on the sphere with the IUGG mean radius. Its error against the ellipsoid is
//! at most about 0.5 %, far below what a walker notices and far below phone GPS noise in town.

pub mod datum;
pub mod mercator;
pub mod route;
pub mod stops;
pub mod track;
pub mod tracking;
pub mod walk;

pub use datum::{
    bd09_to_gcj02, bd09_to_wgs84, gcj02_to_bd09, gcj02_to_wgs84, in_china, wgs84_to_bd09,
    wgs84_to_gcj02,
};
pub use route::{path_length_m, path_until, project, project_near, Projection};
pub use tracking::{OffRouteDetector, Progress};

use serde::{Deserialize, Serialize};

/// IUGG mean earth radius R₁, in metres: the sphere that best fits the ellipsoid on average.
pub const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Walking pace used for every time estimate, in metres per minute (4.5 km/h): a relaxed
/// sightseeing pace rather than a commuter's 5 km/h, since people stop to look around.
pub const WALKING_M_PER_MIN: f64 = 4_500.0 / 60.0;

/// A position in decimal degrees. Which datum it is in is the caller's business: the type is the
/// same so the formulas are shared, and the field names match the `{"lat":..,"lng":..}` JSON that
/// map SDKs and our content files use.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LatLng {
    pub lat: f64,
    pub lng: f64,
}

/// A coordinate in decimal degrees with six decimals (about 0.1 m, finer than any position the
/// guide knows), for links and exports. Integer arithmetic rather than `{}` on the f64: Rust's
/// float formatting would add its shortest-digits algorithms to the wasm (docs/size.md).
pub fn degrees(v: f64) -> String {
    let micro = (v * 1e6).round() as i64;
    let sign = if micro < 0 { "-" } else { "" };
    let m = micro.unsigned_abs();
    format!("{sign}{}.{:06}", m / 1_000_000, m % 1_000_000)
}

impl LatLng {
    pub const fn new(lat: f64, lng: f64) -> Self {
        LatLng { lat, lng }
    }

    /// Finite and within ±90 / ±180: content and GPS input are checked with this before use,
    /// since a NaN would otherwise propagate silently through every distance.
    pub fn is_valid(self) -> bool {
        self.lat.is_finite()
            && self.lng.is_finite()
            && self.lat.abs() <= 90.0
            && self.lng.abs() <= 180.0
    }
}

/// Great-circle distance in metres (haversine). Haversine rather than the spherical law of
/// cosines because it stays accurate for the few-metre distances that route following needs.
pub fn distance_m(a: LatLng, b: LatLng) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let dphi = phi2 - phi1;
    let dlambda = (b.lng - a.lng).to_radians();
    let h = (dphi / 2.0).sin().powi(2) + phi1.cos() * phi2.cos() * (dlambda / 2.0).sin().powi(2);
    // Clamp: rounding can push h a hair above 1 for antipodal points, and asin would give NaN.
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// Initial great-circle bearing from `a` towards `b`, in degrees clockwise from true north, in
/// `0.0..360.0`. Equal points give 0.
pub fn bearing_deg(a: LatLng, b: LatLng) -> f64 {
    let (phi1, phi2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlambda = (b.lng - a.lng).to_radians();
    let y = dlambda.sin() * phi2.cos();
    let x = phi1.cos() * phi2.sin() - phi1.sin() * phi2.cos() * dlambda.cos();
    let deg = y.atan2(x).to_degrees().rem_euclid(360.0);
    // rem_euclid of a tiny negative number rounds to exactly 360.0, which is outside the range.
    if deg >= 360.0 {
        0.0
    } else {
        deg
    }
}

/// Minutes to walk `metres` at [`WALKING_M_PER_MIN`], rounded up so that "3 min" is never an
/// under-promise, and at least 1 for any positive distance so that nothing nearby reads "0 min".
/// Zero, negative or NaN distances give 0.
pub fn walking_minutes(metres: f64) -> u32 {
    if metres.is_nan() || metres <= 0.0 {
        return 0;
    }
    // `as` saturates, so an absurd distance gives u32::MAX rather than wrapping.
    ((metres / WALKING_M_PER_MIN).ceil() as u32).max(1)
}

/// Test helper shared by the submodules: asserts `a` and `b` are within `tol_m` metres.
#[cfg(test)]
pub(crate) fn assert_near(a: LatLng, b: LatLng, tol_m: f64) {
    let d = distance_m(a, b);
    assert!(
        d <= tol_m,
        "{a:?} and {b:?} are {d:.4} m apart, more than {tol_m} m"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEIJING: LatLng = LatLng::new(39.9042, 116.4074); // Tiananmen area
    const SHANGHAI: LatLng = LatLng::new(31.2304, 121.4737); // People's Square area
    const QIAOSI: LatLng = LatLng::new(30.35, 120.28);

    #[test]
    fn degrees_have_six_decimals_and_their_sign() {
        assert_eq!(degrees(30.34417), "30.344170");
        assert_eq!(degrees(120.28361), "120.283610");
        assert_eq!(degrees(-33.8688), "-33.868800");
        assert_eq!(degrees(-0.5), "-0.500000");
        assert_eq!(degrees(0.0000006), "0.000001");
        // Rounds to zero: no "-0.000000".
        assert_eq!(degrees(-0.0000004), "0.000000");
        assert_eq!(degrees(-179.9999999), "-180.000000");
    }

    #[test]
    fn distance_of_known_pairs() {
        let d = distance_m(BEIJING, SHANGHAI);
        assert!(
            (1_067_000.0..1_068_000.0).contains(&d),
            "Beijing–Shanghai {d}"
        );
        // One degree of latitude on the mean sphere is R·π/180 ≈ 111 195 m, anywhere.
        for lng in [0.0, 120.28, -70.0] {
            let d = distance_m(LatLng::new(30.0, lng), LatLng::new(31.0, lng));
            assert!((d - 111_195.08).abs() < 0.1, "{d}");
        }
        // One degree of longitude shrinks with cos(latitude): about 95.9 km at Qiaosi.
        let d = distance_m(QIAOSI, LatLng::new(30.35, 121.28));
        assert!((95_900.0..96_000.0).contains(&d), "{d}");
        assert_eq!(distance_m(QIAOSI, QIAOSI), 0.0);
        assert!((distance_m(BEIJING, SHANGHAI) - distance_m(SHANGHAI, BEIJING)).abs() < 1e-6);
    }

    #[test]
    fn distance_is_accurate_at_walking_scale() {
        // 0.0001° of latitude is 11.12 m; the haversine must not lose it to rounding.
        let d = distance_m(QIAOSI, LatLng::new(30.3501, 120.28));
        assert!((d - 11.1195).abs() < 0.001, "{d}");
        // Antipodes: half the circumference, not NaN.
        let d = distance_m(LatLng::new(0.0, 0.0), LatLng::new(0.0, 180.0));
        assert!(
            (d - std::f64::consts::PI * EARTH_RADIUS_M).abs() < 1e-3,
            "{d}"
        );
    }

    #[test]
    fn bearing_cardinal_directions() {
        let d = 0.01;
        let cases = [
            (LatLng::new(QIAOSI.lat + d, QIAOSI.lng), 0.0),
            (LatLng::new(QIAOSI.lat, QIAOSI.lng + d), 90.0),
            (LatLng::new(QIAOSI.lat - d, QIAOSI.lng), 180.0),
            (LatLng::new(QIAOSI.lat, QIAOSI.lng - d), 270.0),
        ];
        for (to, want) in cases {
            let b = bearing_deg(QIAOSI, to);
            // East/west are off by a hair: a great circle heading east curves towards the equator.
            assert!((b - want).abs() < 0.01, "towards {to:?}: {b}, want {want}");
            assert!((0.0..360.0).contains(&b));
        }
        // Beijing → Shanghai is roughly south-south-east.
        let b = bearing_deg(BEIJING, SHANGHAI);
        assert!((150.0..160.0).contains(&b), "{b}");
        // Due north by a hair west must wrap to just under 360, never to a negative number.
        let b = bearing_deg(QIAOSI, LatLng::new(31.35, 120.2799999));
        assert!((359.99..360.0).contains(&b), "{b}");
        assert_eq!(bearing_deg(QIAOSI, QIAOSI), 0.0);
    }

    #[test]
    fn walking_minutes_rounds_up() {
        assert_eq!(walking_minutes(0.0), 0);
        assert_eq!(walking_minutes(-5.0), 0);
        assert_eq!(walking_minutes(f64::NAN), 0);
        assert_eq!(walking_minutes(1.0), 1);
        assert_eq!(walking_minutes(75.0), 1);
        assert_eq!(walking_minutes(75.1), 2);
        assert_eq!(walking_minutes(4_500.0), 60);
        assert_eq!(walking_minutes(1_000.0), 14); // 13.33 → 14
        assert_eq!(walking_minutes(f64::INFINITY), u32::MAX);
    }

    #[test]
    fn latlng_json_shape_and_validity() {
        let p = LatLng::new(30.35, 120.28);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"lat":30.35,"lng":120.28}"#
        );
        let back: LatLng = serde_json::from_str(r#"{"lng":120.28,"lat":30.35}"#).unwrap();
        assert_eq!(back, p);
        assert!(p.is_valid());
        assert!(!LatLng::new(91.0, 0.0).is_valid());
        assert!(!LatLng::new(0.0, -180.5).is_valid());
        assert!(!LatLng::new(f64::NAN, 0.0).is_valid());
    }
}
