//! Searching inside a screen: `/` opens the input over the footer, Enter applies the query
//! to the reader's article or to the quotes screen's rows, n/N move between matches, Esc
//! clears an applied search (a second Esc goes back).

use super::reader::step;
use crate::filter::find_in;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::command::Command;
use crate::tui::search::{RowSearch, SearchInput, TextSearch};
use crate::tui::view::layout;
use crate::tui::wrap::{line_of, wrap_body};

/// Opens the search input, with the query applied last as its start.
pub(super) fn open(app: &mut App) {
    let query = match app.stack.last() {
        Some(Screen::Reader(r)) => r.search.as_ref().map(|s| s.query.clone()),
        Some(Screen::Quotes(q)) => q.search.as_ref().map(|s| s.query.clone()),
        _ => return,
    };
    app.overlay = Some(Overlay::Search(SearchInput {
        query: query.unwrap_or_default(),
        corpus: false,
    }));
}

/// Opens the input of the library's full-text filter.
pub(super) fn open_corpus(app: &mut App) {
    app.overlay = Some(Overlay::Search(SearchInput {
        query: app.library.text.clone().unwrap_or_default(),
        corpus: true,
    }));
}

/// Sets the library's full-text filter. The index is built off the screen's thread as soon
/// as the bodies are in; only a query typed before it arrives builds it here.
fn apply_corpus(app: &mut App, query: &str) {
    if query.trim().is_empty() {
        app.library.text = None;
    } else {
        if app.text_index.is_none() {
            let built = crate::filter::TextIndex::build(&app.corpus);
            app.text_index = Some(std::sync::Arc::new(built));
        }
        app.library.text = Some(query.to_string());
        app.library.selected = 0;
    }
    super::refilter(app);
    if app.library.visible.is_empty() {
        app.notice = Some(format!("no article has {:?}", query.trim()));
    }
}

/// A key while the search input is open.
pub(super) fn input(app: &mut App, action: Action) {
    let Some(Overlay::Search(s)) = &mut app.overlay else {
        return;
    };
    match action {
        Action::Input(c) => s.query.push(c),
        Action::Command(Command::DeleteChar) => {
            s.query.pop();
        }
        Action::Command(Command::Apply) => {
            let query = std::mem::take(&mut s.query);
            let corpus = s.corpus;
            app.overlay = None;
            if corpus {
                apply_corpus(app, &query);
            } else {
                apply(app, &query);
            }
        }
        Action::Command(Command::Cancel) | Action::Command(Command::Back) => app.overlay = None,
        _ => {}
    }
}

/// Applies `query` to the current screen and moves to its first match from where the
/// reader is (an empty query clears the search).
fn apply(app: &mut App, query: &str) {
    let blank = query.trim().is_empty();
    match app.stack.last_mut() {
        Some(Screen::Reader(r)) => {
            let Some(art) = app.corpus.articles.get(r.article) else {
                return;
            };
            r.search = (!blank).then(|| TextSearch::new(&art.body, query));
            if !blank {
                step_text(app, true);
            }
        }
        Some(Screen::Quotes(q)) => {
            q.search = (!blank).then(|| RowSearch {
                query: query.to_string(),
                rows: matching_rows(q, query),
            });
            if !blank {
                step_rows(app, true);
            }
        }
        _ => {}
    }
}

/// The rows of the quotes screen whose words or carriers' names match `query`.
fn matching_rows(q: &crate::tui::app::Quotes, query: &str) -> Vec<usize> {
    q.rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !find_in(&r.text, query).is_empty())
        .map(|(i, _)| i)
        .collect()
}

/// Moves the reader to the next (or previous) match and scrolls it into view; `false`
/// when there is no search with matches (n/N then move between passages).
pub(super) fn step_text(app: &mut App, forward: bool) -> bool {
    let (_, text) = layout::reader(app.size);
    let Some(Screen::Reader(r)) = app.stack.last_mut() else {
        return false;
    };
    let Some(s) = r.search.as_mut() else {
        return false;
    };
    if s.spans.is_empty() {
        app.notice = Some(crate::tui::search::status(&s.query, None, 0));
        return true;
    }
    let Some(art) = app.corpus.articles.get(r.article) else {
        return false;
    };
    let lines = wrap_body(&art.body, usize::from(text.width));
    let height = usize::from(text.height);
    let top = lines.get(r.scroll).map_or(0, |l| l.start);
    let next = step(s.current, s.spans.len(), forward, || {
        s.spans.iter().position(|m| m.start >= top).unwrap_or(0)
    });
    s.current = Some(next);
    let line = line_of(&lines, s.spans[next].start);
    let max_scroll = lines.len().saturating_sub(height);
    r.scroll = line.saturating_sub(height / 3).min(max_scroll);
    true
}

/// Moves the quotes screen's selection to the next (or previous) matching row.
pub(super) fn step_rows(app: &mut App, forward: bool) {
    let Some(Screen::Quotes(q)) = app.stack.last_mut() else {
        return;
    };
    let Some(s) = &q.search else {
        app.notice = Some("no search: / searches the passages".to_string());
        return;
    };
    if s.rows.is_empty() {
        app.notice = Some(crate::tui::search::status(&s.query, None, 0));
        return;
    }
    let at = q.selected;
    let next = if forward {
        s.rows.iter().find(|&&r| r > at).or(s.rows.first())
    } else {
        s.rows.iter().rev().find(|&&r| r < at).or(s.rows.last())
    };
    if let Some(&n) = next {
        q.selected = n;
    }
}

/// Esc: clears an applied search; `false` when there was none (Esc then goes back).
pub(super) fn clear(app: &mut App) -> bool {
    match app.stack.last_mut() {
        Some(Screen::Reader(r)) => r.search.take().is_some(),
        Some(Screen::Quotes(q)) => q.search.take().is_some(),
        _ => false,
    }
}
