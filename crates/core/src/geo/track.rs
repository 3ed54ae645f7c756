//! What a surveyor's phone records on the street, turned into content: a door's position from
//! many noisy fixes, and a walked route's line from a noisy track.
//!
//! Phone fixes come with the radius the phone itself claims (`accuracy`, metres, 68 %). A
//! position is their accuracy-weighted mean (weight 1/σ², the least-squares estimate for
//! independent errors), and its precision the combined radius. A track is cleaned (fixes worse
//! than [`TRACK_MAX_ACCURACY_M`] dropped, spikes a walker could not have made removed) and then
//! simplified with Douglas–Peucker so that the line stays within [`SIMPLIFY_TOLERANCE_M`] of the
//! cleaned track.

use super::{distance_m, LatLng};

/// One fix from the phone: where, how sure, when (seconds on any monotonic clock).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fix {
    pub at: LatLng,
    pub accuracy_m: f64,
    pub t_s: f64,
}

/// Fixes this good or better count as "good" for recording a door.
pub const GOOD_ACCURACY_M: f64 = 10.0;
/// How long the fixes must stay good before the position is taken on its own.
pub const GOOD_FOR_S: f64 = 5.0;
/// A track fix worse than this says little about which side of a street the walker was on.
pub const TRACK_MAX_ACCURACY_M: f64 = 25.0;
/// Faster than this between two fixes is a GPS jump, not a walker (a brisk run is 4 m/s).
pub const MAX_WALK_SPEED_MPS: f64 = 6.0;
/// The simplified line stays this close to the cleaned track.
pub const SIMPLIFY_TOLERANCE_M: f64 = 5.0;

/// A recorded position: the weighted mean and its radius.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Averaged {
    pub at: LatLng,
    pub radius_m: f64,
    pub fixes: usize,
}

/// The accuracy-weighted mean of `fixes` (those with a usable accuracy). Its radius is the
/// combined 1σ of the mean, but never below the best single fix's: many fixes from one phone
/// share its systematic error (a multipath reflection off the same wall), which averaging does
/// not remove.
pub fn average(fixes: &[Fix]) -> Option<Averaged> {
    let usable: Vec<&Fix> = fixes
        .iter()
        .filter(|f| f.accuracy_m.is_finite() && f.accuracy_m > 0.0 && f.at.is_valid())
        .collect();
    if usable.is_empty() {
        return None;
    }
    let (mut w, mut lat, mut lng) = (0.0, 0.0, 0.0);
    for f in &usable {
        let wi = 1.0 / (f.accuracy_m * f.accuracy_m);
        w += wi;
        lat += wi * f.at.lat;
        lng += wi * f.at.lng;
    }
    let best = usable
        .iter()
        .map(|f| f.accuracy_m)
        .fold(f64::INFINITY, f64::min);
    Some(Averaged {
        at: LatLng::new(lat / w, lng / w),
        radius_m: (1.0 / w.sqrt()).max(best.min(GOOD_ACCURACY_M)),
        fixes: usable.len(),
    })
}

/// Whether the fixes so far have been good (≤ [`GOOD_ACCURACY_M`]) for the last
/// [`GOOD_FOR_S`] seconds without a break: the recording can stop on its own.
pub fn settled(fixes: &[Fix]) -> bool {
    let Some(last) = fixes.last() else {
        return false;
    };
    let mut since = last.t_s;
    for f in fixes.iter().rev() {
        if f.accuracy_m > GOOD_ACCURACY_M {
            break;
        }
        since = f.t_s;
    }
    last.accuracy_m <= GOOD_ACCURACY_M && last.t_s - since >= GOOD_FOR_S
}

/// The position to store once the surveyor stops: only the good fixes when there are any (a
/// settled recording), otherwise everything (the surveyor accepted a worse one).
pub fn door(fixes: &[Fix]) -> Option<Averaged> {
    let good: Vec<Fix> = fixes
        .iter()
        .copied()
        .filter(|f| f.accuracy_m <= GOOD_ACCURACY_M)
        .collect();
    if good.is_empty() {
        average(fixes)
    } else {
        average(&good)
    }
}

/// Drops fixes worse than [`TRACK_MAX_ACCURACY_M`] and spikes: a fix that could only be reached
/// from the last kept one faster than [`MAX_WALK_SPEED_MPS`] is a jump, not a step.
pub fn clean(track: &[Fix]) -> Vec<Fix> {
    let mut kept: Vec<Fix> = Vec::with_capacity(track.len());
    for &f in track {
        // NaN accuracy (a phone that did not say) counts as poor.
        let good = f.accuracy_m.is_finite() && f.accuracy_m <= TRACK_MAX_ACCURACY_M;
        if !good || !f.at.is_valid() {
            continue;
        }
        if let Some(prev) = kept.last() {
            let dt = f.t_s - prev.t_s;
            if dt <= 0.0 {
                continue;
            }
            // The fixes' own uncertainty is allowed for: two 20 m fixes a second apart may
            // sit 40 m apart without anyone running.
            let slack = f.accuracy_m + prev.accuracy_m;
            if distance_m(prev.at, f.at) - slack > MAX_WALK_SPEED_MPS * dt {
                continue;
            }
        }
        kept.push(f);
    }
    kept
}

/// Distance from `p` to the segment `a`–`b`, metres (local flat projection: segments of a
/// walk are short).
pub fn segment_distance_m(p: LatLng, a: LatLng, b: LatLng) -> f64 {
    let k = 111_320.0;
    let c = (a.lat.to_radians()).cos();
    let (px, py) = ((p.lng - a.lng) * k * c, (p.lat - a.lat) * k);
    let (bx, by) = ((b.lng - a.lng) * k * c, (b.lat - a.lat) * k);
    let len2 = bx * bx + by * by;
    let t = if len2 == 0.0 {
        0.0
    } else {
        ((px * bx + py * by) / len2).clamp(0.0, 1.0)
    };
    ((px - t * bx).powi(2) + (py - t * by).powi(2)).sqrt()
}

/// Douglas–Peucker: the fewest points whose line stays within `tolerance_m` of `line`.
pub fn simplify(line: &[LatLng], tolerance_m: f64) -> Vec<LatLng> {
    if line.len() < 3 {
        return line.to_vec();
    }
    let mut keep = vec![false; line.len()];
    keep[0] = true;
    keep[line.len() - 1] = true;
    // An explicit stack: a long walk must not recurse thousands deep.
    let mut stack = vec![(0, line.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let (mut far, mut far_d) = (a, 0.0);
        for i in a + 1..b {
            let d = segment_distance_m(line[i], line[a], line[b]);
            if d > far_d {
                (far, far_d) = (i, d);
            }
        }
        if far_d > tolerance_m {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
    line.iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// A walked track as a route line: cleaned, then simplified to [`SIMPLIFY_TOLERANCE_M`].
pub fn route_line(track: &[Fix]) -> Vec<LatLng> {
    let cleaned: Vec<LatLng> = clean(track).iter().map(|f| f.at).collect();
    simplify(&cleaned, SIMPLIFY_TOLERANCE_M)
}

/// How closely a line made from `track` follows the real path: the cleaned fixes' typical
/// accuracy plus the simplification tolerance, rounded up to 5 m.
pub fn line_precision_m(track: &[Fix]) -> u32 {
    let c = clean(track);
    if c.is_empty() {
        return 0;
    }
    let mut acc: Vec<f64> = c.iter().map(|f| f.accuracy_m).collect();
    acc.sort_by(f64::total_cmp);
    let median = acc[acc.len() / 2];
    let m = (median + SIMPLIFY_TOLERANCE_M).ceil() as u32;
    m.div_ceil(5) * 5
}

#[cfg(test)]
mod tests;
