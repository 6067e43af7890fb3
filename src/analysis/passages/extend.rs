//! X-drop extension of a seed over token ids, within a narrow band: match +1, substitution
//! −1, insertion or deletion −1.5. The extension stops when the score falls more than
//! [`X_DROP`] below the best seen, and ends on the best-scoring cell, so a reworded sentence
//! comes out as one span while unrelated text around it is left out.

use std::ops::Range;

use super::tokens::{Doc, MASKED};

/// How far below the best score an extension may fall before it stops.
pub const X_DROP: f32 = 5.0;
/// Widest drift between the two texts, in tokens (the band half-width).
pub const BAND: usize = 3;

const MATCH: f32 = 1.0;
const SUB: f32 = -1.0;
const GAP: f32 = -1.5;
const W: usize = 2 * BAND + 1;

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Match,
    Sub,
    /// A token of `a` with no counterpart in `b`.
    DelA,
    /// A token of `b` with no counterpart in `a`.
    InsB,
}

/// An alignment of `a[a]` with `b[b]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub ops: Vec<Op>,
    /// The seed's place in `ops`.
    pub seed: Range<usize>,
}

impl Alignment {
    pub fn matches(&self) -> usize {
        self.ops.iter().filter(|o| **o == Op::Match).count()
    }

    /// Matched tokens over the shorter side: how much of the shorter text the other holds.
    pub fn coverage(&self) -> f32 {
        let shorter = self.a.len().min(self.b.len());
        if shorter == 0 {
            return 0.0;
        }
        self.matches() as f32 / shorter as f32
    }

    /// Matched tokens over the longer side: 1.0 only for the same words.
    pub fn identity(&self) -> f32 {
        let longer = self.a.len().max(self.b.len());
        if longer == 0 {
            return 0.0;
        }
        self.matches() as f32 / longer as f32
    }
}

/// Reads a text forwards or backwards from a start token; masked tokens end it.
struct Side<'a> {
    doc: &'a Doc,
    start: usize,
    forward: bool,
}

impl Side<'_> {
    fn get(&self, k: usize) -> Option<u32> {
        let i = if self.forward {
            self.start.checked_add(k)?
        } else {
            self.start.checked_sub(k + 1)?
        };
        if i >= self.doc.len() || self.doc.flags[i] & MASKED != 0 {
            return None;
        }
        Some(self.doc.ids[i])
    }
}

/// Extends one way from `(ia, ib)` (the first tokens past the seed going forward, or the
/// seed's first tokens going backward); returns the ops from the seed outwards.
fn extend_one(a: Side, b: Side) -> Vec<Op> {
    const NEG: f32 = f32::NEG_INFINITY;
    // Cell (k, d): k tokens of a and k + d - BAND tokens of b consumed.
    let mut prev = [NEG; W];
    let mut trace: Vec<[u8; W]> = Vec::new();
    prev[BAND] = 0.0;
    let mut row0 = [0u8; W];
    for d in BAND + 1..W {
        if b.get(d - BAND - 1).is_some() && prev[d - 1] > NEG {
            prev[d] = prev[d - 1] + GAP;
            row0[d] = 2;
        }
    }
    trace.push(row0);
    let (mut best, mut best_at) = (0.0f32, (0usize, BAND));
    let mut k = 0;
    while let Some(ta) = a.get(k) {
        k += 1;
        let (cur, tr) = next_row(&prev, k, ta, &b);
        trace.push(tr);
        let row_best = cur.iter().copied().fold(NEG, f32::max);
        for (d, &s) in cur.iter().enumerate() {
            if s > best {
                best = s;
                best_at = (k, d);
            }
        }
        if row_best < best - X_DROP {
            break;
        }
        prev = cur;
    }
    traceback(&trace, best_at)
}

/// Scores row `k` of the band (token `ta` of `a` consumed) from the row before; returns the
/// scores and the trace codes (0 match, 1 substitution, 2 insertion in b, 3 deletion of a).
fn next_row(prev: &[f32; W], k: usize, ta: u32, b: &Side) -> ([f32; W], [u8; W]) {
    let mut cur = [f32::NEG_INFINITY; W];
    let mut tr = [0u8; W];
    for d in 0..W {
        // b index of the token a diagonal step into (k, d) consumes
        if let Some(tb) = (k + d).checked_sub(BAND + 1).and_then(|lb| b.get(lb)) {
            let s = prev[d] + if ta == tb { MATCH } else { SUB };
            if s > cur[d] {
                cur[d] = s;
                tr[d] = if ta == tb { 0 } else { 1 };
            }
            if d > 0 && cur[d - 1] + GAP > cur[d] {
                cur[d] = cur[d - 1] + GAP;
                tr[d] = 2;
            }
        }
        if d + 1 < W && prev[d + 1] + GAP > cur[d] {
            cur[d] = prev[d + 1] + GAP;
            tr[d] = 3;
        }
    }
    (cur, tr)
}

/// Walks the trace back from the best cell to the seed; returns ops from the seed outwards.
fn traceback(trace: &[[u8; W]], (mut k, mut d): (usize, usize)) -> Vec<Op> {
    let mut ops = Vec::new();
    while k > 0 || d > BAND {
        match trace[k][d] {
            0 | 1 if k > 0 => {
                ops.push(if trace[k][d] == 0 { Op::Match } else { Op::Sub });
                k -= 1;
            }
            2 if d > 0 => {
                ops.push(Op::InsB);
                d -= 1;
            }
            3 if k > 0 && d + 1 < W => {
                ops.push(Op::DelA);
                k -= 1;
                d += 1;
            }
            _ => break,
        }
    }
    ops.reverse();
    ops
}

fn consumed(ops: &[Op]) -> (usize, usize) {
    ops.iter().fold((0, 0), |(a, b), op| match op {
        Op::Match | Op::Sub => (a + 1, b + 1),
        Op::DelA => (a + 1, b),
        Op::InsB => (a, b + 1),
    })
}

/// Extends an exact seed `a[ia..ia+len]` = `b[ib..ib+len]` both ways.
pub fn extend(a: &Doc, b: &Doc, ia: usize, ib: usize, len: usize) -> Alignment {
    let right = extend_one(
        Side {
            doc: a,
            start: ia + len,
            forward: true,
        },
        Side {
            doc: b,
            start: ib + len,
            forward: true,
        },
    );
    let left = extend_one(
        Side {
            doc: a,
            start: ia,
            forward: false,
        },
        Side {
            doc: b,
            start: ib,
            forward: false,
        },
    );
    let (la, lb) = consumed(&left);
    let (ra, rb) = consumed(&right);
    let mut ops: Vec<Op> = left.into_iter().rev().collect();
    let seed = ops.len()..ops.len() + len;
    ops.extend(std::iter::repeat_n(Op::Match, len));
    ops.extend(right);
    Alignment {
        a: ia - la..ia + len + ra,
        b: ib - lb..ib + len + rb,
        ops,
        seed,
    }
}

/// Longest alignment window this trim looks at (the search is quadratic in it).
const MAX_TRIM: usize = 400;

/// The sub-alignment holding the seed with the most matched tokens among those with
/// identity at least `min_identity` and at least `min_matches` matches; it starts and ends
/// on a match. A reworded sentence inside a looser paragraph comes out on its own.
pub fn best_window(al: &Alignment, min_identity: f32, min_matches: usize) -> Option<Alignment> {
    let n = al.ops.len();
    if n > MAX_TRIM || al.seed.end > n {
        return None;
    }
    // prefix counts: matches, a tokens, b tokens before op k
    let mut pre = vec![(0usize, 0usize, 0usize); n + 1];
    for (k, op) in al.ops.iter().enumerate() {
        let (m, x, y) = pre[k];
        pre[k + 1] = match op {
            Op::Match => (m + 1, x + 1, y + 1),
            Op::Sub => (m, x + 1, y + 1),
            Op::DelA => (m, x + 1, y),
            Op::InsB => (m, x, y + 1),
        };
    }
    let mut best: Option<(usize, usize, usize)> = None;
    for s in (0..=al.seed.start).filter(|&s| al.ops[s] == Op::Match) {
        for e in (al.seed.end..=n).filter(|&e| al.ops[e - 1] == Op::Match) {
            let m = pre[e].0 - pre[s].0;
            let longer = (pre[e].1 - pre[s].1).max(pre[e].2 - pre[s].2);
            let ok = m >= min_matches && m as f32 >= min_identity * longer as f32;
            if ok && best.is_none_or(|(bm, _, _)| m > bm) {
                best = Some((m, s, e));
            }
        }
    }
    let (_, s, e) = best?;
    Some(Alignment {
        a: al.a.start + pre[s].1..al.a.start + pre[e].1,
        b: al.b.start + pre[s].2..al.b.start + pre[e].2,
        ops: al.ops[s..e].to_vec(),
        seed: al.seed.start - s..al.seed.end - s,
    })
}

/// The longest exact run around a seed (both ways), as an alignment.
pub fn exact_run(a: &Doc, b: &Doc, ia: usize, ib: usize, len: usize) -> Alignment {
    let same = |i: usize, j: usize| a.ids[i] == b.ids[j] && (a.flags[i] | b.flags[j]) & MASKED == 0;
    let mut l = 0;
    while l < ia.min(ib) && same(ia - l - 1, ib - l - 1) {
        l += 1;
    }
    let mut r = 0;
    while ia + len + r < a.len() && ib + len + r < b.len() && same(ia + len + r, ib + len + r) {
        r += 1;
    }
    let n = l + len + r;
    Alignment {
        a: ia - l..ia - l + n,
        b: ib - l..ib - l + n,
        ops: vec![Op::Match; n],
        seed: l..l + len,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::doc_pair as docs;
    use super::*;

    #[test]
    fn extends_over_substitutions_and_gaps() {
        let (a, b) = docs(
            "xx yy the quick brown fox jumps over the lazy dog near the old river bank today zz",
            "qq the quick brown fox leaps over the lazy dog by the old river bank today ww",
        );
        let al = extend(&a, &b, 2, 1, 4);
        assert_eq!(al.a, 2..17);
        assert_eq!(al.b, 1..16);
        assert_eq!(al.matches(), 13);
        assert!(al.identity() > 0.85);
    }

    #[test]
    fn extends_over_an_insertion() {
        let (a, b) = docs(
            "one two three four five six seven eight nine ten",
            "one two three four extra five six seven eight nine ten",
        );
        let al = extend(&a, &b, 0, 0, 4);
        assert_eq!((al.a.clone(), al.b.clone()), (0..10, 0..11));
        assert_eq!(al.ops.iter().filter(|o| **o == Op::InsB).count(), 1);
    }

    #[test]
    fn trims_a_loose_alignment_to_its_close_part() {
        let (a, b) = docs(
            "first committee the un general assembly which deals with disarmament and international security on november 3 supported the draft russian american resolution on it",
            "the first committee of the un general assembly dealing with disarmament and international security issues supported the draft russian us resolution on it",
        );
        let al = extend(&a, &b, 8, 9, 4);
        assert!(al.identity() < 0.8, "{al:?}");
        let w = best_window(&al, 0.8, 8).expect("a window");
        assert_eq!((w.a.clone(), w.b.clone()), (0..13, 1..14));
        assert!(w.identity() >= 0.8);
    }

    #[test]
    fn stops_on_unrelated_text() {
        let (a, b) = docs(
            "aa bb cc dd one two three four ee ff gg hh ii",
            "pp qq rr ss one two three four tt uu vv ww xx",
        );
        let al = extend(&a, &b, 4, 4, 4);
        assert_eq!((al.a.clone(), al.b.clone()), (4..8, 4..8));
    }
}
