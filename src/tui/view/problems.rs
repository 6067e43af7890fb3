//! The load problems screen: one heading per reason (how many files, skipped or loaded
//! with a warning), the files under it.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::{chrome, fit, layout};
use crate::corpus::problems::{group, what};
use crate::text::sanitize_for_terminal;
use crate::tui::app::{App, Problems};
use crate::tui::keymap::Context;

const HINTS: &[(&str, &str)] = &[("down", "scroll"), ("back", "back"), ("help", "help")];

/// The lines of the screen, unclipped.
pub fn problem_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    for g in group(&app.problems) {
        let n = g.files.len();
        let files = if n == 1 { "file" } else { "files" };
        let head = format!("{n} {files} {}: {}", what(g.severity), g.reason);
        out.push(Line::styled(
            sanitize_for_terminal(&head).into_owned(),
            t.title,
        ));
        for (path, line) in &g.files {
            let mut p = path.display().to_string();
            if let Some(l) = line {
                p.push_str(&format!(":{l}"));
            }
            let p = sanitize_for_terminal(&p).replace('\n', "\u{2424}");
            out.push(Line::raw(format!("  {p}")));
        }
        out.push(Line::raw(""));
    }
    out
}

pub fn draw(app: &App, p: &Problems, frame: &mut Frame) {
    let (header, body, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, "load problems");
    let n = app.problems.len();
    let block = Block::bordered()
        .title(format!(" {}, by reason ", super::count(n, "load problem")))
        .border_style(app.theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let lines = problem_lines(app);
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(p.scroll.min(max))
        .map(|l| {
            let style = l.style;
            let text: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            Line::styled(fit(&text, width), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
    chrome::footer(app, frame, footer, Context::Problems, HINTS, Line::raw(""));
}
