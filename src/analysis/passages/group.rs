//! Grouping pairwise spans into passages: spans that overlap (by half the shorter) in the
//! same article are one node, and a connected set of nodes is one passage with one
//! occurrence per article place, so a quote carried by five outlets is one passage with five
//! occurrences. Passages made only of names, titles and function words are dropped.

use std::ops::Range;

use super::extend::Alignment;
use super::labels;
use super::tokens::{Doc, QUOTED, is_content};
use super::{Occurrence, Passage};
use crate::analysis::quotes::Quote;

/// One pairwise span between articles `a` and `b`.
pub struct PairSpan {
    pub a: usize,
    pub b: usize,
    pub al: Alignment,
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, x: usize, y: usize) {
        let (rx, ry) = (self.find(x), self.find(y));
        if rx != ry {
            self.0[rx.max(ry)] = rx.min(ry);
        }
    }
}

fn overlap_enough(x: &Range<usize>, y: &Range<usize>) -> bool {
    let o = x.end.min(y.end).saturating_sub(x.start.max(y.start));
    2 * o >= x.len().min(y.len()) && o > 0
}

/// Builds the passages from pairwise spans and from groups of identical sentences.
pub fn passages(
    docs: &[Doc],
    quotes: &[Vec<Quote>],
    spans: &[PairSpan],
    wide: &[Vec<(usize, Range<usize>)>],
) -> Vec<Passage> {
    let mut nodes: Vec<(usize, Range<usize>)> = Vec::new();
    let mut edge_id: Vec<f32> = Vec::new();
    for s in spans {
        nodes.push((s.a, s.al.a.clone()));
        nodes.push((s.b, s.al.b.clone()));
        edge_id.push(s.al.identity());
    }
    let pair_nodes = nodes.len();
    for g in wide {
        nodes.extend(g.iter().cloned());
    }
    let mut dsu = Dsu((0..nodes.len()).collect());
    for k in (0..pair_nodes).step_by(2) {
        dsu.union(k, k + 1);
    }
    let mut at = pair_nodes;
    for g in wide {
        for k in 1..g.len() {
            dsu.union(at, at + k);
        }
        at += g.len();
    }
    join_overlaps(&nodes, &mut dsu);
    let mut comps: rustc_hash::FxHashMap<usize, (Vec<usize>, f32)> = Default::default();
    for k in 0..nodes.len() {
        let r = dsu.find(k);
        let e = comps.entry(r).or_insert((Vec::new(), 1.0));
        e.0.push(k);
        if k < pair_nodes {
            e.1 = e.1.min(edge_id[k / 2]);
        }
    }
    let mut out: Vec<Passage> = comps
        .into_values()
        .filter_map(|(members, sim)| build(docs, quotes, &nodes, &members, sim))
        .collect();
    sort(&mut out);
    out
}

/// Unites nodes of the same article that overlap enough.
fn join_overlaps(nodes: &[(usize, Range<usize>)], dsu: &mut Dsu) {
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&k| (nodes[k].0, nodes[k].1.start, nodes[k].1.end));
    let mut active: Vec<usize> = Vec::new();
    for &k in &order {
        let (d, r) = &nodes[k];
        active.retain(|&j| nodes[j].0 == *d && nodes[j].1.end > r.start);
        for &j in &active {
            if overlap_enough(&nodes[j].1, r) {
                dsu.union(j, k);
            }
        }
        active.push(k);
    }
}

/// One passage from a component's nodes, or `None` for junk.
fn build(
    docs: &[Doc],
    quotes: &[Vec<Quote>],
    nodes: &[(usize, Range<usize>)],
    members: &[usize],
    similarity: f32,
) -> Option<Passage> {
    let mut ranges: Vec<(usize, Range<usize>)> =
        members.iter().map(|&k| nodes[k].clone()).collect();
    ranges.sort_by_key(|(d, r)| (*d, r.start));
    let mut merged: Vec<(usize, Range<usize>)> = Vec::new();
    for (d, r) in ranges {
        match merged.last_mut() {
            Some((ld, lr)) if *ld == d && r.start < lr.end => lr.end = lr.end.max(r.end),
            _ => merged.push((d, r)),
        }
    }
    let first = merged.first()?.0;
    if merged.iter().all(|(d, _)| *d == first) {
        return None;
    }
    let (ld, lr) = merged.iter().max_by_key(|(_, r)| r.len())?;
    if !docs[*ld].flags[lr.clone()].iter().any(|f| is_content(*f)) {
        return None;
    }
    let words = lr.len();
    let occurrences: Vec<Occurrence> = merged
        .iter()
        .map(|(d, r)| Occurrence {
            article: *d,
            span: docs[*d].byte_span(r),
            quoted: docs[*d].mostly(r, QUOTED),
        })
        .collect();
    let speaker = occurrences
        .iter()
        .filter(|o| o.quoted)
        .find_map(|o| labels::speaker_of(quotes.get(o.article)?, &o.span));
    Some(Passage {
        quoted: labels::quoted(&occurrences),
        label: labels::label(similarity),
        words,
        similarity,
        speaker,
        occurrences,
    })
}

/// Most widely carried first, then longest, then by first place.
pub fn sort(passages: &mut [Passage]) {
    passages.sort_by(|x, y| {
        y.article_count()
            .cmp(&x.article_count())
            .then(y.occurrences.len().cmp(&x.occurrences.len()))
            .then(y.words.cmp(&x.words))
            .then_with(|| {
                let fx = x.occurrences.first().map(|o| (o.article, o.span.start));
                let fy = y.occurrences.first().map(|o| (o.article, o.span.start));
                fx.cmp(&fy)
            })
    });
}
