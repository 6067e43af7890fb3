//! The help overlay: every key, grouped by screen, generated from the keymap itself.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{blank, chrome, layout};
use crate::tui::app::{App, Help};
use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Theme;

/// The lines of the help: per context, a heading and `keys  description` rows.
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
                Span::raw(b.description),
            ]));
        }
    }
    out
}

pub fn draw(app: &App, h: &Help, frame: &mut Frame) {
    let (_, body, footer) = layout::chrome(frame.area());
    let hints = [("close", "close"), ("down", "scroll")];
    chrome::footer(app, frame, footer, Context::Help, &hints, Line::raw(""));
    let area = layout::centered(body, 64, body.height);
    frame.render_widget(Clear, area);
    let block = Block::bordered()
        .title(" Help: keys (? or Esc closes) ")
        .border_style(app.theme.active_border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = help_lines(&app.keymap, &app.theme);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = h.scroll.min(max);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown), inner);
}
