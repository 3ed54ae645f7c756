//! What every CLI test needs: the real binary, the shipped pack, a scratch directory.
#![allow(dead_code)] // each test file uses its own subset

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

/// Runs `qiaosi` with `args`: (exit code, stdout, stderr).
pub fn qiaosi(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qiaosi"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// Runs `qiaosi` with `args` in folder `cwd`, with `env` changed (`None` removes a variable).
pub fn qiaosi_in(
    cwd: &std::path::Path,
    env: &[(&str, Option<&std::path::Path>)],
    args: &[&str],
) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_qiaosi"));
    cmd.current_dir(cwd).args(args);
    for (name, value) in env {
        match value {
            Some(v) => cmd.env(name, v),
            None => cmd.env_remove(name),
        };
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The path of the pack the app ships.
pub fn shipped() -> String {
    format!(
        "{}/../../public/content/pack.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

pub fn shipped_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(shipped()).unwrap()).unwrap()
}

/// A fresh directory of its own, as tests run in parallel.
pub fn scratch_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("qiaosi-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The TEST root key file (committed on purpose; the default build trusts it).
pub fn test_root_key() -> String {
    format!(
        "{}/../core/tests/fixtures/test-root.key",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Signs a pack's check-in keys block with the TEST root, as `qiaosi sign-keys` would, so a
/// pack with keys added by a test is accepted.
pub fn sign_keys(pack: &mut Value) {
    let text = std::fs::read_to_string(test_root_key()).unwrap();
    let secret = text.lines().find_map(|l| l.strip_prefix("secret="));
    let root = qiaosi_core::checkin::secret_from_text(secret.unwrap()).unwrap();
    let checkin: qiaosi_core::content::Checkin =
        serde_json::from_value(pack["checkin"].clone()).unwrap();
    pack["checkin"]["keys_signature"] =
        Value::String(qiaosi_core::checkin::sign_keys(&checkin, &root));
}

/// A passport as one phone exports it: each stamp signed by that phone's install key.
#[allow(dead_code)]
pub fn passport(stamps: &[qiaosi_core::checkin::Stamp]) -> String {
    use qiaosi_core::checkin::{passport_encode, public_text, sign_stamp, SecretKey};
    let install = SecretKey::from_bytes(&[7; 32]);
    let signed: Vec<_> = stamps
        .iter()
        .cloned()
        .map(|mut s| {
            sign_stamp(&install, &mut s);
            s
        })
        .collect();
    passport_encode(&public_text(&install.verifying_key()), &signed)
}

/// A key made by `keygen` in `dir`, and the shipped pack listing it with its keys block signed
/// by the TEST root: the start of every check-in test. Returns (key file, pack).
pub fn keyed_pack(dir: &std::path::Path, id: &str) -> (PathBuf, Value) {
    let key = dir.join(format!("{id}.key"));
    let (code, out, err) = qiaosi(&["keygen", "--id", id, key.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let mut pack = shipped_json();
    pack["checkin"]["keys"] = Value::Array(vec![serde_json::from_str(out.trim()).unwrap()]);
    sign_keys(&mut pack);
    (key, pack)
}
