//! Mouse support (opt-in: `--mouse` or `mouse = true` in the config file): the wheel
//! scrolls whatever has focus (the list, the reader, the active compare pane, the help),
//! and a left click selects a row of the library. Keys are unchanged; mouse events only
//! become the same actions keys do, or [`Action::Click`] for a position.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::action::Action;
use super::app::App;
use super::view::layout;

/// Lines the wheel moves per notch.
pub const WHEEL_LINES: usize = 3;

/// The action a mouse event stands for, if any.
pub fn action(ev: &MouseEvent) -> Option<Action> {
    match ev.kind {
        MouseEventKind::ScrollUp => Some(Action::Wheel(false)),
        MouseEventKind::ScrollDown => Some(Action::Wheel(true)),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(ev.column, ev.row)),
        _ => None,
    }
}

/// The library row (position in `visible`) under (column, row), when the library is the
/// screen shown and the click falls on an article row. Mirrors the list's drawing: a
/// border, a heading row, then the rows from the offset that keeps the selection in view.
pub fn library_row_at(app: &App, column: u16, row: u16) -> Option<usize> {
    if app.overlay.is_some() || !app.stack.is_empty() || layout::too_small(app.size) {
        return None;
    }
    let (list, _) = layout::library(app.size);
    let first = list.y + 2;
    let rows = layout::library_rows(app.size).saturating_sub(1);
    let inside_x = column > list.x && column + 1 < list.right();
    if !inside_x || row < first || usize::from(row - first) >= rows {
        return None;
    }
    let offset = (app.library.selected + 1).saturating_sub(rows);
    let pos = offset + usize::from(row - first);
    (pos < app.library_len()).then_some(pos)
}
