//! Per-article indexes of an [`Analysis`] for drawing: which passages, entity mentions and
//! quotes fall in each article, and how much each pair of articles shares. This only
//! regroups what the analysis found; it computes no analysis of its own.

use rustc_hash::FxHashMap;

use crate::analysis::entities::{EntityKind, Field};
use crate::analysis::passages::Passage;
use crate::analysis::{Analysis, Span};
use crate::corpus::{ArticleIdx, Corpus};

/// What falls in one article, each list sorted by start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMarks {
    /// (passage index, span) of every passage occurrence.
    pub passages: Vec<(usize, Span)>,
    /// (entity index, kind, span) of every mention.
    pub entities: Vec<(usize, EntityKind, Span)>,
    /// Outer spans of direct quotes.
    pub quotes: Vec<Span>,
}

/// The analysis regrouped per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub articles: Vec<ArticleMarks>,
    /// `shared[a][&b]`: passages articles `a` and `b` both carry (sparse: only pairs that
    /// share something).
    pub shared: Vec<FxHashMap<ArticleIdx, usize>>,
}

impl Index {
    /// Builds the index of `analysis` over `corpus`; spans outside a body are dropped.
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> Index {
        let n = corpus.len();
        let mut index = Index {
            articles: vec![ArticleMarks::default(); n],
            shared: vec![FxHashMap::default(); n],
        };
        for (p, passage) in analysis.passages.passages.iter().enumerate() {
            index.add_passage(corpus, p, passage);
        }
        for (e, entity) in analysis.entities.entities.iter().enumerate() {
            // Only body mentions are drawn as spans; title and metadata mentions still
            // count for filtering (the analysis does that).
            for m in entity.mentions.iter().filter(|m| m.field == Field::Body) {
                if valid(corpus, m.article, &m.span) {
                    index.articles[m.article]
                        .entities
                        .push((e, entity.kind, m.span.clone()));
                }
            }
        }
        for (a, quotes) in analysis.quotes.iter().enumerate().take(n) {
            for q in quotes {
                if valid(corpus, a, &q.outer) {
                    index.articles[a].quotes.push(q.outer.clone());
                }
            }
        }
        for marks in &mut index.articles {
            marks.passages.sort_by_key(|(p, s)| (s.start, *p));
            marks.entities.sort_by_key(|(e, _, s)| (s.start, *e));
            marks.quotes.sort_by_key(|s| s.start);
        }
        index
    }

    /// Adds passage `p`: its occurrences, and one shared passage to each pair of carriers.
    fn add_passage(&mut self, corpus: &Corpus, p: usize, passage: &Passage) {
        let mut carriers: Vec<ArticleIdx> = Vec::new();
        for occ in &passage.occurrences {
            if valid(corpus, occ.article, &occ.span) {
                self.articles[occ.article]
                    .passages
                    .push((p, occ.span.clone()));
                carriers.push(occ.article);
            }
        }
        carriers.sort_unstable();
        carriers.dedup();
        for &a in &carriers {
            for &b in &carriers {
                if a != b {
                    *self.shared[a].entry(b).or_insert(0) += 1;
                }
            }
        }
    }

    /// Number of passage occurrences in article `a` (distinct passages).
    pub fn passage_count(&self, a: ArticleIdx) -> usize {
        self.articles.get(a).map_or(0, |m| {
            let mut ps: Vec<usize> = m.passages.iter().map(|(p, _)| *p).collect();
            ps.sort_unstable();
            ps.dedup();
            ps.len()
        })
    }

    /// The other articles, those sharing most with `a` first (ties in corpus order).
    pub fn partners(&self, a: ArticleIdx, n: usize) -> Vec<ArticleIdx> {
        let mut others: Vec<ArticleIdx> = (0..n).filter(|&b| b != a).collect();
        others.sort_by_key(|&b| {
            let s = self
                .shared
                .get(a)
                .and_then(|r| r.get(&b))
                .copied()
                .unwrap_or(0);
            (std::cmp::Reverse(s), b)
        });
        others
    }

    /// The passage whose occurrence in article `a` overlaps `span`, if any.
    pub fn passage_at(&self, a: ArticleIdx, span: &Span) -> Option<usize> {
        self.articles.get(a).and_then(|m| {
            m.passages
                .iter()
                .find(|(_, s)| s.start < span.end && span.start < s.end)
                .map(|(p, _)| *p)
        })
    }
}

/// True when `span` is a non-empty range of article `a`'s body on char boundaries.
fn valid(corpus: &Corpus, a: ArticleIdx, span: &Span) -> bool {
    corpus.articles.get(a).is_some_and(|art| {
        span.start < span.end
            && span.end <= art.body.len()
            && art.body.is_char_boundary(span.start)
            && art.body.is_char_boundary(span.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::passages::{Label, Occurrence, PassageIndex, Quoted};
    use crate::corpus::{Article, Metadata};

    fn corpus(bodies: &[&str]) -> Corpus {
        Corpus {
            name: "t".to_string(),
            articles: bodies
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    Article::new(
                        i.to_string(),
                        String::new(),
                        Metadata::default(),
                        b.to_string(),
                    )
                })
                .collect(),
        }
    }

    fn passage(occ: &[(ArticleIdx, Span)]) -> Passage {
        Passage {
            occurrences: occ
                .iter()
                .map(|(a, s)| Occurrence {
                    article: *a,
                    span: s.clone(),
                    quoted: false,
                })
                .collect(),
            words: 2,
            label: Label::Verbatim,
            similarity: 1.0,
            quoted: Quoted::None,
            speaker: None,
        }
    }

    #[test]
    fn pairs_partners_and_bad_spans() {
        let c = corpus(&["alpha beta gamma", "alpha beta", "beta gamma", "é"]);
        let analysis = Analysis {
            passages: PassageIndex {
                passages: vec![
                    passage(&[(0, 0..10), (1, 0..10)]),
                    passage(&[(0, 6..16), (2, 0..10)]),
                    passage(&[(0, 0..5), (1, 0..5)]),
                    // Out of range, past the end, inside a character: all dropped.
                    passage(&[(9, 0..1), (2, 5..99), (3, 1..2)]),
                ],
            },
            ..Analysis::default()
        };
        let idx = Index::build(&c, &analysis);
        assert_eq!(idx.passage_count(0), 3);
        assert_eq!(idx.passage_count(3), 0);
        assert_eq!(
            idx.partners(0, 4),
            [1, 2, 3],
            "1 shares two passages, 2 one"
        );
        assert_eq!(idx.partners(2, 4), [0, 1, 3]);
        assert_eq!(idx.passage_at(0, &(12..13)), Some(1));
        assert_eq!(idx.passage_at(1, &(11..12)), None);
    }
}
