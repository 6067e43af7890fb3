//! The chrome around every screen: the header (corpus, counts, filter chips, analysis
//! progress) and the footer (the keys that matter here, or a notice).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::analysis::Stage;
use crate::text::sanitize_for_terminal;
use crate::tui::app::{App, Progress, Text};
use crate::tui::keymap::Context;

/// Draws the header: `parallax · corpus · N articles`, the screen title, filter chips and
/// the analysis state.
pub fn header(app: &App, frame: &mut Frame, area: Rect, title: &str) {
    let t = &app.theme;
    let lib = &app.library;
    let count = if lib.filters.is_empty() && lib.text.is_none() && lib.narrow.is_none() {
        crate::text::count(app.corpus.len(), "article")
    } else {
        format!(
            "{}/{}",
            lib.visible.len(),
            crate::text::count(app.corpus.len(), "article")
        )
    };
    let mut spans = vec![
        Span::styled(" parallax ", t.header),
        Span::raw(" "),
        Span::styled(
            sanitize_for_terminal(&app.corpus.name).into_owned(),
            t.title,
        ),
        Span::raw(format!(" · {count}")),
    ];
    if !title.is_empty() {
        spans.push(Span::raw(" · "));
        spans.push(Span::styled(title.to_string(), t.title));
    }
    for &e in &lib.filters {
        if let Some(ent) = app.analysis.entities.entities.get(e) {
            spans.push(Span::raw(" "));
            let name = sanitize_for_terminal(&ent.name).into_owned();
            spans.push(Span::styled(format!(" {name} ✕ "), t.chip));
        }
    }
    if let Some(q) = &lib.text {
        let q = sanitize_for_terminal(q).replace('\n', " ");
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" text: {q} ✕ "), t.chip));
    }
    if let Some(n) = &lib.narrow {
        let label = sanitize_for_terminal(&n.label).replace('\n', " ");
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {label} ✕ "), t.chip));
    }
    spans.push(Span::raw(" "));
    spans.push(progress(app));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn progress(app: &App) -> Span<'static> {
    match &app.progress {
        Progress::Done if app.text == Text::Pending => {
            Span::styled("⟳ loading the text", app.theme.dim)
        }
        Progress::Done => Span::raw(""),
        Progress::Loading { total: 0, .. } => Span::styled("⟳ listing files", app.theme.dim),
        Progress::Loading { done, total } => Span::styled(
            format!(
                "⟳ loading {}/{} {}",
                thousands(*done),
                thousands(*total),
                crate::text::plural(*total, "file")
            ),
            app.theme.dim,
        ),
        Progress::Failed(why) => Span::styled(format!("analysis failed: {why}"), app.theme.error),
        Progress::Running(done) => {
            let stage = match done.last() {
                None => "entities",
                Some(Stage::Entities) => "quotes",
                Some(Stage::Quotes) => "shared passages",
                Some(Stage::Passages) => "stories",
                Some(Stage::Stories) => "finishing",
            };
            Span::styled(
                format!("⟳ analysing {stage} ({}/4)", done.len()),
                app.theme.dim,
            )
        }
    }
}

/// `12345` as `12,345`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Draws the footer: `extra` (the screen's state) first, then the notice if there is one,
/// else `key label` hints for `ctx` (actions named as in the keymap).
pub fn footer(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    ctx: Context,
    hints: &[(&str, &str)],
    extra: Line<'static>,
) {
    let t = &app.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    if !extra.spans.is_empty() {
        spans.push(Span::raw(" "));
        spans.extend(extra.spans);
        spans.push(Span::styled(" │", t.footer));
    }
    let width = usize::from(area.width);
    let mut used: usize = spans
        .iter()
        .map(|s| super::super::wrap::str_cols(&s.content))
        .sum();
    if let Some(n) = &app.notice {
        let room = width.saturating_sub(used + 2);
        spans.push(Span::styled(format!(" {} ", super::fit(n, room)), t.error));
    } else {
        // Whole hints only: one that does not fit is left out, never cut mid-word.
        for (action, label) in hints {
            if let Some(key) = app.keymap.key_for(ctx, action) {
                let (k, l) = (format!(" {key}"), format!(" {label} "));
                let cols = super::super::wrap::str_cols(&k) + super::super::wrap::str_cols(&l);
                if used + cols > width + 1 {
                    break;
                }
                used += cols;
                spans.push(Span::styled(k, t.key.patch(t.footer)));
                spans.push(Span::styled(l, t.footer));
            }
        }
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(t.footer), area);
}

/// The style of an article label in lists: marked articles stand out.
pub fn marked_style(app: &App, article: usize) -> Style {
    if app.library.marked.contains(&article) {
        app.theme.marked
    } else {
        Style::new()
    }
}
