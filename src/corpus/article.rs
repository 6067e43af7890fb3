//! The article: one news text with its metadata and its clean body.
//!
//! Everything the analysis reports is a byte range into [`Article::body`], so the body is
//! the single source of truth for offsets (the JSON interface prints the same string).

use serde::Serialize;

/// Position of an article in its [`crate::corpus::Corpus`]; dense, stable for one load.
pub type ArticleIdx = usize;

pub use crate::metadata::Metadata;

/// One article of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Unique within the corpus: the file stem, suffixed when two files share one.
    pub id: String,
    /// Where it came from, as the user named it (or `seeds/…` for the bundled corpus).
    pub path: String,
    #[serde(flatten)]
    pub meta: Metadata,
    /// Where each metadata field came from (the text, a sidecar, the file name, the
    /// folder); filled in by [`crate::corpus::overlay::apply`].
    #[serde(skip_serializing_if = "crate::metadata::Provenance::is_empty")]
    pub provenance: crate::metadata::Provenance,
    /// Number of Unicode words in the body.
    pub words: usize,
    /// Clean text: chrome and metadata lines removed, paragraphs separated by one blank line.
    /// Empty while [`Article::body_pending`] is set.
    #[serde(skip)]
    pub body: String,
    /// `Some(len)` while the body (of `len` bytes) is still to be loaded: a corpus reopened
    /// from the cache is shown from its metadata first and gets its bodies a moment later
    /// (see `crate::cache::Bodies`). `None` once `body` holds the text.
    #[serde(skip)]
    pub body_pending: Option<usize>,
}

impl Article {
    /// Builds an article, counting the words of its body.
    pub fn new(id: String, path: String, meta: Metadata, body: String) -> Self {
        let words = crate::text::count_words(&body);
        Self {
            id,
            path,
            meta,
            provenance: crate::metadata::Provenance::default(),
            words,
            body,
            body_pending: None,
        }
    }

    /// Length in bytes of the body, loaded or still pending.
    pub fn body_len(&self) -> usize {
        self.body_pending.unwrap_or(self.body.len())
    }

    /// Whether [`Article::body`] holds the text (it is not pending).
    pub fn has_body(&self) -> bool {
        self.body_pending.is_none()
    }

    /// Whether `range` is a byte range of the body that can be sliced: ordered, inside it
    /// and on char boundaries. While the body is pending only its length can be checked.
    pub fn fits(&self, range: &std::ops::Range<usize>) -> bool {
        range.start <= range.end
            && match self.body_pending {
                Some(len) => range.end <= len,
                None => {
                    self.body.is_char_boundary(range.start) && self.body.is_char_boundary(range.end)
                }
            }
    }

    /// The paragraphs of the body with their byte offsets.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        crate::text::paragraphs(&self.body)
    }
}
