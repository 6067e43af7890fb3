//! The corpus's share of the rarity test ([`super::rarity`]): once every pair is aligned,
//! the short spans are judged again with the document frequency of their words, so that a
//! phrase whose words many articles of this corpus carry is not taken for news reuse.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::group::PairSpan;
use super::rarity::{self, Counts, is_doubtful, matched_in_a};
use super::tokens::Doc;

/// The content words of the shorter spans: the only ones whose document frequency is needed.
fn short_words(docs: &[Doc], spans: &[PairSpan]) -> FxHashSet<u32> {
    let mut out = FxHashSet::default();
    for s in spans.iter().filter(|s| is_doubtful(&s.al)) {
        let d = &docs[s.a];
        out.extend(
            matched_in_a(&s.al)
                .filter(|&i| rarity::counts_as_content(d, i))
                .map(|i| d.ids[i]),
        );
    }
    out
}

/// How many articles carry each of `words`, and the corpus's size in words.
fn counts(docs: &[Doc], words: &FxHashSet<u32>) -> Counts {
    let df = docs
        .par_iter()
        .fold(
            || (FxHashMap::<u32, u32>::default(), Vec::new()),
            |(mut df, mut seen), d| {
                seen.clear();
                seen.extend(d.ids.iter().copied().filter(|id| words.contains(id)));
                seen.sort_unstable();
                seen.dedup();
                for id in &seen {
                    *df.entry(*id).or_default() += 1;
                }
                (df, seen)
            },
        )
        .map(|(df, _)| df)
        .reduce(FxHashMap::default, |mut x, y| {
            for (id, n) in y {
                *x.entry(id).or_default() += n;
            }
            x
        });
    let tokens = docs.iter().map(|d| d.len() as f64).sum();
    Counts { df, tokens }
}

/// The pairwise spans (grouped by pair, as [`super::align_all`] gives them) without the
/// short ones that the corpus's document frequencies make likely by chance.
pub fn rare_in_corpus(docs: &[Doc], spans: Vec<PairSpan>) -> Vec<PairSpan> {
    let words = short_words(docs, &spans);
    if words.is_empty() {
        return spans;
    }
    let counts = counts(docs, &words);
    let mut out = Vec::with_capacity(spans.len());
    let mut run: Vec<PairSpan> = Vec::new();
    let flush = |run: &mut Vec<PairSpan>, out: &mut Vec<PairSpan>| {
        let Some((a, b)) = run.first().map(|s| (s.a, s.b)) else {
            return;
        };
        let als = run.drain(..).map(|s| s.al).collect();
        let kept = rarity::keep_unlikely(&docs[a], &docs[b], als, Some(&counts));
        out.extend(kept.into_iter().map(|al| PairSpan { a, b, al }));
    };
    for s in spans {
        if run.first().is_some_and(|r| (r.a, r.b) != (s.a, s.b)) {
            flush(&mut run, &mut out);
        }
        run.push(s);
    }
    flush(&mut run, &mut out);
    out
}
