//! A JSON Feed with a bad item (a number out of range such as `1e400`, a lone surrogate
//! `"\ud800"`): `serde_json` refuses the whole document, which would lose every item for
//! one. The `items` array is found without parsing ([`super::json_array`]), each item is
//! judged alone, and a bad one is put aside with its reason while the others load.

use std::ops::Range;

use super::records::RecordResult;

/// The items of `text`, a JSON Feed that does not parse whole because of bad items: the
/// good ones read by [`super::feeds::parse_feed`], a bad one an error naming its number.
/// `None` when `text` is not such a feed (no `items` array, or still broken without them).
pub fn parse_leniently(text: &str) -> Option<Vec<RecordResult>> {
    if !text.contains("jsonfeed.org/version") {
        return None;
    }
    let items = items_range(text)?;
    let elements = super::json_array::elements(text.get(items.clone())?)?;
    let mut bad = Vec::new();
    let mut fixed = String::from(&text[..items.start]);
    fixed.push('[');
    for (n, e) in elements.iter().enumerate() {
        let raw = &text[items.start + e.range.start..items.start + e.range.end];
        if n > 0 {
            fixed.push(',');
        }
        match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(_) => fixed.push_str(raw),
            Err(err) => {
                // A stand-in keeps the items' numbers; its result is replaced below.
                fixed.push_str("{\"id\":\"\"}");
                bad.push((n, super::records::invalid(&err)));
            }
        }
    }
    fixed.push(']');
    fixed.push_str(&text[items.end..]);
    if bad.is_empty() || !super::feeds::is_json_feed(&fixed) {
        return None;
    }
    let mut results = super::feeds::parse_feed(fixed.as_bytes());
    if results.len() != elements.len() {
        return None;
    }
    for (n, why) in bad {
        if let Some(r) = results.get_mut(n) {
            *r = Err((None, format!("feed item {}: {why}", n + 1)));
        }
    }
    Some(results)
}

/// The byte range of the value of the top-level `"items"` key when it is an array.
fn items_range(text: &str) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => {
                let end = string_end(b, i)?;
                let is_items = depth == 1 && &b[i..=end] == b"\"items\"";
                i = end + 1;
                if is_items {
                    let colon = skip_ws(b, i);
                    if b.get(colon) == Some(&b':') {
                        let start = skip_ws(b, colon + 1);
                        return (b.get(start) == Some(&b'['))
                            .then(|| start..value_end(b, start))
                            .filter(|r| r.end > r.start);
                    }
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the quote closing the string opened at `start`.
fn string_end(b: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 1,
            b'"' => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end (exclusive) of the array or object opening at `start`, or `start` when it
/// does not close.
fn value_end(b: &[u8], start: usize) -> usize {
    let (mut depth, mut i) = (0usize, start);
    while let Some(&c) = b.get(i) {
        match c {
            b'"' => match string_end(b, i) {
                Some(end) => i = end,
                None => return start,
            },
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    start
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "The council met on Tuesday to discuss the bridge repairs.";

    fn feed(items: &[&str]) -> String {
        format!(
            "{{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"JF\", \"note\": \"items\",\n \"items\": [{}]}}",
            items.join(",\n")
        )
    }

    #[test]
    fn a_bad_item_is_skipped_alone() {
        let good = |n: u32| {
            format!("{{\"id\": \"{n}\", \"title\": \"T{n}\", \"content_text\": \"{BODY}\"}}")
        };
        let text = feed(&[
            &good(1),
            "{\"id\": \"2\", \"content_text\": \"x \\ud800 y\"}",
            &good(3),
            "{\"id\": \"4\", \"n\": 1e400, \"content_text\": \"x\"}",
        ]);
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
        let results = parse_leniently(&text).expect("a feed");
        assert_eq!(results.len(), 4);
        assert!(results[0].is_ok() && results[2].is_ok());
        let why = |n: usize| results[n].as_ref().err().map(|e| e.1.clone());
        assert!(
            why(1).is_some_and(|w| w.starts_with("feed item 2: invalid JSON")),
            "{:?}",
            why(1)
        );
        assert!(
            why(3).is_some_and(|w| w.starts_with("feed item 4: invalid JSON: number out of range")),
            "{:?}",
            why(3)
        );
    }

    #[test]
    fn what_is_not_a_feed_with_bad_items_is_none() {
        assert!(parse_leniently("[1e400]").is_none());
        assert!(
            parse_leniently(&feed(&["{\"id\": \"1\"}"])).is_none(),
            "nothing bad"
        );
        let broken_elsewhere = feed(&["1e400"]).replace("\"JF\"", "1e400");
        assert!(parse_leniently(&broken_elsewhere).is_none());
    }
}
