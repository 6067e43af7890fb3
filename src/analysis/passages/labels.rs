//! Labels of a passage: how closely its occurrences agree (verbatim or near-verbatim),
//! whether it stands inside quotation marks in all, some or none of them, and who said it.

use super::{Label, Occurrence, Quoted};
use crate::analysis::Span;
use crate::analysis::quotes::Quote;

/// Verbatim when every pair of occurrences has the same words, else near-verbatim.
pub fn label(similarity: f32) -> Label {
    if similarity >= 1.0 {
        Label::Verbatim
    } else {
        Label::NearVerbatim
    }
}

/// Quoted in all, some or none of the occurrences.
pub fn quoted(occurrences: &[Occurrence]) -> Quoted {
    let n = occurrences.iter().filter(|o| o.quoted).count();
    match n {
        0 => Quoted::None,
        n if n == occurrences.len() => Quoted::All,
        _ => Quoted::Some,
    }
}

/// The speaker of the innermost quote holding the start of `span`, if attributed; an inner
/// quote without a speaker takes its enclosing quote's.
pub fn speaker_of(quotes: &[Quote], span: &Span) -> Option<String> {
    quotes
        .iter()
        .filter(|q| q.inner.start <= span.start && span.start < q.inner.end.max(q.inner.start + 1))
        .filter_map(|q| q.speaker.clone())
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_follow_similarity_and_marks() {
        assert_eq!(label(1.0), Label::Verbatim);
        assert_eq!(label(0.93), Label::NearVerbatim);
        let occ = |quoted| Occurrence {
            article: 0,
            span: 0..1,
            quoted,
        };
        assert_eq!(quoted(&[occ(true), occ(true)]), Quoted::All);
        assert_eq!(quoted(&[occ(true), occ(false)]), Quoted::Some);
        assert_eq!(quoted(&[occ(false), occ(false)]), Quoted::None);
    }
}
