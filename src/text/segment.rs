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
    let mut push = |s, e| out.push((s, e));
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        if !fast_words(line, start, &mut push) {
            slow(line, start, &mut push);
        }
        start += line.len();
    }
    out
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

fn is_word(c: Class) -> bool {
    matches!(c, Class::Letter | Class::Digit | Class::Joiner)
}

/// The class of the char at byte `i` of `line` and its length, for a line known to be on
/// the fast path.
fn class_at(line: &str, i: usize) -> Option<(Class, usize)> {
    let b = *line.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((ASCII[usize::from(b)], 1));
    }
    let c = line[i..].chars().next()?;
    class(c).map(|k| (k, c.len_utf8()))
}

/// [`fast_words`] for an ASCII line: the same rules on bytes, looked up in [`ASCII`].
fn ascii_words(line: &[u8], base: usize, out: &mut impl FnMut(usize, usize)) {
    let class = |i: usize| line.get(i).map(|&b| ASCII[usize::from(b & 0x7f)]);
    let mut i = 0;
    while let Some(cls) = class(i) {
        i += 1;
        if !is_word(cls) {
            continue;
        }
        let first = i - 1;
        let mut has_alnum = cls != Class::Joiner;
        let mut cur = cls;
        while let Some(next) = class(i) {
            if is_word(next) {
                has_alnum |= next != Class::Joiner;
                cur = next;
                i += 1;
                continue;
            }
            match (cur, next, class(i + 1)) {
                (Class::Letter, Class::MidLetter | Class::MidNumLet, Some(Class::Letter))
                | (Class::Digit, Class::MidNum | Class::MidNumLet, Some(Class::Digit)) => {
                    // `cur` keeps its class: the char after the joiner has the same one.
                    i += 2;
                }
                _ => break,
            }
        }
        if has_alnum {
            out(base + first, base + i);
        }
    }
}

/// Calls `out(start, end)` (offsets plus `base`) for the words of a line (or any text
/// without a line break inside) on the fast path; false, and no call, when the line holds
/// a character the fast path does not know.
pub(super) fn fast_words(line: &str, base: usize, out: &mut impl FnMut(usize, usize)) -> bool {
    if line.is_ascii() {
        ascii_words(line.as_bytes(), base, out);
        return true;
    }
    if line.chars().any(|c| class(c).is_none()) {
        return false;
    }
    let mut i = 0;
    while let Some((cls, len)) = class_at(line, i) {
        if !is_word(cls) {
            i += len;
            continue;
        }
        let first = i;
        let mut has_alnum = cls != Class::Joiner;
        let (mut cur, mut end) = (cls, i + len);
        while let Some((next, next_len)) = class_at(line, end) {
            if is_word(next) {
                has_alnum |= next != Class::Joiner;
                cur = next;
                end += next_len;
                continue;
            }
            let after = class_at(line, end + next_len);
            let joins = matches!(
                (cur, next, after),
                (
                    Class::Letter,
                    Class::MidLetter | Class::MidNumLet,
                    Some((Class::Letter, _))
                ) | (
                    Class::Digit,
                    Class::MidNum | Class::MidNumLet,
                    Some((Class::Digit, _))
                )
            );
            let Some((after_cls, after_len)) = after.filter(|_| joins) else {
                break;
            };
            cur = after_cls;
            end += next_len + after_len;
        }
        if has_alnum {
            out(base + first, base + end);
        }
        i = end;
    }
    true
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
        fn mixed_scripts_agree(text in "[a-zA-Zé0-9 .,’'Жж\u{301}\n-]{0,30}") {
            prop_assert_eq!(word_spans(&text), reference(&text));
        }
    }
}
