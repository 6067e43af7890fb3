//! The entity names prepared once per analysis, so that ranking on every keystroke does no
//! more than score: each name lower-cased into one arena of chars with skim's in-place
//! bonuses beside it, a bit mask of its chars (a term with a char the name lacks is turned
//! away without scoring), and each entity's kind, importance and place among ties
//! precomputed.
//!
//! [`Prepared::rank`] gives the matches of [`super::rank`] in the same order, without their
//! matched positions: [`Prepared::positions`] fills them in for the rows on screen only.
//! [`rerank`] scores only the previous matches again when the query narrows the previous
//! one ([`super::narrows`]), as typing one more letter does.

use std::cmp::Reverse;
use std::ops::Range;

use rayon::prelude::*;

use super::query::Query;
use super::score::{self, NameRef, Terms};
use super::skim::{self, Scratch};
use super::{EntityMatch, importance, narrows};
use crate::analysis::entities::{Entity, EntityIndex, EntityKind};

/// Below this many candidates the ranking runs on one thread (rayon's start costs more).
const PARALLEL_FROM: usize = 4096;

/// One prepared name: its chars in the arena and the mask of them.
#[derive(Debug, Clone)]
struct NameSlot {
    chars: Range<usize>,
    mask: u64,
}

/// One prepared entity.
#[derive(Debug, Clone)]
struct EntitySlot {
    kind: EntityKind,
    /// Its names in [`Prepared::names`]: the canonical name first, then the aliases.
    names: Range<usize>,
    /// The union of its names' masks.
    mask: u64,
    importance: i64,
    /// Its place in the order of equal scores (more articles, more mentions, then name).
    tie: usize,
}

/// The names of an [`EntityIndex`] prepared for ranking (build it once per analysis).
#[derive(Clone, Default)]
pub struct Prepared {
    chars: Vec<char>,
    bonus: Vec<i8>,
    names: Vec<NameSlot>,
    entities: Vec<EntitySlot>,
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("entities", &self.entities.len())
            .field("names", &self.names.len())
            .finish_non_exhaustive()
    }
}

/// The number of articles naming `e` (as `e.articles().len()`, without the list).
fn article_count(e: &Entity) -> usize {
    let changes = e
        .mentions
        .windows(2)
        .filter(|w| w[0].article != w[1].article)
        .count();
    usize::from(!e.mentions.is_empty()) + changes
}

impl Prepared {
    /// Prepares every name of `index`.
    pub fn new(index: &EntityIndex) -> Prepared {
        let mut p = Prepared::default();
        let counts: Vec<usize> = index.entities.iter().map(article_count).collect();
        for (e, &articles) in index.entities.iter().zip(&counts) {
            let first = p.names.len();
            let mut mask = 0;
            for text in std::iter::once(&e.name).chain(&e.aliases) {
                mask |= p.push_name(text);
            }
            p.entities.push(EntitySlot {
                kind: e.kind,
                names: first..p.names.len(),
                mask,
                importance: importance(articles),
                tie: 0,
            });
        }
        let mut order: Vec<usize> = (0..index.entities.len()).collect();
        order.sort_by_cached_key(|&i| {
            let e = &index.entities[i];
            (Reverse((counts[i], e.mentions.len())), e.name.clone())
        });
        for (tie, &i) in order.iter().enumerate() {
            p.entities[i].tie = tie;
        }
        p
    }

    /// Adds one name to the arena; returns its mask.
    fn push_name(&mut self, text: &str) -> u64 {
        let start = self.chars.len();
        self.chars.extend(text.chars().map(score::lower));
        let chars = &self.chars[start..];
        self.bonus.extend(skim::in_place_bonuses(chars));
        let mask = score::mask(chars);
        self.names.push(NameSlot {
            chars: start..self.chars.len(),
            mask,
        });
        mask
    }

    /// The number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    fn name(&self, slot: &NameSlot) -> NameRef<'_> {
        NameRef {
            lower: &self.chars[slot.chars.clone()],
            bonus: &self.bonus[slot.chars.clone()],
        }
    }

    /// Every entity matching `query`, best first, as [`super::rank`] orders them; the
    /// positions are left empty ([`Prepared::positions`]).
    pub fn rank(&self, query: &Query) -> Vec<EntityMatch> {
        self.rank_among(query, 0..self.entities.len())
    }

    /// Like [`Prepared::rank`], considering only `candidates` (entity indices; those out
    /// of range are skipped).
    pub fn rank_among(
        &self,
        query: &Query,
        candidates: impl IntoIterator<Item = usize>,
    ) -> Vec<EntityMatch> {
        let terms = Terms::new(query);
        let ids: Vec<usize> = candidates.into_iter().collect();
        let mut out: Vec<EntityMatch> = if ids.len() < PARALLEL_FROM {
            let mut s = Scratch::default();
            ids.iter()
                .filter_map(|&i| self.match_one(query, &terms, i, &mut s))
                .collect()
        } else {
            ids.par_iter()
                .map_init(Scratch::default, |s, &i| {
                    self.match_one(query, &terms, i, s)
                })
                .flatten_iter()
                .collect()
        };
        // Keys cached: looking up each entity's tie once, not at every comparison.
        let key = |m: &EntityMatch| (Reverse(m.score), self.entities[m.entity].tie);
        if out.len() < PARALLEL_FROM {
            out.sort_by_cached_key(key);
        } else {
            out.par_sort_by_cached_key(key);
        }
        out
    }

    /// Matches entity `i` (see [`super::match_entity`]), without positions.
    fn match_one(
        &self,
        query: &Query,
        terms: &Terms,
        i: usize,
        s: &mut Scratch,
    ) -> Option<EntityMatch> {
        let e = self.entities.get(i)?;
        if !query.accepts_kind(e.kind) || terms.positive.iter().any(|t| t.mask & !e.mask != 0) {
            return None;
        }
        let names = &self.names[e.names.clone()];
        let hit = |t: &score::Needle, n: &NameSlot, s: &mut Scratch| {
            t.mask & !n.mask == 0 && score::score(t, self.name(n), s).is_some()
        };
        if terms
            .negated
            .iter()
            .any(|t| names.iter().any(|n| hit(t, n, s)))
        {
            return None;
        }
        let mut best: Option<(i64, usize)> = None;
        for (k, n) in names.iter().enumerate() {
            if terms.positive.iter().any(|t| t.mask & !n.mask != 0) {
                continue;
            }
            let Some(total) = score::score_all(&terms.positive, self.name(n), s, None) else {
                continue;
            };
            if best.is_none_or(|(b, _)| total > b) {
                best = Some((total, k));
            }
        }
        best.map(|(total, k)| EntityMatch {
            entity: i,
            score: total + e.importance,
            alias: k.checked_sub(1),
            positions: Vec::new(),
        })
    }

    /// Fills in the matched positions of `matches` (a window of a ranking for `query`).
    pub fn positions(&self, query: &Query, matches: &mut [EntityMatch]) {
        let terms = Terms::new(query);
        let mut s = Scratch::default();
        for m in matches {
            let Some(e) = self.entities.get(m.entity) else {
                continue;
            };
            let k = e.names.start + m.alias.map_or(0, |a| a + 1);
            let Some(slot) = self.names.get(k).filter(|_| k < e.names.end) else {
                continue;
            };
            let mut positions = Vec::new();
            score::score_all(
                &terms.positive,
                self.name(slot),
                &mut s,
                Some(&mut positions),
            );
            positions.sort_unstable();
            positions.dedup();
            m.positions = positions;
        }
    }
}

/// Ranks the entities for `query` (positions left empty). With the `previous` query and
/// its complete ranking, when `query` narrows it ([`narrows`]: every match of `query` is
/// among the previous matches), only those are scored again.
pub fn rerank(
    prepared: &Prepared,
    query: &Query,
    previous: Option<(&Query, &[EntityMatch])>,
) -> Vec<EntityMatch> {
    match previous {
        Some((old, matches)) if narrows(old, query) => {
            prepared.rank_among(query, matches.iter().map(|m| m.entity))
        }
        _ => prepared.rank(query),
    }
}

#[cfg(test)]
mod tests;
