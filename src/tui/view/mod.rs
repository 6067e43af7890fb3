//! The view: draws the app into a frame and changes nothing. One file per screen and
//! overlay; [`highlight`] is the one place where byte ranges become styles.

mod chrome;
mod compare;
mod filter;
mod grid;
mod help;
pub mod highlight;
#[cfg(test)]
mod keys_doc_tests;
pub mod layout;
mod legend;
mod library;
mod omissions;
mod problems;
mod quotes;
#[cfg(test)]
mod quotes_scope_tests;
mod reader;
#[cfg(test)]
mod screens_tests;
mod search;
#[cfg(test)]
mod search_tests;
#[cfg(test)]
mod speaker_tests;
mod stories;
#[cfg(test)]
mod stories_tests;

pub use help::{help_lines, matching as help_matching, section_start};
pub use legend::TITLE as LEGEND_TITLE;
pub use problems::problem_lines;

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::analysis::Span;
use crate::corpus::{Article, ArticleIdx};
use crate::text::sanitize_for_terminal;

use super::app::{App, Overlay, Screen};
use highlight::{Marked, Meaning, sort_marks};

/// Draws the whole app.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if layout::too_small((area.width, area.height)) {
        let msg = format!(
            "Terminal too small: {}×{}. parallax needs at least {}×{}.",
            area.width,
            area.height,
            layout::MIN_COLS,
            layout::MIN_ROWS
        );
        let p = Paragraph::new(msg)
            .style(app.theme.error)
            .wrap(Wrap { trim: true });
        frame.render_widget(p, area);
        return;
    }
    match app.stack.last() {
        None => library::draw(app, frame),
        Some(Screen::Reader(r)) => reader::draw(app, r, frame),
        Some(Screen::Compare(c)) => compare::draw(app, c, frame),
        Some(Screen::Quotes(q)) => quotes::draw(app, q, frame),
        Some(Screen::Problems(p)) => problems::draw(app, p, frame),
        Some(Screen::Omissions(o)) => omissions::draw(app, o, frame),
        Some(Screen::Grid(g)) => grid::draw(app, g, frame),
    }
    match &app.overlay {
        None => {}
        Some(Overlay::Filter(f)) => filter::draw(app, f, frame),
        Some(Overlay::Help(h)) => help::draw(app, h, frame),
        Some(Overlay::Search(s)) => search::draw(app, s, frame),
    }
}

/// The marks of an article: quotes and their speakers, entity mentions and shared passages; `current`, the
/// span n/N moved to, is marked too.
pub fn article_marks(app: &App, article: ArticleIdx, current: Option<&Span>) -> Vec<Marked> {
    let mut marks = Vec::new();
    if let Some(m) = app.index.marks(article) {
        marks.extend(m.quotes.iter().map(|s| Marked {
            span: s.clone(),
            meaning: Meaning::Quote,
        }));
        marks.extend(m.speakers.iter().map(|s| Marked {
            span: s.clone(),
            meaning: Meaning::Speaker,
        }));
        marks.extend(m.entities.iter().map(|e| Marked {
            span: e.span(),
            meaning: Meaning::Entity(e.kind()),
        }));
        marks.extend(m.passages.iter().map(|(p, s)| Marked {
            span: s.clone(),
            meaning:
                Meaning::Passage {
                    color: *p,
                    near:
                        app.analysis.passages.passages.get(*p).is_some_and(|x| {
                            x.label == crate::analysis::passages::Label::NearVerbatim
                        }),
                },
        }));
    }
    if let Some(c) = current {
        marks.push(Marked {
            span: c.clone(),
            meaning: Meaning::Current,
        });
    }
    sort_marks(&mut marks);
    marks
}

/// `1 shared passage`, `2 shared passages`: a count and its noun, singular for one.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// An article's outlet, or a dash.
pub fn outlet(a: &Article) -> String {
    a.meta.source.as_deref().map_or_else(
        || "—".to_string(),
        |s| sanitize_for_terminal(s).into_owned(),
    )
}

/// An article's date (`?` when the year was inferred), or a dash.
pub fn date(a: &Article) -> String {
    a.meta.date_shown()
}

/// A short label for an article: its outlet, else its short headline (never its id).
pub fn label(a: &Article) -> String {
    sanitize_for_terminal(&crate::corpus::naming::short_name(a)).into_owned()
}

/// An article's heading: `Outlet — headline`, or the headline alone.
pub fn heading(a: &Article) -> String {
    let title = sanitize_for_terminal(&a.meta.title);
    match &a.meta.source {
        Some(s) => format!("{} — {title}", sanitize_for_terminal(s)),
        None => title.into_owned(),
    }
}

/// A text cut to `cols` terminal columns with `…`.
pub fn fit(text: &str, cols: usize) -> String {
    let clean = sanitize_for_terminal(text).replace('\n', " ");
    if super::wrap::str_cols(&clean) <= cols {
        return clean;
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = super::wrap::char_cols(c);
        if used + w + 1 > cols {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// A text cut or padded to exactly `cols` terminal columns (wide characters count two).
pub fn pad(text: &str, cols: usize) -> String {
    let mut out = fit(text, cols);
    let used = super::wrap::str_cols(&out);
    out.push_str(&" ".repeat(cols.saturating_sub(used)));
    out
}

/// An empty line (for building paragraphs).
pub fn blank() -> Line<'static> {
    Line::raw("")
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod text_tests;
#[cfg(test)]
mod width_tests;
