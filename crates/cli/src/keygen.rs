//! `qiaosi keygen [--id ID] [FILE]`: a new check-in signing key.
//!
//! The secret goes to a file only its owner can read (`<id>.key` by default, never
//! overwritten); the public half is printed as the JSON to paste into the pack's
//! `checkin.keys`. Whoever holds the file can print codes the app accepts, so it belongs on the
//! organisers' machine, not in the repository.

use crate::args::{fail, Args};
use qiaosi_core::checkin::{public_text, secret_from_text, secret_text, SecretKey, MAX_KEY_ID};
use rand_core::OsRng;
use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi keygen [--id ID] [FILE]";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["id"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let id = a.get("id").unwrap_or("k1");
    if let Err(e) = check_id(id) {
        return fail(&e);
    }
    let path = match a.positional.as_slice() {
        [] => format!("{id}.key"),
        [p] => p.to_string(),
        _ => return fail(&format!("usage: {USAGE}")),
    };
    let key = SecretKey::generate(&mut OsRng);
    match write(&path, id, &key) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return fail(&format!(
                "{path} already exists; keys are never overwritten (codes signed with it would                  stop working). Choose another --id or file."
            ))
        }
        Err(e) => return fail(&format!("{path}: {e}")),
    }
    let public = public_text(&key.verifying_key());
    eprintln!("wrote the secret key to {path} (readable by you only); keep it off the repository.");
    eprintln!("add this to \"checkin\".\"keys\" in the pack:");
    println!("{}", serde_json::json!({ "id": id, "public": public }));
    ExitCode::SUCCESS
}

/// Key ids follow the pack's id rule and fit the token's 16 bytes; short ones (`k1`) keep the
/// printed URL short.
fn check_id(id: &str) -> Result<(), String> {
    let ok = (1..=MAX_KEY_ID).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "key id \"{id}\" must be 1–{MAX_KEY_ID} of a-z, 0-9 and -"
        ))
    }
}

fn write(path: &str, id: &str, key: &SecretKey) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    // `create_new`: an existing key is never replaced, since every poster signed with it would
    // stop scanning the moment the pack lost its public half.
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    writeln!(
        f,
        "# Qiaosi Guide check-in signing key. Secret: anyone holding it can print valid codes."
    )?;
    writeln!(f, "id={id}")?;
    writeln!(f, "secret={}", secret_text(key))?;
    f.sync_all()
}

/// Reads a key file written by `keygen`: its id and the secret key.
pub fn read(path: &str) -> Result<(String, SecretKey), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name)?.strip_prefix('='))
            .map(str::trim)
    };
    let bad = || format!("{path}: not a key file from `qiaosi keygen`");
    let id = field("id").ok_or_else(bad)?;
    check_id(id).map_err(|e| format!("{path}: {e}"))?;
    let key = field("secret").and_then(secret_from_text).ok_or_else(bad)?;
    Ok((id.to_string(), key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_follow_the_pack_rule() {
        assert!(check_id("k1").is_ok());
        assert!(check_id("2025-tide").is_ok());
        for bad in ["", "K1", "k 1", "k_1", "a-very-long-key-id"] {
            assert!(check_id(bad).is_err(), "{bad}");
        }
    }
}
