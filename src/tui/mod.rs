//! The terminal UI: Elm-style. One [`app::App`] state (screens and overlays as enums), keys
//! become [`action::Action`]s through the [`keymap`], a pure [`update::update`] changes the
//! state, and [`view::view`] only draws. The analysis runs on a worker thread and reports
//! back as actions over a channel ([`event_loop`]).

pub mod action;
pub mod app;
pub mod event_loop;
pub mod fault;
pub mod index;
pub mod keymap;
pub mod links;
pub mod mouse;
pub mod quote_rows;
pub mod report;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

#[cfg(test)]
pub mod fixture;

use std::sync::Arc;

use anyhow::Context as _;

use crate::config::Settings;
use crate::corpus::Loaded;

/// Opens the interactive reader on a loaded corpus, with the user's settings (key and theme
/// overrides, thresholds) and mouse support when asked, and returns when the user quits.
/// With `passim`, its clusters are the shared passages instead of parallax's own.
/// The terminal is restored on every exit path.
pub fn run(
    loaded: Loaded,
    settings: &Settings,
    mouse: bool,
    passim: Option<crate::passim::Clusters>,
) -> anyhow::Result<()> {
    let keymap = keymap::Keymap::builtin()?.with_overrides(settings)?;
    let theme = theme::Theme::with_overrides(theme::Theme::no_color_requested(), settings)?;
    let terminate = terminal::termination_flag().context("installing signal handlers")?;
    let mut guard = terminal::enter().context("opening the terminal")?;
    if mouse {
        terminal::enable_mouse().context("turning on the mouse")?;
    }
    let size = guard.terminal.size().map(|s| (s.width, s.height))?;
    let mut app = app::App::new(Arc::new(loaded.corpus), keymap, theme, size);
    app.config = settings.analysis.clone();
    app.mouse = mouse;
    app.passim = passim.map(Arc::new);
    let result = first_frame(&app, &mut guard.terminal)
        .and_then(|()| event_loop::run(&mut app, &mut guard.terminal, &terminate));
    drop(guard);
    if let Err(e) = &result {
        tracing::error!("reader: {e:#}");
    }
    result
}

/// Draws the first frame (the event loop's first draw then finds nothing to change) and
/// gives the test hook [`fault::inject`] its one chance to fail.
fn first_frame(app: &app::App, terminal: &mut terminal::Term) -> anyhow::Result<()> {
    terminal.draw(|f| view::view(app, f))?;
    tracing::info!("reader started");
    fault::inject()
}
