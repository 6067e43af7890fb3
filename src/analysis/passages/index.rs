//! Seeds: an inverted index of hashed word 4-grams over the whole corpus, read out as pairs
//! of positions in two articles that share a 4-gram.
//!
//! A 4-gram does not seed when all its words are function words, when more than
//! `ngram_doc_cap` articles carry it, or when it recurs more than twice in one article; a
//! 4-gram inside quotation marks seeds anyway (up to twice the cap, and up to
//! [`MAX_QUOTED_REPEATS`] times in one article), so short shared quotes
//! are found. Masked tokens never seed. A bit-set sketch first marks the 4-grams seen twice,
//! so only those (a small share) are indexed and sorted; the index is one sorted vector. Each
//! article of a widely carried 4-gram pairs only with the next [`NEIGHBOURS`] carriers, so
//! cost grows with the number of tokens, not with the square of a gram's carriers.

use rayon::prelude::*;

use super::sketch::{self, Sketch};
use super::tokens::{Doc, MASKED, QUOTED, STOP};
use super::winnow::{self, Pick};

/// Words in a seed n-gram.
pub const N: usize = 4;
/// Most times a quoted 4-gram may recur in one article and still seed (unquoted: twice).
pub const MAX_QUOTED_REPEATS: usize = 4;
/// Articles after it in a 4-gram's postings that each article is paired with.
pub const NEIGHBOURS: usize = 2;

/// Two positions that start the same 4-gram in articles `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Seed {
    pub a: u32,
    pub b: u32,
    pub pa: u32,
    pub pb: u32,
}

impl Seed {
    /// Sort key: pair, then diagonal, then position (so one diagonal is walked in order).
    pub fn key(&self) -> (u64, u64) {
        let diag = (i64::from(self.pb) - i64::from(self.pa) + (1 << 31)) as u64;
        (
            (u64::from(self.a) << 32) | u64::from(self.b),
            (diag << 32) | u64::from(self.pa),
        )
    }
}

/// The 4-gram starting at `i`, when it may seed: its hash and whether it is quoted.
/// Every 4-gram of a corpus is tested, so the four flags are read as one word and tested
/// together.
pub fn gram_at(doc: &Doc, i: usize) -> Option<(u64, bool)> {
    let flags: [u8; N] = doc.flags.get(i..i + N)?.try_into().ok()?;
    let word = u32::from_le_bytes(flags);
    let each = |flag: u8| u32::from(flag) * 0x0101_0101;
    if word & each(MASKED) != 0 || word & each(STOP) == each(STOP) {
        return None;
    }
    Some((gram_hash(doc, i), word & each(QUOTED) == each(QUOTED)))
}

/// Most index entries held at once: a larger corpus is indexed in several passes, each over
/// one share of the hash space, so memory stays bounded as the corpus grows.
const PASS_ENTRIES: usize = 16 << 20;

/// Every seed of a corpus, sorted by [`Seed::key`].
pub fn seeds(docs: &[Doc], cap: usize) -> Vec<Seed> {
    let lap = super::Lap::start();
    let picks = winnow::picks(docs);
    lap.done("seeds: picks");
    let lap = super::Lap::start();
    let (repeats, twice) = repeated_grams(docs, &picks);
    lap.done("seeds: sketch");
    tracing::debug!(repeats, "shared passages: repeated grams");
    let lap = super::Lap::start();
    // about as many entries again sit on a repeated gram's first occurrence (or collide)
    let passes = (2 * repeats).div_ceil(PASS_ENTRIES).max(1) as u64;
    let mut seeds: Vec<Seed> = Vec::new();
    for pass in 0..passes {
        seeds.extend(seeds_of_pass(docs, &picks, cap, &twice, [passes, pass]));
    }
    lap.done("seeds: passes");
    let lap = super::Lap::start();
    seeds.par_sort_unstable_by_key(Seed::key);
    lap.done("seeds: sort");
    seeds
}

/// The hash of the (valid) 4-gram at `i`.
/// The four ids are packed two to a word; each word is multiplied by its own odd constant
/// (a bijection), so the two products are independent and computed side by side, where a
/// chained hasher waits for each multiply in turn. Every 4-gram of a large corpus is hashed.
pub(super) fn gram_hash(doc: &Doc, i: usize) -> u64 {
    let ids = &doc.ids[i..i + N];
    let pair = |a: u32, b: u32| u64::from(a) | (u64::from(b) << 32);
    let h = pair(ids[0], ids[1]).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ pair(ids[2], ids[3])
            .wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            .rotate_left(31);
    (h ^ (h >> 32)).wrapping_mul(0x1656_67B1_9E37_79F9)
}

/// The share of all picks the set of repeated grams is sized for (see [`repeated_grams`]).
const TWICE_SHARE: usize = 8;

/// Marks the indexed 4-grams seen at least twice in the corpus (with a few false positives,
/// never a false negative); returns how many picks hit an already seen gram, and the marks.
/// Most 4-grams occur once, and only the others need to be indexed and sorted.
fn repeated_grams(docs: &[Doc], picks: &[Vec<Pick>]) -> (usize, Sketch) {
    let total: usize = picks.iter().map(Vec::len).sum();
    // Far fewer grams recur than occur (one in thirteen at 100,000 articles).
    sketch::seen_twice(docs.len(), total, TWICE_SHARE, |d, grams| {
        let doc = &docs[d];
        grams.extend(
            picks[d]
                .iter()
                .map(|&p| gram_hash(doc, winnow::position(p))),
        );
    })
}

/// The seeds of the repeated 4-grams whose hash falls in share `pass` of `passes`.
fn seeds_of_pass(
    docs: &[Doc],
    picks: &[Vec<Pick>],
    cap: usize,
    twice: &Sketch,
    [passes, pass]: [u64; 2],
) -> Vec<Seed> {
    let mut entries: Vec<(u64, u64)> = docs
        .par_iter()
        .zip(picks)
        .enumerate()
        .flat_map_iter(|(d, (doc, picks))| {
            picks.iter().filter_map(move |&p| {
                let h = gram_hash(doc, winnow::position(p));
                // the pick is the position shifted left by one, the quote flag below it
                (h % passes == pass && twice.contains(h))
                    .then_some((h, ((d as u64) << 32) | u64::from(p)))
            })
        })
        .collect();
    entries.par_sort_unstable();
    let groups = group_bounds(&entries);
    groups
        .par_iter()
        .flat_map_iter(|r| group_seeds(&entries[r.clone()], cap))
        .collect()
}

/// Ranges of equal hashes with at least two entries.
fn group_bounds(entries: &[(u64, u64)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=entries.len() {
        if i == entries.len() || entries[i].0 != entries[start].0 {
            if i - start >= 2 {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// The seeds of one 4-gram (entries sorted by article then position).
fn group_seeds(group: &[(u64, u64)], cap: usize) -> Vec<Seed> {
    let doc = |v: u64| (v >> 32) as u32;
    let quoted = group.iter().any(|&(_, v)| v & 1 == 1);
    let mut kept: Vec<(u32, u32)> = Vec::with_capacity(group.len());
    let mut docs = 0;
    let mut i = 0;
    while i < group.len() {
        let d = doc(group[i].1);
        let j = i + group[i..].iter().take_while(|&&(_, v)| doc(v) == d).count();
        docs += 1;
        if j - i <= 2 || (quoted && j - i <= MAX_QUOTED_REPEATS) {
            kept.extend(group[i..j].iter().map(|&(_, v)| (d, (v as u32) >> 1)));
        }
        i = j;
    }
    let limit = if quoted { 2 * cap } else { cap };
    if docs > limit {
        return Vec::new();
    }
    pair_neighbours(&kept)
}

/// Seeds between each article of one 4-gram's postings (sorted by article) and the next
/// [`NEIGHBOURS`] articles carrying it. A gram carried by `k` articles makes about
/// `k * NEIGHBOURS` seeds, not `k² / 2`: the pairs of a chain still join every carrier of a
/// shared passage into one group, since passages are grouped transitively.
fn pair_neighbours(kept: &[(u32, u32)]) -> Vec<Seed> {
    let starts: Vec<usize> = (0..kept.len())
        .filter(|&i| i == 0 || kept[i].0 != kept[i - 1].0)
        .chain(std::iter::once(kept.len()))
        .collect();
    let mut out = Vec::new();
    for x in 0..starts.len().saturating_sub(1) {
        let last = (x + 1 + NEIGHBOURS).min(starts.len() - 1);
        for &(da, pa) in &kept[starts[x]..starts[x + 1]] {
            for &(db, pb) in &kept[starts[x + 1]..starts[last]] {
                out.push(Seed {
                    a: da,
                    b: db,
                    pa,
                    pb,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn corpus(bodies: &[&str]) -> Vec<Doc> {
        bodies.iter().map(|b| tokenize(b)).collect()
    }

    /// A pseudo-random text of `n` words over a small vocabulary (no run repeats by chance
    /// in a test this size, but grams do).
    fn text(seed: &mut u64, n: usize) -> Vec<String> {
        text_over(seed, n, 40)
    }

    /// A pseudo-random text of `n` words drawn from `vocabulary` words.
    fn text_over(seed: &mut u64, n: usize, vocabulary: u64) -> Vec<String> {
        (0..n)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                format!("w{}", (*seed >> 33) % vocabulary)
            })
            .collect()
    }

    #[test]
    fn a_shared_run_of_window_plus_three_words_always_seeds() {
        let mut seed = 11;
        for round in 0..200 {
            let run = text(&mut seed, winnow::WINDOW + N - 1);
            let run: Vec<String> = run.iter().map(|w| format!("r{round}{w}")).collect();
            let (mut a, mut b) = (text(&mut seed, 20), text(&mut seed, 30));
            let (pa, pb) = (round % 15, (round * 7) % 25);
            a.splice(pa..pa, run.iter().cloned());
            b.splice(pb..pb, run.iter().cloned());
            let docs = corpus(&[&a.join(" "), &b.join(" ")]);
            let s = seeds(&docs, 100);
            let on_run = |s: &Seed| {
                s.pb as i64 - s.pa as i64 == pb as i64 - pa as i64
                    && (pa..pa + winnow::WINDOW).contains(&(s.pa as usize))
            };
            assert!(s.iter().any(on_run), "round {round}: {s:?}");
        }
    }

    #[test]
    fn a_short_run_quoted_in_one_article_seeds_against_its_paraphrase() {
        let mut docs = corpus(&[
            "she said alpha beta gamma delta today",
            "we heard that alpha beta gamma delta yesterday",
            "alpha beta gamma delta",
        ]);
        for f in &mut docs[0].flags[2..6] {
            *f |= QUOTED;
        }
        let s = seeds(&docs, 100);
        assert!(s.contains(&Seed {
            a: 0,
            b: 1,
            pa: 2,
            pb: 3
        }));
    }

    #[test]
    fn passes_over_shares_of_the_hash_space_find_the_same_seeds() {
        let docs = corpus(&[
            "one two three four five six seven eight",
            "zero one two three four five six seven",
            "five six seven eight nine ten",
        ]);
        let picks = winnow::picks(&docs);
        let twice = repeated_grams(&docs, &picks).1;
        let mut split: Vec<Seed> = (0..3)
            .flat_map(|p| seeds_of_pass(&docs, &picks, 100, &twice, [3, p]))
            .collect();
        split.sort_by_key(Seed::key);
        assert_eq!(split, seeds(&docs, 100));
        assert!(split.iter().any(|s| (s.a, s.b) == (0, 1)));
    }

    #[test]
    fn common_and_function_word_grams_do_not_seed() {
        let docs = corpus(&[
            "it is not that there were alpha beta gamma delta",
            "it is not that there were alpha beta gamma delta",
            "alpha beta gamma delta",
        ]);
        assert!(seeds(&docs, 100).iter().all(|s| s.pa >= 3));
        assert!(seeds(&docs, 2).iter().all(|s| s.a == 0 && s.b == 1));
    }

    #[test]
    fn a_widely_carried_gram_pairs_each_article_with_its_next_neighbours() {
        let bodies: Vec<&str> = vec!["alpha beta gamma delta"; 10];
        let docs = corpus(&bodies);
        let s = seeds(&docs, 100);
        assert!(
            s.iter()
                .all(|s| s.b > s.a && (s.b - s.a) as usize <= NEIGHBOURS)
        );
        let pairs: usize = (0..10).map(|a| NEIGHBOURS.min(9 - a)).sum();
        assert_eq!(s.len(), pairs);
    }

    #[test]
    fn the_sketch_never_misses_a_repeated_gram() {
        let mut seed = 5;
        let bodies: Vec<String> = (0..20)
            .map(|_| text_over(&mut seed, 200, 8).join(" "))
            .collect();
        let bodies: Vec<&str> = bodies.iter().map(String::as_str).collect();
        let docs = corpus(&bodies);
        let picks = winnow::picks(&docs);
        let (repeats, twice) = repeated_grams(&docs, &picks);
        let mut count: std::collections::HashMap<u64, usize> = Default::default();
        for (d, picks) in docs.iter().zip(&picks) {
            for &p in picks {
                *count.entry(gram_hash(d, winnow::position(p))).or_default() += 1;
            }
        }
        let repeated: Vec<u64> = count
            .iter()
            .filter(|(_, n)| **n >= 2)
            .map(|(h, _)| *h)
            .collect();
        assert!(!repeated.is_empty());
        assert!(repeated.iter().all(|h| twice.contains(*h)));
        assert!(repeats >= count.values().map(|n| n - 1).sum::<usize>());
    }
}
