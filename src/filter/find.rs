//! Finding a typed phrase in a text, as `/` does in the reader and on the quotes screen:
//! case and diacritics folded both ways ([`super::fold`]), white space matched loosely.
//! Returns byte ranges of the text as written; the TUI styles them.

use std::ops::Range;

/// Most matches reported in one text (a one-letter query in a long article).
pub const MAX_MATCHES: usize = 10_000;

/// Whether `query` occurs in `text` as [`find_in`] finds it (folded, runs of white space
/// as one), without placing it: one folded copy of the text and a substring search.
pub fn occurs_in(text: &str, query: &str) -> bool {
    let needle = folded(
        query
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .as_str(),
    );
    !needle.is_empty() && folded(text).contains(&needle)
}

/// `text` folded char by char, each run of white space one space.
fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(super::fold(c));
        }
    }
    out
}

/// The byte ranges where `query` occurs in `text`, in order, not overlapping. An empty
/// (or all-blank) query finds nothing.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = query
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(super::fold)
        .collect();
    if needle.is_empty() {
        return Vec::new();
    }
    // The folded text, one char per char, with each char's byte offset; runs of white
    // space count as one space.
    let mut hay: Vec<(char, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if hay.last().is_some_and(|(h, _)| *h == ' ') {
                continue;
            }
            hay.push((' ', at));
        } else {
            hay.push((super::fold(c), at));
        }
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() && out.len() < MAX_MATCHES {
        if hay[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((h, _), n)| h == n)
        {
            let last = hay[i + needle.len() - 1].1;
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            out.push(hay[i].1..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn occurs_in_agrees_with_find_in(
            text in "[aAéÉ \t\nbß.]{0,40}|[aAb .\t\n\r\x0b\x0c]{0,40}",
            query in "[aAéÉ \tbß.]{0,6}",
        ) {
            proptest::prop_assert_eq!(occurs_in(&text, &query), !find_in(&text, &query).is_empty());
        }
    }

    fn found<'a>(text: &'a str, q: &str) -> Vec<&'a str> {
        find_in(text, q).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_folded_and_loosely_spaced() {
        let t = "In München the Council met.\nThe council of Munchen  met again.";
        assert_eq!(found(t, "munchen"), ["München", "Munchen"]);
        assert_eq!(found(t, "COUNCIL"), ["Council", "council"]);
        assert_eq!(found(t, "met. the"), ["met.\nThe"]);
        assert_eq!(found(t, "munchen again"), Vec::<&str>::new());
        assert_eq!(found(t, "of munchen met"), ["of Munchen  met"]);
    }

    #[test]
    fn nothing_for_nothing_and_no_overlaps() {
        assert!(find_in("text", "").is_empty());
        assert!(find_in("text", "   ").is_empty());
        assert_eq!(found("aaaa", "aa"), ["aa", "aa"]);
        assert_eq!(found("ü", "u"), ["ü"]);
    }
}
