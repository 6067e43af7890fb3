//! passim interoperability: parallax as the reader of text reuse found at scale.
//!
//! [passim](https://github.com/dasmiq/passim) finds reused passages in millions of
//! documents on Apache Spark. [`export`] writes a corpus as passim's input (JSON lines with
//! `id`, `series`, `date` and `text`); [`import`] reads passim's output records (`cluster`,
//! `size`, `id`/`uid`, `begin`, `end`, character offsets into `text`) back onto the loaded
//! corpus, and [`layer`] turns the clusters into a [`PassageIndex`] that stands in for
//! parallax's own shared-passage search ([`analyse_with_progress`]).
//!
//! UI-free, like the rest of the core.

pub mod export;
pub mod import;
pub mod layer;

pub use export::{PassimRecord, write_input};
pub use import::{Clusters, check_path, read_clusters};
pub use layer::{aligned_pair, passage_index};

use crate::analysis::{Analysis, Config, Stage};
use crate::corpus::Corpus;

/// Why passim data could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum PassimError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: neither a folder nor a regular file (passim writes an output folder)")]
    NotRegular { path: String },
    #[error("{path}: too large ({size} bytes; the limit is {limit})")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: no passim output records (JSON lines with cluster, id, begin and end)")]
    NoRecords { path: String },
    #[error(transparent)]
    Write(#[from] crate::fsio::WriteError),
}

/// The analysis of a corpus with passim's clusters as its shared-passage layer: entities
/// and quotes as usual, passages from `clusters` (their labels, quote marks and speakers
/// read off this corpus). Calls `progress` after each stage, like
/// [`crate::analysis::analyse_with_progress`].
pub fn analyse_with_progress(
    corpus: &Corpus,
    _config: &Config,
    clusters: &Clusters,
    progress: impl Fn(Stage) + Sync,
) -> Analysis {
    crate::analysis::analyse_with_passages(
        corpus,
        progress,
        || (),
        |(), quotes, _| (passage_index(corpus, clusters, quotes), None),
    )
}

/// The analysis with passim's clusters when given, parallax's own otherwise.
pub fn analyse_maybe(
    corpus: &Corpus,
    config: &Config,
    clusters: Option<&Clusters>,
    progress: impl Fn(Stage) + Sync,
) -> Analysis {
    match clusters {
        Some(c) => analyse_with_progress(corpus, config, c, progress),
        None => crate::analysis::analyse_with_progress(corpus, config, progress),
    }
}
