//! Every UI string, in both languages, through one mechanism.
//!
//! Why hand-rolled rather than leptos_i18n: with two locales a match on an enum is the smallest
//! thing that works (no ICU data in the wasm), and a missing translation is a compile error.
//! Content strings (names, descriptions) come from the pack's zh/en fields, not from here.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`, so screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn from_tag(s: &str) -> Option<Lang> {
        match s {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    pub fn is_en(self) -> bool {
        self == Lang::En
    }
}

/// Declares the table of UI strings: `K` (an enum), `TEXTS` and `K::text`.
macro_rules! texts {
    ($($(#[$cfg:meta])* $key:ident => $zh:literal, $en:literal;)*) => {
        /// A UI string. Add one here with both languages; the compiler finds every use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum K { $($(#[$cfg])* $key),* }
        /// Indexed by `K as usize`: a table of data rather than a match keeps the wasm small.
        /// A `#[cfg]` on a line leaves both its variant and its row out, so the two stay aligned.
        pub(crate) const TEXTS: &[[&str; 2]] = &[$($(#[$cfg])* [$zh, $en]),*];
        impl K {
            /// Every string, for the tests that check both languages are there.
            #[allow(dead_code)]
            pub const ALL: &'static [K] = &[$($(#[$cfg])* K::$key),*];
            pub fn text(self, lang: $crate::i18n::Lang) -> &'static str {
                TEXTS[self as usize][lang as usize]
            }
        }
    };
}

// The table itself, one line a string: texts.rs, and the staff build's lines in
// staff_texts.rs.
#[macro_use]
mod staff_texts;
mod texts;
pub use texts::K;

/// The current language, shared through context.
///
/// The whole UI is rebuilt when the language changes (see `app.rs`), so strings are read once,
/// untracked, and rendered as plain text: one reactive closure per string would cost the wasm
/// several hundred bytes each, for a switch people make once.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: RwSignal<Lang>,
}

impl I18n {
    /// A UI string in the current language.
    pub fn t(self, k: K) -> &'static str {
        k.text(self.lang.get_untracked())
    }
    pub fn en(self) -> bool {
        self.lang.get_untracked().is_en()
    }
    /// After a label: "：" in Chinese (full width, no space), ": " in English.
    pub fn colon(self) -> &'static str {
        if self.en() {
            ": "
        } else {
            "："
        }
    }
    /// Between clauses: "，" or ", ".
    pub fn comma(self) -> &'static str {
        if self.en() {
            ", "
        } else {
            "，"
        }
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn each_key_indexes_its_own_row_in_either_build() {
        assert_eq!(K::ALL.len(), super::texts::TEXTS.len());
        for (n, k) in K::ALL.iter().enumerate() {
            assert_eq!(*k as usize, n, "{k:?}");
        }
        assert_eq!(K::AppName.text(Lang::En), "Qiaosi Guide");
    }

    #[test]
    fn every_string_exists_in_both_languages() {
        check_table(
            K::ALL
                .iter()
                .map(|k| (format!("{k:?}"), k.text(Lang::Zh), k.text(Lang::En))),
        );
    }

    /// Both languages present, Chinese with Chinese in it, English without: shared with the
    /// extras bundle's table.
    pub(crate) fn check_table<'a>(rows: impl Iterator<Item = (String, &'a str, &'a str)>) {
        for (k, zh, en) in rows {
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{k:?}");
            // A Chinese string with no Chinese in it is almost certainly an untranslated copy.
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{k:?}: {zh}"
            );
            assert!(
                !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{k:?}: {en}"
            );
        }
    }

    /// The house style: 您 not 你 (many users are elderly), 开放中 / 已闭馆 for venues, and
    /// "not found" rather than "not announced" for what this guide has no source for.
    #[test]
    fn strings_follow_the_house_style() {
        for k in K::ALL {
            let (zh, en) = (k.text(Lang::Zh), k.text(Lang::En));
            for bad in ["你", "营业中", "关门", "尚未公布"] {
                assert!(!zh.contains(bad), "{k:?}: {zh:?} contains {bad}");
            }
            let en = en.to_lowercase();
            for bad in ["not announced", "not been announced"] {
                assert!(!en.contains(bad), "{k:?}: {en:?} contains {bad:?}");
            }
        }
    }

    #[test]
    fn language_tags_round_trip() {
        for l in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }
}
