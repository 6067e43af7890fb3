//! The compare screen: two to four articles side by side (stacked when narrow). Each shared
//! passage has the same colour in every pane; near-verbatim passages are drawn differently
//! and the words that differ are marked; a narrow gutter maps where passages lie.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::highlight::{Marked, Meaning, sort_marks, styled_lines};
use super::{chrome, fit, layout};
use crate::tui::app::{App, Compare, Link};
use crate::tui::keymap::Context;
use crate::tui::wrap::{WrappedLine, line_of, wrap_body};

const HINTS: &[(&str, &str)] = &[
    ("next_passage", "next"),
    ("prev_passage", "prev"),
    ("switch_pane", "pane"),
    ("toggle_sync", "sync"),
    ("next_partner", "partner"),
    ("back", "back"),
    ("help", "help"),
    // last: at 80 columns the hints before it are the ones that fit
    ("export", "export"),
];

pub fn draw(app: &App, c: &Compare, frame: &mut Frame) {
    let (header, _, footer) = layout::chrome(frame.area());
    let title = format!("compare {} articles", c.panes.len());
    chrome::header(app, frame, header, &title);
    let rects = layout::compare(layout::size_of(frame.area()), c.panes.len());
    for (i, rect) in rects.iter().enumerate() {
        draw_pane(app, c, i, rect, frame);
    }
    let pos = match c.current {
        Some(i) => format!("passage {}/{}", i + 1, c.links.len()),
        None => crate::text::count(c.links.len(), "shared passage"),
    };
    let sync = if c.sync { "sync on" } else { "sync off" };
    let extra = Line::raw(format!("{pos} · {sync}"));
    chrome::footer(app, frame, footer, Context::Compare, HINTS, extra);
}

fn draw_pane(app: &App, c: &Compare, i: usize, rect: &layout::PaneRects, frame: &mut Frame) {
    let t = &app.theme;
    let Some(pane) = c.panes.get(i) else {
        return;
    };
    let Some(art) = app.corpus.articles.get(pane.article) else {
        return;
    };
    let title_style = if i == c.active {
        t.active_border
    } else {
        t.border
    };
    let title = super::heading(art);
    let title = fit(&title, usize::from(rect.title.width.saturating_sub(1)));
    frame.render_widget(Paragraph::new(Line::styled(title, title_style)), rect.title);
    let lines = wrap_body(&art.body, usize::from(rect.text.width));
    let height = usize::from(rect.text.height);
    let scroll = pane.scroll.min(lines.len().saturating_sub(1));
    let shown = &lines[scroll..lines.len().min(scroll + height)];
    let marks = pane_marks(app, c, i);
    let styled = styled_lines(&art.body, shown, &marks, t, Style::new());
    frame.render_widget(Paragraph::new(styled), rect.text);
    draw_gutter(app, c, i, &lines, rect.gutter, frame);
}

/// The marks of pane `i`: its quotes, and every link's span, changed words and the current
/// link.
fn pane_marks(app: &App, c: &Compare, i: usize) -> Vec<Marked> {
    let mut marks: Vec<Marked> = c
        .panes
        .get(i)
        .and_then(|p| app.index.marks(p.article))
        .map(|m| {
            m.quotes
                .iter()
                .map(|s| Marked {
                    span: s.clone(),
                    meaning: Meaning::Quote,
                })
                .collect()
        })
        .unwrap_or_default();
    for (n, link) in c.links.iter().enumerate() {
        let Some(Some(span)) = link.spans.get(i) else {
            continue;
        };
        marks.push(Marked {
            span: span.clone(),
            meaning: Meaning::Passage {
                color: link.color,
                near: link.near,
            },
        });
        for ch in link.changed.get(i).into_iter().flatten() {
            marks.push(Marked {
                span: ch.clone(),
                meaning: Meaning::Changed,
            });
        }
        if c.current == Some(n) {
            marks.push(Marked {
                span: span.clone(),
                meaning: Meaning::Current,
            });
        }
    }
    sort_marks(&mut marks);
    marks
}

/// A map of the whole article down the gutter: a block in the passage's colour where a
/// shared passage lies.
fn draw_gutter(
    app: &App,
    c: &Compare,
    i: usize,
    lines: &[WrappedLine],
    area: Rect,
    frame: &mut Frame,
) {
    let rows = usize::from(area.height);
    let total = lines.len().max(1);
    let at: Vec<(usize, &Link)> = c
        .links
        .iter()
        .filter_map(|l| {
            let s = l.spans.get(i)?.as_ref()?;
            Some((line_of(lines, s.start), l))
        })
        .collect();
    let mut out = Vec::with_capacity(rows);
    for r in 0..rows {
        let (from, to) = if total <= rows {
            (r, r + 1)
        } else {
            (
                r * total / rows,
                ((r + 1) * total / rows).max(r * total / rows + 1),
            )
        };
        let hit = at.iter().find(|(line, _)| (from..to).contains(line));
        out.push(match hit {
            Some((_, l)) => Line::from(Span::styled("▐", app.theme.passage_mark(l.color))),
            None => Line::raw(""),
        });
    }
    frame.render_widget(Paragraph::new(out), area);
}
