//! What two articles share, decided once for every surface: `parallax compare` (text, JSON,
//! HTML, Markdown), the reader's compare screen and the evidence export all show these
//! spans. With passim's clusters they are passim's spans; else parallax's own alignment of
//! the two bodies ([`align`], the costly half, which the reader runs off the screen's
//! thread) completed with the corpus passages both articles carry ([`complete`]).

use crate::analysis::passages::compare::with_passages;
use crate::analysis::passages::{AlignedSpan, Passage, compare};
use crate::analysis::{Config, span_fits};
use crate::corpus::{ArticleIdx, Corpus};
use crate::passim::Clusters;

/// The spans articles `a` and `b` share, in the order of `a`.
pub fn compare_pair(
    corpus: &Corpus,
    passages: &[Passage],
    clusters: Option<&Clusters>,
    a: ArticleIdx,
    b: ArticleIdx,
    config: &Config,
) -> Vec<AlignedSpan> {
    match clusters {
        Some(c) => crate::passim::aligned_pair(corpus, c, a, b),
        None => complete(align(corpus, a, b, config), passages, a, b),
    }
}

/// parallax's own alignment of the bodies of `a` and `b` (only spans that lie inside them).
pub fn align(corpus: &Corpus, a: ArticleIdx, b: ArticleIdx, config: &Config) -> Vec<AlignedSpan> {
    let (Some(x), Some(y)) = (corpus.articles.get(a), corpus.articles.get(b)) else {
        return Vec::new();
    };
    compare(&x.body, &y.body, config)
        .into_iter()
        .filter(|s| span_fits(&x.body, &s.a) && span_fits(&y.body, &s.b))
        .collect()
}

/// An alignment of `a` and `b` completed with the corpus passages both carry that it missed.
pub fn complete(
    aligned: Vec<AlignedSpan>,
    passages: &[Passage],
    a: ArticleIdx,
    b: ArticleIdx,
) -> Vec<AlignedSpan> {
    with_passages(aligned, passages, a, b)
}
