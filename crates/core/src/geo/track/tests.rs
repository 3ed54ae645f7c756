use super::*;

/// A small deterministic noise source (no dependency): uniform in -1..1.
struct Noise(u64);
impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// `m` metres north and east of `p`.
fn offset(p: LatLng, north: f64, east: f64) -> LatLng {
    LatLng::new(
        p.lat + north / 111_320.0,
        p.lng + east / (111_320.0 * p.lat.to_radians().cos()),
    )
}

const DOOR: LatLng = LatLng {
    lat: 30.34417,
    lng: 120.28361,
};

#[test]
fn a_door_from_jittered_fixes_is_near_the_truth_and_says_how_near() {
    let mut n = Noise(7);
    // Ten good fixes (±8 m) and five poor ones (±60 m) scattered widely.
    let mut fixes = vec![];
    for i in 0..15 {
        let (acc, spread) = if i % 3 == 0 { (60.0, 60.0) } else { (8.0, 8.0) };
        fixes.push(Fix {
            at: offset(DOOR, n.next() * spread, n.next() * spread),
            accuracy_m: acc,
            t_s: f64::from(i),
        });
    }
    let all = average(&fixes).unwrap();
    assert_eq!(all.fixes, 15);
    assert!(
        distance_m(all.at, DOOR) < 8.0,
        "{}",
        distance_m(all.at, DOOR)
    );
    // The poor fixes barely move a weighted mean: an unweighted one lands further away.
    let plain = LatLng::new(
        fixes.iter().map(|f| f.at.lat).sum::<f64>() / 15.0,
        fixes.iter().map(|f| f.at.lng).sum::<f64>() / 15.0,
    );
    assert!(distance_m(all.at, DOOR) < distance_m(plain, DOOR));
    let d = door(&fixes).unwrap();
    assert_eq!(d.fixes, 10, "only the good fixes make the door");
    assert!(d.radius_m >= 2.5 && d.radius_m <= 10.0, "{}", d.radius_m);

    // Only poor fixes (the surveyor accepted a worse one): a radius that says so.
    let poor: Vec<Fix> = fixes
        .iter()
        .copied()
        .filter(|f| f.accuracy_m > 10.0)
        .collect();
    let p = door(&poor).unwrap();
    assert!(p.radius_m >= 10.0, "{}", p.radius_m);
    assert!(average(&[]).is_none());
}

#[test]
fn recording_settles_after_five_seconds_of_good_fixes() {
    let f = |t: f64, acc: f64| Fix {
        at: DOOR,
        accuracy_m: acc,
        t_s: t,
    };
    assert!(!settled(&[]));
    assert!(!settled(&[f(0.0, 30.0), f(1.0, 8.0), f(4.0, 8.0)]));
    assert!(settled(&[f(0.0, 30.0), f(1.0, 8.0), f(6.0, 8.0)]));
    // A bad fix in between starts the count again.
    assert!(!settled(&[
        f(0.0, 8.0),
        f(3.0, 40.0),
        f(6.0, 8.0),
        f(8.0, 9.0)
    ]));
    assert!(!settled(&[f(0.0, 8.0), f(9.0, 12.0)]));
}

/// A walk east along a street, 1.2 m/s, one fix a second, with noise, poor fixes and spikes.
fn noisy_walk() -> (Vec<LatLng>, Vec<Fix>) {
    let mut n = Noise(42);
    let truth: Vec<LatLng> = (0..=300)
        .map(|i| {
            let e = f64::from(i) * 1.2;
            // A bend after 200 m: north for the rest.
            if e <= 200.0 {
                offset(DOOR, 0.0, e)
            } else {
                offset(DOOR, e - 200.0, 200.0)
            }
        })
        .collect();
    let track = truth
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let t = i as f64;
            if i % 37 == 0 && i > 0 {
                // A jump of 150 m off the street and back.
                Fix {
                    at: offset(p, 150.0, 0.0),
                    accuracy_m: 12.0,
                    t_s: t,
                }
            } else if i % 11 == 0 {
                Fix {
                    at: offset(p, n.next() * 80.0, n.next() * 80.0),
                    accuracy_m: 65.0,
                    t_s: t,
                }
            } else {
                Fix {
                    at: offset(p, n.next() * 3.0, n.next() * 3.0),
                    accuracy_m: 6.0,
                    t_s: t,
                }
            }
        })
        .collect();
    (truth, track)
}

#[test]
fn cleaning_drops_poor_fixes_and_spikes_but_keeps_the_walk() {
    let (truth, track) = noisy_walk();
    let cleaned = clean(&track);
    assert!(cleaned.iter().all(|f| f.accuracy_m <= TRACK_MAX_ACCURACY_M));
    assert!(cleaned.len() > track.len() * 3 / 4, "{}", cleaned.len());
    for f in &cleaned {
        let near = truth
            .windows(2)
            .map(|w| segment_distance_m(f.at, w[0], w[1]))
            .fold(f64::INFINITY, f64::min);
        assert!(near < 10.0, "a spike survived: {near} m off");
    }
}

#[test]
fn the_simplified_line_stays_within_its_tolerance_of_the_cleaned_track() {
    let (truth, track) = noisy_walk();
    let cleaned: Vec<LatLng> = clean(&track).iter().map(|f| f.at).collect();
    let line = route_line(&track);
    assert!(
        line.len() >= 3 && line.len() < cleaned.len() / 4,
        "{}",
        line.len()
    );
    assert_eq!(line.first(), cleaned.first());
    assert_eq!(line.last(), cleaned.last());
    for p in &cleaned {
        let d = line
            .windows(2)
            .map(|w| segment_distance_m(*p, w[0], w[1]))
            .fold(f64::INFINITY, f64::min);
        assert!(d <= SIMPLIFY_TOLERANCE_M + 1e-9, "{d} m from the line");
    }
    // The bend is kept: some point of the line lies near the true corner.
    let corner = truth[166];
    assert!(line.iter().any(|p| distance_m(*p, corner) < 12.0));
    let precision = line_precision_m(&track);
    assert_eq!(precision % 5, 0);
    assert!((10..=20).contains(&precision), "{precision}");
}

#[test]
fn simplify_keeps_short_lines_and_straight_lines_become_two_points() {
    let a = DOOR;
    let b = offset(DOOR, 0.0, 100.0);
    assert_eq!(simplify(&[a, b], 5.0), vec![a, b]);
    let straight: Vec<LatLng> = (0..=10)
        .map(|i| offset(DOOR, 0.0, f64::from(i) * 10.0))
        .collect();
    assert_eq!(simplify(&straight, 1.0), vec![straight[0], straight[10]]);
    assert!(clean(&[]).is_empty());
    assert_eq!(line_precision_m(&[]), 0);
}
