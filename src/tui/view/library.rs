//! The library screen: the article list (date, outlet, shared-passage count, title) beside
//! a preview of the selected article (title, metadata, entities, where it mentions the
//! filtered entities, first paragraphs).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::highlight::{Marked, Meaning, styled_lines, styled_range};
use super::{article_marks, blank, chrome, date, fit, layout, outlet, pad};
use crate::corpus::ArticleIdx;
use crate::text::sanitize_for_terminal;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::stories::{Group, Grouping, Row};
use crate::tui::wrap::wrap_body;

const HINTS: &[(&str, &str)] = &[
    ("open", "read"),
    ("mark", "mark"),
    ("compare", "compare"),
    ("filter", "filter"),
    ("quotes", "quotes"),
    ("sort", "sort"),
    ("help", "help"),
    ("back", "quit"),
    ("group", "stories"),
    ("omissions", "left out"),
    ("grid", "grid"),
];

pub fn draw(app: &App, frame: &mut Frame) {
    let (header, _, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, "");
    let (list, preview) = layout::library(layout::size_of(frame.area()));
    draw_list(app, frame, list);
    if preview.width > 0 {
        if let Some(a) = app.selected_article() {
            draw_preview(app, frame, preview, a);
        } else if let Some(g) = selected_group(app) {
            super::stories::draw_preview(app, frame, preview, g);
        }
    }
    let marked = match crate::tui::update::marked_count(app) {
        None => Line::raw(""),
        Some(n) => Line::styled(n, app.theme.marked),
    };
    chrome::footer(app, frame, footer, Context::Library, HINTS, marked);
}

fn draw_list(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let title = match app.library.grouping {
        Grouping::Flat => format!(" Articles · by {} ", app.library.sort.label()),
        Grouping::Stories if app.analysis.stories.stories.is_empty() => format!(
            " Articles · by {} · stories once analysed ",
            app.library.sort.label()
        ),
        Grouping::Stories => format!(
            " Articles · by {} · {} ",
            app.library.sort.label(),
            super::stories::stories_count(app)
        ),
    };
    let block = Block::bordered().title(title).border_style(t.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height.saturating_sub(1));
    let width = usize::from(inner.width);
    let outlet_cols = if width < 70 { 10 } else { 14 };
    let title_cols = width.saturating_sub(2 + 12 + outlet_cols + 1 + 4);
    let mut lines = vec![Line::styled(
        fit(
            &format!(
                "  {:<10} {:<outlet_cols$} {:>3} TITLE",
                "DATE", "OUTLET", "≡"
            ),
            width,
        ),
        t.dim,
    )];
    if app.library.visible.is_empty() {
        lines.push(Line::styled("  no article matches the filters", t.dim));
    }
    let sel = app.library.selected;
    let offset = (sel + 1).saturating_sub(rows);
    let cols = (outlet_cols, title_cols);
    let end = app.library_len().min(offset + rows);
    for pos in offset..end {
        lines.extend(list_row(app, pos, pos == sel, cols));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The row at `pos` of the library: an article, or (grouped) a story's header.
fn list_row(app: &App, pos: usize, selected: bool, cols: (usize, usize)) -> Option<Line<'static>> {
    let lib = &app.library;
    match lib.grouping {
        Grouping::Flat => lib.visible.get(pos).map(|&a| row(app, a, selected, cols)),
        Grouping::Stories => match lib.rows.get(pos)? {
            Row::Article(a) => Some(row(app, *a, selected, cols)),
            Row::Header(g) => {
                let group = lib.groups.get(*g)?;
                let open = lib.open.contains(&group.key);
                Some(super::stories::header_row(app, group, open, selected, cols))
            }
        },
    }
}

/// The group whose header is selected (grouped library).
fn selected_group(app: &App) -> Option<&Group> {
    let lib = &app.library;
    match (lib.grouping, lib.rows.get(lib.selected)) {
        (Grouping::Stories, Some(Row::Header(g))) => lib.groups.get(*g),
        _ => None,
    }
}

/// One article row; `cols` are the widths of the outlet and title columns.
fn row(app: &App, a: ArticleIdx, selected: bool, cols: (usize, usize)) -> Line<'static> {
    let (outlet_cols, title_cols) = cols;
    let t = &app.theme;
    let art = &app.corpus.articles[a];
    let marked = app.library.marked.contains(&a);
    let count = match app.index.passage_count(a) {
        0 => String::new(),
        n => n.to_string(),
    };
    let mark = if marked { "● " } else { "  " };
    let base = if selected { t.selected } else { Style::new() };
    let read = if app.reading.read.get(a) == Some(&true) {
        t.dim
    } else {
        Style::new()
    };
    Line::from(vec![
        Span::styled(mark.to_string(), base.patch(chrome::marked_style(app, a))),
        Span::styled(format!("{} ", pad(&date(art), 11)), base),
        Span::styled(format!("{} ", pad(&outlet(art), outlet_cols)), base),
        Span::styled(format!("{count:>3} "), base),
        Span::styled(
            fit(&art.meta.title, title_cols),
            base.patch(read).patch(chrome::marked_style(app, a)),
        ),
    ])
    .style(base)
}

fn draw_preview(app: &App, frame: &mut Frame, area: Rect, a: ArticleIdx) {
    let t = &app.theme;
    let block = Block::bordered().title(" Preview ").border_style(t.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let art = &app.corpus.articles[a];
    let mut lines = vec![Line::styled(
        sanitize_for_terminal(&art.meta.title).into_owned(),
        t.title,
    )];
    if let Some(s) = &art.meta.subtitle {
        lines.push(Line::styled(sanitize_for_terminal(s).into_owned(), t.dim));
    }
    lines.push(meta_line(art));
    if let Some(url) = &art.meta.url {
        lines.push(Line::styled(sanitize_for_terminal(url).into_owned(), t.dim));
    }
    if !art.meta.tags.is_empty() {
        let tags = sanitize_for_terminal(&art.meta.tags.join(", ")).into_owned();
        lines.push(Line::styled(format!("tags: {tags}"), t.dim));
    }
    lines.push(blank());
    lines.extend(entities(app, a));
    lines.extend(mentions(app, a, usize::from(inner.width)));
    let used: usize = lines.len() + 1;
    lines.push(blank());
    if !art.has_body() {
        // A reopened corpus: the text is read after the metadata.
        lines.push(Line::styled("⟳ loading the text…", t.dim));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        return;
    }
    let room = usize::from(inner.height).saturating_sub(used);
    let wrapped = wrap_body(&art.body, usize::from(inner.width));
    let marks = article_marks(app, a, None);
    let shown = &wrapped[..wrapped.len().min(room)];
    lines.extend(styled_lines(&art.body, shown, &marks, t, Style::new()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn meta_line(art: &crate::corpus::Article) -> Line<'static> {
    let mut parts = vec![outlet(art), date(art)];
    if let Some(d) = &art.meta.dateline {
        parts.push(sanitize_for_terminal(d).into_owned());
    }
    if let Some(au) = &art.meta.author {
        parts.push(format!("by {}", sanitize_for_terminal(au)));
    }
    if let Some(c) = &art.meta.category {
        parts.push(sanitize_for_terminal(c).into_owned());
    }
    parts.push(crate::text::count(art.words, "word"));
    Line::raw(parts.join(" · "))
}

/// The entities the article names most, styled by kind.
fn entities(app: &App, a: ArticleIdx) -> Vec<Line<'static>> {
    let Some(m) = app.index.marks(a) else {
        return Vec::new();
    };
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for mark in m.entities {
        let e = mark.entity();
        match counts.iter_mut().find(|(x, _)| *x == e) {
            Some((_, n)) => *n += 1,
            None => counts.push((e, 1)),
        }
    }
    if counts.is_empty() {
        return Vec::new();
    }
    counts.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
    let mut spans = vec![Span::styled("Entities: ", app.theme.title)];
    for (i, (e, n)) in counts.iter().take(8).enumerate() {
        let Some(ent) = app.analysis.entities.entities.get(*e) else {
            continue;
        };
        if i > 0 {
            spans.push(Span::raw(", "));
        }
        let name = sanitize_for_terminal(&ent.name).into_owned();
        spans.push(Span::styled(name, app.theme.entity(ent.kind)));
        if *n > 1 {
            spans.push(Span::raw(format!(" ×{n}")));
        }
    }
    vec![Line::from(spans), blank()]
}

/// Where the article mentions each filtered entity: its first mention in context.
fn mentions(app: &App, a: ArticleIdx, width: usize) -> Vec<Line<'static>> {
    let Some(m) = app.index.marks(a) else {
        return Vec::new();
    };
    let art = &app.corpus.articles[a];
    let body = &art.body;
    let mut out = Vec::new();
    for &f in &app.library.filters {
        let Some(ent) = app.analysis.entities.entities.get(f) else {
            continue;
        };
        let hits: Vec<_> = m.entities.iter().filter(|e| e.entity() == f).collect();
        let name = sanitize_for_terminal(&ent.name).into_owned();
        let Some((kind, span)) = hits.first().map(|e| (e.kind(), e.span())) else {
            // Named only outside the body (title, dateline, outlet).
            if let Some(m) = ent.mentions.iter().find(|m| m.article == a) {
                let field = format!("{:?}", m.field).to_lowercase();
                out.push(Line::styled(
                    format!("{name}: in the {field}"),
                    app.theme.title,
                ));
            }
            continue;
        };
        let Some(before) = body
            .get(..span.start)
            .filter(|_| art.has_body() && art.fits(&span))
        else {
            // The text is still loading: the count is known, the context not yet.
            out.push(Line::styled(
                format!("{name}: {}×", hits.len()),
                app.theme.title,
            ));
            continue;
        };
        let para = 1 + before.matches("\n\n").count();
        out.push(Line::styled(
            format!("{name}: {}× — first in ¶{para}:", hits.len()),
            app.theme.title,
        ));
        let ctx = context(body, &span, width.saturating_sub(2));
        let marks = [Marked {
            span: span.clone(),
            meaning: Meaning::Entity(kind),
        }];
        let mut line = styled_range(body, ctx, &marks, &app.theme, Style::new());
        line.spans.insert(0, Span::raw("  …"));
        line.spans.push(Span::raw("…"));
        out.push(line);
    }
    if !out.is_empty() {
        out.push(blank());
    }
    out
}

/// A byte range around `span` of about `cols` characters, on char boundaries, within one
/// paragraph.
fn context(body: &str, span: &crate::analysis::Span, cols: usize) -> crate::analysis::Span {
    let para_start = body[..span.start].rfind("\n\n").map_or(0, |i| i + 2);
    let para_end = body[span.end..]
        .find("\n\n")
        .map_or(body.len(), |i| span.end + i);
    let before = cols.saturating_sub(span.len()) / 3;
    let mut start = span.start;
    for (n, (i, _)) in body[para_start..span.start]
        .char_indices()
        .rev()
        .enumerate()
    {
        if n >= before {
            break;
        }
        start = para_start + i;
    }
    let budget = cols.saturating_sub(4);
    let used = body[start..span.end].chars().count();
    let end = body[span.end..para_end]
        .char_indices()
        .take(budget.saturating_sub(used))
        .last()
        .map_or(span.end, |(i, c)| span.end + i + c.len_utf8());
    start..end
}
