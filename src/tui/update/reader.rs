//! Reader screen transitions: scrolling, jumping between shared passages, and opening the
//! compare view on the current passage.

use super::{navigate, open_compare};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;
use crate::tui::view::layout;
use crate::tui::wrap::{WrappedLine, line_of, wrap_body};

pub(super) fn update(app: &mut App, action: Action) {
    if text_search(app, &action) {
        return;
    }
    let Some(Page {
        article,
        height,
        lines,
        max_scroll,
        marks,
    }) = page(app)
    else {
        return;
    };
    let Some(Screen::Reader(r)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Command(Command::Back) => {
            app.stack.pop();
        }
        Action::Command(Command::NextPassage) | Action::Command(Command::PrevPassage)
            if marks.is_empty() =>
        {
            app.notice = Some("no shared passage in this article".to_string());
        }
        Action::Command(Command::NextPassage) | Action::Command(Command::PrevPassage) => {
            let forward = matches!(action, Action::Command(Command::NextPassage));
            let next = step(r.current, marks.len(), forward, || {
                let top = lines.get(r.scroll).map_or(0, |l| l.start);
                marks.iter().position(|(_, s)| s.start >= top).unwrap_or(0)
            });
            r.current = Some(next);
            let line = line_of(&lines, marks[next].1.start);
            r.scroll = line.saturating_sub(height / 3).min(max_scroll);
        }
        Action::Command(Command::Compare) => {
            let span = r.current.and_then(|i| marks.get(i)).cloned();
            compare_current(app, article, span);
        }
        Action::Command(Command::Quotes) => app
            .stack
            .push(Screen::Quotes(crate::tui::quote_rows::screen(app))),
        nav => {
            let page = height.saturating_sub(1);
            r.scroll = navigate(r.scroll, max_scroll + 1, page, &nav);
        }
    }
}

/// Handles the keys of the text search (open, clear, step between matches); true when
/// `action` was one of them.
fn text_search(app: &mut App, action: &Action) -> bool {
    match action {
        Action::Command(Command::Search) => {
            super::search::open(app);
            true
        }
        Action::Command(Command::Cancel) => {
            if !super::search::clear(app) {
                app.stack.pop();
            }
            true
        }
        Action::Command(Command::NextPassage) | Action::Command(Command::PrevPassage) => {
            super::search::step_text(app, matches!(action, Action::Command(Command::NextPassage)))
        }
        _ => false,
    }
}

/// The top reader's article as laid out on screen: its wrapped lines, how far it scrolls
/// and the shared passages it carries.
struct Page {
    article: usize,
    height: usize,
    lines: Vec<WrappedLine>,
    max_scroll: usize,
    marks: Vec<(usize, crate::analysis::Span)>,
}

/// Lays out the top reader's article; none when the top screen is not a reader.
fn page(app: &App) -> Option<Page> {
    let Some(Screen::Reader(r)) = app.stack.last() else {
        return None;
    };
    let article = r.article;
    let (_, text) = layout::reader(app.size);
    let height = usize::from(text.height);
    let lines = app
        .corpus
        .articles
        .get(article)
        .map(|a| wrap_body(&a.body, usize::from(text.width)))
        .unwrap_or_default();
    let max_scroll = lines.len().saturating_sub(height);
    let marks = app
        .index
        .marks(article)
        .map(|m| m.passages.to_vec())
        .unwrap_or_default();
    Some(Page {
        article,
        height,
        lines,
        max_scroll,
        marks,
    })
}

/// The next (or previous) position among `len`, wrapping around; `start` gives the first
/// position when there is no current one.
pub(crate) fn step(
    current: Option<usize>,
    len: usize,
    forward: bool,
    start: impl FnOnce() -> usize,
) -> usize {
    let len = len.max(1);
    let next = match (current, forward) {
        (None, true) => start(),
        (None, false) => start().checked_sub(1).unwrap_or(len - 1),
        (Some(i), true) => i + 1,
        (Some(i), false) => i.checked_sub(1).unwrap_or(len - 1),
    };
    next % len
}

/// Opens the compare view of `article` with the article that carries the current passage
/// (one of its story first), or, without one, its partner inside its story
/// ([`super::stories::partner`]).
fn compare_current(app: &mut App, article: usize, current: Option<(usize, crate::analysis::Span)>) {
    let stories = &app.analysis.stories;
    let same = |b: usize| stories.of_article.get(b) == stories.of_article.get(article);
    let carriers: Vec<usize> = current
        .as_ref()
        .and_then(|(p, _)| app.analysis.passages.passages.get(*p))
        .map(|p| p.occurrences.iter().map(|o| o.article))
        .into_iter()
        .flatten()
        .filter(|&b| b != article)
        .collect();
    let partner = carriers
        .iter()
        .copied()
        .find(|&b| same(b))
        .or_else(|| carriers.first().copied())
        .or_else(|| super::stories::partner(app, article));
    match partner {
        Some(b) => open_compare(app, vec![article, b], current.map(|(_, s)| s)),
        None => app.notice = Some("nothing to compare with".to_string()),
    }
}
