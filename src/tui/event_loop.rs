//! The event loop: draw, wait for a key (or resize) with a timeout, turn it into an action
//! through the keymap, update; drain the actions the worker sends back. The worker loads
//! the corpus (through the cache) and analyses it, so the first frame is drawn at once. No async
//! runtime: one worker thread and a channel; each alignment the compare screen asks for
//! ([`App::compare_jobs`]) runs on a thread of its own and comes back on a second channel.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::action::{Action, Fit};
use super::app::{App, Indexed};
use super::terminal::Term;
use super::update::update;
use super::view::view;
use crate::analysis::{self, Config, Stage};
use crate::cache::{self, Bodies, Opened};
use crate::corpus::Corpus;
use crate::passim::{Clusters, analyse_maybe};

/// How long to wait for input before looking at the worker channel again, while the worker
/// runs: its results (the corpus, the analysis) are drawn at most this late.
const WORKER_TICK: Duration = Duration::from_millis(4);
/// How long to wait for input once the worker is done (only a signal is left to notice).
const TICK: Duration = Duration::from_millis(50);
/// Most events handled between two draws.
const MAX_BATCH: usize = 64;

/// Runs the app until it quits or `terminate` holds a signal's number, with `job` on the worker.
pub fn run(
    app: &mut App,
    terminal: &mut Term,
    terminate: &AtomicI32,
    job: Job,
) -> anyhow::Result<()> {
    let rx = spawn(job, app.config.clone());
    let (aligned_tx, aligned_rx) = channel();
    let mut worker = true;
    let mut dirty = true;
    while !app.quit && terminate.load(Ordering::Relaxed) == 0 {
        if dirty {
            terminal.draw(|f| view(app, f))?;
            dirty = false;
        }
        // Wait for one event, then take every event already queued before drawing again,
        // so a burst of keys (auto-repeat) never falls behind the screen.
        let busy = worker || !app.aligning.is_empty();
        let mut timeout = if busy { WORKER_TICK } else { TICK };
        let mut batch = 0;
        while batch < MAX_BATCH && !app.quit && event::poll(timeout)? {
            batch += 1;
            if let Some(action) = translate(app, event::read()?) {
                update(app, action);
                dirty = true;
            }
            if let Some(text) = app.clipboard.take() {
                copy(&text);
            }
            timeout = Duration::ZERO;
        }
        if matches!(app.stack.last(), Some(super::app::Screen::Reader(_))) {
            let read = app.reading.read.iter().filter(|r| **r).count();
            update(app, Action::Tick);
            dirty |= read != app.reading.read.iter().filter(|r| **r).count();
        }
        if worker {
            let (updated, alive) = drain(app, &rx);
            dirty |= updated;
            worker = alive;
        }
        start_compare_jobs(app, &aligned_tx);
        dirty |= drain(app, &aligned_rx).0;
    }
    Ok(())
}

/// Starts a thread for each pair the compare screen asked to align; its result comes back
/// as [`Action::Aligned`] (no shared passage, should the alignment fail).
fn start_compare_jobs(app: &mut App, tx: &Sender<Action>) {
    for (a, b) in std::mem::take(&mut app.compare_jobs) {
        let corpus = Arc::clone(&app.corpus);
        let config = app.config.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            let spans = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                super::links::align_job(&corpus, a, b, &config)
            }))
            .unwrap_or_default();
            let _ = tx.send(Action::Aligned { a, b, spans });
        });
    }
}

/// Applies every action the worker has sent; returns whether any was, and whether the
/// worker may still send more.
fn drain(app: &mut App, rx: &Receiver<Action>) -> (bool, bool) {
    let mut updated = false;
    loop {
        match rx.try_recv() {
            Ok(action) => {
                update(app, action);
                updated = true;
            }
            Err(TryRecvError::Empty) => return (updated, true),
            Err(TryRecvError::Disconnected) => return (updated, false),
        }
    }
}

/// Puts `text` on the clipboard: OSC 52 to the terminal, and the system's command too.
fn copy(text: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout();
    let _ = out.write_all(super::clipboard::osc52(text).as_bytes());
    let _ = out.flush();
    super::clipboard::system_copy(text);
}

/// The action a terminal event stands for, if any.
fn translate(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => app
            .keymap
            .action_for(app.context(), &key)
            .or_else(|| super::keymap::key_name(&key).map(Action::Unbound)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if app.mouse => super::mouse::action(&m),
        _ => None,
    }
}

/// What the worker does: list, load (through the cache unless `use_cache` is false) and
/// analyse the corpus under `paths` (the seeds when empty). With `passim` (`--passim OUT`),
/// passim's clusters are the shared passages instead of parallax's own.
#[derive(Debug, Clone)]
pub struct Job {
    pub paths: Vec<PathBuf>,
    pub use_cache: bool,
    pub passim: Option<PathBuf>,
    /// Metadata the user states (sidecars, a file-name pattern, folders as outlets).
    pub hints: crate::metadata::Hints,
}

/// Starts `job` on a worker thread; its progress and results come back as actions.
fn spawn(job: Job, config: Config) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let fail_tx = tx.clone();
        let result =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open_on(&job, &config, &tx)));
        if let Err(payload) = result {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "internal error".to_string());
            let _ = fail_tx.send(Action::AnalysisFailed(why));
        }
    });
    rx
}

fn analyse_on(corpus: &Corpus, config: &Config, passim: Option<&Path>, tx: &Sender<Action>) {
    let clusters = match passim_for(corpus, passim, tx) {
        Ok(c) => c,
        Err(why) => {
            let _ = tx.send(Action::AnalysisFailed(why));
            return;
        }
    };
    let start = Instant::now();
    let analysis = analyse_maybe(corpus, config, clusters.as_deref(), stage_reporter(tx));
    tracing::info!(took = ?start.elapsed(), "analysis done");
    send_analysis(tx, corpus, analysis);
}

/// passim's clusters over `corpus` when `--passim OUT` was given, handed to the app (its
/// problems as warnings); an unreadable OUT is the analysis's failure.
fn passim_for(
    corpus: &Corpus,
    path: Option<&Path>,
    tx: &Sender<Action>,
) -> Result<Option<Arc<Clusters>>, String> {
    let Some(path) = path else {
        return Ok(None);
    };
    let clusters =
        crate::passim::read_clusters(path, corpus).map_err(|e| format!("passim: {e}"))?;
    let _ = tx.send(Action::Warnings(clusters.problems.clone()));
    let clusters = Arc::new(clusters);
    let _ = tx.send(Action::Passim(Arc::clone(&clusters)));
    Ok(Some(clusters))
}

/// Sends each finished analysis stage to the app, and logs how long it took.
fn stage_reporter(tx: &Sender<Action>) -> impl Fn(Stage) + Sync + '_ {
    let lap = std::sync::Mutex::new(Instant::now());
    move |stage| {
        let took = lap
            .lock()
            .map(|mut at| std::mem::replace(&mut *at, Instant::now()).elapsed())
            .unwrap_or_default();
        tracing::info!(?stage, ?took, "analysis stage done");
        let _ = tx.send(Action::AnalysisProgress(stage));
    }
}

/// Loads the corpus with progress, hands it to the app, then finds or runs its analysis. A
/// reopened corpus comes from the cache without its bodies: its cached analysis (checked
/// against the bodies' lengths) is handed over first, then the bodies, checked in full.
fn open_on(job: &Job, config: &Config, tx: &Sender<Action>) {
    let passim = job.passim.as_deref();
    let progress = Mutex::new(tx.clone());
    let report = |e: cache::Event| {
        let (done, total) = match e {
            cache::Event::Listed(total) => (0, total),
            cache::Event::Loaded { done, total } => (done, total),
        };
        if let Ok(tx) = progress.lock() {
            let _ = tx.send(Action::Loading { done, total });
        }
    };
    let start = Instant::now();
    let mut opened = cache::open_corpus(&job.paths, job.use_cache, Bodies::Later, &report);
    opened.state_metadata(&job.hints, &job.paths);
    let loaded = std::mem::take(&mut opened.loaded);
    let corpus = Arc::new(loaded.corpus);
    tracing::info!(
        articles = corpus.len(),
        problems = loaded.problems.len(),
        took = ?start.elapsed(),
        "corpus loaded"
    );
    let _ = tx.send(Action::CorpusLoaded(Arc::clone(&corpus), loaded.problems));
    if !corpus.is_empty() && passim.is_some() {
        // passim's layer replaces the passages: the cached analysis does not apply.
        let corpus = bodies_on(&mut opened, corpus, Fit::Fits, tx);
        analyse_on(&corpus, config, passim, tx);
    } else if !corpus.is_empty() {
        analysis_on(&mut opened, corpus, config, tx);
    }
    let _ = tx.send(Action::Warnings(std::mem::take(&mut opened.warnings)));
}

/// The analysis of `corpus` through the cache: a cached one is handed over at once and
/// checked again once the bodies are in (recomputed if it does not fit them); else the
/// bodies are read first and the analysis computed.
fn analysis_on(opened: &mut Opened, corpus: Arc<Corpus>, config: &Config, tx: &Sender<Action>) {
    let start = Instant::now();
    let Some(cached) = opened.cached_analysis(&corpus, config) else {
        let corpus = bodies_on(opened, corpus, Fit::Fits, tx);
        let analysis = opened.analysis(&corpus, config, stage_reporter(tx));
        tracing::info!(took = ?start.elapsed(), "analysis done");
        send_analysis(tx, &corpus, analysis);
        return;
    };
    tracing::info!(took = ?start.elapsed(), "analysis read from the cache");
    send_analysis(tx, &corpus, cached);
    if !opened.bodies_pending() {
        return;
    }
    let mut full = (*corpus).clone();
    drop(corpus);
    opened.fill_bodies(&mut full);
    // Read again and checked against the text in full (the app has the first copy: a
    // second decode off the screen's path is cheaper than a copy on it).
    if opened.cached_analysis(&full, config).is_some() {
        tracing::info!(took = ?start.elapsed(), "bodies loaded, the analysis fits them");
        let _ = tx.send(Action::BodiesLoaded(Arc::new(full), Fit::Fits));
        return;
    }
    let full = Arc::new(full);
    let _ = tx.send(Action::BodiesLoaded(Arc::clone(&full), Fit::Stale));
    let analysis = analysis::analyse_with_progress(&full, config, stage_reporter(tx));
    opened.store_analysis(config, &analysis);
    send_analysis(tx, &full, analysis);
}

/// `corpus` with its bodies: read now and handed to the app when some were pending.
fn bodies_on(
    opened: &mut Opened,
    corpus: Arc<Corpus>,
    fit: Fit,
    tx: &Sender<Action>,
) -> Arc<Corpus> {
    if !opened.bodies_pending() {
        return corpus;
    }
    let start = Instant::now();
    let mut full = (*corpus).clone();
    drop(corpus);
    opened.fill_bodies(&mut full);
    tracing::info!(took = ?start.elapsed(), "bodies loaded");
    let full = Arc::new(full);
    let _ = tx.send(Action::BodiesLoaded(Arc::clone(&full), fit));
    full
}

/// Hands `analysis` of `corpus` to the app with its indexes, built here: the screen's
/// thread only installs them.
fn send_analysis(tx: &Sender<Action>, corpus: &Corpus, analysis: analysis::Analysis) {
    let start = Instant::now();
    let indexed = Indexed::build(corpus, analysis);
    tracing::info!(took = ?start.elapsed(), "indexes built");
    let _ = tx.send(Action::AnalysisIndexed(Box::new(indexed)));
}
