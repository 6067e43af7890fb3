//! Cleaning raw article text: HTML entities (also broken ones such as `& lt;`), control and
//! invisible formatting characters, whitespace, and paragraph structure.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// `& lt;`, `&lt ;`, `& #8212;`: an entity whose parts a careless pipeline pulled apart.
static BROKEN_ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&\s+(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8})\s*;|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8})\s+;")
        .expect("static regex")
});

/// Decodes HTML entities, repairing broken ones first. Unknown names are left as they are,
/// so `AT& T;` is not eaten.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let repaired = BROKEN_ENTITY.replace_all(text, |c: &regex::Captures| {
        let name = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
        let candidate = format!("&{name};");
        if html_escape::decode_html_entities(&candidate) != candidate {
            candidate
        } else {
            c[0].to_string()
        }
    });
    match html_escape::decode_html_entities(&repaired) {
        Cow::Borrowed(_) if matches!(repaired, Cow::Borrowed(_)) => Cow::Borrowed(text),
        decoded => Cow::Owned(decoded.into_owned()),
    }
}

/// True for characters that never belong in a clean body: C0/C1 controls (but newline),
/// DEL, bidirectional overrides and isolates, zero-width spaces, BOM and soft hyphens.
fn is_invisible(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// One line made clean: entities decoded, invisible characters removed, every run of white
/// space (tabs, no-break spaces, ideographic spaces) folded to one space, ends trimmed.
pub fn normalize_line(line: &str) -> String {
    normalized_line(line).into_owned()
}

/// [`normalize_line`] without a copy of a line that is clean already (the common case:
/// printable text with single spaces between words), which is borrowed.
pub fn normalized_line(line: &str) -> Cow<'_, str> {
    let (ascii_clean, all_ascii) = ascii_checks(line.as_bytes());
    if ascii_clean && (all_ascii || wide_chars_clean(line)) {
        return Cow::Borrowed(line);
    }
    Cow::Owned(fold_line(line))
}

/// True when no character beyond ASCII is white space or invisible: then a line whose
/// ASCII passes [`ascii_checks`] is what folding would make of it.
fn wide_chars_clean(line: &str) -> bool {
    line.chars()
        .filter(|c| !c.is_ascii())
        .all(|c| !c.is_whitespace() && !is_invisible(c))
}

/// [`normalize_line`] for a line that is not clean ASCII.
fn fold_line(line: &str) -> String {
    let plain = line
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n') && b != b'&');
    if plain {
        // Printable ASCII: no entity, nothing invisible; only white space to fold.
        let mut out = String::with_capacity(line.len());
        for w in line.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        return out;
    }
    fold_unicode(&decode_entities(line))
}

/// True when a line needs no cleaning: printable ASCII without `&`, single spaces
/// between words and none at either end.
#[cfg(test)]
fn is_clean_ascii(line: &[u8]) -> bool {
    ascii_checks(line) == (true, true)
}

/// Two answers of one pass over a line's bytes, without an early exit (which the
/// compiler vectorises): whether its ASCII needs no cleaning (no control character, no
/// `&`, single spaces between words and none at either end), and whether it is all ASCII.
fn ascii_checks(line: &[u8]) -> (bool, bool) {
    let (Some(&first), Some(&last)) = (line.first(), line.last()) else {
        return (true, true);
    };
    let mut bad = first == b' ' || last == b' ';
    for (&a, &b) in line.iter().zip(line.iter().skip(1)) {
        bad |= (a == b' ') & (b == b' ');
    }
    let mut wide = false;
    for &b in line {
        bad |= (b < b' ') | (b == 0x7f) | (b == b'&');
        wide |= b >= 0x80;
    }
    (!bad, !wide)
}

/// [`normalize_line`] for any text: invisible characters dropped, white space folded.
fn fold_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut rest = text;
    while !rest.is_empty() {
        // Printable ASCII other than the space is kept as it is: copied in one go.
        let run = rest
            .bytes()
            .position(|b| !matches!(b, b'!'..=b'~'))
            .unwrap_or(rest.len());
        if run > 0 {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push_str(&rest[..run]);
            rest = &rest[run..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        if is_invisible(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// Turns raw text into a clean body: paragraphs separated by exactly one blank line, each
/// paragraph on one line. Lines of a block are joined with a space (hard-wrapped text);
/// when the text has no blank line at all, every line is a paragraph.
pub fn clean_body(raw: &str) -> String {
    let text = raw.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank = text.lines().any(|l| l.trim().is_empty());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let clean = normalize_line(line);
        if clean.is_empty() || !has_blank {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            if !has_blank && !clean.is_empty() {
                paragraphs.push(clean);
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&clean);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check [`is_clean_ascii`] replaced, kept as its reference: true when ASCII text
    /// has no white space to fold (no tab or line break, no space at either end, no two
    /// spaces in a row).
    fn is_folded(line: &[u8]) -> bool {
        // A space at the start is one to fold.
        let mut after_space = true;
        for &b in line {
            if b == b'\t' || b == b'\n' || (b == b' ' && after_space) {
                return false;
            }
            after_space = b == b' ';
        }
        !after_space || line.is_empty()
    }

    proptest::proptest! {
        #[test]
        fn one_pass_check_agrees_with_the_two(line in "[ a-z&\t\n~\u{7f}é]{0,12}") {
            let plain = line
                .bytes()
                .all(|b| matches!(b, b' '..=b'~' | b'\t' | b'\n') && b != b'&');
            proptest::prop_assert_eq!(
                is_clean_ascii(line.as_bytes()),
                plain && is_folded(line.as_bytes())
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_borrowed_line_is_what_folding_gives(
            line in "[ a&;\t\n\u{7f}\u{a0}\u{3000}\u{200b}\u{ad}\u{1b}éа–’]{0,12}"
        ) {
            let borrowed = normalized_line(&line).into_owned();
            proptest::prop_assert_eq!(borrowed, fold_line(&line));
        }
    }

    #[test]
    fn clean_lines_are_borrowed() {
        for line in ["plain words", "Russia’s «guillemets» – café", ""] {
            assert!(
                matches!(normalized_line(line), Cow::Borrowed(_)),
                "{line:?}"
            );
        }
        for line in [
            " lead",
            "a\u{a0}b",
            "a\u{200b}b",
            "a  b",
            "tab\there",
            "x &amp; y",
        ] {
            assert!(matches!(normalized_line(line), Cow::Owned(_)), "{line:?}");
        }
    }

    #[test]
    fn repairs_broken_entities() {
        assert_eq!(decode_entities("hackers & lt; … & gt;"), "hackers < … >");
        assert_eq!(decode_entities("a &amp; b &#8212; c"), "a & b — c");
        assert_eq!(decode_entities("&lt ;x&gt;"), "<x>");
    }

    #[test]
    fn leaves_ampersands_that_are_not_entities() {
        assert_eq!(
            decode_entities("AT& T; Marks & Spencer"),
            "AT& T; Marks & Spencer"
        );
        assert_eq!(decode_entities("no entity here"), "no entity here");
    }

    #[test]
    fn normalizes_whitespace_and_controls() {
        assert_eq!(
            normalize_line("\u{a0} USA,\tRussia\u{200b}  x\u{1b}[31m "),
            "USA, Russia x[31m"
        );
        assert_eq!(normalize_line("a\u{202e}b\u{7}c"), "abc");
        assert_eq!(
            normalize_line("  plain\t ascii \n text  "),
            "plain ascii text"
        );
        assert_eq!(normalize_line("a\rb\x0bc\x0c d"), "abc d");
    }

    proptest::proptest! {
        #[test]
        fn plain_lines_fold_like_split_and_join(line in "[a-c &;\t\n]{0,12}") {
            let folded: Vec<&str> = line.split_ascii_whitespace().collect();
            let expected = if line.contains('&') {
                fold_unicode(&decode_entities(&line))
            } else {
                folded.join(" ")
            };
            proptest::prop_assert_eq!(normalize_line(&line), expected);
        }
    }

    #[test]
    fn keeps_paragraphs_with_one_blank_line() {
        let raw = "First line\r\nwrapped here.\r\n\r\n\r\n  Second   para. \n";
        assert_eq!(clean_body(raw), "First line wrapped here.\n\nSecond para.");
    }

    #[test]
    fn lines_are_paragraphs_when_text_has_no_blank_line() {
        assert_eq!(clean_body("One.\nTwo.\rThree."), "One.\n\nTwo.\n\nThree.");
    }
}
