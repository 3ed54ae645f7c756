//! The byte-level pieces of search: folding text into the one form both the index and the
//! query are compared in, and the matchers that run per place on every keystroke.

/// Folds `s` for matching and hands every kept char to `emit`, with whether a word starts
/// there. Case, full-width forms and tone marks go (so "ＴＳＧ", "Tú Shū" and "tu shu" meet);
/// spaces and punctuation go too, as people type names with and without them ("tu shu guan",
/// "24-hour", "乔司“潮”"). A word starts after anything dropped, at every hanzi, and where
/// latin follows hanzi: free text only matches from word starts, so "art" finds "Art
/// Station" and not "Party".
pub(super) fn fold(s: &str, mut emit: impl FnMut(char, bool)) {
    // Whether the last kept char was ASCII; `None` at the start and after a dropped char.
    let mut prev: Option<bool> = None;
    for c in s.chars() {
        match fold_char(c) {
            Some(f) => {
                let ascii = f.is_ascii();
                emit(f, !ascii || prev != Some(true));
                prev = Some(ascii);
            }
            None => prev = None,
        }
    }
}

fn fold_char(c: char) -> Option<char> {
    let c = match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0)?,
        _ => c,
    };
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase());
    }
    // Ranges and a table of the pack's own letters rather than `char::to_lowercase` and
    // `char::is_alphanumeric`, whose Unicode tables would add kilobytes to the wasm for
    // scripts the guide does not use. Other scripts are kept as they are, case and all.
    Some(match c {
        // Pinyin tone marks, which are also the accents of most latin words in the pack.
        'ā' | 'á' | 'ǎ' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'Ā' | 'Á' | 'Ǎ' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'ē' | 'é' | 'ě' | 'è' | 'ê' | 'ë' | 'ế' | 'ề' => 'e',
        'Ē' | 'É' | 'Ě' | 'È' | 'Ê' | 'Ë' | 'Ế' | 'Ề' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' | 'î' | 'ï' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'Ō' | 'Ó' | 'Ǒ' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' | 'û' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' | 'Û' => 'u',
        // Pinyin keys spell ü as v, as pinyin keyboards do.
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'Ü' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => 'v',
        'ń' | 'ň' | 'ǹ' | 'ñ' | 'Ń' | 'Ň' | 'Ǹ' | 'Ñ' => 'n',
        'ḿ' | 'Ḿ' => 'm',
        'ç' | 'Ç' => 'c',
        // 々 and 〇 are written in names; the rest of their block is punctuation.
        '\u{3005}' | '\u{3007}' => c,
        // Punctuation, symbols, combining marks (tone marks typed apart from their vowel),
        // variation selectors and emoji separate words as spaces do.
        '\u{80}'..='\u{bf}'
        | '\u{d7}'
        | '\u{f7}'
        | '\u{2b0}'..='\u{36f}'
        | '\u{2000}'..='\u{2bff}'
        | '\u{3000}'..='\u{303f}'
        | '\u{fe00}'..='\u{fe6f}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{1f000}'..='\u{1faff}' => return None,
        _ => c,
    })
}

/// The bit of an ASCII letter or digit in a 64-bit set of them; anything else shares bit 63.
pub(super) fn bit(b: u8) -> u64 {
    match b {
        b'a'..=b'z' => 1 << (b - b'a'),
        b'0'..=b'9' => 1 << (26 + b - b'0'),
        _ => 1 << 63,
    }
}

pub(super) fn bits(s: &[u8]) -> u64 {
    s.iter().fold(0, |m, &b| m | bit(b))
}

/// Length of the common prefix.
pub(super) fn lcp(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// The key of the word starting at `s[0]`: a hash of its first char when that is not ASCII,
/// else of its first two bytes, or three when `long`. A text match of a query starts at a
/// word start with the query's own key, which is what lets a [`Words`] filter rule places
/// out; the index holds both lengths, and a query of three bytes or more uses the longer,
/// which tells "lib" from "lin" and "24x" from "24h".
pub(super) fn word_key(s: &[u8], long: bool) -> u32 {
    let width = match s.first() {
        Some(&b) if b >= 0xf0 => 4,
        Some(&b) if b >= 0xe0 => 3,
        Some(&b) if b >= 0x80 => 2,
        _ if long => 3,
        _ => 2,
    };
    // FNV-1a: a few multiplies, and spreads the few bytes well enough for a filter.
    s.iter().take(width).fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A Bloom filter of word keys, two bits per key. A place whose filter lacks the query's
/// key is spared the scan of that text: on most keystrokes, nearly every place.
#[derive(Clone, Copy)]
pub(super) struct Words<const N: usize>([u64; N]);

impl<const N: usize> Words<N> {
    pub(super) fn new() -> Self {
        Words([0; N])
    }

    fn bits(key: u32) -> [usize; 2] {
        [key as usize % (64 * N), (key >> 16) as usize % (64 * N)]
    }

    pub(super) fn add(&mut self, key: u32) {
        for b in Self::bits(key) {
            self.0[b / 64] |= 1 << (b % 64);
        }
    }

    pub(super) fn may_have(&self, key: u32) -> bool {
        Self::bits(key)
            .iter()
            .all(|&b| self.0[b / 64] >> (b % 64) & 1 == 1)
    }
}

/// Whether `hay` starts with `q`; a plain loop, as names are short and a call to `memcmp`
/// per place costs more than the comparison.
pub(super) fn starts_with(hay: &[u8], q: &[u8]) -> bool {
    hay.len() >= q.len() && lcp(hay, q) == q.len()
}

/// Whether `q` can be cut into pieces that are non-empty prefixes of consecutive syllables,
/// starting at any syllable: "tsg", "tushug" and "24xs" all match "24 xiao shi tu shu guan".
/// `Some(true)` when such a match starts at the first syllable. `starts` are the syllables'
/// offsets in `joined`; `q` is shorter than 64 bytes.
///
/// The positions of `q` reachable after each syllable are kept as bits, so the work is one
/// pass over the syllables however many ways `q` can be cut, with no allocation.
pub(super) fn syllables_match(q: &[u8], joined: &[u8], starts: &[u8]) -> Option<bool> {
    let done = 1u64 << q.len();
    let (mut any, mut anchored, mut found) = (0u64, 1u64, false);
    for (k, &from) in starts.iter().enumerate() {
        let to = starts.get(k + 1).map_or(joined.len(), |&t| usize::from(t));
        let syllable = &joined[usize::from(from)..to];
        any |= 1;
        let (mut next_any, mut next_anchored) = (0u64, 0u64);
        let mut live = (any | anchored) & (done - 1);
        while live != 0 {
            let p = live.trailing_zeros() as usize;
            live &= live - 1;
            let n = lcp(&q[p..], syllable);
            if n > 0 {
                // Every prefix of the syllable up to `n` bytes is a piece that can end here.
                let run = ((1u64 << n) - 1) << (p + 1);
                if any >> p & 1 == 1 {
                    next_any |= run;
                }
                if anchored >> p & 1 == 1 {
                    next_anchored |= run;
                }
            }
        }
        if next_anchored & done != 0 {
            return Some(true);
        }
        found |= next_any & done != 0;
        if found && next_anchored == 0 {
            return Some(false);
        }
        (any, anchored) = (next_any, next_anchored);
    }
    found.then_some(false)
}

/// Whether `q` is one letter wrong, missing or extra away from a prefix of `s`.
pub(super) fn near_prefix(q: &[u8], s: &[u8]) -> bool {
    let j = lcp(q, s);
    if j == q.len() {
        return true;
    }
    let rest = &q[j + 1..];
    let wrong = s.len() > j && s[j + 1..].starts_with(rest);
    let missing = s.len() > j && s[j + 1..].starts_with(&q[j..]);
    let extra = s[j..].starts_with(rest);
    wrong || missing || extra
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> (String, String) {
        let (mut out, mut starts) = (String::new(), String::new());
        fold(s, |c, start| {
            out.push(c);
            starts.push(if start { '^' } else { '.' });
        });
        (out, starts)
    }

    #[test]
    fn folding_drops_case_width_tones_and_punctuation_and_marks_word_starts() {
        assert_eq!(folded("ＴＳＧ ２４").0, "tsg24");
        assert_eq!(folded("Tú Shū GUǍN lǜ").0, "tushuguanlv");
        assert_eq!(folded("tu\u{301} shu\u{304}").0, "tushu");
        assert_eq!(folded("《二〇二三》——“乔司”、Café…").0, "二〇二三乔司cafe");
        assert_eq!(
            folded("24-hour Library"),
            ("24hourlibrary".into(), "^.^...^......".into())
        );
        assert_eq!(folded("乔司“潮”A区"), ("乔司潮a区".into(), "^^^^^".into()));
    }

    fn split(reading: &str) -> (Vec<u8>, Vec<u8>) {
        let (mut joined, mut starts) = (vec![], vec![]);
        for s in reading.split(' ') {
            starts.push(joined.len() as u8);
            joined.extend_from_slice(s.as_bytes());
        }
        (joined, starts)
    }

    #[test]
    fn syllable_pieces_match_anywhere_and_report_an_anchored_start() {
        let (j, s) = split("24 xiao shi tu shu guan");
        let m = |q: &str| syllables_match(q.as_bytes(), &j, &s);
        assert_eq!(m("tsg"), Some(false));
        assert_eq!(m("tushg"), Some(false));
        assert_eq!(m("24xs"), Some(true));
        assert_eq!(m("24xiaoshitsg"), Some(true));
        assert_eq!(m("xian"), None, "xi and an are not consecutive syllables");
        assert_eq!(m("tgs"), None);
        assert_eq!(m("gt"), None, "syllables keep their order");
        let (j, s) = split("xi an");
        assert_eq!(syllables_match(b"xian", &j, &s), Some(true));
    }

    #[test]
    fn one_edit_away_from_a_prefix() {
        let s = b"tushuguan";
        for q in [
            "tushugun",
            "tusuguan",
            "tushuguaan",
            "dushuguan",
            "tushuguanx",
        ] {
            assert!(near_prefix(q.as_bytes(), s), "{q}");
        }
        for q in ["tushgun", "tsuhguan", "tushuguanxx", "xyzshuguan"] {
            assert!(!near_prefix(q.as_bytes(), s), "{q}");
        }
    }
}
