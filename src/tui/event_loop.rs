//! The event loop: draw, wait for a key (or resize) with a timeout, turn it into an action
//! through the keymap, update; drain the actions the worker sends back. The worker runs the
//! pipeline ([`crate::pipeline::run`]: load through the cache, analyse), so the first frame
//! is drawn at once. No async runtime: one worker thread and a channel; each alignment the
//! compare screen asks for ([`App::compare_jobs`]) runs on a thread of its own and comes
//! back on a second channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::action::Action;
use super::app::{App, Indexed};
use super::terminal::Term;
use super::update::update;
use super::view::view;
use crate::analysis::Config;
use crate::pipeline::Event as Step;

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

/// What the worker runs: the pipeline ([`crate::pipeline`]) for this request.
pub type Job = crate::pipeline::Request;

/// Starts `job` on a worker thread; its progress and results come back as actions.
fn spawn(job: Job, config: Config) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let sink = |e: Step| {
            let _ = tx.send(action_of(e));
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            crate::pipeline::run(&job, &config, &sink)
        }));
        if let Err(payload) = result {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "internal error".to_string());
            let _ = tx.send(Action::AnalysisFailed(why));
        }
    });
    rx
}

/// The action a step of the pipeline is to the app. An analysis comes with its indexes,
/// built here, on the worker: the screen's thread only installs them.
fn action_of(e: Step) -> Action {
    match e {
        Step::Loading { done, total } => Action::Loading { done, total },
        Step::Corpus(corpus, problems) => Action::CorpusLoaded(corpus, problems),
        Step::Bodies(corpus, fit) => Action::BodiesLoaded(corpus, fit),
        Step::Passim(clusters) => Action::Passim(clusters),
        Step::Stage(stage) => Action::AnalysisProgress(stage),
        Step::Analysis(corpus, analysis) => {
            let start = Instant::now();
            let indexed = Indexed::build(&corpus, analysis);
            tracing::info!(took = ?start.elapsed(), "indexes built");
            Action::AnalysisIndexed(Box::new(indexed))
        }
        Step::Warnings(w) => Action::Warnings(w),
        Step::Failed(why) => Action::AnalysisFailed(why),
    }
}
