//! Marks in the library: articles set aside for comparison. Marking never moves the
//! cursor (unless the keymap binds `mark_down`), and what is counted and compared is what
//! the filter lets through: a mark the filter hides waits, it is not compared.

use crate::corpus::ArticleIdx;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::command::Command;

/// Most articles compared side by side.
pub const MAX_MARKED: usize = 4;

/// Marks or unmarks the selected article; `down` moves the cursor down after.
pub fn toggle(app: &mut App, down: bool) {
    let Some(a) = app.selected_article() else {
        return;
    };
    let visible = visible(app).len();
    let marked = &mut app.library.marked;
    if let Some(i) = marked.iter().position(|&m| m == a) {
        marked.remove(i);
    } else if visible >= MAX_MARKED {
        app.notice = Some(format!("at most {MAX_MARKED} articles can be compared"));
        return;
    } else {
        marked.push(a);
    }
    if down {
        let len = app.library_len();
        app.library.selected = super::navigate(
            app.library.selected,
            len,
            1,
            &Action::Command(Command::Down),
        );
    }
}

/// The marked articles the filter lets through, in marking order.
pub fn visible(app: &App) -> Vec<ArticleIdx> {
    app.library
        .marked
        .iter()
        .copied()
        .filter(|a| app.library.visible.contains(a))
        .collect()
}

/// The footer's count: `2 marked`, and how many more the filter hides.
pub fn count_line(app: &App) -> Option<String> {
    let shown = visible(app).len();
    let hidden = app.library.marked.len() - shown;
    match (shown, hidden) {
        (0, 0) => None,
        (n, 0) => Some(format!("{n} marked")),
        (n, h) => Some(format!("{n} marked (+{h} hidden)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::Library;
    use crate::tui::fixture;

    #[test]
    fn marking_stays_put_and_mark_down_moves() {
        let mut app = fixture::app(
            crate::corpus::Corpus::from_bodies(["a", "b", "c"]),
            None,
            (80, 24),
        );
        toggle(&mut app, false);
        assert_eq!(app.library.selected, 0);
        assert_eq!(app.library.marked, [0]);
        toggle(&mut app, true);
        assert_eq!(app.library.marked, Vec::<usize>::new());
        assert_eq!(app.library.selected, 1);
    }

    #[test]
    fn counts_follow_the_filter() {
        let mut app = fixture::app(
            crate::corpus::Corpus::from_bodies(["a", "b", "c"]),
            None,
            (80, 24),
        );
        app.library = Library {
            marked: vec![0, 2],
            visible: vec![0, 1],
            ..Library::default()
        };
        assert_eq!(visible(&app), [0]);
        assert_eq!(count_line(&app).as_deref(), Some("1 marked (+1 hidden)"));
        app.library.visible = vec![0, 1, 2];
        assert_eq!(count_line(&app).as_deref(), Some("2 marked"));
    }
}
