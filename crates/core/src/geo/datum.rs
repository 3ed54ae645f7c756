//! Conversions between WGS-84 (GPS), GCJ-02 ("Mars coordinates", used by Amap/AutoNavi, Tencent
//! and Apple/Google maps inside China) and BD-09 (Baidu).
//!
//! GCJ-02 is an obfuscation mandated for maps published in China: a deliberately nonlinear shift
//! of a few hundred metres. The official algorithm is unpublished; the formula below is the
//! reverse-engineered one that every open implementation (e.g. "eviltransform") uses, so GPS
//! positions line up with Chinese tiles the same way they do in other apps. BD-09 adds Baidu's own shift on top.
//!
//! Outside mainland China map providers use plain WGS-84, so every conversion here is the
//! identity outside the bounding box of [`in_china`]. The box is crude (it includes Taiwan, much
//! of Korea and some neighbours) but it is the one all implementations agree on, so our points
//! land where other apps put them.

use super::LatLng;
use std::f64::consts::PI;

/// Semi-major axis of the Krasovsky 1940 ellipsoid, which the GCJ-02 formula was built on.
const KRASOVSKY_A: f64 = 6_378_245.0;
/// Its first eccentricity squared, published as 0.00669342162296594323; the last digits are
/// beyond f64 precision.
const KRASOVSKY_EE: f64 = 0.006_693_421_622_965_943;
/// Baidu's angular scale constant: π·3000/180.
const X_PI: f64 = PI * 3000.0 / 180.0;

/// Whether the point is inside the rough box where Chinese map datums apply.
pub fn in_china(p: LatLng) -> bool {
    (72.004..=137.8347).contains(&p.lng) && (0.8293..=55.8271).contains(&p.lat)
}

/// The GCJ-02 latitude shift series, in metres-ish units, around the origin (105°E, 35°N).
/// `x` and `y` are degrees east and north of that origin.
fn shift_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

/// The GCJ-02 longitude shift series; see [`shift_lat`].
fn shift_lng(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// WGS-84 → GCJ-02 offset in degrees (Δlat, Δlng), without the box check.
fn gcj_delta(p: LatLng) -> (f64, f64) {
    let (x, y) = (p.lng - 105.0, p.lat - 35.0);
    let rad_lat = p.lat.to_radians();
    let magic = 1.0 - KRASOVSKY_EE * rad_lat.sin().powi(2);
    let sqrt_magic = magic.sqrt();
    // Metres → degrees with the ellipsoid's meridian and prime-vertical radii of curvature.
    let meridian_r = KRASOVSKY_A * (1.0 - KRASOVSKY_EE) / (magic * sqrt_magic);
    let parallel_r = KRASOVSKY_A / sqrt_magic * rad_lat.cos();
    let dlat = shift_lat(x, y) * 180.0 / (meridian_r * PI);
    let dlng = shift_lng(x, y) * 180.0 / (parallel_r * PI);
    (dlat, dlng)
}

/// GPS (WGS-84) to the datum of Amap/Tencent tiles. Identity outside China.
pub fn wgs84_to_gcj02(p: LatLng) -> LatLng {
    if !in_china(p) {
        return p;
    }
    let (dlat, dlng) = gcj_delta(p);
    LatLng::new(p.lat + dlat, p.lng + dlng)
}

/// GCJ-02 back to WGS-84, to better than a millimetre inside China.
///
/// The forward shift has no closed-form inverse, but it varies so slowly (its derivative is
/// around 10⁻³) that the fixed-point iteration `w ← w + (g − f(w))` contracts by that factor each
/// step: the usual one-step inverse is off by about 0.6 m in Hangzhou; two or three steps reach
/// sub-millimetre. Outside the box it is the identity, like the forward direction.
pub fn gcj02_to_wgs84(p: LatLng) -> LatLng {
    if !in_china(p) {
        return p;
    }
    let mut w = p;
    for _ in 0..10 {
        let g = wgs84_to_gcj02(w);
        let (elat, elng) = (p.lat - g.lat, p.lng - g.lng);
        w = LatLng::new(w.lat + elat, w.lng + elng);
        // 1e-10° is about 0.01 mm; more iterations would only chase rounding.
        if elat.abs() < 1e-10 && elng.abs() < 1e-10 {
            break;
        }
    }
    w
}

/// GCJ-02 to Baidu's BD-09: a small rotation and scaling in polar form plus a fixed offset.
/// Identity outside China, as Baidu's shift is only ever applied on top of GCJ-02.
pub fn gcj02_to_bd09(p: LatLng) -> LatLng {
    if !in_china(p) {
        return p;
    }
    let (x, y) = (p.lng, p.lat);
    let z = x.hypot(y) + 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000_003 * (x * X_PI).cos();
    LatLng::new(z * theta.sin() + 0.006, z * theta.cos() + 0.0065)
}

/// BD-09 to GCJ-02 with the published inverse (the forward terms subtracted, evaluated at the
/// BD-09 point). It is not exact, but it is what the other libraries use, so our results agree
/// with theirs; the round trip is within about 0.12 m in Hangzhou.
pub fn bd09_to_gcj02(p: LatLng) -> LatLng {
    if !in_china(p) {
        return p;
    }
    let (x, y) = (p.lng - 0.0065, p.lat - 0.006);
    let z = x.hypot(y) - 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) - 0.000_003 * (x * X_PI).cos();
    LatLng::new(z * theta.sin(), z * theta.cos())
}

/// GPS straight to Baidu.
pub fn wgs84_to_bd09(p: LatLng) -> LatLng {
    gcj02_to_bd09(wgs84_to_gcj02(p))
}

/// Baidu back to GPS, for content copied from Baidu Maps.
pub fn bd09_to_wgs84(p: LatLng) -> LatLng {
    gcj02_to_wgs84(bd09_to_gcj02(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{assert_near, distance_m};

    /// Points spread over 乔司 and the rest of Hangzhou, in WGS-84.
    fn hangzhou_points() -> Vec<LatLng> {
        let mut v = Vec::new();
        for dlat in [-0.2, -0.05, 0.0, 0.013, 0.1] {
            for dlng in [-0.2, -0.04, 0.0, 0.027, 0.15] {
                v.push(LatLng::new(30.35 + dlat, 120.28 + dlng));
            }
        }
        v
    }

    #[test]
    fn wgs_to_gcj_matches_published_pairs() {
        // googollee/eviltransform, python/test.py, `TESTS` (wgsLat, wgsLng, gcjLat, gcjLng):
        // Shanghai, Shenzhen and Beijing. That suite checks to 6 decimals; 1 m is looser because
        // it uses a = 6378137 where we use Krasovsky's 6378245, a centimetre-level difference.
        let pairs = [
            (
                (31.1774276, 121.5272106),
                (31.17530398364597, 121.531541859215),
            ),
            (
                (22.543847, 113.912316),
                (22.540796131694766, 113.9171764808363),
            ),
            (
                (39.911954, 116.377817),
                (39.91334545536069, 116.38404722455657),
            ),
            // wandergis/coordtransform, test/app.js: wgs84togcj02(116.404, 39.915) (lng, lat).
            ((39.915, 116.404), (39.91640428150164, 116.41024449916938)),
        ];
        for ((wlat, wlng), (glat, glng)) in pairs {
            let got = wgs84_to_gcj02(LatLng::new(wlat, wlng));
            assert_near(got, LatLng::new(glat, glng), 0.05);
        }
    }

    #[test]
    fn gcj_and_bd_match_published_pairs() {
        // wandergis/coordtransform, test/app.js, both starting from (116.404, 39.915) (lng, lat):
        // gcj02tobd09 → [116.41036949371029, 39.92133699351021],
        // bd09togcj02 → [116.39762729119315, 39.90865673957631].
        let p = LatLng::new(39.915, 116.404);
        assert_near(
            gcj02_to_bd09(p),
            LatLng::new(39.92133699351021, 116.41036949371029),
            0.01,
        );
        assert_near(
            bd09_to_gcj02(p),
            LatLng::new(39.90865673957631, 116.39762729119315),
            0.01,
        );
    }

    #[test]
    fn wgs_to_gcj_to_bd_matches_published_chains() {
        // (WGS-84, GCJ-02, BD-09) triples, as (lat, lng):
        let chains = [
            // Glatzel/pyxis, src/rust/crates/pyxis/src/crypto.rs, the WGS84_/GCJ02_/BD09_ LON/LAT
            // test constants: near Jiaxing, ~80 km from Qiaosi. Computed with the same formulas,
            // so they agree to millimetres.
            (
                (30.6107779, 121.0917077),
                (30.608604368560773, 121.09626927850977),
                (30.61484575976839, 121.10271724622564),
                0.01,
            ),
            // hujiulong/gcoord, test/fixtures/china-cities.json, 金华市 (Jinhua, Zhejiang): rounded
            // to 7 decimals and with a WGS-84 side about 0.66 m from the formula's, hence 1 m.
            (
                (29.0820414, 119.6427465),
                (29.0790641, 119.6474509),
                (29.0854003, 119.6538875),
                1.0,
            ),
            // The same fixture, 泰州市 (Taizhou, Jiangsu), with the same 0.67 m on the WGS-84 side.
            (
                (32.4580023, 119.9183831),
                (32.4557802, 119.9231242),
                (32.4615531, 119.9296902),
                1.0,
            ),
        ];
        for ((wlat, wlng), (glat, glng), (blat, blng), tol_m) in chains {
            let (w, g, b) = (
                LatLng::new(wlat, wlng),
                LatLng::new(glat, glng),
                LatLng::new(blat, blng),
            );
            assert_near(wgs84_to_gcj02(w), g, tol_m);
            assert_near(wgs84_to_bd09(w), b, tol_m);
            // GCJ-02 → BD-09 alone is exact in every source, so hold it to centimetres.
            assert_near(gcj02_to_bd09(g), b, 0.01);
        }
        // Not used: the BD-09 pairs in googollee/eviltransform python/test.py (`TESTS_bd`) are
        // 10–40 m away from what its own formulas give, so they cannot check a formula.
    }

    #[test]
    fn shifts_are_the_expected_size_at_qiaosi() {
        // Sanity on direction and magnitude: in Hangzhou GCJ-02 is a few hundred metres away
        // (about 510 m) from WGS-84, and Baidu about another 900 m to the north-east.
        let w = LatLng::new(30.35, 120.28);
        let g = wgs84_to_gcj02(w);
        let b = gcj02_to_bd09(g);
        let wg = distance_m(w, g);
        let gb = distance_m(g, b);
        assert!((450.0..570.0).contains(&wg), "WGS→GCJ {wg} m");
        assert!((850.0..950.0).contains(&gb), "GCJ→BD {gb} m");
        assert!(
            g.lng > w.lng && g.lat < w.lat,
            "GCJ is south-east of WGS here: {g:?}"
        );
        assert!(
            b.lng > g.lng && b.lat > g.lat,
            "BD is north-east of GCJ: {b:?}"
        );
    }

    #[test]
    fn identity_outside_china() {
        let outside = [
            LatLng::new(48.8566, 2.3522),    // Paris
            LatLng::new(40.7128, -74.0060),  // New York
            LatLng::new(-33.8688, 151.2093), // Sydney
            LatLng::new(1.2, 70.0),          // west of the box
            LatLng::new(60.0, 100.0),        // north of the box
            LatLng::new(35.0, 140.0),        // east of 137.8347°E: Tokyo's longitude band
        ];
        for p in outside {
            assert!(!in_china(p), "{p:?}");
            assert_eq!(wgs84_to_gcj02(p), p);
            assert_eq!(gcj02_to_wgs84(p), p);
            assert_eq!(gcj02_to_bd09(p), p);
            assert_eq!(bd09_to_gcj02(p), p);
            assert_eq!(wgs84_to_bd09(p), p);
        }
        assert!(in_china(LatLng::new(30.35, 120.28)));
        // The box's edges are inclusive, as in eviltransform.
        assert!(in_china(LatLng::new(0.8293, 72.004)));
        assert!(in_china(LatLng::new(55.8271, 137.8347)));
    }

    #[test]
    fn gcj_inverse_round_trips_around_hangzhou() {
        for w in hangzhou_points() {
            let back = gcj02_to_wgs84(wgs84_to_gcj02(w));
            assert_near(back, w, 0.001);
            // And the other way: a GCJ-02 point taken off an Amap tile.
            let g = w;
            assert_near(wgs84_to_gcj02(gcj02_to_wgs84(g)), g, 0.001);
        }
        // The published pairs too, which are far from Hangzhou.
        let g = LatLng::new(31.17530398364597, 121.531541859215);
        assert_near(gcj02_to_wgs84(g), LatLng::new(31.1774276, 121.5272106), 0.5);
    }

    #[test]
    fn gcj_inverse_beats_the_one_step_approximation() {
        // Guards the iteration: a single step `g − Δ(g)` is off by about 0.6 m at Qiaosi, enough
        // to put a point on the wrong side of a lane's kerb.
        let w = LatLng::new(30.35, 120.28);
        let g = wgs84_to_gcj02(w);
        let (dlat, dlng) = gcj_delta(g);
        let one_step = LatLng::new(g.lat - dlat, g.lng - dlng);
        assert!(
            distance_m(one_step, w) > 0.05,
            "one-step {} m",
            distance_m(one_step, w)
        );
        assert_near(gcj02_to_wgs84(g), w, 0.001);
    }

    #[test]
    fn bd_round_trips_around_hangzhou() {
        for g in hangzhou_points() {
            assert_near(bd09_to_gcj02(gcj02_to_bd09(g)), g, 0.2);
            assert_near(bd09_to_wgs84(wgs84_to_bd09(g)), g, 0.2);
        }
    }
}
