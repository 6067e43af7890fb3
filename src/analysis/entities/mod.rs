//! Entities: the people, organisations and places a corpus names, with aliases merged and
//! every mention kept as a byte span.
//!
//! The pipeline: `tokens` (Unicode words with case and sentence position) -> `runs`
//! (maximal runs of capitalised words, with connectors and gazetteer matches) ->
//! `candidates` (runs cut into names with a kind by `segment`, weak in `headlines`)
//! -> `merge` and `aliases` (one
//! entity per name across the corpus, surnames and abbreviations joined to full names).
//! The data lives in `assets/`: the [`gazetteer`] and the word lists of `lexicon`.

mod aliases;
mod candidates;
pub mod gazetteer;
mod headlines;
mod lexicon;
mod merge;
mod runs;
mod segment;
mod tokens;
mod words;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::Span;
use crate::corpus::{ArticleIdx, Corpus};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}

/// One mention of an entity in an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub article: ArticleIdx,
    pub span: Span,
}

/// An entity with every surface form it goes by in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name (the fullest form: `Maria Zakharova`, `United States`).
    pub name: String,
    pub kind: EntityKind,
    /// Other names: surface forms seen in the corpus and gazetteer aliases.
    pub aliases: Vec<String>,
    /// Every mention, ordered by article then offset.
    pub mentions: Vec<Mention>,
}

impl Entity {
    /// The articles that mention this entity, sorted, without repeats.
    pub fn articles(&self) -> Vec<ArticleIdx> {
        let mut a: Vec<ArticleIdx> = self.mentions.iter().map(|m| m.article).collect();
        a.dedup();
        a
    }
}

/// All entities of a corpus, sorted by number of articles, then mentions (most first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityIndex {
    pub entities: Vec<Entity>,
}

impl EntityKind {
    /// The lower-case name used in JSON and queries.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// Extracts the entities of a corpus (articles in parallel, then merged).
pub fn extract(corpus: &Corpus) -> EntityIndex {
    let bodies: Vec<&str> = corpus.articles.iter().map(|a| a.body.as_str()).collect();
    extract_bodies(&bodies)
}

/// Extracts the entities of a list of bodies; mentions refer to positions in `bodies`.
pub fn extract_bodies(bodies: &[&str]) -> EntityIndex {
    let gz = gazetteer::gazetteer();
    let found: Vec<Vec<candidates::Candidate>> =
        bodies.par_iter().map(|b| candidates::find(b, gz)).collect();
    EntityIndex {
        entities: merge::build(bodies, &found, gz),
    }
}

#[cfg(test)]
mod tests;
