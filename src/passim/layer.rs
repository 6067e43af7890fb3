//! passim's clusters as parallax's shared-passage layer: each cluster becomes a
//! [`Passage`] whose labels are read off the corpus the same way parallax labels its own
//! (verbatim when every occurrence has the same words, quote marks from the quotes found,
//! the speaker of the quote holding it), so the TUI, `quotes` and the filters show passim's
//! findings exactly as they show parallax's.

use unicode_segmentation::UnicodeSegmentation;

use crate::analysis::Span;
use crate::analysis::passages::{AlignedSpan, Occurrence, Passage, PassageIndex, group, labels};
use crate::analysis::quotes::Quote;
use crate::corpus::{ArticleIdx, Corpus};

use super::import::{Cluster, Clusters};

/// The passage index made of passim's clusters over `corpus`.
pub fn passage_index(corpus: &Corpus, clusters: &Clusters, quotes: &[Vec<Quote>]) -> PassageIndex {
    let mut passages: Vec<Passage> = clusters
        .clusters
        .iter()
        .filter_map(|c| passage(corpus, c, quotes))
        .collect();
    group::sort(&mut passages);
    PassageIndex { passages }
}

/// The passages two articles share according to passim, as aligned spans in the order of
/// `a` (what `parallax compare` shows instead of its own alignment). passim reports no word
/// diff: the changed ranges are empty.
pub fn aligned_pair(
    corpus: &Corpus,
    clusters: &Clusters,
    a: ArticleIdx,
    b: ArticleIdx,
) -> Vec<AlignedSpan> {
    let mut out = Vec::new();
    for c in &clusters.clusters {
        let first_in = |x: ArticleIdx| c.members.iter().find(|m| m.article == x);
        let (Some(ma), Some(mb)) = (first_in(a), first_in(b)) else {
            continue;
        };
        let (Some(ta), Some(tb)) = (
            corpus
                .articles
                .get(a)
                .and_then(|x| x.body.get(ma.span.clone())),
            corpus
                .articles
                .get(b)
                .and_then(|x| x.body.get(mb.span.clone())),
        ) else {
            continue;
        };
        let similarity = dice(&words(ta), &words(tb));
        out.push(AlignedSpan {
            a: ma.span.clone(),
            b: mb.span.clone(),
            similarity,
            label: labels::label(similarity),
            a_changed: Vec::new(),
            b_changed: Vec::new(),
        });
    }
    out.sort_by_key(|s| (s.a.start, s.b.start));
    out
}

fn passage(corpus: &Corpus, cluster: &Cluster, quotes: &[Vec<Quote>]) -> Option<Passage> {
    let occurrences: Vec<Occurrence> = cluster
        .members
        .iter()
        .filter_map(|m| {
            let body = &corpus.articles.get(m.article)?.body;
            body.get(m.span.clone())?;
            let qs = quotes.get(m.article).map_or(&[][..], Vec::as_slice);
            Some(Occurrence {
                article: m.article,
                span: m.span.clone(),
                quoted: mostly_quoted(qs, &m.span),
            })
        })
        .collect();
    let words_of = |o: &Occurrence| words(&corpus.articles[o.article].body[o.span.clone()]);
    let texts: Vec<Vec<String>> = occurrences.iter().map(words_of).collect();
    let similarity = lowest_similarity(&texts);
    let speaker = occurrences.iter().find_map(|o| {
        labels::speaker_of(
            quotes.get(o.article).map_or(&[][..], Vec::as_slice),
            &o.span,
        )
    });
    Some(Passage {
        words: texts.iter().map(Vec::len).max()?,
        label: labels::label(similarity),
        similarity,
        quoted: labels::quoted(&occurrences),
        speaker,
        occurrences,
    })
}

/// True when at least half of `span` lies inside quotation marks.
fn mostly_quoted(quotes: &[Quote], span: &Span) -> bool {
    let inside: usize = quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| {
            let s = q.inner.start.max(span.start);
            let e = q.inner.end.min(span.end);
            e.saturating_sub(s)
        })
        .sum();
    inside * 2 >= span.len().max(1)
}

/// The words of a text, case-folded.
fn words(text: &str) -> Vec<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// The lowest pairwise similarity (Dice over word multisets) between occurrences: 1.0 when
/// every occurrence has the same words.
fn lowest_similarity(texts: &[Vec<String>]) -> f32 {
    let mut lowest = 1.0f32;
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            lowest = lowest.min(dice(a, b));
        }
    }
    lowest
}

fn dice(a: &[String], b: &[String]) -> f32 {
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: std::collections::HashMap<&str, i64> = std::collections::HashMap::new();
    for w in a {
        *counts.entry(w).or_default() += 1;
    }
    let mut shared = 0usize;
    for w in b {
        if let Some(n) = counts.get_mut(w.as_str())
            && *n > 0
        {
            *n -= 1;
            shared += 1;
        }
    }
    (2 * shared) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passim::import::Member;

    #[test]
    fn a_cluster_becomes_a_labelled_passage() {
        let corpus = Corpus::from_bodies([
            "The mayor said \"the bridge will reopen on Monday\" to reporters.",
            "Officials: the bridge will reopen on Monday, the mayor added.",
            "Nothing shared here.",
        ]);
        let span = |i: usize, s: &str| {
            let b = &corpus.articles[i].body;
            let at = b.find(s).unwrap();
            at..at + s.len()
        };
        let clusters = Clusters {
            clusters: vec![Cluster {
                id: "7".into(),
                members: vec![
                    Member {
                        article: 0,
                        span: span(0, "the bridge will reopen on Monday"),
                    },
                    Member {
                        article: 1,
                        span: span(1, "the bridge will reopen on Monday"),
                    },
                ],
            }],
            problems: Vec::new(),
        };
        let quotes = vec![Vec::new(); 3];
        let index = passage_index(&corpus, &clusters, &quotes);
        let p = &index.passages[0];
        assert_eq!(p.article_count(), 2);
        assert_eq!(p.words, 6);
        assert_eq!(p.label, crate::analysis::passages::Label::Verbatim);
        assert!((dice(&words("a b c"), &words("a b d")) - 2.0 / 3.0).abs() < 1e-6);
    }
}
