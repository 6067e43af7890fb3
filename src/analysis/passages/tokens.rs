//! Tokens for shared-passage search: Unicode words (UAX #29) of a body, normalised (NFKC,
//! case fold, one apostrophe, one dash, plain spaces) and hashed to 32-bit word ids, each
//! with its byte range in the original body and a few flags.
//!
//! A word's id is its normalised form's hash folded to 32 bits, not a number handed out by
//! an interner: ids only ever meet in equality tests and n-gram hashes, and a corpus of
//! 100,000 articles has about a million distinct words, so two of them share an id about a
//! hundred times — a pair of rare words that might then be taken for one another, which no
//! shared passage of four or more words turns on. An interner's corpus-wide map cost a
//! random memory access per word and a transient 8-byte hash per token.

use std::ops::Range;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::word_hash::id_of;
pub use super::word_hash::{norm_hash, word_id};
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
/// First token of a paragraph (after a blank line).
pub const PARA: u8 = 64;
/// First token after a line that ended without sentence punctuation (a heading, a button,
/// a headline in a list).
pub const AFTER_BARE: u8 = 128;

/// True when a token carries meaning of its own: not a function word, title or name.
pub fn is_content(flags: u8) -> bool {
    flags & (STOP | TITLE | CAP) == 0
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

/// The tokens of one body: ids, byte ranges and flags, all indexed alike.
///
/// A byte range is kept as its start and a one-byte length (a longer word's end is kept
/// aside): five bytes a token rather than eight, 300 MB less at 100,000 articles.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    pub ids: Vec<u32>,
    /// Each token's first byte.
    starts: Vec<u32>,
    /// Each token's length in bytes, or [`LONG`] when it is that long or longer.
    lens: Vec<u8>,
    /// `(token, end)` of the tokens of [`LONG`] bytes or more, in order.
    long: Vec<(u32, u32)>,
    pub flags: Vec<u8>,
    /// The body's language ([`super::rarity::detect`]).
    pub lang: super::rarity::Lang,
}

/// The length that sends a token's end to [`Doc::long`].
const LONG: u8 = u8::MAX;

impl Doc {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Appends a token.
    fn push(&mut self, id: u32, span: (u32, u32), flags: u8) {
        let (start, end) = span;
        let len = end - start;
        if len >= u32::from(LONG) {
            self.long.push((self.ids.len() as u32, end));
        }
        self.ids.push(id);
        self.starts.push(start);
        self.lens.push(u8::try_from(len).unwrap_or(LONG));
        self.flags.push(flags);
    }

    /// The byte just past token `k`.
    fn end(&self, k: usize) -> usize {
        match self.lens[k] {
            LONG => {
                let at = self.long.partition_point(|&(t, _)| (t as usize) < k);
                self.long.get(at).map_or(0, |&(_, e)| e as usize)
            }
            len => self.starts[k] as usize + usize::from(len),
        }
    }

    /// The byte range of each token, in order: `(start, end)`, read in one pass (a long
    /// token's end from [`Doc::long`] in turn rather than searched for).
    pub fn spans(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let mut long = self.long.iter().map(|&(_, e)| e as usize);
        self.starts
            .iter()
            .zip(&self.lens)
            .map(move |(&start, &len)| {
                let start = start as usize;
                let end = match len {
                    LONG => long.next().unwrap_or(start),
                    len => start + usize::from(len),
                };
                (start, end)
            })
    }

    /// The byte range of a (non-empty) token range.
    pub fn byte_span(&self, r: &Range<usize>) -> Span {
        self.starts[r.start] as usize..self.end(r.end - 1)
    }

    /// The token range covering a byte range (tokens that start inside it).
    pub fn token_range(&self, bytes: &Span) -> Range<usize> {
        let start = self.starts.partition_point(|&s| (s as usize) < bytes.start);
        let end = self.starts.partition_point(|&s| (s as usize) < bytes.end);
        start..end.max(start)
    }

    /// Sets `flag` on every token lying inside one of `spans` (sorted or not).
    pub fn flag_spans<'a>(&mut self, spans: impl IntoIterator<Item = &'a Span>, flag: u8) {
        for sp in spans {
            let r = self.token_range(sp);
            for k in r {
                if self.end(k) <= sp.end {
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
pub fn tokenize(body: &str) -> Doc {
    tokenize_with(&mut Doc::default(), body)
}

/// [`tokenize`], growing the vectors of `scratch` (emptied first) rather than fresh ones:
/// the tokens are copied out once at their exact length, where vectors grown from a guess
/// are moved each time they double, and keep the slack of the last doubling.
pub fn tokenize_with(scratch: &mut Doc, body: &str) -> Doc {
    scratch.ids.clear();
    scratch.starts.clear();
    scratch.lens.clear();
    scratch.long.clear();
    scratch.flags.clear();
    scan(scratch, body);
    scratch.lang = super::rarity::detect(&scratch.ids);
    scratch.clone()
}

/// Appends the words of `body` to `doc`.
fn scan(doc: &mut Doc, body: &str) {
    let lexicon = &*LEXICON;
    let mut prev_end = 0;
    crate::text::for_each_word_span(body, |start, end| {
        let word = &body[start..end];
        let h = norm_hash(word);
        let gap = &body[prev_end..start];
        let mut flags = 0;
        // Most words follow a single space, which says nothing about sentences or lines.
        if prev_end == 0 {
            flags |= SENT | PARA;
        } else if gap != " " {
            flags |= gap_flags(gap);
        }
        flags |= lexicon.get(&h).copied().unwrap_or(0);
        let first = word.bytes().next().unwrap_or(b' ');
        if first.is_ascii_uppercase()
            || (!first.is_ascii() && word.chars().next().is_some_and(char::is_uppercase))
        {
            flags |= CAP;
        }
        doc.push(id_of(h), (start as u32, end as u32), flags);
        prev_end = end;
    });
}

/// What the text between two words (not the first) says: a sentence or a paragraph
/// ends there, or a line ends without a sentence mark.
fn gap_flags(gap: &str) -> u8 {
    let mut flags = 0;
    if ends_sentence(gap) {
        flags |= SENT;
    }
    if gap.matches('\n').nth(1).is_some() {
        flags |= PARA;
    }
    if gap.contains('\n') && !gap.contains(['.', '!', '?', '…']) {
        flags |= AFTER_BARE;
    }
    flags
}

/// True when the text between two words ends a sentence (or a line).
fn ends_sentence(gap: &str) -> bool {
    gap.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
        || (!gap.is_ascii() && gap.contains('…'))
}

/// Two bodies tokenized on their own (tests).
#[cfg(test)]
pub fn doc_pair(a: &str, b: &str) -> (Doc, Doc) {
    (tokenize(a), tokenize(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_longer_than_a_length_byte_keeps_its_span() {
        let long = "x".repeat(300);
        let body = format!("short {long} and {long}y end");
        let d = tokenize(&body);
        let words: Vec<&str> = (0..d.len())
            .map(|k| &body[d.byte_span(&(k..k + 1))])
            .collect();
        assert_eq!(
            words,
            ["short", long.as_str(), "and", &format!("{long}y"), "end"]
        );
        assert_eq!(d.byte_span(&(1..4)), 6..6 + 300 + 5 + 301);
        assert_eq!(d.token_range(&(6..306)), 1..2);
        // read in one pass, the spans are the same
        let spans: Vec<Span> = d.spans().map(|(s, e)| s..e).collect();
        let each: Vec<Span> = (0..d.len()).map(|k| d.byte_span(&(k..k + 1))).collect();
        assert_eq!(spans, each);
    }

    #[test]
    fn keeps_byte_offsets_and_flags() {
        let body = "«Мы готовы», — сказал Путин.\n\nThe U.S. said so.";
        let d = tokenize(body);
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
        assert_eq!(d.ids[4], tokenize("the").ids[0]);
        assert_eq!(d.ids[4], word_id("THE"));
    }
}
