//! The state of a search inside one screen (`/` in the reader and on the quotes screen):
//! the query as applied and where it matched. The matching itself is the core's
//! ([`crate::filter::find_in`]); `n`/`N` move between the matches.

use crate::analysis::Span;

/// A search applied in the reader: the byte ranges of the body it matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextSearch {
    pub query: String,
    pub spans: Vec<Span>,
    /// The match n/N moved to.
    pub current: Option<usize>,
}

impl TextSearch {
    /// Searches `body` for `query`.
    pub fn new(body: &str, query: &str) -> TextSearch {
        TextSearch {
            query: query.to_string(),
            spans: crate::filter::find_in(body, query),
            current: None,
        }
    }
}

/// A search applied on the quotes screen: the rows whose text matched.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowSearch {
    pub query: String,
    pub rows: Vec<usize>,
}

/// The search being typed (the overlay over the footer).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchInput {
    pub query: String,
    /// A search of the whole corpus's text (the library's text filter), not of a screen.
    pub corpus: bool,
}

/// The footer's account of a search: `“word” 2/7`, or that it found nothing.
pub fn status(query: &str, current: Option<usize>, total: usize) -> String {
    let shown = crate::text::sanitize_for_terminal(query).replace('\n', " ");
    match (total, current) {
        (0, _) => format!("“{shown}”: not found"),
        (n, Some(c)) => format!("“{shown}” {}/{n}", c + 1),
        (n, None) => format!("“{shown}” {n} found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_counts_matches() {
        assert_eq!(status("vote", Some(1), 3), "“vote” 2/3");
        assert_eq!(status("vote", None, 3), "“vote” 3 found");
        assert_eq!(status("x\u{1b}", None, 0), "“x␛”: not found");
    }
}
