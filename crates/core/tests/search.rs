//! Place search against the shipped pack, as people type into the search box.

use qiaosi_core::content::Pack;
use qiaosi_core::search::{Hit, MatchKind, SearchIndex};
use std::sync::OnceLock;

const SHIPPED: &str = include_str!("../../../public/content/pack.json");

fn shipped() -> &'static (Pack, SearchIndex) {
    static INDEX: OnceLock<(Pack, SearchIndex)> = OnceLock::new();
    INDEX.get_or_init(|| {
        let pack = qiaosi_core::validate::load(SHIPPED).expect("the shipped pack is valid");
        let index = SearchIndex::new(&pack);
        (pack, index)
    })
}

/// Place ids and how they matched, best first.
fn search(q: &str) -> Vec<(&'static str, MatchKind)> {
    let (pack, index) = shipped();
    hits_in(pack, &index.search(q))
}

fn hits_in<'a>(pack: &'a Pack, hits: &[Hit]) -> Vec<(&'a str, MatchKind)> {
    hits.iter()
        .map(|h| (pack.places[h.place].id.as_str(), h.matched))
        .collect()
}

fn top(q: &str) -> (&'static str, MatchKind) {
    *search(q)
        .first()
        .unwrap_or_else(|| panic!("{q:?} found nothing"))
}

fn score(q: &str, id: &str) -> u32 {
    let (pack, index) = shipped();
    let hits = index.search(q);
    let h = hits.iter().find(|h| pack.places[h.place].id == id);
    h.unwrap_or_else(|| panic!("{q:?} did not find {id}")).score
}

use MatchKind::*;

#[test]
fn pinyin_initials_and_full_pinyin_find_the_library() {
    assert_eq!(top("tsg"), ("library-24h", Name));
    assert_eq!(top("tushuguan"), ("library-24h", Name));
    assert_eq!(search("tu shu guan"), search("tushuguan"));
    assert_eq!(search("TuShuGuan"), search("tushuguan"));
    // Syllable prefixes mixed with whole syllables and initials.
    for q in ["tush", "tushug", "tushg", "tsguan"] {
        assert_eq!(top(q), ("library-24h", Name), "{q}");
    }
    // Syllables keep their order and stay consecutive.
    assert!(!search("gst").iter().any(|(id, _)| *id == "library-24h"));
}

#[test]
fn hanzi_match_anywhere_in_the_name_and_rank_by_where() {
    assert_eq!(search("图书"), [("library-24h", Name)]);
    assert_eq!(top("24小时"), ("library-24h", Prefix));
    assert_eq!(top("杭州书房"), ("hangzhou-study-room", Exact));
    assert_eq!(top("书房"), ("hangzhou-study-room", Name));
    assert_eq!(top("篮球"), ("basketball-courts", Prefix));
}

#[test]
fn digits_match_digits_and_letters_match_syllables() {
    assert_eq!(search("24xs"), [("library-24h", Name)]);
    assert_eq!(top("24xiaoshi"), ("library-24h", Prefix));
    // Read from the start of the name, "24xs" ranks above the mid-name "tsg".
    assert!(score("24xs", "library-24h") > score("tsg", "library-24h"));
}

#[test]
fn whole_initials_rank_above_initials_within_the_name() {
    assert_eq!(top("hzsf"), ("hangzhou-study-room", Initials));
    assert_eq!(top("njcghtyz"), ("niujiao-seawall", Initials));
    assert_eq!(top("ght"), ("niujiao-seawall", Name));
    assert_eq!(top("haitang"), ("niujiao-seawall", Name));
    assert_eq!(top("gu hai tang"), ("niujiao-seawall", Name));
    assert!(score("njcghtyz", "niujiao-seawall") > score("ght", "niujiao-seawall"));
}

#[test]
fn heteronym_readings_are_searchable() {
    // 角 is read jiǎo here, but jué is an everyday reading the pack keeps too.
    assert_eq!(top("niujiao"), ("niujiao-seawall", Prefix));
    assert_eq!(top("niujue"), ("niujiao-seawall", Prefix));
}

#[test]
fn english_names_in_any_case_from_word_starts() {
    for q in ["library", "Library", "LIBRARY", "ｌｉｂｒａｒｙ"] {
        assert_eq!(top(q), ("library-24h", Name), "{q}");
    }
    assert_eq!(top("hangzhou study room"), ("hangzhou-study-room", Exact));
    assert_eq!(top("basketball"), ("basketball-courts", Prefix));
    // "art" starts a word in "Linpin Art Station" and the tag "arts", but only sits
    // inside "Party–Public Service Stations".
    assert_eq!(
        search("art"),
        [("linpin-art-station", Name), ("old-teahouse", Tag)]
    );
    assert_eq!(search("brary"), []);
}

#[test]
fn tags_in_both_languages() {
    assert_eq!(search("archaeology"), [("niujiao-seawall", Tag)]);
    assert_eq!(search("考古"), [("niujiao-seawall", Tag)]);
    // A name match outranks the same word as another place's tag.
    assert_eq!(
        &search("seawall")[..3],
        [
            ("niujiao-seawall", Name),
            ("seawall-museum", Name),
            ("tide-parlour", Tag)
        ]
    );
}

#[test]
fn category_names_in_both_languages() {
    let fitness = [("fitness-spots", Name), ("basketball-courts", Category)];
    assert_eq!(search("健身"), fitness);
    assert_eq!(search("Fitness"), fitness);
    assert_eq!(search("sport")[1], ("fitness-spots", Category));
    // The health centre matches only by its category.
    assert_eq!(search("医疗"), [("health-centre", Category)]);
}

#[test]
fn one_letter_off_in_pinyin_still_finds_the_place() {
    for q in [
        "tushugun",
        "tusuguan",
        "tushuguaan",
        "tushuguen",
        "dushuguan",
    ] {
        assert_eq!(search(q), [("library-24h", Fuzzy)], "{q}");
    }
    // 遗址 yízhǐ is an exact match; 艺站 and 驿站 yìzhàn are one letter off, and come after.
    let hits = search("yizhi");
    assert_eq!(
        hits[..2],
        [("niujiao-seawall", Name), ("seawall-museum", Name)]
    );
    assert!(hits.contains(&("linpin-art-station", Fuzzy)), "{hits:?}");
    assert!(hits[2..].iter().all(|&(_, m)| m == Fuzzy), "{hits:?}");
    // Under four letters nearly everything is one letter from something: no tolerance.
    assert_eq!(search("gun"), []);
    assert!(search("guen").contains(&("library-24h", Fuzzy)));
}

#[test]
fn full_width_and_tone_marks_are_folded() {
    assert_eq!(search("ｔｓｇ"), search("tsg"));
    assert_eq!(search("tú shū guǎn"), search("tushuguan"));
    assert_eq!(search("Ｔǔ　ｓｈｕ"), search("tushu"));
    assert_eq!(search("２４小时"), search("24小时"));
}

#[test]
fn nothing_to_search_finds_nothing() {
    for q in ["", "   ", "“”，。", "zzzzqqq"] {
        assert_eq!(search(q), [], "{q:?}");
    }
}

#[test]
fn ranking_puts_names_before_other_fields_and_shorter_names_first() {
    let hits = search("乔司");
    let kinds: Vec<MatchKind> = hits.iter().map(|h| h.1).collect();
    let names = kinds.iter().take_while(|&&k| k == Prefix).count();
    assert_eq!(names, 6, "{hits:?}");
    assert!(kinds[names..].iter().all(|&k| k == Description), "{hits:?}");
    // 乔司站 is shortest; 乔司乡贤馆 and 乔司老茶馆 tie on length and keep pack order;
    // 乔司新文化大楼 is longer.
    let ids: Vec<&str> = hits.iter().map(|h| h.0).collect();
    assert_eq!(
        ids[..4],
        [
            "qiaosi-station",
            "xiangxian-hall",
            "old-teahouse",
            "culture-building"
        ]
    );
}

#[test]
fn exact_beats_prefix_beats_initials_beats_elsewhere_in_the_name() {
    let (pack, _) = shipped();
    let mut pack = pack.clone();
    let mut short = pack.places[0].clone();
    short.id = "library".into();
    short.name.zh = "图书馆".into();
    short.name.en = "Library".into();
    short.pinyin = vec!["tu shu guan".into()];
    pack.places.push(short);
    let index = SearchIndex::new(&pack);
    let search = |q: &str| hits_in(&pack, &index.search(q))[..2].to_vec();
    assert_eq!(
        search("tushuguan"),
        [("library", Exact), ("library-24h", Name)]
    );
    assert_eq!(search("图书"), [("library", Prefix), ("library-24h", Name)]);
    assert_eq!(
        search("tsg"),
        [("library", Initials), ("library-24h", Name)]
    );
    assert_eq!(
        search("library"),
        [("library", Exact), ("library-24h", Name)]
    );
}

#[test]
fn one_letter_queries_skip_descriptions() {
    let hits = search("t");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|&(_, m)| m != Description), "{hits:?}");
    // Two letters do reach them.
    assert!(search("subdistrict").iter().all(|&(_, m)| m == Description));
    assert!(search("su").iter().any(|&(_, m)| m == Description));
}

#[test]
fn without_pinyin_keys_hanzi_and_english_still_work() {
    let (pack, _) = shipped();
    let mut bare = pack.clone();
    for p in &mut bare.places {
        p.pinyin.clear();
    }
    let index = SearchIndex::new(&bare);
    let search = |q: &str| hits_in(&bare, &index.search(q));
    assert_eq!(search("图书"), [("library-24h", Name)]);
    assert_eq!(search("library")[0], ("library-24h", Name));
    assert_eq!(search("tsg"), []);
}

/// The index skips places by a filter of word starts; a filter that dropped a real match
/// would hide places silently. Every word prefix of every field must find its place.
#[test]
fn every_word_prefix_of_every_field_finds_its_place() {
    let (pack, index) = shipped();
    let mut tried = 0;
    for (i, p) in pack.places.iter().enumerate() {
        let mut fields = vec![(&p.name.zh, 1), (&p.name.en, 1)];
        fields.extend(p.tags.iter().map(|t| (t, 1)));
        // One letter does not reach descriptions (see one_letter_queries_skip_descriptions).
        fields.extend([(&p.description.zh, 2), (&p.description.en, 2)]);
        for (text, shortest) in fields {
            for word in text.split(|c: char| !c.is_alphanumeric()) {
                let chars: Vec<char> = word.chars().collect();
                for start in 0..chars.len() {
                    // Latin words are matched from their start, hanzi from any char.
                    if start > 0 && chars[start].is_ascii() {
                        break;
                    }
                    for len in 1..=6.min(chars.len() - start) {
                        let q: String = chars[start..start + len].iter().collect();
                        if q.len() < shortest {
                            continue;
                        }
                        tried += 1;
                        let hits = index.search(&q);
                        assert!(hits.iter().any(|h| h.place == i), "{q:?} misses {}", p.id);
                    }
                }
            }
        }
    }
    assert!(tried > 1000, "{tried}");
}

#[test]
fn an_index_built_a_few_places_at_a_time_finds_the_same() {
    let (pack, whole) = shipped();
    for slice in [1, 2, 5, 1000] {
        let mut b = qiaosi_core::search::IndexBuilder::new(pack);
        let mut steps = 1;
        while !b.step(pack, slice) {
            steps += 1;
        }
        assert_eq!(
            steps,
            pack.places.len().div_ceil(slice).max(1),
            "slice {slice}"
        );
        // A finished builder stays finished.
        assert!(b.step(pack, slice));
        let sliced = b.finish();
        for q in [
            "tsg", "图书", "haitang", "qiaosi", "fitness", "健身", "24", "library", "x",
        ] {
            assert_eq!(
                sliced.search(q),
                whole.search(q),
                "slice {slice}, query {q}"
            );
        }
    }
}
