//! The guide's hours with opening_hours.js's rule for spans past midnight instead of ours, for
//! the differential test only (`qiaosi hours-states`, `scripts/hours-oracle.mjs`): where the
//! guide and opening_hours.js disagree but this agrees with opening_hours.js, the difference is
//! the documented one (see the parent module) and nothing else. The app does not use it.
//!
//! opening_hours.js evaluates one day at a time. Each rule that applies to the day replaces
//! what earlier rules gave it, spans after midnight included; then the part after midnight of
//! a rule that applied to the day before is added to it, if that rule is the one that decided
//! the day or comes after it, even if a later rule replaced that rule on the day before.

use super::{parse, HoursError, Rule, DAY};
use crate::time::{Date, LocalDateTime};

/// Parsed hours, evaluated with opening_hours.js's rule for spans past midnight.
#[derive(Clone, Debug)]
pub struct MidnightAsReference {
    rules: Vec<Rule>,
}

impl MidnightAsReference {
    pub fn parse(s: &str) -> Result<MidnightAsReference, HoursError> {
        Ok(MidnightAsReference {
            rules: parse::parse(s)?,
        })
    }

    /// Open at `t`, with the guide's rules except the one for spans past midnight.
    pub fn open_at(&self, t: LocalDateTime, is_holiday: &dyn Fn(Date) -> bool) -> bool {
        let names_ph = self.rules.iter().any(|r| r.holiday);
        let holiday = |d: Date| names_ph && is_holiday(d);
        let today = t.date;
        let yesterday = today.add_days(-1);
        let m = t.minute;
        // The rule that decides the day, with the guide's layer for public holidays.
        let ph = holiday(today) && self.rules.iter().any(|r| r.holiday && r.on(today));
        let decides = self.rules.iter().rposition(|r| r.applies(today, ph));
        if let Some(k) = decides {
            if self.rules[k]
                .spans
                .iter()
                .any(|&(a, b)| a <= m && m < b.min(1440))
            {
                return true;
            }
        }
        // Spans after midnight of the rules from there on whose selectors match yesterday, as
        // opening_hours.js matches them (no holiday layer: a weekday rule matches a holiday).
        let wd = yesterday.weekday().index();
        let matches_yesterday =
            |r: &Rule| r.on(yesterday) && (r.days[wd] || r.holiday && holiday(yesterday));
        self.rules[decides.unwrap_or(0)..]
            .iter()
            .filter(|r| matches_yesterday(r))
            .flat_map(|r| r.spans.iter())
            .any(|&(_, b)| i32::from(b) > DAY && m + 1440 < b)
    }
}
