//! `parallax compare A B`: the spans two articles share, aligned side by side with their
//! similarity and label; words that differ are marked (in colour when stdout is a terminal
//! and `NO_COLOR` is unset, else in brackets). With `--json`, byte offsets into both bodies
//! and the word diff; with `--html` or `--markdown`, a report ([`crate::export`]).

use std::io::IsTerminal;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use super::Status;
use super::args::CompareArgs;
use super::output::{print_json, print_text, terminal_width};
use crate::analysis::Span;
use crate::analysis::passages::{AlignedSpan, Label, Passage};
use crate::config::Settings;
use crate::corpus::{Article, Corpus};
use crate::export::{self, Comparison};
use crate::passim::Clusters;
use crate::text::sanitize_for_terminal;
use crate::tui::theme::Theme;

const SHARED: &str = "\x1b[32m";
const CHANGED: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

#[derive(Serialize)]
struct JsonRange<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    a: JsonRange<'a>,
    b: JsonRange<'a>,
    similarity: f32,
    label: Label,
    a_changed: Vec<JsonRange<'a>>,
    b_changed: Vec<JsonRange<'a>>,
}

#[derive(Serialize)]
struct JsonCompare<'a> {
    a: &'a str,
    b: &'a str,
    spans: Vec<JsonSpan<'a>>,
}

fn range<'a>(body: &'a str, r: &Span) -> JsonRange<'a> {
    JsonRange {
        start: r.start,
        end: r.end,
        text: body.get(r.clone()).unwrap_or_default(),
    }
}

/// The comparison as a standalone HTML page (in the user's passage palette, when the
/// config gives one in RGB) or a Markdown write-up.
fn report(
    a: &Article,
    b: &Article,
    spans: Vec<AlignedSpan>,
    html: bool,
    settings: &Settings,
) -> String {
    let c = Comparison::from_spans(a, b, spans);
    if html {
        let palette = Theme::with_overrides(false, settings)
            .map(|t| t.hex_palette())
            .unwrap_or_default();
        export::html::render_with_palette(&c, &palette)
    } else {
        export::markdown::render(&c)
    }
}

/// The comparison as `compare --json` prints it.
fn json<'a>(a: &'a Article, b: &'a Article, spans: &[AlignedSpan]) -> JsonCompare<'a> {
    let spans = spans
        .iter()
        .map(|s| JsonSpan {
            a: range(&a.body, &s.a),
            b: range(&b.body, &s.b),
            similarity: (s.similarity * 1000.0).round() / 1000.0,
            label: s.label,
            a_changed: s.a_changed.iter().map(|r| range(&a.body, r)).collect(),
            b_changed: s.b_changed.iter().map(|r| range(&b.body, r)).collect(),
        })
        .collect();
    JsonCompare {
        a: &a.id,
        b: &b.id,
        spans,
    }
}

/// `parallax compare [--json] A B [PATH...]`; with passim's clusters, their spans instead
/// of parallax's own alignment, else the alignment completed with the corpus `passages`
/// both articles carry (computed, or read from the cache, only once both articles exist).
pub fn run(
    corpus: &Corpus,
    args: &CompareArgs,
    settings: &Settings,
    passim: Option<&Clusters>,
    passages: impl FnOnce() -> Vec<Passage>,
) -> anyhow::Result<Status> {
    let mut found = Vec::new();
    let mut idx = Vec::new();
    for key in [&args.a, &args.b] {
        match super::resolve::article(corpus, key) {
            Some(i) => {
                found.push(&corpus.articles[i]);
                idx.push(i);
            }
            None => return Ok(Status::Usage),
        }
    }
    let (a, b) = (found[0], found[1]);
    let passages = if passim.is_some() {
        Vec::new()
    } else {
        passages()
    };
    let spans = crate::pipeline::pair::compare_pair(
        corpus,
        &passages,
        passim,
        idx[0],
        idx[1],
        &settings.analysis,
    );
    if args.html || args.markdown {
        print_text(&report(a, b, spans, args.html, settings))?;
    } else if args.common.json {
        print_json(&json(a, b, &spans))?;
    } else {
        let color = std::io::stdout().is_terminal() && !crate::config::no_color_requested();
        let width = terminal_width().unwrap_or(100).max(40);
        print_text(&plain(a, b, &spans, width, color))?;
    }
    Ok(Status::Ok)
}

fn heading(tag: &str, a: &Article) -> String {
    let date = a.meta.date_shown();
    let source = a.meta.source.as_deref().unwrap_or("—");
    let line = format!("{tag}: {} · {source} · {date} · {}", a.id, a.meta.title);
    sanitize_for_terminal(&line).into_owned()
}

/// The two-column rendering of every shared span.
pub fn plain(a: &Article, b: &Article, spans: &[AlignedSpan], width: usize, color: bool) -> String {
    let mut out = format!("{}\n{}\n\n", heading("A", a), heading("B", b));
    if spans.is_empty() {
        out.push_str("The two articles share no passage.\n");
        return out;
    }
    let col = (width - 3) / 2;
    for (n, s) in spans.iter().enumerate() {
        out.push_str(&format!(
            "#{} · {} · {:.0}% similar\n",
            n + 1,
            s.label.as_str(),
            s.similarity * 100.0
        ));
        let left = wrap(&a.body, &s.a, &s.a_changed, col, color);
        let right = wrap(&b.body, &s.b, &s.b_changed, col, color);
        for k in 0..left.len().max(right.len()) {
            let (l, lw) = left.get(k).cloned().unwrap_or_default();
            let (r, _) = right.get(k).cloned().unwrap_or_default();
            let line = format!("{l}{} │ {r}", " ".repeat(col.saturating_sub(lw)));
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// Wraps the words of `body[span]` into lines of at most `col` columns; each line comes with
/// its visible width. Changed words are highlighted (colour) or bracketed.
fn wrap(
    body: &str,
    span: &Span,
    changed: &[Span],
    col: usize,
    color: bool,
) -> Vec<(String, usize)> {
    let text = body.get(span.clone()).unwrap_or_default();
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut offset = 0;
    // Words come in order: one walk over the changed ranges (disjoint, sorted), not a scan of
    // them per word (quadratic on a long span with changes all along).
    let mut changed = changed.to_vec();
    changed.sort_by_key(|c| c.end);
    let mut next_changed = 0;
    for piece in text.split_whitespace() {
        let at = span.start + offset + text[offset..].find(piece).unwrap_or(0);
        offset = at - span.start + piece.len();
        while changed.get(next_changed).is_some_and(|c| c.end <= at) {
            next_changed += 1;
        }
        // the ranges are disjoint, so the first one not behind the word is the only one
        // that may overlap it
        let diff = changed
            .get(next_changed)
            .is_some_and(|c| c.start < at + piece.len());
        let clean = sanitize_for_terminal(piece).into_owned();
        let shown = if diff && !color {
            format!("[{clean}]")
        } else {
            clean
        };
        let w = shown.width();
        if used > 0 && used + 1 + w > col {
            lines.push((std::mem::take(&mut line), used));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        match (color, diff) {
            (true, true) => line.push_str(&format!("{CHANGED}{shown}{RESET}")),
            (true, false) => line.push_str(&format!("{SHARED}{shown}{RESET}")),
            _ => line.push_str(&shown),
        }
        used += w;
    }
    if used > 0 {
        lines.push((line, used));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_brackets_changed_words() {
        let body = "xx the committee passed the new budget after talks yy";
        let span = 3..body.len() - 3;
        let at = body.find("passed").unwrap_or(0);
        let changed = [at..at + 3, at + 3..at + 6];
        let lines = wrap(body, &span, &changed, 20, false);
        let text: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            text,
            ["the committee", "[passed] the new", "budget after talks"]
        );
        assert!(lines.iter().all(|(l, w)| l.width() == *w && *w <= 20));
    }
}
