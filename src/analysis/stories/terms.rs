//! The terms story grouping compares articles by: word ids
//! ([`crate::analysis::passages::tokens::word_id`]: normalised, case folded) of words
//! holding a letter, at least two characters long and not function words
//! (`assets/stopwords.txt`), an English plural folded onto its singular; counted per
//! article over its head (title and lead) and the top of its body.
//!
//! The body's words are read once for the whole analysis: when shared-passage search has
//! tokenized the corpus, the terms are taken from its tokens ([`TermCounts::of_tokens`]),
//! whose word ids they are, and only plurals and the word cut at the end of the top are
//! hashed again.

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::analysis::passages::tokens::{Doc, STOP as STOP_FLAG, word_id};
use crate::assets;
use crate::corpus::Corpus;

/// Bytes of the body read for its terms: about 300 words.
pub const BODY_BYTES: usize = 2000;
/// Bytes of the body that make its lead (with the title, the head).
pub const LEAD_BYTES: usize = 400;

static STOP: LazyLock<FxHashSet<u32>> =
    LazyLock::new(|| assets::lines(assets::STOPWORDS).map(word_id).collect());

/// Whether a word counts as a term.
fn is_term(w: &str) -> bool {
    if w.is_ascii() {
        return w.len() >= 2 && w.bytes().any(|b| b.is_ascii_alphabetic());
    }
    w.chars().nth(1).is_some() && w.chars().any(char::is_alphabetic)
}

/// The id of a term: an English plural is folded onto its singular (`rescuers`,
/// `rescuer`; `ferries`, `ferry`), the only inflection worth the cost here. Word ids fold
/// case, so the stem is hashed as written, and without a copy but for `-ies`.
fn term_id(w: &str) -> u32 {
    if !is_plural(w) {
        return word_id(w);
    }
    let b = w.as_bytes();
    let n = b.len();
    if n > 4 && b[n - 3..].eq_ignore_ascii_case(b"ies") {
        let mut stem = [0u8; 64];
        if let Some(room) = stem.get_mut(..n - 2) {
            room[..n - 3].copy_from_slice(&b[..n - 3]);
            room[n - 3] = b'y';
            return std::str::from_utf8(room).map_or(0, word_id);
        }
        return word_id(&format!("{}y", &w[..n - 3]));
    }
    word_id(&w[..n - 1])
}

/// Whether [`term_id`] reads a word as an English plural.
fn is_plural(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    n > 3
        && w.is_ascii()
        && matches!(b[n - 1], b's' | b'S')
        && !matches!(b[n - 2], b's' | b'S' | b'\'' | b'u' | b'U' | b'i' | b'I')
}

/// The term id of a word, if it is a term.
pub fn term_of(w: &str) -> Option<u32> {
    let id = is_term(w).then(|| term_id(w))?;
    (!STOP.contains(&id)).then_some(id)
}

/// Calls `f(start, id)` with the start and term id of each term of `text`.
fn for_each_term(text: &str, mut f: impl FnMut(usize, u32)) {
    crate::text::for_each_word_span(text, |start, end| {
        if let Some(id) = term_of(&text[start..end]) {
            f(start, id);
        }
    });
}

/// Appends the term ids of `text` to `out`.
pub fn terms(text: &str, out: &mut Vec<u32>) {
    for_each_term(text, |_, id| out.push(id));
}

/// The first `n` bytes of `s`, cut back to a char boundary.
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Term counts: `(term, count)` sorted by term.
pub type Counts = Vec<(u32, u32)>;

/// Counts sorted-and-run-length: `(term, count)` sorted by term.
fn counts(mut ids: Vec<u32>) -> Counts {
    sort_ids(&mut ids);
    // allocated at its length: a hundred thousand articles keep theirs until weighed
    let distinct = 1 + ids.windows(2).filter(|w| w[0] != w[1]).count();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(distinct.min(ids.len()));
    for id in ids {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// Sorts word ids, which are hashes and so spread evenly: placed by their top byte into
/// one of 256 buckets, about one id each for an article's terms, and then put in order by
/// an insertion sort that has next to nothing left to move. About three times as fast as
/// a comparison sort on the few hundred ids of an article.
fn sort_ids(ids: &mut Vec<u32>) {
    if ids.len() < 64 {
        ids.sort_unstable();
        return;
    }
    let mut starts = [0usize; 257];
    for &id in ids.iter() {
        starts[(id >> 24) as usize + 1] += 1;
    }
    for b in 0..256 {
        starts[b + 1] += starts[b];
    }
    let mut placed = vec![0u32; ids.len()];
    for &id in ids.iter() {
        let slot = &mut starts[(id >> 24) as usize];
        placed[*slot] = id;
        *slot += 1;
    }
    for i in 1..placed.len() {
        let mut j = i;
        while j > 0 && placed[j - 1] > placed[j] {
            placed.swap(j - 1, j);
            j -= 1;
        }
    }
    *ids = placed;
}

/// Term counts of one article's head and body: the body's first [`BODY_BYTES`] are read
/// once, and the terms starting in its lead count for the head too.
fn article_counts(title: &str, body: &str) -> (Counts, Counts) {
    let mut head = Vec::new();
    terms(title, &mut head);
    let mut b = Vec::with_capacity(BODY_BYTES / 5);
    for_each_term(prefix(body, BODY_BYTES), |start, id| {
        if start < LEAD_BYTES {
            head.push(id);
        }
        b.push(id);
    });
    (counts(head), counts(b))
}

/// The head and body term counts of every article, indexed like the corpus.
#[derive(Debug, Default)]
pub struct TermCounts(Vec<(Counts, Counts)>);

impl TermCounts {
    /// Counts every article's terms from its text.
    pub fn of_corpus(corpus: &Corpus) -> TermCounts {
        TermCounts(
            corpus
                .articles
                .par_iter()
                .map(|a| article_counts(&a.meta.title, &a.body))
                .collect(),
        )
    }

    /// Counts every article's terms from the tokens shared-passage search made of its body
    /// (`docs` indexed like the corpus): the same terms as [`TermCounts::of_corpus`], but
    /// for a word whose 32-bit id equals a function word's (one in some ten million).
    pub fn of_tokens(corpus: &Corpus, docs: &[Doc]) -> TermCounts {
        let start = std::time::Instant::now();
        let counts = corpus
            .articles
            .par_iter()
            .zip(docs)
            .map(|(a, d)| doc_counts(&a.meta.title, &a.body, d))
            .collect();
        tracing::debug!(took = ?start.elapsed(), "stories: terms counted");
        TermCounts(counts)
    }

    /// The head counts and the body counts.
    pub fn into_parts(self) -> (Vec<Counts>, Vec<Counts>) {
        self.0.into_iter().unzip()
    }
}

/// [`article_counts`] read off the tokens of the body.
fn doc_counts(title: &str, body: &str, doc: &Doc) -> (Counts, Counts) {
    let mut head = Vec::with_capacity(LEAD_BYTES / 4);
    terms(title, &mut head);
    let end = prefix(body, BODY_BYTES).len();
    let mut b = Vec::with_capacity(BODY_BYTES / 5);
    for (k, (start, stop)) in doc.spans().enumerate() {
        if start >= end {
            break;
        }
        let Some(id) = doc_term(body, doc, k, (start, stop.min(end)), stop > end) else {
            continue;
        };
        if start < LEAD_BYTES {
            head.push(id);
        }
        b.push(id);
    }
    (counts(head), counts(b))
}

/// The term id of token `k` of `doc`, read at `span` of `body` (cut at the end of the top
/// when `cut`), if it is a term.
///
/// Most words are neither cut nor plurals: their token's id is their term id, and its
/// flag says whether it is a function word (whose id is in `STOP`), so that neither a
/// hash nor a lookup is needed, nor the word as a string when it opens with a letter.
#[inline]
fn doc_term(body: &str, doc: &Doc, k: usize, span: (usize, usize), cut: bool) -> Option<u32> {
    let bytes = body.as_bytes();
    let (start, stop) = span;
    let plural_shaped = matches!(bytes.get(stop.wrapping_sub(1)), Some(b's' | b'S'));
    if cut || plural_shaped {
        return term_of(body.get(start..stop)?);
    }
    if doc.flags[k] & STOP_FLAG != 0 {
        return None;
    }
    let is = if bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        stop - start >= 2
    } else {
        is_term(body.get(start..stop)?)
    };
    is.then(|| doc.ids[k])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fold_onto_their_singular_in_any_case() {
        assert_eq!(term_id("rescuers"), word_id("rescuer"));
        assert_eq!(term_id("Ferries"), word_id("ferry"));
        assert_eq!(term_id("FERRIES"), word_id("ferry"));
        assert_eq!(term_id("bus"), word_id("bus"));
        assert_eq!(term_id("glass"), word_id("glass"));
        assert_eq!(term_id("virus"), word_id("virus"));
        let long = format!("{}ies", "x".repeat(70));
        assert_eq!(term_id(&long), word_id(&format!("{}y", "x".repeat(70))));
    }

    #[test]
    fn the_lead_counts_for_the_head_and_the_body() {
        let lead = format!("Flooding closed the harbour. {}", "Water rose. ".repeat(40));
        let body = format!("{lead}{}", "Engineers inspected culverts. ".repeat(20));
        let (head, b) = article_counts("Storm", &body);
        let has = |c: &Counts, w: &str| c.iter().any(|&(k, _)| k == term_id(w));
        assert!(has(&head, "storm") && has(&head, "harbour") && !has(&head, "culverts"));
        assert!(has(&b, "harbour") && has(&b, "culverts") && !has(&b, "storm"));
        assert!(!has(&b, "the"), "function words are no terms");
    }

    proptest::proptest! {
        #[test]
        fn bucketed_ids_sort_like_any_sort(
            mut ids in proptest::collection::vec(proptest::prelude::any::<u32>(), 0..600),
            skew in 0u32..3,
        ) {
            // skewed ids pile into few buckets: still sorted, only slower
            for id in &mut ids {
                *id >>= skew * 12;
            }
            let mut want = ids.clone();
            want.sort_unstable();
            sort_ids(&mut ids);
            proptest::prop_assert_eq!(ids, want);
        }
    }

    #[test]
    fn tokens_give_the_counts_the_text_gives() {
        let bodies = [
            "Rescuers searched the ferries. Others waited; the cities’ mayors spoke.",
            "This was his news: Thomas says its buses, glass and virus tests pass. THIS IS US.",
            "Дожди. Ливни залили улицы. U.S. officials said 1,000 homes flooded.",
            &"Wordsmiths write words. ".repeat(200),
            "",
        ];
        for body in bodies {
            let doc = crate::analysis::passages::tokens::tokenize(body);
            assert_eq!(
                doc_counts("Floods", body, &doc),
                article_counts("Floods", body),
                "{body}"
            );
        }
    }
}
