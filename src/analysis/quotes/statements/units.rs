//! A statement of one article as the matcher sees it: its fragments' words, normalised
//! and hashed, with their byte ranges, and its word 3-grams that hold a content word.

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use super::super::Quote;
use super::starts_statement;
use crate::analysis::Span;
use crate::analysis::passages::rarity::{UNKNOWN, language_bits};
use crate::analysis::passages::word_hash::word_id;
use crate::assets;
use crate::corpus::{ArticleIdx, Corpus};
use crate::text::for_each_word;

/// One article's statement.
#[derive(Debug, Clone)]
pub struct Unit {
    pub article: ArticleIdx,
    /// Indices into the article's quotes: the statement's fragments.
    pub quotes: Vec<usize>,
    pub spans: Vec<Span>,
    /// Each word's normalised hash and byte range in the body.
    pub words: Vec<(u64, Span)>,
    /// Hashes of the 3-grams holding a content word (a statement under three words is one
    /// gram of all its words), deduplicated.
    pub grams: Vec<u64>,
    /// Number of content words (not stopwords).
    pub content: usize,
    /// Each distinct content word's hash and surprisal in bits (how unlikely the word is in
    /// running text: see [`crate::analysis::passages::rarity`]), sorted by hash.
    pub rare: Vec<(u64, f32)>,
    pub speaker: Option<String>,
    pub speaker_entity: Option<usize>,
}

static STOPWORDS: LazyLock<FxHashSet<u64>> = LazyLock::new(|| {
    assets::lines(assets::STOPWORDS)
        .map(|w| hash(&norm(w)))
        .collect()
});

/// A word folded for matching: lower case, typographic apostrophes made straight.
pub fn norm(w: &str) -> String {
    w.chars()
        .map(|c| {
            if matches!(c, '’' | '‘' | 'ʼ') {
                '\''
            } else {
                c
            }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn hash(w: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(w.as_bytes())
}

/// The statements of every article, as units.
pub fn all(corpus: &Corpus, quotes: &[Vec<Quote>]) -> Vec<Unit> {
    // Article by article on every core; the units come out in corpus order.
    quotes
        .par_iter()
        .enumerate()
        .flat_map_iter(|(article, qs)| {
            let body = corpus.articles.get(article).map_or("", |a| a.body.as_str());
            of_article(body, article, qs)
        })
        .collect()
}

/// The statements of one article, as units.
fn of_article(body: &str, article: ArticleIdx, qs: &[Quote]) -> Vec<Unit> {
    // Each statement's fragments, gathered in one pass (not a scan per statement).
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); qs.len()];
    for (j, q) in qs.iter().enumerate().filter(|(_, q)| q.depth == 0) {
        if let Some(p) = parts.get_mut(q.statement) {
            p.push(j);
        }
    }
    let mut out = Vec::new();
    for (k, q) in qs
        .iter()
        .enumerate()
        .filter(|(k, q)| starts_statement(*k, q))
    {
        let fragments = std::mem::take(&mut parts[k]);
        if let Some(u) = unit(body, article, qs, fragments, q) {
            out.push(u);
        }
    }
    out
}

fn unit(
    body: &str,
    article: ArticleIdx,
    qs: &[Quote],
    parts: Vec<usize>,
    q: &Quote,
) -> Option<Unit> {
    let spans: Vec<Span> = parts.iter().map(|&j| qs[j].inner.clone()).collect();
    let mut words = Vec::new();
    for s in &spans {
        let text = body.get(s.clone())?;
        for_each_word(text, |i, w| {
            words.push((hash(&norm(w)), s.start + i..s.start + i + w.len()));
        });
    }
    if words.len() < super::MIN_WORDS {
        return None;
    }
    let content = words.iter().filter(|(h, _)| !STOPWORDS.contains(h)).count();
    Some(Unit {
        article,
        grams: grams(&words),
        content,
        rare: rare_words(body, &words),
        quotes: parts,
        spans,
        words,
        speaker: q.speaker.clone(),
        speaker_entity: q.speaker_entity,
    })
}

/// The content words of a statement with their surprisal in bits, sorted by hash.
fn rare_words(body: &str, words: &[(u64, Span)]) -> Vec<(u64, f32)> {
    let mut out: Vec<(u64, f32)> = words
        .iter()
        .filter(|(h, _)| !STOPWORDS.contains(h))
        .map(|(h, r)| {
            let w = body.get(r.clone()).unwrap_or_default();
            (*h, language_bits(UNKNOWN, word_id(w)))
        })
        .collect();
    out.sort_by_key(|x| x.0);
    out.dedup_by_key(|x| x.0);
    out
}

/// Bits of the content words two statements share.
pub fn shared_bits(a: &Unit, b: &Unit) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.rare.len() && j < b.rare.len() {
        match a.rare[i].0.cmp(&b.rare[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a.rare[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The 3-grams of `words` holding at least one content word.
fn grams(words: &[(u64, Span)]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(3)
        .filter(|w| w.iter().any(|(h, _)| !STOPWORDS.contains(h)))
        .map(|w| w[0].0.rotate_left(1) ^ w[1].0.rotate_left(17) ^ w[2].0.rotate_left(33))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
