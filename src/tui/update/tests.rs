//! Tests of update as a state machine: key sequences in (through the real keymap), state
//! out. No terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Progress, Screen};
use crate::tui::fixture::{self, seeds_app};

/// Feeds keys: characters as typed; `\n` Enter, `\x1b` Esc, `\t` Tab, `\x08` Backspace,
/// `\x03` Ctrl-C, `↓` Down.
pub(super) fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let ev = match c {
            '\n' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\x1b' => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            '\t' => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            '\x08' => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            '\x03' => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
            '↓' => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
            c if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        };
        if let Some(action) = app.keymap.action_for(app.context(), &ev) {
            update(app, action);
        }
    }
}

pub(super) fn top(app: &App) -> Option<&Screen> {
    app.stack.last()
}

#[test]
fn library_moves_with_vim_keys_and_quits_on_q() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "jjk");
    assert_eq!(app.library.selected, 1);
    keys(&mut app, "G");
    assert_eq!(app.library.selected, 4);
    keys(&mut app, "jg");
    assert_eq!(app.library.selected, 0);
    assert!(!app.quit);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn esc_and_q_go_back_one_level() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "j\n");
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.article == 1));
    keys(&mut app, "c");
    assert!(matches!(top(&app), Some(Screen::Compare(_))));
    keys(&mut app, "q");
    assert!(matches!(top(&app), Some(Screen::Reader(_))));
    keys(&mut app, "\x1b");
    assert!(top(&app).is_none());
    assert!(!app.quit);
    keys(&mut app, "\x1b\x1b");
    assert!(!app.quit, "Esc never quits from the library");
    assert_eq!(app.notice.as_deref(), Some("q quits parallax"));
    keys(&mut app, "\n\x03");
    assert!(app.quit, "Ctrl-C quits from any screen");
}

#[test]
fn filter_applies_cancels_and_removes_with_backspace() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "/");
    assert!(matches!(app.overlay, Some(Overlay::Filter(_))));
    keys(&mut app, "ab?\x08");
    match &app.overlay {
        Some(Overlay::Filter(f)) => assert_eq!(f.query, "ab", "? is typed, Backspace deletes"),
        other => panic!("{other:?}"),
    }
    keys(&mut app, "\x1b");
    assert!(app.overlay.is_none());
    assert!(app.library.filters.is_empty());
    // An empty query lists every entity (most widely mentioned first); Enter applies it.
    keys(&mut app, "/\n");
    assert_eq!(app.library.filters, [0]);
    let expected = app.analysis.entities.entities[0].articles();
    assert_eq!(app.library.visible, expected);
    // A second filter combines with the first (AND).
    keys(&mut app, "/↓\n");
    assert_eq!(app.library.filters.len(), 2);
    assert!(app.library.visible.len() <= expected.len());
    // Backspace on an empty query removes the last filter.
    keys(&mut app, "/\x08\x08\x1b");
    assert!(app.library.filters.is_empty());
    assert_eq!(app.library.visible.len(), 5);
}

#[test]
fn marking_and_comparing() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, " jj ");
    assert_eq!(app.library.marked, [0, 2]);
    assert_eq!(app.library.selected, 2, "marking does not move the cursor");
    keys(&mut app, "c");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("compare screen");
    };
    let arts: Vec<_> = c.panes.iter().map(|p| p.article).collect();
    assert_eq!(arts, [0, 2]);
    let body = &app.corpus.articles[0].body;
    let s1 = "the use of information resources and technologies for criminal";
    assert!(
        c.links.iter().any(|l| l.spans[0]
            .as_ref()
            .is_some_and(|s| body[s.clone()].contains(s1))),
        "the passage 000 and 002 share is linked"
    );
    keys(&mut app, "n\ts");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("compare screen");
    };
    assert_eq!(c.current, Some(0));
    assert_eq!(c.active, 1);
    assert!(!c.sync);
}

#[test]
fn compare_scrolls_in_step_and_swaps_partners() {
    let mut app = seeds_app((120, 40));
    // c on one article: compared with the article that shares most with it (001).
    keys(&mut app, "c");
    let pane = |app: &App, i: usize| match top(app) {
        Some(Screen::Compare(c)) => (c.panes[i].article, c.panes[i].scroll),
        _ => panic!("compare screen"),
    };
    assert_eq!(pane(&app, 1).0, 1);
    keys(&mut app, "jj");
    assert_eq!((pane(&app, 0).1, pane(&app, 1).1), (2, 2));
    keys(&mut app, "sj");
    assert_eq!((pane(&app, 0).1, pane(&app, 1).1), (3, 2), "sync off");
    keys(&mut app, "]");
    assert_eq!(pane(&app, 1).0, 2, "next partner");
    keys(&mut app, "[[");
    assert_eq!(
        pane(&app, 1).0,
        2,
        "previous partner wraps around, inside the story (0, 1, 2)"
    );
}

#[test]
fn compare_aligns_the_current_passage_at_the_same_height() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, " j cn");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("compare screen");
    };
    let rects = crate::tui::view::layout::compare(app.size, 2);
    let rows: Vec<usize> = (0..2)
        .map(|i| {
            let body = &app.corpus.articles[c.panes[i].article].body;
            let lines = crate::tui::wrap::wrap_body(body, usize::from(rects[i].text.width));
            let span = c.links[0].spans[i].clone().expect("span");
            crate::tui::wrap::line_of(&lines, span.start) - c.panes[i].scroll
        })
        .collect();
    assert_eq!(rows[0], rows[1]);
}

#[test]
fn reader_jumps_between_passages_and_wraps_around() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "\nn");
    let cur = |app: &App| match top(app) {
        Some(Screen::Reader(r)) => r.current,
        _ => None,
    };
    assert_eq!(cur(&app), Some(0));
    let n = app.index.marks(0).map_or(0, |m| m.passages.len());
    keys(&mut app, &"n".repeat(n));
    assert_eq!(cur(&app), Some(0), "wraps after the last passage");
    keys(&mut app, "N");
    assert_eq!(cur(&app), Some(n - 1));
    // c compares with the article carrying the current passage.
    keys(&mut app, "c");
    assert!(matches!(top(&app), Some(Screen::Compare(c)) if c.current.is_some()));
}

#[test]
fn help_opens_anywhere_and_closes() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "\n?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    keys(&mut app, "jj?");
    assert!(app.overlay.is_none());
    assert!(matches!(top(&app), Some(Screen::Reader(_))));
}

#[test]
fn quotes_open_compare_on_two_carriers() {
    let mut app = seeds_app((120, 40));
    keys(&mut app, "Q");
    assert!(matches!(top(&app), Some(Screen::Quotes(_))));
    keys(&mut app, "\n");
    let Some(Screen::Compare(c)) = top(&app) else {
        panic!("compare screen");
    };
    assert_eq!(c.panes.len(), 2);
    assert!(c.current.is_some());
    keys(&mut app, "qq");
    assert!(top(&app).is_none());
}

#[test]
fn analysis_arrives_while_comparing() {
    let corpus = fixture::seeds();
    let analysis = fixture::seeds_app((1, 1)).analysis;
    let mut app = fixture::app(corpus, None, (120, 40));
    keys(&mut app, " j c");
    keys(&mut app, "n");
    assert!(matches!(top(&app), Some(Screen::Compare(c)) if c.current.is_some()));
    update(&mut app, Action::AnalysisDone(Box::new(analysis)));
    assert_eq!(app.progress, Progress::Done);
    assert!(
        matches!(top(&app), Some(Screen::Compare(c)) if !c.links.is_empty() && c.current.is_some()),
        "links recomputed with the corpus passages' colours, the current passage kept"
    );
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(app.size, (80, 24));
}

#[test]
fn edge_cases_never_panic() {
    // One article: nothing to compare with.
    let mut corpus = fixture::seeds();
    corpus.articles.truncate(1);
    let mut app = fixture::app(corpus, None, (120, 40));
    keys(&mut app, "c");
    assert!(top(&app).is_none());
    assert!(app.notice.is_some());
    keys(&mut app, "\nnNGgjk\x1b");
    // An empty list (no entity yet, so the filter applies nothing); keys do nothing.
    app.library.visible.clear();
    keys(&mut app, "\n c/\n?\x1bQ\nq");
    assert!(!app.quit);
    // A tiny terminal: navigation still works on zero-height panes.
    let mut app = seeds_app((10, 3));
    keys(&mut app, "\nnnjGc\tsn][");
    assert!(matches!(top(&app), Some(Screen::Compare(_))));
}

/// An app still loading its corpus (as `parallax DIR` starts).
pub(super) fn loading_app() -> App {
    let seeds = seeds_app((120, 40));
    App::loading(seeds.keymap, seeds.theme, (120, 40))
}

#[test]
fn while_loading_progress_shows_and_keys_wait_for_the_corpus() {
    let mut app = loading_app();
    assert!(app.is_loading());
    update(&mut app, Action::Loading { done: 0, total: 5 });
    update(&mut app, Action::Loading { done: 3, total: 5 });
    assert_eq!(app.progress, Progress::Loading { done: 3, total: 5 });
    keys(&mut app, "j\n");
    assert!(top(&app).is_none() && !app.quit);
    let corpus = std::sync::Arc::new(fixture::seeds());
    update(&mut app, Action::CorpusLoaded(corpus, Vec::new()));
    assert_eq!(app.progress, Progress::Running(Vec::new()));
    assert_eq!(app.library.visible.len(), 5);
    // The keys typed while loading were acted on: down, then open.
    assert!(matches!(top(&app), Some(Screen::Reader(r)) if r.article == 1));
}

#[test]
fn q_quits_while_loading_and_esc_does_not() {
    let mut app = loading_app();
    keys(&mut app, "\x1b");
    assert!(!app.quit);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn nothing_loaded_quits_and_problems_are_kept_for_the_exit() {
    let problem = crate::corpus::LoadProblem {
        path: "empty.txt".into(),
        line: None,
        severity: crate::corpus::Severity::Skipped,
        reason: "empty file".into(),
    };
    let mut app = loading_app();
    let empty = std::sync::Arc::new(crate::corpus::Corpus::default());
    update(&mut app, Action::CorpusLoaded(empty, vec![problem.clone()]));
    assert!(app.quit);
    assert_eq!(app.problems, vec![problem.clone()]);
    let mut app = loading_app();
    let corpus = std::sync::Arc::new(fixture::seeds());
    update(&mut app, Action::CorpusLoaded(corpus, vec![problem]));
    assert!(!app.quit);
    assert!(
        app.notice
            .as_deref()
            .unwrap_or("")
            .contains("1 load problem")
    );
}
