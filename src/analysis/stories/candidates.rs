//! Candidate pairs: the article pairs worth scoring, never all pairs. Each article puts
//! its [`KEY_TERMS`] heaviest terms and [`KEY_ENTITIES`] heaviest entities (TF-IDF: the
//! rarest ones it repeats) seen in at least two articles into an inverted index; two
//! articles are a candidate when they share [`MIN_SHARED_KEYS`] keys (one shared rare word
//! is chance more often than news). A key more than [`POSTING_CAP`] articles put in the
//! index is too common to say anything and dropped, which bounds the pairs at
//! `articles × keys × cap`. Pairs that share a passage are candidates too, unless the
//! passage is carried by more than [`POSTING_CAP`] articles: a phrase in hundreds of
//! articles is a stock phrase or page chrome, not what ties a story, and its pairs alone
//! would grow with the square of the corpus.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::features::{Features, Sparse};
use crate::analysis::passages::PassageIndex;

/// Terms each article indexes.
pub const KEY_TERMS: usize = 12;
/// Entities each article indexes.
pub const KEY_ENTITIES: usize = 6;
/// Longest posting list kept.
pub const POSTING_CAP: usize = 50;
/// Keys two articles must share to be a candidate pair.
pub const MIN_SHARED_KEYS: usize = 2;

/// Entity keys live apart from term keys.
const ENTITY_BIT: u64 = 1 << 32;

/// The `k` heaviest keys of `v` whose document frequency (from `df`, when given: the
/// vectors of terms hold none but such keys) is at least two, heaviest first (the smaller
/// key first on a tie).
fn heaviest(
    v: impl Iterator<Item = (u32, f32)>,
    k: usize,
    df: Option<&FxHashMap<u32, u32>>,
) -> Vec<u32> {
    let mut keys: Vec<(u32, f32)> = v
        .filter(|(t, _)| df.is_none_or(|df| df.get(t).is_some_and(|&d| d >= 2)))
        .collect();
    let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if keys.len() > k {
        keys.select_nth_unstable_by(k, order);
        keys.truncate(k);
    }
    keys.sort_unstable_by(order);
    keys.into_iter().map(|(t, _)| t).collect()
}

/// Two sparse vectors (sorted by key) as one, a key in both with its summed weight.
fn merged<'a>(a: &'a Sparse, b: &'a Sparse) -> impl Iterator<Item = (u32, f32)> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        let next = match (a.get(i), b.get(j)) {
            (Some(&(x, w)), Some(&(y, v))) if x == y => {
                j += 1;
                (x, w + v)
            }
            (Some(&(x, w)), Some(&(y, _))) if x < y => (x, w),
            (_, Some(&(y, v))) => {
                j += 1;
                return Some((y, v));
            }
            (Some(&(x, w)), None) => (x, w),
            (None, None) => return None,
        };
        i += 1;
        Some(next)
    })
}

/// The keys of article `i`.
fn keys_of(f: &Features, i: usize) -> Vec<u64> {
    // A term in both head and body counts with its summed weight. Term vectors hold only
    // terms of two or more articles (but for one when an article has no other): a key of
    // one article makes a posting of one, which pairs nothing.
    let mut keys: Vec<u64> = heaviest(merged(&f.head[i], &f.body[i]), KEY_TERMS, None)
        .into_iter()
        .map(u64::from)
        .collect();
    keys.extend(
        heaviest(
            f.entities[i].iter().copied(),
            KEY_ENTITIES,
            Some(&f.entity_df),
        )
        .into_iter()
        .map(|e| ENTITY_BIT | u64::from(e)),
    );
    keys
}

/// The articles carrying each passage of `min_words` or more (sorted, distinct), for the
/// passages carried by two to [`POSTING_CAP`] articles.
pub fn passage_carriers(
    passages: &PassageIndex,
    min_words: usize,
) -> impl Iterator<Item = Vec<u32>> + '_ {
    passages.passages.iter().filter_map(move |p| {
        if p.words < min_words {
            return None;
        }
        let mut arts: Vec<u32> = p.occurrences.iter().map(|o| o.article as u32).collect();
        arts.sort_unstable();
        arts.dedup();
        (2..=POSTING_CAP).contains(&arts.len()).then_some(arts)
    })
}

/// Candidate pairs `(a, b)` with `a < b`, sorted, each once.
pub fn pairs(f: &Features, passages: &PassageIndex) -> Vec<(u32, u32)> {
    let n = f.articles;
    // the postings: (key, article) sorted, so that each key's articles are a run, in order
    let mut entries: Vec<(u64, u32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| keys_of(f, i).into_iter().map(move |k| (k, i as u32)))
        .collect();
    entries.par_sort_unstable();
    // a pair packed in one integer sorts fastest
    let mut out: Vec<u64> = entries
        .par_chunk_by(|x, y| x.0 == y.0)
        .filter(|l| (2..=POSTING_CAP).contains(&l.len()))
        .flat_map_iter(|l| {
            l.iter().enumerate().flat_map(move |(x, &(_, a))| {
                l[x + 1..]
                    .iter()
                    .map(move |&(_, b)| (u64::from(a) << 32) | u64::from(b))
            })
        })
        .collect();
    drop(entries);
    out.par_sort_unstable();
    let mut kept: Vec<(u32, u32)> = Vec::with_capacity(out.len() / 4);
    let mut run = 0;
    for (k, &pair) in out.iter().enumerate() {
        run = if k > 0 && out[k - 1] == pair {
            run + 1
        } else {
            1
        };
        if run == MIN_SHARED_KEYS {
            kept.push(((pair >> 32) as u32, pair as u32));
        }
    }
    drop(out);
    let mut out = kept;
    for arts in passage_carriers(passages, 0) {
        for (x, &a) in arts.iter().enumerate() {
            out.extend(arts[x + 1..].iter().map(|&b| (a, b)));
        }
    }
    out.retain(|&(a, b)| (a as usize) < n && (b as usize) < n && a != b);
    out.par_sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_sums_the_weights_of_a_key_in_both() {
        let a = vec![(1, 0.5), (3, 0.25), (9, 1.0)];
        let b = vec![(2, 0.5), (3, 0.5), (10, 2.0)];
        let got: Vec<(u32, f32)> = merged(&a, &b).collect();
        assert_eq!(got, [(1, 0.5), (2, 0.5), (3, 0.75), (9, 1.0), (10, 2.0)]);
        assert_eq!(merged(&a, &Vec::new()).count(), 3);
        assert_eq!(merged(&Vec::new(), &b).count(), 3);
    }

    #[test]
    fn the_heaviest_keys_seen_twice_come_first_ties_by_key() {
        let df: FxHashMap<u32, u32> = [(1, 2), (2, 5), (3, 1), (4, 2), (5, 3)]
            .into_iter()
            .collect();
        let v = [(1, 0.2), (2, 0.9), (3, 1.0), (4, 0.2), (5, 0.5)];
        assert_eq!(heaviest(v.iter().copied(), 3, Some(&df)), [2, 5, 1]);
        assert_eq!(heaviest(v.iter().copied(), 9, Some(&df)), [2, 5, 1, 4]);
        assert_eq!(heaviest(v.iter().copied(), 2, None), [3, 2]);
    }
}
