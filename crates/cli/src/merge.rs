//! `qiaosi merge <pack.json> <patch.json> --out <new.json> [--version V] [--today YYYY-MM-DD]`:
//! applies a survey patch from the app's survey mode to a pack.
//!
//! The rules are `qiaosi_core::patch::merge`'s: a patch made against an older pack applies only
//! where nothing it touches changed since, and the result must pass the app's own validation.
//! On success the diff is printed place by place and route by route (`field: old → new`) and
//! the merged pack written to `--out`, its pinyin keys refreshed and its `meta.version` set to
//! `--version`, or `<old>+patch-<made>`. On any refusal (a malformed patch, a conflict, a
//! merged pack the app would refuse, a source dated after today) the reasons are printed, the
//! exit status is 1 and nothing is written.

use crate::args::{fail, load_pack, Args};
use crate::pinyin_keys;
use qiaosi_core::content::Pack;
use qiaosi_core::patch::{self, Change};
use qiaosi_core::time::Date;
use std::process::ExitCode;

pub const USAGE: &str =
    "qiaosi merge <pack.json> <patch.json> --out <new.json> [--version V] [--today YYYY-MM-DD]";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["out", "version", "today"]) {
        Ok(a) => a,
        Err(e) => return fail(&format!("{e}\nusage: {USAGE}")),
    };
    let (pack_path, patch_path, out) = match (a.positional.as_slice(), a.get("out")) {
        ([pack, patch], Some(out)) => (*pack, *patch, out),
        _ => return fail(&format!("usage: {USAGE}")),
    };
    let today = match a.get("today").map(|d| Date::parse(d).ok_or(d)).transpose() {
        Ok(d) => d.unwrap_or_else(crate::today),
        Err(d) => return fail(&format!("--today: \"{d}\" is not a date (YYYY-MM-DD)")),
    };
    let pack = match load_pack(pack_path) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    let text = match std::fs::read_to_string(patch_path) {
        Ok(t) => t,
        Err(e) => return fail(&format!("{patch_path}: cannot read: {e}")),
    };
    let patch = match patch::parse(&text) {
        Ok(p) => p,
        Err(problem) => {
            return refuse(&format!("{patch_path}: not a valid patch:\n  {problem}"));
        }
    };
    let (merged, changes) = match patch::merge_as(&pack, &patch, a.get("version")) {
        Ok(m) => m,
        Err(refusal) => return refuse(&format!("{patch_path}: {refusal}")),
    };
    println!(
        "{patch_path}: survey by {} on {}, made against pack {}",
        patch.surveyor, patch.made, patch.base
    );
    match finish(merged, &changes, out, today) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => refuse(&e),
    }
}

/// A refusal: said on stderr, exit status 1, nothing written.
pub fn refuse(msg: &str) -> ExitCode {
    eprintln!("{msg}\nqiaosi: refused; nothing written");
    ExitCode::FAILURE
}

/// Prints the changes, refreshes the pinyin keys, runs the checks `qiaosi validate` runs and
/// writes the pack to `out`. Returns the line that says what was written.
pub fn finish(
    mut pack: Pack,
    changes: &[Change],
    out: &str,
    today: Date,
) -> Result<String, String> {
    let refreshed = pinyin_keys::fill(&mut pack);
    let mut problems = qiaosi_core::validate::validate(&pack);
    problems.extend(qiaosi_core::validate::dated_after(&pack, today));
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        return Err(format!(
            "the new pack would not validate:\n{}",
            lines.join("\n")
        ));
    }
    for c in changes {
        println!("{c}");
    }
    if !refreshed.is_empty() {
        println!("pinyin keys written for: {}", refreshed.join(", "));
    }
    let mut json = pinyin_keys::to_json(&pack);
    json.push('\n');
    pinyin_keys::write(out, &json)?;
    Ok(format!("wrote {out} (version {})", pack.meta.version))
}
