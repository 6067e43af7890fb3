//! Aligning two articles on their own: the spans they share with per-span similarity, label
//! and word diff. The same engine as [`super::find`] ([`super::align::align_pair`]), seeded
//! from the 4-grams the two bodies share, so the compare view and the passage list agree.

use rustc_hash::FxHashMap;

use super::align::{align_pair, changed};
use super::extend::Alignment;
use super::index::{MAX_QUOTED_REPEATS, N, gram_at};
use super::tokens::{Doc, QUOTED, tokenize};
use super::{AlignedSpan, labels};
use crate::analysis::Config;
use crate::analysis::quotes;

/// Tokens of a body on its own: chrome masked, quotes flagged.
pub fn single_doc(body: &str) -> Doc {
    let mut doc = tokenize(body);
    super::mask::mask_chrome(&mut doc);
    let quotes = quotes::find_in(body, &[]);
    doc.flag_spans(quotes.iter().map(|q| &q.inner), QUOTED);
    doc
}

/// The 4-grams of a document that may seed: hash → positions (at most two unless quoted).
fn grams(doc: &Doc) -> FxHashMap<u64, (Vec<usize>, bool)> {
    let mut out: FxHashMap<u64, (Vec<usize>, bool)> = FxHashMap::default();
    for i in 0..doc.len().saturating_sub(N - 1) {
        if let Some((h, q)) = gram_at(doc, i) {
            let e = out.entry(h).or_default();
            e.0.push(i);
            e.1 |= q;
        }
    }
    out
}

/// The seeds two documents share, sorted by diagonal then position.
pub fn pair_seeds(a: &Doc, b: &Doc) -> Vec<(usize, usize)> {
    let ga = grams(a);
    let gb = grams(b);
    let mut seeds = Vec::new();
    for (h, (pa, qa)) in &ga {
        let Some((pb, qb)) = gb.get(h) else { continue };
        let most = if qa | qb { MAX_QUOTED_REPEATS } else { 2 };
        if pa.len() > most || pb.len() > most {
            continue;
        }
        for &i in pa {
            seeds.extend(pb.iter().map(|&j| (i, j)));
        }
    }
    seeds.sort_by_key(|&(i, j)| (j as i64 - i as i64, i));
    seeds
}

/// Aligns two bodies: the spans they share, in order of `a`.
pub fn compare(a: &str, b: &str, config: &Config) -> Vec<AlignedSpan> {
    if a > b {
        let mut out: Vec<AlignedSpan> = compare(b, a, config)
            .into_iter()
            .map(AlignedSpan::swapped)
            .collect();
        out.sort_by_key(|s| (s.a.start, s.a.end));
        return out;
    }
    let da = single_doc(a);
    let db = single_doc(b);
    let seeds = pair_seeds(&da, &db);
    align_pair(&da, &db, seeds, config)
        .into_iter()
        .map(|mut al| {
            labels::verify_words(&mut al, &da, &db, a, b);
            aligned_span(&da, &db, &al)
        })
        .collect()
}

/// An alignment as byte spans with its word diff.
pub fn aligned_span(a: &Doc, b: &Doc, al: &Alignment) -> AlignedSpan {
    let (ca, cb) = changed(al);
    let similarity = al.identity();
    AlignedSpan {
        a: a.byte_span(&al.a),
        b: b.byte_span(&al.b),
        similarity,
        label: labels::label(similarity),
        a_changed: ca.iter().map(|r| a.byte_span(r)).collect(),
        b_changed: cb.iter().map(|r| b.byte_span(r)).collect(),
    }
}
