//! Filtering by entity: an fzf-style query language over entity names and aliases, ranked
//! fuzzy matches with matched character positions, and the articles they select.
//!
//! The query syntax is in [`query`], the scoring of one term against one name in
//! `score`. An entity matches when one of its names matches every positive term and
//! none of its names matches a negated one; its score is that of its best name plus a
//! bonus for importance (articles naming it), so `putn` picks the Putin of four articles.
//!
//! [`rank`] is the plain reference. The reader ranks on every keystroke with the names
//! prepared once per analysis ([`Prepared`]), positions computed only for the rows on
//! screen, and [`rerank`] scoring only the previous matches when the query narrows the
//! previous one ([`narrows`]); fuzzy scores come from skim's algorithm (`skim`).

mod find;
mod fold;
mod fulltext;
mod narrow;
mod prepared;
pub mod query;
mod score;
mod skim;
#[cfg(test)]
pub(crate) mod testing;

use crate::analysis::entities::{Entity, EntityIndex};
use crate::corpus::ArticleIdx;

pub use find::{MAX_MATCHES, find_in};
pub use fold::fold;
pub use fulltext::{TextIndex, TextQuery, parse_text};
pub use narrow::narrows;
pub use prepared::{Prepared, rerank};
pub use query::{Mode, Query, Term, parse};

use score::{Name, Terms};
use skim::Scratch;

/// One entity that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityMatch {
    /// Index into [`EntityIndex::entities`].
    pub entity: usize,
    /// Higher is better.
    pub score: i64,
    /// Which name matched: `None` for the canonical name, `Some(i)` for `aliases[i]`.
    pub alias: Option<usize>,
    /// Char indices of the matched characters in that name (for highlighting).
    pub positions: Vec<usize>,
}

/// Weight of importance: score points per natural-log unit of articles.
const IMPORTANCE: f64 = 12.0;

/// The score bonus of an entity named in `articles` articles.
fn importance(articles: usize) -> i64 {
    ((articles as f64 + 1.0).ln() * IMPORTANCE).round() as i64
}

/// Ranks the entities matching `query`, best first (ties: more articles, more mentions,
/// then name).
///
/// This is the plain reference, preparing each name as it goes; the reader ranks with a
/// [`Prepared`] index and [`rerank`], which give the same matches in the same order.
pub fn rank(index: &EntityIndex, query: &str) -> Vec<EntityMatch> {
    let q = parse(query);
    let terms = Terms::new(&q);
    let mut s = Scratch::default();
    let mut out: Vec<EntityMatch> = index
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| match_terms(&q, &terms, i, e, &mut s))
        .collect();
    out.sort_by_cached_key(|m| {
        let e = &index.entities[m.entity];
        (
            std::cmp::Reverse((m.score, e.articles().len(), e.mentions.len())),
            e.name.clone(),
        )
    });
    out
}

/// Matches one entity against a parsed query.
pub fn match_entity(q: &Query, i: usize, e: &Entity) -> Option<EntityMatch> {
    match_terms(q, &Terms::new(q), i, e, &mut Scratch::default())
}

/// Matches one entity against a parsed query whose terms are prepared.
fn match_terms(
    q: &Query,
    terms: &Terms,
    i: usize,
    e: &Entity,
    s: &mut Scratch,
) -> Option<EntityMatch> {
    if !q.accepts_kind(e.kind) {
        return None;
    }
    let texts = || std::iter::once(&e.name).chain(&e.aliases);
    let possible = terms
        .positive
        .iter()
        .all(|t| texts().any(|n| score::may_match(t, n)));
    if !possible {
        return None;
    }
    let names: Vec<Name> = texts().map(|n| Name::new(n)).collect();
    if terms.negated.iter().any(|t| {
        names
            .iter()
            .any(|n| score::score(t, n.as_ref(), s).is_some())
    }) {
        return None;
    }
    let mut best: Option<EntityMatch> = None;
    for (k, name) in names.iter().enumerate() {
        let mut positions = Vec::new();
        let Some(total) = score::score_all(&terms.positive, name.as_ref(), s, Some(&mut positions))
        else {
            continue;
        };
        if best.as_ref().is_none_or(|b| total > b.score) {
            positions.sort_unstable();
            positions.dedup();
            best = Some(EntityMatch {
                entity: i,
                score: total,
                alias: k.checked_sub(1),
                positions,
            });
        }
    }
    // Counted only for a match: counting an entity's articles sorts all its mentions.
    let importance = importance(e.articles().len());
    best.map(|b| EntityMatch {
        score: b.score + importance,
        ..b
    })
}

/// The best match of `query`, if any.
pub fn best_match(index: &EntityIndex, query: &str) -> Option<EntityMatch> {
    rank(index, query).into_iter().next()
}

/// The articles that mention every one of `entities` (AND), sorted.
pub fn articles_mentioning_all(index: &EntityIndex, entities: &[usize]) -> Vec<ArticleIdx> {
    let mut sets = entities
        .iter()
        .filter_map(|&e| index.entities.get(e))
        .map(|e| e.articles());
    let Some(mut acc) = sets.next() else {
        return Vec::new();
    };
    for s in sets {
        acc.retain(|a| s.binary_search(a).is_ok());
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::extract_bodies;

    fn index() -> EntityIndex {
        extract_bodies(&[
            "President Vladimir Putin met Joe Biden in Geneva. Putin said so.",
            "Putin spoke to Foreign Ministry spokeswoman Maria Zakharova in Moscow.",
            "Putin and Zakharova. A man named Peter Utin was there.",
            "Nikolai Patrushev met William Burns in Moscow.",
        ])
    }

    fn best(ix: &EntityIndex, q: &str) -> Option<String> {
        best_match(ix, q).map(|m| ix.entities[m.entity].name.clone())
    }

    #[test]
    fn fuzzy_queries_pick_the_important_entity() {
        let ix = index();
        assert_eq!(best(&ix, "putn").as_deref(), Some("Vladimir Putin"));
        assert_eq!(best(&ix, "zakh").as_deref(), Some("Maria Zakharova"));
        assert_eq!(best(&ix, "patru").as_deref(), Some("Nikolai Patrushev"));
        assert_eq!(best(&ix, "qqq"), None);
    }

    #[test]
    fn kinds_and_negation() {
        let ix = index();
        assert_eq!(best(&ix, "place:mosc").as_deref(), Some("Moscow"));
        assert_eq!(best(&ix, "person:mosc"), None);
        let r = rank(&ix, "person: !putin");
        assert!(
            r.iter()
                .all(|m| ix.entities[m.entity].name != "Vladimir Putin")
        );
        assert!(!r.is_empty());
    }

    #[test]
    fn positions_point_into_the_matched_name() {
        let ix = index();
        let m = best_match(&ix, "zakh").expect("match");
        let e = &ix.entities[m.entity];
        let name = m.alias.map_or(&e.name, |a| &e.aliases[a]);
        let picked: String = m
            .positions
            .iter()
            .filter_map(|&i| name.chars().nth(i))
            .collect();
        assert_eq!(picked.to_lowercase(), "zakh");
    }

    #[test]
    fn and_over_articles() {
        let ix = index();
        let putin = best_match(&ix, "putin").expect("putin").entity;
        let moscow = best_match(&ix, "moscow").expect("moscow").entity;
        assert_eq!(articles_mentioning_all(&ix, &[putin, moscow]), [1]);
        assert_eq!(articles_mentioning_all(&ix, &[]), Vec::<usize>::new());
    }
}
