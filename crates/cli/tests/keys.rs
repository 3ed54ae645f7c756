//! Keeping signing keys private, with the real binary: `keygen` writes to the user's config
//! folder and will not drop a key into a git work tree, commands that read a key say when
//! others could read it too, and long-lived codes need `--long`.

use std::path::Path;
use std::process::Command;
mod common;
use common::{qiaosi, qiaosi_in, scratch_dir as dir, shipped};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A new git work tree, made by git itself.
fn git_repo(d: &Path) {
    let ok = Command::new("git")
        .args(["init", "-q"])
        .current_dir(d)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git init failed");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// Everything in a folder, `.git` aside.
fn listing(d: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != ".git")
        .collect();
    v.sort();
    v
}

#[test]
fn keygen_will_not_write_into_a_git_work_tree_without_force() {
    let repo = dir("keygen-git");
    git_repo(&repo);
    std::fs::create_dir(repo.join("keys")).unwrap();
    for file in ["k1.key", "keys/k1.key"] {
        let (code, out, err) = qiaosi_in(&repo, &[], &["keygen", "--id", "k1", file]);
        assert_eq!((code, out.as_str()), (2, ""), "{file}: {err}");
        assert!(err.contains("inside the git work tree"), "{err}");
        assert!(err.contains("--force"), "{err}");
    }
    // Nothing was written, anywhere in the tree.
    assert_eq!(listing(&repo), ["keys"]);
    assert!(listing(&repo.join("keys")).is_empty());

    // With --force it is written, as privately as ever.
    let (code, out, err) = qiaosi_in(&repo, &[], &["keygen", "--id", "k1", "--force", "k1.key"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"id\":\"k1\""), "{out}");
    assert!(repo.join("k1.key").is_file());
    #[cfg(unix)]
    assert_eq!(mode(&repo.join("k1.key")), 0o600);

    // A linked worktree or a submodule has a `.git` file, not a folder: refused the same way.
    let worktree = dir("keygen-worktree");
    std::fs::write(
        worktree.join(".git"),
        "gitdir: /elsewhere/.git/worktrees/w\n",
    )
    .unwrap();
    let target = worktree.join("k2.key");
    let (code, _, err) = qiaosi(&["keygen", "--id", "k2", s(&target)]);
    assert_eq!(code, 2, "{err}");
    assert!(!target.exists());
}

#[test]
fn keygen_writes_to_the_config_folder_by_default() {
    let d = dir("keygen-config");
    // Run from inside a repository: the default path is outside it, so that is fine.
    let repo = d.join("repo");
    std::fs::create_dir(&repo).unwrap();
    git_repo(&repo);
    let config = d.join("config");
    let env = [("XDG_CONFIG_HOME", Some(config.as_path()))];
    let (code, out, err) = qiaosi_in(&repo, &env, &["keygen", "--id", "k3"]);
    assert_eq!(code, 0, "{err}");
    let key = config.join("qiaosi").join("k3.key");
    assert!(err.contains(s(&key)), "the path is named: {err}");
    let text = std::fs::read_to_string(&key).unwrap();
    assert!(text.contains("id=k3") && text.contains("secret="), "{text}");
    assert!(out.contains("\"id\":\"k3\""), "{out}");
    assert!(listing(&repo).is_empty(), "nothing in the repository");
    #[cfg(unix)]
    {
        assert_eq!(mode(&config.join("qiaosi")), 0o700);
        assert_eq!(mode(&key), 0o600);
    }
    // A second key goes next to it; the same id again is refused, as for any existing file.
    assert_eq!(qiaosi_in(&repo, &env, &["keygen", "--id", "k4"]).0, 0);
    assert!(config.join("qiaosi/k4.key").is_file());
    let (code, _, err) = qiaosi_in(&repo, &env, &["keygen", "--id", "k3"]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), text);

    // Without XDG_CONFIG_HOME: ~/.config/qiaosi.
    let home = d.join("home");
    std::fs::create_dir(&home).unwrap();
    let env = [("XDG_CONFIG_HOME", None), ("HOME", Some(home.as_path()))];
    let (code, _, err) = qiaosi_in(&d, &env, &["keygen"]);
    assert_eq!(code, 0, "{err}");
    assert!(home.join(".config/qiaosi/k1.key").is_file());
}

/// `issue` for the shipped point `tide-parlour`, with `extra` arguments; no pack, so any key.
fn issue(key: &Path, from: &str, until: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "issue",
        "--key",
        s(key),
        "--point",
        "tide-parlour",
        "--from",
        from,
        "--until",
        until,
        "--host",
        "https://guide.example",
    ];
    args.extend_from_slice(extra);
    qiaosi(&args)
}

#[cfg(unix)]
#[test]
fn a_key_others_can_read_makes_issue_warn() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir("key-mode");
    let key = d.join("k5.key");
    assert_eq!(qiaosi(&["keygen", "--id", "k5", s(&key)]).0, 0);
    let (code, _, err) = issue(&key, "2024-09-18", "2024-09-18", &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !err.contains("warning"),
        "a private key is not warned about: {err}"
    );

    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, out, err) = issue(&key, "2024-09-18", "2024-09-18", &[]);
    // A warning, not a refusal: the code is still printed.
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("https://guide.example/checkin#"), "{out}");
    assert!(
        err.contains("warning") && err.contains("mode 644") && err.contains("chmod 600"),
        "{err}"
    );
    // `poster` reads keys the same way and warns the same way (before it finds that the
    // shipped pack does not list this key and makes no poster).
    let pack = shipped();
    let out_svg = d.join("p.svg");
    let (_, _, err) = qiaosi(&[
        "poster",
        "--key",
        s(&key),
        "--point",
        "tide-parlour",
        "--pack",
        &pack,
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-18",
        "--out",
        s(&out_svg),
        "--host",
        "https://guide.example",
    ]);
    assert!(err.contains("mode 644"), "{err}");
}

#[test]
fn a_window_over_31_days_needs_long() {
    let d = dir("long");
    let key = d.join("k6.key");
    assert_eq!(qiaosi(&["keygen", "--id", "k6", s(&key)]).0, 0);
    // 2024-01-01 through 2024-02-09: 40 days.
    let (code, out, err) = issue(&key, "2024-01-01", "2024-02-09", &[]);
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("40 days") && err.contains("--long"), "{err}");
    assert!(err.contains("one-day posters"), "{err}");

    let (code, out, err) = issue(&key, "2024-01-01", "2024-02-09", &["--long"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("https://guide.example/checkin#"), "{out}");
    assert!(err.contains("2024-02-10 00:00"), "{err}");
    // 31 days is still a plain poster.
    assert_eq!(issue(&key, "2024-01-01", "2024-01-31", &[]).0, 0);
}
