//! The check-in commands as organisers and staff use them: the real binary, real files, and
//! the app's own verification (qiaosi-core) as the judge.

use qiaosi_core::checkin::{self, Refusal, Stamp};
use qiaosi_core::time::{Date, LocalDateTime};
use serde_json::Value;
use std::path::{Path, PathBuf};
mod common;
use common::{qiaosi, scratch_dir as dir, shipped_json as shipped};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Makes a key with `keygen` and a pack that lists it; returns (key file, pack file, pack).
fn setup(d: &Path) -> (PathBuf, PathBuf, qiaosi_core::content::Pack) {
    let key = d.join("k7.key");
    let (code, out, err) = qiaosi(&["keygen", "--id", "k7", s(&key)]);
    assert_eq!(code, 0, "{err}");
    let printed: Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(printed["id"], "k7");
    assert_eq!(printed["public"].as_str().unwrap().len(), 43);
    let mut pack = shipped();
    pack["checkin"]["keys"] = Value::Array(vec![printed]);
    common::sign_keys(&mut pack);
    let file = d.join("pack.json");
    std::fs::write(&file, pack.to_string()).unwrap();
    let loaded = qiaosi_core::validate::load(&pack.to_string()).unwrap();
    (key, file, loaded)
}

fn at(date: &str, h: u16) -> LocalDateTime {
    LocalDateTime {
        date: Date::parse(date).unwrap(),
        minute: h * 60,
    }
}

fn issue(key: &Path, pack: &Path, point: &str) -> String {
    let (code, out, err) = qiaosi(&[
        "issue",
        "--key",
        s(key),
        "--point",
        point,
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-22",
        "--host",
        "https://guide.example",
        "--pack",
        s(pack),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("QR version"), "{err}");
    out.trim().to_string()
}

#[test]
fn keygen_then_issue_gives_a_code_the_app_accepts() {
    let d = dir("issue");
    let (key, pack_file, pack) = setup(&d);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the secret key must be private");
    }
    let url = issue(&key, &pack_file, "tide-parlour");
    // The code after `#`, which browsers never send: no server log holds a working code.
    assert!(url.starts_with("https://guide.example/checkin#"), "{url}");
    let (keys, points) = (&pack.checkin.keys, &pack.checkin.points);
    let token = checkin::token_in(&url);
    let during = at("2024-09-22", 23).to_unix_s();
    let v = checkin::verify(token, keys, points, &[], during).unwrap();
    assert_eq!(
        (v.point_id.as_str(), v.key_id.as_str()),
        ("tide-parlour", "k7")
    );
    // `--until 2024-09-22` covers that whole day and no more.
    assert_eq!(v.valid_until, at("2024-09-23", 0));
    let after = at("2024-09-23", 0).to_unix_s();
    assert_eq!(
        checkin::verify(token, keys, points, &[], after),
        Err(Refusal::Expired)
    );
    // Without the pack's key, the same code is worthless.
    assert_eq!(
        checkin::verify(token, &[], points, &[], during),
        Err(Refusal::UnknownKey)
    );

    // A second keygen onto the same file is refused, and the key survives it.
    let before = std::fs::read(&key).unwrap();
    let (code, _, err) = qiaosi(&["keygen", "--id", "k7", s(&key)]);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(std::fs::read(&key).unwrap(), before);
}

#[test]
fn issue_refuses_what_the_app_would_refuse() {
    let d = dir("refuse");
    let (key, pack_file, _) = setup(&d);
    let base = |point: &str, until: &str| {
        vec![
            "issue".to_string(),
            "--key".into(),
            s(&key).into(),
            "--point".into(),
            point.into(),
            "--from".into(),
            "2024-09-18T09:00".into(),
            "--until".into(),
            until.into(),
            "--host".into(),
            "https://guide.example".into(),
            "--pack".into(),
            s(&pack_file).into(),
        ]
    };
    let run = |v: Vec<String>| qiaosi(&v.iter().map(String::as_str).collect::<Vec<_>>());
    let (code, _, err) = run(base("no-such-point", "2024-09-22"));
    assert_eq!(code, 2);
    assert!(err.contains("no check-in point \"no-such-point\""), "{err}");
    let (code, _, err) = run(base("tide-parlour", "2024-09-18T08:00"));
    assert_eq!(code, 2);
    assert!(err.contains("must end after it starts"), "{err}");
    let (code, _, err) = run(base("tide-parlour", "22/09/2024"));
    assert_eq!(code, 2);
    assert!(err.contains("is not YYYY-MM-DD"), "{err}");
    // A pack that does not list the key: every code would be refused, so none is printed.
    let other = d.join("other.key");
    assert_eq!(qiaosi(&["keygen", "--id", "k8", s(&other)]).0, 0);
    let mut v = base("tide-parlour", "2024-09-22");
    v[2] = s(&other).into();
    let (code, out, err) = run(v);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("does not list key \"k8\""), "{err}");
}

#[test]
fn the_poster_carries_the_qr_and_both_names() {
    let d = dir("poster");
    let (key, pack_file, pack) = setup(&d);
    let out = d.join("poster.svg");
    let (code, url, err) = qiaosi(&[
        "poster",
        "--key",
        s(&key),
        "--point",
        "seawall-museum",
        "--pack",
        s(&pack_file),
        "--from",
        "2024-09-18",
        "--until",
        "2024-09-22",
        "--out",
        s(&out),
        "--host",
        "https://guide.example",
    ]);
    assert_eq!(code, 0, "{err}");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("width=\"210mm\" height=\"297mm\""));
    let name = &pack.place("seawall-museum").unwrap().name;
    let esc = qiaosi_core::gpx::escape;
    assert!(svg.contains(&format!(">{}</text>", esc(&name.zh))), "{svg}");
    assert!(svg.contains(&format!(">{}</text>", esc(&name.en))), "{svg}");
    assert!(svg.contains("用手机相机或微信扫码打卡"));
    assert!(svg.contains("Scan with your phone camera or WeChat to check in"));
    // The QR encodes exactly the printed URL: drawn independently here, it matches module
    // for module. And that URL's code verifies.
    let url = url.trim();
    let qr = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).unwrap();
    let image = qr
        .render::<qrcode::render::svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    let modules = &image[image.find("<path").unwrap()..];
    assert!(modules.len() > 1000);
    assert!(svg.contains(modules), "the poster's QR is not the URL's");
    let token = checkin::token_in(url);
    let (keys, points) = (&pack.checkin.keys, &pack.checkin.points);
    let v = checkin::verify(token, keys, points, &[], at("2024-09-20", 12).to_unix_s()).unwrap();
    assert_eq!(v.point_id, "seawall-museum");
    // The URL is printed on the poster too, for typing in by hand, in the fragment form.
    assert!(url.starts_with("https://guide.example/checkin#"), "{url}");
    assert!(
        svg.contains(">https://guide.example/checkin#</text>"),
        "{svg}"
    );
    assert!(svg.contains(&token[..20]));
}

#[test]
fn verify_passport_accepts_genuine_stamps_and_names_an_edited_one() {
    let d = dir("passport");
    let (key, pack_file, _) = setup(&d);
    let stamp = |point: &str, when| Stamp {
        point_id: point.into(),
        token: checkin::token_in(&issue(&key, &pack_file, point)).to_string(),
        at: when,
        sig: String::new(),
    };
    let stamps = vec![
        stamp("tide-parlour", at("2024-09-18", 10)),
        stamp("seawall-museum", at("2024-09-19", 15)),
    ];
    let text = common::passport(&stamps);
    let (code, out, err) = qiaosi(&["verify-passport", &text, "--pack", s(&pack_file)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("stamp 1: ok — poster tide-parlour"), "{out}");
    assert!(out.contains("stamp 2: ok — poster seawall-museum"), "{out}");
    assert!(out.contains("stamped 2024-09-19 15:00"), "{out}");
    // From a file as well, as staff would save it.
    let file = d.join("passport.txt");
    std::fs::write(&file, format!("{text}\n")).unwrap();
    assert_eq!(
        qiaosi(&["verify-passport", s(&file), "--pack", s(&pack_file)]).0,
        0
    );

    // One character of the export changed: the passport is refused as a whole.
    let mut edited: Vec<char> = text.chars().collect();
    let mid = edited.len() / 2;
    edited[mid] = if edited[mid] == 'A' { 'B' } else { 'A' };
    let edited: String = edited.into_iter().collect();
    let (code, out, _) = qiaosi(&["verify-passport", &edited, "--pack", s(&pack_file)]);
    assert_eq!(code, 1);
    assert!(out.contains("passport refused"), "{out}");

    // A stamp whose code was edited to claim another point, re-exported so the passport's own
    // check passes: the signature still gives it away, and the stamp is named.
    let mut forged = stamps.clone();
    let mut t: Vec<char> = forged[1].token.chars().collect();
    t[12] = if t[12] == 'x' { 'y' } else { 'x' };
    forged[1].token = t.into_iter().collect();
    let (code, out, err) = qiaosi(&[
        "verify-passport",
        &common::passport(&forged),
        "--pack",
        s(&pack_file),
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("stamp 1: ok"), "{out}");
    assert!(out.contains("stamp 2: REFUSED"), "{out}");
    assert!(err.contains("refused stamp(s): 2 of 2"), "{err}");
    // A stamp dated outside its code's window is named too.
    let mut late = stamps;
    late[0].at = at("2024-10-01", 9);
    let (code, out, _) = qiaosi(&[
        "verify-passport",
        &common::passport(&late),
        "--pack",
        s(&pack_file),
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains("stamp 1: REFUSED — stamped after its code had expired"),
        "{out}"
    );
}
