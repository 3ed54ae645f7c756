//! `qiaosi desk-key`: a desk pass for one staff phone at one check-in point (动态打卡码).
//!
//! The pass holds a device key made here and a certificate for it, signed by a pack key, for
//! one point and one window. The staff phone opens the pass's link (`<staff host>/desk#<pass>`
//! `@<host>`: after `#`, so no server sees it; `--host` is the visitors' guide, where the desk's
//! codes point, `--staff-host` the staff build's address, by default the pack's `checkin.staff`) or loads the file on `/desk`; it keeps the device key in
//! its own IndexedDB, non-extractable, and shows a QR code that changes every 30 s. The pass
//! is a secret like a key file: written 0600, never over an existing file, and not inside a
//! git work tree unless `--force`.

use crate::args::{fail, from_time, load_pack, show, until_time, Args};
use crate::issue::{check_length, host};
use crate::keygen;
use qiaosi_core::checkin::{self, desk, public_text};
use rand_core::{OsRng, RngCore};
use std::path::Path;
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi desk-key --key FILE --point ID --from YYYY-MM-DD[THH:MM] \
--until YYYY-MM-DD[THH:MM] --pack pack.json --out FILE [--host https://GUIDE \
[--staff-host https://STAFF]] [--long] [--force]";

pub fn run(argv: &[&str]) -> ExitCode {
    let known = [
        "key",
        "point",
        "from",
        "until",
        "host",
        "staff-host",
        "pack",
        "out",
    ];
    match Args::parse_with_switches(argv, &known, &["long", "force"]).and_then(|a| make(&a)) {
        Ok(msg) => {
            eprintln!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn make(a: &Args) -> Result<String, String> {
    if !a.positional.is_empty() {
        return Err(format!("usage: {USAGE}"));
    }
    let pack = load_pack(a.need("pack")?)?;
    let out = Path::new(a.need("out")?);
    if let (Some(tree), false) = (keygen::git_work_tree(out), a.has("force")) {
        return Err(format!(
            "{} is inside the git work tree {}: a desk pass is a secret (whoever has it can \
             show valid desk codes). Write it elsewhere, or pass --force.",
            out.display(),
            tree.display()
        ));
    }
    let (key_id, key) = keygen::read(a.need("key")?)?;
    let point_id = a.need("point")?;
    let from = from_time(a.need("from")?)?;
    let until = until_time(a.need("until")?)?;
    check_length(from, until, a.has("long"))?;
    if !pack.checkin.points.iter().any(|p| p.id == point_id) {
        return Err(format!("the pack has no check-in point \"{point_id}\""));
    }
    if !pack
        .checkin
        .keys
        .iter()
        .any(|k| k.id == key_id && k.public == public_text(&key.verifying_key()))
    {
        return Err(format!(
            "the pack does not list this file's key as \"{key_id}\": the app would refuse its codes"
        ));
    }
    let mut seed = [0u8; 32];
    OsRng.fill_bytes(&mut seed);
    let pass = checkin::desk_pass(&key, &key_id, point_id, (from, until), seed)
        .map_err(|e| e.to_string())?;
    // The app's own check of a code from it, at the first minute of the window.
    let first = from.to_unix_s();
    let code = checkin::desk_code(&pass, desk::step_at(first)).ok_or("desk pass unreadable")?;
    checkin::verify(
        &code,
        &pack.checkin.keys,
        &pack.checkin.points,
        &pack.checkin.revoked_codes,
        first,
    )
    .map_err(|r| format!("a code from the new pass does not verify against the pack: {r}"))?;
    let text = match a.get("host").map(|_| host(a)).transpose()? {
        Some(guide) => {
            // The staff guide: as given, else as the pack names it, else the visitors' guide.
            let staff = a
                .get("staff-host")
                .or(pack.checkin.staff.as_deref())
                .unwrap_or(&guide)
                .trim_end_matches('/');
            if !checkin::host_ok(staff) {
                return Err(format!("staff host \"{staff}\" must start with https://"));
            }
            format!("{staff}/desk#{pass}@{guide}")
        }
        None if a.get("staff-host").is_some() => return Err("--staff-host goes with --host".into()),
        None => pass,
    };
    keygen::write_secret(out, &format!("{text}\n"))
        .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
    Ok(format!(
        "desk pass for point {point_id}, key {key_id}, valid {} until {} (Asia/Shanghai), \
         written to {}. Open it on the staff phone (/desk), then delete this file.",
        show(from),
        show(until),
        out.display()
    ))
}
