//! The interactive costs on an analysed corpus: the entity filter's latency per keystroke
//! and the render time of every screen at 200x60, through the real `update` and `view` on
//! an [`App`] (ratatui's TestBackend stands in for the terminal).

use std::sync::Arc;
use std::time::Instant;

use parallax::analysis::Analysis;
use parallax::analysis::entities::EntityKind;
use parallax::corpus::Corpus;
use parallax::tui::action::{Action, Command};
use parallax::tui::app::App;
use parallax::tui::keymap::Keymap;
use parallax::tui::theme::Theme;
use parallax::tui::update::update;
use parallax::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::figures::{Figures, median_max, ms};

/// Terminal size the frames are drawn at.
pub const SIZE: (u16, u16) = (200, 60);
/// Draws timed per screen.
const DRAWS: usize = 15;
/// The screens timed, by figure name.
pub const SCREENS: &[&str] = &["library", "reader", "compare", "quotes", "filter", "help"];

/// Installs the analysis in an app over `corpus` and times keystrokes and frames; returns
/// the app (its analysis fills the cache for the reopen).
pub fn measure(corpus: Corpus, analysis: Analysis, f: &mut Figures) -> anyhow::Result<App> {
    let busiest = busiest_article(&corpus, &analysis);
    let keymap = Keymap::builtin()?;
    let theme = Theme::builtin(false)?;
    let mut app = App::new(Arc::new(corpus), keymap, theme, SIZE);
    let t = Instant::now();
    update(&mut app, Action::AnalysisDone(Box::new(analysis)));
    f.time("install_ms", t);
    keystrokes(&mut app, f);
    app.library.selected = busiest;
    for screen in SCREENS {
        open(&mut app, screen, f);
        let (median, max) = frames(&app)?;
        f.put(&format!("frame_{screen}_ms"), median);
        f.put(&format!("frame_{screen}_max_ms"), max);
        app.stack.clear();
        app.overlay = None;
    }
    Ok(app)
}

/// The article with the most shared-passage occurrences (the richest reader and compare).
fn busiest_article(corpus: &Corpus, analysis: &Analysis) -> usize {
    let mut counts = vec![0usize; corpus.len()];
    for p in &analysis.passages.passages {
        for o in &p.occurrences {
            if let Some(c) = counts.get_mut(o.article) {
                *c += 1;
            }
        }
    }
    (0..counts.len()).max_by_key(|&i| counts[i]).unwrap_or(0)
}

/// Opens `screen` from the library (the filter with three letters typed).
fn open(app: &mut App, screen: &str, f: &mut Figures) {
    let t = Instant::now();
    match screen {
        "reader" => update(app, Action::Command(Command::Open)),
        "compare" => update(app, Action::Command(Command::Compare)),
        "quotes" => update(app, Action::Command(Command::Quotes)),
        "help" => update(app, Action::Command(Command::Help)),
        "filter" => {
            update(app, Action::Command(Command::Filter));
            for c in typed_names(app)
                .first()
                .map_or("a", |n| n.as_str())
                .chars()
                .take(3)
            {
                update(app, Action::Input(c));
            }
        }
        _ => {}
    }
    f.time(&format!("open_{screen}_ms"), t);
}

/// Median and maximum time of a frame of the app as it stands.
fn frames(app: &App) -> anyhow::Result<(f64, f64)> {
    let mut term = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
    let mut samples = Vec::with_capacity(DRAWS);
    for _ in 0..DRAWS {
        let t = Instant::now();
        term.draw(|frame| view(app, frame))?;
        samples.push(ms(t.elapsed()));
    }
    Ok(median_max(&mut samples))
}

/// Names a user would type: the most, the middle and the least mentioned person (any
/// entity when there are no people).
fn typed_names(app: &App) -> Vec<String> {
    let all = &app.analysis.entities.entities;
    let people: Vec<&str> = all
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    let pool: Vec<&str> = if people.is_empty() {
        all.iter().map(|e| e.name.as_str()).collect()
    } else {
        people
    };
    let Some(last) = pool.len().checked_sub(1) else {
        return Vec::new();
    };
    [0, last / 2, last]
        .iter()
        .map(|&i| pool[i].to_string())
        .collect()
}

/// Types each name into the filter one character at a time, timing each keystroke's update
/// (the fuzzy ranking over every entity).
fn keystrokes(app: &mut App, f: &mut Figures) {
    let mut samples = Vec::new();
    for name in typed_names(app) {
        update(app, Action::Command(Command::Filter));
        for c in name.chars() {
            let t = Instant::now();
            update(app, Action::Input(c));
            samples.push(ms(t.elapsed()));
        }
        update(app, Action::Command(Command::Cancel));
    }
    f.put("keys_n", samples.len() as f64);
    let (median, max) = median_max(&mut samples);
    f.put("key_ms", median);
    f.put("key_max_ms", max);
}
