//! The reader screen: one article, wrapped on Unicode width, with shared passages, quotes
//! and entity mentions styled; a gutter counts the other articles sharing something in
//! each paragraph; the footer names the articles that carry the current passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::highlight::styled_lines;
use super::{article_marks, chrome, fit, label, layout};
use crate::corpus::ArticleIdx;
use crate::tui::app::{App, Reader};
use crate::tui::keymap::Context;
use crate::tui::wrap::{WrappedLine, wrap_body};

const HINTS: &[(&str, &str)] = &[
    ("next_passage", "next passage"),
    ("prev_passage", "prev"),
    ("search", "search"),
    ("compare", "compare"),
    ("back", "back"),
    ("help", "help"),
    ("omissions", "left out"),
];

pub fn draw(app: &App, r: &Reader, frame: &mut Frame) {
    let Some(art) = app.corpus.articles.get(r.article) else {
        return;
    };
    let (header, _, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, &label(art));
    let size = layout::size_of(frame.area());
    draw_heading(app, art, layout::reader_head(size), frame);
    let (gutter, text) = layout::reader(size);
    let lines = wrap_body(&art.body, usize::from(text.width));
    let height = usize::from(text.height);
    let scroll = r.scroll.min(lines.len().saturating_sub(1));
    let shown = &lines[scroll..lines.len().min(scroll + height)];
    let current = current_span(app, r);
    let mut marks = article_marks(app, r.article, current.as_ref().map(|(_, s)| s));
    search_marks(r, &mut marks);
    let styled = styled_lines(&art.body, shown, &marks, &app.theme, Style::new());
    frame.render_widget(Paragraph::new(styled), text);
    draw_gutter(app, r.article, shown, gutter, frame);
    let extra = match (&r.search, current) {
        (Some(s), _) => Line::raw(crate::tui::search::status(
            &s.query,
            s.current,
            s.spans.len(),
        )),
        (None, Some((p, _))) => carriers(app, r, p),
        (None, None) => Line::raw(format!("{}% read", percent(scroll, lines.len(), height))),
    };
    chrome::footer(app, frame, footer, Context::Reader, HINTS, extra);
}

/// The headline, then `outlet · date · URL` (what the text does not say is left out).
fn draw_heading(app: &App, art: &crate::corpus::Article, area: Rect, frame: &mut Frame) {
    let t = &app.theme;
    let width = usize::from(area.width.saturating_sub(1));
    let mut facts = Vec::new();
    if let Some(s) = &art.meta.source {
        facts.push(s.clone());
    }
    if art.meta.date.is_some() {
        facts.push(super::date(art));
    }
    if let Some(a) = &art.meta.author {
        facts.push(a.clone());
    }
    if let Some(u) = &art.meta.url {
        facts.push(u.clone());
    }
    if facts.is_empty() {
        facts.push("outlet and date unknown".to_string());
    }
    let lines = vec![
        Line::styled(format!(" {}", fit(&art.meta.title, width)), t.title),
        Line::styled(format!(" {}", fit(&facts.join(" · "), width)), t.dim),
    ];
    frame.render_widget(Paragraph::new(lines), area);
}

/// The matches of the reader's search, and the one n/N moved to.
fn search_marks(r: &Reader, marks: &mut Vec<super::highlight::Marked>) {
    use super::highlight::{Marked, Meaning};
    let Some(s) = &r.search else {
        return;
    };
    for (i, span) in s.spans.iter().enumerate() {
        marks.push(Marked {
            span: span.clone(),
            meaning: Meaning::Match,
        });
        if s.current == Some(i) {
            marks.push(Marked {
                span: span.clone(),
                meaning: Meaning::Current,
            });
        }
    }
    super::highlight::sort_marks(marks);
}

/// The passage and span n/N moved to.
fn current_span(app: &App, r: &Reader) -> Option<(usize, crate::analysis::Span)> {
    let marks = app.index.marks(r.article)?;
    r.current.and_then(|i| marks.passages.get(i)).cloned()
}

fn percent(scroll: usize, len: usize, height: usize) -> usize {
    if len <= height {
        100
    } else {
        (scroll + height).min(len) * 100 / len
    }
}

/// `passage 2/7 · also in: TASS (004), …` for the footer.
fn carriers(app: &App, r: &Reader, passage: usize) -> Line<'static> {
    let total = app.index.marks(r.article).map_or(0, |m| m.passages.len());
    let others: Vec<String> = app
        .analysis
        .passages
        .passages
        .get(passage)
        .map(|p| {
            let mut arts: Vec<ArticleIdx> = p
                .occurrences
                .iter()
                .map(|o| o.article)
                .filter(|&a| a != r.article)
                .collect();
            arts.dedup();
            arts.iter()
                .filter_map(|&a| app.corpus.articles.get(a).map(label))
                .collect()
        })
        .unwrap_or_default();
    Line::from(vec![
        Span::styled(
            format!(" passage {}/{} ", r.current.map_or(0, |c| c + 1), total),
            app.theme.passage(passage),
        ),
        Span::raw(format!(" also in: {}", others.join(", "))),
    ])
}

/// Per paragraph (on its first line): how many other articles share something in it.
fn draw_gutter(
    app: &App,
    article: ArticleIdx,
    shown: &[WrappedLine],
    area: Rect,
    frame: &mut Frame,
) {
    let Some(marks) = app.index.marks(article) else {
        return;
    };
    let Some(art) = app.corpus.articles.get(article) else {
        return;
    };
    let paras: Vec<(usize, usize)> = art.paragraphs().map(|(o, p)| (o, o + p.len())).collect();
    let lines: Vec<Line> = shown
        .iter()
        .map(|l| {
            if !l.first {
                return Line::raw("");
            }
            let Some(&(ps, pe)) = paras.get(l.paragraph) else {
                return Line::raw("");
            };
            let mut others: Vec<ArticleIdx> = marks
                .passages
                .iter()
                .filter(|(_, s)| s.start < pe && ps < s.end)
                .filter_map(|(p, _)| app.analysis.passages.passages.get(*p))
                .flat_map(|p| p.occurrences.iter().map(|o| o.article))
                .filter(|&a| a != article)
                .collect();
            others.sort_unstable();
            others.dedup();
            match others.len() {
                0 => Line::raw(""),
                n => Line::styled(format!("{n:>3}"), app.theme.marked),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
