//! `sign-keys` and `revoke-code`: the pack's check-in keys block, signed by the root key.
//!
//! The app trusts a pack's keys only with a good `checkin.keys_signature` by the root key
//! compiled into it (`qiaosi_core::checkin::keys_message` says what is signed). Every change
//! to `checkin.keys` (a new key, a key retired or revoked) or to `checkin.revoked_codes` is
//! followed by `qiaosi sign-keys --root ROOT.key pack.json`; `revoke-code --root` does both.

use crate::args::{fail, Args};
use crate::keygen;
use crate::pinyin_keys::{to_json, write};
use qiaosi_core::checkin::{self, code_prefix, public_text, root_public_text, sign_keys};
use qiaosi_core::content::Pack;
use std::process::ExitCode;

pub const SIGN_USAGE: &str = "qiaosi sign-keys --root FILE <pack.json> [--out new.json]";
pub const REVOKE_USAGE: &str =
    "qiaosi revoke-code <code, URL or desk pass link> --pack pack.json [--root FILE] [--out new.json]";

pub fn sign(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["root", "out"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let [path] = a.positional.as_slice() else {
        return fail(&format!("usage: {SIGN_USAGE}"));
    };
    let result = read(path).and_then(|mut pack| {
        let root = a.need("root")?;
        signed(&mut pack, root)?;
        save(&pack, a.get("out").unwrap_or(path))
    });
    match result {
        Ok(out) => {
            eprintln!("signed the check-in keys block; wrote {out}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

pub fn revoke(argv: &[&str]) -> ExitCode {
    let a = match Args::parse(argv, &["pack", "root", "out"]) {
        Ok(a) => a,
        Err(e) => return fail(&e),
    };
    let [code] = a.positional.as_slice() else {
        return fail(&format!("usage: {REVOKE_USAGE}"));
    };
    let result = a.need("pack").and_then(|path| {
        // A desk pass's link (`…/desk#<pass>@<guide>`) takes back that desk: every code it shows.
        let token = match code.rsplit_once("/desk#") {
            Some((_, pass)) => pass.split('@').next().unwrap_or_default(),
            None => checkin::token_in(code),
        };
        let prefix = code_prefix(token)
            .filter(|_| !token.is_empty())
            .ok_or_else(|| format!("\"{code}\" is not a check-in code or link"))?;
        let mut pack = read(path)?;
        let added = !pack.checkin.revoked_codes.contains(&prefix);
        if added {
            pack.checkin.revoked_codes.push(prefix.clone());
        }
        let out = a.get("out").unwrap_or(path);
        match a.get("root") {
            Some(root) => {
                signed(&mut pack, root)?;
                save(&pack, out)?;
            }
            None => {
                // Written unsigned: the pack is refused until it is signed, which is safer than
                // a poster that keeps working.
                pack.checkin.keys_signature = None;
                write(out, &to_json(&pack))?;
                eprintln!(
                    "qiaosi: the keys block is now unsigned, so the app would refuse this pack: \
                     run `qiaosi sign-keys --root ROOT.key {out}` before publishing it"
                );
            }
        }
        Ok((prefix, added, out.to_string()))
    });
    match result {
        Ok((prefix, added, out)) => {
            println!("{prefix}");
            let what = if added {
                "revoked"
            } else {
                "was already revoked"
            };
            eprintln!("code {prefix} {what}; wrote {out}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// The pack's shape only: until it is signed, validation would refuse it.
fn read(path: &str) -> Result<Pack, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: not a content pack: {e}"))
}

/// Signs the keys block with the root key in `root_file`, which must be the root this build
/// trusts (the app is built the same way): a pack signed by another root is refused there.
fn signed(pack: &mut Pack, root_file: &str) -> Result<(), String> {
    let (_, root) = keygen::read(root_file)?;
    let public = public_text(&root.verifying_key());
    if public != root_public_text() {
        return Err(format!(
            "{root_file} is not the root key this build trusts (its public half is {public}; \
             the build's is {}): the app would refuse the pack",
            root_public_text()
        ));
    }
    pack.checkin.keys_signature = Some(sign_keys(&pack.checkin, &root));
    Ok(())
}

/// Writes the pack if it now passes the app's checks; otherwise writes nothing.
fn save(pack: &Pack, out: &str) -> Result<String, String> {
    let json = to_json(pack);
    if let Err(problems) = qiaosi_core::validate::load(&json) {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        return Err(format!(
            "the signed pack is still not valid, so nothing was written:\n{}",
            list.join("\n")
        ));
    }
    write(out, &json)?;
    Ok(out.to_string())
}
