//! Keystroke cost of place search over a 10,000-place pack, natively.
//!
//! `cargo run --release -p qiaosi-core --example search_bench`
//!
//! The target is the phone: p95 ≤ 16 ms per keystroke in wasm at 4× CPU throttle. This gives
//! the native figures to watch for regressions; it asserts nothing, as timings depend on the
//! machine.

use qiaosi_core::content::{Pack, Place};
use qiaosi_core::search::SearchIndex;
use std::time::Instant;

const SHIPPED: &str = include_str!("../../../public/content/pack.json");
const PLACES: usize = 10_000;
const ROUNDS: usize = 50;
const KEYSTROKES: [&str; 12] = [
    "t", "tu", "tus", "tush", "tushu", "tsg", "图", "图书", "24xs", "tushugun", "Lib", "library",
];

/// A small deterministic generator, so every run measures the same pack.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Pairs of (hanzi, syllable) from the shipped names and their usual readings.
fn syllables(pack: &Pack) -> Vec<(char, String)> {
    let mut out = Vec::new();
    for p in &pack.places {
        let Some(reading) = p.pinyin.first() else {
            continue;
        };
        let hanzi: Vec<char> = p.name.zh.chars().filter(|c| !c.is_ascii()).collect();
        let tokens: Vec<&str> = reading
            .split(' ')
            .filter(|t| t.starts_with(char::is_alphabetic))
            .collect();
        // Names with quotes or latin do not line up char for syllable; the rest do.
        if hanzi.len() == tokens.len() {
            for (h, t) in hanzi.into_iter().zip(tokens) {
                if !out.iter().any(|(c, _)| *c == h) {
                    out.push((h, t.to_string()));
                }
            }
        }
    }
    out
}

/// The shipped places, then made-up ones: names of 2–7 shipped hanzi with their syllables,
/// English names and tags and descriptions of a random shipped place.
fn synthetic(pack: &Pack) -> Pack {
    let vocab = syllables(pack);
    let words: Vec<&str> = pack
        .places
        .iter()
        .flat_map(|p| p.name.en.split(' '))
        .collect();
    let mut rng = Lcg(42);
    let mut big = pack.clone();
    while big.places.len() < PLACES {
        let mut p: Place = pack.places[rng.below(pack.places.len())].clone();
        let n = 2 + rng.below(6);
        let picks: Vec<&(char, String)> = (0..n).map(|_| &vocab[rng.below(vocab.len())]).collect();
        p.id = format!("place-{}", big.places.len());
        p.name.zh = picks.iter().map(|(c, _)| c).collect();
        p.pinyin = vec![picks
            .iter()
            .map(|(_, s)| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")];
        p.name.en = (0..1 + rng.below(4))
            .map(|_| words[rng.below(words.len())])
            .collect::<Vec<_>>()
            .join(" ");
        big.places.push(p);
    }
    big
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let pack = qiaosi_core::validate::load(SHIPPED).expect("the shipped pack is valid");
    let big = synthetic(&pack);
    let t = Instant::now();
    let index = SearchIndex::new(&big);
    let build = t.elapsed();
    println!(
        "{} places, index built in {:.1} ms",
        big.places.len(),
        build.as_secs_f64() * 1e3
    );
    let mut all = Vec::new();
    println!(
        "{:>10} {:>6} {:>9} {:>9} {:>9}",
        "keystroke", "hits", "p50 µs", "p95 µs", "max µs"
    );
    let mut per_key: Vec<Vec<f64>> = vec![Vec::new(); KEYSTROKES.len()];
    let mut hits = vec![0; KEYSTROKES.len()];
    // Rounds interleave the keystrokes as typing does, rather than repeating one query hot.
    for _ in 0..ROUNDS {
        for (k, q) in KEYSTROKES.iter().enumerate() {
            let t = Instant::now();
            let found = index.search(q);
            per_key[k].push(t.elapsed().as_secs_f64() * 1e6);
            hits[k] = std::hint::black_box(found).len();
        }
    }
    for (k, q) in KEYSTROKES.iter().enumerate() {
        let times = &mut per_key[k];
        times.sort_by(f64::total_cmp);
        all.extend_from_slice(times);
        println!(
            "{q:>10} {:>6} {:>9.0} {:>9.0} {:>9.0}",
            hits[k],
            percentile(times, 0.5),
            percentile(times, 0.95),
            times[times.len() - 1]
        );
    }
    all.sort_by(f64::total_cmp);
    println!(
        "{:>10} {:>6} {:>9.0} {:>9.0} {:>9.0}",
        "all",
        "",
        percentile(&all, 0.5),
        percentile(&all, 0.95),
        all[all.len() - 1]
    );
}
