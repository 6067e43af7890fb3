//! The library's story level as drawn: a story's header row (date span, outlets, shared
//! passages, articles and label) and the preview of a story (outlets, dates, top entities,
//! what ties it, its articles).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{blank, count, date, fit, outlet, pad};
use crate::analysis::stories::summary::{self, Summary};
use crate::corpus::ArticleIdx;
use crate::text::sanitize_for_terminal;
use crate::tui::app::App;
use crate::tui::stories::{Group, GroupKey};

/// `2026-03-02`, `03-02–03-09` within a year, `2025–2026` across years, `—` undated.
pub fn span(s: &Summary) -> String {
    match (s.first, s.last) {
        (Some(a), Some(b)) if a == b => a.format("%Y-%m-%d").to_string(),
        (Some(a), Some(b)) if a.format("%Y").to_string() == b.format("%Y").to_string() => {
            format!("{}–{}", a.format("%m-%d"), b.format("%m-%d"))
        }
        (Some(a), Some(b)) => format!("{}–{}", a.format("%Y"), b.format("%Y")),
        _ => "—".to_string(),
    }
}

/// `45 stories`: the groups listed, the one-article stories counted one by one.
pub fn stories_count(app: &App) -> String {
    let n: usize = app
        .library
        .groups
        .iter()
        .map(|g| match g.key {
            GroupKey::Story(_) => 1,
            GroupKey::Singles => g.articles.len(),
        })
        .sum();
    if n == 1 {
        "1 story".to_string()
    } else {
        format!("{n} stories")
    }
}

/// The known outlets of `articles` with their article counts (most first, then by name),
/// and how many articles have no known outlet.
fn known_outlets(app: &App, articles: &[ArticleIdx]) -> (Vec<(String, usize)>, usize) {
    let mut counts: Vec<(String, usize)> = Vec::new();
    let mut unknown = 0;
    for a in articles.iter().filter_map(|&a| app.corpus.articles.get(a)) {
        match a
            .meta
            .source
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => unknown += 1,
            Some(s) => match counts.iter_mut().find(|(n, _)| n == s) {
                Some((_, c)) => *c += 1,
                None => counts.push((s.to_string(), 1)),
            },
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    (counts, unknown)
}

/// `3 outlets`, or `—` when no article names its outlet.
fn outlets_count(app: &App, g: &Group) -> String {
    match known_outlets(app, &g.articles).0.len() {
        0 => "—".to_string(),
        n => count(n, "outlet"),
    }
}

/// The summary of a group's visible articles.
fn summary_of(app: &App, g: &Group) -> Summary {
    let dates = g
        .articles
        .iter()
        .filter_map(|&a| app.corpus.articles.get(a).and_then(|x| x.meta.date));
    Summary {
        outlets: summary::outlets(&app.corpus, &g.articles),
        first: dates.clone().min(),
        last: dates.clone().max(),
        undated: g.articles.len() - dates.count(),
    }
}

/// A group's label: the story's, or what the one-article stories are.
pub fn label(app: &App, g: &Group) -> String {
    match g.key {
        GroupKey::Story(s) => app
            .analysis
            .stories
            .stories
            .get(s)
            .map(|s| s.label(&app.analysis.entities))
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "(no label)".to_string()),
        GroupKey::Singles => "each the only article of its story".to_string(),
    }
}

/// `5 articles`, or `2/5 articles` when the filters hide some.
fn articles_count(app: &App, g: &Group) -> String {
    let total = match g.key {
        GroupKey::Story(s) => app
            .analysis
            .stories
            .stories
            .get(s)
            .map(|s| s.articles.len()),
        GroupKey::Singles => None,
    };
    match total {
        Some(t) if t != g.articles.len() => format!("{}/{}", g.articles.len(), count(t, "article")),
        _ => count(g.articles.len(), "article"),
    }
}

/// One header row, in the columns of the article rows; `cols` are the widths of the
/// outlet and title columns.
pub fn header_row(
    app: &App,
    g: &Group,
    open: bool,
    selected: bool,
    cols: (usize, usize),
) -> Line<'static> {
    let (outlet_cols, title_cols) = cols;
    let t = &app.theme;
    let base = if selected { t.selected } else { Style::new() };
    let sum = summary_of(app, g);
    let shared = match g.key {
        GroupKey::Story(s) => app
            .analysis
            .stories
            .stories
            .get(s)
            .map_or(0, |s| s.passages + s.quotes),
        GroupKey::Singles => 0,
    };
    let shared = if shared == 0 {
        String::new()
    } else {
        shared.to_string()
    };
    let title = format!("{} · {}", articles_count(app, g), label(app, g));
    Line::from(vec![
        Span::styled(if open { "▾ " } else { "▸ " }, base.patch(t.title)),
        Span::styled(format!("{} ", pad(&span(&sum), 11)), base.patch(t.dim)),
        Span::styled(
            format!("{} ", pad(&outlets_count(app, g), outlet_cols)),
            base.patch(t.dim),
        ),
        Span::styled(format!("{shared:>3} "), base),
        Span::styled(fit(&title, title_cols), base.patch(t.title)),
    ])
    .style(base)
}

/// The preview of a group: what the story spans and ties it, then its articles.
pub fn draw_preview(app: &App, frame: &mut Frame, area: Rect, g: &Group) {
    let t = &app.theme;
    let block = Block::bordered().title(" Story ").border_style(t.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let sum = summary_of(app, g);
    let mut lines = vec![Line::styled(
        sanitize_for_terminal(&label(app, g)).into_owned(),
        t.title,
    )];
    let story = match g.key {
        GroupKey::Story(s) => app.analysis.stories.stories.get(s),
        GroupKey::Singles => None,
    };
    if let Some(h) = story.and_then(|s| app.corpus.articles.get(s.headline)) {
        lines.push(Line::styled(
            format!("“{}”", fit(&h.meta.title, width.saturating_sub(2))),
            t.dim,
        ));
    }
    let mut facts = vec![articles_count(app, g), outlets_count(app, g)];
    if sum.first.is_some() {
        facts.push(span_long(&sum));
    }
    if sum.undated > 0 {
        facts.push(format!("{} undated", sum.undated));
    }
    lines.push(Line::raw(facts.join(" · ")));
    lines.push(blank());
    lines.push(outlets_line(app, g));
    if let Some(s) = story {
        lines.push(entities_line(app, &s.entities));
        lines.push(Line::raw(format!(
            "Tied by {} and {}",
            count(s.passages, "shared passage"),
            count(s.quotes, "shared quote")
        )));
    }
    lines.push(blank());
    let room = usize::from(inner.height).saturating_sub(lines.len());
    for &a in g.articles.iter().take(room) {
        let art = &app.corpus.articles[a];
        let row = format!(
            "{} {} {}",
            pad(&date(art), 10),
            pad(&outlet(art), 12),
            art.meta.title
        );
        lines.push(Line::raw(fit(&row, width)));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// `2026-03-02 – 2026-03-09`.
fn span_long(s: &Summary) -> String {
    match (s.first, s.last) {
        (Some(a), Some(b)) if a != b => {
            format!("{} – {}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))
        }
        (Some(a), _) => a.format("%Y-%m-%d").to_string(),
        _ => String::new(),
    }
}

/// `Outlets: A ×3, B ×2, C, 4 articles without one`.
fn outlets_line(app: &App, g: &Group) -> Line<'static> {
    let (known, unknown) = known_outlets(app, &g.articles);
    let mut parts: Vec<String> = known
        .into_iter()
        .map(|(o, n)| {
            let name = sanitize_for_terminal(&o).into_owned();
            if n > 1 { format!("{name} ×{n}") } else { name }
        })
        .collect();
    if unknown > 0 {
        parts.push(format!("{} without one", count(unknown, "article")));
    }
    Line::from(vec![
        Span::styled("Outlets: ", app.theme.title),
        Span::raw(parts.join(", ")),
    ])
}

/// `Entities: …`, styled by kind.
fn entities_line(app: &App, entities: &[usize]) -> Line<'static> {
    let mut spans = vec![Span::styled("Entities: ", app.theme.title)];
    let known = entities
        .iter()
        .filter_map(|&e| app.analysis.entities.entities.get(e));
    for (i, e) in known.take(8).enumerate() {
        if i > 0 {
            spans.push(Span::raw(", "));
        }
        let name = sanitize_for_terminal(&e.name).into_owned();
        spans.push(Span::styled(name, app.theme.entity(e.kind)));
    }
    Line::from(spans)
}
