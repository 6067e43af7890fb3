//! Evidence out: a comparison of two articles, or the corpus's shared passages, written as
//! files people keep: a standalone HTML page ([`html`]), a Markdown write-up ([`markdown`])
//! and a spreadsheet of quote occurrences ([`quotes_csv`]).
//!
//! UI-free: it turns the byte ranges of the analysis into markup, and never imports the
//! terminal libraries. The command line and the TUI both call it, so a report written from
//! either is the same.

pub mod csv_cell;
pub mod html;
pub mod markdown;
pub mod quotes_csv;

use crate::analysis::Config;
use crate::analysis::Span;
use crate::analysis::passages::{AlignedSpan, Quoted, compare};
use crate::analysis::quotes::find_in;
use crate::corpus::Article;

/// One side of a comparison: the article and the outer spans of its direct quotes.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub article: &'a Article,
    /// Quotes with their marks, sorted by start.
    pub quotes: Vec<Span>,
}

impl<'a> Side<'a> {
    /// The article with its quotes found on its body alone.
    pub fn new(article: &'a Article) -> Side<'a> {
        let mut quotes: Vec<Span> = find_in(&article.body, &[])
            .into_iter()
            .filter(|q| q.depth == 0)
            .map(|q| q.outer)
            .collect();
        quotes.sort_by_key(|q| q.start);
        Side { article, quotes }
    }

    /// True when at least half of `span` lies inside this side's quotes (a passage often
    /// takes in the "he said" before the marks).
    pub fn quotes_at(&self, span: &Span) -> bool {
        let inside: usize = self
            .quotes
            .iter()
            .map(|q| q.end.min(span.end).saturating_sub(q.start.max(span.start)))
            .sum();
        !span.is_empty() && inside * 2 >= span.len()
    }

    /// `body[span]`, or "" when the span is not a valid range of the body.
    pub fn text(&self, span: &Span) -> &'a str {
        self.article.body.get(span.clone()).unwrap_or_default()
    }
}

/// Two articles aligned: what `parallax compare A B` and the compare screen show.
#[derive(Debug, Clone)]
pub struct Comparison<'a> {
    pub a: Side<'a>,
    pub b: Side<'a>,
    /// The shared spans, in order of `a`; only spans valid in both bodies.
    pub spans: Vec<AlignedSpan>,
    /// Palette number of each span (the TUI's corpus passage numbers, so a report has the
    /// screen's colours); spans past its end use their own position.
    pub colors: Vec<usize>,
}

impl<'a> Comparison<'a> {
    /// Aligns `a` with `b` (the same engine as the compare command and screen).
    pub fn align(a: &'a Article, b: &'a Article, config: &Config) -> Comparison<'a> {
        let spans = compare(&a.body, &b.body, config);
        Comparison::from_spans(a, b, spans)
    }

    /// A comparison from spans already computed; spans invalid in either body are dropped.
    pub fn from_spans(a: &'a Article, b: &'a Article, spans: Vec<AlignedSpan>) -> Comparison<'a> {
        let spans = spans
            .into_iter()
            .filter(|s| valid(&a.body, &s.a) && valid(&b.body, &s.b))
            .collect();
        Comparison {
            a: Side::new(a),
            b: Side::new(b),
            spans,
            colors: Vec::new(),
        }
    }

    /// The palette number of span `n`.
    pub fn color(&self, n: usize) -> usize {
        self.colors.get(n).copied().unwrap_or(n)
    }

    /// Whether span `s` stands inside quotation marks in both articles, one, or neither.
    pub fn quoted(&self, s: &AlignedSpan) -> Quoted {
        match (self.a.quotes_at(&s.a), self.b.quotes_at(&s.b)) {
            (true, true) => Quoted::All,
            (false, false) => Quoted::None,
            _ => Quoted::Some,
        }
    }

    /// The label line of span `s`: "verbatim · 100% similar · quoted in both".
    pub fn label(&self, s: &AlignedSpan) -> String {
        let quoted = match (self.a.quotes_at(&s.a), self.b.quotes_at(&s.b)) {
            (true, true) => "quoted in both",
            (true, false) => "quoted in A only",
            (false, true) => "quoted in B only",
            (false, false) => "not quoted",
        };
        format!(
            "{} · {:.0}% similar · {quoted}",
            s.label.as_str(),
            s.similarity * 100.0
        )
    }
}

use crate::analysis::span_fits as valid;

/// An article's date as `YYYY-MM-DD`, or "" when unknown.
pub fn date(a: &Article) -> String {
    a.meta.date_iso().unwrap_or_default()
}

/// The name of the report file for articles `a` and `b` with extension `ext`, before any
/// `-2`, `-3` suffix: `parallax-compare-<a>-<b>.<ext>`, ids reduced to safe characters.
pub fn file_name(a: &Article, b: &Article, ext: &str) -> String {
    let safe = |id: &str| -> String {
        let s: String = id
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        if s.is_empty() {
            "article".to_string()
        } else {
            s
        }
    };
    format!("parallax-compare-{}-{}.{ext}", safe(&a.id), safe(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Metadata;

    fn article(id: &str, body: &str) -> Article {
        Article::new(id.into(), id.into(), Metadata::default(), body.into())
    }

    #[test]
    fn quoted_and_label_follow_each_side() {
        let shared = "we will rebuild the old harbour with our own hands before winter";
        let a = article("a", &format!("Berg said: “{shared}.” Then more."));
        let b = article(
            "b",
            &format!("Elsewhere, officials said {shared}, according to notes."),
        );
        let c = Comparison::align(&a, &b, &Config::default());
        assert!(!c.spans.is_empty());
        let s = &c.spans[0];
        assert_eq!(c.quoted(s), Quoted::Some);
        assert!(c.label(s).contains("quoted in A only"), "{}", c.label(s));
    }

    #[test]
    fn file_names_are_safe() {
        let a = article("../etc/pass wd", "x");
        let b = article("", "y");
        assert_eq!(
            file_name(&a, &b, "html"),
            "parallax-compare-___etc_pass_wd-article.html"
        );
    }
}
