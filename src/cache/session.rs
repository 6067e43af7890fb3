//! Loading a corpus through the cache. Every listed file is stat'ed while the corpus's
//! snapshot is read; when the listing and the stats are those the snapshot was made for, the
//! corpus is the snapshot (`super::snapshot`), else it is loaded through the per-file rows
//! (`super::rows`: unchanged files from their rows, the others read and parsed) and the
//! snapshot written again. The bodies are read at once ([`Bodies::Now`]) or when the caller
//! asks ([`Bodies::Later`], see `super::bodies`). The analysis is found or stored by
//! `super::stored`.

use std::path::PathBuf;

use rayon::prelude::*;

use super::CacheError;
use super::bodies::Deferred;
use super::codec;
use super::keys::{self, Stat};
use super::prefetch::Prefetch;
use super::rows::load_through;
use super::snapshot::{self, Restored, Snapshot};
use super::store::Cache;
use crate::corpus::{self, Listing, Loaded};

/// Progress of [`open_corpus`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The paths are listed: this many files to load.
    Listed(usize),
    /// This many of the listed files are loaded (from the cache or from disk).
    Loaded { done: usize, total: usize },
}

/// When the bodies of files taken from the cache are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Before [`open_corpus`] returns: every article has its body.
    Now,
    /// When the caller asks ([`Opened::fill_bodies`]): articles from the cache come with an
    /// empty body (see [`crate::corpus::Article::body_pending`]), so that a reopen shows the
    /// library after reading only the metadata. Files read from disk have their bodies.
    /// The cached analysis is decoded meanwhile, on another thread (the reader wants it at
    /// once; see [`Opened::cached_analysis`]).
    Later,
}

/// How often (in files) loading reports progress.
pub(super) const PROGRESS_EVERY: usize = 512;

/// A loaded corpus, and the cache it came through (when there is one).
#[derive(Debug)]
pub struct Opened {
    pub loaded: Loaded,
    /// Cache failures, one line each: the caller prints them (they never stop a load).
    pub warnings: Vec<String>,
    /// Files taken from the cache without being read, and files read from disk.
    pub from_cache: usize,
    pub from_disk: usize,
    pub(super) session: Option<Session>,
    /// Files whose bodies are still in the cache, in corpus order.
    pub(super) deferred: Vec<Deferred>,
    /// The cached analysis being decoded ahead ([`Bodies::Later`]).
    pub(super) prefetch: Option<Prefetch>,
}

/// What the analysis half needs of the cache.
#[derive(Debug)]
pub(super) struct Session {
    pub(super) cache: Cache,
    pub(super) corpus: keys::CorpusKey,
    /// Path and content hash of every file read, in corpus order.
    pub(super) files: Vec<(PathBuf, u64)>,
}

/// Loads the corpus under `paths` (the seeds when empty, without a cache), through the cache
/// in [`crate::dirs::cache_dir`] unless `use_cache` is false, reporting progress; `bodies`
/// says whether cached bodies are read now or later.
pub fn open_corpus(
    paths: &[PathBuf],
    use_cache: bool,
    bodies: Bodies,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    let dir = use_cache.then(|| crate::dirs::cache_dir().ok_or(CacheError::NoDirectory));
    open_corpus_in(paths, dir, bodies, progress)
}

/// [`open_corpus`] with the cache in `dir` (`None`: no cache).
pub fn open_corpus_in(
    paths: &[PathBuf],
    dir: Option<Result<PathBuf, CacheError>>,
    bodies: Bodies,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    let mut o = open_metadata(paths, dir, bodies == Bodies::Later, progress);
    if bodies == Bodies::Now {
        let mut corpus = std::mem::take(&mut o.loaded.corpus);
        o.fill_bodies(&mut corpus);
        o.loaded.corpus = corpus;
    }
    o
}

/// [`open_corpus_in`] with the bodies of cached files left for later; with `prefetch`, the
/// cached analysis is decoded meanwhile.
fn open_metadata(
    paths: &[PathBuf],
    dir: Option<Result<PathBuf, CacheError>>,
    prefetch: bool,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    if paths.is_empty() {
        let loaded = corpus::load_seeds();
        let n = loaded.corpus.len();
        progress(Event::Loaded { done: n, total: n });
        return opened(loaded, Vec::new(), None);
    }
    let start = std::time::Instant::now();
    let mut warnings = Vec::new();
    let Some(cache) = dir.and_then(|dir| open_cache(dir, &mut warnings)) else {
        let listing = corpus::list_paths(paths);
        progress(Event::Listed(listing.files.len()));
        return without_cache(listing, warnings, progress);
    };
    let corpus_key = keys::corpus_key(paths);
    let prefetch = prefetch.then(|| Prefetch::start(cache.path(), corpus_key));
    let (joined, listing, stats) = read_and_list(cache, corpus_key, paths, start, progress);
    let Some((cache, snap)) = joined else {
        warnings.push("cache: reading it failed; going on without it".to_string());
        return without_cache(listing, warnings, progress);
    };
    let fp = snapshot::stat_fingerprint(&listing.files, &stats);
    let snap = snap.and_then(|(stored, s)| s.ok().filter(|_| stored == fp));
    let restored = snap.and_then(|s| s.restore(listing.name.clone(), listing.problems.clone()));
    let mut o = match restored {
        Some(restored) => {
            let session = (cache, corpus_key);
            from_snapshot(restored, session, listing.files.len(), warnings, progress)
        }
        None => through_rows(cache, corpus_key, (listing, &stats, fp), warnings, progress),
    };
    tracing::debug!(took = ?start.elapsed(), "corpus assembled");
    o.prefetch = prefetch;
    o
}

/// The cache's snapshot of `corpus_key` as stored: its stat fingerprint and decoded form.
type Found = Option<(i64, Result<Snapshot, CacheError>)>;

/// Reads and decodes the snapshot (one thread: SQLite), on the chance that no file changed,
/// while the files are listed and stat'ed (the others). The cache comes back unless its
/// thread failed.
fn read_and_list(
    cache: Cache,
    corpus_key: keys::CorpusKey,
    paths: &[PathBuf],
    start: std::time::Instant,
    progress: &(dyn Fn(Event) + Sync),
) -> (Option<(Cache, Found)>, Listing, Vec<Option<Stat>>) {
    std::thread::scope(|s| {
        let snapshot = s.spawn(move || {
            let found = cache.snapshot(corpus_key).ok().flatten();
            let snap = found.map(|(fp, blob)| (fp, codec::open::<Snapshot>(&blob)));
            tracing::debug!(took = ?start.elapsed(), "snapshot read");
            (cache, snap)
        });
        let listing = corpus::list_paths(paths);
        progress(Event::Listed(listing.files.len()));
        let stats = listing
            .files
            .par_iter()
            .map(|(p, _)| keys::stat(p))
            .collect::<Vec<_>>();
        tracing::debug!(took = ?start.elapsed(), "files listed and stat'ed");
        (snapshot.join().ok(), listing, stats)
    })
}

/// The corpus restored from its snapshot, all `total` listed files counted as loaded; the
/// session keeps the cache for the bodies and the analysis.
fn from_snapshot(
    restored: Restored,
    (cache, corpus): (Cache, keys::CorpusKey),
    total: usize,
    warnings: Vec<String>,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    progress(Event::Loaded { done: total, total });
    let mut o = opened(restored.loaded, warnings, None);
    o.from_cache = restored.files.len();
    o.from_disk = total.saturating_sub(o.from_cache);
    o.deferred = restored.deferred;
    o.session = Some(Session {
        cache,
        corpus,
        files: restored.files,
    });
    o
}

/// Opens the cache in `dir`; a failure is a warning.
fn open_cache(dir: Result<PathBuf, CacheError>, warnings: &mut Vec<String>) -> Option<Cache> {
    match dir.and_then(|d| Cache::open_in(&d)) {
        Ok((cache, discarded)) => {
            if let Some(why) = discarded {
                warnings.push(format!("cache: discarded a bad cache ({why}); rebuilding"));
            }
            Some(cache)
        }
        Err(e) => {
            warnings.push(format!("cache: {e}; going on without it"));
            None
        }
    }
}

/// Loads `listing` from the files alone.
fn without_cache(
    listing: Listing,
    warnings: Vec<String>,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    let total = listing.files.len();
    let loaded = corpus::load_listing(listing);
    progress(Event::Loaded { done: total, total });
    opened(loaded, warnings, None)
}

/// Loads the listing (with its files' stats and their fingerprint) through the rows of
/// `corpus`, writes the rows that changed and a new snapshot.
fn through_rows(
    mut cache: Cache,
    corpus: keys::CorpusKey,
    (listing, stats, fp): (Listing, &[Option<Stat>], i64),
    mut warnings: Vec<String>,
    progress: &(dyn Fn(Event) + Sync),
) -> Opened {
    let rows = match cache.file_rows(corpus) {
        Ok(rows) => rows,
        Err(e) => {
            warnings.push(failure(cache, &e));
            return without_cache(listing, warnings, progress);
        }
    };
    let listed = listing.problems.len();
    let t = load_through(listing, rows, stats, progress);
    let changes = &t.changes;
    if !changes.changed.is_empty() || !changes.gone.is_empty() {
        if let Err(e) = cache.save_files(corpus, &changes.changed, &changes.gone) {
            warnings.push(format!("cache: could not save the parsed files: {e}"));
        }
    }
    let snap = codec::seal(&Snapshot::of(&t.loaded, listed, &t.files, &t.all));
    if let Err(e) = snap.and_then(|data| cache.save_snapshot(corpus, fp, &data)) {
        warnings.push(format!("cache: could not save the corpus: {e}"));
    }
    let mut o = opened(t.loaded, warnings, None);
    (o.from_cache, o.from_disk) = (t.changes.from_cache, t.changes.from_disk);
    o.deferred = t.deferred;
    o.session = Some(Session {
        cache,
        corpus,
        files: t.files,
    });
    o
}

fn opened(loaded: Loaded, warnings: Vec<String>, session: Option<Session>) -> Opened {
    Opened {
        loaded,
        warnings,
        from_cache: 0,
        from_disk: 0,
        session,
        deferred: Vec::new(),
        prefetch: None,
    }
}

/// The warning for a failed cache, which is discarded when it proved corrupt.
pub(super) fn failure(cache: Cache, e: &CacheError) -> String {
    if matches!(e, CacheError::Foreign(_)) {
        let _ = cache.discard();
        format!("cache: {e}; discarded, it will be rebuilt")
    } else {
        format!("cache: {e}; going on without it")
    }
}
