//! The corpus's share of the rarity test ([`super::rarity`]): once every pair is aligned,
//! the short spans are judged again with the document frequency of their words and of their
//! 4-grams, so that a phrase whose words (or a stock phrase in it, [`super::stock`]) many
//! articles of this corpus carry is not taken for news reuse.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::extend::Alignment;
use super::group::PairSpan;
use super::index::{N, gram_hash};
use super::rarity::{self, Counts, is_doubtful, matched_in_a};
use super::sketch::Sketch;
use super::stock;
use super::tokens::Doc;

/// What the corpus is asked about: the content words of the shorter spans (the only ones
/// whose document frequency is needed), and their 4-grams matched whole ([`stock`]), each
/// numbered so that counting them is an array increment.
#[derive(Default)]
struct Wanted {
    /// The words, by number.
    words: Vec<u32>,
    /// The 4-grams, by number.
    gram_list: Vec<u64>,
    /// 4-gram → its number.
    grams: FxHashMap<u64, u32>,
    /// Word id → [`WORD`] and/or [`GRAM_START`], and its number as a word: one look-up per
    /// token of the corpus.
    first: FxHashMap<u32, (u8, u32)>,
    /// The keys of `grams` in a bit set ([`Sketch`]): most 4-grams a wanted first word
    /// opens are not wanted, and one read that stays in the core's cache tells most of them
    /// so, where the map outgrows the cache at 100,000 articles.
    maybe_grams: Sketch,
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
            let slot = out.first.entry(d.ids[i]).or_default();
            if slot.0 & WORD == 0 {
                *slot = (slot.0 | WORD, out.words.len() as u32);
                out.words.push(d.ids[i]);
            }
        }
        for (t, g) in stock::matched_grams(&s.al, |i| gram_hash(d, i)) {
            if let std::collections::hash_map::Entry::Vacant(e) = out.grams.entry(g) {
                e.insert(out.gram_list.len() as u32);
                out.gram_list.push(g);
            }
            out.first.entry(d.ids[s.al.a.start + t]).or_default().0 |= GRAM_START;
        }
    }
    out.maybe_grams = Sketch::new(out.gram_list.len());
    for &g in &out.gram_list {
        out.maybe_grams.insert(g);
    }
    out
}

/// Per-thread document frequencies of the wanted words and 4-grams, by number, and the
/// last article (plus one) that counted each, so that an article counts a key once.
struct Tally {
    words: Vec<u32>,
    grams: Vec<u32>,
    word_last: Vec<u32>,
    gram_last: Vec<u32>,
}

impl Tally {
    fn new(w: &Wanted) -> Tally {
        Tally {
            words: vec![0; w.words.len()],
            grams: vec![0; w.gram_list.len()],
            word_last: vec![0; w.words.len()],
            gram_last: vec![0; w.gram_list.len()],
        }
    }

    /// Counts the wanted keys of article `k`.
    fn article(mut self, w: &Wanted, k: usize, d: &Doc) -> Tally {
        let stamp = k as u32 + 1;
        for (i, id) in d.ids.iter().enumerate() {
            let Some(&(f, word)) = w.first.get(id) else {
                continue;
            };
            if f & WORD != 0 {
                let n = word as usize;
                if self.word_last[n] != stamp {
                    self.word_last[n] = stamp;
                    self.words[n] += 1;
                }
            }
            if f & GRAM_START != 0 && i + N <= d.len() {
                let h = gram_hash(d, i);
                if !w.maybe_grams.contains(h) {
                    continue;
                }
                if let Some(&g) = w.grams.get(&h) {
                    let n = g as usize;
                    if self.gram_last[n] != stamp {
                        self.gram_last[n] = stamp;
                        self.grams[n] += 1;
                    }
                }
            }
        }
        self
    }
}

/// How many articles carry each wanted word and 4-gram, and the corpus's size in words.
fn counts(docs: &[Doc], w: &Wanted) -> Counts {
    let add = |mut x: Vec<u32>, y: Vec<u32>| {
        x.iter_mut().zip(y).for_each(|(a, b)| *a += b);
        x
    };
    let (words, grams) = docs
        .par_iter()
        .enumerate()
        .fold(|| Tally::new(w), |t, (k, d)| t.article(w, k, d))
        .map(|t| (t.words, t.grams))
        .reduce(
            || (vec![0; w.words.len()], vec![0; w.gram_list.len()]),
            |(x, gx), (y, gy)| (add(x, y), add(gx, gy)),
        );
    Counts {
        df: carried(&w.words, &words),
        grams: carried(&w.gram_list, &grams),
        tokens: docs.iter().map(|d| d.len() as f64).sum(),
    }
}

/// The keys some article carries, with how many do (`n` numbered like `keys`).
fn carried<K: Copy + std::hash::Hash + Eq>(keys: &[K], n: &[u32]) -> FxHashMap<K, u32> {
    keys.iter()
        .zip(n)
        .filter(|p| *p.1 > 0)
        .map(|(&k, &c)| (k, c))
        .collect()
}

/// The pairwise spans (grouped by pair, as [`super::align_all`] gives them) without the
/// short ones that the corpus's document frequencies make likely by chance.
pub fn rare_in_corpus(docs: &[Doc], mut spans: Vec<PairSpan>) -> Vec<PairSpan> {
    let lap = super::Lap::start();
    let wanted = wanted(docs, &spans);
    lap.done("rarity: wanted");
    tracing::debug!(
        words = wanted.words.len(),
        grams = wanted.gram_list.len(),
        first = wanted.first.len(),
        "shared passages: rarity asks"
    );
    if wanted.words.is_empty() {
        return spans;
    }
    let lap = super::Lap::start();
    let counts = counts(docs, &wanted);
    lap.done("rarity: counts");
    let lap = super::Lap::start();
    // each pair's spans judged on every core, kept in order
    let kept = spans
        .par_chunk_by_mut(|x, y| (x.a, x.b) == (y.a, y.b))
        .flat_map_iter(|run| {
            let (a, b) = (run[0].a, run[0].b);
            let als = run.iter_mut().map(|s| take_alignment(&mut s.al)).collect();
            rarity::keep_unlikely(&docs[a], &docs[b], als, Some(&counts))
                .into_iter()
                .map(move |al| PairSpan { a, b, al })
        })
        .collect();
    lap.done("rarity: judged");
    kept
}

/// The alignment, an empty one (which allocates nothing) left in its place.
fn take_alignment(al: &mut Alignment) -> Alignment {
    let empty = Alignment {
        a: 0..0,
        b: 0..0,
        ops: Vec::new(),
        seed: 0..0,
    };
    std::mem::replace(al, empty)
}
