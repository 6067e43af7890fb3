//! The help overlay's transitions: it opens at the section of the screen it was asked
//! from (or at the legend), scrolls with g/G/j/k, and searches its lines with `/` and n/N.

use super::navigate;
use crate::tui::action::Action;
use crate::tui::app::{App, Help, Overlay};
use crate::tui::command::Command;
use crate::tui::view::{LEGEND_TITLE, help_lines, help_matching, section_start};

/// Opens the help at the current screen's keys, or at the legend.
pub(super) fn open(app: &mut App, legend: bool) {
    let lines = help_lines(&app.keymap, &app.theme);
    let title = if legend {
        LEGEND_TITLE
    } else {
        app.context().title()
    };
    app.overlay = Some(Overlay::Help(Help {
        scroll: section_start(&lines, title),
        ..Help::default()
    }));
}

/// A key while the help is open.
pub(super) fn update(app: &mut App, action: Action) {
    let lines = help_lines(&app.keymap, &app.theme);
    let shown = usize::from(app.size.1.saturating_sub(4));
    let max = lines.len().saturating_sub(shown);
    let Some(Overlay::Help(h)) = &mut app.overlay else {
        return;
    };
    if let Some(typed) = &mut h.typing {
        match action {
            Action::Input(c) => typed.push(c),
            Action::Command(Command::DeleteChar) => {
                typed.pop();
            }
            Action::Command(Command::Apply) => {
                let q = std::mem::take(typed);
                h.typing = None;
                h.hits = help_matching(&lines, &q);
                h.query = (!q.trim().is_empty()).then_some(q);
                step(h, true, max);
            }
            _ => h.typing = None,
        }
        return;
    }
    match action {
        Action::Command(Command::Close)
        | Action::Command(Command::Back)
        | Action::Command(Command::Help) => app.overlay = None,
        Action::Command(Command::Legend) => h.scroll = section_start(&lines, LEGEND_TITLE).min(max),
        Action::Command(Command::Search) => h.typing = Some(String::new()),
        Action::Command(Command::NextMatch) => step(h, true, max),
        Action::Command(Command::PrevMatch) => step(h, false, max),
        nav => h.scroll = navigate(h.scroll, max + 1, shown.saturating_sub(1), &nav),
    }
}

/// Scrolls to the next (or previous) matching line.
fn step(h: &mut Help, forward: bool, max: usize) {
    let at = h.scroll;
    let next = if forward {
        h.hits.iter().find(|&&l| l > at).or(h.hits.first())
    } else {
        h.hits.iter().rev().find(|&&l| l < at).or(h.hits.last())
    };
    if let Some(&l) = next {
        h.scroll = l.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::keys;
    use crate::tui::app::{Overlay, Screen};
    use crate::tui::fixture::seeds_app;
    use crate::tui::view::{help_lines, section_start};

    fn scroll(app: &crate::tui::app::App) -> usize {
        match &app.overlay {
            Some(Overlay::Help(h)) => h.scroll,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn help_opens_at_the_screen_it_was_asked_from() {
        let mut app = seeds_app((120, 40));
        let lines = help_lines(&app.keymap, &app.theme);
        keys(&mut app, "jjc");
        assert!(matches!(app.stack.last(), Some(Screen::Compare(_))));
        keys(&mut app, "?");
        assert_eq!(scroll(&app), section_start(&lines, "Compare"));
        assert!(scroll(&app) > 0);
        keys(&mut app, "G");
        let max = lines.len() - usize::from(app.size.1 - 4);
        assert_eq!(scroll(&app), max, "G goes to the end");
        keys(&mut app, "g");
        assert_eq!(scroll(&app), 0);
    }

    #[test]
    fn help_searches_and_the_legend_is_one_key_away() {
        let mut app = seeds_app((80, 24));
        let lines = help_lines(&app.keymap, &app.theme);
        keys(&mut app, "L");
        let legend = section_start(&lines, crate::tui::view::LEGEND_TITLE);
        assert!(legend > 0);
        let max = lines.len() - usize::from(app.size.1 - 4);
        assert_eq!(scroll(&app), legend.min(max));
        keys(&mut app, "g/sort\n");
        let Some(Overlay::Help(h)) = &app.overlay else {
            panic!("help")
        };
        assert!(!h.hits.is_empty());
        assert_eq!(h.scroll, h.hits[0].min(max));
    }
}
