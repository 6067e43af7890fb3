//! The list screens' transitions: the quotes screen (move, search, open a comparison of
//! two carriers) and the load problems screen (scroll, back).

use super::{navigate, open_compare, search};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::command::Command;

pub(super) fn problems(app: &mut App, action: Action) {
    let total = crate::tui::view::problem_lines(app).len();
    let shown = usize::from(app.size.1.saturating_sub(4));
    let max = total.saturating_sub(shown);
    let Some(Screen::Problems(p)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Command(Command::Back) | Action::Command(Command::Cancel) => {
            app.stack.pop();
        }
        nav => p.scroll = navigate(p.scroll, max + 1, shown.saturating_sub(1), &nav),
    }
}

pub(super) fn quotes(app: &mut App, action: Action) {
    let page = usize::from(app.size.1.saturating_sub(4) / 3);
    let Some(Screen::Quotes(q)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Command(Command::Back) => {
            app.stack.pop();
        }
        Action::Command(Command::Cancel) => {
            if !search::clear(app) {
                app.stack.pop();
            }
        }
        Action::Command(Command::Search) => search::open(app),
        Action::Command(Command::NextMatch) => search::step_rows(app, true),
        Action::Command(Command::NextSpeaker) => crate::tui::quote_rows::cycle_speaker(app, true),
        Action::Command(Command::PrevSpeaker) => crate::tui::quote_rows::cycle_speaker(app, false),
        Action::Command(Command::StoryScope) => crate::tui::quote_rows::toggle_scope(app),
        Action::Command(Command::PrevMatch) => search::step_rows(app, false),
        Action::Command(Command::Open) => {
            let pair = q
                .rows
                .get(q.selected)
                .and_then(|row| match row.carriers.as_slice() {
                    [(a, span), (b, _), ..] => Some((vec![*a, *b], span.clone())),
                    _ => None,
                });
            if let Some((articles, span)) = pair {
                open_compare(app, articles, Some(span));
            }
        }
        nav => q.selected = navigate(q.selected, q.rows.len(), page, &nav),
    }
}
