//! Where each fact in the pack comes from and how it is known. A reader (and the validator)
//! must be able to follow every entry back to a page or to the guide's seed article, and the
//! app says in words whether a fact was seen on site or read in a report.

use super::I18n;
use serde::{Deserialize, Serialize};

/// The source article the guide started from, cited by its title (it has no URL of its own).
pub const SEED: &str = "乔司街道“五手联弹”铺就共富路 “五曲协奏”共谱新篇章";

/// How a fact is known, from the strongest to the weakest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Seen on site by the people who run the guide.
    Surveyed,
    /// Published by the venue or a government office.
    Official,
    /// A newspaper or broadcaster's report, or the seed article.
    Press,
    /// An OpenStreetMap object.
    Osm,
    /// A listing or repost site: low reliability, labelled as such.
    Aggregator,
}

impl Basis {
    /// In words, for the place page.
    pub fn describe(self, english: bool) -> &'static str {
        let (zh, en) = match self {
            Basis::Surveyed => ("实地核实", "Checked on site"),
            Basis::Official => ("官方发布", "Official page"),
            Basis::Press => ("新闻报道", "Press report"),
            Basis::Osm => ("开放街图（OpenStreetMap）", "OpenStreetMap"),
            Basis::Aggregator => ("网络转载，可靠性较低", "Web listing, less reliable"),
        };
        if english {
            en
        } else {
            zh
        }
    }

    /// Whether this basis can vouch for an exact position: someone stood there, or the venue
    /// itself says where it is.
    pub fn can_locate(self) -> bool {
        matches!(self, Basis::Surveyed | Basis::Official)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// A full `http(s)://` URL, or [`SEED`]; for a `surveyed` source, the surveyor's name.
    pub cite: String,
    pub basis: Basis,
    /// The source's own date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), shown as "资料日期"; for a
    /// `surveyed` source, the day of the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What this source says, when an entry has several that disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub says: Option<I18n>,
}

impl Source {
    /// A URL a reader can open, the seed's title, or (for a visit) who made it.
    pub fn is_citable(&self) -> bool {
        if self.basis == Basis::Surveyed {
            return !self.cite.trim().is_empty() && !self.cite.contains('\n');
        }
        let url = |p: &str| {
            self.cite.strip_prefix(p).is_some_and(|rest| {
                rest.contains('.') && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
            })
        };
        self.cite == SEED || url("https://") || url("http://")
    }

    /// The link to open, when the cite is a URL.
    pub fn url(&self) -> Option<&str> {
        let is_url = self.cite.starts_with("https://") || self.cite.starts_with("http://");
        is_url.then_some(self.cite.as_str())
    }
}

/// Whether `s` is a date as sources give them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_source_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [_, _, _] => crate::time::Date::parse(s).is_some(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(cite: &str) -> Source {
        Source {
            cite: cite.into(),
            basis: Basis::Press,
            date: None,
            says: None,
        }
    }

    #[test]
    fn a_source_is_a_full_url_or_the_seed() {
        assert!(src("https://zj.people.com.cn/n2/2023/1228/c186327-40695252.html").is_citable());
        assert!(src("http://example.org/x").is_citable());
        assert!(src(SEED).is_citable());
        for bad in [
            "zj.people.com.cn",
            "people.cn article",
            "https://",
            "https:///x",
            "https://a b.com",
            "2023 feature article on 乔司街道",
        ] {
            assert!(!src(bad).is_citable(), "{bad}");
        }
        assert_eq!(src(SEED).url(), None);
        // A visit is cited by who made it.
        let visit = Source {
            basis: Basis::Surveyed,
            ..src("王芳")
        };
        assert!(visit.is_citable());
        assert_eq!(visit.url(), None);
        assert!(!Source {
            cite: " ".into(),
            ..visit
        }
        .is_citable());
    }

    #[test]
    fn source_dates_may_be_a_year_a_month_or_a_day() {
        for ok in ["2023", "2023-12", "2023-12-28"] {
            assert!(is_source_date(ok), "{ok}");
        }
        for bad in ["23", "2023-13", "2023-02-30", "2023/12", "", "2023-1"] {
            assert!(!is_source_date(bad), "{bad}");
        }
    }

    #[test]
    fn only_a_visit_or_the_venue_itself_can_vouch_for_an_exact_position() {
        assert!(Basis::Surveyed.can_locate() && Basis::Official.can_locate());
        assert!(!Basis::Press.can_locate() && !Basis::Osm.can_locate());
        assert!(!Basis::Aggregator.can_locate());
        assert_ne!(Basis::Aggregator.describe(false), "");
    }
}
