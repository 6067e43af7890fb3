//! The headline zone of a page: the title (a headline, a Markdown `# Heading`, or the lead
//! sentence when there is no headline), its repeats (with or without a site suffix, which
//! `super::suffix` strips), a standfirst (subtitle) and a teaser that repeats the lead.

use std::borrow::Cow;

use super::suffix::split_suffix;
use super::{lexicon, outlets};

/// A headline cleaned of its site suffix (see [`super::suffix`]), here with the rest of the
/// headline zone.
pub use super::suffix::clean_headline;

/// Longest headline, in words; a longer first paragraph is body text.
const MAX_TITLE_WORDS: usize = 25;
/// Longest standfirst, in words.
const MAX_SUBTITLE_WORDS: usize = 40;
/// Longest title made from a lead sentence, in characters.
const MAX_LEAD_TITLE_CHARS: usize = 200;
/// Words compared to tell a teaser from the paragraph it repeats.
const TEASER_WORDS: usize = 8;

/// The words of `text` in lower case, as [`comparable`] joins them.
fn comparable_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) || !w.is_ascii() {
                Cow::Owned(w.to_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Lower-case words only: how two renderings of one headline are compared.
pub fn comparable(text: &str) -> String {
    comparable_words(text).collect::<Vec<_>>().join(" ")
}

/// `comparable(text) == t`, without building the string: most lines differ from a title
/// in their first word, and the lines compared are whole paragraphs.
fn comparable_is(text: &str, t: &str) -> bool {
    let mut rest = t;
    for (k, w) in comparable_words(text).enumerate() {
        if k > 0 {
            let Some(r) = rest.strip_prefix(' ') else {
                return false;
            };
            rest = r;
        }
        let Some(r) = rest.strip_prefix(w.as_ref()) else {
            return false;
        };
        rest = r;
    }
    rest.is_empty()
}

/// Whether the comparable words of `title` are the first comparable words of `line`.
fn starts_with_words_of(line: &str, title: &str) -> bool {
    let mut words = comparable_words(line);
    comparable_words(title).all(|w| words.next().is_some_and(|l| l == w))
}

/// How a paragraph relates to the title already found.
#[derive(Debug, PartialEq, Eq)]
pub enum Repeat {
    /// Not a repeat.
    No,
    /// The same headline, maybe with a site suffix naming `outlet`.
    Same(Option<&'static str>),
}

/// Whether `line` repeats `title` (exactly, or with a site suffix).
pub fn repeat_of(title: &str, line: &str) -> Repeat {
    // Every head tried below is a prefix of `line` cut at a space, so its words are the
    // first words of `line`: when those are not the title's words, nothing matches. Most
    // paragraphs fail on their first word, without lower-casing the rest.
    if !starts_with_words_of(line, title) {
        return Repeat::No;
    }
    let t = comparable(title);
    if t.is_empty() {
        return Repeat::No;
    }
    if comparable_is(line, &t) {
        return Repeat::Same(None);
    }
    match split_suffix(line) {
        Some((head, tail)) if comparable_is(head, &t) => Repeat::Same(outlets::by_name(tail)),
        _ => match clean_headline(line) {
            (head, outlet) if comparable_is(&head, &t) => Repeat::Same(outlet),
            _ => Repeat::No,
        },
    }
}

/// A Markdown heading as its text: ATX (`# Title`, `## Title ##`) or setext (`Title`
/// over a line of `===` or `---`, which paragraph grouping joins to `Title ===`).
pub fn markdown_heading(line: &str) -> Option<&str> {
    if let Some((text, underline)) = line.trim_end().rsplit_once(' ') {
        let setext = underline.len() >= 3
            && (underline.bytes().all(|b| b == b'=') || underline.bytes().all(|b| b == b'-'));
        if setext && (1..=MAX_TITLE_WORDS).contains(&text.split_whitespace().count()) {
            return Some(text.trim());
        }
    }
    let rest = line.trim_start().strip_prefix('#')?;
    let rest = rest.trim_start_matches('#');
    if !rest.starts_with(' ') {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim();
    (!text.is_empty()).then_some(text)
}

/// Most words of a headline that ends with a period.
const MAX_TITLE_WORDS_WITH_PERIOD: usize = 15;

/// True when a first paragraph reads as a headline rather than body text: short, and
/// when it ends like a sentence, one short sentence.
pub fn is_headline(paragraph: &str) -> bool {
    let words = super::words_up_to(paragraph, MAX_TITLE_WORDS + 1);
    let finished = ends_sentence(paragraph);
    words > 0
        && words <= MAX_TITLE_WORDS
        && paragraph.chars().count() <= MAX_LEAD_TITLE_CHARS + 50
        && !(finished
            && (words > MAX_TITLE_WORDS_WITH_PERIOD
                || first_sentence(paragraph).len() < paragraph.trim().len()))
}

/// Most words of a navigation line (`World`, `Europe`) above a headline.
const MAX_NAV_WORDS: usize = 1;

/// True for a line above the headline that is a site section or menu item.
pub fn is_navigation(line: &str) -> bool {
    let words = super::words_up_to(line, MAX_NAV_WORDS + 1);
    words <= MAX_NAV_WORDS && !ends_sentence(line)
}

/// True when the first line of a block is a headline set directly above its text (no
/// blank line between): headline-like, and the next line starts a sentence and is either
/// a dateline or clearly longer (hard-wrapped text has lines of even length).
pub fn heads_block(first: &str, second: &str) -> bool {
    let starts_sentence = second.starts_with(|c: char| c.is_uppercase() || "\"“«".contains(c));
    let longer = first.chars().count() * 4 < second.chars().count() * 3;
    is_headline(first)
        && !first.trim_end().ends_with([',', ';', '-', '–', '—'])
        && !ends_sentence(first)
        && starts_sentence
        && (longer || super::dateline::read(second).is_some())
}

/// True when text ends like a finished sentence.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '!', '?', '"', '”', '»', '…'])
}

/// The first sentence of a paragraph, shortened to a title's length on a word boundary.
pub fn lead_sentence(paragraph: &str) -> String {
    let sentence = first_sentence(paragraph);
    if sentence.chars().count() <= MAX_LEAD_TITLE_CHARS {
        return sentence.to_string();
    }
    let mut out = String::new();
    for word in sentence.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > MAX_LEAD_TITLE_CHARS {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// Text up to the first sentence end: `.`, `!` or `?` followed by a space and a capital,
/// not after an initial or a common abbreviation (`U.S.`, `Mr.`).
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    for (i, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let rest = &text[end..];
        let next_word_capital = rest.starts_with(' ')
            && rest
                .trim_start()
                .starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '«'));
        if next_word_capital && !is_abbreviation(&text[..i]) {
            return &text[..end];
        }
    }
    text
}

/// True when the word before a period is an initial or a usual abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();

    letters.chars().count() == 1
        || word.contains('.')
        || lexicon::has(&lexicon::get().abbreviations, &letters.to_lowercase())
}

/// True when a paragraph under the title is a standfirst: short, not a finished sentence,
/// not a quote.
pub fn is_subtitle(paragraph: &str) -> bool {
    // The end and the start first: a body paragraph ends like a sentence, and is then
    // turned away without counting its words.
    !paragraph
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '»', ':'])
        && !paragraph.starts_with(['"', '“', '«'])
        && (3..=MAX_SUBTITLE_WORDS).contains(&super::words_up_to(paragraph, MAX_SUBTITLE_WORDS + 1))
}

/// True when `paragraph` is a teaser of `next`: both open with the same words.
pub fn is_teaser(paragraph: &str, next: &str) -> bool {
    let head: Vec<Cow<str>> = comparable_words(paragraph).take(TEASER_WORDS).collect();
    head.len() == TEASER_WORDS
        && comparable_words(next)
            .take(TEASER_WORDS)
            .eq(head.iter().cloned())
        && comparable(paragraph).len() <= comparable(next).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_with_and_without_suffix() {
        let t = "Zakharova spoke about positive changes";
        assert_eq!(repeat_of(t, t), Repeat::Same(None));
        assert_eq!(
            repeat_of(
                t,
                "Zakharova spoke about positive changes – Russia news today"
            ),
            Repeat::Same(None)
        );
        assert_eq!(
            repeat_of(t, "Zakharova spoke about positive changes | Reuters"),
            Repeat::Same(Some("Reuters"))
        );
        assert_eq!(
            repeat_of(t, "Zakharova spoke about other things"),
            Repeat::No
        );
    }

    #[test]
    fn markdown_headings() {
        assert_eq!(markdown_heading("# Big news"), Some("Big news"));
        assert_eq!(markdown_heading("## Big news ##"), Some("Big news"));
        assert_eq!(markdown_heading("#hashtag"), None);
        assert_eq!(markdown_heading("Big news ========"), Some("Big news"));
        assert_eq!(markdown_heading("Big news ---"), Some("Big news"));
        assert_eq!(markdown_heading("A range 1 - 2"), None);
        assert_eq!(markdown_heading("Plain"), None);
    }

    #[test]
    fn first_sentences_skip_abbreviations() {
        assert_eq!(
            first_sentence("The U.S. and Mr. Smith met. Then they left."),
            "The U.S. and Mr. Smith met."
        );
        assert_eq!(first_sentence("No end here"), "No end here");
        assert_eq!(
            first_sentence("Prices rose 2.5 percent. Oil fell."),
            "Prices rose 2.5 percent."
        );
    }

    #[test]
    fn long_lead_sentences_are_shortened() {
        let long = "word ".repeat(100);
        let t = lead_sentence(&long);
        assert!(t.chars().count() <= MAX_LEAD_TITLE_CHARS + 1);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn headlines_and_body_paragraphs() {
        assert!(is_headline(
            "Kremlin notes positive achievements in relations"
        ));
        assert!(is_headline("Is this the end of cheap oil?"));
        assert!(!is_headline("Prices rose. Then they fell."));
        let body = "Moscow and Washington have reached positive achievements in the \
                    negotiation process, although a number of difficulties remain, said the \
                    spokeswoman.";
        assert!(!is_headline(body));
    }

    #[test]
    fn headline_set_directly_above_text() {
        assert!(heads_block(
            "Storm batters the coast",
            "Thousands of homes lost power on Sunday as winds reached 90mph, officials said."
        ));
        assert!(heads_block(
            "Storm batters the coast and floods the old town",
            "LONDON (Reuters) - Thousands."
        ));
        // hard-wrapped body text
        assert!(!heads_block(
            "Thousands of homes lost power on Sunday as winds",
            "reached 90mph, officials said, and more was expected."
        ));
        assert!(!heads_block(
            "Thousands of homes lost power on Sunday as",
            "Storm Ciara reached the coast with winds of 90mph."
        ));
    }

    #[test]
    fn subtitles_and_teasers() {
        assert!(is_subtitle(
            "Anatoly Antonov added that much work lies ahead in establishing the foundation"
        ));
        assert!(!is_subtitle("A full sentence that ends with a period."));
        assert!(!is_subtitle("\"A quote\" said somebody"));
        assert!(is_teaser(
            "There are many difficulties in relations between the two, said Maria …",
            "There are many difficulties in relations between the two countries, but talks go on."
        ));
        assert!(!is_teaser(
            "There are many difficulties in relations",
            "Other words entirely in this paragraph here and there."
        ));
    }
}
