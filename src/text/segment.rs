//! Word boundaries (UAX #29) with a fast path: a line made of ASCII, typographic
//! punctuation and spaces is split by a hand-written scanner that follows the UAX #29 word
//! rules for those characters; any other line goes through `unicode-segmentation`.
//! A property test checks that both give the same words.
//!
//! Why: `unicode-segmentation` dominates entity extraction and word counting on large
//! corpora, and nearly all news text in Latin script takes the fast path.

use unicode_segmentation::UnicodeSegmentation;

/// The byte ranges of the words (segments holding a letter or digit) of `text`.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 5);
    for_each_word_span(text, |s, e| out.push((s, e)));
    out
}

/// Calls `f(start, end)` with the byte range of each word of `text` (as [`word_spans`]
/// lists them), without collecting them.
pub fn for_each_word_span(text: &str, mut f: impl FnMut(usize, usize)) {
    if is_fast(text) {
        // No line needs the Unicode rules: one pass over the whole text.
        fast_scan(text.as_bytes(), 0, &mut f);
        return;
    }
    let mut push = |s, e| f(s, e);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !fast_words(line, start, &mut push) {
            slow(line, start, &mut push);
        }
        start += line.len();
    }
}

fn slow(line: &str, base: usize, out: &mut impl FnMut(usize, usize)) {
    for (i, w) in line.split_word_bound_indices() {
        if w.chars().any(char::is_alphanumeric) {
            out(base + i, base + i + w.len());
        }
    }
}

/// Characters of the fast path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_`: ExtendNumLet, joins letters and digits on both sides.
    Joiner,
    /// `:`, `·`: joins two letters.
    MidLetter,
    /// `.`, `'`, `’`, `‘`: joins two letters or two digits.
    MidNumLet,
    /// `,`, `;`: joins two digits.
    MidNum,
    /// Spaces and other punctuation: always a boundary.
    Other,
}

fn class(c: char) -> Option<Class> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '_' => Class::Joiner,
        ':' => Class::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Class::MidNumLet,
        ',' | ';' => Class::MidNum,
        c if c.is_ascii() => Class::Other,
        '\u{00A0}' | '\u{00AB}' | '\u{00BB}' | '\u{00B0}' | '\u{00A7}' | '\u{00A9}'
        | '\u{00AE}' | '\u{20AC}' | '\u{00A3}' => Class::Other,
        '\u{2010}'..='\u{2017}' | '\u{201A}'..='\u{2023}' | '\u{2025}'..='\u{2026}' => Class::Other,
        '\u{2030}'..='\u{205E}' => Class::Other,
        _ => return None,
    })
}

/// [`class`] of every ASCII char, looked up rather than matched.
static ASCII: [Class; 128] = {
    let mut table = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Joiner,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    table
};

/// Bit flags of every byte for [`fast_scan`]; bytes of non-ASCII chars have none (the
/// fast path knows only `’` and `‘` among them as other than punctuation: see [`mid_at`]).
const WORD: u8 = 1;
const ALNUM: u8 = 2;
const LETTER: u8 = 4;
const DIGIT: u8 = 8;
/// Joins two letters (`:`, `.`, `'`, `’`, `‘`).
const MID_LETTER: u8 = 16;
/// Joins two digits (`.`, `,`, `;`, `'`, `’`, `‘`).
const MID_DIGIT: u8 = 32;

static FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = match ASCII[b] {
            Class::Letter => WORD | ALNUM | LETTER,
            Class::Digit => WORD | ALNUM | DIGIT,
            Class::Joiner => WORD,
            Class::MidLetter => MID_LETTER,
            Class::MidNumLet => MID_LETTER | MID_DIGIT,
            Class::MidNum => MID_DIGIT,
            Class::Other => 0,
        };
        b += 1;
    }
    table
};

/// The flags of the char at byte `i` and its length in bytes, for a char that is not part
/// of a word: `’` and `‘` (three bytes) join like `'`.
fn mid_at(text: &[u8], i: usize) -> (u8, usize) {
    match text.get(i..i + 3) {
        Some([0xE2, 0x80, 0x98 | 0x99]) => (MID_LETTER | MID_DIGIT, 3),
        _ => (text.get(i).map_or(0, |&b| FLAGS[usize::from(b)]), 1),
    }
}

/// The words of a text whose every char the fast path knows (see [`class`]): runs of word
/// bytes ([`super::runs`]) joined across a joiner between two letters or two digits. A line
/// break is a boundary like other punctuation, so the text may span lines. A run of `_`
/// alone is not a word: a text holding `_` takes [`scan_bytes`].
fn fast_scan(text: &[u8], base: usize, out: &mut impl FnMut(usize, usize)) {
    if memchr::memchr(b'_', text).is_some() {
        return scan_bytes(text, base, out);
    }
    let mut word: Option<(usize, usize)> = None;
    super::runs::for_each_run(text, |start, end| {
        if let Some((first, last)) = word {
            if joins_across(text, last, start) {
                word = Some((first, end));
                return;
            }
            out(base + first, base + last);
        }
        word = Some((start, end));
    });
    if let Some((first, last)) = word {
        out(base + first, base + last);
    }
}

/// Whether the joiner at `end` (just after a word) joins that word to the run at `next`.
fn joins_across(text: &[u8], end: usize, next: usize) -> bool {
    let flag = |i: usize| text.get(i).map_or(0, |&b| FLAGS[usize::from(b)]);
    let (mid, len) = mid_at(text, end);
    if end + len != next {
        return false;
    }
    let both = end.checked_sub(1).map_or(0, flag) & flag(next);
    both & LETTER != 0 && mid & MID_LETTER != 0 || both & DIGIT != 0 && mid & MID_DIGIT != 0
}

/// [`fast_scan`] byte by byte.
fn scan_bytes(text: &[u8], base: usize, out: &mut impl FnMut(usize, usize)) {
    let flag = |i: usize| text.get(i).map_or(0, |&b| FLAGS[usize::from(b)]);
    let n = text.len();
    let mut i = 0;
    while i < n {
        if flag(i) & WORD == 0 {
            i += 1;
            continue;
        }
        let first = i;
        let mut seen = 0;
        loop {
            while flag(i) & WORD != 0 {
                seen |= flag(i);
                i += 1;
            }
            // `text[i - 1]` is a word byte: a joiner between two letters or two digits
            // keeps the word going.
            let (mid, len) = mid_at(text, i);
            let both = flag(i - 1) & flag(i + len);
            if !(both & LETTER != 0 && mid & MID_LETTER != 0
                || both & DIGIT != 0 && mid & MID_DIGIT != 0)
            {
                break;
            }
            i += len + 1;
        }
        if seen & ALNUM != 0 {
            out(base + first, base + i);
        }
    }
}

/// Number of words of a text whose every char the fast path knows. The words are the
/// runs of word bytes (counted by [`super::runs::count_runs`], without branches) less the
/// joiners between two letters or two digits (`U.S`, `1,000`, `Russia’s`), which join two
/// such runs into one word. A run of `_` alone is not a word,
/// so a text holding `_` is counted by [`fast_scan`] instead.
pub(super) fn fast_count(text: &[u8]) -> usize {
    if memchr::memchr(b'_', text).is_some() {
        let mut n = 0;
        fast_scan(text, 0, &mut |_, _| n += 1);
        return n;
    }
    super::runs::count_runs(text) - joins(text)
}

/// Number of joiners in a fast-path text that keep a word going (see [`fast_scan`]).
fn joins(text: &[u8]) -> usize {
    let flag = |i: usize| text.get(i).map_or(0, |&b| FLAGS[usize::from(b)]);
    let joined = |m: usize| {
        let (mid, len) = mid_at(text, m);
        let both = m.checked_sub(1).map_or(0, flag) & flag(m + len);
        both & LETTER != 0 && mid & MID_LETTER != 0 || both & DIGIT != 0 && mid & MID_DIGIT != 0
    };
    let ascii = memchr::memchr3_iter(b'.', b',', b'\'', text)
        .chain(memchr::memchr3_iter(b':', b';', 0xE2, text));
    ascii.filter(|&m| joined(m)).count()
}

/// True when the fast path knows every char of `line`.
fn all_known(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if class(c).is_none() {
            return false;
        }
        i = at + c.len_utf8();
    }
    true
}

/// The position of the first non-ASCII byte at or after `i`, skipping ASCII 32 bytes at a
/// time.
fn next_non_ascii(bytes: &[u8], mut i: usize) -> Option<usize> {
    while let Some(chunk) = bytes.get(i..i + 32) {
        if !chunk.is_ascii() {
            break;
        }
        i += 32;
    }
    let k = bytes.get(i..)?.iter().position(|b| !b.is_ascii())?;
    Some(i + k)
}

/// Calls `out(start, end)` (offsets plus `base`) for the words of a line (or any text
/// without a line break inside) on the fast path; false, and no call, when the line holds
/// a character the fast path does not know.
pub(super) fn fast_words(line: &str, base: usize, out: &mut impl FnMut(usize, usize)) -> bool {
    if !is_fast(line) {
        return false;
    }
    fast_scan(line.as_bytes(), base, out);
    true
}

/// True when the fast path knows every char of `text`.
pub(super) fn is_fast(text: &str) -> bool {
    text.is_ascii() || all_known(text)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        slow(text, 0, &mut |s, e| out.push((s, e)));
        out
    }

    #[test]
    fn ascii_table_agrees_with_class() {
        for b in 0u8..128 {
            assert!(Some(ASCII[usize::from(b)]) == class(b as char), "{b}");
        }
    }

    #[test]
    fn counts_and_joiners() {
        for text in [
            "Russia’s 2’000 a‘b x’ ’y",
            "U.S. 1,000.5 a:b 3;4",
            "__ a_b _1 x",
            "",
        ] {
            assert_eq!(fast_count(text.as_bytes()), reference(text).len(), "{text}");
        }
    }

    #[test]
    fn common_shapes() {
        let text = "U.S. and Russia’s 2,000.5 co-op: a:b x_1 “quoted” — end.\n«Мария» here";
        assert_eq!(word_spans(text), reference(text));
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_unicode_segmentation(
            text in "[a-zA-Z0-9 _:.,;'’‘“”–—…\n«»-]{0,40}"
        ) {
            prop_assert_eq!(word_spans(&text), reference(&text));
        }

        #[test]
        fn ascii_path_agrees_with_unicode_segmentation(text in "[a-z0-9 _:.,;'\n-]{0,40}") {
            prop_assert_eq!(word_spans(&text), reference(&text));
        }

        #[test]
        fn branch_free_count_agrees_with_unicode_segmentation(
            text in "[a-zA-Z0-9 :.,;'’‘“”–—…\n«»-]{0,60}"
        ) {
            prop_assert!(is_fast(&text));
            prop_assert_eq!(fast_count(text.as_bytes()), reference(&text).len());
        }

        #[test]
        fn run_masks_agree_with_unicode_segmentation(
            text in "[a-zA-Z0-9 :.,;'’‘“”–—…\n«»-]{0,200}"
        ) {
            prop_assert_eq!(word_spans(&text), reference(&text));
        }

        #[test]
        fn mixed_scripts_agree(text in "[a-zA-Zé0-9 .,’'Жж\u{301}\n-]{0,30}") {
            prop_assert_eq!(word_spans(&text), reference(&text));
        }
    }
}
