//! Which capitalised words opening a sentence a body also writes in lower case
//! ("Shortly" / "shortly"): those capitals are typographic, not a name's. Read once per
//! body by [`super::runs::Context`].

use rustc_hash::FxHashSet;

use super::lexicon::{lexicon, with_lower};
use super::tokens::{Shape, Token};

/// The lower-case forms of sentence-initial capitalised words (function words aside) that
/// the body also writes in lower case: only those few forms are looked for. They are lower-cased into one
/// buffer, and a small bit filter turns most lower-case words away before hashing. The
/// forms found are borrowed from the body: a frequent word ("the") is not copied again at
/// each occurrence.
pub fn seen<'a>(body: &'a str, tokens: &[Token]) -> FxHashSet<&'a str> {
    let mut buf = String::new();
    let mut ranges = Vec::new();
    // A function word is never a name at a sentence start whatever its lower-case form
    // does ([`super::runs::Context::is_name_word`]): leaving "The" out keeps "the", the most frequent
    // word, from passing the filter below at every occurrence.
    let lx = lexicon();
    for t in tokens.iter().filter(|t| {
        t.sentence_start && t.shape == Shape::Capitalised && !lx.is_function(t.text(body))
    }) {
        let start = buf.len();
        with_lower(t.text(body), |l| buf.push_str(l));
        ranges.push(start..buf.len());
    }
    if ranges.is_empty() {
        return FxHashSet::default();
    }
    let mut filter = [0u64; 16];
    let mut wanted: FxHashSet<&str> = FxHashSet::default();
    for r in ranges {
        let w = &buf[r];
        let k = filter_key(w);
        filter[k >> 6] |= 1 << (k & 63);
        wanted.insert(w);
    }
    tokens
        .iter()
        .filter(|t| t.shape == Shape::Lower)
        .map(|t| t.text(body))
        .filter(|w| {
            let k = filter_key(w);
            filter[k >> 6] & (1 << (k & 63)) != 0
        })
        .filter(|w| wanted.contains(w))
        .collect()
}

/// A word's slot in the 1024-bit filter of [`seen`]: its first two bytes and
/// its length.
fn filter_key(word: &str) -> usize {
    let b = word.as_bytes();
    let byte = |i: usize| usize::from(b.get(i).copied().unwrap_or(0));
    (byte(0) * 31 + byte(1) + b.len() * 131) & 1023
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    #[test]
    fn lower_forms_are_those_the_body_also_writes_in_lower_case() {
        let body = "Cybersecurity matters. Érable grew. Shortly the cybersecurity firm and érable left. Zakharova spoke.";
        let tokens = tokenize(body);
        let mut got: Vec<&str> = seen(body, &tokens).into_iter().collect();
        got.sort();
        assert_eq!(got, ["cybersecurity", "érable"]);
    }
}
