//! Web Mercator, the projection of every slippy-map tile source: positions to "world"
//! coordinates, the tiles that cover a view, and the zoom that fits a set of points. The map
//! view (src/extras/map.rs) only turns these numbers into pixels.
//!
//! World coordinates are the unit square: x from 0 (180° W) to 1 (180° E), y from 0 (about
//! 85.05° N) to 1 (85.05° S). At zoom `z` the world is `TILE · 2^z` pixels wide.

use super::{datum, LatLng, EARTH_RADIUS_M};
use crate::content::Datum;
use std::f64::consts::PI;

/// Tile edge in CSS pixels.
pub const TILE: f64 = 256.0;
/// Web Mercator's latitude limit (where the world becomes square).
const MAX_LAT: f64 = 85.051_128_78;

/// A position in world coordinates.
pub fn world(p: LatLng) -> (f64, f64) {
    let lat = p.lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (p.lng + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0;
    (x, y)
}

/// The position at world coordinates (the inverse of [`world`]).
pub fn from_world(x: f64, y: f64) -> LatLng {
    let lng = x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    LatLng::new(lat, lng)
}

/// Pixels per metre on the ground at `lat` and zoom `z`.
pub fn px_per_metre(lat: f64, z: f64) -> f64 {
    TILE * z.exp2() / (2.0 * PI * EARTH_RADIUS_M * lat.to_radians().cos())
}

/// A WGS-84 position (GPS, the pack) in the datum the tiles are drawn in: Chinese tile
/// sources use GCJ-02, and a point left in WGS-84 on them lands a few hundred metres off.
pub fn in_tile_datum(p: LatLng, d: Datum) -> LatLng {
    match d {
        Datum::Wgs84 => p,
        Datum::Gcj02 => datum::wgs84_to_gcj02(p),
    }
}

/// The zoom at which `points` (world coordinates) fit in `w`×`h` pixels with `pad` pixels to
/// spare on each side, capped at `max_zoom`. One point, or none, gives `max_zoom`.
pub fn fit_zoom(points: &[(f64, f64)], w: f64, h: f64, pad: f64, max_zoom: f64) -> f64 {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let span = ((x1 - x0) / (w - 2.0 * pad).max(1.0)).max((y1 - y0) / (h - 2.0 * pad).max(1.0));
    // No points (the span is then negative) or one point (0): nothing to fit.
    if span.is_nan() || span <= 0.0 {
        return max_zoom;
    }
    // World width in pixels is TILE·2^z; the span must fit in one pixel per `span` world units.
    (1.0 / (span * TILE)).log2().clamp(0.0, max_zoom)
}

/// The view that shows all of `points` (world coordinates): the centre of their bounding box
/// and the zoom from [`fit_zoom`]. No points: the middle of the world.
pub fn fit(points: &[(f64, f64)], w: f64, h: f64, pad: f64, max_zoom: f64) -> ((f64, f64), f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in points {
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    let centre = if points.is_empty() {
        (0.5, 0.5)
    } else {
        ((x0 + x1) / 2.0, (y0 + y1) / 2.0)
    };
    (centre, fit_zoom(points, w, h, pad, max_zoom))
}

/// The tiles (x, y at zoom level `z`) that cover a `w`×`h` view centred on `center` at zoom
/// `zoom` (drawn from level `z`, scaled), row by row from the top left. Tiles past the poles are
/// left out; across the antimeridian x wraps.
pub fn tiles_in_view(center: (f64, f64), zoom: f64, z: u8, w: f64, h: f64) -> Vec<(u32, u32)> {
    let n = 2f64.powi(i32::from(z));
    let px = TILE * zoom.exp2(); // world width at the view's zoom
    let (cx, cy) = (center.0 * n, center.1 * n); // in tiles of level z
    let (hw, hh) = (w / 2.0 / px * n, h / 2.0 / px * n);
    let (tx0, tx1) = ((cx - hw).floor() as i64, (cx + hw).floor() as i64);
    let (ty0, ty1) = (
        (cy - hh).floor().max(0.0) as i64,
        (cy + hh).floor().min(n - 1.0) as i64,
    );
    let mut out = vec![];
    for ty in ty0..=ty1 {
        for tx in tx0..=tx1 {
            out.push((tx.rem_euclid(n as i64) as u32, ty as u32));
        }
    }
    out
}

/// A tile's URL from a `{z}/{x}/{y}` template (`{s}`, where a source still uses subdomains,
/// becomes `a`).
pub fn tile_url(template: &str, z: u8, x: u32, y: u32) -> String {
    template
        .replace("{z}", &z.to_string())
        .replace("{x}", &x.to_string())
        .replace("{y}", &y.to_string())
        .replace("{s}", "a")
}

#[cfg(test)]
mod tests {
    use super::*;

    const QIAOSI: LatLng = LatLng::new(30.345, 120.285);

    #[test]
    fn world_coordinates_round_trip_and_match_known_tiles() {
        let (x, y) = world(QIAOSI);
        let back = from_world(x, y);
        assert!((back.lat - QIAOSI.lat).abs() < 1e-9 && (back.lng - QIAOSI.lng).abs() < 1e-9);
        // The OSM tile of this spot at zoom 15 (the wiki formula with asinh(tan), computed apart).
        let n = 2f64.powi(15);
        assert_eq!(((x * n) as u32, (y * n) as u32), (27332, 13482));
        assert_eq!(world(LatLng::new(0.0, 0.0)), (0.5, 0.5));
    }

    #[test]
    fn scale_matches_the_ground() {
        // At zoom 0 on the equator the 256-px world is the whole circumference.
        let m = 2.0 * PI * EARTH_RADIUS_M;
        assert!((px_per_metre(0.0, 0.0) * m - 256.0).abs() < 1e-9);
        // Each zoom level doubles it; higher latitudes stretch it by 1/cos.
        assert!((px_per_metre(0.0, 1.0) / px_per_metre(0.0, 0.0) - 2.0).abs() < 1e-12);
        assert!((px_per_metre(60.0, 0.0) / px_per_metre(0.0, 0.0) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn gcj_tiles_move_points_by_the_datum_offset_and_wgs_tiles_do_not() {
        assert_eq!(in_tile_datum(QIAOSI, Datum::Wgs84), QIAOSI);
        let g = in_tile_datum(QIAOSI, Datum::Gcj02);
        let off = super::super::distance_m(QIAOSI, g);
        assert!((300.0..700.0).contains(&off), "offset {off} m");
    }

    #[test]
    fn fit_zoom_fits_and_caps() {
        let a = world(LatLng::new(30.33, 120.27));
        let b = world(LatLng::new(30.36, 120.30));
        let z = fit_zoom(&[a, b], 400.0, 300.0, 20.0, 19.0);
        let px = TILE * z.exp2();
        // The wider side just fits inside the padded view.
        let span = ((b.0 - a.0) * px).max((a.1 - b.1) * px);
        assert!(
            span <= 360.0 + 1e-6 && span > 250.0,
            "span {span} at zoom {z}"
        );
        assert_eq!(fit_zoom(&[a], 400.0, 300.0, 20.0, 17.0), 17.0);
        let ((cx, cy), fz) = fit(&[a, b], 400.0, 300.0, 20.0, 19.0);
        assert_eq!(((cx, cy), fz), (((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0), z));
        assert_eq!(fit(&[], 400.0, 300.0, 20.0, 17.0).0, (0.5, 0.5));
        assert_eq!(fit_zoom(&[], 400.0, 300.0, 20.0, 17.0), 17.0);
    }

    #[test]
    fn the_tiles_in_view_cover_it_and_wrap() {
        let c = world(QIAOSI);
        let t = tiles_in_view(c, 15.0, 15, 412.0, 300.0);
        // 412 px wide needs 2–3 columns, 300 px high 2–3 rows, and the centre tile is there.
        assert!((4..=9).contains(&t.len()), "{t:?}");
        assert!(t.contains(&(27332, 13482)));
        // Scaled up from a lower level, fewer tiles cover the same view.
        assert!(tiles_in_view(c, 15.0, 14, 412.0, 300.0).len() < t.len());
        // At the antimeridian x wraps round; rows stop at the poles.
        let edge = tiles_in_view((0.0, 0.0), 2.0, 2, 256.0, 256.0);
        assert!(edge.contains(&(3, 0)) && edge.contains(&(0, 0)));
        assert!(edge.iter().all(|&(_, y)| y < 4));
        assert_eq!(
            tile_url("https://t.example/{z}/{x}/{y}.png", 3, 6, 2),
            "https://t.example/3/6/2.png"
        );
    }
}
