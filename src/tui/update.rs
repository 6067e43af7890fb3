//! The pure state transition: `update(&mut App, Action)`. No terminal; the only
//! computation it triggers is library calls (entity ranking, pair alignment on demand), and
//! the only I/O is writing a small report file when the user asks for one (`e` on compare).

pub(crate) mod compare;
mod help;
mod lists;
mod marks;
mod messages;
mod reader;
mod reading;
mod search;
mod share;
mod stories;
mod story_screens;

pub use compare::open_compare;
pub use marks::count_line as marked_count;
pub use reading::save as save_reading;
pub(crate) use stories::header_article;

use super::action::Action;
use super::app::{App, Filter, Overlay, Reader, Screen, Text};
use super::quote_rows;
use super::view::layout;
use crate::filter::{EntityMatch, articles_mentioning_all, parse};
use crate::tui::command::Command;

/// Most keys kept while the corpus loads.
const MAX_TYPEAHEAD: usize = 256;

/// How many entities the filter lists for an empty query.
const EMPTY_QUERY_ENTITIES: usize = 500;

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) {
    let Some(action) = messages::handle(app, action) else {
        return;
    };
    match action {
        Action::Command(Command::Quit) => app.quit = true,
        Action::Unbound(key) => {
            app.notice = Some(format!("{key}: not bound here (? lists the keys)"));
        }
        // Nothing to act on yet: q leaves, Esc says so, other keys wait for the corpus.
        Action::Command(Command::Back) if app.is_loading() && app.typeahead.is_empty() => {
            app.quit = true
        }
        Action::Command(Command::Cancel) if app.is_loading() => app.notice = Some(quit_hint(app)),
        other if app.is_loading() => {
            if app.typeahead.len() < MAX_TYPEAHEAD {
                app.typeahead.push(other);
            }
        }
        // Keys after one that waits for the text wait too, to keep their order.
        other
            if app.text == Text::Pending
                && (!app.typeahead.is_empty() || needs_text(app, &other)) =>
        {
            if app.typeahead.len() < MAX_TYPEAHEAD {
                app.typeahead.push(other);
            }
            app.notice = Some("loading the article text: that follows once it is in".to_string());
        }
        other if app.text == Text::Missing && needs_text(app, &other) => {
            app.notice = Some("the article text could not be loaded".to_string());
        }
        Action::Wheel(down) => {
            let step = if down {
                Action::Command(Command::Down)
            } else {
                Action::Command(Command::Up)
            };
            for _ in 0..super::mouse::WHEEL_LINES {
                update(app, step.clone());
            }
        }
        Action::Click(column, row) => {
            app.notice = None;
            if let Some(pos) = super::mouse::library_row_at(app, column, row) {
                app.library.selected = pos;
            }
        }
        other => {
            app.notice = None;
            reading::note(app);
            match app.overlay {
                Some(Overlay::Filter(_)) => filter(app, other),
                Some(Overlay::Help(_)) => help::update(app, other),
                Some(Overlay::Search(_)) => search::input(app, other),
                None => screen(app, other),
            }
        }
    }
}

/// Whether `action`, here, needs the articles' text: opening a reader, a comparison or the
/// list of shared passages (which quotes them) from the library.
fn needs_text(app: &App, action: &Action) -> bool {
    app.overlay.is_none()
        && app.stack.is_empty()
        && matches!(
            action,
            Action::Command(Command::Open)
                | Action::Command(Command::Compare)
                | Action::Command(Command::Quotes)
                | Action::Command(Command::TextFilter)
                | Action::Command(Command::Omissions)
        )
}

fn screen(app: &mut App, action: Action) {
    if let Action::Command(Command::Help) | Action::Command(Command::Legend) = action {
        help::open(app, matches!(action, Action::Command(Command::Legend)));
        return;
    }
    if share::update(app, &action) || stories::keys(app, &action) {
        return;
    }
    if let Action::Command(Command::Problems) = action {
        if app.problems.is_empty() {
            app.notice = Some("no load problem: every file loaded".to_string());
        } else if !matches!(app.stack.last(), Some(Screen::Problems(_))) {
            app.stack
                .push(Screen::Problems(super::app::Problems::default()));
        }
        return;
    }
    match app.stack.last() {
        None => library(app, action),
        Some(Screen::Reader(_)) => reader::update(app, action),
        Some(Screen::Compare(_)) => compare::update(app, action),
        Some(Screen::Quotes(_)) => lists::quotes(app, action),
        Some(Screen::Problems(_)) => lists::problems(app, action),
        Some(Screen::Omissions(_)) => story_screens::omissions(app, action),
        Some(Screen::Grid(_)) => story_screens::grid(app, action),
    }
}

/// Moves `pos` within `0..len` by a navigation action; `page` is a page's length.
pub(crate) fn navigate(pos: usize, len: usize, page: usize, action: &Action) -> usize {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    match action {
        Action::Command(Command::Up) => pos.saturating_sub(1),
        Action::Command(Command::Down) => (pos + 1).min(last),
        Action::Command(Command::PageUp) => pos.saturating_sub(page),
        Action::Command(Command::PageDown) => (pos + page).min(last),
        Action::Command(Command::Top) => 0,
        Action::Command(Command::Bottom) => last,
        _ => pos.min(last),
    }
}

fn library(app: &mut App, action: Action) {
    let len = app.library_len();
    let page = layout::library_rows(app.size);
    match action {
        Action::Command(Command::Up)
        | Action::Command(Command::Down)
        | Action::Command(Command::PageUp)
        | Action::Command(Command::PageDown)
        | Action::Command(Command::Top)
        | Action::Command(Command::Bottom) => {
            app.library.selected = navigate(app.library.selected, len, page, &action);
        }
        Action::Command(Command::Open) => {
            if stories::fold(app) {
            } else if let Some(article) = app.selected_article() {
                let mut r = Reader::at_top(article);
                r.opened_at = Some(app.reading.clock.now());
                app.stack.push(Screen::Reader(r));
            }
        }
        Action::Command(Command::Mark) => {
            marks::toggle(app, false);
            reading::save(app);
        }
        Action::Command(Command::MarkDown) => {
            marks::toggle(app, true);
            reading::save(app);
        }
        Action::Command(Command::Sort) => reading::cycle_sort(app),
        Action::Command(Command::ClearState) => reading::clear(app),
        Action::Command(Command::Cancel) => app.notice = Some(quit_hint(app)),
        Action::Command(Command::Compare) => compare_from_library(app),
        Action::Command(Command::Filter) => {
            app.overlay = Some(Overlay::Filter(Filter::default()));
            rerank(app, "");
        }
        Action::Command(Command::TextFilter) => search::open_corpus(app),
        Action::Command(Command::RemoveFilter) => {
            if app.library.narrow.take().is_none() && app.library.text.take().is_none() {
                app.library.filters.pop();
            }
            refilter(app);
        }
        Action::Command(Command::Quotes) => app.stack.push(Screen::Quotes(quote_rows::screen(app))),
        Action::Command(Command::Back) => app.quit = true,
        _ => {}
    }
}

/// What Esc says on the top screen, where it does not quit.
fn quit_hint(app: &App) -> String {
    match app.keymap.key_for(super::keymap::Context::Library, "back") {
        Some(k) => format!("{k} quits parallax"),
        None => "nothing to go back to".to_string(),
    }
}

fn compare_from_library(app: &mut App) {
    let mut marked = marks::visible(app);
    if marked.len() >= 2 {
        marked.sort_unstable();
        open_compare(app, marked, None);
        return;
    }
    let Some(a) = app
        .selected_article()
        .or_else(|| stories::header_article(app))
    else {
        return;
    };
    match stories::partner(app, a) {
        Some(b) => open_compare(app, vec![a, b], None),
        None => app.notice = Some("nothing to compare with".to_string()),
    }
}

/// Recomputes the visible articles from the filters and keeps the selection in range.
pub(crate) fn refilter(app: &mut App) {
    app.library.visible = if app.library.filters.is_empty() {
        (0..app.corpus.len()).collect()
    } else {
        let mut v = articles_mentioning_all(&app.analysis.entities, &app.library.filters);
        v.retain(|&a| a < app.corpus.len());
        v
    };
    if let (Some(q), Some(index)) = (&app.library.text, &app.text_index) {
        let hits: std::collections::HashSet<usize> =
            index.search(&app.corpus, q).into_iter().collect();
        app.library.visible.retain(|a| hits.contains(a));
    }
    if let Some(n) = &app.library.narrow {
        app.library
            .visible
            .retain(|a| n.articles.binary_search(a).is_ok());
    }
    reading::sort_visible(app);
    let len = app.library_len();
    app.library.selected = app.library.selected.min(len.saturating_sub(1));
    quote_rows::refresh(app);
}

/// Ranks the entities for `query` into the filter overlay (the first ones when empty).
/// Typing narrows the previous ranking instead of ranking every entity again; matched
/// positions are computed for the rows on screen only.
fn rerank(app: &mut App, query: &str) {
    let Some(Overlay::Filter(f)) = &mut app.overlay else {
        return;
    };
    if query.trim().is_empty() {
        f.matches = (0..app.analysis.entities.entities.len())
            .take(EMPTY_QUERY_ENTITIES)
            .map(|entity| EntityMatch {
                entity,
                score: 0,
                alias: None,
                positions: Vec::new(),
            })
            .collect();
        f.ranked = None;
    } else {
        let q = parse(query);
        let previous = f.ranked.as_ref().map(|old| (old, f.matches.as_slice()));
        f.matches = crate::filter::rerank(&app.names, &q, previous);
        f.ranked = Some(q);
    }
    f.selected = 0;
    show_positions(app);
}

/// Fills in the matched positions of the filter's rows that may be on screen: a screen's
/// height of rows either side of the selection.
fn show_positions(app: &mut App) {
    let Some(Overlay::Filter(f)) = &mut app.overlay else {
        return;
    };
    let Some(q) = &f.ranked else {
        return;
    };
    let reach = usize::from(app.size.1);
    let start = f.selected.saturating_sub(reach).min(f.matches.len());
    let end = (f.selected + reach + 1).min(f.matches.len());
    let window = &mut f.matches[start..end];
    let first = window.iter().position(|m| m.positions.is_empty());
    let last = window.iter().rposition(|m| m.positions.is_empty());
    if let (Some(a), Some(b)) = (first, last) {
        app.names.positions(q, &mut window[a..=b]);
    }
}

fn filter(app: &mut App, action: Action) {
    let Some(Overlay::Filter(f)) = &mut app.overlay else {
        return;
    };
    match action {
        Action::Input(c) => {
            f.query.push(c);
            let q = f.query.clone();
            rerank(app, &q);
        }
        Action::Command(Command::DeleteChar) if f.query.is_empty() => {
            app.library.filters.pop();
            refilter(app);
        }
        Action::Command(Command::DeleteChar) => {
            f.query.pop();
            let q = f.query.clone();
            rerank(app, &q);
        }
        Action::Command(Command::Up) | Action::Command(Command::Down) => {
            f.selected = navigate(f.selected, f.matches.len(), 1, &action);
            show_positions(app);
        }
        Action::Command(Command::Apply) => {
            let chosen = f.matches.get(f.selected).map(|m| m.entity);
            app.overlay = None;
            if let Some(e) = chosen.filter(|e| !app.library.filters.contains(e)) {
                app.library.filters.push(e);
                app.library.selected = 0;
                refilter(app);
            }
        }
        Action::Command(Command::Cancel) | Action::Command(Command::Back) => app.overlay = None,
        _ => {}
    }
}

#[cfg(test)]
mod compare_job_tests;
#[cfg(test)]
mod export_mouse_tests;
#[cfg(test)]
mod filter_tests;
#[cfg(test)]
mod reading_tests;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod stories_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;
