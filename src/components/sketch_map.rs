//! A sketch map drawn as SVG from the pack alone: places, their uncertainty circles and the
//! routes, with no tiles and no network. It is what the map shows offline, and why each
//! approximate position is drawn as an area rather than a pin.

use leptos::prelude::*;
use qiaosi_core::content::{Pack, Precision};

const W: f64 = 400.0;
const H: f64 = 300.0;
const M_PER_DEG_LAT: f64 = 111_320.0;

/// Fits a set of WGS-84 points into the drawing with an equirectangular projection, which is
/// exact enough at town scale.
struct Frame {
    max_lat: f64,
    min_lng: f64,
    scale: f64,
    cos_lat: f64,
}

impl Frame {
    fn new(points: &[(f64, f64, f64)]) -> Frame {
        let (mut a, mut b, mut c, mut d) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(lat, lng, r_m) in points {
            let dlat = r_m / M_PER_DEG_LAT;
            let dlng = dlat / lat.to_radians().cos();
            a = a.min(lat - dlat);
            b = b.max(lat + dlat);
            c = c.min(lng - dlng);
            d = d.max(lng + dlng);
        }
        let cos_lat = ((a + b) / 2.0).to_radians().cos();
        let scale = (W / ((d - c) * cos_lat).max(1e-6)).min(H / (b - a).max(1e-6));
        Frame {
            max_lat: b,
            min_lng: c,
            scale,
            cos_lat,
        }
    }
    fn xy(&self, lat: f64, lng: f64) -> (f64, f64) {
        (
            (lng - self.min_lng) * self.cos_lat * self.scale,
            (self.max_lat - lat) * self.scale,
        )
    }
    fn metres(&self, m: f64) -> f64 {
        m / M_PER_DEG_LAT * self.scale
    }
}

/// A drawing coordinate as text. Whole units are sharp enough in a 400-unit-wide drawing, and
/// integer formatting keeps float-printing code out of the wasm.
fn px(v: f64) -> String {
    (v.round() as i32).to_string()
}

/// `route`: draw only this route and its stops; `None`: every place and route.
#[component]
pub fn SketchMap(
    pack: std::sync::Arc<Pack>,
    #[prop(optional)] route: Option<String>,
    label: String,
) -> impl IntoView {
    let routes: Vec<_> = pack
        .routes
        .iter()
        .filter(|r| route.as_ref().is_none_or(|id| &r.id == id))
        .collect();
    let places: Vec<_> = match &route {
        None => pack.places.iter().collect(),
        Some(_) => routes
            .iter()
            .flat_map(|r| {
                r.stops
                    .iter()
                    .filter_map(|s| s.place.as_deref().and_then(|id| pack.place(id)))
            })
            .collect(),
    };
    let radius = |p: &Precision| match p {
        Precision::Exact => 0.0,
        Precision::Approximate { radius_m } => f64::from(*radius_m),
    };
    let mut pts: Vec<(f64, f64, f64)> = places
        .iter()
        .map(|p| {
            (
                p.position.lat,
                p.position.lng,
                radius(&p.position.precision),
            )
        })
        .collect();
    pts.extend(
        routes
            .iter()
            .flat_map(|r| r.path.iter().map(|&[la, ln]| (la, ln, 0.0))),
    );
    if pts.is_empty() {
        return None;
    }
    let f = Frame::new(&pts);
    let lines = routes
        .iter()
        .map(|r| {
            let d = r
                .path
                .iter()
                .map(|&[la, ln]| {
                    let (x, y) = f.xy(la, ln);
                    format!("{},{}", px(x), px(y))
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline class="route-line" points=d/> }
        })
        .collect_view();
    // Several places known only as "somewhere in Qiaosi" share one point and radius: draw
    // that area once, or stacked translucent circles would look like a solid, certain blob.
    let mut areas: Vec<(f64, f64, f64)> = vec![];
    for p in &places {
        let a = (
            p.position.lat,
            p.position.lng,
            radius(&p.position.precision),
        );
        if a.2 > 0.0 && !areas.contains(&a) {
            areas.push(a);
        }
    }
    let areas = areas
        .into_iter()
        .map(|(lat, lng, r)| {
            let (x, y) = f.xy(lat, lng);
            view! { <circle class="approx-area" cx=px(x) cy=px(y) r=px(f.metres(r))/> }
        })
        .collect_view();
    let marks = places
        .iter()
        .map(|p| {
            let (x, y) = f.xy(p.position.lat, p.position.lng);
            view! { <circle class=format!("marker cat-{}", p.category) cx=px(x) cy=px(y) r="6"/> }
        })
        .collect_view();
    Some(view! {
        <svg class="sketch-map" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label
            preserveAspectRatio="xMidYMid meet">
            {areas}
            {lines}
            {marks}
        </svg>
    })
}
