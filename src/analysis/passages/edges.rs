//! Clean span edges: a passage starts and ends where the shared text does. The X-drop
//! extension ([`super::extend`]) keeps any step that raises its score, so it may take in the
//! last word of the sentence before a shared one ("fuel. Desarno said…") when that word
//! matches by chance, and it stops one word short of a sentence's end when a substitution
//! falls next to it ("… rose by ten [per cent] today."). Both are mended here, at sentence
//! boundaries only.

use super::extend::{Alignment, Op};
use super::tokens::{Doc, MASKED, SENT};

/// Most tokens before (or after) a sentence boundary that are cut off a span's edge.
const STRAY: usize = 2;

/// True when token `k` starts a sentence (or is past the end of the text).
fn starts_sentence(d: &Doc, k: usize) -> bool {
    d.flags.get(k).is_none_or(|f| f & SENT != 0)
}

fn step(op: Op) -> (usize, usize) {
    match op {
        Op::Match | Op::Sub => (1, 1),
        Op::DelA => (1, 0),
        Op::InsB => (0, 1),
    }
}

/// Trims a span's first and last few tokens when they lie across a sentence boundary from
/// the rest (a stray word of the sentence before or after), on both sides at once.
fn trim(a: &Doc, b: &Doc, al: &mut Alignment) {
    let (mut i, mut j) = (al.a.start, al.b.start);
    let mut cuts = Vec::new();
    for (t, op) in al.ops.iter().enumerate() {
        if t > 0
            && i > al.a.start
            && j > al.b.start
            && starts_sentence(a, i)
            && starts_sentence(b, j)
        {
            cuts.push((t, i, j));
        }
        let (x, y) = step(*op);
        i += x;
        j += y;
    }
    let n = al.ops.len();
    let head = cuts
        .first()
        .filter(|&&(t, _, _)| t <= STRAY && t <= al.seed.start);
    let tail = cuts
        .last()
        .filter(|&&(t, _, _)| n - t <= STRAY && t >= al.seed.end);
    if let Some(&(t, i, j)) = tail {
        al.ops.truncate(t);
        al.a.end = i;
        al.b.end = j;
    }
    if let Some(&(t, i, j)) = head {
        al.ops.drain(..t);
        al.seed = al.seed.start - t..al.seed.end - t;
        al.a.start = i;
        al.b.start = j;
    }
}

fn same(a: &Doc, b: &Doc, i: usize, j: usize) -> bool {
    i < a.len() && j < b.len() && a.ids[i] == b.ids[j] && (a.flags[i] | b.flags[j]) & MASKED == 0
}

fn open(d: &Doc, k: usize) -> bool {
    d.flags.get(k).is_some_and(|f| f & MASKED == 0)
}

/// Takes in a sentence's last (or first) word when one substituted word separates it from
/// the span: `X Y [a|b] Z.` where `Z` ends the sentence on both sides.
fn reach_sentence_edges(a: &Doc, b: &Doc, al: &mut Alignment) {
    let (i, j) = (al.a.end, al.b.end);
    let last = open(a, i)
        && open(b, j)
        && !same(a, b, i, j)
        && same(a, b, i + 1, j + 1)
        && starts_sentence(a, i + 2)
        && starts_sentence(b, j + 2)
        && !starts_sentence(a, i + 1);
    if last {
        al.ops.extend([Op::Sub, Op::Match]);
        al.a.end += 2;
        al.b.end += 2;
    }
    let (i, j) = (al.a.start, al.b.start);
    if i >= 2 && j >= 2 && open(a, i - 1) && open(b, j - 1) && !same(a, b, i - 1, j - 1) {
        let first = same(a, b, i - 2, j - 2)
            && a.flags[i - 2] & SENT != 0
            && b.flags[j - 2] & SENT != 0
            && a.flags[i - 1] & SENT == 0;
        if first && !starts_sentence(a, i) {
            al.ops.splice(0..0, [Op::Match, Op::Sub]);
            al.seed = al.seed.start + 2..al.seed.end + 2;
            al.a.start -= 2;
            al.b.start -= 2;
        }
    }
}

/// Mends both edges of an accepted span (see the module documentation).
pub fn tidy(a: &Doc, b: &Doc, al: &mut Alignment) {
    trim(a, b, al);
    reach_sentence_edges(a, b, al);
}

#[cfg(test)]
mod tests {
    use super::super::extend::extend;
    use super::super::tokens::doc_pair;
    use super::*;

    fn text<'a>(body: &'a str, d: &Doc, r: &std::ops::Range<usize>) -> &'a str {
        &body[d.byte_span(r)]
    }

    #[test]
    fn a_stray_word_of_the_sentence_before_is_cut() {
        let ta = "Prices of fuel. Desarno said the harbour board will meet again on Monday to vote. Then rain fell.";
        let tb = "Costs rose for fuel. Desarno said the harbour board will meet again on Monday to vote. Nobody came today.";
        let (a, b) = doc_pair(ta, tb);
        let mut al = extend(&a, &b, 4, 5, 4);
        assert!(
            text(ta, &a, &al.a).starts_with("fuel"),
            "{}",
            text(ta, &a, &al.a)
        );
        tidy(&a, &b, &mut al);
        assert_eq!(
            text(ta, &a, &al.a),
            "Desarno said the harbour board will meet again on Monday to vote"
        );
        assert_eq!(
            text(tb, &b, &al.b),
            "Desarno said the harbour board will meet again on Monday to vote"
        );
    }

    #[test]
    fn a_reworded_sentence_keeps_its_last_and_first_words() {
        let ta = "Alpha beta. Workers said the harbour board will meet again on Monday to vote today. Gamma delta.";
        let tb = "Omega psi. Workers claimed the harbour board will meet again on Monday to decide today. Kappa zeta.";
        let (a, b) = doc_pair(ta, tb);
        let mut al = extend(&a, &b, 5, 5, 4);
        tidy(&a, &b, &mut al);
        assert_eq!(
            text(ta, &a, &al.a),
            "Workers said the harbour board will meet again on Monday to vote today"
        );
        assert_eq!(
            text(tb, &b, &al.b),
            "Workers claimed the harbour board will meet again on Monday to decide today"
        );
    }
}
