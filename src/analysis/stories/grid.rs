//! The outlet × entity grid of a set of articles (a story, or the whole corpus): a row per
//! entity (person, organisation, place, or a name of no known kind), a column per outlet, in each cell how often that outlet
//! names that entity. Rows named by every outlet come first and rows named by a single
//! outlet last, so that who everyone names and who only one names stand out.

use rustc_hash::{FxHashMap, FxHashSet};

use super::summary::{outlet_of, outlets};
use crate::analysis::entities::{EntityIndex, Field};
use crate::corpus::{ArticleIdx, Corpus};

/// One row: an entity and its mentions per outlet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Index into the entity index.
    pub entity: usize,
    /// Mentions per outlet, indexed like [`Grid::outlets`].
    pub counts: Vec<u32>,
    /// Outlets that name it at least once.
    pub outlets: usize,
    /// Mentions in all.
    pub total: u32,
}

/// The grid: its outlets (columns) and entities (rows).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    /// Most articles first, then by name.
    pub outlets: Vec<String>,
    /// Named by the most outlets first, then most mentions, then by name.
    pub rows: Vec<Row>,
}

/// The grid of `articles`.
pub fn grid(corpus: &Corpus, entities: &EntityIndex, articles: &[ArticleIdx]) -> Grid {
    let columns = outlets(corpus, articles);
    let col: FxHashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(k, o)| (o.as_str(), k))
        .collect();
    let article_col: FxHashMap<ArticleIdx, usize> = articles
        .iter()
        .filter_map(|&a| Some((a, *col.get(outlet_of(corpus, a).as_str())?)))
        .collect();
    let outlet_names: FxHashSet<String> = columns.iter().map(|o| o.to_lowercase()).collect();
    let mut rows: Vec<Row> = entities
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| !outlet_names.contains(&e.name.to_lowercase()))
        .filter_map(|(k, e)| {
            let mut counts = vec![0u32; columns.len()];
            for m in e.mentions.iter().filter(|m| m.field != Field::Source) {
                if let Some(&c) = article_col.get(&m.article) {
                    counts[c] += 1;
                }
            }
            let total: u32 = counts.iter().sum();
            (total > 0).then(|| Row {
                entity: k,
                outlets: counts.iter().filter(|&&c| c > 0).count(),
                counts,
                total,
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.outlets
            .cmp(&a.outlets)
            .then(b.total.cmp(&a.total))
            .then_with(|| {
                entities.entities[a.entity]
                    .name
                    .cmp(&entities.entities[b.entity].name)
            })
    });
    Grid {
        outlets: columns,
        rows,
    }
}

/// The articles of `articles` from outlet `column` of `grid` that name the entity of `row`:
/// what a cell opens.
pub fn cell_articles(
    corpus: &Corpus,
    entities: &EntityIndex,
    articles: &[ArticleIdx],
    grid: &Grid,
    row: usize,
    column: usize,
) -> Vec<ArticleIdx> {
    let (Some(r), Some(outlet)) = (grid.rows.get(row), grid.outlets.get(column)) else {
        return Vec::new();
    };
    let Some(e) = entities.entities.get(r.entity) else {
        return Vec::new();
    };
    let wanted: FxHashSet<ArticleIdx> = articles.iter().copied().collect();
    let mut out: Vec<ArticleIdx> = e
        .mentions
        .iter()
        .filter(|m| m.field != Field::Source && wanted.contains(&m.article))
        .map(|m| m.article)
        .filter(|&a| outlet_of(corpus, a) == *outlet)
        .collect();
    out.dedup();
    out
}
