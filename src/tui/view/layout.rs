//! Screen geometry: where the header, lists, panes and gutters go for a terminal size.
//! Pure functions of the size, so update (page sizes, passage alignment) and the view agree
//! on every width and height.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this many columns or rows the app shows a "too small" message instead.
pub const MIN_COLS: u16 = 40;
pub const MIN_ROWS: u16 = 10;
/// Narrowest compare pane; with less, the panes stack instead of standing side by side.
pub const MIN_PANE_COLS: u16 = 36;
/// Width of the reader's gutter (counts of sharing articles per paragraph).
pub const READER_GUTTER: u16 = 4;
/// The library hides its preview below this width: at 80 columns the titles need the room.
pub const PREVIEW_MIN_COLS: u16 = 100;

/// The whole terminal as a rect.
pub fn full(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// True when the terminal is too small to draw anything useful.
pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_COLS || size.1 < MIN_ROWS
}

/// Header line, body, footer line.
pub fn chrome(area: Rect) -> (Rect, Rect, Rect) {
    let [h, b, f] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    (h, b, f)
}

/// The library's list and preview (the preview is empty on narrow terminals).
pub fn library(size: (u16, u16)) -> (Rect, Rect) {
    let (_, body, _) = chrome(full(size));
    if body.width < PREVIEW_MIN_COLS {
        return (body, Rect::new(body.right(), body.y, 0, body.height));
    }
    let list_share = if body.width < 100 { 60 } else { 55 };
    let [list, preview] = Layout::horizontal([
        Constraint::Percentage(list_share),
        Constraint::Percentage(100 - list_share),
    ])
    .areas(body);
    (list, preview)
}

/// Rows of the library list inside its border.
pub fn library_rows(size: (u16, u16)) -> usize {
    usize::from(library(size).0.height.saturating_sub(2))
}

/// Rows above the reader's text: the headline, then outlet, date and URL.
pub const READER_HEAD: u16 = 2;

/// The reader's heading: headline, outlet, date and URL of the article.
pub fn reader_head(size: (u16, u16)) -> Rect {
    let (_, body, _) = chrome(full(size));
    Rect::new(body.x, body.y, body.width, READER_HEAD.min(body.height))
}

/// The reader's gutter and text (below its heading).
pub fn reader(size: (u16, u16)) -> (Rect, Rect) {
    let (_, body, _) = chrome(full(size));
    let head = READER_HEAD.min(body.height);
    let body = Rect::new(body.x, body.y + head, body.width, body.height - head);
    let gutter = Rect::new(body.x, body.y, READER_GUTTER.min(body.width), body.height);
    let text = Rect::new(
        gutter.right() + 1,
        body.y,
        body.width.saturating_sub(READER_GUTTER + 2),
        body.height,
    );
    (gutter, text)
}

/// One compare pane: a title line, a narrow gutter and the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneRects {
    pub title: Rect,
    pub gutter: Rect,
    pub text: Rect,
}

/// True when `n` compare panes fit side by side.
pub fn side_by_side(size: (u16, u16), n: usize) -> bool {
    let n = u16::try_from(n.max(1)).unwrap_or(u16::MAX);
    size.0 >= n.saturating_mul(MIN_PANE_COLS)
}

/// The rects of `n` compare panes: columns when wide enough, else stacked.
pub fn compare(size: (u16, u16), n: usize) -> Vec<PaneRects> {
    let (_, body, _) = chrome(full(size));
    let n32 = u32::try_from(n.max(1)).unwrap_or(1);
    let constraints = vec![Constraint::Ratio(1, n32); n.max(1)];
    let areas = if side_by_side(size, n) {
        Layout::horizontal(constraints).split(body)
    } else {
        Layout::vertical(constraints).split(body)
    };
    areas.iter().map(|&a| pane(a)).collect()
}

fn pane(area: Rect) -> PaneRects {
    let title = Rect::new(area.x, area.y, area.width, 1.min(area.height));
    let rest = area.height.saturating_sub(1);
    let gutter = Rect::new(area.x, area.y + 1, 1.min(area.width), rest);
    let text = Rect::new(
        area.x + 2.min(area.width),
        area.y + 1,
        area.width.saturating_sub(3),
        rest,
    );
    PaneRects {
        title,
        gutter,
        text,
    }
}

/// A centred rect of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The size (columns, rows) of a frame's area.
pub fn size_of(area: Rect) -> (u16, u16) {
    (area.width, area.height)
}
