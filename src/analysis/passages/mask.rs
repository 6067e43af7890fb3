//! Masking boilerplate before passages are sought: sentences (and lines) that recur across
//! many articles of the same outlet, and sentences that open with a page-chrome phrase
//! (`assets/passage_chrome.txt`). Masked tokens neither seed nor extend a passage.
//!
//! The same sentence hashes find identical sentences carried by very many articles (more
//! than the n-gram cap, so no 4-gram of theirs seeds): those are grouped in one pass.

use std::hash::Hasher;
use std::ops::Range;
use std::sync::LazyLock;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use super::tokens::{Doc, MASKED, SENT, norm_hash};
use crate::assets;

/// Fewest tokens of a sentence that counts as boilerplate or as a widely shared sentence.
const MIN_SENTENCE: usize = 3;
/// Fewest tokens of a widely shared sentence reported as a passage.
const MIN_WIDE: usize = 8;

/// Places (article, token range) of one identical sentence.
pub type SentenceGroup = Vec<(usize, Range<usize>)>;

static CHROME: LazyLock<Vec<Vec<u64>>> = LazyLock::new(|| {
    assets::lines(assets::PASSAGE_CHROME)
        .map(|l| l.split_whitespace().map(norm_hash).collect())
        .collect()
});

/// The sentences of a document (given by its token flags) as token ranges.
pub fn sentences(flags: &[u8]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=flags.len() {
        if k == flags.len() || flags[k] & SENT != 0 {
            if k > start {
                out.push(start..k);
            }
            start = k;
        }
    }
    out
}

fn sentence_hash(doc: &Doc, r: &Range<usize>) -> u64 {
    let mut h = FxHasher::default();
    for id in &doc.ids[r.clone()] {
        h.write_u32(*id);
    }
    h.finish()
}

/// Masks every sentence that opens with a chrome phrase; `hashes` are the raw word hashes.
pub fn mask_chrome(flags: &mut [u8], hashes: &[u64]) {
    for r in sentences(flags) {
        let words = &hashes[r.clone()];
        if CHROME.iter().any(|p| !p.is_empty() && words.starts_with(p)) {
            for f in &mut flags[r] {
                *f |= MASKED;
            }
        }
    }
}

/// How often sentences recur: per outlet and over the corpus (once per article).
struct Counts {
    per_outlet: Vec<usize>,
    by_outlet: FxHashMap<(u32, u64), u32>,
    by_hash: FxHashMap<u64, u32>,
}

fn count(sents: &[Vec<(u64, Range<usize>)>], outlet_of: &[Option<u32>], outlets: usize) -> Counts {
    let mut c = Counts {
        per_outlet: vec![0; outlets],
        by_outlet: FxHashMap::default(),
        by_hash: FxHashMap::default(),
    };
    for (d, list) in sents.iter().enumerate() {
        if let Some(o) = outlet_of[d] {
            c.per_outlet[o as usize] += 1;
        }
        for (k, (h, _)) in list.iter().enumerate() {
            if list[..k].iter().any(|(h2, _)| h2 == h) {
                continue;
            }
            if let Some(o) = outlet_of[d] {
                *c.by_outlet.entry((o, *h)).or_default() += 1;
            }
            *c.by_hash.entry(*h).or_default() += 1;
        }
    }
    c
}

/// Masks sentences repeated by at least `max(3, n/5)` of an outlet's `n` articles, and
/// returns the unmasked sentences shared by more than `cap` articles, grouped.
pub fn mask_boilerplate(
    docs: &mut [Doc],
    outlets: &[Option<&str>],
    cap: usize,
) -> Vec<SentenceGroup> {
    let sents: Vec<Vec<(u64, Range<usize>)>> = docs
        .par_iter()
        .map(|d| {
            sentences(&d.flags)
                .into_iter()
                .filter(|r| r.len() >= MIN_SENTENCE)
                .map(|r| (sentence_hash(d, &r), r))
                .collect()
        })
        .collect();
    let mut names: FxHashMap<&str, u32> = FxHashMap::default();
    let outlet_of: Vec<Option<u32>> = (0..docs.len())
        .map(|d| {
            let o = outlets.get(d).copied().flatten()?;
            let n = names.len() as u32;
            Some(*names.entry(o).or_insert(n))
        })
        .collect();
    let counts = count(&sents, &outlet_of, names.len());
    let mut wide: FxHashMap<u64, SentenceGroup> = FxHashMap::default();
    for (d, list) in sents.iter().enumerate() {
        let need = outlet_of[d].map(|o| 3.max(counts.per_outlet[o as usize].div_ceil(5)));
        for (h, r) in list {
            let boiler = outlet_of[d].zip(need).is_some_and(|(o, need)| {
                counts.by_outlet.get(&(o, *h)).copied().unwrap_or(0) as usize >= need
            });
            if boiler {
                for f in &mut docs[d].flags[r.clone()] {
                    *f |= MASKED;
                }
            } else if r.len() >= MIN_WIDE
                && counts.by_hash.get(h).copied().unwrap_or(0) as usize > cap
            {
                wide.entry(*h).or_default().push((d, r.clone()));
            }
        }
    }
    wide.into_values().filter(|v| v.len() > cap).collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{Interner, tokenize};
    use super::*;

    #[test]
    fn masks_what_one_outlet_repeats_and_chrome() {
        let mut i = Interner::default();
        let bodies = [
            "Story one is here. Daily Planet keeps every right to this text.",
            "Story two differs. Daily Planet keeps every right to this text.",
            "Story three again. Daily Planet keeps every right to this text.",
            "Other outlet. Daily Planet keeps every right to this text.\n\nRead more: elsewhere now",
        ];
        let mut docs: Vec<Doc> = bodies
            .iter()
            .map(|b| {
                let mut r = tokenize(b);
                mask_chrome(&mut r.flags, &r.hashes);
                i.intern(r)
            })
            .collect();
        let outlets = [Some("P"), Some("P"), Some("P"), Some("Q")];
        mask_boilerplate(&mut docs, &outlets, 100);
        assert!(docs[0].flags[4..].iter().all(|f| f & MASKED != 0));
        assert!(docs[0].flags[..4].iter().all(|f| f & MASKED == 0));
        assert!(docs[3].flags[2..10].iter().all(|f| f & MASKED == 0));
        assert!(docs[3].flags[10..].iter().all(|f| f & MASKED != 0));
    }
}
