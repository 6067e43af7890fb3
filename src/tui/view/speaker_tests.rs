//! Snapshots (with styles, 80x24) of quote speakers: their mention styled in the reader's
//! text, and the quotes screen narrowed to one speaker's statements.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use super::view;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::fixture::seeds_app;
use crate::tui::update::update;

fn render(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The text of row `y` as drawn.
fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

/// The cell where `needle` starts, if drawn (on one row of one-cell characters).
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        (0..cells.len())
            .find(|&x| cells[x..].concat().starts_with(needle))
            .and_then(|x| u16::try_from(x).ok())
            .map(|x| (x, y))
    })
}

#[test]
fn the_reader_marks_who_said_a_quote() {
    let mut app = seeds_app((80, 24));
    update(&mut app, Action::Command(Command::Open));
    let buf = render(&app);
    insta::assert_snapshot!("reader_speaker_80x24", format!("{buf:?}"));
    let she = find(&buf, "she stressed").expect("the attribution is on screen");
    let st = buf[she].style();
    assert_eq!(st.fg, app.theme.speaker.fg);
    assert!(st.add_modifier.contains(Modifier::BOLD), "{st:?}");
    // the verb is not part of the speaker's mention
    let verb = buf[(she.0 + 4, she.1)].style();
    assert!(!verb.add_modifier.contains(Modifier::BOLD), "{verb:?}");
}

#[test]
fn the_quotes_screen_cycles_through_speakers() {
    let mut app = seeds_app((80, 24));
    update(&mut app, Action::Command(Command::Quotes));
    let all = quote_rows(&app).len();
    let names = crate::tui::quote_rows::speakers(quote_rows(&app));
    assert!(!names.is_empty(), "the seeds name speakers");
    update(&mut app, Action::Command(Command::NextSpeaker));
    let buf = render(&app);
    insta::assert_snapshot!("quotes_speaker_80x24", format!("{buf:?}"));
    let shown = quote_rows(&app);
    assert!(!shown.is_empty() && shown.len() < all);
    assert!(shown.iter().all(|r| {
        r.speaker.as_deref() == Some(names[0].as_str())
            || r.speakers.iter().any(|(_, s)| s == &names[0])
    }));
    let title = format!("of {}", names[0]);
    assert!(find(&buf, &title).is_some(), "{}", row(&buf, 1));
    // back to every statement past the last speaker, and backwards to the last one
    update(&mut app, Action::Command(Command::PrevSpeaker));
    assert_eq!(quote_rows(&app).len(), all);
    update(&mut app, Action::Command(Command::PrevSpeaker));
    let last = names.last().map(String::as_str);
    assert!(quote_rows(&app).iter().all(|r| {
        r.speaker.as_deref() == last || r.speakers.iter().any(|(_, s)| Some(s.as_str()) == last)
    }));
}

fn quote_rows(app: &App) -> &[crate::tui::quote_rows::QuoteRow] {
    match app.stack.last() {
        Some(Screen::Quotes(q)) => &q.rows,
        _ => &[],
    }
}
