//! Scoring found passages against planted truth.
//!
//! Recall: share of planted instances (a passage in one article) covered to at least
//! [`COVER`] of their bytes by an occurrence of a passage that also has an occurrence on
//! another instance of the same plant. Precision: share of reported passages with two
//! occurrences, in different articles, lying mostly (half their bytes) on instances of the
//! same plant.

use rustc_hash::FxHashMap;

use super::{PlantKind, Planted};
use crate::analysis::Span;
use crate::analysis::passages::{Passage, PassageIndex};

/// Share of an instance's bytes an occurrence must cover for the instance to count as found.
pub const COVER: f64 = 0.75;

/// Recall and precision of one run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    pub instances: usize,
    pub found: usize,
    pub passages: usize,
    pub correct: usize,
    /// (kind, instances, found)
    pub by_kind: Vec<(PlantKind, usize, usize)>,
    /// Indices of reported passages that match no plant.
    pub wrong: Vec<usize>,
    /// Planted instances not found.
    pub missed: Vec<Planted>,
}

impl Scores {
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.instances.max(1) as f64
    }

    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.passages.max(1) as f64
    }
}

fn overlap(a: &Span, b: &Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Truth instances per article.
fn by_article(truth: &[Planted]) -> FxHashMap<usize, Vec<&Planted>> {
    let mut m: FxHashMap<usize, Vec<&Planted>> = FxHashMap::default();
    for t in truth {
        m.entry(t.article).or_default().push(t);
    }
    m
}

/// The plant groups an occurrence lies mostly on.
fn groups_of(arts: &FxHashMap<usize, Vec<&Planted>>, article: usize, span: &Span) -> Vec<u64> {
    arts.get(&article).map_or(Vec::new(), |ts| {
        ts.iter()
            .filter(|t| 2 * overlap(&t.span, span) >= span.len().min(t.span.len()))
            .map(|t| t.group)
            .collect()
    })
}

fn correct(arts: &FxHashMap<usize, Vec<&Planted>>, p: &Passage) -> bool {
    let mut seen: FxHashMap<u64, usize> = FxHashMap::default();
    for o in &p.occurrences {
        for g in groups_of(arts, o.article, &o.span) {
            match seen.get(&g) {
                Some(&a) if a != o.article => return true,
                Some(_) => {}
                None => {
                    seen.insert(g, o.article);
                }
            }
        }
    }
    false
}

/// Scores found passages against the planted truth.
pub fn evaluate(index: &PassageIndex, truth: &[Planted]) -> Scores {
    let arts = by_article(truth);
    let mut s = Scores {
        instances: truth.len(),
        passages: index.passages.len(),
        ..Scores::default()
    };
    // (article, group) pairs found: an occurrence covers it and the passage reaches another
    // instance of the group.
    let mut found: rustc_hash::FxHashSet<(usize, u64)> = Default::default();
    for (k, p) in index.passages.iter().enumerate() {
        if correct(&arts, p) {
            s.correct += 1;
        } else {
            s.wrong.push(k);
        }
        for o in &p.occurrences {
            for t in arts.get(&o.article).into_iter().flatten() {
                let covered = overlap(&t.span, &o.span) as f64 >= COVER * t.span.len() as f64;
                let linked = p.occurrences.iter().any(|o2| {
                    o2.article != o.article
                        && groups_of(&arts, o2.article, &o2.span).contains(&t.group)
                });
                if covered && linked {
                    found.insert((t.article, t.group));
                }
            }
        }
    }
    for kind in [
        PlantKind::Verbatim,
        PlantKind::Reworded,
        PlantKind::PartialQuote,
    ] {
        let of_kind: Vec<&Planted> = truth.iter().filter(|t| t.kind == kind).collect();
        let f = of_kind
            .iter()
            .filter(|t| found.contains(&(t.article, t.group)))
            .count();
        s.by_kind.push((kind, of_kind.len(), f));
        s.found += f;
    }
    s.missed = truth
        .iter()
        .filter(|t| !found.contains(&(t.article, t.group)))
        .cloned()
        .collect();
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::EntityIndex;
    use crate::analysis::{Config, passages, quotes};
    use crate::synth::{SynthConfig, corpus};

    #[test]
    fn planted_passages_are_found_with_few_false_ones() {
        let cfg = SynthConfig {
            seed: 3,
            articles: 240,
            min_words: 200,
            max_words: 600,
            ..SynthConfig::default()
        };
        let (c, truth) = corpus(&cfg);
        let q = quotes::find_all(&c, &EntityIndex::default());
        let index = passages::find(&c, &q, &Config::default());
        let s = evaluate(&index, &truth);
        assert!(s.recall() >= 0.98, "{s:?}");
        assert!(s.precision() >= 0.95, "{s:?}");
    }
}
