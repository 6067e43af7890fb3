//! The outlet × entity screen: a row per entity, a column per outlet, in each cell how
//! often that outlet names it (`·` for never); entities named by every outlet first, by
//! one outlet last. Columns scroll sideways when the outlets do not fit.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{chrome, fit, layout, pad};
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::stories::{GridView, display_outlet};

const HINTS: &[(&str, &str)] = &[
    ("open", "those articles"),
    ("right", "next outlet"),
    ("back", "back"),
    ("help", "help"),
];

/// Widths of the entity column, the outlets column and each outlet's column, and how many
/// outlet columns fit.
fn columns(width: usize, outlets: usize) -> (usize, usize, usize, usize) {
    let name = (width / 3).clamp(10, 26);
    let count = 6;
    let room = width.saturating_sub(name + count);
    let col = (room / outlets.max(1)).clamp(6, 12);
    (name, count, col, (room / col).max(1))
}

pub fn draw(app: &App, g: &GridView, frame: &mut Frame) {
    let (header, body, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, "outlet × entity");
    let label = match g.story.and_then(|s| app.analysis.stories.stories.get(s)) {
        Some(s) => s.label(&app.analysis.entities),
        None => "one-article stories".to_string(),
    };
    let block = Block::bordered()
        .title(format!(" Who names whom · {} ", fit(&label, 50)))
        .border_style(app.theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let (name_w, count_w, col_w, shown) = columns(width, g.grid.outlets.len());
    let first_col = (g.column + 1).saturating_sub(shown);
    let cols = first_col..(first_col + shown).min(g.grid.outlets.len());
    let mut lines = vec![head(app, g, (name_w, count_w, col_w), cols.clone())];
    let rows = usize::from(inner.height).saturating_sub(2);
    let first_row = (g.row + 1).saturating_sub(rows);
    for r in (first_row..g.grid.rows.len()).take(rows) {
        lines.push(row(app, g, r, (name_w, count_w, col_w), cols.clone()));
    }
    let t = &app.theme;
    lines.push(Line::styled(
        fit(
            "named by every outlet first, by one outlet last · · never",
            width,
        ),
        t.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    chrome::footer(
        app,
        frame,
        footer,
        Context::Grid,
        HINTS,
        cell_status(app, g),
    );
}

/// The heading: ENTITY, OUTLETS, then the outlets shown.
fn head(
    app: &App,
    g: &GridView,
    w: (usize, usize, usize),
    cols: std::ops::Range<usize>,
) -> Line<'static> {
    let t = &app.theme;
    let (name_w, count_w, col_w) = w;
    let mut spans = vec![Span::styled(
        format!("{}{:>count_w$}", pad("ENTITY", name_w), "OUT "),
        t.dim,
    )];
    for c in cols {
        let style = if c == g.column { t.selected } else { t.dim };
        let name = format!("{} ", pad(&display_outlet(&g.grid.outlets[c]), col_w - 1));
        spans.push(Span::styled(name, style));
    }
    Line::from(spans)
}

/// One entity's row.
fn row(
    app: &App,
    g: &GridView,
    r: usize,
    w: (usize, usize, usize),
    cols: std::ops::Range<usize>,
) -> Line<'static> {
    let t = &app.theme;
    let (name_w, count_w, col_w) = w;
    let row = &g.grid.rows[r];
    let (name, kind) = match app.analysis.entities.entities.get(row.entity) {
        Some(e) => (e.name.as_str(), t.entity(e.kind)),
        None => ("", Style::new()),
    };
    let here = r == g.row;
    let name_style = if here { kind.patch(t.selected) } else { kind };
    let share = format!("{}/{} ", row.outlets, g.grid.outlets.len());
    let mut spans = vec![
        Span::styled(pad(name, name_w), name_style),
        Span::styled(format!("{share:>count_w$}"), t.dim),
    ];
    for c in cols {
        let n = row.counts.get(c).copied().unwrap_or(0);
        let text = if n == 0 {
            "·".to_string()
        } else {
            n.to_string()
        };
        let style = match (here && c == g.column, n) {
            (true, _) => t.selected,
            (false, 0) => t.dim,
            _ => Style::new(),
        };
        spans.push(Span::styled(format!("{text:>w$} ", w = col_w - 2), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// `Name in Outlet: 3` for the selected cell.
fn cell_status(app: &App, g: &GridView) -> Line<'static> {
    let Some(row) = g.grid.rows.get(g.row) else {
        return Line::raw("");
    };
    let name = app
        .analysis
        .entities
        .entities
        .get(row.entity)
        .map_or("", |e| e.name.as_str());
    let outlet = display_outlet(g.grid.outlets.get(g.column).map_or("", String::as_str));
    let n = row.counts.get(g.column).copied().unwrap_or(0);
    Line::raw(fit(&format!("{name} in {outlet}: {n}"), 40))
}
