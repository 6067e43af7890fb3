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
fn heaviest(v: impl Iterator<Item = (u32, f32)>, k: usize, df: Option<&[u32]>) -> Vec<u32> {
    let mut keys: Vec<(u32, f32)> = v
        .filter(|&(t, _)| df.is_none_or(|df| df.get(t as usize).is_some_and(|&d| d >= 2)))
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
    with_passages(key_pairs(f), passages, f.articles)
}

/// The candidate pairs the articles' keys make, `(a, b)` with `a < b`, sorted, each once:
/// everything but the passages, so that it can be made before they are found.
pub fn key_pairs(f: &Features) -> Vec<(u32, u32)> {
    let postings = Postings::of(f);
    // Each article counts its later partners among its keys' postings: a few hundred
    // articles, sorted where they lie in the cache, where one sort of every pair of the
    // corpus (tens of millions) reads memory at random.
    (0..f.articles)
        .into_par_iter()
        .map_init(Vec::new, |partners, a| {
            postings.partners_of(a as u32, partners)
        })
        .flatten_iter()
        .collect()
}

/// `keyed` (from [`key_pairs`], over `n` articles) and the pairs of articles sharing a
/// passage: `(a, b)` with `a < b`, sorted, each once.
pub fn with_passages(
    mut keyed: Vec<(u32, u32)>,
    passages: &PassageIndex,
    n: usize,
) -> Vec<(u32, u32)> {
    for arts in passage_carriers(passages, 0) {
        for (x, &a) in arts.iter().enumerate() {
            keyed.extend(arts[x + 1..].iter().map(|&b| (a, b)));
        }
    }
    keyed.retain(|&(a, b)| (a as usize) < n && (b as usize) < n && a != b);
    keyed.par_sort_unstable();
    keyed.dedup();
    keyed
}

/// The inverted index of the articles' keys: the articles of each key kept (two to
/// [`POSTING_CAP`] of them, in order), and for each article the keys it is in.
struct Postings {
    /// The articles of every kept key, one run after another.
    articles: Vec<u32>,
    /// Each kept key's run in `articles`.
    runs: Vec<std::ops::Range<u32>>,
    /// The kept keys (indices into `runs`) of each article: article `a`'s are
    /// `of_article[starts[a]..starts[a + 1]]`.
    of_article: Vec<u32>,
    starts: Vec<u32>,
}

impl Postings {
    fn of(f: &Features) -> Postings {
        let n = f.articles;
        // (key, article) sorted, so that each key's articles are a run, in order
        let mut entries: Vec<(u64, u32)> = (0..n)
            .into_par_iter()
            .flat_map_iter(|i| keys_of(f, i).into_iter().map(move |k| (k, i as u32)))
            .collect();
        entries.par_sort_unstable();
        let mut articles = Vec::new();
        let mut runs = Vec::new();
        for l in entries.chunk_by(|x, y| x.0 == y.0) {
            if (2..=POSTING_CAP).contains(&l.len()) {
                let start = articles.len() as u32;
                articles.extend(l.iter().map(|&(_, a)| a));
                runs.push(start..articles.len() as u32);
            }
        }
        drop(entries);
        let mut starts = vec![0u32; n + 1];
        for &a in &articles {
            starts[a as usize + 1] += 1;
        }
        for a in 0..n {
            starts[a + 1] += starts[a];
        }
        let mut next = starts.clone();
        let mut of_article = vec![0u32; articles.len()];
        for (r, run) in runs.iter().enumerate() {
            for &a in &articles[run.start as usize..run.end as usize] {
                of_article[next[a as usize] as usize] = r as u32;
                next[a as usize] += 1;
            }
        }
        Postings {
            articles,
            runs,
            of_article,
            starts,
        }
    }

    /// The pairs `(a, b)`, `b > a`, of article `a` with every article sharing at least
    /// [`MIN_SHARED_KEYS`] keys with it, in order of `b` (`partners` is scratch).
    fn partners_of(&self, a: u32, partners: &mut Vec<u32>) -> Vec<(u32, u32)> {
        partners.clear();
        let mine = &self.of_article
            [self.starts[a as usize] as usize..self.starts[a as usize + 1] as usize];
        for &r in mine {
            let run = &self.runs[r as usize];
            let arts = &self.articles[run.start as usize..run.end as usize];
            // the run is sorted: the partners after `a` are its tail
            let after = arts.partition_point(|&b| b <= a);
            partners.extend_from_slice(&arts[after..]);
        }
        partners.sort_unstable();
        partners
            .chunk_by(|x, y| x == y)
            .filter(|same| same.len() >= MIN_SHARED_KEYS)
            .map(|same| (a, same[0]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustc_hash::FxHashMap;

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
        let df = [0, 2, 5, 1, 2, 3];
        let v = [(1, 0.2), (2, 0.9), (3, 1.0), (4, 0.2), (5, 0.5)];
        assert_eq!(heaviest(v.iter().copied(), 3, Some(&df)), [2, 5, 1]);
        assert_eq!(heaviest(v.iter().copied(), 9, Some(&df)), [2, 5, 1, 4]);
        assert_eq!(heaviest(v.iter().copied(), 2, None), [3, 2]);
    }

    #[test]
    fn pairs_are_those_sharing_enough_indexed_keys() {
        let news =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news/articles");
        let c = crate::corpus::load_paths(&[news]).corpus;
        let a = crate::analysis::analyse(&c, &crate::analysis::Config::default());
        let f = super::super::features::extract(&c, &a.entities);
        // every pair counted the slow way: keys in two to POSTING_CAP articles
        let keys: Vec<Vec<u64>> = (0..c.len()).map(|i| keys_of(&f, i)).collect();
        let mut df: FxHashMap<u64, usize> = FxHashMap::default();
        for k in keys.iter().flatten() {
            *df.entry(*k).or_default() += 1;
        }
        let kept = |k: &&u64| (2..=POSTING_CAP).contains(&df[*k]);
        let mut want: Vec<(u32, u32)> = Vec::new();
        for x in 0..c.len() {
            for y in x + 1..c.len() {
                let shared = keys[x].iter().filter(kept).filter(|k| keys[y].contains(k));
                if shared.count() >= MIN_SHARED_KEYS {
                    want.push((x as u32, y as u32));
                }
            }
        }
        for arts in passage_carriers(&a.passages, 0) {
            for (i, &x) in arts.iter().enumerate() {
                want.extend(arts[i + 1..].iter().map(|&y| (x, y)));
            }
        }
        want.sort_unstable();
        want.dedup();
        assert!(want.len() > 100, "{} pairs", want.len());
        assert_eq!(pairs(&f, &a.passages), want);
    }
}
