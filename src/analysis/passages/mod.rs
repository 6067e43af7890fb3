//! Shared passages: word sequences that two or more articles share (verbatim, reworded or
//! partially quoted), grouped so that one passage carried by five outlets has five
//! occurrences.
//!
//! Pipeline: [`tokens`] (normalised, hashed words with byte offsets) → [`mask`]
//! (boilerplate and chrome) → [`index`] (4-gram seeds over the corpus) → [`align`] and
//! [`extend`] (X-drop extension per article pair, the engine [`compare()`] shares) →
//! [`group`] (pairwise spans joined into passages) → [`labels`].

pub mod align;
mod bridge;
pub mod compare;
#[cfg(test)]
mod compare_tests;
mod cover;
pub mod edges;
pub mod extend;
pub mod group;
pub mod index;
pub mod labels;
pub mod mask;
mod prefetch;
mod rare;
pub mod rarity;
pub mod reach;
pub mod sketch;
mod stock;
#[cfg(test)]
mod tests;
pub mod tokens;
pub mod winnow;
pub mod word_hash;

pub use compare::compare;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::quotes::Quote;
use super::{Config, Span};
use crate::corpus::{ArticleIdx, Corpus};

/// How closely the occurrences of a passage agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Label {
    /// The same words (identity 1.0 after normalisation).
    Verbatim,
    /// Nearly the same words: some substituted, inserted or left out.
    NearVerbatim,
}

impl Label {
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Verbatim => "verbatim",
            Label::NearVerbatim => "near-verbatim",
        }
    }
}

/// Whether a passage stands inside quotation marks where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Quoted {
    All,
    Some,
    None,
}

impl Quoted {
    pub fn as_str(self) -> &'static str {
        match self {
            Quoted::All => "all",
            Quoted::Some => "some",
            Quoted::None => "none",
        }
    }
}

/// One place a shared passage occurs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub article: ArticleIdx,
    pub span: Span,
    /// True when this occurrence stands inside quotation marks.
    pub quoted: bool,
}

/// A passage shared by two or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    pub occurrences: Vec<Occurrence>,
    /// Words in the longest occurrence.
    pub words: usize,
    pub label: Label,
    /// Lowest pairwise identity between occurrences, 0..=1.
    pub similarity: f32,
    pub quoted: Quoted,
    pub speaker: Option<String>,
}

/// All shared passages of a corpus, most widely carried first, then longest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PassageIndex {
    pub passages: Vec<Passage>,
}

/// One aligned span between two articles (see [`compare`]).
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedSpan {
    pub a: Span,
    pub b: Span,
    pub similarity: f32,
    pub label: Label,
    /// Byte ranges inside `a` whose words differ from `b` (a word diff).
    pub a_changed: Vec<Span>,
    /// Byte ranges inside `b` whose words differ from `a`.
    pub b_changed: Vec<Span>,
}

impl AlignedSpan {
    /// The same span seen from the other side: `compare(B, A)` mirrors `compare(A, B)`.
    pub fn swapped(self) -> AlignedSpan {
        AlignedSpan {
            a: self.b,
            b: self.a,
            similarity: self.similarity,
            label: self.label,
            a_changed: self.b_changed,
            b_changed: self.a_changed,
        }
    }
}

impl PassageIndex {
    /// The articles that share passages with article `a`, with how many: most first, ties
    /// in corpus order (the reader's closest partner, `show --json`'s `partners`).
    pub fn partners(&self, a: ArticleIdx) -> Vec<(ArticleIdx, usize)> {
        let mut shared = rustc_hash::FxHashMap::<ArticleIdx, usize>::default();
        for p in &self.passages {
            let mut carriers: Vec<ArticleIdx> = p.occurrences.iter().map(|o| o.article).collect();
            carriers.sort_unstable();
            carriers.dedup();
            if carriers.binary_search(&a).is_err() {
                continue;
            }
            for b in carriers.into_iter().filter(|&b| b != a) {
                *shared.entry(b).or_insert(0) += 1;
            }
        }
        let mut out: Vec<(ArticleIdx, usize)> = shared.into_iter().collect();
        out.sort_by_key(|&(b, n)| (std::cmp::Reverse(n), b));
        out
    }
}

impl Passage {
    /// Number of distinct articles carrying the passage (an article may carry it twice).
    pub fn article_count(&self) -> usize {
        let mut articles: Vec<ArticleIdx> = self.occurrences.iter().map(|o| o.article).collect();
        articles.sort_unstable();
        articles.dedup();
        articles.len()
    }

    /// Index of the longest occurrence (the passage's representative text).
    pub fn longest(&self) -> usize {
        let mut best = 0;
        for (k, o) in self.occurrences.iter().enumerate() {
            if o.span.len() > self.occurrences[best].span.len() {
                best = k;
            }
        }
        best
    }
}

/// The tokens of every article of a corpus, chrome masked (see [`tokenize_corpus`]).
pub struct CorpusTokens(Vec<tokens::Doc>);

impl CorpusTokens {
    /// The tokens of every article, indexed like the corpus.
    pub fn docs(&self) -> &[tokens::Doc] {
        &self.0
    }

    /// Frees the tokens on every thread ([`crate::analysis::free_in_parallel`]).
    pub fn drop_in_parallel(self) {
        crate::analysis::free_in_parallel(self.0);
    }
}

/// Tokenizes every article, in parallel.
pub fn tokenize_corpus(corpus: &Corpus) -> CorpusTokens {
    let lap = Lap::start();
    let docs = corpus
        .articles
        .par_iter()
        .map_init(tokens::Doc::default, |scratch, a| {
            let mut doc = tokens::tokenize_with(scratch, &a.body);
            mask::mask_chrome(&mut doc);
            doc
        })
        .collect();
    lap.done("tokens");
    CorpusTokens(docs)
}

/// The tokens with quotes flagged and boilerplate masked; also the groups of identical
/// sentences too widely shared to seed.
fn prepare(
    tokens: CorpusTokens,
    corpus: &Corpus,
    quotes: &[Vec<Quote>],
    config: &Config,
) -> (Vec<tokens::Doc>, Vec<mask::SentenceGroup>) {
    let mut docs = tokens.0;
    docs.par_iter_mut().enumerate().for_each(|(k, d)| {
        if let Some(q) = quotes.get(k) {
            d.flag_spans(q.iter().map(|q| &q.inner), tokens::QUOTED);
        }
    });
    let outlets: Vec<Option<&str>> = corpus
        .articles
        .iter()
        .map(|a| a.meta.source.as_deref())
        .collect();
    let lap = Lap::start();
    let wide = mask::mask_boilerplate(&mut docs, &outlets, config.ngram_doc_cap);
    lap.done("boilerplate");
    (docs, wide)
}

/// Pairs looked ahead by [`align_all`].
const AHEAD_PAIRS: usize = 4;

/// Brings the tokens around a seed into the cache: most pairs of a large corpus share one
/// chance seed, and their test ([`reach::may_accept`]) is a few reads at two random places.
fn prefetch_seed(docs: &[tokens::Doc], s: &index::Seed) {
    for (d, p) in [(s.a, s.pa), (s.b, s.pb)] {
        if let Some(doc) = docs.get(d as usize) {
            let p = p as usize;
            if let (Some(id), Some(flag)) = (doc.ids.get(p), doc.flags.get(p)) {
                prefetch::prefetch(id);
                prefetch::prefetch(flag);
            }
        }
    }
}

/// Aligns every article pair that shares a seed, in parallel.
fn align_all(docs: &[tokens::Doc], bodies: &[&str], config: &Config) -> Vec<group::PairSpan> {
    let lap = Lap::start();
    let seeds = index::seeds(docs, config.ngram_doc_cap);
    lap.done("seeds");
    tracing::debug!(seeds = seeds.len(), "shared passages: seeds");
    let lap = Lap::start();
    let mut bounds = Vec::new();
    let mut start = 0;
    for i in 1..=seeds.len() {
        if i == seeds.len() || (seeds[i].a, seeds[i].b) != (seeds[start].a, seeds[start].b) {
            bounds.push(start..i);
            start = i;
        }
    }
    let spans = bounds
        .par_iter()
        .enumerate()
        .flat_map_iter(|(k, r)| {
            if let Some(ahead) = bounds.get(k + AHEAD_PAIRS) {
                prefetch_seed(docs, &seeds[ahead.start]);
            }
            let (a, b) = (seeds[r.start].a as usize, seeds[r.start].b as usize);
            let pos = seeds[r.clone()]
                .iter()
                .map(|s| (s.pa as usize, s.pb as usize));
            align::align_pair(&docs[a], &docs[b], pos, config)
                .into_iter()
                .map(move |mut al| {
                    labels::verify_words(&mut al, &docs[a], &docs[b], bodies[a], bodies[b]);
                    group::PairSpan { a, b, al }
                })
        })
        .collect();
    lap.done("alignment");
    spans
}

/// Finds the shared passages of a corpus.
pub fn find(corpus: &Corpus, quotes: &[Vec<Quote>], config: &Config) -> PassageIndex {
    find_with(tokenize_corpus(corpus), corpus, quotes, config)
}

/// Finds the shared passages of a corpus from its tokens (made by [`tokenize_corpus`]).
pub fn find_with(
    tokens: CorpusTokens,
    corpus: &Corpus,
    quotes: &[Vec<Quote>],
    config: &Config,
) -> PassageIndex {
    find_beside(tokens, corpus, quotes, config, |_| ()).0
}

/// [`find_with`], running `beside` on the tokens (indexed like the corpus) alongside the
/// search once they are prepared, so that its work fills what the search leaves of the
/// cores (story grouping counts its terms there); gives the tokens back with what
/// `beside` made.
pub fn find_beside<R: Send>(
    tokens: CorpusTokens,
    corpus: &Corpus,
    quotes: &[Vec<Quote>],
    config: &Config,
    beside: impl FnOnce(&[tokens::Doc]) -> R + Send,
) -> (PassageIndex, CorpusTokens, R) {
    let (docs, wide) = prepare(tokens, corpus, quotes, config);
    let (passages, made) = rayon::join(
        || {
            let bodies: Vec<&str> = corpus.articles.iter().map(|a| a.body.as_str()).collect();
            let spans = align_all(&docs, &bodies, config);
            let lap = Lap::start();
            let spans = rare::rare_in_corpus(&docs, spans);
            lap.done("rarity");
            let lap = Lap::start();
            let passages = group::passages(&docs, quotes, &spans, &wide);
            lap.done("grouping");
            passages
        },
        || beside(&docs),
    );
    (PassageIndex { passages }, CorpusTokens(docs), made)
}

/// A step of [`find`] being timed, logged at debug level (`PARALLAX_LOG=debug`) so that a
/// slow corpus can be diagnosed without a profiler.
pub(crate) struct Lap(std::time::Instant);

impl Lap {
    pub(crate) fn start() -> Lap {
        Lap(std::time::Instant::now())
    }

    pub(crate) fn done(self, step: &str) {
        tracing::debug!(step, took = ?self.0.elapsed(), "shared passages");
    }
}
