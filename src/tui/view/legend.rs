//! The legend: what every symbol and colour on the screens means, drawn in the styles it
//! explains. Part of the help (`?`), and one key away (`L`).

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::theme::Theme;

/// The heading of the legend's section in the help.
pub const TITLE: &str = "Symbols and colours";

/// The legend's lines: a sample in its style, then what it means.
pub fn lines(t: &Theme) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(TITLE.to_string(), t.title)];
    out.extend(symbols(t));
    out.extend(text_styles(t));
    out.extend(figures());
    out
}

/// One legend row: `sample` drawn in `style`, padded, then `meaning`.
fn row(sample: &str, style: Style, meaning: &str) -> Line<'static> {
    Line::from(vec![
        Span::raw("  "),
        Span::styled(sample.to_string(), style),
        Span::raw(format!(
            "{}{meaning}",
            " ".repeat(22usize.saturating_sub(sample.chars().count()))
        )),
    ])
}

/// The marks drawn beside the text: selection, counts and passage bars.
fn symbols(t: &Theme) -> Vec<Line<'static>> {
    vec![
        row("●", t.marked, "marked for comparison (Space)"),
        row(
            "≡",
            Style::new(),
            "library: passages the article shares with others",
        ),
        row(
            "  3",
            t.marked,
            "reader gutter: other articles sharing this paragraph",
        ),
        row(
            "▐ ██",
            t.passage_mark(0),
            "one shared passage: same colour everywhere",
        ),
    ]
}

/// The styles the text itself is drawn in: passages, quotes, names and matches.
fn text_styles(t: &Theme) -> Vec<Line<'static>> {
    vec![
        row(
            "shared words",
            t.passage(1),
            "a passage shared word for word",
        ),
        row(
            "near-verbatim",
            t.passage(2).patch(t.near_verbatim),
            "shared, a few words changed",
        ),
        row("changed", t.changed, "the words that differ"),
        row("current", t.current, "the passage or match n/N moved to"),
        row("“quote”", t.quote, "a direct quote"),
        row("she said", t.speaker, "who said it: the quote's speaker"),
        row("Person", t.person, "a person named"),
        row("Organisation", t.organization, "an organisation named"),
        row("Place", t.place, "a place named"),
        row("Other", t.other, "another name"),
        row("match", t.matched, "what a search or the filter matched"),
        row("read title", t.dim, "library: an article already read"),
    ]
}

/// The plain figures: inferred dates, unknowns, reading progress and positions.
fn figures() -> Vec<Line<'static>> {
    vec![
        row(
            "2021-11-20?",
            Style::new(),
            "year inferred from the rest of the corpus",
        ),
        row("—", Style::new(), "not known (outlet, date)"),
        row(
            "66% read",
            Style::new(),
            "reader: how far down the article you are",
        ),
        row(
            "1/8",
            Style::new(),
            "the passage (or match) you are on, of all",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_the_screens_draw_is_explained() {
        let text: String = lines(&Theme::builtin(false).unwrap())
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        for symbol in ["●", "≡", "▐", "██", "?", "—", "% read", "near-verbatim"] {
            assert!(text.contains(symbol), "{symbol}");
        }
    }
}
