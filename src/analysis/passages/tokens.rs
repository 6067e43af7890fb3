//! Tokens for shared-passage search: Unicode words (UAX #29) of a body, normalised (NFKC,
//! case fold, one apostrophe, one dash, plain spaces), interned to integer ids, each with
//! its byte range in the original body and a few flags.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use unicode_normalization::UnicodeNormalization;

use crate::analysis::Span;
use crate::assets;
pub use crate::text::for_each_word;

/// A function word (`assets/stopwords.txt`).
pub const STOP: u8 = 1;
/// A title or role word (`assets/titles.txt`).
pub const TITLE: u8 = 2;
/// Starts with a capital letter: part of a name, most likely.
pub const CAP: u8 = 4;
/// Boilerplate or page chrome: never seeds or extends a passage.
pub const MASKED: u8 = 8;
/// Inside the quotation marks of a direct quote.
pub const QUOTED: u8 = 16;
/// First token of a sentence (or of a line).
pub const SENT: u8 = 32;

/// True when a token carries meaning of its own: not a function word, title or name.
pub fn is_content(flags: u8) -> bool {
    flags & (STOP | TITLE | CAP) == 0
}

/// Folds the characters that vary between outlets for the same text.
fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '′' | '`' | '´' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
        c => c,
    }
}

/// Hash of the normalised form of a word: equal for `Don’t`, `don't` and `DON'T`.
pub fn norm_hash(word: &str) -> u64 {
    let mut h = FxHasher::default();
    if word.is_ascii() {
        for b in word.bytes() {
            let c = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
            h.write_u32(u32::from(c));
        }
    } else {
        for c in word.nfkc().flat_map(char::to_lowercase) {
            h.write_u32(fold(c) as u32);
        }
    }
    h.finish()
}

fn hash_set(asset: &'static str) -> FxHashSet<u64> {
    assets::lines(asset).map(norm_hash).collect()
}

/// Word hash → its STOP and TITLE flags.
static LEXICON: LazyLock<FxHashMap<u64, u8>> = LazyLock::new(|| {
    let mut m: FxHashMap<u64, u8> = FxHashMap::default();
    for h in hash_set(assets::STOPWORDS) {
        *m.entry(h).or_default() |= STOP;
    }
    for h in hash_set(assets::TITLES) {
        *m.entry(h).or_default() |= TITLE;
    }
    m
});

/// The words of a body before interning.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    pub hashes: Vec<u64>,
    pub spans: Vec<(u32, u32)>,
    pub flags: Vec<u8>,
}

/// The tokens of one body: ids, byte ranges and flags, all indexed alike.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub ids: Vec<u32>,
    pub spans: Vec<(u32, u32)>,
    pub flags: Vec<u8>,
}

impl Doc {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The byte range of a (non-empty) token range.
    pub fn byte_span(&self, r: &Range<usize>) -> Span {
        let (s, _) = self.spans[r.start];
        let (_, e) = self.spans[r.end - 1];
        s as usize..e as usize
    }

    /// The token range covering a byte range (tokens that start inside it).
    pub fn token_range(&self, bytes: &Span) -> Range<usize> {
        let start = self
            .spans
            .partition_point(|&(s, _)| (s as usize) < bytes.start);
        let end = self
            .spans
            .partition_point(|&(s, _)| (s as usize) < bytes.end);
        start..end.max(start)
    }

    /// Sets `flag` on every token lying inside one of `spans` (sorted or not).
    pub fn flag_spans<'a>(&mut self, spans: impl IntoIterator<Item = &'a Span>, flag: u8) {
        for sp in spans {
            let r = self.token_range(sp);
            for k in r {
                if (self.spans[k].1 as usize) <= sp.end {
                    self.flags[k] |= flag;
                }
            }
        }
    }

    /// True when at least half the tokens of `r` carry `flag`.
    pub fn mostly(&self, r: &Range<usize>, flag: u8) -> bool {
        let n = self.flags[r.clone()]
            .iter()
            .filter(|&&f| f & flag != 0)
            .count();
        2 * n >= r.len() && !r.is_empty()
    }
}

/// Splits a body into normalised words with their byte ranges and flags.
pub fn tokenize(body: &str) -> RawDoc {
    let mut doc = RawDoc::default();
    let guess = body.len() / 6;
    doc.hashes.reserve(guess);
    doc.spans.reserve(guess);
    doc.flags.reserve(guess);
    let lexicon = &*LEXICON;
    let mut prev_end = 0;
    for_each_word(body, |start, word| {
        let h = norm_hash(word);
        let gap = &body[prev_end..start];
        let mut flags = 0;
        if prev_end == 0 || gap.contains(['.', '!', '?', '\n', '…']) {
            flags |= SENT;
        }
        flags |= lexicon.get(&h).copied().unwrap_or(0);
        if word.chars().next().is_some_and(char::is_uppercase) {
            flags |= CAP;
        }
        let end = start + word.len();
        doc.hashes.push(h);
        doc.spans.push((start as u32, end as u32));
        doc.flags.push(flags);
        prev_end = end;
    });
    doc
}

/// Gives each distinct normalised word a dense integer id.
#[derive(Debug, Default)]
pub struct Interner {
    ids: FxHashMap<u64, u32>,
}

impl Interner {
    pub fn intern(&mut self, raw: RawDoc) -> Doc {
        let ids = raw
            .hashes
            .iter()
            .map(|h| {
                let next = self.ids.len() as u32;
                *self.ids.entry(*h).or_insert(next)
            })
            .collect();
        Doc {
            ids,
            spans: raw.spans,
            flags: raw.flags,
        }
    }
}

/// Tokenizes and interns one body on its own (for [`super::compare`] and tests).
pub fn doc_of(body: &str, interner: &mut Interner) -> Doc {
    interner.intern(tokenize(body))
}

/// Two bodies tokenized with one interner, so that equal words get equal ids (tests).
#[cfg(test)]
pub fn doc_pair(a: &str, b: &str) -> (Doc, Doc) {
    let mut i = Interner::default();
    (doc_of(a, &mut i), doc_of(b, &mut i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_apostrophes_and_width() {
        assert_eq!(norm_hash("Don’t"), norm_hash("don't"));
        assert_eq!(norm_hash("ＵＮ"), norm_hash("un"));
        assert_eq!(norm_hash("Путин"), norm_hash("путин"));
        assert_ne!(norm_hash("union"), norm_hash("unions"));
    }

    #[test]
    fn keeps_byte_offsets_and_flags() {
        let body = "«Мы готовы», — сказал Путин.\n\nThe U.S. said so.";
        let mut i = Interner::default();
        let d = doc_of(body, &mut i);
        let words: Vec<&str> = (0..d.len())
            .map(|k| &body[d.byte_span(&(k..k + 1))])
            .collect();
        assert_eq!(
            words,
            [
                "Мы",
                "готовы",
                "сказал",
                "Путин",
                "The",
                "U.S",
                "said",
                "so"
            ]
        );
        assert!(d.flags[0] & SENT != 0 && d.flags[4] & SENT != 0);
        assert!(d.flags[3] & CAP != 0 && d.flags[0] & STOP != 0);
        assert_eq!(d.ids[4], i.intern(tokenize("the")).ids[0]);
    }
}
