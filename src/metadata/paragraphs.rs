//! Raw text as clean lines grouped into paragraphs (blocks between blank lines, or one
//! line per paragraph when the text has no blank line), before any rule reads them.

use std::borrow::Cow;

use super::{chrome, header};

/// One clean line: borrowed from the text when it was clean already (most lines are).
pub type Line<'t> = Cow<'t, str>;

/// The raw lines of `text`, split at `\r\n`, `\r` or `\n` (what splitting at `\n` after
/// turning `\r\n` and then `\r` into `\n` gives), borrowed from `text`.
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let Some(i) = memchr::memchr2(b'\n', b'\r', r.as_bytes()) else {
            rest = None;
            return Some(r);
        };
        let crlf = r.as_bytes().get(i..i + 2) == Some(b"\r\n");
        rest = r.get(i + if crlf { 2 } else { 1 }..);
        r.get(..i)
    })
}

/// Clean lines grouped into paragraphs: blocks between blank lines, or one line per
/// paragraph when the text has no blank line.
pub fn blocks(text: &str) -> Vec<Vec<Line<'_>>> {
    let lines: Vec<Line> = raw_lines(text).map(crate::text::normalized_line).collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
    let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(0);
    let has_blank = lines
        .get(first..=last)
        .is_some_and(|inner| inner.iter().any(|l| l.is_empty()));
    let mut out: Vec<Vec<Line>> = Vec::new();
    let mut current: Vec<Line> = Vec::new();
    for line in lines {
        if line.is_empty() || !has_blank {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !line.is_empty() {
                out.push(vec![line]);
            }
            continue;
        }
        current.push(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// What one line of the header zone is.
#[derive(Debug)]
pub enum Kind {
    /// A metadata line and what it says.
    Fields(Vec<header::Field>),
    /// Page chrome, dropped.
    Chrome,
    /// Text: headline, teaser, standfirst or body.
    Text,
}

/// Reads what `line` is: a metadata line first, then chrome, else text.
pub fn kind(line: &str) -> Kind {
    match header::parse_field_line(line) {
        Some(fields) => Kind::Fields(fields),
        None if chrome::is_chrome(line) => Kind::Chrome,
        None => Kind::Text,
    }
}

/// The kinds of the lines of `block`.
pub fn kinds(block: &[Line]) -> Vec<Kind> {
    block.iter().map(|l| kind(l)).collect()
}

/// Lines joined with spaces; one line (the usual paragraph) is borrowed, not copied.
pub fn joined<'a>(lines: &[&'a str]) -> Cow<'a, str> {
    match lines {
        [one] => Cow::Borrowed(one),
        _ => Cow::Owned(lines.join(" ")),
    }
}

/// The text of the first non-empty block among `blocks`, chrome and metadata lines aside.
/// `kinds` holds the kinds of their lines where read already, and keeps those read here:
/// the header zone reads each block once, though it also looks one block ahead.
pub fn next_paragraph<'a>(
    blocks: &'a [Vec<Line>],
    kinds: &mut [Option<Vec<Kind>>],
) -> Option<Cow<'a, str>> {
    blocks.iter().zip(kinds).find_map(|(b, k)| {
        let k = k.get_or_insert_with(|| self::kinds(b));
        let text: Vec<&str> = b
            .iter()
            .zip(k.iter())
            .filter(|(_, k)| matches!(k, Kind::Text))
            .map(|(l, _)| l.as_ref())
            .collect();
        (!text.is_empty()).then(|| joined(&text))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_follow_blank_lines() {
        let b = blocks("All news\r\nUpdated at:\u{a0}\r\n\r\nTitle here\r\n\r\nOne\r\ntwo.\r\n");
        assert_eq!(
            b,
            vec![
                vec!["All news".to_string(), "Updated at:".into()],
                vec!["Title here".into()],
                vec!["One".into(), "two.".into()]
            ]
        );
        let b = blocks("A\nB\n");
        assert_eq!(b, vec![vec!["A".to_string()], vec!["B".into()]]);
    }

    #[test]
    fn raw_lines_split_like_line_breaks_made_lf() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb",
            "a\r\r\nb\rc\n\r",
            "\r\n\r\n",
            "x\n\ny\r",
        ] {
            let lf = text.replace("\r\n", "\n").replace('\r', "\n");
            let want: Vec<&str> = lf.split('\n').collect();
            assert_eq!(raw_lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn next_paragraph_skips_metadata_and_chrome() {
        let b = blocks("Share\n\nDate: 2021-01-02\n\nReal text here.\nMore.");
        let mut kinds: Vec<Option<Vec<Kind>>> = b.iter().map(|_| None).collect();
        assert_eq!(
            next_paragraph(&b, &mut kinds).as_deref(),
            Some("Real text here. More.")
        );
        assert!(matches!(kinds[1].as_deref(), Some([Kind::Fields(_)])));
        assert_eq!(next_paragraph(&[], &mut []), None);
    }
}
