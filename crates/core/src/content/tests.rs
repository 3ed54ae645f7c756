//! The content model's tests, and the builders other modules' tests use.

use super::*;
use crate::time::Date;

pub(crate) fn edition(start: &str, end: Option<&str>) -> Edition {
    Edition {
        id: "e".into(),
        name: I18n::default(),
        start: start.into(),
        end: end.map(Into::into),
        period: I18n::default(),
        summary: I18n::default(),
        sources: vec![],
        events: vec![],
    }
}

pub(crate) fn place(id: &str) -> Place {
    Place::new(
        id.into(),
        I18n::default(),
        "reading".into(),
        I18n::default(),
    )
}

pub(crate) fn route() -> Route {
    Route {
        id: "r".into(),
        name: I18n::default(),
        summary: I18n::default(),
        stops: vec![],
        path: vec![[30.35, 120.28], [30.35, 120.29]],
        path_precision: Precision::Exact,
        sources: vec![],
    }
}

pub(crate) fn pack() -> Pack {
    Pack {
        meta: Meta {
            schema: SCHEMA,
            version: "t".into(),
            generated: "2026-11-30".into(),
            tiles: TileSource {
                url: "https://t/{z}/{x}/{y}.png".into(),
                attribution: "a".into(),
                datum: Datum::Wgs84,
                max_zoom: 19,
            },
        },
        places: vec![],
        routes: vec![],
        festival: vec![],
        checkin: Checkin::default(),
    }
}

#[test]
fn editions_end_on_their_last_day_or_six_months_on() {
    let d = |s| Date::parse(s).unwrap();
    let known = edition("2023-12-27", Some("2024-03-31"));
    assert!(!known.is_past(d("2024-03-31")));
    assert!(known.is_past(d("2024-04-01")));
    let open_ended = edition("2022-09-13", None);
    assert!(!open_ended.is_past(d("2022-09-24")));
    assert!(open_ended.is_past(d("2023-06-01")));
}

#[test]
fn every_category_has_a_name_in_both_languages() {
    for c in CATEGORIES {
        assert!(!category_name(c, false).is_empty() && !category_name(c, true).is_empty());
    }
    assert_eq!(category_name("fitness", false), "健身运动");
    assert_eq!(category_name("elderly", true), "Elderly care");
    assert_eq!(category_name("casino", true), "");
}

#[test]
fn pinyin_keys_are_lowercase_syllables_with_single_spaces() {
    assert!(is_pinyin_key("tu shu guan"));
    assert!(is_pinyin_key("24 xiao shi tu shu guan"));
    for bad in [
        "",
        "Tu shu guan",
        "tú shū guǎn",
        "tu  shu",
        " tu",
        "tu ",
        "tu-shu",
    ] {
        assert!(!is_pinyin_key(bad), "{bad:?}");
    }
}

#[test]
fn text_falls_back_to_the_other_language() {
    let t = I18n {
        zh: "图书馆".into(),
        en: String::new(),
    };
    assert_eq!(t.get(true), "图书馆");
    assert_eq!(t.get(false), "图书馆");
}
