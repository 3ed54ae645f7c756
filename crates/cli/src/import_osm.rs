//! `qiaosi import-osm <overpass.json> --into <pack.json> --out <new.json> [--version V]
//! [--today YYYY-MM-DD]`: brings an Overpass API JSON export into a pack.
//!
//! The export is what <https://overpass-turbo.eu> gives for a query ending in
//! `out meta center;` (versions and dates need `meta`, ways and relations need `center`).
//! Which objects become places, how they are matched to the pack's, and what is never
//! overwritten are `qiaosi_core::osm`'s rules. Every imported place cites its OSM object with
//! basis `osm`; the app shows "© OpenStreetMap contributors, ODbL" with such sources.
//!
//! Prints the diff (conflicts, where a surveyed or official value was kept over OSM's, as
//! `! field: kept …`), the values left out (opening hours the guide cannot read, phone numbers
//! that are not one) and the objects skipped, then writes the pack with pinyin keys for the new
//! names. `meta.version` becomes `--version`, or `<old>+osm-<date of the OSM data>`. A pack
//! that would not validate is refused (exit 1, nothing written).

use crate::args::{fail, load_pack, Args};
use crate::merge::{finish, refuse};
use qiaosi_core::osm;
use qiaosi_core::patch::Change;
use qiaosi_core::time::Date;
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi import-osm <overpass.json> --into <pack.json> --out <new.json> \
[--version V] [--today YYYY-MM-DD]";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["into", "out", "version", "today"]) {
        Ok(a) => a,
        Err(e) => return fail(&format!("{e}\nusage: {USAGE}")),
    };
    let (export_path, into, out) = match (a.positional.as_slice(), a.get("into"), a.get("out")) {
        ([export], Some(into), Some(out)) => (*export, into, out),
        _ => return fail(&format!("usage: {USAGE}")),
    };
    let today = match a.get("today").map(|d| Date::parse(d).ok_or(d)).transpose() {
        Ok(d) => d.unwrap_or_else(crate::today),
        Err(d) => return fail(&format!("--today: \"{d}\" is not a date (YYYY-MM-DD)")),
    };
    let pack = match load_pack(into) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let text = match std::fs::read_to_string(export_path) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{export_path}: cannot read: {e}")),
    };
    let export = match osm::parse(&text) {
        Ok(x) => x,
        Err(problem) => {
            return refuse(&format!(
                "{export_path}: not an Overpass JSON export:\n  {problem}"
            ))
        }
    };
    let mut imported = osm::import(&pack, &export);
    // The day of the OSM data, as Overpass states it.
    let data_day = export
        .osm3s
        .as_ref()
        .and_then(|m| m.timestamp_osm_base.as_deref())
        .and_then(|t| t.get(..10))
        .and_then(Date::parse)
        .unwrap_or(today);
    imported.pack.meta.version = a.get("version").map_or_else(
        || format!("{}+osm-{data_day}", pack.meta.version),
        str::to_string,
    );
    let mut changes = vec![Change::version(
        &pack.meta.version,
        &imported.pack.meta.version,
    )];
    changes.extend(imported.changes);
    println!(
        "{export_path}: {} object(s), OpenStreetMap data of {data_day} (© OpenStreetMap contributors, ODbL)",
        export.elements.len()
    );
    match finish(imported.pack, &changes, out, today) {
        Ok(summary) => {
            for n in &imported.notes {
                println!("{export_path}: {n}");
            }
            println!(
                "{summary}: {} new place(s), {} updated, {} conflict(s) where the pack's value was kept",
                imported.added, imported.updated, imported.conflicts
            );
            ExitCode::SUCCESS
        }
        Err(e) => refuse(&e),
    }
}
