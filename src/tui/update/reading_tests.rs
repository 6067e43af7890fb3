//! Tests of the reading state: read after the clock says so, sort cycling, marks and
//! order surviving a new app over the same state file, and clearing.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::tests::{keys, loading_app};
use super::update;
use crate::corpus::order::SortKey;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fixture;
use crate::tui::reading::Clock;

/// An app loading into a state file in `dir`, with a clock the test moves by hand.
fn app_in(dir: &std::path::Path, seconds: Arc<AtomicU64>) -> App {
    let mut app = loading_app();
    app.reading.file = Some(dir.join("state.json"));
    let start = Instant::now();
    app.reading.clock =
        Clock::new(move || start + Duration::from_secs(seconds.load(Ordering::SeqCst)));
    let corpus = Arc::new(fixture::seeds());
    update(&mut app, Action::CorpusLoaded(corpus, Vec::new()));
    app
}

#[test]
fn an_article_open_long_enough_is_read_and_it_is_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicU64::new(0));
    let mut app = app_in(dir.path(), Arc::clone(&clock));
    keys(&mut app, "j\n");
    update(&mut app, Action::Tick);
    assert!(!app.reading.read[1], "not yet");
    clock.store(10, Ordering::SeqCst);
    update(&mut app, Action::Tick);
    assert!(app.reading.read[1]);
    keys(&mut app, "q");
    keys(&mut app, "k jj s");
    assert_eq!(app.library.sort, SortKey::Date);
    let marked = app.library.marked.clone();
    assert_eq!(marked.len(), 2);
    let again = app_in(dir.path(), clock);
    assert!(again.reading.read[1], "read survives a restart");
    assert_eq!(again.library.sort, SortKey::Date);
    assert_eq!(again.library.marked, marked);
}

#[test]
fn leaving_at_once_does_not_count_and_clearing_forgets() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(AtomicU64::new(0));
    let mut app = app_in(dir.path(), Arc::clone(&clock));
    keys(&mut app, "\nq ");
    assert!(app.reading.read.iter().all(|r| !r));
    assert_eq!(app.library.marked.len(), 1);
    keys(&mut app, "X");
    assert!(app.library.marked.is_empty());
    let again = app_in(dir.path(), clock);
    assert!(again.library.marked.is_empty());
}

#[test]
fn sort_cycles_and_keeps_the_cursor_on_its_article() {
    let mut app = fixture::seeds_app((80, 24));
    keys(&mut app, "jj");
    let on = app.selected_article();
    keys(&mut app, "s");
    assert_eq!(app.library.sort, SortKey::Date);
    assert_eq!(app.selected_article(), on);
    assert_eq!(app.notice.as_deref(), Some("sorted by date"));
    keys(&mut app, "ssss");
    assert_eq!(app.library.sort, SortKey::File);
    assert_eq!(app.library.visible, [0, 1, 2, 3, 4]);
}
