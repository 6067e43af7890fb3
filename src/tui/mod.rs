//! The terminal UI: Elm-style. One [`app::App`] state (screens and overlays as enums), keys
//! become [`action::Action`]s through the [`keymap`], a pure [`update::update`] changes the
//! state, and [`view::view`] only draws. The analysis runs on a worker thread and reports
//! back as actions over a channel ([`event_loop`]).

pub mod action;
pub mod app;
pub mod clipboard;
pub mod command;
pub mod event_loop;
pub mod fault;
pub mod index;
pub mod keymap;
pub mod links;
pub mod mouse;
pub mod open;
#[cfg(test)]
mod pair_tests;
pub mod quote_rows;
pub mod reading;
pub mod report;
pub mod search;
pub mod status;
pub mod stories;
pub mod terminal;
pub mod theme;
mod theme_color;
pub mod update;
pub mod view;
pub mod wrap;

#[cfg(test)]
pub mod fixture;

use std::path::PathBuf;

use anyhow::Context as _;

use crate::config::Settings;
use crate::corpus::LoadProblem;

/// What a session leaves for the caller to print once the terminal is restored.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The load problems (files skipped, warnings).
    pub problems: Vec<LoadProblem>,
    /// Cache warnings.
    pub warnings: Vec<String>,
    /// Articles loaded (0 when nothing could be, or the user quit before the load ended
    /// and nothing had been loaded).
    pub articles: usize,
    /// False when the user quit before the corpus was loaded.
    pub loaded: bool,
    /// The signal (SIGTERM, SIGHUP, SIGINT) that ended the session, if one did.
    pub signal: Option<i32>,
}

/// Opens the interactive reader at once on `paths` (the seeds when empty), with the user's
/// settings (key and theme overrides, thresholds) and mouse support when asked; loads and
/// analyses the corpus on a worker (through the cache unless `use_cache` is false), and
/// returns when the user quits. With `passim`, passim's clusters (read once the corpus is
/// loaded) are the shared passages. The terminal is restored on every exit path.
pub fn run(
    paths: Vec<PathBuf>,
    use_cache: bool,
    settings: &Settings,
    mouse: bool,
    passim: Option<PathBuf>,
    hints: crate::metadata::Hints,
) -> anyhow::Result<Outcome> {
    let keymap = keymap::Keymap::builtin()?.with_overrides(settings)?;
    let theme = theme::Theme::with_overrides(theme::Theme::no_color_requested(), settings)?;
    let (tx, rx) = event_loop::messages();
    let wake = tx.clone();
    let terminate = terminal::termination_flag(move || {
        let _ = wake.send(event_loop::Msg::Signal);
    })
    .context("installing signal handlers")?;
    let mut guard = terminal::enter().context("opening the terminal")?;
    if mouse {
        terminal::enable_mouse().context("turning on the mouse")?;
    }
    let size = guard.terminal.size().map(|s| (s.width, s.height))?;
    // The first frame is drawn at once; the worker lists and loads the corpus (the seeds
    // when no path is given, parsed in some tens of milliseconds) and analyses it.
    let mut app = app::App::loading(keymap, theme, size);
    app.reading.file = crate::dirs::state_dir().map(|d| reading::file_for(&d, &paths));
    app.reading.read_after = reading::read_after_from_env();
    let job = event_loop::Job {
        paths,
        use_cache,
        passim,
        hints,
    };
    app.config = settings.analysis.clone();
    app.mouse = mouse;
    let result = first_frame(&app, &mut guard.terminal)
        .and_then(|()| event_loop::run(&mut app, &mut guard.terminal, &terminate, job, (tx, rx)));
    drop(guard);
    if !app.is_loading() {
        update::save_reading(&mut app);
    }
    if let Err(e) = &result {
        tracing::error!("reader: {e:#}");
    }
    result?;
    Ok(Outcome {
        problems: std::mem::take(&mut app.problems),
        warnings: std::mem::take(&mut app.warnings),
        articles: app.corpus.len(),
        loaded: !matches!(app.progress, app::Progress::Loading { .. }),
        signal: Some(terminate.load(std::sync::atomic::Ordering::SeqCst)).filter(|&n| n != 0),
    })
}

/// Draws the first frame (the event loop's first draw then finds nothing to change) and
/// gives the test hook [`fault::inject`] its one chance to fail.
fn first_frame(app: &app::App, terminal: &mut terminal::Term) -> anyhow::Result<()> {
    terminal.draw(|f| view::view(app, f))?;
    tracing::info!("reader started");
    fault::inject()
}
