//! What story grouping compares articles by: sublinear TF-IDF vectors of each article's
//! head (title and lead), of its body (the top of a news article, where it says what it is
//! about) and of the entities it names (aliases already merged by
//! [`crate::analysis::entities`]), each L2-normalised so that a dot product is a cosine.
//!
//! The terms are counted by [`super::terms`]. The inverse document frequency is the
//! smoothed one, `ln((1 + n) / (1 + df)) + 1`, counted over the corpus itself. A term only
//! one article has is left out of the vectors once they are normalised: it adds nothing to
//! any cosine, and leaving it out keeps the vectors short.
//!
//! In the vectors a term is numbered densely: its rank among the corpus' distinct term ids
//! ([`Features::term_ids`]), so that scoring reads arrays by it, and the vectors are in the
//! same order as by id.

use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::entities::{EntityIndex, Field};
use crate::corpus::Corpus;

use super::ranks::Ranks;
use super::terms::TermCounts;
pub use super::terms::terms;

/// Most terms kept in a body vector (the heaviest): bounds memory and comparison time.
pub const MAX_BODY_TERMS: usize = 128;

/// A sparse vector: `(key, weight)` sorted by key.
pub type Sparse = Vec<(u32, f32)>;

/// The vectors of every article, indexed like the corpus.
#[derive(Debug, Default)]
pub struct Features {
    /// Head and body vectors, keyed by term rank (an index into `term_ids`).
    pub head: Vec<Sparse>,
    pub body: Vec<Sparse>,
    pub entities: Vec<Sparse>,
    /// The distinct term ids of the corpus ([`super::terms`]), sorted: a term's rank is
    /// its key in the vectors.
    pub term_ids: Vec<u32>,
    /// Document frequency of each term (over heads and bodies together), by rank.
    pub df: Vec<u32>,
    /// The rank of each term id.
    ranks: Ranks,
    /// Document frequency of each entity, indexed like the entity index.
    pub entity_df: Vec<u32>,
    pub articles: usize,
}

impl Features {
    /// The smoothed inverse document frequency of a term seen in `df` articles.
    pub fn idf(&self, df: u32) -> f32 {
        idf(self.articles, df as usize)
    }

    /// The document frequency of a term id (0 for a term no article has).
    pub fn df_of(&self, term: u32) -> u32 {
        self.ranks
            .get(term)
            .and_then(|r| self.df.get(r as usize))
            .copied()
            .unwrap_or(0)
    }
}

/// Document frequencies keyed by term id, as ranks: the ids sorted, each one's rank, and
/// the frequencies by rank.
fn ranked(df: FxHashMap<u32, u32>) -> (Vec<u32>, Ranks, Vec<u32>) {
    let mut ids: Vec<u32> = df.keys().copied().collect();
    ids.sort_unstable();
    let by_rank = ids
        .iter()
        .map(|id| df.get(id).copied().unwrap_or(0))
        .collect();
    let ranks = Ranks::new(&ids);
    (ids, ranks, by_rank)
}

/// `ln((1 + n) / (1 + df)) + 1`.
pub fn idf(n: usize, df: usize) -> f32 {
    ((1.0 + n as f32) / (1.0 + df as f32)).ln() + 1.0
}

/// Document frequencies of the terms of `lists` (each list's terms distinct).
fn document_frequencies(lists: impl ParallelIterator<Item = Vec<u32>>) -> FxHashMap<u32, u32> {
    lists
        .fold(FxHashMap::default, |mut m: FxHashMap<u32, u32>, l| {
            for k in l {
                *m.entry(k).or_default() += 1;
            }
            m
        })
        .reduce(FxHashMap::default, |a, b| {
            let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
            for (k, c) in small {
                *big.entry(k).or_default() += c;
            }
            big
        })
}

/// The keys of two count lists (each sorted by key), each once, sorted.
fn union_keys(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<u32> {
    let mut keys = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let (x, y) = (a.get(i).map(|p| p.0), b.get(j).map(|p| p.0));
        let k = match (x, y) {
            (Some(x), Some(y)) => x.min(y),
            (Some(x), None) => x,
            (None, Some(y)) => y,
            (None, None) => break,
        };
        i += usize::from(x == Some(k));
        j += usize::from(y == Some(k));
        keys.push(k);
    }
    keys
}

/// The smoothed inverse document frequency of every document frequency up to a bound,
/// computed once: weighing looks it up for each of some thirty million counts at 100,000
/// articles.
struct IdfTable {
    articles: usize,
    by_df: Vec<f32>,
}

impl IdfTable {
    fn new(articles: usize) -> IdfTable {
        let by_df = (0..=articles.min(1 << 16))
            .map(|d| idf(articles, d))
            .collect();
        IdfTable { articles, by_df }
    }

    fn get(&self, df: u32) -> f32 {
        self.by_df
            .get(df as usize)
            .copied()
            .unwrap_or_else(|| idf(self.articles, df as usize))
    }
}

/// `1 + ln tf`, looked up for the small counts nearly every term has.
fn tf_weight(tf: u32) -> f32 {
    static TABLE: LazyLock<[f32; 64]> =
        LazyLock::new(|| std::array::from_fn(|t| 1.0 + (t.max(1) as f32).ln()));
    TABLE
        .get(tf as usize)
        .copied()
        .unwrap_or_else(|| 1.0 + (tf as f32).ln())
}

/// Weighs counts into a unit vector: `(1 + ln tf) · idf`, the `keep` heaviest kept (on a
/// tie at the cut, the smaller keys), in key order. `key` gives a count's key in the
/// vector (a renumbering that keeps the order) and its idf; `once` whether the article is
/// the only one with a key (of the vector): such keys are left out after normalising,
/// since they add nothing to a cosine with another article (one of them is kept when all
/// are, so that the vector still says the article has this channel).
///
/// The vector is made in the counts' own allocation: weighing runs beside the passage
/// search, and new vectors beside the freed counts would add both to the peak.
fn weigh(
    counts: Vec<(u32, u32)>,
    key: impl Fn(u32) -> (u32, f32),
    once: impl Fn(u32) -> bool,
    keep: usize,
) -> Sparse {
    let mut v: Sparse = counts
        .into_iter()
        .map(|(k, tf)| {
            let (k, idf) = key(k);
            (k, tf_weight(tf) * idf)
        })
        .collect();
    if v.len() > keep && keep > 0 {
        let mut weights: Vec<f32> = v.iter().map(|&(_, w)| w).collect();
        let (_, &mut cut, _) = weights.select_nth_unstable_by(keep - 1, |a, b| b.total_cmp(a));
        let mut at_cut = keep - v.iter().filter(|&&(_, w)| w > cut).count();
        v.retain(|&(_, w)| {
            w > cut
                || (w == cut && at_cut > 0 && {
                    at_cut -= 1;
                    true
                })
        });
    }
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let unit = |w: f32| if norm > 0.0 { w / norm } else { w };
    let first = v.first().map(|&(k, w)| (k, unit(w)));
    v.retain(|&(k, _)| !once(k));
    for (_, w) in &mut v {
        *w = unit(*w);
    }
    if let (Some(first), true) = (first, v.is_empty()) {
        v.push(first);
    }
    v
}

/// Entity counts of each article: every mention but those of the outlet line, and no
/// entity that is an outlet of the corpus (an outlet names itself in its own articles);
/// and the document frequency of each entity so counted.
fn entity_counts(corpus: &Corpus, entities: &EntityIndex) -> (Vec<Vec<(u32, u32)>>, Vec<u32>) {
    let outlets: FxHashSet<String> = corpus
        .articles
        .iter()
        .filter_map(|a| a.meta.source.as_deref())
        .map(str::to_lowercase)
        .collect();
    let mut per: Vec<Vec<(u32, u32)>> = vec![Vec::new(); corpus.len()];
    let mut df = vec![0u32; entities.entities.len()];
    for (e, entity) in entities.entities.iter().enumerate() {
        if outlets.contains(&entity.name.to_lowercase()) {
            continue;
        }
        for m in entity.mentions.iter().filter(|m| m.field != Field::Source) {
            let Some(list) = per.get_mut(m.article) else {
                continue;
            };
            match list.last_mut() {
                Some((last, c)) if *last == e as u32 => *c += 1,
                _ => {
                    list.push((e as u32, 1));
                    df[e] += 1;
                }
            }
        }
    }
    (per, df)
}

impl Features {
    /// Frees the vectors on every thread (three hundred thousand allocations at 100,000
    /// articles).
    pub fn drop_in_parallel(self) {
        for vs in [self.head, self.body, self.entities] {
            crate::analysis::free_in_parallel(vs);
        }
    }
}

/// The features of every article of `corpus`.
pub fn extract(corpus: &Corpus, entities: &EntityIndex) -> Features {
    extract_counted(corpus, entities, TermCounts::of_corpus(corpus))
}

/// The features of every article of `corpus`, its terms already counted.
pub fn extract_counted(corpus: &Corpus, entities: &EntityIndex, terms: TermCounts) -> Features {
    let n = corpus.len();
    let (head_counts, body_counts) = terms.into_parts();
    let df = document_frequencies(
        head_counts
            .par_iter()
            .zip(&body_counts)
            .map(|(h, b)| union_keys(h, b)),
    );
    let (ent_counts, entity_df) = entity_counts(corpus, entities);
    let table = IdfTable::new(n);
    let (term_ids, ranks, df) = ranked(df);
    // (every counted term has a rank; were one without, it would take the spare last one)
    let spare = term_ids.len() as u32;
    let df_by_rank = |r: u32| df.get(r as usize).copied().unwrap_or(1);
    let term_key = |k: u32| {
        let r = ranks.get(k).unwrap_or(spare);
        (r, table.get(df_by_rank(r)))
    };
    let term_once = |r: u32| df_by_rank(r) <= 1;
    let entity_idf = |e: u32| table.get(entity_df.get(e as usize).copied().unwrap_or(1));
    let ent_key = |e: u32| (e, entity_idf(e));
    // A term only one article has is left out of its vectors, which keeps them short;
    // an entity is kept (it may label a story of one article).
    // (each article's vector is made in its counts' allocation, on every thread)
    let head = head_counts
        .into_par_iter()
        .map(|c| weigh(c, term_key, term_once, usize::MAX))
        .collect();
    let body = body_counts
        .into_par_iter()
        .map(|c| weigh(c, term_key, term_once, MAX_BODY_TERMS))
        .collect();
    let ents = ent_counts
        .into_par_iter()
        .map(|c| weigh(c, ent_key, |_| false, usize::MAX))
        .collect();
    Features {
        head,
        body,
        entities: ents,
        term_ids,
        df,
        ranks,
        entity_df,
        articles: n,
    }
}

/// The dot product of two sparse vectors (their cosine, when both are unit vectors).
pub fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_keys_merge_two_sorted_lists() {
        let a = [(1, 9), (4, 1), (7, 2)];
        let b = [(2, 1), (4, 3), (8, 1), (9, 1)];
        assert_eq!(union_keys(&a, &b), [1, 2, 4, 7, 8, 9]);
        assert_eq!(union_keys(&[], &b), [2, 4, 8, 9]);
        assert_eq!(union_keys(&a, &[]), [1, 4, 7]);
    }

    #[test]
    fn weighing_keeps_the_heaviest_in_key_order_and_normalises() {
        let counts = vec![(1, 1), (2, 4), (3, 1), (4, 2), (5, 1)];
        let key = |k: u32| (k, if k == 5 { 3.0 } else { 1.0 });
        let v = weigh(counts, key, |_| false, 3);
        let keys: Vec<u32> = v.iter().map(|&(k, _)| k).collect();
        assert_eq!(keys, [2, 4, 5]);
        let norm: f32 = v.iter().map(|(_, w)| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-5);
        // a tie at the cut keeps the smaller keys
        let v = weigh(vec![(3, 1), (7, 1), (9, 1)], |k| (k, 1.0), |_| false, 2);
        assert_eq!(v.iter().map(|&(k, _)| k).collect::<Vec<_>>(), [3, 7]);
        // keys are renumbered, and the vector's order is theirs
        let v = weigh(vec![(30, 1), (70, 1)], |k| (k / 10, 1.0), |_| false, 9);
        assert_eq!(v.iter().map(|&(k, _)| k).collect::<Vec<_>>(), [3, 7]);
    }

    #[test]
    fn weighing_makes_the_vector_in_the_counts_allocation() {
        let counts: Vec<(u32, u32)> = (0..200).map(|k| (k, 1 + k % 3)).collect();
        let at = counts.as_ptr() as usize;
        let v = weigh(counts, |k| (k, 1.0), |k| k % 2 == 0, 128);
        assert_eq!(v.as_ptr() as usize, at);
        assert_eq!(v.len(), 64);
    }

    #[test]
    fn keys_of_one_article_are_left_out_after_normalising() {
        let counts = vec![(1, 1), (2, 1), (3, 1), (4, 1)];
        let key = |k: u32| (k, 1.0);
        let once = |k: u32| k % 2 == 0;
        let v = weigh(counts.clone(), key, once, usize::MAX);
        assert_eq!(v, [(1, 0.5), (3, 0.5)]);
        assert_eq!(weigh(counts.clone(), key, |_| false, usize::MAX).len(), 4);
        // all of one article: one is kept, so the channel is still there
        let v = weigh(counts, key, |_| true, usize::MAX);
        assert_eq!(v, [(1, 0.5)]);
        assert!(weigh(Vec::new(), key, once, usize::MAX).is_empty());
    }

    #[test]
    fn looked_up_weights_are_the_computed_ones() {
        for tf in [1, 2, 7, 63, 64, 1000] {
            assert!((tf_weight(tf) - (1.0 + (tf as f32).ln())).abs() < 1e-6);
        }
        let t = IdfTable::new(100);
        for df in [0, 1, 50, 100, 70_000] {
            assert_eq!(t.get(df), idf(100, df as usize));
        }
    }
}
