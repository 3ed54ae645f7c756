//! The user's display settings: language, theme and large text.
//!
//! Kept in localStorage rather than IndexedDB because they must apply before the first paint:
//! index.html's boot script reads the same keys synchronously, so a returning user never sees
//! a flash of the wrong language or theme. Everything else the user makes lives in the store.

use crate::i18n::{I18n, Lang};
use crate::store::local::{self, LANG as KEY_LANG, LARGE as KEY_LARGE, THEME as KEY_THEME};
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    fn parse(s: &str) -> Theme {
        match s {
            "light" => Theme::Light,
            "dark" => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[derive(Clone, Copy)]
pub struct Settings {
    pub theme: RwSignal<Theme>,
    pub large_text: RwSignal<bool>,
}

use local::{get as read, set as write};

/// Reads the stored settings, provides them and the language as context, and keeps `<html>`
/// (lang, theme, text size) and storage in step with them.
pub fn provide_settings() {
    let lang = RwSignal::new(
        read(KEY_LANG)
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(Lang::Zh),
    );
    let theme = RwSignal::new(Theme::parse(&read(KEY_THEME).unwrap_or_default()));
    let large_text = RwSignal::new(read(KEY_LARGE).as_deref() == Some("1"));
    provide_context(I18n { lang });
    provide_context(Settings { theme, large_text });

    let root = document().document_element().expect("<html>");
    Effect::new(move |_| {
        let l = lang.get();
        let _ = root.set_attribute("lang", l.tag());
        write(KEY_LANG, l.tag());
        let t = theme.get();
        let _ = root.set_attribute("data-theme", t.as_str());
        write(KEY_THEME, t.as_str());
        let large = large_text.get();
        let _ = root.class_list().toggle_with_force("large-text", large);
        write(KEY_LARGE, if large { "1" } else { "0" });
    });
}

pub fn use_settings() -> Settings {
    expect_context::<Settings>()
}
