//! Snapshots (with styles, 80x24) of the screens a search changes: the input over the
//! footer, the reader's matches, the quotes screen's matching rows.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::view;
use crate::tui::action::Action;
use crate::tui::fixture::seeds_app;
use crate::tui::update::update;

fn snapshot(name: &str, actions: &[Action]) -> ratatui::buffer::Buffer {
    let mut app = seeds_app((80, 24));
    for a in actions {
        update(&mut app, a.clone());
    }
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| view(&app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    insta::assert_snapshot!(name, format!("{buf:?}"));
    buf
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

fn row(buf: &ratatui::buffer::Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn the_reader_marks_matches_and_counts_them() {
    let mut actions = vec![
        Action::Command(Command::Open),
        Action::Command(Command::Search),
    ];
    actions.extend(typed("moscow"));
    let typing = snapshot("search_typing_80x24", &actions);
    assert!(row(&typing, 23).contains("/ moscow▏"));
    actions.push(Action::Command(Command::Apply));
    let buf = snapshot("search_reader_80x24", &actions);
    let footer = row(&buf, 23);
    assert!(footer.contains("“moscow” 1/"), "{footer}");
}

#[test]
fn the_quotes_screen_highlights_matching_rows() {
    let mut actions = vec![
        Action::Command(Command::Quotes),
        Action::Command(Command::Search),
    ];
    actions.extend(typed("united states"));
    actions.push(Action::Command(Command::Apply));
    let buf = snapshot("search_quotes_80x24", &actions);
    assert!(row(&buf, 23).contains("“united states”"));
}
