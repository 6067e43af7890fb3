//! Tests of the compare screen's report key and of mouse actions: state in, state (and the
//! file written) out. No terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::update;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::fixture::seeds_app;

fn key(app: &mut App, c: char) {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\t' => KeyCode::Tab,
        c => KeyCode::Char(c),
    };
    let ev = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = app.keymap.action_for(app.context(), &ev) {
        update(app, action);
    }
}

/// An app over the seeds comparing 000 with 002, writing reports into `dir`.
fn comparing(dir: &std::path::Path) -> App {
    let mut app = seeds_app((120, 40));
    app.export_dir = dir.to_path_buf();
    for c in [' ', 'j', 'j', ' ', 'c'] {
        key(&mut app, c);
    }
    assert!(matches!(app.stack.last(), Some(Screen::Compare(_))));
    app
}

/// The footer row as drawn.
fn footer(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| crate::tui::view::view(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    (0..w)
        .map(|x| buf[(x, h - 1)].symbol().to_string())
        .collect()
}

#[test]
fn e_writes_the_comparison_as_html_and_says_where() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = comparing(dir.path());
    key(&mut app, 'e');
    let name = "parallax-compare-000_4bf21840051c9ce6-002_e9092905f2d66a6d.html";
    let path = dir.path().join(name);
    let html = std::fs::read_to_string(&path).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("id=\"a-1\"") && html.contains("id=\"b-1\""));
    let notice = app.notice.clone().unwrap_or_default();
    assert!(notice.ends_with(name), "{notice}");
    assert!(
        matches!(app.stack.last(), Some(Screen::Compare(_))),
        "still comparing"
    );
    update(&mut app, Action::Resize(200, 40));
    let shown = footer(&app).replace(&dir.path().display().to_string(), "<dir>");
    insta::assert_snapshot!("export_notice", shown.trim_end());
    // Again: a new name, the first report untouched.
    key(&mut app, 'e');
    assert!(app.notice.clone().unwrap_or_default().ends_with("-2.html"));
    assert_eq!(std::fs::read_to_string(&path).expect("first"), html);
}

#[test]
fn a_failed_export_is_a_notice_not_a_crash() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = comparing(&dir.path().join("missing"));
    key(&mut app, 'e');
    let notice = app.notice.clone().unwrap_or_default();
    assert!(
        notice.starts_with("could not write the report: ") && notice.contains("missing: "),
        "{notice}"
    );
}

#[test]
fn the_wheel_scrolls_what_has_focus() {
    let mut app = seeds_app((120, 40));
    update(&mut app, Action::Wheel(true));
    assert_eq!(app.library.selected, 3);
    update(&mut app, Action::Wheel(false));
    assert_eq!(app.library.selected, 0);
    update(&mut app, Action::Resize(80, 24));
    key(&mut app, '\n');
    update(&mut app, Action::Wheel(true));
    assert!(matches!(app.stack.last(), Some(Screen::Reader(r)) if r.scroll == 3));
    key(&mut app, 'q');
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = comparing(dir.path());
    key(&mut app, '\t');
    key(&mut app, 's');
    update(&mut app, Action::Wheel(true));
    let Some(Screen::Compare(c)) = app.stack.last() else {
        panic!("compare");
    };
    assert_eq!(
        (c.panes[0].scroll, c.panes[1].scroll),
        (0, 3),
        "the active pane only"
    );
}

#[test]
fn a_click_selects_a_library_row() {
    let mut app = seeds_app((120, 40));
    // Border at row 1, heading at row 2: the third article is on row 5.
    update(&mut app, Action::Click(10, 5));
    assert_eq!(app.library.selected, 2);
    // Below the last article, on the border, or outside the list: nothing changes.
    for (x, y) in [(10, 20), (0, 5), (10, 1), (100, 5)] {
        update(&mut app, Action::Click(x, y));
        assert_eq!(app.library.selected, 2, "({x}, {y})");
    }
    // Not on the library screen or under an overlay.
    key(&mut app, '/');
    update(&mut app, Action::Click(10, 3));
    assert!(matches!(app.overlay, Some(Overlay::Filter(_))));
    assert_eq!(app.library.selected, 2);
}

#[test]
fn mouse_events_become_actions() {
    use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let ev = |kind| MouseEvent {
        kind,
        column: 7,
        row: 9,
        modifiers: KeyModifiers::NONE,
    };
    let a = crate::tui::mouse::action(&ev(MouseEventKind::ScrollDown));
    assert!(matches!(a, Some(Action::Wheel(true))));
    let a = crate::tui::mouse::action(&ev(MouseEventKind::Down(MouseButton::Left)));
    assert!(matches!(a, Some(Action::Click(7, 9))));
    assert!(crate::tui::mouse::action(&ev(MouseEventKind::Moved)).is_none());
}
