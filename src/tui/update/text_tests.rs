//! Tests of the reopen's two steps: the corpus shown from its metadata with the cached
//! analysis, then the bodies. What needs the text waits for it (in key order), and
//! everything else works meanwhile.

use std::sync::Arc;

use super::tests::{keys, loading_app, top};
use super::update;
use crate::tui::action::{Action, Fit};
use crate::tui::app::{App, Overlay, Progress, Screen, Text};
use crate::tui::fixture::{self, seeds_analysis, without_bodies};

/// An app as a reopen shows it before the text: metadata and the cached analysis.
fn reopened() -> App {
    let mut app = loading_app();
    let meta = Arc::new(without_bodies(&fixture::seeds()));
    update(&mut app, Action::CorpusLoaded(meta, Vec::new()));
    update(&mut app, Action::AnalysisDone(Box::new(seeds_analysis())));
    app
}

fn bodies(fit: Fit) -> Action {
    Action::BodiesLoaded(Arc::new(fixture::seeds()), fit)
}

#[test]
fn the_library_works_before_the_text_and_enter_waits_for_it() {
    let mut app = reopened();
    assert_eq!(
        (app.text, app.progress.clone()),
        (Text::Pending, Progress::Done)
    );
    // Counts, the entity filter and moving work on the metadata and the analysis.
    assert!(app.index.passage_count(0) > 0);
    keys(&mut app, "/zakh\n");
    assert_eq!(app.library.filters.len(), 1);
    assert!(app.library.visible.len() < 5);
    keys(&mut app, "\x08");
    assert!(app.library.filters.is_empty());
    update(&mut app, Action::Resize(80, 24));
    keys(&mut app, "j\n");
    assert!(top(&app).is_none(), "the reader waits for the text");
    assert!(app.notice.as_deref().unwrap_or("").contains("loading"));
    // Keys after the waiting one wait too: these scroll the reader, not the list.
    keys(&mut app, "jj");
    assert_eq!(app.library.selected, 1);
    update(&mut app, bodies(Fit::Fits));
    assert_eq!(app.text, Text::Loaded);
    assert!(app.typeahead.is_empty());
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.article == 1 && r.scroll == 2));
    assert_eq!(app.progress, Progress::Done);
    assert!(!app.analysis.passages.passages.is_empty());
}

#[test]
fn compare_and_quotes_wait_for_the_text_too() {
    for (key, want) in [("c", "compare"), ("Q", "quotes")] {
        let mut app = reopened();
        keys(&mut app, key);
        assert!(top(&app).is_none(), "{key}");
        update(&mut app, bodies(Fit::Fits));
        let opened = match top(&app) {
            Some(Screen::Compare(_)) => "compare",
            Some(Screen::Quotes(q)) if !q.rows.is_empty() => "quotes",
            _ => "nothing",
        };
        assert_eq!(opened, want);
    }
}

#[test]
fn an_analysis_that_does_not_fit_the_text_is_dropped_for_the_recomputed_one() {
    let mut app = reopened();
    keys(&mut app, "/zakh\n/");
    update(&mut app, bodies(Fit::Stale));
    assert_eq!(app.text, Text::Loaded);
    assert_eq!(app.progress, Progress::Running(Vec::new()));
    assert!(app.analysis.entities.entities.is_empty());
    assert!(app.library.filters.is_empty() && app.overlay.is_none());
    assert_eq!(app.library.visible.len(), 5);
    update(&mut app, Action::AnalysisDone(Box::new(seeds_analysis())));
    assert_eq!(app.progress, Progress::Done);
}

#[test]
fn without_the_text_what_needs_it_is_refused() {
    let mut app = reopened();
    keys(&mut app, "\n");
    update(
        &mut app,
        Action::AnalysisFailed("worker stopped".to_string()),
    );
    assert_eq!(app.text, Text::Missing);
    assert!(app.typeahead.is_empty());
    keys(&mut app, "j\n");
    assert!(top(&app).is_none());
    assert_eq!(app.library.selected, 1);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("could not be loaded")
    );
    keys(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
}

#[test]
fn keys_typed_while_listing_wait_for_the_text_when_they_need_it() {
    let mut app = loading_app();
    keys(&mut app, "j\n");
    let meta = Arc::new(without_bodies(&fixture::seeds()));
    update(&mut app, Action::CorpusLoaded(meta, Vec::new()));
    assert_eq!(app.library.selected, 1);
    assert!(top(&app).is_none());
    update(&mut app, Action::AnalysisDone(Box::new(seeds_analysis())));
    update(&mut app, bodies(Fit::Fits));
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.article == 1));
}
