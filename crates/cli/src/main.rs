//! `qiaosi`: the content tool for the people who run Qiaosi Guide.
//!
//! `qiaosi validate <pack.json>` checks a content pack with the same rules the app applies
//! before it accepts a pack, and prints every problem with its JSON path. It also refuses a
//! source dated after today (`--today` sets the day, for tests): the app leaves that check out,
//! since a phone with a wrong clock must not refuse good content.
//! `qiaosi pinyin [--check] <pack.json>` writes the pinyin search keys into the pack (see
//! [`pinyin_keys`]); with `--check` it only fails when they are stale.
//! `keygen`, `issue`, `poster` and `verify-passport` make and check signed check-in codes
//! (one module each; see `docs/checkin-token.md`); `sign-keys` and `revoke-code` sign the
//! pack's keys block with the root key ([`keys`]); `desk-key` makes a staff phone's desk pass
//! ([`desk`]); `ledger merge` joins the staff phones' redemption ledgers ([`ledger`]).
//! `merge` applies a survey patch from the app's survey mode ([`merge`]); `import-osm` brings
//! an Overpass export of OpenStreetMap data into a pack ([`import_osm`]). Both print what
//! changed, field by field, and write nothing unless the result validates.
//! `hours-states` prints when opening hours are open, half hour by half hour, for the
//! differential test against opening_hours.js ([`hours_states`]).

mod args;
mod desk;
mod hours_states;
mod import_osm;
mod issue;
mod keygen;
mod keys;
mod ledger;
mod merge;
mod pinyin_keys;
mod poster;
mod verify_passport;

use std::process::ExitCode;

const USAGE: &str = "usage: qiaosi validate <pack.json> [--today YYYY-MM-DD]
       qiaosi pinyin [--check] <pack.json>
       qiaosi merge <pack.json> <patch.json> --out <new.json> [--version V] [--today YYYY-MM-DD]
       qiaosi import-osm <overpass.json> --into <pack.json> --out <new.json> [--version V] [--today YYYY-MM-DD]
       qiaosi keygen [--id ID] [--force] [FILE]
       qiaosi sign-keys --root FILE <pack.json> [--out new.json]
       qiaosi revoke-code <code or URL> --pack pack.json [--root FILE] [--out new.json]
       qiaosi issue --key FILE --point ID --from YYYY-MM-DD[THH:MM] --until YYYY-MM-DD[THH:MM] [--long] [--host https://HOST] [--pack pack.json]
       qiaosi poster --key FILE --point ID --pack pack.json --from … --until … [--long] --out poster.svg [--host https://HOST]
       qiaosi desk-key --key FILE --point ID --from … --until … --pack pack.json --out FILE [--host https://HOST] [--long] [--force]
       qiaosi ledger merge <ledger.json>… [--out merged.json]
       qiaosi verify-passport <passport text or file> --pack pack.json [--reward ID [--now YYYY-MM-DDTHH:MM]]
       qiaosi hours-states <opening_hours> --from YYYY-MM-DD --days N [--holidays YYYY-MM-DD,…]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["validate", path] => validate(path, today()),
        ["validate", path, "--today", day] => match qiaosi_core::time::Date::parse(day) {
            Some(d) => validate(path, d),
            None => {
                eprintln!("--today: \"{day}\" is not a date (YYYY-MM-DD)");
                ExitCode::from(2)
            }
        },
        ["pinyin", path] => pinyin_keys::run(path, false),
        ["pinyin", "--check", path] | ["pinyin", path, "--check"] => pinyin_keys::run(path, true),
        ["merge", rest @ ..] => merge::run(rest),
        ["import-osm", rest @ ..] => import_osm::run(rest),
        ["keygen", rest @ ..] => keygen::run(rest),
        ["sign-keys", rest @ ..] => keys::sign(rest),
        ["revoke-code", rest @ ..] => keys::revoke(rest),
        ["issue", rest @ ..] => issue::run(rest),
        ["poster", rest @ ..] => poster::run(rest),
        ["desk-key", rest @ ..] => desk::run(rest),
        ["ledger", rest @ ..] => ledger::run(rest),
        ["verify-passport", rest @ ..] => verify_passport::run(rest),
        ["hours-states", rest @ ..] => hours_states::run(rest),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Today in Shanghai, by this computer's clock.
fn today() -> qiaosi_core::time::Date {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_millis() as f64);
    qiaosi_core::time::LocalDateTime::from_unix_ms(ms).date
}

fn validate(path: &str, today: qiaosi_core::time::Date) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let checked = qiaosi_core::validate::load(&text).and_then(|pack| {
        let future = qiaosi_core::validate::dated_after(&pack, today);
        if future.is_empty() {
            Ok(pack)
        } else {
            Err(future)
        }
    });
    match checked {
        Ok(pack) => {
            if !pack.checkin.keys.is_empty() && qiaosi_core::checkin::root_is_test() {
                eprintln!(
                    "{path}: warning: this build trusts the TEST root key, whose secret is in \
                     the repository; build with QIAOSI_ROOT_PUBLIC set to your own root before \
                     a real deploy (docs/checkin-token.md)"
                );
            }
            println!(
                "{path}: ok — version {}, {} places, {} routes, {} festival editions, {} check-in points",
                pack.meta.version,
                pack.places.len(),
                pack.routes.len(),
                pack.festival.len(),
                pack.checkin.points.len()
            );
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{path}: {p}");
            }
            eprintln!(
                "{path}: {} problem(s); the pack would be refused",
                problems.len()
            );
            ExitCode::FAILURE
        }
    }
}
