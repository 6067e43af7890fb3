//! The search input (over the footer, `/query▏`) and the highlighting of matches in a line
//! of plain text (the quotes screen's rows).

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::layout;
use crate::text::sanitize_for_terminal;
use crate::tui::app::App;
use crate::tui::search::SearchInput;

/// Draws the query being typed over the footer.
pub fn draw(app: &App, s: &SearchInput, frame: &mut Frame) {
    let (_, _, footer) = layout::chrome(frame.area());
    let t = &app.theme;
    let query = sanitize_for_terminal(&s.query).replace('\n', " ");
    let width = usize::from(footer.width).saturating_sub(24);
    let shown = tail(&query, width);
    let prompt = if s.corpus {
        " text of every article: "
    } else {
        " / "
    };
    let line = Line::from(vec![
        Span::styled(prompt, t.key.patch(t.footer)),
        Span::styled(format!("{shown}▏"), t.title),
        Span::styled("  Enter search  Esc cancel", t.footer),
    ]);
    frame.render_widget(Clear, footer);
    frame.render_widget(Paragraph::new(line).style(t.footer), footer);
}

/// The last `cols` columns of `text` (what was typed last stays in view).
fn tail(text: &str, cols: usize) -> String {
    let mut used = 0;
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().rev() {
        used += crate::tui::wrap::char_cols(c);
        if used > cols {
            break;
        }
        out.push(c);
    }
    out.into_iter().rev().collect()
}

/// `text` as spans in `base`, the places `query` matches in `matched` over it.
pub fn highlighted(
    text: &str,
    query: Option<&str>,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let ranges = query
        .map(|q| crate::filter::find_in(text, q))
        .unwrap_or_default();
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push(Span::styled(text[at..r.start].to_string(), base));
        }
        out.push(Span::styled(
            text[r.clone()].to_string(),
            base.patch(matched),
        ));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Span::styled(text[at..].to_string(), base));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_split_out_in_their_style() {
        let m = Style::new().bold();
        let spans = highlighted("the Quay vote", Some("quay"), Style::new(), m);
        let texts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["the ", "Quay", " vote"]);
        assert_eq!(spans[1].style, m);
        assert_eq!(tail("abcdef", 3), "def");
    }
}
