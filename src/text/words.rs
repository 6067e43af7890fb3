//! Words of a text (UAX #29 words holding a letter or digit) with a fast path for ASCII
//! and typographic punctuation ([`super::segment`]): counting and tokenizing 100 million words through the full Unicode rules is most of a
//! corpus's load time, and news text is mostly ASCII.

use unicode_segmentation::UnicodeSegmentation;

use super::segment::{fast_count, is_fast};

/// UAX #29 words of an ASCII chunk (no white space inside): letters and digits join, and so
/// do `'`, `.`, `:` between letters and `.`, `,`, `;`, `'` between digits (`don't`, `U.S`,
/// `1,000.5`), as the Unicode rules say for these characters.
fn ascii_words<'a>(chunk: &'a str, base: usize, out: &mut impl FnMut(usize, &'a str)) {
    let b = chunk.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        loop {
            if i < b.len() && word(b[i]) {
                i += 1;
            } else if i + 1 < b.len() && joins(b[i - 1], b[i], b[i + 1]) {
                i += 2;
            } else {
                break;
            }
        }
        let w = &chunk[start..i];
        if w.bytes().any(|c| c.is_ascii_alphanumeric()) {
            out(base + start, w);
        }
    }
}

/// True when `mid` between `before` and `after` keeps one word (UAX #29 WB6–7, WB11–12).
fn joins(before: u8, mid: u8, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    (letters && matches!(mid, b'\'' | b'.' | b':'))
        || (digits && matches!(mid, b'\'' | b'.' | b',' | b';'))
}

/// Calls `f(start, word)` for every UAX #29 word of `body` (words holding a letter or digit):
/// ASCII stretches between white space take a fast path, the rest the full Unicode rules.
pub fn for_each_word<'a>(body: &'a str, mut f: impl FnMut(usize, &'a str)) {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            ascii &= bytes[i].is_ascii();
            i += 1;
        }
        let chunk = &body[start..i];
        if ascii {
            ascii_words(chunk, start, &mut f);
        } else if super::segment::fast_words(chunk, start, &mut |s, e| f(s, &body[s..e])) {
            // Typographic quotes, dashes and no-break spaces: still the fast path.
        } else {
            for (k, w) in chunk.unicode_word_indices() {
                f(start + k, w);
            }
        }
    }
}

/// Number of Unicode words (UAX #29 words containing a letter or digit).
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    // Line by line (UAX #29 always breaks after a line break), each in one pass when the
    // fast scanner knows all its characters.
    if is_fast(text) {
        return fast_count(text.as_bytes());
    }
    for line in text.split_inclusive('\n') {
        if is_fast(line) {
            n += fast_count(line.as_bytes());
        } else {
            for_each_word(line, |_, _| n += 1);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_fast_path_agrees_with_unicode_words() {
        let texts = [
            "Don't stop: U.S. officials said 1,000.5 people (roughly) left -- at 3:30 a.m.",
            "rock'n'roll x_y _ __a 'quoted' \"dq\" a.b.c 1;2 3'4 a:b:c end.",
            "Mixed “curly” text – with Russia’s «guillemets» and café au lait.",
            "\u{a0}no-break\u{a0}spaces\u{2009}thin and tabs\there",
        ];
        for t in texts {
            let mut fast = Vec::new();
            for_each_word(t, |i, w| fast.push((i, w.to_string())));
            let slow: Vec<(usize, String)> = t
                .unicode_word_indices()
                .map(|(i, w)| (i, w.to_string()))
                .collect();
            assert_eq!(fast, slow, "{t}");
        }
    }

    proptest::proptest! {
        #[test]
        fn typographic_chunks_count_like_unicode_words(
            text in "[a-zA-Z0-9 _:.,;'’‘“”–—…\n«»\u{a0}é-]{0,40}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), text.unicode_words().count());
        }
    }

    #[test]
    fn counts_like_unicode_words() {
        for t in [
            "",
            "  one two  ",
            "U.S. 1,000 don't — «Путин» 東京都 a_b",
            "\u{301}abc x",
        ] {
            assert_eq!(count_words(t), t.unicode_words().count(), "{t}");
        }
    }
}
