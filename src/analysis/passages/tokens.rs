//! Tokens for shared-passage search: Unicode words (UAX #29) of a body, normalised (NFKC,
//! case fold, one apostrophe, one dash, plain spaces), interned to integer ids, each with
//! its byte range in the original body and a few flags.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
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

/// Longest ASCII word lowercased in a buffer on the stack.
const SHORT: usize = 32;

/// Hash of the normalised form of a word: equal for `Don’t`, `don't` and `DON'T`. An ASCII
/// word (nearly every word of an English text) is lowercased on the stack, any other goes
/// through NFKC, lowercasing and [`fold`], which gives the same bytes for an ASCII word;
/// the bytes are then hashed eight at a time.
pub fn norm_hash(word: &str) -> u64 {
    if word.is_ascii() && word.len() <= SHORT {
        let mut buf = [0u8; SHORT];
        for (d, b) in buf.iter_mut().zip(word.bytes()) {
            *d = if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            };
        }
        hash_bytes(&buf[..word.len()])
    } else {
        let folded: String = word.nfkc().flat_map(char::to_lowercase).map(fold).collect();
        hash_bytes(folded.as_bytes())
    }
}

/// Hashes bytes eight at a time (the last chunk padded with zeros), then their length.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h.write_u64(u64::from_le_bytes(word));
    }
    h.write_usize(bytes.len());
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
    crate::text::for_each_word_span(body, |start, end| {
        let word = &body[start..end];
        let h = norm_hash(word);
        let gap = &body[prev_end..start];
        let mut flags = 0;
        if prev_end == 0 || ends_sentence(gap) {
            flags |= SENT;
        }
        flags |= lexicon.get(&h).copied().unwrap_or(0);
        if word.chars().next().is_some_and(char::is_uppercase) {
            flags |= CAP;
        }
        doc.hashes.push(h);
        doc.spans.push((start as u32, end as u32));
        doc.flags.push(flags);
        prev_end = end;
    });
    doc
}

/// True when the text between two words ends a sentence (or a line).
fn ends_sentence(gap: &str) -> bool {
    gap.bytes().any(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
        || (!gap.is_ascii() && gap.contains('…'))
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

    /// Interns a share of documents, giving the same ids as [`Interner::intern`] on each in
    /// turn: the words already known are looked up in parallel, and only the words new to
    /// the interner (few, once a corpus's vocabulary has been seen) are given ids on one
    /// thread, in order of first occurrence.
    pub fn intern_share(&mut self, raws: Vec<RawDoc>) -> Vec<Doc> {
        let known = &self.ids;
        let looked: Vec<(Doc, Vec<(u32, u64)>)> = raws
            .into_par_iter()
            .map(|raw| {
                let mut new = Vec::new();
                let ids = raw
                    .hashes
                    .iter()
                    .enumerate()
                    .map(|(k, h)| {
                        known.get(h).copied().unwrap_or_else(|| {
                            new.push((k as u32, *h));
                            u32::MAX
                        })
                    })
                    .collect();
                let doc = Doc {
                    ids,
                    spans: raw.spans,
                    flags: raw.flags,
                };
                (doc, new)
            })
            .collect();
        looked
            .into_iter()
            .map(|(mut doc, new)| {
                for (k, h) in new {
                    let next = self.ids.len() as u32;
                    doc.ids[k as usize] = *self.ids.entry(h).or_insert(next);
                }
                doc
            })
            .collect()
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
        let long = "internationalisation-and-standardisation";
        assert_eq!(norm_hash(long), norm_hash(&long.to_uppercase()));
        assert_eq!(norm_hash("`quoted`"), norm_hash("‘QUOTED’"));
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

    #[test]
    fn interning_a_share_gives_the_ids_of_interning_one_by_one() {
        let bodies = [
            "the cat sat",
            "a dog and the cat",
            "new words here, the end",
            "dog",
        ];
        let mut one = Interner::default();
        let mut share = Interner::default();
        let first: Vec<Doc> = bodies[..2].iter().map(|b| doc_of(b, &mut one)).collect();
        let second: Vec<Doc> = bodies[2..].iter().map(|b| doc_of(b, &mut one)).collect();
        let tokenized = |bs: &[&str]| bs.iter().map(|b| tokenize(b)).collect::<Vec<_>>();
        let shared_first = share.intern_share(tokenized(&bodies[..2]));
        let shared_second = share.intern_share(tokenized(&bodies[2..]));
        let ids = |ds: &[Doc]| ds.iter().map(|d| d.ids.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&first), ids(&shared_first));
        assert_eq!(ids(&second), ids(&shared_second));
    }
}
