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

/// The `k` heaviest keys of `v` whose document frequency (from `df`) is at least two.
fn heaviest(v: &Sparse, k: usize, df: &FxHashMap<u32, u32>) -> Vec<u32> {
    let mut keys: Vec<(u32, f32)> = v
        .iter()
        .copied()
        .filter(|(t, _)| df.get(t).is_some_and(|&d| d >= 2))
        .collect();
    keys.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    keys.truncate(k);
    keys.into_iter().map(|(t, _)| t).collect()
}

/// The keys of article `i`.
fn keys_of(f: &Features, i: usize) -> Vec<u64> {
    let mut terms: Sparse = f.head[i].iter().chain(&f.body[i]).copied().collect();
    terms.sort_unstable_by_key(|&(t, _)| t);
    // a term in both head and body counts with its summed weight
    let mut merged: Sparse = Vec::with_capacity(terms.len());
    for (t, w) in terms {
        match merged.last_mut() {
            Some((last, s)) if *last == t => *s += w,
            _ => merged.push((t, w)),
        }
    }
    let mut keys: Vec<u64> = heaviest(&merged, KEY_TERMS, &f.df)
        .into_iter()
        .map(u64::from)
        .collect();
    keys.extend(
        heaviest(&f.entities[i], KEY_ENTITIES, &f.entity_df)
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
    let keys: Vec<Vec<u64>> = (0..n).into_par_iter().map(|i| keys_of(f, i)).collect();
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (i, ks) in keys.iter().enumerate() {
        for &k in ks {
            postings.entry(k).or_default().push(i as u32);
        }
    }
    drop(keys);
    let lists: Vec<Vec<u32>> = postings
        .into_values()
        .filter(|l| l.len() >= 2 && l.len() <= POSTING_CAP)
        .collect();
    let mut out: Vec<(u32, u32)> = lists
        .par_iter()
        .flat_map_iter(|l| {
            l.iter()
                .enumerate()
                .flat_map(move |(x, &a)| l[x + 1..].iter().map(move |&b| (a, b)))
        })
        .collect();
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
            kept.push(pair);
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
