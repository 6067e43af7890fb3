//! The elements of a JSON array, found without parsing them: so that one bad element (a
//! number out of range such as `1e400`, a lone surrogate `"\ud800"`, a typo) is skipped
//! alone and the others load, and so that each element's problem can name its index and
//! line. The scan only tracks strings (and their escapes) and bracket depth; each element
//! is then parsed on its own by `serde_json`, which judges it.

use std::ops::Range;

/// One element: its 1-based index, 1-based first line and byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub index: usize,
    pub line: usize,
    pub range: Range<usize>,
}

/// The elements of `text` when it is a JSON array (whitespace, `[`, elements, `]`,
/// whitespace), `None` when it is not one or its strings and brackets do not close.
pub fn elements(text: &str) -> Option<Vec<Element>> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    let mut ranges = Vec::new();
    let (mut depth, mut start, mut in_str) = (0usize, None::<usize>, false);
    while let Some(&c) = b.get(i) {
        if in_str {
            match c {
                b'\\' => i += 1,
                b'"' => in_str = false,
                _ => {}
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' if depth > 0 => depth -= 1,
                b']' => {
                    ranges.extend(start.map(|s| s..trim_end(b, s, i)));
                    return (skip_ws(b, i + 1) == b.len()).then(|| numbered(b, ranges));
                }
                b',' if depth == 0 => {
                    ranges.push(start.take().map(|s| s..trim_end(b, s, i))?);
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if start.is_none() && !c.is_ascii_whitespace() {
                start = Some(i);
            }
        }
        i += 1;
    }
    None
}

/// The ranges with their index and line (counted once through the text).
fn numbered(b: &[u8], ranges: Vec<Range<usize>>) -> Vec<Element> {
    let (mut line, mut at) = (1, 0);
    ranges
        .into_iter()
        .enumerate()
        .map(|(n, range)| {
            line += memchr::memchr_iter(b'\n', &b[at..range.start]).count();
            at = range.start;
            Element {
                index: n + 1,
                line,
                range,
            }
        })
        .collect()
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// The end of an element that starts at `start` and is followed by byte `end`, without
/// its trailing whitespace.
fn trim_end(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Option<Vec<(usize, &str)>> {
        let els = elements(text)?;
        Some(els.into_iter().map(|e| (e.line, &text[e.range])).collect())
    }

    #[test]
    fn splits_at_top_level_commas_only() {
        let text = "[ {\"a\": [1, 2], \"b\": \"x,]}\\\"\"},\n 1e400 ,\n\"\\ud800\", [] ]\n";
        assert_eq!(
            texts(text),
            Some(vec![
                (1, "{\"a\": [1, 2], \"b\": \"x,]}\\\"\"}"),
                (2, "1e400"),
                (3, "\"\\ud800\""),
                (3, "[]"),
            ])
        );
        assert_eq!(texts("[]"), Some(vec![]));
    }

    #[test]
    fn what_is_not_a_closed_array_is_none() {
        for text in ["{\"a\": 1}", "[1, 2", "[\"open]", "[1] x", "[1,,2]", ""] {
            assert_eq!(texts(text), None, "{text}");
        }
    }
}
