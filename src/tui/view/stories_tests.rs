//! Snapshots (with styles) of the story level: the library grouped by story (80x24), a
//! story's preview (120x40: at 80 columns the library has no preview), the omission view
//! and the outlet × entity grid (80x24); and what a person must read in each.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::view;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fixture::seeds_app;
use crate::tui::update::update;

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn snapshot(name: &str, app: &App) -> String {
    let buf = render(app);
    let (w, h) = app.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), format!("{buf:?}"));
    text(&buf)
}

/// The screen as text, one line per row.
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

fn run(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

#[test]
fn grouped_library() {
    let mut app = seeds_app((80, 24));
    run(
        &mut app,
        [
            Action::Command(Command::Group),
            Action::Command(Command::Down),
        ],
    );
    let screen = snapshot("grouped_library", &app);
    assert!(
        screen.contains("Articles · by file · 3 stories"),
        "{screen}"
    );
    assert!(screen.contains("▾ 11-03–11-20 2 outlets"), "{screen}");
    assert!(
        screen.contains("3 articles · United States, Maria Zakharova"),
        "{screen}"
    );
    assert!(screen.contains("▸ 06-16–11-02 2 outlets"), "{screen}");
    assert!(
        screen.contains("2 articles · each the only article"),
        "{screen}"
    );
}

#[test]
fn story_preview() {
    let mut app = seeds_app((120, 40));
    run(
        &mut app,
        [
            Action::Command(Command::Group),
            Action::Command(Command::Top),
        ],
    );
    let screen = snapshot("story_preview", &app);
    assert!(
        screen.contains("3 articles · 2 outlets · 2021-11-03 – 2021-11-20"),
        "{screen}"
    );
    assert!(
        screen.contains("Outlets: RIA Novosti, Sputnik, 1 article without one"),
        "{screen}"
    );
    assert!(
        screen.contains("Entities: United States, Maria Zakharova, Russia"),
        "{screen}"
    );
    assert!(screen.contains("Tied by"), "{screen}");
}

#[test]
fn omission_view() {
    // Sputnik (the third seed) leaves out passages, quotes and names the others carry.
    let mut app = seeds_app((80, 24));
    run(
        &mut app,
        [
            Action::Command(Command::Down),
            Action::Command(Command::Down),
            Action::Command(Command::Omissions),
            Action::Command(Command::Down),
            Action::Command(Command::Down),
        ],
    );
    let screen = snapshot("omission_view", &app);
    assert!(screen.contains("What Sputnik leaves out"), "{screen}");
    assert!(
        screen.contains("Passages two or more other outlets carry (0)"),
        "{screen}"
    );
    assert!(
        screen.contains("carried by ?001_3dffd0074b00d26a, RIA Novosti"),
        "{screen}"
    );
    assert!(
        screen.contains("Quotes two or more other outlets carry (5)"),
        "{screen}"
    );
    assert!(
        screen.contains("▸ “cyber attacks, \"deliberate use of hackers”"),
        "{screen}"
    );
    assert!(screen.contains("3 of 7"), "{screen}");
}

#[test]
fn grid() {
    let mut app = seeds_app((80, 24));
    run(
        &mut app,
        [
            Action::Command(Command::Grid),
            Action::Command(Command::Down),
            Action::Command(Command::Right),
        ],
    );
    let screen = snapshot("grid", &app);
    assert!(
        screen.contains("Who names whom · United States, Maria Zakharova"),
        "{screen}"
    );
    assert!(screen.contains("ENTITY"), "{screen}");
    assert!(screen.contains("3/3"), "{screen}");
}
