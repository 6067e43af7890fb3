//! Entities: the people, organisations and places a corpus names, with aliases merged and
//! every mention kept as a byte span.

use serde::Serialize;

use super::Span;
use crate::corpus::{ArticleIdx, Corpus};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// Extracts the entities of a corpus.
pub fn extract(corpus: &Corpus) -> EntityIndex {
    let _ = corpus;
    EntityIndex::default()
}
