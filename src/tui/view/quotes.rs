//! The quotes screen: every statement the filtered articles of one story (or of every
//! story) quote, with its speaker and the outlets carrying it (earliest first), where
//! outlets word or attribute it differently, and who left a widely carried statement out.
//! The title says which story it lists.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{chrome, date, fit, label, layout};
use crate::tui::app::{App, Quotes};
use crate::tui::keymap::Context;
use crate::tui::quote_rows::{self, QuoteRow};

/// The footer's hints: the scope key's says what it switches to.
fn hints(app: &App, q: &Quotes) -> Vec<(&'static str, &'static str)> {
    let mut out = vec![("open", "compare two carriers")];
    if quote_rows::home(app, q).is_some() {
        out.push((
            "story_scope",
            if q.all { "this story" } else { "every story" },
        ));
    }
    out.extend([
        ("next_speaker", "speaker"),
        ("search", "search"),
        ("back", "back"),
        ("help", "help"),
    ]);
    out
}

pub fn draw(app: &App, q: &Quotes, frame: &mut Frame) {
    let (header, body, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, "quotes");
    let rows = &q.rows;
    let block = Block::bordered()
        .title(title(app, q))
        .border_style(app.theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    let mut lines: Vec<Line> = Vec::new();
    if rows.is_empty() {
        let why = match app.progress {
            crate::tui::app::Progress::Done if q.story.is_some() => {
                "no visible article of this story quotes anyone"
            }
            crate::tui::app::Progress::Done => "no visible article quotes anyone",
            _ => "waiting for the analysis…",
        };
        lines.push(Line::styled(why, app.theme.dim));
    }
    // Only the rows on screen are laid out: from the first one that keeps the selected row
    // in view, until the body is full. A corpus can hold hundreds of thousands of quotes.
    let query = q.search.as_ref().map(|s| s.query.as_str());
    let lay = |i: usize| row_lines(app, &rows[i], i == q.selected, width, query);
    let selected = q.selected.min(rows.len().saturating_sub(1));
    let mut first = selected;
    let mut used = if rows.is_empty() {
        0
    } else {
        lay(selected).len()
    };
    while first > 0 {
        let above = lay(first - 1).len();
        if used + above > height {
            break;
        }
        used += above;
        first -= 1;
    }
    for i in first..rows.len() {
        if lines.len() >= height {
            break;
        }
        lines.extend(lay(i));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let extra = q.search.as_ref().map_or_else(
        || Line::raw(""),
        |s| {
            let at = s.rows.iter().position(|&r| r == q.selected);
            Line::raw(crate::tui::search::status(&s.query, at, s.rows.len()))
        },
    );
    chrome::footer(app, frame, footer, Context::Quotes, &hints(app, q), extra);
}

/// `12 statements quoted`, or `3 statements of Ana Ferik` when one speaker's are listed;
/// then which story: `· story: LABEL`, or `· every story` when the screen could keep to one.
fn title(app: &App, q: &Quotes) -> String {
    let n = crate::text::count(q.rows.len(), "statement");
    let head = match &q.speaker {
        None => format!("{n} quoted"),
        Some(who) => format!("{n} of {}", crate::text::sanitize_for_terminal(who)),
    };
    let stories = &app.analysis.stories;
    let story = match q.story.and_then(|s| stories.stories.get(s)) {
        Some(s) => {
            let label = s.label(&app.analysis.entities);
            let label = if label.is_empty() {
                s.id.clone()
            } else {
                label
            };
            format!(" · story: {}", crate::text::sanitize_for_terminal(&label))
        }
        None if quote_rows::home(app, q).is_some() => " · every story".to_string(),
        None => String::new(),
    };
    format!(" {head}{story} ")
}

fn row_lines(
    app: &App,
    r: &QuoteRow,
    selected: bool,
    width: usize,
    query: Option<&str>,
) -> Vec<Line<'static>> {
    let t = &app.theme;
    let base = if selected { t.selected } else { Style::new() };
    let kind = match (r.carriers.len(), r.reworded) {
        (1, _) => "1 outlet".to_string(),
        (n, false) => format!("{n} outlets"),
        (n, true) => format!("{n} outlets, reworded"),
    };
    let who = r
        .speaker
        .as_deref()
        .map_or_else(|| " — unattributed".to_string(), |s| format!(" — {s}"));
    let head = format!(" [{kind}] “{}”{who}", r.text);
    let mut first = vec![Span::styled("██", t.passage_mark(r.statement))];
    let head = fit(&head, width.saturating_sub(2));
    first.extend(super::search::highlighted(&head, query, base, t.matched));
    let mut out = vec![Line::from(first)];
    let carried: Vec<String> = r
        .carriers
        .iter()
        .map(|(a, _)| {
            let art = &app.corpus.articles[*a];
            format!("{} {}", label(art), date(art))
        })
        .collect();
    let first = if carried.len() == 1 {
        format!("   in {}", carried.join(""))
    } else {
        format!("   first in {}", carried.join(" → "))
    };
    out.push(Line::styled(fit(&first, width), t.dim));
    out.extend(notes(app, r, width));
    out
}

/// What the carriers disagree on: wording, speaker; who left it out.
fn notes(app: &App, r: &QuoteRow, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = Vec::new();
    if !r.wordings.is_empty() {
        out.push(Line::raw(fit("   worded differently:", width)));
        for (a, words) in r.wordings.iter().take(4) {
            let art = &app.corpus.articles[*a];
            let line = format!("     {}: “{words}”", label(art));
            out.push(Line::styled(fit(&line, width), t.dim));
        }
    }
    if !r.speakers.is_empty() {
        let who: Vec<String> = r
            .speakers
            .iter()
            .map(|(a, s)| format!("{s} ({})", label(&app.corpus.articles[*a])))
            .collect();
        let line = format!("   speaker differs: {}", who.join(", "));
        out.push(Line::styled(fit(&line, width), t.error));
    }
    if !r.missing.is_empty() {
        let who: Vec<String> = r
            .missing
            .iter()
            .map(|a| label(&app.corpus.articles[*a]))
            .collect();
        let line = format!("   left out by: {}", who.join(", "));
        out.push(Line::raw(fit(&line, width)));
    }
    out
}
