//! Filtering by entity: an fzf-style query language over entity names and aliases, ranked
//! fuzzy matches with matched character positions, and the articles they select.

use crate::analysis::entities::EntityIndex;
use crate::corpus::ArticleIdx;

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

/// Ranks the entities matching `query`, best first.
pub fn rank(index: &EntityIndex, query: &str) -> Vec<EntityMatch> {
    let _ = (index, query);
    Vec::new()
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
