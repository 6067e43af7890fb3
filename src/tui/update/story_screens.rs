//! The omission and grid screens' transitions: moving between items and cells, comparing
//! an article with one that carries what it leaves out, and narrowing the library to the
//! articles of a grid cell.

use super::stories::{Anchor, regroup};
use super::{navigate, open_compare, refilter};
use crate::analysis::stories::grid;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;
use crate::tui::stories::{Grouping, Narrow, display_outlet, items, key_of};

/// Rows a page of these screens moves.
fn page(app: &App) -> usize {
    usize::from(app.size.1.saturating_sub(6)).max(1)
}

pub(super) fn omissions(app: &mut App, action: Action) {
    let page = page(app);
    let Some(Screen::Omissions(v)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Command(Command::Back) | Action::Command(Command::Cancel) => {
            app.stack.pop();
        }
        Action::Command(Command::Open) => {
            let pair = items(&v.omissions)
                .get(v.selected)
                .and_then(|(_, m)| m.articles.first())
                .map(|&b| vec![v.omissions.article, b]);
            if let Some(articles) = pair {
                open_compare(app, articles, None);
            }
        }
        nav => {
            let len = items(&v.omissions).len();
            v.selected = navigate(v.selected, len, page, &nav);
        }
    }
}

pub(super) fn grid(app: &mut App, action: Action) {
    let page = page(app);
    let Some(Screen::Grid(g)) = app.stack.last_mut() else {
        return;
    };
    let columns = g.grid.outlets.len();
    match action {
        Action::Command(Command::Back) | Action::Command(Command::Cancel) => {
            app.stack.pop();
        }
        Action::Command(Command::Left) => g.column = g.column.saturating_sub(1),
        Action::Command(Command::Right) => g.column = (g.column + 1).min(columns.saturating_sub(1)),
        Action::Command(Command::Open) => narrow_to_cell(app),
        nav => g.row = navigate(g.row, g.grid.rows.len(), page, &nav),
    }
}

/// Narrows the library to the articles of the selected cell and goes back to it.
fn narrow_to_cell(app: &mut App) {
    let Some(Screen::Grid(g)) = app.stack.last() else {
        return;
    };
    let entities = &app.analysis.entities;
    let cell = grid::cell_articles(&app.corpus, entities, &g.articles, &g.grid, g.row, g.column);
    let name = g
        .grid
        .rows
        .get(g.row)
        .and_then(|r| entities.entities.get(r.entity))
        .map_or("", |e| e.name.as_str());
    let outlet = display_outlet(g.grid.outlets.get(g.column).map_or("", String::as_str));
    let Some(&first) = cell.first() else {
        app.notice = Some(format!("{outlet} does not name {name}"));
        return;
    };
    app.library.narrow = Some(Narrow {
        label: format!("{name} · {outlet}"),
        articles: cell,
    });
    app.stack.clear();
    if app.library.grouping == Grouping::Stories {
        let key = key_of(&app.analysis.stories, first);
        if !app.library.open.contains(&key) {
            app.library.open.push(key);
        }
    }
    refilter(app);
    regroup(app, Some(Anchor::Article(first)));
}
