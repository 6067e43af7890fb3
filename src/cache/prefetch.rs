//! The cached analysis of a corpus read and decoded on a thread of its own while the corpus
//! loads: a reopen wants both at once, and the decode (tens of megabytes at 100,000
//! articles) would else wait for the files. Which analysis is the right one is only known
//! once the files are (its fingerprint): the one stored for the corpus is decoded on the
//! chance that it is, and dropped when it is not.

use std::path::Path;
use std::thread::JoinHandle;

use super::CacheError;
use super::codec;
use super::keys::CorpusKey;
use super::store;
use crate::analysis::Analysis;

/// What the thread found: the stored analysis's fingerprint and its decoding.
type Found = Option<(i64, Result<Analysis, CacheError>)>;

/// An analysis being decoded ahead.
#[derive(Debug)]
pub(super) struct Prefetch(JoinHandle<Result<Found, CacheError>>);

impl Prefetch {
    /// Starts reading the analysis stored for `corpus` in the database at `db`.
    pub fn start(db: &Path, corpus: CorpusKey) -> Prefetch {
        let db = db.to_path_buf();
        Prefetch(std::thread::spawn(move || {
            let found = store::stored_analysis(&db, corpus)?;
            Ok(found.map(|(fp, blob)| (fp, codec::open::<Analysis>(&blob))))
        }))
    }

    /// The analysis stored under `fingerprint`: `Some(None)` when the stored one is another
    /// (or there is none), `None` when the thread could not tell (read it the usual way).
    pub fn take(self, fingerprint: i64) -> Option<Option<Result<Analysis, CacheError>>> {
        match self.0.join() {
            Ok(Ok(Some((fp, decoded)))) => Some((fp == fingerprint).then_some(decoded)),
            Ok(Ok(None)) => Some(None),
            _ => None,
        }
    }
}
