//! The event loop: draw, wait for a key (or resize) with a timeout, turn it into an action
//! through the keymap, update; drain the actions the analysis worker sends back. No async
//! runtime: one worker thread and a channel.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event};

use super::action::Action;
use super::app::App;
use super::terminal::Term;
use super::update::update;
use super::view::view;
use crate::analysis::Config;
use crate::corpus::Corpus;
use crate::passim::{Clusters, analyse_maybe};

/// How long to wait for input before looking at the worker channel again.
const TICK: Duration = Duration::from_millis(50);
/// Most events handled between two draws.
const MAX_BATCH: usize = 64;

/// Runs the app until it quits or `terminate` is raised.
pub fn run(app: &mut App, terminal: &mut Term, terminate: &AtomicBool) -> anyhow::Result<()> {
    let rx = spawn_analysis(
        Arc::clone(&app.corpus),
        app.config.clone(),
        app.passim.clone(),
    );
    let mut dirty = true;
    while !app.quit && !terminate.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|f| view(app, f))?;
            dirty = false;
        }
        // Wait for one event, then take every event already queued before drawing again,
        // so a burst of keys (auto-repeat) never falls behind the screen.
        let mut timeout = TICK;
        let mut batch = 0;
        while batch < MAX_BATCH && !app.quit && event::poll(timeout)? {
            batch += 1;
            if let Some(action) = translate(app, event::read()?) {
                update(app, action);
                dirty = true;
            }
            timeout = Duration::ZERO;
        }
        while let Ok(action) = rx.try_recv() {
            update(app, action);
            dirty = true;
        }
    }
    Ok(())
}

/// The action a terminal event stands for, if any.
fn translate(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) => app.keymap.action_for(app.context(), &key),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Mouse(m) if app.mouse => super::mouse::action(&m),
        _ => None,
    }
}

/// Starts the analysis on a worker thread; its progress and result come back as actions.
fn spawn_analysis(
    corpus: Arc<Corpus>,
    config: Config,
    passim: Option<Arc<Clusters>>,
) -> Receiver<Action> {
    let (tx, rx) = channel();
    std::thread::spawn(move || analyse_on(corpus, config, passim, tx));
    rx
}

fn analyse_on(
    corpus: Arc<Corpus>,
    config: Config,
    passim: Option<Arc<Clusters>>,
    tx: Sender<Action>,
) {
    let progress_tx = tx.clone();
    let (start, lap) = (Instant::now(), std::cell::Cell::new(Instant::now()));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse_maybe(&corpus, &config, passim.as_deref(), |stage| {
            let took = lap.replace(Instant::now()).elapsed();
            tracing::info!(?stage, ?took, "analysis stage done");
            let _ = progress_tx.send(Action::AnalysisProgress(stage));
        })
    }));
    let _ = tx.send(match result {
        Ok(analysis) => {
            tracing::info!(took = ?start.elapsed(), "analysis done");
            Action::AnalysisDone(Box::new(analysis))
        }
        Err(payload) => {
            let why = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "internal error".to_string());
            Action::AnalysisFailed(why)
        }
    });
}
