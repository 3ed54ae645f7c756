//! Building a [`SearchIndex`]: all the folding, done once per pack.

use super::text::{self, Words};
use super::{Entry, Reading, SearchIndex, Span};
use crate::content::{category_name, Pack, CATEGORIES};

/// A [`SearchIndex`] built a few places at a time, so that a phone can build it between
/// frames (ahead of the first keystroke) instead of in one long task.
pub struct IndexBuilder {
    ix: SearchIndex,
}

impl IndexBuilder {
    pub fn new(pack: &Pack) -> IndexBuilder {
        let mut ix = SearchIndex {
            text: Vec::new(),
            starts: Vec::new(),
            places: Vec::with_capacity(pack.places.len()),
            readings: Vec::new(),
            syllables: Vec::new(),
            categories: Vec::new(),
        };
        for c in CATEGORIES {
            let zh = ix.push(&[category_name(c, false)]);
            let en = ix.push(&[category_name(c, true)]);
            ix.categories.push([zh, en]);
        }
        IndexBuilder { ix }
    }

    /// Adds up to `n` more of `pack`'s places (the same pack every time); true once all are in.
    pub fn step(&mut self, pack: &Pack, n: usize) -> bool {
        let from = self.ix.places.len();
        let to = pack.places.len().min(from.saturating_add(n));
        for p in &pack.places[from..to] {
            self.ix.add(p);
        }
        to == pack.places.len()
    }

    pub fn finish(self) -> SearchIndex {
        self.ix
    }
}

impl SearchIndex {
    pub fn new(pack: &Pack) -> SearchIndex {
        let mut b = IndexBuilder::new(pack);
        b.step(pack, usize::MAX);
        b.finish()
    }

    fn add(&mut self, p: &crate::content::Place) {
        let ix = self;
        {
            let zh = ix.push(&[p.name.zh.as_str()]);
            let en = ix.push(&[p.name.en.as_str()]);
            let tags = ix.push(&p.tags.iter().map(String::as_str).collect::<Vec<_>>());
            let description = ix.push(&[p.description.zh.as_str(), p.description.en.as_str()]);
            // The spans were pushed one after the other, so their word starts are one range.
            let (mut names, mut descriptions, mut heads) = (Words::new(), Words::new(), 0);
            let end = (description.at + description.len) as usize;
            for i in zh.at as usize..end {
                if ix.is_start(i) {
                    for long in [false, true] {
                        let key = text::word_key(&ix.text[i..end], long);
                        if i < description.at as usize {
                            names.add(key);
                        } else {
                            descriptions.add(key);
                        }
                    }
                    if i < description.at as usize {
                        heads |= text::bit(ix.text[i]);
                    }
                }
            }
            let first = ix.readings.len() as u32;
            let (mut letters, mut firsts) = (0, 0);
            for key in &p.pinyin {
                let (l, f) = ix.push_reading(key);
                (letters, firsts) = (letters | l, firsts | f);
            }
            ix.places.push(Entry {
                zh,
                en,
                tags,
                description,
                category: CATEGORIES
                    .iter()
                    .position(|c| *c == p.category)
                    .unwrap_or(usize::MAX),
                readings: first..ix.readings.len() as u32,
                name_len: p.name.zh.chars().count() as u32,
                letters,
                firsts,
                names,
                descriptions,
                heads,
            });
        }
    }

    /// Folds `parts` into the arena, a space between them.
    fn push(&mut self, parts: &[&str]) -> Span {
        let at = self.text.len();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                self.text.push(b' ');
            }
            text::fold(part, |c, start| {
                if start {
                    let i = self.text.len();
                    self.starts.resize(i / 64 + 1, 0);
                    self.starts[i / 64] |= 1 << (i % 64);
                }
                let mut buf = [0; 4];
                self.text
                    .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            });
        }
        Span {
            at: at as u32,
            len: (self.text.len() - at) as u32,
        }
    }

    /// Adds one pinyin key; returns its letters and syllable-initial letters. Keys are
    /// validated when a pack is loaded, but an index can be built from any pack, so the
    /// syllables are folded again rather than trusted.
    fn push_reading(&mut self, key: &str) -> (u64, u64) {
        let (mut joined, mut initials, mut starts) = (Vec::new(), Vec::new(), Vec::new());
        for syllable in key.split(' ') {
            let before = joined.len();
            text::fold(syllable, |c, _| {
                if c.is_ascii() {
                    joined.push(c as u8);
                }
            });
            // Offsets are kept in a byte; no real name comes near that.
            if joined.len() == before || before > usize::from(u8::MAX) {
                joined.truncate(before);
                continue;
            }
            starts.push(before as u8);
            let s = &joined[before..];
            let whole = if s[0].is_ascii_digit() { s.len() } else { 1 };
            initials.extend_from_slice(&s[..whole]);
        }
        let letters = text::bits(&joined);
        let firsts = (starts.iter()).fold(0, |m, &s| m | text::bit(joined[usize::from(s)]));
        let joined = self.push_bytes(&joined);
        let initials = self.push_bytes(&initials);
        let first = self.syllables.len() as u32;
        self.syllables.extend_from_slice(&starts);
        self.readings.push(Reading {
            joined,
            initials,
            syllables: first..self.syllables.len() as u32,
        });
        (letters, firsts)
    }

    fn push_bytes(&mut self, bytes: &[u8]) -> Span {
        let at = self.text.len() as u32;
        self.text.extend_from_slice(bytes);
        Span {
            at,
            len: bytes.len() as u32,
        }
    }
}
