//! Loading a listing through the per-file rows of the cache: every file whose row agrees
//! on its stat (see [`super::keys`]) is taken from the row (neither read nor parsed); any other file is read
//! and hashed, and parsed only when its bytes differ from the row's. Used when the corpus's
//! snapshot does not match (a file was added, removed or touched), and to write it again.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::bodies::{Deferred, Slot};
use super::codec::{self, FileRecord};
use super::keys::{self, Stat};
use super::session::{Event, PROGRESS_EVERY};
use super::store::{Cached, Row};
use crate::corpus::{self, FileLoad, Format, Listing, Loaded};

/// One listed file after the cache lookup.
struct Outcome {
    load: FileLoad,
    /// Path key and content hash, when the file was read (or known).
    key: Option<(Vec<u8>, u64)>,
    /// The row to write, when the file's row is new or changed.
    write: Option<Row>,
    cached: bool,
}

/// What loading through the cache did, and the rows it leaves to write.
#[derive(Default)]
pub(super) struct Changes {
    pub from_cache: usize,
    pub from_disk: usize,
    /// Rows new or changed.
    pub changed: Vec<(Vec<u8>, Row)>,
    /// Rows of files no longer listed (or no longer readable).
    pub gone: Vec<Vec<u8>>,
}

/// What [`load_through`] gives: the corpus, the path and hash of every file read, the files
/// whose bodies were left in the cache and (for the snapshot) every file's articles, and the
/// rows to write.
pub(super) struct Through {
    pub loaded: Loaded,
    pub files: Vec<(PathBuf, u64)>,
    pub deferred: Vec<Deferred>,
    pub all: Vec<Deferred>,
    pub changes: Changes,
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
pub(super) fn load_through(
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
        Some((c, Ok(record))) if keys::STAT_IS_PROOF && Some(c.stat) == stat => {
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
    let stat = stat.unwrap_or_default();
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
