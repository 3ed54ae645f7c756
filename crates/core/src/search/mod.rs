//! Place search that understands hanzi, pinyin, pinyin initials and English, and forgives one
//! wrong letter in pinyin.
//!
//! The app runs it on every keystroke over the whole pack, on cheap phones, so everything
//! that does not depend on the query is folded once in [`SearchIndex::new`] into one byte
//! arena. A keystroke then folds the query, walks the places once without allocating per
//! place, and sorts the hits. Pinyin comes from the keys `qiaosi pinyin` writes into the pack
//! ([`crate::content::Place::pinyin`]): no pinyin table ships in the wasm, and a place
//! without keys is still found by its hanzi and English.

mod build;
pub use build::IndexBuilder;
mod text;

use crate::content::CATEGORIES;
use text::Words;

/// How a place matched, best first. A place is reported by its best match only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchKind {
    /// The whole name, in hanzi, English or one of its pinyin readings.
    Exact,
    /// The start of the name or of a pinyin reading.
    Prefix,
    /// The initials of every syllable of the name: "hzsf" for 杭州书房.
    Initials,
    /// Elsewhere in the name, or a mix of syllables, syllable prefixes and initials from any
    /// syllable on: "tsg", "tushg", "24xs".
    Name,
    Tag,
    /// The display name of the place's category ([`crate::content::category_name`]).
    Category,
    Description,
    /// A pinyin reading with one letter wrong, missing or extra.
    Fuzzy,
}

impl MatchKind {
    /// The base of [`Hit::score`]; the gaps leave room for finer ranks within a kind.
    pub fn score(self) -> u32 {
        match self {
            MatchKind::Exact => 800,
            MatchKind::Prefix => 700,
            MatchKind::Initials => 600,
            MatchKind::Name => 500,
            MatchKind::Tag => 420,
            MatchKind::Category => 410,
            MatchKind::Description => 400,
            MatchKind::Fuzzy => 100,
        }
    }
}

/// Within [`MatchKind::Name`]: pieces of pinyin that start at the name's first syllable
/// ("24xs") read as the start of the name.
const FROM_FIRST_SYLLABLE: u32 = 50;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `pack.places`.
    pub place: usize,
    /// Higher ranks first.
    pub score: u32,
    pub matched: MatchKind,
}

/// A place search built once per pack; [`SearchIndex::search`] is cheap enough to run per
/// keystroke.
pub struct SearchIndex {
    /// Every folded text of every place, one after the other.
    text: Vec<u8>,
    /// One bit per byte of `text`: whether a word starts there.
    starts: Vec<u64>,
    places: Vec<Entry>,
    readings: Vec<Reading>,
    /// Where each syllable of each reading starts, as an offset into the reading.
    syllables: Vec<u8>,
    /// The folded display names of [`CATEGORIES`], Chinese and English.
    categories: Vec<[Span; 2]>,
}

#[derive(Clone, Copy)]
struct Span {
    at: u32,
    len: u32,
}

struct Entry {
    zh: Span,
    en: Span,
    /// All tags, separated by a space, which no folded query contains.
    tags: Span,
    description: Span,
    /// Index into [`CATEGORIES`]; out of range for an unknown category.
    category: usize,
    readings: std::ops::Range<u32>,
    /// Chars in the Chinese name, for ordering ties.
    name_len: u32,
    /// The letters and digits of all readings, and those that start a syllable: a query
    /// with others cannot match the pinyin, which is then not looked at.
    letters: u64,
    firsts: u64,
    /// The word keys of the names and tags, and of the description; and the first letters
    /// of the words in the names and tags, for one-letter queries.
    names: Words<4>,
    descriptions: Words<16>,
    heads: u64,
}

struct Reading {
    joined: Span,
    /// The first letter of every syllable, digits kept whole: "24xstsg".
    initials: Span,
    syllables: std::ops::Range<u32>,
}

/// A folded query and what is worth trying with it.
struct Query<'a> {
    q: &'a [u8],
    /// ASCII and short enough for [`text::syllables_match`].
    pinyin: bool,
    letters: u64,
    /// The query's [`text::word_key`], and for one-letter queries its [`text::bit`].
    key: u32,
    head: u64,
    /// Typo tolerance from four letters on: shorter, nearly everything is one letter away.
    fuzzy: bool,
    categories: [bool; CATEGORIES.len()],
}

impl SearchIndex {
    /// The places matching `query`, best first; ties go to the shorter name, then to pack
    /// order. An empty query (after folding) matches nothing: the caller shows the full list.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let mut folded = String::with_capacity(query.len());
        text::fold(query, |c, _| folded.push(c));
        let q = folded.as_bytes();
        if q.is_empty() {
            return Vec::new();
        }
        let pinyin = q.is_ascii() && q.len() < 64;
        let mut categories = [false; CATEGORIES.len()];
        for (hit, names) in categories.iter_mut().zip(&self.categories) {
            *hit = names.iter().any(|&n| self.find(n, q));
        }
        let query = Query {
            q,
            pinyin,
            letters: text::bits(q),
            key: text::word_key(q, q.len() >= 3),
            head: text::bit(q[0]),
            fuzzy: pinyin && q.iter().filter(|b| b.is_ascii_lowercase()).count() >= 4,
            categories,
        };
        let mut hits: Vec<Hit> = (self.places.iter().enumerate())
            .filter_map(|(place, e)| {
                let (score, matched) = self.rank(e, &query)?;
                Some(Hit {
                    place,
                    score,
                    matched,
                })
            })
            .collect();
        hits.sort_unstable_by(|a, b| {
            let len = |h: &Hit| self.places[h.place].name_len;
            (b.score.cmp(&a.score))
                .then(len(a).cmp(&len(b)))
                .then(a.place.cmp(&b.place))
        });
        hits
    }

    /// The best match of one place. Checked in rank order, so the first kind found wins.
    fn rank(&self, e: &Entry, query: &Query) -> Option<(u32, MatchKind)> {
        let q = query.q;
        let mut best: Option<(u32, MatchKind)> = None;
        let mut take = |kind: MatchKind, bonus: u32| {
            let score = kind.score() + bonus;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, kind));
            }
        };
        // One latin letter starts a word in nearly every description: matching those would
        // flood the list and cost a scan of every description on the first keystroke.
        let (names, descriptions) = if q.len() == 1 {
            (e.heads & query.head != 0, false)
        } else {
            (
                e.names.may_have(query.key),
                e.descriptions.may_have(query.key),
            )
        };
        for name in [e.zh, e.en] {
            let hay = self.bytes(name);
            if !names {
                break;
            } else if hay == q {
                return Some((MatchKind::Exact.score(), MatchKind::Exact));
            } else if text::starts_with(hay, q) {
                take(MatchKind::Prefix, 0);
            } else if self.find(name, q) {
                take(MatchKind::Name, 0);
            }
        }
        if query.pinyin && query.letters & !e.letters == 0 && text::bit(q[0]) & e.firsts != 0 {
            for r in self.readings_of(e) {
                let joined = self.bytes(r.joined);
                if joined == q {
                    return Some((MatchKind::Exact.score(), MatchKind::Exact));
                } else if text::starts_with(joined, q) {
                    take(MatchKind::Prefix, 0);
                } else if self.bytes(r.initials) == q {
                    take(MatchKind::Initials, 0);
                } else if let Some(first) = text::syllables_match(q, joined, self.syllables(r)) {
                    take(MatchKind::Name, if first { FROM_FIRST_SYLLABLE } else { 0 });
                }
            }
        }
        if best.is_some() {
            return best;
        }
        let kind = if names && self.find(e.tags, q) {
            MatchKind::Tag
        } else if query.categories.get(e.category) == Some(&true) {
            MatchKind::Category
        } else if descriptions && self.find(e.description, q) {
            MatchKind::Description
        } else if query.fuzzy && self.near(e, query) {
            MatchKind::Fuzzy
        } else {
            return None;
        };
        Some((kind.score(), kind))
    }

    /// Whether a reading is one letter off the query from some syllable on.
    fn near(&self, e: &Entry, query: &Query) -> bool {
        // One edit brings in at most one letter the readings lack.
        if (query.letters & !e.letters).count_ones() > 1 {
            return false;
        }
        self.readings_of(e).iter().any(|r| {
            let joined = self.bytes(r.joined);
            (self.syllables(r).iter())
                .any(|&s| text::near_prefix(query.q, &joined[usize::from(s)..]))
        })
    }

    fn readings_of(&self, e: &Entry) -> &[Reading] {
        &self.readings[e.readings.start as usize..e.readings.end as usize]
    }

    fn bytes(&self, s: Span) -> &[u8] {
        &self.text[s.at as usize..(s.at + s.len) as usize]
    }

    fn syllables(&self, r: &Reading) -> &[u8] {
        &self.syllables[r.syllables.start as usize..r.syllables.end as usize]
    }

    fn is_start(&self, i: usize) -> bool {
        self.starts
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Whether `q` occurs in `s` from a word start. Walks the set bits of `starts` rather
    /// than the bytes: there are three to six times fewer of them.
    fn find(&self, s: Span, q: &[u8]) -> bool {
        let (from, end) = (s.at as usize, (s.at + s.len) as usize);
        let Some(last) = end.checked_sub(q.len()).filter(|&l| l >= from) else {
            return false;
        };
        let mut w = from / 64;
        let mut bits = self.starts.get(w).map_or(0, |b| b & (!0 << (from % 64)));
        loop {
            while bits != 0 {
                let i = w * 64 + bits.trailing_zeros() as usize;
                if i > last {
                    return false;
                }
                if self.text[i] == q[0] && text::starts_with(&self.text[i..end], q) {
                    return true;
                }
                bits &= bits - 1;
            }
            w += 1;
            match self.starts.get(w) {
                Some(&b) if w * 64 <= last => bits = b,
                _ => return false,
            }
        }
    }
}
