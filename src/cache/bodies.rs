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
        let rows = match &self.session {
            Some(s) => s.cache.body_rows(s.corpus),
            None => Ok(Default::default()),
        };
        let mut rows = rows.unwrap_or_else(|e| {
            self.fail(e);
            Default::default()
        });
        let jobs: Vec<(Deferred, Option<Vec<u8>>)> = deferred
            .into_iter()
            .map(|d| {
                let blob = rows.remove(&d.key);
                (d, blob)
            })
            .collect();
        drop(rows);
        let filled: Vec<Filled> = jobs
            .into_par_iter()
            .map(|(d, blob)| fill_one(&d, blob))
            .collect();
        let mut repairs = Vec::new();
        for f in filled {
            for (article, body) in f.bodies {
                if let Some(a) = corpus.articles.get_mut(article) {
                    a.body = body;
                    a.body_pending = None;
                }
            }
            repairs.extend(f.repair);
            self.warnings.extend(f.warning);
        }
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
