//! When one query can only narrow another: every entity the new query matches, the old
//! one matched too. Typing one more letter usually narrows (`pu` → `put`, `^vl` → `^vla`,
//! a new term), so the reader scores only the previous matches again; anything else
//! (deleting, completing a kind qualifier, lengthening a negated term) ranks in full.
//!
//! The rule, term by term: an entity matches when one of its names matches every positive
//! term, none of its names matches a negated term, and its kind passes the qualifiers. So
//! the new query narrows the old one when
//! - every kind the new query accepts, the old one accepted;
//! - every old negated term is a new negated term too (a name matching it rules the entity
//!   out under both queries);
//! - every old positive term is implied by some new positive term: each name the new term
//!   matches, the old term matches (then the name matching all new terms matches all old).
//!
//! A term `n` implies a term `o` when
//! - `o` is fuzzy and its chars are a subsequence of `n`'s (fuzzy: the name holds `n`'s
//!   chars in order, so `o`'s too; literal: `n` lies in the name whole);
//! - `o` is exact (a substring) and `n` is literal with `o` inside it;
//! - `o` is a prefix and `n` a prefix or whole name starting with `o`;
//! - `o` is a suffix and `n` a suffix or whole name ending with `o`;
//! - `o` is a whole name and `n` the same whole name.

use super::query::{Mode, Query, Term};
use crate::analysis::entities::EntityKind;

/// Every kind, for comparing the qualifiers of two queries.
const KINDS: [EntityKind; 4] = [
    EntityKind::Person,
    EntityKind::Organization,
    EntityKind::Place,
    EntityKind::Other,
];

/// Whether every entity `new` matches is matched by `old` (a sufficient test: `false`
/// may just mean "not known").
pub fn narrows(old: &Query, new: &Query) -> bool {
    let kinds = KINDS
        .iter()
        .all(|&k| !new.accepts_kind(k) || old.accepts_kind(k));
    let negated = old
        .terms
        .iter()
        .filter(|t| t.negated)
        .all(|o| new.terms.contains(o));
    let positive = old.terms.iter().filter(|t| !t.negated).all(|o| {
        new.terms
            .iter()
            .filter(|n| !n.negated)
            .any(|n| implies(n, o))
    });
    kinds && negated && positive
}

/// Whether every name that positive term `n` matches, positive term `o` matches too.
fn implies(n: &Term, o: &Term) -> bool {
    let (nt, ot) = (n.text.as_str(), o.text.as_str());
    match (o.mode, n.mode) {
        (Mode::Fuzzy, _) => subsequence(ot, nt),
        (Mode::Exact, Mode::Fuzzy) => false,
        (Mode::Exact, _) => nt.contains(ot),
        (Mode::Prefix, Mode::Prefix | Mode::Equal) => nt.starts_with(ot),
        (Mode::Suffix, Mode::Suffix | Mode::Equal) => nt.ends_with(ot),
        (Mode::Equal, Mode::Equal) => nt == ot,
        _ => false,
    }
}

/// Whether the chars of `small` occur in order in `big`.
fn subsequence(small: &str, big: &str) -> bool {
    let mut big = big.chars();
    small.chars().all(|c| big.any(|b| b == c))
}

#[cfg(test)]
mod tests;
