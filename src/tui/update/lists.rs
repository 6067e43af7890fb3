//! The list screens' transitions: the quotes screen (move, search, open a comparison of
//! two carriers) and the load problems screen (scroll, back).

use super::{navigate, open_compare, search};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};

pub(super) fn problems(app: &mut App, action: Action) {
    let total = crate::tui::view::problem_lines(app).len();
    let shown = usize::from(app.size.1.saturating_sub(4));
    let max = total.saturating_sub(shown);
    let Some(Screen::Problems(p)) = app.stack.last_mut() else {
        return;
    };
    match action {
        Action::Back | Action::Cancel => {
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
        Action::Back => {
            app.stack.pop();
        }
        Action::Cancel => {
            if !search::clear(app) {
                app.stack.pop();
            }
        }
        Action::Search => search::open(app),
        Action::NextMatch => search::step_rows(app, true),
        Action::NextSpeaker => crate::tui::quote_rows::cycle_speaker(app, true),
        Action::PrevSpeaker => crate::tui::quote_rows::cycle_speaker(app, false),
        Action::PrevMatch => search::step_rows(app, false),
        Action::Open => {
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
