//! Per-article indexes of an [`Analysis`] for drawing: which passages, entity mentions and
//! quotes fall in each article, and which articles share most with one. This only regroups
//! what the analysis found; it computes no analysis of its own.
//!
//! Built when an analysis is installed, so on the way to the first analysed screen of a
//! reopened corpus: the marks of all articles are kept in three flat lists grouped by article
//! (a counting sort, a few large allocations instead of three per article), and what two
//! articles share is counted only when asked ([`Index::partners`]).

use crate::analysis::entities::{EntityKind, Field};
use crate::analysis::passages::PassageIndex;
use crate::analysis::{Analysis, Span};
use crate::corpus::{ArticleIdx, Corpus};

/// What falls in one article, each list sorted by start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArticleMarks<'a> {
    /// (passage index, span) of every passage occurrence.
    pub passages: &'a [(usize, Span)],
    /// Every body mention of an entity.
    pub entities: &'a [EntityMark],
    /// Outer spans of direct quotes.
    pub quotes: &'a [Span],
    /// The words naming each attributed quote's speaker (`Lavrov`, `she`, `the spokeswoman`).
    pub speakers: &'a [Span],
}

/// One body mention of an entity, kept small: there are millions in a large corpus, and
/// all of them are regrouped on the way to the first analysed screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityMark {
    entity: u32,
    kind: EntityKind,
    start: u32,
    end: u32,
}

impl EntityMark {
    /// The mention of `entity` (of `kind`) at `span`; `None` when it does not fit 32 bits.
    fn new(entity: usize, kind: EntityKind, span: &Span) -> Option<EntityMark> {
        Some(EntityMark {
            entity: u32::try_from(entity).ok()?,
            kind,
            start: u32::try_from(span.start).ok()?,
            end: u32::try_from(span.end).ok()?,
        })
    }

    /// Index of the entity in the analysis.
    pub fn entity(&self) -> usize {
        self.entity as usize
    }

    pub fn kind(&self) -> EntityKind {
        self.kind
    }

    /// Where it is in the body.
    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
}

/// Items grouped by article: those of article `a` are `items[starts[a]..starts[a + 1]]`.
#[derive(Debug, Clone, PartialEq)]
struct Grouped<T> {
    starts: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for Grouped<T> {
    fn default() -> Self {
        Grouped {
            starts: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Clone> Grouped<T> {
    /// Groups `(article, item)` pairs of articles below `n` by article (a stable counting
    /// sort into one list), then sorts each article's items by `key`.
    fn new<K: Ord>(n: usize, pairs: Vec<(ArticleIdx, T)>, key: impl Fn(&T) -> K) -> Self {
        let Some(filler) = pairs.first().map(|(_, t)| t.clone()) else {
            return Grouped {
                starts: vec![0; n + 1],
                items: Vec::new(),
            };
        };
        let mut starts = vec![0usize; n + 1];
        for (a, _) in &pairs {
            starts[a + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut next = starts.clone();
        let mut items = vec![filler; pairs.len()];
        for (a, item) in pairs {
            items[next[a]] = item;
            next[a] += 1;
        }
        for w in starts.windows(2) {
            items[w[0]..w[1]].sort_unstable_by_key(&key);
        }
        Grouped { starts, items }
    }
}

impl<T> Grouped<T> {
    fn of(&self, a: ArticleIdx) -> Option<&[T]> {
        let (&start, &end) = (self.starts.get(a)?, self.starts.get(a + 1)?);
        self.items.get(start..end)
    }
}

/// The analysis regrouped per article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    passages: Grouped<(usize, Span)>,
    entities: Grouped<EntityMark>,
    quotes: Grouped<Span>,
    speakers: Grouped<Span>,
}

impl Index {
    /// Builds the index of `analysis` over `corpus`; spans outside a body are dropped.
    pub fn build(corpus: &Corpus, analysis: &Analysis) -> Index {
        let bodies = Bodies::of(corpus);
        let corpus = &bodies;
        let ((passages, entities), quotes) = rayon::join(
            || {
                rayon::join(
                    || passage_marks(corpus, analysis),
                    || entity_marks(corpus, analysis),
                )
            },
            || quote_marks(corpus, analysis),
        );
        let (quotes, speakers) = quotes;
        Index {
            passages,
            entities,
            quotes,
            speakers,
        }
    }

    /// What falls in article `a` (`None` past the corpus, or before any analysis).
    pub fn marks(&self, a: ArticleIdx) -> Option<ArticleMarks<'_>> {
        Some(ArticleMarks {
            passages: self.passages.of(a)?,
            entities: self.entities.of(a)?,
            quotes: self.quotes.of(a)?,
            speakers: self.speakers.of(a)?,
        })
    }

    /// Number of passage occurrences in article `a` (distinct passages).
    pub fn passage_count(&self, a: ArticleIdx) -> usize {
        self.marks(a).map_or(0, |m| {
            let mut ps: Vec<usize> = m.passages.iter().map(|(p, _)| *p).collect();
            ps.sort_unstable();
            ps.dedup();
            ps.len()
        })
    }

    /// The other articles, those sharing most passages of `passages` with `a` first (ties
    /// in corpus order; see [`PassageIndex::partners`]), then the rest in corpus order.
    pub fn partners(&self, passages: &PassageIndex, a: ArticleIdx, n: usize) -> Vec<ArticleIdx> {
        let sharing = passages.partners(a);
        let mut seen = vec![false; n];
        let mut out: Vec<ArticleIdx> = Vec::with_capacity(n.saturating_sub(1));
        for (b, _) in sharing.into_iter().filter(|&(b, _)| b < n) {
            seen[b] = true;
            out.push(b);
        }
        out.extend((0..n).filter(|&b| b != a && !seen[b]));
        out
    }

    /// The passage whose occurrence in article `a` overlaps `span`, if any.
    pub fn passage_at(&self, a: ArticleIdx, span: &Span) -> Option<usize> {
        self.marks(a).and_then(|m| {
            m.passages
                .iter()
                .find(|(_, s)| s.start < span.end && span.start < s.end)
                .map(|(p, _)| *p)
        })
    }
}

/// Every passage occurrence, by article.
fn passage_marks(corpus: &Bodies, analysis: &Analysis) -> Grouped<(usize, Span)> {
    let ps = &analysis.passages.passages;
    let mut pairs = Vec::with_capacity(ps.iter().map(|p| p.occurrences.len()).sum());
    for (p, passage) in ps.iter().enumerate() {
        for o in &passage.occurrences {
            if valid(corpus, o.article, &o.span) {
                pairs.push((o.article, (p, o.span.clone())));
            }
        }
    }
    Grouped::new(corpus.len(), pairs, |(p, s)| (s.start, *p))
}

/// Every body mention of an entity, by article. Only body mentions are drawn as spans;
/// title and metadata mentions still count for filtering (the analysis does that).
fn entity_marks(corpus: &Bodies, analysis: &Analysis) -> Grouped<EntityMark> {
    let es = &analysis.entities.entities;
    let mut pairs = Vec::with_capacity(es.iter().map(|e| e.mentions.len()).sum());
    for (e, entity) in es.iter().enumerate() {
        for m in &entity.mentions {
            if m.field == Field::Body && valid(corpus, m.article, &m.span) {
                if let Some(mark) = EntityMark::new(e, entity.kind, &m.span) {
                    pairs.push((m.article, mark));
                }
            }
        }
    }
    Grouped::new(corpus.len(), pairs, |m| (m.start, m.entity))
}

/// The outer span of every direct quote, and the mention of every attributed quote's
/// speaker (once, however many quotes it attributes), by article.
fn quote_marks(corpus: &Bodies, analysis: &Analysis) -> (Grouped<Span>, Grouped<Span>) {
    let qs = analysis.quotes.iter().take(corpus.len());
    let mut pairs = Vec::with_capacity(qs.clone().map(Vec::len).sum());
    let mut speakers = Vec::new();
    for (a, quotes) in qs.enumerate() {
        for q in quotes {
            if valid(corpus, a, &q.outer) {
                pairs.push((a, q.outer.clone()));
            }
            if let Some(m) = q.mention.as_ref().filter(|_| q.speaker.is_some())
                && valid(corpus, a, m)
                && speakers.last() != Some(&(a, m.clone()))
            {
                speakers.push((a, m.clone()));
            }
        }
    }
    (
        Grouped::new(corpus.len(), pairs, |s| s.start),
        Grouped::new(corpus.len(), speakers, |s| s.start),
    )
}

/// What the spans are checked against: per article, its body, or its length while it is
/// pending. Kept apart from the articles so that checking millions of spans, in the order
/// of their entities rather than of the articles, stays within a small array.
struct Bodies<'a>(Vec<Result<&'a str, usize>>);

impl<'a> Bodies<'a> {
    fn of(corpus: &'a Corpus) -> Bodies<'a> {
        Bodies(
            corpus
                .articles
                .iter()
                .map(|a| match a.body_pending {
                    Some(len) => Err(len),
                    None => Ok(a.body.as_str()),
                })
                .collect(),
        )
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// True when `span` is a non-empty range of article `a`'s body on char boundaries (within
/// its length while the body is pending: the views slice it only once it is in).
fn valid(bodies: &Bodies, a: ArticleIdx, span: &Span) -> bool {
    match bodies.0.get(a) {
        Some(Ok(body)) => crate::analysis::span_fits(body, span),
        Some(Err(len)) => crate::analysis::span_fits_len(*len, span),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::passages::{Label, Occurrence, Passage, PassageIndex, Quoted};
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
        let ps = &analysis.passages;
        assert_eq!(
            idx.partners(ps, 0, 4),
            [1, 2, 3],
            "1 shares two passages, 2 one"
        );
        // the core counts what the analysis says 2 shares, here with 3 too (a span the
        // reader cannot mark; the analysis never makes one)
        assert_eq!(idx.partners(ps, 2, 4), [0, 3, 1]);
        assert_eq!(idx.passage_at(0, &(12..13)), Some(1));
        assert_eq!(idx.passage_at(1, &(11..12)), None);
    }
}
