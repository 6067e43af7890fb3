//! Analysis of a corpus: the entities each article names ([`entities`]), the direct quotes
//! it carries ([`quotes`]), the passages articles share ([`passages`]) and the stories the
//! articles make up ([`stories`]).
//!
//! Everything here is UI-free and returns article indices, scores and byte ranges into
//! [`crate::corpus::Article::body`].

pub mod entities;
pub mod passages;
pub mod quotes;
pub mod stories;

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;

/// A byte range into an article's body, always on char boundaries.
pub type Span = std::ops::Range<usize>;

/// Whether `span` is a non-empty range of `body` on char boundaries: what every surface
/// checks before it slices a body with a span it did not make itself (a cached analysis,
/// passim's offsets). While a body is not read yet, [`span_fits_len`] says what can be
/// said.
pub fn span_fits(body: &str, span: &Span) -> bool {
    span.start < span.end && body.get(span.clone()).is_some()
}

/// Whether `span` is a non-empty range within a body of `len` bytes (not read yet).
pub fn span_fits_len(len: usize, span: &Span) -> bool {
    span.start < span.end && span.end <= len
}

/// Frees a corpus-sized list of allocations (a vector per article) on every thread rather
/// than one: at 100,000 articles there are hundreds of thousands.
pub(crate) fn free_in_parallel<T: Send>(items: Vec<T>) {
    use rayon::prelude::*;
    items.into_par_iter().for_each(drop);
}

/// Tunable thresholds of the analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// An n-gram seen in more documents than this does not seed a shared passage.
    pub ngram_doc_cap: usize,
    /// Fewest words a quote-anchored shared passage may have.
    pub min_quote_words: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            ngram_doc_cap: 100,
            min_quote_words: 4,
        }
    }
}

/// The stages of [`analyse_with_progress`], reported as they finish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Entities,
    Quotes,
    Passages,
    Stories,
}

/// Everything parallax knows about a corpus beyond its articles.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: entities::EntityIndex,
    /// Direct quotes, per article (indexed like `corpus.articles`).
    pub quotes: Vec<Vec<quotes::Quote>>,
    /// The statements those quotes carry, each with every article that carries it.
    pub statements: Vec<quotes::statements::Statement>,
    pub passages: passages::PassageIndex,
    pub stories: stories::StoryIndex,
}

/// Runs the whole analysis.
pub fn analyse(corpus: &Corpus, config: &Config) -> Analysis {
    analyse_with_progress(corpus, config, |_| {})
}

/// Runs the whole analysis, calling `progress` after each stage.
pub fn analyse_with_progress(
    corpus: &Corpus,
    config: &Config,
    progress: impl Fn(Stage) + Sync,
) -> Analysis {
    analyse_with_passages(
        corpus,
        progress,
        || passages::tokenize_corpus(corpus),
        |tokens, quotes, entities| {
            let prepare_stories = |docs: &[_]| {
                let terms = stories::terms::TermCounts::of_tokens(corpus, docs);
                stories::Prepared::of(corpus, entities, terms)
            };
            let (found, tokens, prepared) =
                passages::find_beside(tokens, corpus, quotes, config, prepare_stories);
            tokens.drop_in_parallel();
            (found, Some(prepared))
        },
    )
}

/// What a shared-passage stage gives back: the passages, and what story grouping needs
/// that does not depend on them when it made that beside its search (the story terms
/// counted off its tokens, the vectors and the key pairs).
pub type PassagesFound = (passages::PassageIndex, Option<stories::Prepared>);

/// Runs the analysis with `find_passages` as its shared-passage stage (given what
/// `prepare` made and the quotes of every article), so that another source of passages
/// (passim's clusters) reuses the entity and quote stages. `find_passages` is also given
/// the entities, and gives back what story grouping needs before the passages when it made
/// that alongside its search (otherwise the stories stage reads the bodies again and makes
/// it after). Calls `progress` after each stage.
///
/// The entities' merge runs on one thread: meanwhile the other core runs `prepare`, which
/// needs neither entities nor quotes (parallax's own search tokenizes the corpus there),
/// and then it overlaps the quotes too.
pub fn analyse_with_passages<T: Send>(
    corpus: &Corpus,
    progress: impl Fn(Stage) + Sync,
    prepare: impl FnOnce() -> T + Send,
    find_passages: impl FnOnce(T, &[Vec<quotes::Quote>], &entities::EntityIndex) -> PassagesFound,
) -> Analysis {
    let (mut analysis, prepared) =
        analyse_before_stories(corpus, &progress, prepare, find_passages);
    analysis.stories = match prepared {
        Some(prepared) => {
            stories::group_prepared(corpus, &analysis.entities, &analysis.passages, prepared)
        }
        None => stories::group(corpus, &analysis.entities, &analysis.passages),
    };
    progress(Stage::Stories);
    analysis
}

/// [`analyse_with_passages`] up to the stories: every stage but story grouping (the
/// analysis comes back with no stories), and what `find_passages` prepared for them. What
/// stories add to a run is measured against this.
pub fn analyse_before_stories<T: Send>(
    corpus: &Corpus,
    progress: impl Fn(Stage) + Sync,
    prepare: impl FnOnce() -> T + Send,
    find_passages: impl FnOnce(T, &[Vec<quotes::Quote>], &entities::EntityIndex) -> PassagesFound,
) -> (Analysis, Option<stories::Prepared>) {
    let docs = entities::docs_of(corpus);
    let found = entities::find(&docs);
    let ((entities, (quotes, statements)), prepared) = rayon::join(
        || {
            let entities = entities::merge(&docs, found);
            progress(Stage::Entities);
            let quotes = quotes::find_all(corpus, &entities);
            let statements = quotes::statements::find(corpus, &quotes);
            progress(Stage::Quotes);
            (entities, (quotes, statements))
        },
        prepare,
    );
    drop(docs);
    let (passages, for_stories) = find_passages(prepared, &quotes, &entities);
    progress(Stage::Passages);
    let analysis = Analysis {
        entities,
        quotes,
        statements,
        passages,
        stories: stories::StoryIndex::default(),
    };
    (analysis, for_stories)
}
