//! Word wrapping of an article body on Unicode width: which byte range of the body each
//! screen line shows. Pure layout, shared by the view (what to draw) and by update (which
//! line a passage is on, how far one can scroll). Styles are applied elsewhere
//! ([`crate::tui::view::highlight`]).

use crate::text::display_cols;

/// One screen line of a wrapped body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedLine {
    /// Byte range of the body shown on this line (empty for the blank line between
    /// paragraphs).
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph this line belongs to (the one above, for a blank line).
    pub paragraph: usize,
    /// True for the first line of a paragraph.
    pub first: bool,
}

/// Columns a character takes once sanitised for the terminal (controls become one visible
/// stand-in character; characters of disputed width are dropped or replaced).
pub fn char_cols(c: char) -> usize {
    if c == '\n' { 1 } else { display_cols(c) }
}

/// Columns a string takes once sanitised.
pub fn str_cols(s: &str) -> usize {
    s.chars().map(char_cols).sum()
}

/// Wraps `body` (paragraphs separated by blank lines) to `width` columns, with one blank
/// line between paragraphs. Words longer than a line are broken between characters.
pub fn wrap_body(body: &str, width: usize) -> Vec<WrappedLine> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    for (i, (offset, para)) in crate::text::paragraphs(body).enumerate() {
        if i > 0 {
            out.push(WrappedLine {
                start: offset,
                end: offset,
                paragraph: i - 1,
                first: false,
            });
        }
        wrap_paragraph(para, offset, width, i, &mut out);
    }
    out
}

/// The line that shows byte `offset` (the last line before it when it falls between).
pub fn line_of(lines: &[WrappedLine], offset: usize) -> usize {
    lines
        .iter()
        .rposition(|l| l.end > l.start && l.start <= offset)
        .unwrap_or(0)
}

fn wrap_paragraph(
    para: &str,
    offset: usize,
    width: usize,
    paragraph: usize,
    out: &mut Vec<WrappedLine>,
) {
    let mut line: Option<(usize, usize, usize)> = None; // start, end, columns
    let mut first = true;
    let mut push = |start: usize, end: usize, out: &mut Vec<WrappedLine>| {
        out.push(WrappedLine {
            start: offset + start,
            end: offset + end,
            paragraph,
            first,
        });
        first = false;
    };
    for (ws, we) in words(para) {
        let w = str_cols(&para[ws..we]);
        if let Some((ls, le, cols)) = line {
            if cols + 1 + w <= width {
                line = Some((ls, we, cols + 1 + w));
                continue;
            }
            push(ls, le, out);
        }
        if w <= width {
            line = Some((ws, we, w));
            continue;
        }
        // A word wider than the line: break it between characters.
        let (mut cs, mut cols) = (ws, 0);
        for (i, c) in para[ws..we].char_indices() {
            let cw = char_cols(c);
            if cols + cw > width && cols > 0 {
                push(cs, ws + i, out);
                cs = ws + i;
                cols = 0;
            }
            cols += cw;
        }
        line = Some((cs, we, cols));
    }
    if let Some((ls, le, _)) = line {
        push(ls, le, out);
    }
}

/// Byte ranges of the space-separated words of `text`.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let skip = rest.len() - rest.trim_start_matches(' ').len();
        let start = pos + skip;
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find(' ').map_or(text.len(), |i| start + i);
        pos = end;
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(body: &'a str, lines: &[WrappedLine]) -> Vec<&'a str> {
        lines.iter().map(|l| &body[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_words_and_separates_paragraphs() {
        let body = "one two three four\n\nfive";
        let lines = wrap_body(body, 9);
        assert_eq!(
            texts(body, &lines),
            ["one two", "three", "four", "", "five"]
        );
        assert!(lines[0].first && !lines[1].first && lines[4].first);
        assert_eq!(lines[4].paragraph, 1);
        assert_eq!(line_of(&lines, body.find("five").unwrap_or(0)), 4);
        assert_eq!(line_of(&lines, body.find("four").unwrap_or(0)), 2);
    }

    #[test]
    fn wide_characters_take_two_columns() {
        let body = "日本語 ニュース emoji 🎉🎉 ok";
        for width in [4, 5, 7, 12] {
            for l in wrap_body(body, width) {
                assert!(str_cols(&body[l.start..l.end]) <= width, "{width}");
            }
        }
        let lines = wrap_body(body, 7);
        assert_eq!(texts(body, &lines)[0], "日本語");
    }

    #[test]
    fn long_words_break_and_nothing_is_lost() {
        let body = "abcdefghij xy";
        let lines = wrap_body(body, 4);
        assert_eq!(texts(body, &lines), ["abcd", "efgh", "ij", "xy"]);
        assert!(wrap_body(body, 0).is_empty());
        assert!(wrap_body("", 10).is_empty());
    }
}
