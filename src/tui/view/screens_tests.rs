//! Snapshots (with styles, 80x24) of the load problems screen and of the help opened at
//! the legend.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::corpus::{LoadProblem, Severity};
use crate::tui::action::Action;
use crate::tui::fixture::seeds_app;
use crate::tui::update::update;

fn render(app: &crate::tui::app::App) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn problem(path: &str, severity: Severity, reason: &str) -> LoadProblem {
    LoadProblem {
        path: path.into(),
        line: None,
        severity,
        reason: reason.into(),
    }
}

#[test]
fn problems_screen_groups_by_reason() {
    let mut app = seeds_app((80, 24));
    app.problems = vec![
        problem("notes/a.bin", Severity::Skipped, "binary file"),
        problem("notes/empty.txt", Severity::Skipped, "empty file"),
        problem("notes/b.bin", Severity::Skipped, "binary file"),
        problem(
            "notes/old.txt",
            Severity::Warning,
            "not UTF-8: decoded as windows-1252",
        ),
    ];
    update(&mut app, Action::Command(Command::Problems));
    let buf = render(&app);
    insta::assert_snapshot!("problems_80x24", format!("{buf:?}"));
    let text: String = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .map(|p| buf[p].symbol().to_string())
        .collect();
    assert!(text.contains("2 files skipped: binary file"), "{text}");
}

#[test]
fn the_legend_explains_the_symbols() {
    let mut app = seeds_app((80, 24));
    update(&mut app, Action::Command(Command::Legend));
    let buf = render(&app);
    insta::assert_snapshot!("legend_80x24", format!("{buf:?}"));
}
