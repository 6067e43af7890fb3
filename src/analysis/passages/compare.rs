//! Aligning two articles on their own: the spans they share with per-span similarity, label
//! and word diff. The same engine as [`super::find`] ([`super::align::align_pair`]), seeded
//! from the 4-grams the two bodies share, so the compare view and the passage list agree.
//! Within a corpus, [`with_passages`] adds the corpus passages both articles carry that the
//! pair's own alignment cannot see (a sentence so widely shared, or so often repeated, that
//! none of its 4-grams seeds): a comparison shows whatever the passage list says two
//! articles share.

use rustc_hash::FxHashMap;

use super::align::{align_pair, changed};
use super::extend::Alignment;
use super::index::{MAX_QUOTED_REPEATS, N, gram_at};
use super::tokens::{Doc, QUOTED, tokenize};
use super::{AlignedSpan, Passage, labels};
use crate::analysis::Config;
use crate::analysis::Span;
use crate::analysis::quotes;
use crate::corpus::ArticleIdx;

/// Tokens of a body on its own: chrome masked, quotes flagged.
pub fn single_doc(body: &str) -> Doc {
    let mut doc = tokenize(body);
    super::mask::mask_chrome(&mut doc);
    let quotes = quotes::find_in(body, &[]);
    doc.flag_spans(quotes.iter().map(|q| &q.inner), QUOTED);
    doc
}

/// The 4-grams of a document that may seed: hash → positions (at most two unless quoted).
fn grams(doc: &Doc) -> FxHashMap<u64, (Vec<usize>, bool)> {
    let mut out: FxHashMap<u64, (Vec<usize>, bool)> = FxHashMap::default();
    for i in 0..doc.len().saturating_sub(N - 1) {
        if let Some((h, q)) = gram_at(doc, i) {
            let e = out.entry(h).or_default();
            e.0.push(i);
            e.1 |= q;
        }
    }
    out
}

/// The seeds two documents share, sorted by diagonal then position.
pub fn pair_seeds(a: &Doc, b: &Doc) -> Vec<(usize, usize)> {
    let ga = grams(a);
    let gb = grams(b);
    let mut seeds = Vec::new();
    for (h, (pa, qa)) in &ga {
        let Some((pb, qb)) = gb.get(h) else { continue };
        let most = if qa | qb { MAX_QUOTED_REPEATS } else { 2 };
        if pa.len() > most || pb.len() > most {
            continue;
        }
        for &i in pa {
            seeds.extend(pb.iter().map(|&j| (i, j)));
        }
    }
    seeds.sort_by_key(|&(i, j)| (j as i64 - i as i64, i));
    seeds
}

/// Aligns two bodies: the spans they share, in order of `a`.
pub fn compare(a: &str, b: &str, config: &Config) -> Vec<AlignedSpan> {
    if a > b {
        let mut out: Vec<AlignedSpan> = compare(b, a, config)
            .into_iter()
            .map(AlignedSpan::swapped)
            .collect();
        out.sort_by_key(|s| (s.a.start, s.a.end));
        return out;
    }
    let da = single_doc(a);
    let db = single_doc(b);
    let seeds = pair_seeds(&da, &db);
    align_pair(&da, &db, seeds, config)
        .into_iter()
        .map(|mut al| {
            labels::verify_words(&mut al, &da, &db, a, b);
            aligned_span(&da, &db, &al)
        })
        .collect()
}

/// An alignment as byte spans with its word diff.
pub fn aligned_span(a: &Doc, b: &Doc, al: &Alignment) -> AlignedSpan {
    let (ca, cb) = changed(al);
    let similarity = al.identity();
    AlignedSpan {
        a: a.byte_span(&al.a),
        b: b.byte_span(&al.b),
        similarity,
        label: labels::label(similarity),
        a_changed: ca.iter().map(|r| a.byte_span(r)).collect(),
        b_changed: cb.iter().map(|r| b.byte_span(r)).collect(),
    }
}

/// `spans` (the alignment of articles `a` and `b`, see [`compare`]) with the occurrences of
/// the corpus `passages` carried by both articles that no span of `spans` overlaps: the
/// k-th occurrence in `a` paired with the k-th in `b`. In order of `a`.
pub fn with_passages(
    mut spans: Vec<AlignedSpan>,
    passages: &[Passage],
    a: ArticleIdx,
    b: ArticleIdx,
) -> Vec<AlignedSpan> {
    if a == b {
        return spans;
    }
    let taken_a = Taken::new(spans.iter().map(|s| &s.a));
    let taken_b = Taken::new(spans.iter().map(|s| &s.b));
    let mut extra: Vec<AlignedSpan> = Vec::new();
    for p in passages {
        let on = |article: ArticleIdx| {
            let mut v: Vec<&Span> = p
                .occurrences
                .iter()
                .filter(|o| o.article == article)
                .map(|o| &o.span)
                .collect();
            v.sort_by_key(|s| (s.start, s.end));
            v
        };
        for (x, y) in on(a).into_iter().zip(on(b)) {
            if !taken_a.overlaps(x) && !taken_b.overlaps(y) {
                extra.push(AlignedSpan {
                    a: x.clone(),
                    b: y.clone(),
                    similarity: p.similarity,
                    label: p.label,
                    a_changed: Vec::new(),
                    b_changed: Vec::new(),
                });
            }
        }
    }
    extra.sort_by_key(|s| (s.a.start, std::cmp::Reverse(s.a.end)));
    let mut end = 0;
    for s in extra {
        // of two passages over one place, the first (longest) stands
        if s.a.start >= end {
            end = s.a.end;
            spans.push(s);
        }
    }
    spans.sort_by_key(|s| (s.a.start, s.a.end));
    spans
}

/// Byte ranges already shown, for overlap tests in logarithmic time.
struct Taken {
    /// (start, end), sorted by start.
    ranges: Vec<(usize, usize)>,
    /// The furthest end of `ranges[..=i]`.
    reach: Vec<usize>,
}

impl Taken {
    fn new<'a>(ranges: impl Iterator<Item = &'a Span>) -> Taken {
        let mut ranges: Vec<(usize, usize)> = ranges.map(|r| (r.start, r.end)).collect();
        ranges.sort_unstable();
        let reach = ranges
            .iter()
            .scan(0, |far, r| {
                *far = r.1.max(*far);
                Some(*far)
            })
            .collect();
        Taken { ranges, reach }
    }

    fn overlaps(&self, r: &Span) -> bool {
        let before = self.ranges.partition_point(|x| x.0 < r.end);
        before
            .checked_sub(1)
            .is_some_and(|i| self.reach[i] > r.start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::corpus::Corpus;

    /// Articles repeating one sentence: no 4-gram of it seeds (it recurs too often in each
    /// article), yet the corpus groups it as widely shared, and the comparison shows it.
    #[test]
    fn a_comparison_shows_what_the_passage_list_says_two_articles_share() {
        let sentence = "The harbour council voted again to rebuild the old stone bridge.";
        let bodies: Vec<String> = (0..6).map(|k| vec![sentence; 20 + k].join(" ")).collect();
        let corpus = Corpus::from_bodies(bodies.clone());
        let config = Config {
            ngram_doc_cap: 4,
            ..Config::default()
        };
        let passages = analyse(&corpus, &config).passages.passages;
        let listed = passages.iter().any(|p| {
            [0, 1]
                .iter()
                .all(|&k| p.occurrences.iter().any(|o| o.article == k))
        });
        assert!(listed, "the passage list: {passages:?}");
        let alone = compare(&bodies[0], &bodies[1], &config);
        assert!(alone.is_empty(), "{alone:?}");
        let shown = with_passages(alone, &passages, 0, 1);
        assert_eq!(shown.len(), 20);
        for s in &shown {
            for text in [&bodies[0][s.a.clone()], &bodies[1][s.b.clone()]] {
                assert!(sentence.starts_with(text) && text.len() > 50, "{text:?}");
            }
        }
        assert!(shown.windows(2).all(|w| w[0].a.end <= w[1].a.start));
    }

    #[test]
    fn passages_over_aligned_spans_are_not_shown_twice() {
        let span = |a: Span, b: Span| AlignedSpan {
            a,
            b,
            similarity: 1.0,
            label: super::super::Label::Verbatim,
            a_changed: Vec::new(),
            b_changed: Vec::new(),
        };
        let occ = |article, span| super::super::Occurrence {
            article,
            span,
            quoted: false,
        };
        let passage = |occurrences| Passage {
            occurrences,
            words: 8,
            label: super::super::Label::Verbatim,
            similarity: 1.0,
            quoted: super::super::Quoted::None,
            speaker: None,
        };
        let passages = [
            passage(vec![occ(0, 5..15), occ(1, 50..60)]),
            passage(vec![occ(0, 40..50), occ(1, 80..90), occ(2, 0..10)]),
            passage(vec![occ(0, 60..70), occ(2, 5..15)]),
        ];
        let got = with_passages(vec![span(0..10, 0..10)], &passages, 0, 1);
        let places: Vec<(Span, Span)> = got.into_iter().map(|s| (s.a, s.b)).collect();
        assert_eq!(places, [(0..10, 0..10), (40..50, 80..90)]);
        assert_eq!(with_passages(Vec::new(), &passages, 1, 1), []);
    }
}
