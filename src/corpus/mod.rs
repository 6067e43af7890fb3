//! The corpus: the articles parallax reads, where they come from, and what went wrong
//! while reading them.

mod article;
mod attributes;
mod binary;
mod charset;
mod decode;
mod detect;
mod discover;
mod dispatch;
mod embedded;
mod feeds;
mod front_matter;
mod gzip;
mod html;
mod json_array;
mod json_feed;
mod load;
mod lookup;
mod name_guess;
pub mod naming;
pub mod order;
pub mod overlay;
mod page_meta;
pub mod problems;
mod read;
mod records;
mod same_file;
#[cfg(test)]
mod seed_tests;
mod stdin;

pub use article::{Article, ArticleIdx, Metadata};
pub use attributes::{MAX_ATTRIBUTES, limit_attributes};
pub use decode::{DecodeError, Decoded, decode};
pub use discover::{Format, Listing, list_paths};
pub use feeds::{is_json_feed, parse_feed};
pub use front_matter::parse_front_matter;
pub use html::{html_to_text, parse_page};
pub use load::{
    FileLoad, Pending, assemble, load_bytes, load_listing, load_paths, load_seeds, parse_listed,
    read_listed,
};
pub use lookup::{Lookup, MAX_CANDIDATES};
pub use read::{MAX_ARTICLE_BYTES, MAX_FILE_BYTES, MAX_PAGE_BYTES};
pub use records::{Record, RecordResult, parse_records};
pub use stdin::{STDIN_PATH, is_stdin};

use std::path::PathBuf;

/// A set of articles opened together.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// What the user opened: a folder name, a file name, or `seeds`.
    pub name: String,
    pub articles: Vec<Article>,
}

impl Corpus {
    /// Finds an article by id, then by path (as given or by file name).
    pub fn find(&self, key: &str) -> Option<ArticleIdx> {
        self.articles
            .iter()
            .position(|a| a.id == key)
            .or_else(|| self.articles.iter().position(|a| a.path == key))
            .or_else(|| {
                let stem = std::path::Path::new(key).file_stem()?.to_str()?;
                self.articles.iter().position(|a| a.id == stem)
            })
    }

    /// A corpus of bare bodies (ids `a0`, `a1`…, no metadata), for tests and benchmarks.
    pub fn from_bodies<S: Into<String>>(bodies: impl IntoIterator<Item = S>) -> Corpus {
        let articles = bodies
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                Article::new(
                    format!("a{i}"),
                    format!("a{i}.txt"),
                    Metadata::default(),
                    b.into(),
                )
            })
            .collect();
        Corpus {
            name: "bodies".to_string(),
            articles,
        }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// How bad a load problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The file (or record) was left out.
    Skipped,
    /// The file loaded, with a caveat (lossy decoding, a bad line in a JSONL file).
    Warning,
}

/// One thing that went wrong while loading, reported to the user as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: PathBuf,
    /// 1-based line, for JSONL records.
    pub line: Option<usize>,
    pub severity: Severity,
    pub reason: String,
}

/// One line, safe for a terminal: a file name may hold control characters or newlines.
impl std::fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Skipped => "skipped",
            Severity::Warning => "warning",
        };
        let mut line = self.path.display().to_string();
        if let Some(n) = self.line {
            line.push_str(&format!(":{n}"));
        }
        line.push_str(&format!(": {what}: {}", self.reason));
        let safe = crate::text::sanitize_for_terminal(&line);
        f.write_str(&safe.replace('\n', "\u{2424}"))
    }
}

/// A loaded corpus and the problems met on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub corpus: Corpus,
    pub problems: Vec<LoadProblem>,
}
