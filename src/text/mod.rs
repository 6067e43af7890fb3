//! Text utilities shared by every layer: cleaning raw article text, words, paragraphs, and
//! making text safe to put on a terminal.

mod clean;
mod plural;
mod runs;
mod sanitize;
mod segment;
mod words;

pub use clean::{clean_body, decode_entities, normalize_line, normalized_line};
pub use plural::{count, plural};
pub use sanitize::{display_cols, sanitize_for_terminal};
pub use segment::{for_each_word_span, word_spans};
pub use words::{count_words, for_each_word};

/// The paragraphs of a clean body (separated by blank lines) with their byte offsets.
pub fn paragraphs(body: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = body.as_ptr() as usize;
    body.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(move |p| (p.as_ptr() as usize - base, p))
}
