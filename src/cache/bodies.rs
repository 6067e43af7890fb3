//! Reading the bodies a reopen left in the cache ([`super::Bodies::Later`]): the sealed rows
//! are copied out of the database on one thread and decoded on the others. A file whose row
//! is missing, damaged or not its metadata's (another count or length of bodies) is read and
//! parsed again, and its row repaired.

use std::path::PathBuf;

use rayon::prelude::*;

use super::codec::{self, FileBodies};
use super::keys;
use super::session::Opened;
use crate::corpus::{self, ArticleIdx, Corpus, Format};

/// A file whose bodies are still in the cache.
#[derive(Debug)]
pub(super) struct Deferred {
    pub path: PathBuf,
    pub format: Format,
    /// Its row's key and content hash.
    pub key: Vec<u8>,
    pub hash: u64,
    /// Its articles waiting for a body.
    pub slots: Vec<Slot>,
}

/// One article waiting for its body.
#[derive(Debug, Clone, Copy)]
pub(super) struct Slot {
    /// Position among the file's articles (its bodies row has one body per article).
    pub slot: usize,
    /// Position in the corpus.
    pub article: ArticleIdx,
    /// Length the metadata recorded.
    pub len: usize,
}

/// Files whose rows are read and decoded at a time.
const CHUNK: usize = 1024;

/// What filling has done so far.
#[derive(Default)]
struct Done {
    repairs: Vec<(Vec<u8>, Vec<u8>)>,
    warnings: Vec<String>,
}

impl Done {
    /// Puts the bodies of `filled` into `corpus`.
    fn apply(&mut self, corpus: &mut Corpus, filled: Vec<Filled>) {
        for f in filled {
            for (article, body) in f.bodies {
                if let Some(a) = corpus.articles.get_mut(article) {
                    a.body = body;
                    a.body_pending = None;
                }
            }
            self.repairs.extend(f.repair);
            self.warnings.extend(f.warning);
        }
    }
}

/// What one deferred file yields.
struct Filled {
    bodies: Vec<(ArticleIdx, String)>,
    /// A bodies row to write again (sealed), when it was missing or damaged.
    repair: Option<(Vec<u8>, Vec<u8>)>,
    warning: Option<String>,
}

impl Opened {
    /// Whether some articles of the loaded corpus still wait for their bodies.
    pub fn bodies_pending(&self) -> bool {
        !self.deferred.is_empty()
    }

    /// Puts the pending bodies into `corpus` (the loaded one, perhaps moved out of
    /// [`Opened::loaded`]): from the cache, or from the files themselves when their rows
    /// fail. Afterwards every article has its body (an empty one if its file could not be
    /// read again: the caller's check of the analysis then fails). Only the first call
    /// does anything.
    pub fn fill_bodies(&mut self, corpus: &mut Corpus) {
        let deferred = std::mem::take(&mut self.deferred);
        if deferred.is_empty() {
            return;
        }
        let mut waiting: rustc_hash::FxHashMap<Vec<u8>, Deferred> =
            deferred.into_iter().map(|d| (d.key.clone(), d)).collect();
        let mut done = Done::default();
        // Rows are read a chunk at a time and decoded in parallel, so that the copies out
        // of the database never add up to the whole text.
        let read = self.session.as_ref().map(|s| {
            s.cache.body_rows_each(s.corpus, CHUNK, |chunk| {
                let jobs: Vec<(Deferred, Vec<u8>)> = chunk
                    .into_iter()
                    .filter_map(|(key, blob)| Some((waiting.remove(&key)?, blob)))
                    .collect();
                let filled: Vec<Filled> = jobs
                    .into_par_iter()
                    .map(|(d, blob)| fill_one(&d, Some(blob)))
                    .collect();
                done.apply(corpus, filled);
            })
        });
        if let Some(Err(e)) = read {
            self.fail(e);
        }
        // Files without a (readable) row: read again.
        let rest: Vec<Filled> = waiting
            .into_par_iter()
            .map(|(_, d)| fill_one(&d, None))
            .collect();
        done.apply(corpus, rest);
        self.warnings.extend(done.warnings);
        let repairs = done.repairs;
        for a in &mut corpus.articles {
            a.body_pending = None;
        }
        if repairs.is_empty() {
            return;
        }
        if let Some(s) = self.session.as_mut() {
            if let Err(e) = s.cache.save_bodies(s.corpus, &repairs) {
                self.fail(e);
            }
        }
    }
}

/// The bodies of one file: from its sealed row when that fits the metadata, else read and
/// parsed from the file again.
fn fill_one(d: &Deferred, blob: Option<Vec<u8>>) -> Filled {
    let decoded = blob.and_then(|b| codec::open::<FileBodies>(&b).ok());
    if let Some(bodies) = decoded.filter(|b| fits(d, b)) {
        return Filled {
            bodies: take(d, bodies),
            repair: None,
            warning: None,
        };
    }
    let changed = || {
        format!(
            "cache: {} changed while it was opened; open it again to see the change",
            d.path.display()
        )
    };
    let bytes = match corpus::read_listed(&d.path, d.format) {
        Ok(bytes) => bytes,
        Err(_) => {
            return Filled {
                bodies: Vec::new(),
                repair: None,
                warning: Some(changed()),
            };
        }
    };
    let same = keys::content_hash(&bytes) == d.hash;
    let load = corpus::parse_listed(&d.path, &bytes, d.format);
    let bodies: FileBodies = load.articles.into_iter().map(|p| p.parsed.body).collect();
    let repair = same
        .then(|| codec::seal(&bodies).ok())
        .flatten()
        .map(|sealed| (d.key.clone(), sealed));
    Filled {
        warning: (!same || !fits(d, &bodies)).then(changed),
        bodies: take(d, bodies),
        repair,
    }
}

/// Whether `bodies` are those the metadata of `d` describes.
fn fits(d: &Deferred, bodies: &FileBodies) -> bool {
    d.slots
        .iter()
        .all(|s| bodies.get(s.slot).is_some_and(|b| b.len() == s.len))
}

/// The bodies of the pending articles of `d`, by corpus position (those missing are left
/// out: the article keeps an empty body).
fn take(d: &Deferred, mut bodies: FileBodies) -> Vec<(ArticleIdx, String)> {
    d.slots
        .iter()
        .filter_map(|s| Some((s.article, std::mem::take(bodies.get_mut(s.slot)?))))
        .collect()
}
