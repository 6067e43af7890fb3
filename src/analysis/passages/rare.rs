//! The corpus's share of the rarity test ([`super::rarity`]): once every pair is aligned,
//! the short spans are judged again with the document frequency of their words and of their
//! 4-grams, so that a phrase whose words (or a stock phrase in it, [`super::stock`]) many
//! articles of this corpus carry is not taken for news reuse.

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::group::PairSpan;
use super::index::{N, gram_hash};
use super::rarity::{self, Counts, is_doubtful, matched_in_a};
use super::stock;
use super::tokens::Doc;

/// What the corpus is asked about: the content words of the shorter spans (the only ones
/// whose document frequency is needed), and their 4-grams matched whole ([`stock`]).
#[derive(Default)]
struct Wanted {
    words: FxHashSet<u32>,
    grams: FxHashSet<u64>,
    /// Word id → [`WORD`] and/or [`GRAM_START`]: one look-up per token of the corpus.
    first: FxHashMap<u32, u8>,
}

/// A content word of a short span.
const WORD: u8 = 1;
/// The first word of a wanted 4-gram.
const GRAM_START: u8 = 2;

fn wanted(docs: &[Doc], spans: &[PairSpan]) -> Wanted {
    let mut out = Wanted::default();
    for s in spans.iter().filter(|s| is_doubtful(&s.al)) {
        let d = &docs[s.a];
        for i in matched_in_a(&s.al).filter(|&i| rarity::counts_as_content(d, i)) {
            out.words.insert(d.ids[i]);
            *out.first.entry(d.ids[i]).or_default() |= WORD;
        }
        for (t, g) in stock::matched_grams(&s.al, |i| gram_hash(d, i)) {
            out.grams.insert(g);
            *out.first.entry(d.ids[s.al.a.start + t]).or_default() |= GRAM_START;
        }
    }
    out
}

/// How many articles carry each wanted word and 4-gram, and the corpus's size in words.
fn counts(docs: &[Doc], w: &Wanted) -> Counts {
    type Df<K> = FxHashMap<K, u32>;
    let (df, grams) = docs
        .par_iter()
        .fold(
            || {
                (
                    Df::<u32>::default(),
                    Df::<u64>::default(),
                    Vec::new(),
                    Vec::new(),
                )
            },
            |(mut df, mut gdf, mut seen, mut gseen), d| {
                seen.clear();
                gseen.clear();
                for (i, id) in d.ids.iter().enumerate() {
                    let Some(&f) = w.first.get(id) else { continue };
                    if f & WORD != 0 {
                        seen.push(*id);
                    }
                    if f & GRAM_START != 0 && i + N <= d.len() {
                        let g = gram_hash(d, i);
                        if w.grams.contains(&g) {
                            gseen.push(g);
                        }
                    }
                }
                tally(&mut df, &mut seen);
                tally(&mut gdf, &mut gseen);
                (df, gdf, seen, gseen)
            },
        )
        .map(|(df, gdf, _, _)| (df, gdf))
        .reduce(Default::default, |(mut x, mut gx), (y, gy)| {
            merge(&mut x, y);
            merge(&mut gx, gy);
            (x, gx)
        });
    let tokens = docs.iter().map(|d| d.len() as f64).sum();
    Counts { df, grams, tokens }
}

/// Counts each distinct key of `seen` once.
fn tally<K: std::hash::Hash + Eq + Ord + Copy>(df: &mut FxHashMap<K, u32>, seen: &mut Vec<K>) {
    seen.sort_unstable();
    seen.dedup();
    for k in seen.iter() {
        *df.entry(*k).or_default() += 1;
    }
}

fn merge<K: std::hash::Hash + Eq>(x: &mut FxHashMap<K, u32>, y: FxHashMap<K, u32>) {
    for (k, n) in y {
        *x.entry(k).or_default() += n;
    }
}

/// The pairwise spans (grouped by pair, as [`super::align_all`] gives them) without the
/// short ones that the corpus's document frequencies make likely by chance.
pub fn rare_in_corpus(docs: &[Doc], spans: Vec<PairSpan>) -> Vec<PairSpan> {
    let wanted = wanted(docs, &spans);
    if wanted.words.is_empty() {
        return spans;
    }
    let counts = counts(docs, &wanted);
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
