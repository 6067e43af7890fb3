//! The event loop: draw, then block on one channel that brings everything the app reacts
//! to ([`Msg`]): terminal events (read on a thread of their own), the worker's steps, each
//! compare alignment, and a signal. No timed poll: the loop sleeps until something
//! happens. The one timed wait is documented in [`reader_wait`]. The worker runs the
//! pipeline ([`crate::pipeline::run`]: load through the cache, analyse), so the first
//! frame is drawn at once; each alignment the compare screen asks for
//! ([`App::compare_jobs`]) runs on a thread of its own. No async runtime.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::action::Action;
use super::app::{App, Indexed, Screen};
use super::terminal::Term;
use super::update::update;
use super::view::view;
use crate::analysis::Config;
use crate::pipeline::Event as Step;

/// Most messages handled between two draws.
const MAX_BATCH: usize = 64;

/// What wakes the loop.
#[derive(Debug)]
pub enum Msg {
    /// A terminal event (a key, the mouse, a resize).
    Input(Event),
    /// The input thread stopped: the terminal can no longer be read.
    InputClosed(String),
    /// A message for the app from a worker (the pipeline, a compare job).
    App(Action),
    /// A signal asks the loop to quit (the flag says which).
    Signal,
}

/// The channel of [`Msg`]s: made before the loop so that the signal watcher can wake it.
pub fn messages() -> (Sender<Msg>, Receiver<Msg>) {
    channel()
}

/// Runs the app until it quits or `terminate` holds a signal's number, with `job` on the
/// worker; `tx`/`rx` is the channel made by [`messages`].
pub fn run(
    app: &mut App,
    terminal: &mut Term,
    terminate: &AtomicI32,
    job: Job,
    (tx, rx): (Sender<Msg>, Receiver<Msg>),
) -> anyhow::Result<()> {
    spawn(job, app.config.clone(), tx.clone());
    spawn_input(tx.clone());
    let mut dirty = true;
    while !app.quit && terminate.load(Ordering::Relaxed) == 0 {
        if dirty {
            terminal.draw(|f| view(app, f))?;
        }
        let first = match reader_wait(app) {
            Some(wait) => match rx.recv_timeout(wait) {
                Ok(msg) => Some(msg),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => break,
            },
            None => match rx.recv() {
                Ok(msg) => Some(msg),
                Err(_) => break,
            },
        };
        dirty = false;
        // Take every message already queued before drawing again, so that a burst of keys
        // (auto-repeat) never falls behind the screen.
        for msg in first.into_iter().chain(rx.try_iter().take(MAX_BATCH)) {
            dirty |= handle(app, msg)?;
            if app.quit {
                break;
            }
        }
        dirty |= note_reading(app);
        start_compare_jobs(app, &tx);
    }
    Ok(())
}

/// Applies one message; returns whether the screen may have changed.
fn handle(app: &mut App, msg: Msg) -> anyhow::Result<bool> {
    match msg {
        Msg::Input(ev) => {
            let Some(action) = translate(app, ev) else {
                return Ok(false);
            };
            update(app, action);
            if let Some(text) = app.clipboard.take() {
                copy(&text);
            }
            Ok(true)
        }
        Msg::App(action) => {
            update(app, action);
            Ok(true)
        }
        Msg::InputClosed(why) => anyhow::bail!("reading the terminal: {why}"),
        Msg::Signal => Ok(false),
    }
}

/// How long the loop may sleep: for ever, except while the reader shows an article not yet
/// counted as read, which is counted once it has been open for `read_after` (the one timed
/// wait of the loop, at most once per article).
fn reader_wait(app: &App) -> Option<Duration> {
    let Some(Screen::Reader(r)) = app.stack.last() else {
        return None;
    };
    let since = r.opened_at?;
    if app.reading.read.get(r.article) != Some(&false) {
        return None;
    }
    let open = app.reading.clock.now().saturating_duration_since(since);
    Some(app.reading.read_after.saturating_sub(open))
}

/// Counts the article open in the reader as read when its time has come; returns whether
/// that changed anything on screen.
fn note_reading(app: &mut App) -> bool {
    if !matches!(app.stack.last(), Some(Screen::Reader(_))) {
        return false;
    }
    let read = app.reading.read.iter().filter(|r| **r).count();
    update(app, Action::Tick);
    read != app.reading.read.iter().filter(|r| **r).count()
}

/// Reads terminal events on a thread of its own and sends each to the loop; stops when the
/// loop is gone or the terminal cannot be read (and says why).
fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Input(ev),
                Err(e) => Msg::InputClosed(e.to_string()),
            };
            let closed = matches!(msg, Msg::InputClosed(_));
            if tx.send(msg).is_err() || closed {
                return;
            }
        }
    });
}

/// Starts a thread for each pair the compare screen asked to align; its result comes back
/// as [`Action::Aligned`] (no shared passage, should the alignment fail).
fn start_compare_jobs(app: &mut App, tx: &Sender<Msg>) {
    for (a, b) in std::mem::take(&mut app.compare_jobs) {
        let corpus = Arc::clone(&app.corpus);
        let config = app.config.clone();
        let tx = tx.clone();
        std::thread::spawn(move || {
            let spans = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                super::links::align_job(&corpus, a, b, &config)
            }))
            .unwrap_or_default();
            let _ = tx.send(Msg::App(Action::Aligned { a, b, spans }));
        });
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
fn spawn(job: Job, config: Config, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let sink = |e: Step| {
            let text = match &e {
                Step::Corpus(c, _) if c.articles.iter().all(|a| a.has_body()) => Some(c.clone()),
                Step::Bodies(c, _) => Some(c.clone()),
                _ => None,
            };
            let _ = tx.send(Msg::App(action_of(e)));
            if let Some(corpus) = text {
                index_text(corpus, tx.clone());
            }
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
            let _ = tx.send(Msg::App(Action::AnalysisFailed(why)));
        }
    });
}

/// Builds the full-text index of `corpus` on a thread of its own (the analysis goes on
/// meanwhile), so that the library's text filter never builds it on the screen's thread.
fn index_text(corpus: Arc<crate::corpus::Corpus>, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        let start = Instant::now();
        let index = Arc::new(crate::filter::TextIndex::build(&corpus));
        tracing::info!(took = ?start.elapsed(), "full-text index built");
        let _ = tx.send(Msg::App(Action::TextIndexed(corpus, index)));
    });
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
