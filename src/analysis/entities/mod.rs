//! Entities: the people, organisations and places a corpus names, with aliases merged and
//! every mention kept as a byte span.
//!
//! The pipeline: `tokens` (Unicode words with case and sentence position) -> `runs`
//! (maximal runs of capitalised words, with connectors and gazetteer matches) ->
//! `candidates` (runs cut into names with a kind by `segment`, weak in `headlines`)
//! -> `merge` and `aliases` (one
//! entity per name across the corpus, surnames and abbreviations joined to full names).
//! [`roles`] reads a person's titles and nationality back from the text before each mention.
//! The data lives in `assets/`: the [`gazetteer`] and the word lists of `lexicon`.

mod aliases;
mod candidates;
mod fold;
pub mod gazetteer;
mod headlines;
pub(crate) mod lexicon;
mod lower_forms;
mod merge;
pub mod roles;
mod runs;
mod segment;
mod tokens;

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

/// Which text of an article a mention is in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// [`crate::corpus::Article::body`].
    #[default]
    Body,
    /// [`crate::corpus::Metadata::title`].
    Title,
    /// [`crate::corpus::Metadata::subtitle`].
    Subtitle,
    /// [`crate::corpus::Metadata::dateline`].
    Dateline,
    /// [`crate::corpus::Metadata::source`]: the outlet counts as named by its article.
    Source,
}

/// One mention of an entity: a byte span in the article's body, or in one of its
/// metadata fields when metadata extraction moved that text out of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub article: ArticleIdx,
    /// Byte range into the text of `field`, on char boundaries.
    pub span: Span,
    pub field: Field,
}

/// One text of an article to read entities from.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub article: ArticleIdx,
    pub field: Field,
    pub text: std::borrow::Cow<'a, str>,
}

/// An entity with every surface form it goes by in the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical name (the fullest form: `Maria Zakharova`, `United States`).
    pub name: String,
    pub kind: EntityKind,
    /// Other names: surface forms seen in the corpus and gazetteer aliases.
    pub aliases: Vec<String>,
    /// Every mention, ordered by article, then field (body first), then offset.
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// Extracts the entities of a corpus (articles in parallel, then merged): from each body,
/// and from the title and subtitle, and the dateline and source when metadata extraction
/// took them out of the body.
pub fn extract(corpus: &Corpus) -> EntityIndex {
    let docs = docs_of(corpus);
    let found = find(&docs);
    merge(&docs, found)
}

/// The texts of a corpus that entities are read from (see [`extract`]).
pub fn docs_of(corpus: &Corpus) -> Vec<Doc<'_>> {
    let mut docs = Vec::with_capacity(corpus.articles.len() * 2);
    for (i, a) in corpus.articles.iter().enumerate() {
        let doc = |field, text: &str| Doc {
            article: i,
            field,
            text: std::borrow::Cow::Owned(text.to_string()),
        };
        docs.push(Doc {
            article: i,
            field: Field::Body,
            text: std::borrow::Cow::Borrowed(a.body.as_str()),
        });
        let m = &a.meta;
        // The source and dateline count once: not again when the body still has them.
        let missing = |t: &&String| !t.trim().is_empty() && !a.body.contains(t.as_str());
        let fields = [
            (
                Field::Title,
                Some(&m.title).filter(|t| !t.trim().is_empty()),
            ),
            (
                Field::Subtitle,
                m.subtitle.as_ref().filter(|t| !t.trim().is_empty()),
            ),
            (Field::Source, m.source.as_ref().filter(missing)),
        ];
        for (field, text) in fields {
            if let Some(t) = text {
                docs.push(doc(field, t));
            }
        }
        // A dateline stands before a comma in the text it came from; keep it so.
        if let Some(d) = m.dateline.as_ref().filter(missing) {
            docs.push(doc(Field::Dateline, &format!("{d},")));
        }
    }
    docs
}

/// Extracts the entities of a list of bodies; mentions refer to positions in `bodies`.
pub fn extract_bodies(bodies: &[&str]) -> EntityIndex {
    let docs: Vec<Doc<'_>> = bodies
        .iter()
        .enumerate()
        .map(|(article, b)| Doc {
            article,
            field: Field::Body,
            text: std::borrow::Cow::Borrowed(b),
        })
        .collect();
    extract_docs(&docs)
}

/// Extracts the entities of a list of texts.
pub fn extract_docs(docs: &[Doc<'_>]) -> EntityIndex {
    merge(docs, find(docs))
}

/// The name candidates of each text, found in parallel: the first half of [`extract`],
/// whose second, [`merge`], runs on one thread (so the analysis gives the other core
/// other work meanwhile).
pub struct Found(Vec<Vec<candidates::Candidate>>);

/// Finds the candidates of every text of `docs`, in parallel.
pub fn find(docs: &[Doc<'_>]) -> Found {
    let start = std::time::Instant::now();
    let gz = gazetteer::gazetteer();
    // A headline is too short to tell its language or subject: its article's body tells.
    let hints: rustc_hash::FxHashMap<crate::corpus::ArticleIdx, candidates::Hints> = docs
        .par_iter()
        .filter(|d| d.field == Field::Body)
        .map(|d| (d.article, candidates::Hints::of(&d.text)))
        .collect();
    let found = docs
        .par_iter()
        .map(|d| {
            let mut hints = hints
                .get(&d.article)
                .copied()
                .unwrap_or_else(|| candidates::Hints::of(&d.text));
            hints.headline = matches!(d.field, Field::Title | Field::Subtitle);
            candidates::find_with(&d.text, gz, hints)
        })
        .collect();
    tracing::debug!(took = ?start.elapsed(), "entities: candidates");
    Found(found)
}

/// Merges the candidates found in `docs` into the corpus's entities.
pub fn merge(docs: &[Doc<'_>], found: Found) -> EntityIndex {
    let start = std::time::Instant::now();
    let entities = merge::build(docs, &found.0, gazetteer::gazetteer());
    tracing::debug!(took = ?start.elapsed(), "entities: merge");
    EntityIndex { entities }
}

#[cfg(test)]
mod tests;
