//! The analysis cache: an SQLite database in the user's cache directory
//! ([`crate::dirs::cache_dir`]) that keeps, per corpus, each file's parsed articles and the
//! corpus analysis, so that reopening an unchanged corpus reads neither files nor runs the
//! analysis.
//!
//! - [`schema`]: the database file, recognised as ours or discarded and rebuilt.
//! - [`keys`]: what identifies a file (path, size, mtime, content hash), a corpus and an
//!   analysis (a fingerprint of the files, the build and the config).
//! - [`codec`]: postcard blobs behind a checksum.
//! - [`store`]: the rows, read and written (one transaction per save).
//! - [`session`]: loading a corpus through the cache (its snapshot, else `rows`).
//! - `stored`: the analysis of an opened corpus, found (and checked) or computed and stored;
//!   `prefetch` decodes the cached one while the corpus loads, for the reader.
//! - `bodies`: the bodies a reopen leaves for later, read when the caller asks.
//! - `snapshot`: the assembled corpus in one value, for a reopen where no file changed.
//!
//! UI-free: the CLI and the TUI both call [`open_corpus`]. A cache that cannot be opened or
//! written is never an error: the caller gets a warning and goes on without it.

mod bodies;
pub mod codec;
pub mod keys;
mod prefetch;
mod rows;
pub mod schema;
pub mod session;
mod snapshot;
pub mod store;
mod stored;
mod validate;

#[cfg(test)]
mod tests;

pub use session::{Bodies, Event, Opened, open_corpus, open_corpus_in};
pub use store::Cache;
pub use validate::check as check_analysis;

/// The database file, in [`crate::dirs::cache_dir`].
pub const FILE_NAME: &str = "cache.sqlite3";

/// Why the cache could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// The platform has no cache directory (and `PARALLAX_CACHE_DIR` is not set).
    #[error("no cache directory")]
    NoDirectory,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The file is ours but of another schema version: it is replaced, quietly.
    #[error("schema version {0}, expected {expected}", expected = schema::SCHEMA_VERSION)]
    Outdated(i32),
    /// The file is not our database, or is damaged: it is discarded and rebuilt.
    #[error("not a valid parallax cache ({0})")]
    Foreign(String),
    /// A stored value could not be decoded (or encoded).
    #[error("bad cached value: {0}")]
    Codec(String),
}
