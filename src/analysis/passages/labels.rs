//! Labels of a passage: how closely its occurrences agree (verbatim or near-verbatim),
//! whether it stands inside quotation marks in all, some or none of them, and who said it.

use super::extend::{Alignment, Op};
use super::tokens::Doc;
use super::word_hash::same_word;
use super::{Label, Occurrence, Quoted};
use crate::analysis::Span;
use crate::analysis::quotes::Quote;

/// Turns each matched token pair whose words differ (two words on one 32-bit id) into a
/// substitution, reading the words in the bodies: a label says verbatim, and a word diff
/// shows no change, only where the words really are the same.
pub fn verify_words(al: &mut Alignment, a: &Doc, b: &Doc, body_a: &str, body_b: &str) {
    let (mut i, mut j) = (al.a.start, al.b.start);
    for op in &mut al.ops {
        if *op == Op::Match {
            let wa = body_a.get(a.byte_span(&(i..i + 1))).unwrap_or("");
            let wb = body_b.get(b.byte_span(&(j..j + 1))).unwrap_or("");
            if !same_word(wa, wb) {
                *op = Op::Sub;
            }
        }
        if matches!(op, Op::Match | Op::Sub | Op::DelA) {
            i += 1;
        }
        if matches!(op, Op::Match | Op::Sub | Op::InsB) {
            j += 1;
        }
    }
}

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
    fn words_on_one_id_are_not_verbatim() {
        use super::super::tokens::tokenize;
        let (ta, tb) = ("the item 23100 was sold", "the item 55405 was sold");
        let (a, mut b) = (tokenize(ta), tokenize(tb));
        b.ids[2] = a.ids[2]; // two words folded onto one id
        let mut al = Alignment {
            a: 0..5,
            b: 0..5,
            ops: vec![Op::Match; 5],
            seed: 0..4,
        };
        verify_words(&mut al, &a, &b, ta, tb);
        assert_eq!(al.ops[2], Op::Sub);
        assert_eq!(al.matches(), 4);
        assert_eq!(label(al.identity()), Label::NearVerbatim);
        let (ca, cb) = super::super::align::changed(&al);
        assert_eq!((a.byte_span(&ca[0]), b.byte_span(&cb[0])), (9..14, 9..14));
    }

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
