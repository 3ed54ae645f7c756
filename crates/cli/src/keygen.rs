//! `qiaosi keygen [--id ID] [--force] [FILE]`: a new check-in signing key.
//!
//! The secret goes to a file only its owner can read, never overwritten; the public half is
//! printed as the JSON to paste into the pack's `checkin.keys`. Whoever holds the file can
//! print codes the app accepts, so by default it goes to the user's config folder
//! (`$XDG_CONFIG_HOME/qiaosi/<id>.key`, else `~/.config/qiaosi/<id>.key`), and a FILE inside a
//! git work tree is refused without `--force`: one `git add .` would publish it.

use crate::args::{fail, Args};
use qiaosi_core::checkin::{public_text, secret_from_text, secret_text, SecretKey, MAX_KEY_ID};
use rand_core::OsRng;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi keygen [--id ID] [--force] [FILE]";

pub fn run(argv: &[&str]) -> ExitCode {
    let a = match Args::parse_with_switches(argv, &["id"], &["force"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let id = a.get("id").unwrap_or("k1");
    if let Err(e) = check_id(id) {
        return fail(&e);
    }
    let (path, default) = match a.positional.as_slice() {
        [] => match config_dir() {
            Ok(dir) => (dir.join(format!("{id}.key")), true),
            Err(e) => return fail(&e),
        },
        [p] => (PathBuf::from(p), false),
        _ => return fail(&format!("usage: {USAGE}")),
    };
    let shown = path.display();
    if !a.has("force") {
        if let Some(root) = git_work_tree(&path) {
            let instead = if default {
                "Give a FILE outside it"
            } else {
                "Leave out FILE to write it to your config folder"
            };
            return fail(&format!(
                "{shown} is inside the git work tree {}: one `git add` would publish a key that \
                 signs valid check-in codes. {instead}, or pass --force if this folder is never \
                 committed.",
                root.display()
            ));
        }
    }
    if default {
        if let Err(e) = path.parent().map_or(Ok(()), make_private_dir) {
            return fail(&e);
        }
    }
    let key = SecretKey::generate(&mut OsRng);
    match write(&path, id, &key) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return fail(&format!(
                "{shown} already exists; keys are never overwritten (codes signed with it would \
                 stop working). Choose another --id or file."
            ))
        }
        Err(e) => return fail(&format!("{shown}: {e}")),
    }
    let public = public_text(&key.verifying_key());
    eprintln!(
        "wrote the secret key to {shown} (readable by you only); keep it off the repository."
    );
    eprintln!("add this to \"checkin\".\"keys\" in the pack:");
    println!("{}", serde_json::json!({ "id": id, "public": public }));
    ExitCode::SUCCESS
}

/// Where keys go when no FILE is given: the XDG config folder, as other command-line tools
/// keep their secrets. A relative `XDG_CONFIG_HOME` is ignored, as the XDG spec says.
fn config_dir() -> Result<PathBuf, String> {
    let set = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(x) = set("XDG_CONFIG_HOME").filter(|p| p.is_absolute()) {
        return Ok(x.join("qiaosi"));
    }
    set("HOME")
        .map(|h| h.join(".config").join("qiaosi"))
        .ok_or_else(|| "neither XDG_CONFIG_HOME nor HOME is set: give the key file's path".into())
}

/// Creates the key folder (and any missing parents) readable by its owner only.
fn make_private_dir(dir: &Path) -> Result<(), String> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
        .map_err(|e| format!("{}: cannot create: {e}", dir.display()))
}

/// The git work tree holding `file`, if any: the nearest folder above it with a `.git` entry
/// (a folder, or a file in a worktree or submodule).
pub fn git_work_tree(file: &Path) -> Option<PathBuf> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(folder)
        .or_else(|_| std::path::absolute(folder))
        .ok()?;
    folder
        .ancestors()
        .find(|d| d.join(".git").symlink_metadata().is_ok())
        .map(Path::to_path_buf)
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

fn write(path: &Path, id: &str, key: &SecretKey) -> std::io::Result<()> {
    write_secret(
        path,
        &format!(
            "# Qiaosi Guide check-in signing key. Secret: anyone holding it can print valid codes.\n\
             id={id}\nsecret={}\n",
            secret_text(key)
        ),
    )
}

/// Writes a secret (a key, a desk pass) readable by its owner only. `create_new`: an existing
/// one is never replaced, since everything signed with it would stop working.
pub fn write_secret(path: &Path, text: &str) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}

/// Reads a key file written by `keygen`: its id and the secret key. Every command that signs
/// reads its key here, so each warns when others could read the key too.
pub fn read(path: &str) -> Result<(String, SecretKey), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    if let Some(mode) = shared_mode(Path::new(path)) {
        eprintln!(
            "qiaosi: warning: {path} is open to other users of this computer (mode {mode:03o}); \
             anyone who can read it can print valid check-in codes. Run: chmod 600 {path}"
        );
    }
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

/// The file's permission bits when its group or others may read or write it.
#[cfg(unix)]
fn shared_mode(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then_some(mode)
}

#[cfg(not(unix))]
fn shared_mode(_: &Path) -> Option<u32> {
    None
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
