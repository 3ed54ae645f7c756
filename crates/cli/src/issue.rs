//! `qiaosi issue`: prints the check-in URL for a point and a validity window.
//!
//! Times are Asia/Shanghai. A bare `--until` date counts the whole day. With `--pack`, the
//! point and the key are checked against the pack first, and the new code is verified with the
//! app's own rules, so a code that the app would refuse is never printed. A window longer than
//! [`MAX_DAYS`] needs `--long`: a photo of such a poster stamps from anywhere for weeks.

use crate::args::{fail, from_time, load_pack, show, until_time, Args};
use crate::keygen;
use qiaosi_core::checkin::{self, public_text};
use qiaosi_core::content::Pack;
use qiaosi_core::time::LocalDateTime;
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi issue --key FILE --point ID --from YYYY-MM-DD[THH:MM] \
--until YYYY-MM-DD[THH:MM] [--long] [--host https://HOST] [--pack pack.json]";

/// The longest window issued without `--long`. A code is as good as its poster's photo, shared
/// in a group chat; a short window limits what one photo is worth.
pub const MAX_DAYS: i64 = 31;

/// Where the codes point when neither `--host` nor `QIAOSI_HOST` says.
const HOST_ENV: &str = "QIAOSI_HOST";

pub struct Issued {
    pub url: String,
    pub key_id: String,
    pub point_id: String,
    pub from: LocalDateTime,
    pub until: LocalDateTime,
}

impl Issued {
    /// The window as organisers read it, e.g. `2024-09-18 00:00 until 2024-09-23 00:00`.
    pub fn window(&self) -> String {
        format!(
            "{} until {} (Asia/Shanghai)",
            show(self.from),
            show(self.until)
        )
    }
}

pub fn run(argv: &[&str]) -> ExitCode {
    let known = ["key", "point", "from", "until", "host", "pack"];
    let result = Args::parse_with_switches(argv, &known, &["long"]).and_then(|a| {
        if !a.positional.is_empty() {
            return Err(format!("usage: {USAGE}"));
        }
        let pack = a.get("pack").map(load_pack).transpose()?;
        make(&a, pack.as_ref())
    });
    match result {
        Ok(i) => {
            println!("{}", i.url);
            eprintln!(
                "point {}, key {}, valid {}; {} characters, QR version {} at level M",
                i.point_id,
                i.key_id,
                i.window(),
                i.url.len(),
                qr_version(&i.url)
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn qr_version(url: &str) -> String {
    match qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).map(|q| q.version())
    {
        Ok(qrcode::Version::Normal(n)) => n.to_string(),
        _ => "?".into(),
    }
}

/// The site the poster opens: https, as the app's service worker and geolocation need (plain
/// http only for a local test server).
pub fn host(a: &Args) -> Result<String, String> {
    let host = match a.get("host") {
        Some(h) => h.to_string(),
        None => std::env::var(HOST_ENV).map_err(|_| {
            format!("give --host https://… (or set {HOST_ENV}): the site the code should open")
        })?,
    };
    if !checkin::host_ok(&host) {
        return Err(format!("host \"{host}\" must start with https://"));
    }
    Ok(host.trim_end_matches('/').to_string())
}

/// Refuses a window over [`MAX_DAYS`] unless `long` says it is meant.
pub fn check_length(from: LocalDateTime, until: LocalDateTime, long: bool) -> Result<(), String> {
    let minutes = (until.to_unix_s() - from.to_unix_s()) / 60;
    if long || minutes <= MAX_DAYS * 24 * 60 {
        return Ok(());
    }
    Err(format!(
        "the code would work for {} days ({} until {}), more than {MAX_DAYS}: a photo of the \
         poster would stamp from anywhere all that time. For rewards, print one-day posters \
         (--until the same day as --from). Pass --long if the long window is meant.",
        (minutes + 24 * 60 - 1) / (24 * 60),
        show(from),
        show(until)
    ))
}

/// Makes the URL from the arguments, checked against `pack` when one is given.
pub fn make(a: &Args, pack: Option<&Pack>) -> Result<Issued, String> {
    let (key_id, key) = keygen::read(a.need("key")?)?;
    let point_id = a.need("point")?;
    let from = from_time(a.need("from")?)?;
    let until = until_time(a.need("until")?)?;
    check_length(from, until, a.has("long"))?;
    let host = host(a)?;
    if let Some(pack) = pack {
        if !pack.checkin.points.iter().any(|p| p.id == point_id) {
            let known: Vec<&str> = pack.checkin.points.iter().map(|p| p.id.as_str()).collect();
            return Err(format!(
                "the pack has no check-in point \"{point_id}\" (it has: {})",
                known.join(", ")
            ));
        }
        let public = public_text(&key.verifying_key());
        match pack.checkin.keys.iter().find(|k| k.id == key_id) {
            None => {
                return Err(format!(
                    "the pack does not list key \"{key_id}\": add the line `qiaosi keygen` printed \
                     to checkin.keys, or the app will refuse every code"
                ))
            }
            Some(k) if k.public != public => {
                return Err(format!(
                    "the pack's key \"{key_id}\" is a different key from this file's"
                ))
            }
            Some(_) => {}
        }
    }
    let token = checkin::issue(&key, &key_id, point_id, from, until).map_err(|e| e.to_string())?;
    if let Some(pack) = pack {
        // The app's own check, at the first minute the code is meant to work.
        checkin::verify(
            &token,
            &pack.checkin.keys,
            &pack.checkin.points,
            &pack.checkin.revoked_codes,
            from.to_unix_s(),
        )
        .map_err(|r| format!("the new code does not verify against the pack: {r}"))?;
    }
    Ok(Issued {
        url: checkin::url(&host, &token),
        key_id,
        point_id: point_id.to_string(),
        from,
        until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_over_a_month_needs_long() {
        let from = from_time("2024-09-01").unwrap();
        // `--until 2024-10-01` runs to 10-02 00:00: 31 days, the most without --long.
        assert!(check_length(from, until_time("2024-10-01").unwrap(), false).is_ok());
        // One minute more is refused, and the message counts the days started.
        let over = from_time("2024-10-02T00:01").unwrap();
        let err = check_length(from, over, false).unwrap_err();
        assert!(err.contains("32 days") && err.contains("--long"), "{err}");
        assert!(check_length(from, over, true).is_ok());
        // One day, the recommended poster for rewards.
        assert!(check_length(from, until_time("2024-09-01").unwrap(), false).is_ok());
    }
}
