//! The screens of a reopen before its text is in: the library shows its metadata and the
//! analysis with a placeholder for the text, and no screen slices a body it does not have.

use crate::tui::command::Command;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::view;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fixture::{seeds, seeds_app, without_bodies};
use crate::tui::update::update;

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The seeds app with its analysis, its bodies taken away (as a reopen shows it first).
fn pending(size: (u16, u16)) -> App {
    let mut app = seeds_app(size);
    app.set_bodies(Arc::new(without_bodies(&app.corpus)));
    app
}

#[test]
fn the_library_before_the_text_shows_a_placeholder() {
    for size in [(120, 40), (80, 24)] {
        let app = pending(size);
        let buf = render(&app);
        let (w, h) = size;
        insta::assert_snapshot!(format!("library_text_pending_{w}x{h}"), format!("{buf:?}"));
        let shown = text(&buf);
        assert!(shown.contains("⟳ loading the text"), "header");
        if w < crate::tui::view::layout::PREVIEW_MIN_COLS {
            continue; // no preview at this width
        }
        assert!(shown.contains("⟳ loading the text…"), "{shown}");
        assert!(
            shown.contains("Entities:"),
            "the analysis is there: {shown}"
        );
    }
}

/// The seeds app filtered on an entity, so that the preview looks for its mentions in the
/// text.
fn filtered() -> App {
    let mut app = seeds_app((120, 40));
    update(&mut app, Action::Command(Command::Filter));
    for c in "zakh".chars() {
        update(&mut app, Action::Input(c));
    }
    update(&mut app, Action::Command(Command::Apply));
    app
}

#[test]
fn no_screen_slices_a_body_that_is_not_in() {
    let meta = Arc::new(without_bodies(&seeds()));
    let screens: [&[Action]; 4] = [
        &[],
        &[
            Action::Command(Command::Open),
            Action::Command(Command::NextPassage),
        ],
        &[
            Action::Command(Command::Mark),
            Action::Command(Command::Down),
            Action::Command(Command::Mark),
            Action::Command(Command::Compare),
        ],
        &[Action::Command(Command::Quotes)],
    ];
    for actions in screens {
        let mut app = filtered();
        for a in actions {
            update(&mut app, a.clone());
        }
        app.set_bodies(Arc::clone(&meta));
        let shown = text(&render(&app));
        assert!(shown.contains("parallax"), "{actions:?}");
    }
}
