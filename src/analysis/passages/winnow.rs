//! Which 4-grams of an article are indexed (winnowing): in every window of [`WINDOW`]
//! consecutive grams the one with the smallest hash, so that two articles sharing a run of
//! `WINDOW + N - 1` words always index one same gram of it, while about 40% of all grams
//! are indexed; and every gram quoted in any article of the corpus, so that a short remark
//! one outlet quotes and another paraphrases still seeds.
//!
//! At 100,000 articles most 4-grams that two articles share are chance (unrelated articles
//! using one common phrase), and indexing every gram cost more than aligning the real
//! passages. Each indexed gram is kept as its position, so the choice is made once.

use rayon::prelude::*;

use super::index::{N, gram_at};
use super::sketch::Sketch;
use super::tokens::{Doc, QUOTED};

/// Consecutive grams of which at least one is indexed.
pub const WINDOW: usize = 4;

/// An indexed gram: its position (`pick >> 1`) and whether it is quoted here (`pick & 1`).
pub type Pick = u32;

/// The position of a pick.
pub fn position(p: Pick) -> usize {
    (p >> 1) as usize
}

/// Whether a pick's gram stands inside quotation marks in its article.
pub fn quoted(p: Pick) -> bool {
    p & 1 == 1
}

/// The indexed grams of every article, in order.
pub fn picks(docs: &[Doc]) -> Vec<Vec<Pick>> {
    let anywhere = quoted_grams(docs);
    docs.par_iter()
        .map_init(Scratch::default, |scratch, d| chosen(d, &anywhere, scratch))
        .collect()
}

/// A thread's buffers for [`chosen`]: each gram's hash ([`NONE`] where it may not seed),
/// and its marks ([`QUOTED_HERE`], [`WINDOW_MIN`]).
#[derive(Default)]
struct Scratch {
    keys: Vec<u64>,
    marks: Vec<u8>,
}

/// The key of a gram that may not seed.
const NONE: u64 = u64::MAX;
/// The gram is quoted in this article.
const QUOTED_HERE: u8 = 1;
/// The gram is the smallest of some window.
const WINDOW_MIN: u8 = 2;

/// The indexed grams of one article (see the module documentation).
fn chosen(doc: &Doc, quoted_anywhere: &Sketch, scratch: &mut Scratch) -> Vec<Pick> {
    let n = doc.len().saturating_sub(N - 1);
    let Scratch { keys, marks } = scratch;
    keys.clear();
    marks.clear();
    for i in 0..n {
        let g = gram_at(doc, i);
        keys.push(g.map_or(NONE, |g| g.0));
        marks.push(u8::from(g.is_some_and(|g| g.1)));
    }
    for (start, window) in keys.windows(WINDOW.min(n).max(1)).enumerate() {
        let mut best = 0;
        for (j, k) in window.iter().enumerate() {
            if *k <= window[best] {
                best = j;
            }
        }
        if window[best] != NONE {
            marks[start + best] |= WINDOW_MIN;
        }
    }
    // about two grams in five are picked: room for them, so the list is seldom moved
    let mut out = Vec::with_capacity(n / 2 + 1);
    for (i, (&k, &m)) in keys.iter().zip(marks.iter()).enumerate() {
        if k != NONE && (m != 0 || quoted_anywhere.contains(k)) {
            out.push(((i as u32) << 1) | u32::from(m & QUOTED_HERE));
        }
    }
    out
}

/// The quoted 4-grams of one article.
fn quoted_in(doc: &Doc) -> impl Iterator<Item = u64> + '_ {
    (0..doc.len().saturating_sub(N - 1)).filter_map(move |i| {
        if doc.flags[i] & QUOTED == 0 {
            return None;
        }
        gram_at(doc, i).filter(|g| g.1).map(|g| g.0)
    })
}

/// The hashes of every quoted 4-gram of the corpus (with a few false positives).
fn quoted_grams(docs: &[Doc]) -> Sketch {
    let count: usize = docs.par_iter().map(|d| quoted_in(d).count()).sum();
    let set = Sketch::new(count);
    docs.par_iter().for_each(|d| {
        for h in quoted_in(d) {
            set.insert(h);
        }
    });
    set
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn one_gram_of_every_window_is_picked() {
        let body: Vec<String> = (0..60).map(|k| format!("w{}", (k * 7) % 23)).collect();
        let doc = tokenize(&body.join(" "));
        let picks = picks(std::slice::from_ref(&doc)).remove(0);
        let at: Vec<usize> = picks.iter().map(|&p| position(p)).collect();
        for start in 0..=doc.len() - N - WINDOW + 1 {
            assert!(
                at.iter().any(|&k| (start..start + WINDOW).contains(&k)),
                "window at {start}: {at:?}"
            );
        }
        assert!(at.len() < doc.len() - N + 1, "not every gram is picked");
    }

    #[test]
    fn a_gram_quoted_in_one_article_is_picked_in_every_article() {
        let mut a = tokenize("she said alpha beta gamma delta today");
        for f in &mut a.flags[2..6] {
            *f |= QUOTED;
        }
        let b = tokenize("long ago we heard alpha beta gamma delta yesterday again");
        let picks = picks(&[a, b]);
        assert!(picks[0].contains(&((2 << 1) | 1)));
        assert!(picks[1].iter().any(|&p| position(p) == 4 && !quoted(p)));
    }
}
