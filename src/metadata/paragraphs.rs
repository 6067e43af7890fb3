//! Raw text as clean lines grouped into paragraphs (blocks between blank lines, or one
//! line per paragraph when the text has no blank line), before any rule reads them.

use super::{chrome, header};

/// Clean lines grouped into paragraphs: blocks between blank lines, or one line per
/// paragraph when the text has no blank line.
pub fn blocks(text: &str) -> Vec<Vec<String>> {
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let lines: Vec<String> = text.split('\n').map(crate::text::normalize_line).collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(0);
    let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(0);
    let has_blank = lines
        .get(first..=last)
        .is_some_and(|inner| inner.iter().any(String::is_empty));
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current: Vec<String> = Vec::new();
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

/// The text of the first non-empty block among `blocks`, chrome and metadata lines aside.
pub fn next_paragraph(blocks: &[Vec<String>]) -> Option<String> {
    blocks
        .iter()
        .map(|b| {
            b.iter()
                .filter(|l| header::parse_field_line(l).is_none() && !chrome::is_chrome(l))
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|p| !p.is_empty())
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
    fn next_paragraph_skips_metadata_and_chrome() {
        let b = blocks("Share\n\nDate: 2021-01-02\n\nReal text here.\nMore.");
        assert_eq!(next_paragraph(&b).as_deref(), Some("Real text here. More."));
        assert_eq!(next_paragraph(&[]), None);
    }
}
