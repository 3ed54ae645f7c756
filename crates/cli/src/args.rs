//! What the check-in commands share: `--flag value` arguments, Shanghai times as organisers
//! write them, and loading the pack.

use qiaosi_core::content::Pack;
use qiaosi_core::time::{Date, LocalDateTime};
use std::process::ExitCode;

/// Flags with their values, switches, and the positional arguments, in order.
pub struct Args<'a> {
    flags: Vec<(&'a str, &'a str)>,
    switches: Vec<&'a str>,
    pub positional: Vec<&'a str>,
}

impl<'a> Args<'a> {
    /// Every flag takes a value; a flag not in `known` is an error, so a typo such as
    /// `--untill` is caught instead of silently printing a code with the default window.
    pub fn parse(args: &[&'a str], known: &[&str]) -> Result<Args<'a>, String> {
        Args::parse_with_switches(args, known, &[])
    }

    /// As [`Args::parse`], and `switches` are flags without a value (`--force`).
    pub fn parse_with_switches(
        args: &[&'a str],
        known: &[&str],
        switches: &[&str],
    ) -> Result<Args<'a>, String> {
        let mut flags = Vec::new();
        let mut on = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(&a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                if switches.contains(&name) {
                    if on.contains(&name) {
                        return Err(format!("--{name} given twice"));
                    }
                    on.push(name);
                    continue;
                }
                if !known.contains(&name) {
                    return Err(format!("unknown option --{name}"));
                }
                let value = it.next().ok_or(format!("--{name} needs a value"))?;
                if flags.iter().any(|(n, _)| *n == name) {
                    return Err(format!("--{name} given twice"));
                }
                flags.push((name, *value));
            } else {
                positional.push(a);
            }
        }
        Ok(Args {
            flags,
            switches: on,
            positional,
        })
    }

    /// Whether a switch was given.
    pub fn has(&self, name: &str) -> bool {
        self.switches.contains(&name)
    }

    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.flags.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }

    pub fn need(&self, name: &str) -> Result<&'a str, String> {
        self.get(name).ok_or(format!("missing --{name}"))
    }
}

/// Prints an error the way every command does and gives the usage-error exit code.
pub fn fail(msg: &str) -> ExitCode {
    eprintln!("qiaosi: {msg}");
    ExitCode::from(2)
}

/// `YYYY-MM-DD` (with the time of day `day_minute`) or `YYYY-MM-DDTHH:MM`, Shanghai time.
fn shanghai(
    s: &str,
    day_minute: impl FnOnce(Date) -> LocalDateTime,
) -> Result<LocalDateTime, String> {
    let bad = || format!("\"{s}\" is not YYYY-MM-DD or YYYY-MM-DDTHH:MM (Asia/Shanghai)");
    if let Some(d) = Date::parse(s) {
        return Ok(day_minute(d));
    }
    let (d, t) = s.split_once('T').ok_or_else(bad)?;
    let date = Date::parse(d).ok_or_else(bad)?;
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let num = |x: &str, max: u16| {
        (x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse::<u16>().ok())
            .flatten()
            .filter(|&n| n <= max)
    };
    let (h, m) = (num(h, 23).ok_or_else(bad)?, num(m, 59).ok_or_else(bad)?);
    Ok(LocalDateTime {
        date,
        minute: h * 60 + m,
    })
}

/// A start: a bare date means from its first minute.
pub fn from_time(s: &str) -> Result<LocalDateTime, String> {
    shanghai(s, |date| LocalDateTime { date, minute: 0 })
}

/// An end: a bare date means through that whole day, so `--until 2024-09-22` still scans on
/// the evening of the 22nd. A time is the first minute the code no longer works.
pub fn until_time(s: &str) -> Result<LocalDateTime, String> {
    shanghai(s, |d| LocalDateTime {
        date: d.add_days(1),
        minute: 0,
    })
}

pub fn show(t: LocalDateTime) -> String {
    let (h, m) = t.hour_minute();
    format!("{} {h:02}:{m:02}", t.date)
}

/// Reads and validates a pack with the app's own rules: a poster made from a pack the app
/// would refuse could never be scanned.
pub fn load_pack(path: &str) -> Result<Pack, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
    qiaosi_core::validate::load(&text).map_err(|problems| {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        format!(
            "{path}: the pack is not valid (run `qiaosi validate`):\n{}",
            list.join("\n")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_read_as_shanghai_wall_clock() {
        let t = from_time("2024-09-18").unwrap();
        assert_eq!(show(t), "2024-09-18 00:00");
        assert_eq!(show(until_time("2024-09-22").unwrap()), "2024-09-23 00:00");
        assert_eq!(
            show(from_time("2024-09-18T09:30").unwrap()),
            "2024-09-18 09:30"
        );
        assert_eq!(
            show(until_time("2024-09-18T21:00").unwrap()),
            "2024-09-18 21:00"
        );
        for bad in [
            "2024-9-18",
            "2024-09-18T9:30",
            "2024-09-18T24:00",
            "2024-02-30",
            "today",
        ] {
            assert!(from_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn flags_are_checked() {
        let a = Args::parse(&["x", "--id", "k2", "y"], &["id"]).unwrap();
        assert_eq!(a.get("id"), Some("k2"));
        assert_eq!(a.positional, ["x", "y"]);
        assert!(Args::parse(&["--untill", "x"], &["until"]).is_err());
        assert!(Args::parse(&["--id"], &["id"]).is_err());
        assert!(Args::parse(&["--id", "a", "--id", "b"], &["id"]).is_err());
        assert_eq!(a.need("host"), Err("missing --host".to_string()));
        // A switch takes no value: what follows it is the next argument.
        let b = Args::parse_with_switches(&["--force", "k.key", "--id", "k2"], &["id"], &["force"])
            .unwrap();
        assert!(b.has("force") && !b.has("long"));
        assert_eq!(
            (b.get("id"), b.positional.as_slice()),
            (Some("k2"), &["k.key"][..])
        );
        assert!(Args::parse(&["--force", "x"], &["id"]).is_err());
        assert!(Args::parse_with_switches(&["--long", "--long"], &[], &["long"]).is_err());
    }
}
