//! The entity filter overlay: a query line, then the ranked entities with kind and article
//! count, their matched characters highlighted, and the filters already applied as chips.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::highlight::matched_chars;
use super::{chrome, layout};
use crate::tui::keymap::Context;

const HINTS: &[(&str, &str)] = &[
    ("apply", "apply"),
    ("cancel", "cancel"),
    ("down", "next"),
    ("delete_char", "delete"),
];
use crate::filter::EntityMatch;
use crate::text::sanitize_for_terminal;
use crate::tui::app::{App, Filter};

pub fn draw(app: &App, f: &Filter, frame: &mut Frame) {
    let t = &app.theme;
    let (_, body, footer) = layout::chrome(frame.area());
    chrome::footer(app, frame, footer, Context::Filter, HINTS, Line::raw(""));
    let area = layout::centered(body, 70, body.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(" Filter by entity ")
        .border_style(t.active_border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![query_line(app, f)];
    let rows = usize::from(inner.height.saturating_sub(1));
    let offset = (f.selected + 1).saturating_sub(rows);
    if f.matches.is_empty() {
        let why = if app.analysis.entities.entities.is_empty() {
            "no entities yet (the analysis is still running, or found none)"
        } else {
            "no entity matches"
        };
        lines.push(Line::styled(why, t.dim));
    }
    for (i, m) in f.matches.iter().enumerate().skip(offset).take(rows) {
        lines.extend(match_line(app, m, i == f.selected));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn query_line(app: &App, f: &Filter) -> Line<'static> {
    let t = &app.theme;
    let mut spans = Vec::new();
    for &e in &app.library.filters {
        if let Some(ent) = app.analysis.entities.entities.get(e) {
            let name = sanitize_for_terminal(&ent.name).into_owned();
            spans.push(Span::styled(format!(" {name} "), t.chip));
            spans.push(Span::raw(" "));
        }
    }
    spans.push(Span::styled("› ", t.title));
    spans.push(Span::raw(sanitize_for_terminal(&f.query).into_owned()));
    spans.push(Span::styled("▏", t.title));
    Line::from(spans)
}

/// One ranked entity: the matched name with its matched characters marked, the canonical
/// name when an alias matched, kind and article count.
fn match_line(app: &App, m: &EntityMatch, selected: bool) -> Option<Line<'static>> {
    let t = &app.theme;
    let e = app.analysis.entities.entities.get(m.entity)?;
    let base = if selected { t.selected } else { Style::new() };
    let name = match m.alias {
        Some(a) => e.aliases.get(a).unwrap_or(&e.name),
        None => &e.name,
    };
    let name = sanitize_for_terminal(name).into_owned();
    let mut line = matched_chars(&name, &m.positions, t, base);
    if m.alias.is_some() {
        let canon = sanitize_for_terminal(&e.name).into_owned();
        line.spans.push(Span::styled(format!(" → {canon}"), base));
    }
    let kind = format!("{:?}", e.kind).to_lowercase();
    let n = e.articles().len();
    let s = if n == 1 { "" } else { "s" };
    line.spans.push(Span::styled(
        format!("  {kind} · {n} article{s}"),
        base.patch(t.dim),
    ));
    Some(line.style(base))
}
