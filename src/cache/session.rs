//! Loading a corpus through the cache, then finding or storing its analysis.
//!
//! Every listed file is stat'ed; a file whose row agrees on size and mtime is taken from the
//! row (neither read nor parsed); any other file is read and hashed, and parsed only when
//! its bytes differ from the row's. The corpus is then assembled as without a cache (ids and
//! inferred years are corpus-wide, so they are always recomputed). A row holds the file's
//! metadata; its bodies are read at once ([`Bodies::Now`]) or when the caller asks
//! ([`Bodies::Later`], see [`super::bodies`]). The analysis is reused whole when the
//! fingerprint of the files matches, else recomputed and stored.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::CacheError;
use super::bodies::{Deferred, Slot};
use super::codec::{self, FileRecord};
use super::keys::{self, Stat};
use super::prefetch::Prefetch;
use super::snapshot::{self, Snapshot};
use super::store::{Cache, Cached, Row};
use crate::corpus::{self, FileLoad, Format, Listing, Loaded};

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
const PROGRESS_EVERY: usize = 512;

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

/// One listed file after the cache lookup.
struct Outcome {
    load: FileLoad,
    /// Path key and content hash, when the file was read (or known).
    key: Option<(Vec<u8>, u64)>,
    /// The row to write, when the file's row is new or changed.
    write: Option<Row>,
    cached: bool,
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
    // The snapshot is read (one thread: SQLite) and decoded, on the chance that no file
    // changed, while the files are listed and stat'ed (the others).
    let (joined, listing, stats) = std::thread::scope(|s| {
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
    });
    let Some((cache, snap)) = joined else {
        warnings.push("cache: reading it failed; going on without it".to_string());
        return without_cache(listing, warnings, progress);
    };
    let fp = snapshot::stat_fingerprint(&listing.files, &stats);
    let snap = snap.and_then(|(stored, s)| s.ok().filter(|_| stored == fp));
    let restored = snap.and_then(|s| s.restore(listing.name.clone(), listing.problems.clone()));
    let mut o = match restored {
        Some(restored) => {
            let total = listing.files.len();
            progress(Event::Loaded { done: total, total });
            let mut o = opened(restored.loaded, warnings, None);
            o.from_cache = restored.files.len();
            o.from_disk = total.saturating_sub(o.from_cache);
            o.deferred = restored.deferred;
            o.session = Some(Session {
                cache,
                corpus: corpus_key,
                files: restored.files,
            });
            o
        }
        None => through_rows(cache, corpus_key, (listing, &stats, fp), warnings, progress),
    };
    tracing::debug!(took = ?start.elapsed(), "corpus assembled");
    o.prefetch = prefetch;
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

/// What loading through the cache did, and the rows it leaves to write.
#[derive(Default)]
struct Changes {
    from_cache: usize,
    from_disk: usize,
    /// Rows new or changed.
    changed: Vec<(Vec<u8>, Row)>,
    /// Rows of files no longer listed (or no longer readable).
    gone: Vec<Vec<u8>>,
}

/// What [`load_through`] gives: the corpus, the path and hash of every file read, the files
/// whose bodies were left in the cache and (for the snapshot) every file's articles, and the
/// rows to write.
struct Through {
    loaded: Loaded,
    files: Vec<(PathBuf, u64)>,
    deferred: Vec<Deferred>,
    all: Vec<Deferred>,
    changes: Changes,
}

/// One listed file, its row (if any) and its stat.
struct Job<'a> {
    path: &'a Path,
    format: Format,
    key: Vec<u8>,
    row: Option<Cached>,
    stat: Option<Stat>,
}

/// Loads the listing with the cached `rows` of its corpus and the `stats` of its files
/// (in listing order). Also returns the path and hash of every file read, and the files
/// whose bodies were left in the cache.
fn load_through(
    listing: Listing,
    mut rows: HashMap<Vec<u8>, Cached>,
    stats: &[Option<Stat>],
    progress: &(dyn Fn(Event) + Sync),
) -> Through {
    let Listing {
        name,
        files,
        problems,
    } = listing;
    let total = files.len();
    // Each listed file takes its row; the rows left over are of files gone.
    let jobs: Vec<Job> = files
        .iter()
        .enumerate()
        .map(|(i, (path, format))| {
            let key = keys::path_key(path);
            let row = rows.remove(&key);
            // Stat'ed beside the database read; again here only if that thread failed.
            let stat = stats.get(i).copied().unwrap_or_else(|| keys::stat(path));
            Job {
                path,
                format: *format,
                key,
                row,
                stat,
            }
        })
        .collect();
    let mut changes = Changes {
        gone: rows.into_keys().collect(),
        ..Changes::default()
    };
    let done = AtomicUsize::new(0);
    let outcomes: Vec<Outcome> = jobs
        .into_par_iter()
        .map(|job| {
            let out = load_one(job);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n % PROGRESS_EVERY == 0 {
                progress(Event::Loaded { done: n, total });
            }
            out
        })
        .collect();
    progress(Event::Loaded { done: total, total });
    let mut hashes = Vec::new();
    let mut deferred = Vec::new();
    let mut all = Vec::new();
    // Where the next article that is not blank lands in the corpus (see `assemble`).
    let mut next = 0;
    let mut loads = Vec::with_capacity(outcomes.len());
    for ((path, format), o) in files.iter().zip(outcomes) {
        if o.cached {
            changes.from_cache += 1;
        } else {
            changes.from_disk += 1;
        }
        let (pending, every) = slots(&o.load, &mut next);
        match o.key {
            Some((key, hash)) => {
                let file = |slots| Deferred {
                    path: path.clone(),
                    format: *format,
                    key: key.clone(),
                    hash,
                    slots,
                };
                if !pending.is_empty() {
                    deferred.push(file(pending));
                }
                if !every.is_empty() {
                    all.push(file(every));
                }
                if let Some(row) = o.write {
                    changes.changed.push((key, row));
                }
                hashes.push((path.clone(), hash));
            }
            // Unreadable now: its row (if any) goes.
            None => changes.gone.push(keys::path_key(path)),
        }
        loads.push(o.load);
    }
    let loaded = corpus::assemble(name, loads, problems);
    Through {
        loaded,
        files: hashes,
        deferred,
        all,
        changes,
    }
}

/// The articles of `load` whose bodies are pending, and all of them (for the snapshot),
/// with where they land in the corpus: `assemble` keeps every article that is not blank,
/// in order, from index `*next` on.
fn slots(load: &FileLoad, next: &mut usize) -> (Vec<Slot>, Vec<Slot>) {
    let (mut pending, mut all) = (Vec::new(), Vec::new());
    for (slot, p) in load.articles.iter().enumerate() {
        if p.is_blank() {
            continue;
        }
        let s = Slot {
            slot,
            article: *next,
            len: p.body_pending.unwrap_or(p.parsed.body.len()),
        };
        if p.body_pending.is_some() {
            pending.push(s);
        }
        all.push(s);
        *next += 1;
    }
    (pending, all)
}

/// One file through the cache: from its row when the stat agrees, else read (and parsed
/// unless the bytes are the row's).
fn load_one(job: Job<'_>) -> Outcome {
    let Job {
        path,
        format,
        key,
        row,
        stat,
    } = job;
    let row = match row.map(|c| {
        let record = c.record();
        (c, record)
    }) {
        Some((c, Ok(record))) if Some(c.stat) == stat => {
            return Outcome {
                load: record.into_load(path),
                key: Some((key, c.hash)),
                write: None,
                cached: true,
            };
        }
        other => other,
    };
    let bytes = match corpus::read_listed(path, format) {
        Ok(bytes) => bytes,
        Err(problem) => {
            return Outcome {
                load: FileLoad {
                    articles: Vec::new(),
                    problems: vec![problem],
                },
                key: None,
                write: None,
                cached: false,
            };
        }
    };
    let hash = keys::content_hash(&bytes);
    let stat = stat.unwrap_or(Stat { size: 0, mtime: 0 });
    // Touched, not changed: the row's parse stands, under the new stat.
    if let Some((c, Ok(record))) = row
        && c.hash == hash
        && c.stat.size == bytes.len() as u64
    {
        // Only the metadata row is rewritten (same record, new stat): the bodies row stays.
        let write = Some(Row {
            stat,
            hash,
            data: c.data,
            bodies: None,
        });
        return Outcome {
            load: record.into_load(path),
            key: Some((key, hash)),
            write,
            cached: true,
        };
    }
    let load = corpus::parse_listed(path, &bytes, format);
    let (record, bodies) = FileRecord::of(&load);
    let write = match (codec::seal(&record), codec::seal(&bodies)) {
        (Ok(data), Ok(bodies)) => Some(Row {
            stat,
            hash,
            data,
            bodies: Some(bodies),
        }),
        _ => None,
    };
    Outcome {
        load,
        key: Some((key, hash)),
        write,
        cached: false,
    }
}
