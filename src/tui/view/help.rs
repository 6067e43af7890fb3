//! The help overlay: every key, grouped by screen, generated from the keymap itself, then
//! the legend of symbols and colours. It opens at the section of the screen it was asked
//! from; `/` searches it, n/N move between matching lines, g/G go to its ends.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{blank, chrome, layout, legend};
use crate::tui::app::{App, Help};
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;

/// The lines of the help: per context, a heading and `keys  description` rows, then the
/// legend.
pub fn help_lines(keymap: &Keymap, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let bindings = keymap.bindings(ctx);
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(blank());
        }
        out.push(Line::styled(ctx.title().to_string(), theme.title));
        for b in bindings {
            let keys = b.names.join(" ");
            out.push(Line::from(vec![
                Span::styled(format!("  {keys:<22}"), theme.key),
                Span::raw(b.command.description()),
            ]));
        }
    }
    out.push(blank());
    out.extend(legend::lines(theme));
    out
}

/// The plain text of a line (for search).
pub fn text_of(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

/// The first line of the section titled `title` (0 when there is none).
pub fn section_start(lines: &[Line<'_>], title: &str) -> usize {
    lines.iter().position(|l| text_of(l) == title).unwrap_or(0)
}

/// The lines of the help that match `query`.
pub fn matching(lines: &[Line<'_>], query: &str) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !crate::filter::find_in(&text_of(l), query).is_empty())
        .map(|(i, _)| i)
        .collect()
}

pub fn draw(app: &App, h: &Help, frame: &mut Frame) {
    let t = &app.theme;
    let (_, body, footer) = layout::chrome(frame.area());
    let hints = [
        ("close", "close"),
        ("search", "search"),
        ("bottom", "end"),
        ("down", "scroll"),
    ];
    let extra = match (&h.typing, &h.query) {
        (Some(q), _) => Line::styled(format!("/{q}▏"), t.title),
        (None, Some(q)) => Line::raw(crate::tui::search::status(q, None, h.hits.len())),
        _ => Line::raw(""),
    };
    chrome::footer(app, frame, footer, Context::Help, &hints, extra);
    let area = layout::centered(body, 74, body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(" Help: keys and symbols (? or Esc closes) ")
        .border_style(t.active_border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = help_lines(&app.keymap, t);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = h.scroll.min(max);
    let query = h.query.as_deref();
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .map(|l| match query {
            Some(q) if !crate::filter::find_in(&text_of(&l), q).is_empty() => Line::from(
                super::search::highlighted(&text_of(&l), Some(q), l.style, t.matched),
            ),
            _ => l,
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
