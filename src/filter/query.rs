//! The query language of the entity filter, as fzf users know it: space-separated terms
//! that must all match (AND); `'exact` (substring), `^prefix`, `suffix$`, `^whole$`,
//! `!negation` (an inverse substring match, as in fzf), anything else fuzzy; and the kind
//! qualifiers `person:`, `org:`, `place:`, `other:` (alone or before a term:
//! `person:zakh`), which may be negated too (`!place:`).

use crate::analysis::entities::EntityKind;

/// How a term matches a name (case-insensitively).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Characters in order, gaps allowed (skim's algorithm).
    Fuzzy,
    /// A substring.
    Exact,
    /// The name starts with it.
    Prefix,
    /// The name ends with it.
    Suffix,
    /// The whole name.
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The text, in lower case.
    pub text: String,
    pub mode: Mode,
    /// The entity must not match it.
    pub negated: bool,
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// The entity must be of one of these kinds (any kind when empty).
    pub kinds: Vec<EntityKind>,
    /// The entity must be of none of these kinds.
    pub not_kinds: Vec<EntityKind>,
}

impl Query {
    /// Whether an entity of `kind` passes the kind qualifiers.
    pub fn accepts_kind(&self, kind: EntityKind) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind)) && !self.not_kinds.contains(&kind)
    }
}

/// The kind a qualifier names (`person`, `org`, `organization`, `place`, `other`).
fn kind_of(qualifier: &str) -> Option<EntityKind> {
    match qualifier.to_lowercase().as_str() {
        "person" | "people" | "per" => Some(EntityKind::Person),
        "org" | "organization" | "organisation" => Some(EntityKind::Organization),
        "place" | "loc" | "location" => Some(EntityKind::Place),
        "other" | "misc" => Some(EntityKind::Other),
        _ => None,
    }
}

/// Parses a query; never fails (unknown syntax is matched as text).
pub fn parse(query: &str) -> Query {
    let mut q = Query::default();
    for raw in query.split_whitespace() {
        let (negated, rest) = match raw.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, raw),
        };
        let mut text = rest;
        if let Some((qualifier, after)) = rest.split_once(':')
            && let Some(kind) = kind_of(qualifier)
        {
            if negated && after.is_empty() {
                q.not_kinds.push(kind);
            } else {
                q.kinds.push(kind);
            }
            text = after;
        }
        if let Some(term) = term(text, negated) {
            q.terms.push(term);
        }
    }
    q
}

fn term(text: &str, negated: bool) -> Option<Term> {
    let (mode, body) = if let Some(t) = text.strip_prefix('\'') {
        (Mode::Exact, t)
    } else {
        let (prefix, t) = match text.strip_prefix('^') {
            Some(t) => (true, t),
            None => (false, text),
        };
        let (suffix, t) = match t.strip_suffix('$') {
            Some(t) if !t.is_empty() => (true, t),
            _ => (false, t),
        };
        let mode = match (prefix, suffix) {
            (true, true) => Mode::Equal,
            (true, false) => Mode::Prefix,
            (false, true) => Mode::Suffix,
            // fzf: a negated plain term is an inverse exact match.
            (false, false) if negated => Mode::Exact,
            (false, false) => Mode::Fuzzy,
        };
        (mode, t)
    };
    (!body.is_empty()).then(|| Term {
        text: body.to_lowercase(),
        mode,
        negated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str, mode: Mode, negated: bool) -> Term {
        Term {
            text: text.into(),
            mode,
            negated,
        }
    }

    #[test]
    fn terms_and_modes() {
        let q = parse("zakh 'Maria ^vla putin$ ^russia$");
        assert_eq!(
            q.terms,
            [
                t("zakh", Mode::Fuzzy, false),
                t("maria", Mode::Exact, false),
                t("vla", Mode::Prefix, false),
                t("putin", Mode::Suffix, false),
                t("russia", Mode::Equal, false),
            ]
        );
    }

    #[test]
    fn negation_is_inverse_exact() {
        let q = parse("!moscow !^st");
        assert_eq!(
            q.terms,
            [t("moscow", Mode::Exact, true), t("st", Mode::Prefix, true)]
        );
    }

    #[test]
    fn kind_qualifiers() {
        let q = parse("person:zakh org: !place:");
        assert_eq!(q.kinds, [EntityKind::Person, EntityKind::Organization]);
        assert_eq!(q.not_kinds, [EntityKind::Place]);
        assert_eq!(q.terms, [t("zakh", Mode::Fuzzy, false)]);
        assert!(q.accepts_kind(EntityKind::Person));
        assert!(!q.accepts_kind(EntityKind::Place));
        assert!(!q.accepts_kind(EntityKind::Other));
    }

    #[test]
    fn odd_input_is_text() {
        assert_eq!(parse("time:10").terms, [t("time:10", Mode::Fuzzy, false)]);
        assert_eq!(parse("  ").terms, []);
        assert_eq!(parse("' ^ !").terms, []);
        assert_eq!(parse("$").terms, [t("$", Mode::Fuzzy, false)]);
    }
}
