//! skim's fuzzy matching algorithm (V2 of the `fuzzy-matcher` crate, case ignored), run
//! over names prepared once: chars already lower-cased, in-place bonuses precomputed, and a
//! scratch matrix reused from call to call without an allocation.
//!
//! The score and matched positions are those of `SkimMatcherV2::default().ignore_case()`
//! on a fresh matrix (a new matcher; tested on random names). Version 0.3.7 of the
//! crate reuses its matrix between calls without clearing it and reads stale cells from
//! it (the consecutive bonus, and in `fuzzy_match` the cell left of the last row), so its
//! scores could depend on which names it scored before on the same thread; here they
//! never do.
//!
//! The recurrence (affine gaps): with `B[j]` the bonus of choice char `j`,
//! `M[i][j] = match + max(M[i-1][j-1] + max(B[j], consecutive), P[i-1][j-1] + B[j])` when
//! pattern char `i` matches choice char `j`, and
//! `P[i][j] = max(M[i][j-1] + gap_start + gap_extension, P[i][j-1] + gap_extension)`.

/// Score of one matched char.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
/// The first char's in-place bonus counts this many times.
const FIRST_CHAR_MULTIPLIER: i8 = 2;
/// Bonus of a char after the start or a hard separator (a space, a slash, a bracket).
const BONUS_HEAD: i8 = 8;
/// Bonus of a char after other ASCII punctuation.
const BONUS_BREAK: i8 = 7;
/// Bonus of an upper-case char after a lower-case one or a digit.
const BONUS_CAMEL: i8 = 6;
/// Least bonus of a char matched right after the previous one.
const BONUS_CONSECUTIVE: i32 = 4;
/// Penalty for chars that match only with their ASCII case ignored.
const PENALTY_CASE_MISMATCH: i32 = -2;
/// Minus infinity of the matrix (skim's: it stays far from overflow).
const NEG_INFINITY: i32 = i16::MIN as i32;

/// skim's classes of chars, which decide the in-place bonuses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    fn of(c: char) -> CharType {
        match c {
            '\0' => CharType::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
            '0'..='9' => CharType::Number,
            'A'..='Z' => CharType::Upper,
            _ => CharType::Lower,
        }
    }
}

/// The in-place bonus of each char of `choice` (the first one multiplied), computed once
/// per name.
pub fn in_place_bonuses(choice: &[char]) -> Vec<i8> {
    let mut prev = CharType::Empty;
    let mut out: Vec<i8> = choice
        .iter()
        .map(|&c| {
            let cur = CharType::of(c);
            let bonus = match (prev, cur) {
                (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
                (CharType::SoftSep, _) => BONUS_BREAK,
                (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
                _ => 0,
            };
            prev = cur;
            bonus
        })
        .collect();
    if let Some(first) = out.first_mut() {
        *first *= FIRST_CHAR_MULTIPLIER;
    }
    out
}

/// One cell's moves: whether `M` and `P` came from a match (bit 0 and bit 1).
const M_MATCH: u8 = 1;
const P_MATCH: u8 = 2;

/// The matrices of one call, kept to be reused by the next.
#[derive(Debug, Default)]
pub struct Scratch {
    m: Vec<i32>,
    p: Vec<i32>,
    moves: Vec<u8>,
    first: Vec<usize>,
    /// Char indices of the matched chars of the last [`fuzzy`] call, ascending.
    pub positions: Vec<usize>,
}

/// Where each pattern char first matches, greedily (`None`: the pattern is no subsequence
/// of the choice, so it does not match at all).
fn first_matches(choice: &[char], pattern: &[char], out: &mut Vec<usize>) -> bool {
    out.clear();
    let mut want = pattern.iter().peekable();
    for (i, c) in choice.iter().enumerate() {
        let Some(p) = want.peek() else { break };
        if c.eq_ignore_ascii_case(p) {
            out.push(i);
            want.next();
        }
    }
    want.peek().is_none()
}

/// skim's score of `pattern` against `choice` (whose in-place bonuses are `bonus`), `None`
/// when it does not match; its matched positions are left in `s.positions`.
pub fn fuzzy(choice: &[char], bonus: &[i8], pattern: &[char], s: &mut Scratch) -> Option<i64> {
    s.positions.clear();
    if pattern.is_empty() {
        return Some(0);
    }
    if let [pc] = pattern {
        return single(choice, bonus, *pc, s);
    }
    if !first_matches(choice, pattern, &mut s.first) {
        return None;
    }
    let cols = choice.len() + 1;
    let rows = pattern.len() + 1;
    fill(s, rows * cols, cols);
    for (i, &pc) in pattern.iter().enumerate() {
        fill_row(s, i + 1, cols, choice, bonus, pc);
    }
    let last = (rows - 1) * cols;
    let from = s.first[pattern.len() - 1];
    // The last of equal maxima, as `Iterator::max_by_key` picks it in skim.
    let mut best = from;
    for j in from..cols {
        if s.m[last + j] >= s.m[last + best] {
            best = j;
        }
    }
    let score = s.m[last + best];
    backtrack(s, rows - 1, best, cols);
    Some(i64::from(score))
}

/// [`fuzzy`] for a one-char pattern, without the matrices: row 1 holds
/// `gap_extension + bonus + match` where the char matches (a skip from row 0 beats a match
/// from its minus infinity), so the best cell is the last matching char of most bonus.
fn single(choice: &[char], bonus: &[i8], pc: char, s: &mut Scratch) -> Option<i64> {
    let mut best: Option<(i32, usize)> = None;
    for (j, &c) in choice.iter().enumerate() {
        if !c.eq_ignore_ascii_case(&pc) {
            continue;
        }
        let penalty = if c == pc { 0 } else { PENALTY_CASE_MISMATCH };
        let score = GAP_EXTENSION + i32::from(bonus[j]) + (SCORE_MATCH + penalty).max(0);
        if best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, j));
        }
    }
    let (score, j) = best?;
    s.positions.push(j);
    Some(i64::from(score))
}

/// Resets the matrices to a fresh state: row 0 with `P` at one gap extension.
fn fill(s: &mut Scratch, len: usize, cols: usize) {
    s.m.clear();
    s.m.resize(len, NEG_INFINITY);
    s.p.clear();
    s.p.resize(len, NEG_INFINITY);
    s.moves.clear();
    s.moves.resize(len, 0);
    s.p[..cols].fill(GAP_EXTENSION);
}

/// Computes row `row` (pattern char `pc`) from the one above, from the column of that
/// char's first match on.
fn fill_row(s: &mut Scratch, row: usize, cols: usize, choice: &[char], bonus: &[i8], pc: char) {
    let base = row * cols;
    let above = base - cols;
    for col in s.first[row - 1] + 1..cols {
        let c = choice[col - 1];
        let (cur, left, diag) = (base + col, base + col - 1, above + col - 1);
        let mut moves = 0;
        if c.eq_ignore_ascii_case(&pc) {
            let in_place = i32::from(bonus[col - 1]);
            let penalty = if c == pc { 0 } else { PENALTY_CASE_MISMATCH };
            let matched = (SCORE_MATCH + penalty).max(0);
            let consecutive = in_place.max(BONUS_CONSECUTIVE);
            let by_match = s.m[diag] + consecutive;
            let by_skip = s.p[diag] + in_place;
            if by_match >= by_skip {
                s.m[cur] = by_match + matched;
                moves |= M_MATCH;
            } else {
                s.m[cur] = by_skip + matched;
            }
        } else {
            s.m[cur] = NEG_INFINITY;
        }
        let open = GAP_START + GAP_EXTENSION + s.m[left];
        let extend = GAP_EXTENSION + s.p[left];
        if open >= extend {
            s.p[cur] = open;
            moves |= P_MATCH;
        } else {
            s.p[cur] = extend;
        }
        s.moves[cur] = moves;
    }
}

/// Walks back from the best cell of the last row as skim does, collecting the matched
/// char indices into `s.positions`.
fn backtrack(s: &mut Scratch, mut i: usize, mut j: usize, cols: usize) {
    let stop = s.first[0];
    let mut track_m = true;
    let mut matched = true;
    while i > 0 && j > stop {
        if matched {
            s.positions.push(j - 1);
        }
        let moves = s.moves[i * cols + j];
        matched = if track_m {
            moves & M_MATCH != 0
        } else {
            moves & P_MATCH != 0
        };
        if track_m {
            i -= 1;
        }
        j -= 1;
        track_m = matched;
    }
    s.positions.reverse();
}

#[cfg(test)]
mod tests {
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    use super::*;

    fn ours(choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        let c: Vec<char> = choice.chars().collect();
        let p: Vec<char> = pattern.chars().collect();
        let mut s = Scratch::default();
        fuzzy(&c, &in_place_bonuses(&c), &p, &mut s).map(|score| (score, s.positions.clone()))
    }

    fn skim(choice: &str, pattern: &str) -> Option<(i64, Vec<usize>)> {
        // A new matcher each time: a fresh matrix (`use_cache(false)` panics in 0.3.7).
        SkimMatcherV2::default()
            .ignore_case()
            .fuzzy_indices(choice, pattern)
    }

    #[test]
    fn known_scores() {
        assert_eq!(
            ours("vladimir putin", "putn"),
            Some((75, vec![9, 10, 11, 13]))
        );
        assert_eq!(ours("xab", "ab"), Some((35, vec![1, 2])));
        assert_eq!(ours("putin", "x"), None);
        assert_eq!(ours("", "x"), None);
        assert_eq!(ours("anything", ""), Some((0, vec![])));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Scores and positions are skim's on a fresh matrix, over names with spaces,
        /// punctuation, digits, both cases and non-ASCII letters.
        #[test]
        fn equals_skim_on_a_fresh_matrix(
            choice in "[abcAB 1.\\-(éÉ]{0,24}",
            pattern in "[abcAB1\\-é]{1,5}",
        ) {
            prop_assert_eq!(ours(&choice, &pattern), skim(&choice, &pattern));
        }
    }
}
