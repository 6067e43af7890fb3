//! The pipeline as a stream of events, for a caller that shows each step as it comes (the
//! reader, on its worker thread): the corpus as soon as it is listed and loaded, a cached
//! analysis before the bodies it was made from are read, then the bodies, checked against
//! it, and the analysis computed again only when it no longer fits.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{Pipeline, Request, open_in};
use crate::analysis::{Analysis, Config, Stage};
use crate::cache::{self, Bodies};
use crate::corpus::{Corpus, LoadProblem};
use crate::passim::Clusters;

/// One step of [`run`].
#[derive(Debug)]
pub enum Event {
    /// Files loaded of those listed (0 of 0 while listing).
    Loading { done: usize, total: usize },
    /// The corpus, with the problems met loading it. A corpus reopened from the cache comes
    /// without its bodies ([`crate::corpus::Article::body_pending`]): [`Event::Bodies`]
    /// follows.
    Corpus(Arc<Corpus>, Vec<LoadProblem>),
    /// The same corpus with its bodies read, and whether the analysis sent before still
    /// fits it.
    Bodies(Arc<Corpus>, Fit),
    /// passim's clusters, the passages' origin (their problems come as warnings).
    Passim(Arc<Clusters>),
    /// An analysis stage finished.
    Stage(Stage),
    /// The analysis of the corpus given with it.
    Analysis(Arc<Corpus>, Analysis),
    /// Warnings (the cache's, passim's), one line each.
    Warnings(Vec<String>),
    /// The analysis cannot be made (passim's output could not be read).
    Failed(String),
}

/// Whether the cached analysis fits the bodies once they are read (checked in full, see
/// [`crate::cache::check_analysis`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// It does (or there was none yet): it stands.
    Fits,
    /// It does not: it is dropped, and computed again (stages, then
    /// [`Event::Analysis`], follow).
    Stale,
}

/// Runs the pipeline for `request`, sending each step to `sink` as it is done.
pub fn run(request: &Request, config: &Config, sink: &(dyn Fn(Event) + Sync)) {
    let dir = request
        .use_cache
        .then(|| crate::dirs::cache_dir().ok_or(cache::CacheError::NoDirectory));
    run_in(request, dir, config, sink);
}

/// [`run`] with the cache in `dir` (`None`: no cache).
pub fn run_in(
    request: &Request,
    dir: Option<Result<std::path::PathBuf, cache::CacheError>>,
    config: &Config,
    sink: &(dyn Fn(Event) + Sync),
) {
    let loading = |e: cache::Event| {
        let (done, total) = match e {
            cache::Event::Listed(total) => (0, total),
            cache::Event::Loaded { done, total } => (done, total),
        };
        sink(Event::Loading { done, total });
    };
    let start = Instant::now();
    let mut p = open_in(request, dir, Bodies::Later, &loading);
    let (corpus, problems) = p.take_loaded();
    let corpus = Arc::new(corpus);
    tracing::info!(
        articles = corpus.len(),
        problems = problems.len(),
        took = ?start.elapsed(),
        "corpus loaded"
    );
    sink(Event::Corpus(Arc::clone(&corpus), problems));
    if !corpus.is_empty() {
        analyse(&mut p, request, corpus, config, sink);
    }
    sink(Event::Warnings(std::mem::take(&mut p.opened.warnings)));
}

/// The analysis of `corpus`: with passim's clusters when asked (read on the corpus with its
/// bodies), else the cached one at once when there is one, checked again once the bodies
/// are in.
fn analyse(
    p: &mut Pipeline,
    request: &Request,
    corpus: Arc<Corpus>,
    config: &Config,
    sink: &(dyn Fn(Event) + Sync),
) {
    if request.passim.is_some() {
        let corpus = bodies(p, corpus, sink);
        match p.read_passim(request, &corpus) {
            Ok(Some(clusters)) => {
                sink(Event::Warnings(clusters.problems.clone()));
                sink(Event::Passim(clusters));
            }
            Ok(None) => {}
            Err(e) => return sink(Event::Failed(e.to_string())),
        }
        return computed(p, corpus, config, sink);
    }
    let Some(cached) = p.opened.cached_analysis(&corpus, config) else {
        let corpus = bodies(p, corpus, sink);
        return computed(p, corpus, config, sink);
    };
    tracing::info!("analysis read from the cache");
    sink(Event::Analysis(Arc::clone(&corpus), cached));
    if !p.opened.bodies_pending() {
        return;
    }
    let mut full = (*corpus).clone();
    drop(corpus);
    p.opened.fill_bodies(&mut full);
    // Checked against the text in full (the caller has the first copy: a second decode
    // off the screen's path is cheaper than a copy on it).
    if p.opened.cached_analysis(&full, config).is_some() {
        tracing::info!("bodies loaded, the analysis fits them");
        return sink(Event::Bodies(Arc::new(full), Fit::Fits));
    }
    let full = Arc::new(full);
    sink(Event::Bodies(Arc::clone(&full), Fit::Stale));
    computed(p, full, config, sink);
}

/// The analysis found or computed through the cache, each stage reported.
fn computed(p: &mut Pipeline, corpus: Arc<Corpus>, config: &Config, sink: &(dyn Fn(Event) + Sync)) {
    let start = Instant::now();
    let lap = Mutex::new(Instant::now());
    let analysis = p.analysis(&corpus, config, |stage| {
        let took = lap
            .lock()
            .map(|mut at| std::mem::replace(&mut *at, Instant::now()).elapsed())
            .unwrap_or_default();
        tracing::info!(?stage, ?took, "analysis stage done");
        sink(Event::Stage(stage));
    });
    tracing::info!(took = ?start.elapsed(), "analysis done");
    sink(Event::Analysis(corpus, analysis));
}

/// `corpus` with its bodies: read now, and sent, when some were pending.
fn bodies(p: &mut Pipeline, corpus: Arc<Corpus>, sink: &(dyn Fn(Event) + Sync)) -> Arc<Corpus> {
    if !p.opened.bodies_pending() {
        return corpus;
    }
    let start = Instant::now();
    let mut full = (*corpus).clone();
    drop(corpus);
    p.opened.fill_bodies(&mut full);
    tracing::info!(took = ?start.elapsed(), "bodies loaded");
    let full = Arc::new(full);
    sink(Event::Bodies(Arc::clone(&full), Fit::Fits));
    full
}
