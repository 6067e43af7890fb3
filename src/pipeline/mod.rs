//! The one pipeline every surface goes through: open a corpus (through the cache), lay the
//! metadata the user states over it, read passim's clusters when asked, and find or compute
//! the analysis. The command line calls [`open`] and [`Pipeline::analysis`]; the reader
//! runs [`run`] on its worker and gets the same steps as [`Event`]s. Neither decides on its
//! own what to compute or to cache.
//!
//! The passage source is part of the analysis's cache key: an analysis made with passim's
//! clusters is cached under their digest, apart from parallax's own.
//!
//! UI-free, like the rest of the core.

mod events;
pub mod pair;

pub use events::{Event, Fit, run, run_in};

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::{self, Analysis, Config, Stage};
use crate::cache::{self, Bodies, Opened};
use crate::corpus::{Corpus, LoadProblem};
use crate::passim::Clusters;

/// What to open: the paths (the seeds when empty), whether through the cache, passim's
/// output to take the shared passages from, and the metadata the user states.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub paths: Vec<PathBuf>,
    pub use_cache: bool,
    pub passim: Option<PathBuf>,
    pub hints: crate::metadata::Hints,
}

/// Why a pipeline could not go on.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// passim's output could not be read.
    #[error("passim: {0}")]
    Passim(#[from] crate::passim::PassimError),
}

/// An opened corpus on its way to an analysis.
#[derive(Debug)]
pub struct Pipeline {
    pub opened: Opened,
    /// passim's clusters, when the request named passim's output.
    pub clusters: Option<Arc<Clusters>>,
}

/// Opens `request`'s corpus with the cache (reporting its progress), states the user's
/// metadata over it, and reads passim's clusters when asked. Loading never fails as a
/// whole (each problem is in `opened.loaded.problems`); unreadable passim output does.
pub fn open(
    request: &Request,
    bodies: Bodies,
    progress: &(dyn Fn(cache::Event) + Sync),
) -> Pipeline {
    let dir = request
        .use_cache
        .then(|| crate::dirs::cache_dir().ok_or(cache::CacheError::NoDirectory));
    open_in(request, dir, bodies, progress)
}

/// [`open`] with the cache in `dir` (`None`: no cache).
pub fn open_in(
    request: &Request,
    dir: Option<Result<PathBuf, cache::CacheError>>,
    bodies: Bodies,
    progress: &(dyn Fn(cache::Event) + Sync),
) -> Pipeline {
    let mut opened = cache::open_corpus_in(&request.paths, dir, bodies, progress);
    opened.state_metadata(&request.hints, &request.paths);
    Pipeline {
        opened,
        clusters: None,
    }
}

impl Pipeline {
    /// Reads passim's output named by `request` onto `corpus` (the loaded one, perhaps
    /// taken out of [`Opened::loaded`]): from now on it is the analysis's passage source,
    /// and part of its cache key.
    pub fn read_passim(
        &mut self,
        request: &Request,
        corpus: &Corpus,
    ) -> Result<Option<Arc<Clusters>>, PipelineError> {
        let Some(path) = &request.passim else {
            return Ok(None);
        };
        let clusters = Arc::new(crate::passim::read_clusters(path, corpus)?);
        self.opened.depend_on_passages(digest(&clusters));
        self.clusters = Some(Arc::clone(&clusters));
        Ok(Some(clusters))
    }

    /// The analysis of `corpus`: the cached one when it was made for these files, this
    /// build, `config` and this passage source, else computed (reporting each stage) and
    /// stored.
    pub fn analysis(
        &mut self,
        corpus: &Corpus,
        config: &Config,
        progress: impl Fn(Stage) + Sync,
    ) -> Analysis {
        let clusters = self.clusters.clone();
        self.opened.analysis_with(corpus, config, |c| {
            crate::passim::analyse_maybe(c, config, clusters.as_deref(), &progress)
        })
    }

    /// The entities of `corpus`: the cached analysis's when there is one, else extracted
    /// (without running, or storing, the rest of the analysis).
    pub fn entities(
        &mut self,
        corpus: &Corpus,
        config: &Config,
    ) -> analysis::entities::EntityIndex {
        match self.opened.cached_analysis(corpus, config) {
            Some(a) => a.entities,
            None => analysis::entities::extract(corpus),
        }
    }

    /// Takes the loaded corpus and its problems out of the pipeline.
    pub fn take_loaded(&mut self) -> (Corpus, Vec<LoadProblem>) {
        let loaded = std::mem::take(&mut self.opened.loaded);
        (loaded.corpus, loaded.problems)
    }
}

/// A digest of passim's clusters as placed on the corpus: the cache key of an analysis
/// made with them.
fn digest(clusters: &Clusters) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    "passim".hash(&mut h);
    for c in &clusters.clusters {
        c.id.hash(&mut h);
        for m in &c.members {
            (m.article, m.span.start, m.span.end).hash(&mut h);
        }
    }
    // never 0: 0 means "nothing stated" to the cache
    h.finish().max(1)
}

#[cfg(test)]
mod tests;
