//! Tokens for entity extraction: the Unicode words of a body (UAX #29, any script; see
//! [`crate::text::for_each_word_span`]) with
//! their byte spans, letter case shape, what separates them from the previous word, and
//! whether they open a sentence or a line.
//!
//! Two normalisations happen here because they change spans: a dotted abbreviation keeps
//! its final stop (`U.S.`), and a possessive `'s` is cut off (`Navalny's` -> `Navalny`).

use super::lexicon::lexicon;
use crate::text::for_each_word_span;

/// The letter case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Upper-case first letter, some lower-case after (`Putin`, `NotPetya`, `WMDs`).
    Capitalised,
    /// Two or more letters, all upper case (`GRU`, `MOSCOW`, `U.S.`).
    AllCaps,
    /// One upper-case letter (`J` in `J. Smith`).
    Initial,
    /// Lower-case first letter.
    Lower,
    /// Starts with a digit or a letter without case (Chinese, Arabic).
    Other,
}

impl Shape {
    /// Starts with a capital letter.
    pub fn is_capitalised(self) -> bool {
        matches!(self, Shape::Capitalised | Shape::AllCaps | Shape::Initial)
    }
}

/// What stands between a word and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Spaces or tabs only.
    Space,
    /// A hyphen and nothing else (`Russian-American`, `al-Assad`).
    Hyphen,
    /// A full stop and spaces (`W. Bush`).
    Stop,
    /// Anything else: punctuation, a line break, the start of the text.
    Break,
}

/// One word of a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    pub gap: Gap,
    /// A possessive `'s` followed the word (cut off the span).
    pub possessive: bool,
    /// The first word of a sentence (after `.`, `!`, `?`, `:`, `;`, a line break, or the
    /// dash after a dateline's `(Agency)`).
    pub sentence_start: bool,
    /// The first word of a line.
    pub line_start: bool,
}

impl Token {
    /// The word's text.
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }
}

/// The letter case shape of a word.
pub fn shape(word: &str) -> Shape {
    if word.is_ascii() {
        return ascii_shape(word.as_bytes());
    }
    unicode_shape(word)
}

/// [`shape`] of any word, by char properties.
fn unicode_shape(word: &str) -> Shape {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = word.chars().next() else {
        return Shape::Other;
    };
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let mut count = 0;
    let mut all_upper = true;
    for c in letters.by_ref() {
        count += 1;
        all_upper &= !c.is_lowercase();
    }
    match (count, all_upper) {
        (1, _) if word.chars().count() == 1 => Shape::Initial,
        (_, true) if count >= 2 => Shape::AllCaps,
        _ => Shape::Capitalised,
    }
}

/// [`shape`] of an ASCII word, on bytes.
fn ascii_shape(word: &[u8]) -> Shape {
    let Some(&first) = word.first() else {
        return Shape::Other;
    };
    if first.is_ascii_lowercase() {
        return Shape::Lower;
    }
    if !first.is_ascii_uppercase() {
        return Shape::Other;
    }
    if word.len() == 1 {
        return Shape::Initial;
    }
    let letters = word.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if letters >= 2 && !word.iter().any(u8::is_ascii_lowercase) {
        Shape::AllCaps
    } else {
        Shape::Capitalised
    }
}

fn gap_kind(gap: &str, first: bool) -> Gap {
    if first {
        return Gap::Break;
    }
    if !gap.is_empty() && gap.bytes().all(|b| b == b' ' || b == b'\t') {
        Gap::Space
    } else if gap == "-" || gap == "\u{2010}" || gap == "\u{2011}" {
        Gap::Hyphen
    } else if gap
        .strip_prefix('.')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b == b' ' || b == b'\t'))
    {
        Gap::Stop
    } else {
        Gap::Break
    }
}

/// Cuts a possessive `'s` / `’s` off a capitalised word; returns the new end.
fn strip_possessive(word: &str, start: usize) -> Option<usize> {
    if !word.ends_with(['s', 'S']) {
        return None;
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return Some(start + stem.len());
        }
    }
    None
}

/// What the text in `gap` makes of the word after it: the gap's kind, and whether the word
/// opens a line and a sentence. `prev` is the word before the gap.
fn boundary(body: &str, gap: std::ops::Range<usize>, prev: Option<&Token>) -> (Gap, bool, bool) {
    let text = &body[gap];
    let Some(prev) = prev else {
        return (Gap::Break, true, true);
    };
    if text == " " {
        // The common case, decided without scanning.
        return (Gap::Space, false, false);
    }
    let kind = gap_kind(text, false);
    let line_start = text.contains('\n');
    let after_abbreviation = kind == Gap::Stop
        && (prev.shape == Shape::Initial || lexicon().is_abbreviation(prev.text(body)));
    // "(Reuters) - Floods hit": the dash after a dateline's agency opens the text.
    let dateline_dash = text.contains(')') && text.contains(['-', '–', '—']);
    let terminal = dateline_dash || text.contains(['.', '!', '?', ':', ';', '…']);
    (
        kind,
        line_start,
        line_start || (terminal && !after_abbreviation),
    )
}

/// Splits a body into tokens.
pub fn tokenize(body: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(body.len() / 6);
    let mut prev_end = 0;
    for_each_word_span(body, |start, word_end| {
        if start < prev_end {
            return;
        }
        let word = &body[start..word_end];
        let mut end = word_end;
        // A dotted abbreviation keeps its final stop: "U.S" + "." -> "U.S.".
        if body.as_bytes().get(end) == Some(&b'.') && word.as_bytes().contains(&b'.') {
            end += 1;
        }
        let shape = shape(word);
        let mut possessive = false;
        if shape.is_capitalised()
            && let Some(e) = strip_possessive(&body[start..end], start)
        {
            end = e;
            possessive = true;
        }
        let (gap, line_start, sentence_start) = boundary(body, prev_end..start, out.last());
        out.push(Token {
            start,
            end,
            shape,
            gap,
            possessive,
            sentence_start,
            line_start,
        });
        prev_end = if possessive { start + word.len() } else { end };
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str) -> Vec<&str> {
        tokenize(body).iter().map(|t| t.text(body)).collect()
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Putin"), Shape::Capitalised);
        assert_eq!(shape("NotPetya"), Shape::Capitalised);
        assert_eq!(shape("GRU"), Shape::AllCaps);
        assert_eq!(shape("U.S."), Shape::AllCaps);
        assert_eq!(shape("J"), Shape::Initial);
        assert_eq!(shape("the"), Shape::Lower);
        assert_eq!(shape("2021"), Shape::Other);
        assert_eq!(shape("Захарова"), Shape::Capitalised);
        assert_eq!(shape("МОСКВА"), Shape::AllCaps);
    }

    proptest::proptest! {
        #[test]
        fn ascii_shapes_agree_with_unicode_shapes(word in "[a-zA-Z0-9_.']{0,6}") {
            proptest::prop_assert_eq!(shape(&word), unicode_shape(&word));
        }
    }

    #[test]
    fn dotted_abbreviations_keep_their_stop() {
        assert_eq!(
            words("the U.S. and U.K. agreed"),
            ["the", "U.S.", "and", "U.K.", "agreed"]
        );
        let t = tokenize("the U.S. President");
        assert_eq!(t[2].gap, Gap::Space);
        assert!(!t[2].sentence_start);
    }

    #[test]
    fn possessives_are_cut_off() {
        let body = "Navalny's lawyer and Russia’s GRU";
        assert_eq!(words(body), ["Navalny", "lawyer", "and", "Russia", "GRU"]);
        let t = tokenize(body);
        assert!(t[0].possessive && t[3].possessive && !t[4].possessive);
        assert_eq!(t[1].gap, Gap::Space);
    }

    #[test]
    fn sentence_starts_and_gaps() {
        let t = tokenize("He met Mr. Smith. So it goes: Two\nWords-Here");
        let starts: Vec<bool> = t.iter().map(|t| t.sentence_start).collect();
        assert_eq!(
            starts,
            [
                true, false, false, false, true, false, false, true, true, false
            ]
        );
        assert_eq!(t[3].gap, Gap::Stop);
        assert_eq!(t[9].gap, Gap::Hyphen);
        assert!(t[8].line_start);
    }

    #[test]
    fn cyrillic_words() {
        assert_eq!(
            words("«Мария Захарова» заявила"),
            ["Мария", "Захарова", "заявила"]
        );
    }
}
