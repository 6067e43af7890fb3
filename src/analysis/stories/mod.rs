//! Stories: the articles of a mixed folder grouped by the news event they report, so that
//! a folder of 220 articles reads as the 14 stories it holds.
//!
//! Pipeline: [`features`] (sublinear TF-IDF of each article's head, body and entities) →
//! [`candidates`] (pairs sharing a rare key in an inverted index, never all pairs) →
//! [`score`] (the cosines combined, shared passages as a bonus, dates as a discount) →
//! [`cluster`] (average link on that sparse graph, never connected components) →
//! [`labels`] (ids, labels, representative headlines). [`omissions`] and [`grid`] read a
//! story afterwards; [`summary`] says what a story spans (outlets, dates); [`scope`] what
//! statements and passages its articles carry.

pub mod candidates;
pub mod cluster;
pub mod eval;
pub mod features;
pub mod grid;
pub mod labels;
pub mod omissions;
mod ranks;
mod scatter;
pub mod scope;
pub mod score;
pub mod summary;
pub mod terms;
#[cfg(test)]
mod tests;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::entities::EntityIndex;
use super::passages::PassageIndex;
use crate::corpus::{ArticleIdx, Corpus};

/// Two groups are one story when their articles average at least this similarity (see
/// `docs/stories.md` for how it was chosen).
pub const THRESHOLD: f32 = 0.15;
/// Edges under this similarity are not kept: they could never lift a group's mean.
pub const EDGE_FLOOR: f32 = 0.05;

/// One story: the articles that report the same news.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable across runs: made from the story's first article id (`s` and 8 hex digits).
    pub id: String,
    /// Its articles, by date (undated last), then position in the corpus.
    pub articles: Vec<ArticleIdx>,
    /// Its most characteristic entities (indices into the entity index), most first.
    pub entities: Vec<usize>,
    /// Its most characteristic headline words, most first.
    pub terms: Vec<String>,
    /// The article that best represents it (closest to all the others).
    pub headline: ArticleIdx,
    /// Shared passages (not in quotation marks) carried by two or more of its articles.
    pub passages: usize,
    /// Shared quotes carried by two or more of its articles.
    pub quotes: usize,
    /// Mean similarity of its article pairs (1 for a story of one article).
    pub cohesion: f32,
}

/// Every story of a corpus, largest first; every article is in exactly one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryIndex {
    pub stories: Vec<Story>,
    /// The story of each article (index into `stories`), indexed like the corpus.
    pub of_article: Vec<usize>,
}

impl StoryIndex {
    /// The story with id `id`.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.stories.iter().position(|s| s.id == id)
    }

    /// The story of article `a`.
    pub fn story_of(&self, a: ArticleIdx) -> Option<&Story> {
        self.stories.get(*self.of_article.get(a)?)
    }
}

impl Story {
    /// A story of `articles` (the first its headline), labelled by `terms` alone: what
    /// tests build by hand.
    #[cfg(test)]
    pub fn of(articles: Vec<ArticleIdx>, terms: &[&str]) -> Story {
        Story {
            id: format!("s{}", articles.first().copied().unwrap_or(0)),
            headline: articles.first().copied().unwrap_or(0),
            articles,
            entities: Vec::new(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
            passages: 0,
            quotes: 0,
            cohesion: 1.0,
        }
    }

    /// A short label: its top entities, then its top words.
    pub fn label(&self, entities: &EntityIndex) -> String {
        let mut parts: Vec<&str> = self
            .entities
            .iter()
            .filter_map(|&e| entities.entities.get(e))
            .map(|e| e.name.as_str())
            .take(3)
            .collect();
        parts.extend(self.terms.iter().map(String::as_str).take(3));
        parts.join(", ")
    }
}

/// The candidate pairs (sorted by first article) scored, those at [`EDGE_FLOOR`] or more
/// kept: each first article's vectors are scattered once for all its partners.
fn scored(
    f: &features::Features,
    pairs: &[(u32, u32)],
    dates: &[Option<chrono::NaiveDate>],
    shared: &rustc_hash::FxHashMap<(u32, u32), u32>,
) -> Vec<(u32, u32, f32)> {
    let dense = scatter::Dense::new(f);
    pairs
        .par_chunk_by(|x, y| x.0 == y.0)
        .map_init(
            || dense.buffers(),
            |buf, run| {
                let a = run[0].0;
                let mut out = Vec::new();
                let partners = run.iter().map(|p| p.1 as usize);
                scatter::cosines(&dense, buf, a as usize, partners, |b, cos| {
                    let s = score::finish(score::combine(cos), dates, shared, a, b as u32);
                    if s >= EDGE_FLOOR {
                        out.push((a, b as u32, s));
                    }
                });
                out
            },
        )
        .flatten_iter()
        .collect()
}

/// What grouping needs that the shared passages do not change: every article's vectors
/// and the candidate pairs their keys make. The analysis makes it beside the passage
/// search, on what the search leaves of the cores ([`crate::analysis::analyse_with_progress`]).
pub struct Prepared {
    features: features::Features,
    key_pairs: Vec<(u32, u32)>,
    /// The term ids of each entity's name ([`labels::name_terms`]).
    name_terms: Vec<Vec<u32>>,
}

impl Prepared {
    /// The vectors and key pairs of `corpus`, its terms counted.
    pub fn of(corpus: &Corpus, entities: &EntityIndex, terms: terms::TermCounts) -> Prepared {
        let start = std::time::Instant::now();
        let features = features::extract_counted(corpus, entities, terms);
        tracing::debug!(took = ?start.elapsed(), terms = features.term_ids.len(), "stories: features");
        let key_pairs = candidates::key_pairs(&features);
        tracing::debug!(took = ?start.elapsed(), pairs = key_pairs.len(), "stories: key pairs");
        Prepared {
            features,
            key_pairs,
            name_terms: labels::name_terms(entities),
        }
    }

    /// The vectors and key pairs of `corpus`, its terms read from the text.
    pub fn of_text(corpus: &Corpus, entities: &EntityIndex) -> Prepared {
        Prepared::of(corpus, entities, terms::TermCounts::of_corpus(corpus))
    }
}

/// Groups the articles of `corpus` into stories.
pub fn group(corpus: &Corpus, entities: &EntityIndex, passages: &PassageIndex) -> StoryIndex {
    group_with(corpus, entities, passages, THRESHOLD)
}

/// [`group`], with what does not depend on the passages already made.
pub fn group_prepared(
    corpus: &Corpus,
    entities: &EntityIndex,
    passages: &PassageIndex,
    prepared: Prepared,
) -> StoryIndex {
    group_from(corpus, entities, passages, THRESHOLD, prepared)
}

/// [`group`] with another threshold (to study how the grouping depends on it).
pub fn group_with(
    corpus: &Corpus,
    entities: &EntityIndex,
    passages: &PassageIndex,
    threshold: f32,
) -> StoryIndex {
    let prepared = Prepared::of_text(corpus, entities);
    group_from(corpus, entities, passages, threshold, prepared)
}

fn group_from(
    corpus: &Corpus,
    entities: &EntityIndex,
    passages: &PassageIndex,
    threshold: f32,
    prepared: Prepared,
) -> StoryIndex {
    let start = std::time::Instant::now();
    let Prepared {
        features: f,
        key_pairs,
        name_terms,
    } = prepared;
    let pairs = candidates::with_passages(key_pairs, passages, f.articles);
    tracing::debug!(took = ?start.elapsed(), pairs = pairs.len(), "stories: candidates");
    let shared = score::shared_passages(passages);
    let dates: Vec<_> = corpus.articles.iter().map(|a| a.meta.date).collect();
    let edges = scored(&f, &pairs, &dates, &shared);
    drop(pairs);
    tracing::debug!(took = ?start.elapsed(), edges = edges.len(), "stories: scored");
    let roots = cluster::average_link(corpus.len(), &edges, threshold);
    tracing::debug!(took = ?start.elapsed(), "stories: clustered");
    let sources = labels::Sources {
        features: &f,
        name_terms: &name_terms,
    };
    let index = labels::build(corpus, entities, passages, sources, &edges, &roots);
    f.drop_in_parallel();
    tracing::debug!(took = ?start.elapsed(), stories = index.stories.len(), "stories");
    index
}
