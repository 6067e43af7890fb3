//! The reader screen: one article, wrapped on Unicode width, with shared passages, quotes
//! and entity mentions styled; a gutter counts the other articles sharing something in
//! each paragraph; the footer names the articles that carry the current passage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::highlight::styled_lines;
use super::{article_marks, chrome, label, layout};
use crate::corpus::ArticleIdx;
use crate::tui::app::{App, Reader};
use crate::tui::keymap::Context;
use crate::tui::wrap::{WrappedLine, wrap_body};

const HINTS: &[(&str, &str)] = &[
    ("next_passage", "next passage"),
    ("prev_passage", "prev"),
    ("compare", "compare"),
    ("back", "back"),
    ("help", "help"),
];

pub fn draw(app: &App, r: &Reader, frame: &mut Frame) {
    let Some(art) = app.corpus.articles.get(r.article) else {
        return;
    };
    let (header, _, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, &label(art));
    let (gutter, text) = layout::reader(layout::size_of(frame.area()));
    let lines = wrap_body(&art.body, usize::from(text.width));
    let height = usize::from(text.height);
    let scroll = r.scroll.min(lines.len().saturating_sub(1));
    let shown = &lines[scroll..lines.len().min(scroll + height)];
    let current = current_span(app, r);
    let marks = article_marks(app, r.article, current.as_ref().map(|(_, s)| s));
    let styled = styled_lines(&art.body, shown, &marks, &app.theme, Style::new());
    frame.render_widget(Paragraph::new(styled), text);
    draw_gutter(app, r.article, shown, gutter, frame);
    let extra = current.map_or_else(
        || Line::raw(format!("{}%", percent(scroll, lines.len(), height))),
        |(p, _)| carriers(app, r, p),
    );
    chrome::footer(app, frame, footer, Context::Reader, HINTS, extra);
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
