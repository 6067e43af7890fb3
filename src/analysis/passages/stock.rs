//! Stock phrases of the corpus: a 4-gram that many more articles carry than the span it
//! stands in ("a lot of money" in sixteen articles of unrelated stories, inside "not sound
//! like a lot of money" that two carry) is a phrase of the corpus's common speech. Its
//! words are not rare one by one: together they count once, at the phrase's own rate in
//! the corpus, when that is lower than the sum of their surprisals.
//!
//! The words of a unigram model are independent; the words of an idiom are not, and the
//! corpus tells which runs of words recur together. A span's own carriers are not counted
//! against it: the excess is the gram's document frequency over the fewest articles
//! carrying any of the span's 4-grams (a quote that five outlets carry has grams carried by
//! five articles, none of them common).

use rustc_hash::FxHashMap;

use super::extend::{Alignment, Op};
use super::index::{N, gram_hash};
use super::rarity::Counts;
use super::tokens::Doc;

/// Fewest articles beyond the span's own carriers that make a 4-gram a stock phrase.
pub const MIN_EXCESS: u32 = 3;

/// The matched flag of each token of `a` in an alignment, in order of `al.a`.
pub fn matched_flags(al: &Alignment) -> Vec<bool> {
    al.ops
        .iter()
        .filter(|op| !matches!(op, Op::InsB))
        .map(|op| *op == Op::Match)
        .collect()
}

/// The hashes of the 4-grams of `a` whose tokens the alignment all matches, with their
/// start offsets in `al.a`.
pub fn matched_grams<'a>(
    al: &'a Alignment,
    hash: impl Fn(usize) -> u64 + 'a,
) -> impl Iterator<Item = (usize, u64)> + 'a {
    let m = matched_flags(al);
    (0..m.len().saturating_sub(N - 1))
        .filter(move |&t| m[t..t + N].iter().all(|&x| x))
        .map(move |t| (t, hash(al.a.start + t)))
}

/// The bits of a span of `a` whose tokens carry `v` bits each (see [`with_stock_phrases`]),
/// with the corpus's 4-gram counts when there are any.
pub fn span_bits(a: &Doc, al: &Alignment, v: &[f32], counts: Option<&Counts>) -> f32 {
    match counts.filter(|c| !c.grams.is_empty()) {
        Some(c) => {
            let grams: Vec<(usize, u64)> = matched_grams(al, |i| gram_hash(a, i)).collect();
            with_stock_phrases(v, &grams, &c.grams, c.tokens)
        }
        None => v.iter().sum(),
    }
}

/// The bits of a span whose tokens carry `v` bits each (in order of `al.a`; zero for a
/// function word, an unmatched word or one counted already), its stock phrases counted
/// once each: the least over the ways of reading it as words and stock 4-grams.
pub fn with_stock_phrases(
    v: &[f32],
    grams: &[(usize, u64)],
    df: &FxHashMap<u64, u32>,
    tokens: f64,
) -> f32 {
    let total: f32 = v.iter().sum();
    let carriers = grams.iter().filter_map(|(_, g)| df.get(g)).min().copied();
    let Some(own) = carriers else { return total };
    let mut cap: FxHashMap<usize, f32> = FxHashMap::default();
    for (t, g) in grams {
        let Some(&n) = df.get(g) else { continue };
        let excess = n.saturating_sub(own);
        if excess >= MIN_EXCESS && n >= 2 * own && tokens > 0.0 {
            cap.insert(*t, -(f64::from(excess) / tokens).log2() as f32);
        }
    }
    if cap.is_empty() {
        return total;
    }
    let mut best = vec![0.0f32; v.len() + 1];
    for t in 1..=v.len() {
        best[t] = best[t - 1] + v[t - 1];
        if t >= N
            && let Some(c) = cap.get(&(t - N))
        {
            best[t] = best[t].min(best[t - N] + c);
        }
    }
    best[v.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stock_gram_counts_once_at_its_corpus_rate() {
        // six words of 10 bits; the 4-gram at 2 is carried by 20 articles, the span by 2
        let v = [10.0; 6];
        let grams = [(0, 1), (1, 2), (2, 3)];
        let df: FxHashMap<u64, u32> = [(1, 2), (2, 2), (3, 20)].into_iter().collect();
        let bits = with_stock_phrases(&v, &grams, &df, 1_000_000.0);
        let cap = -(18.0f64 / 1_000_000.0).log2() as f32;
        assert!((bits - (20.0 + cap)).abs() < 0.01, "{bits}");
        // a span whose grams five articles all carry (one quote, five outlets) keeps its bits
        let df: FxHashMap<u64, u32> = [(1, 5), (2, 5), (3, 5)].into_iter().collect();
        assert_eq!(with_stock_phrases(&v, &grams, &df, 1_000_000.0), 60.0);
    }
}
