//! One statement in several quotes: a quote interrupted by its attribution (`“We will
//! rebuild,” she said, “whatever it takes.”`) and a quote spread over paragraphs are joined
//! into one statement; a few quoted words that nobody is said to have said are a term (a
//! scare quote, a title), not a statement; a quote that is only part of its sentence keeps
//! the sentence as its reported clause.

use super::attribution::{sentence_end, sentence_start};
use super::{How, Quote, QuoteKind};

/// Longest text between two fragments of one statement, in bytes (`, the minister told
/// reporters on Tuesday, `).
const MAX_GAP_BYTES: usize = 90;

/// Most words a term may have (`“special military operation”`, `“Crooked Hillary”`).
const MAX_TERM_WORDS: usize = 4;

/// Joins the fragments of each statement of one body, in place: `continues[k]` says that
/// quote `k` runs on into the next paragraph. Then marks terms and reported clauses.
pub fn join(body: &str, continues: &[bool], quotes: &mut [Quote]) {
    let tops: Vec<usize> = (0..quotes.len())
        .filter(|&k| quotes[k].depth == 0)
        .collect();
    for w in tops.windows(2) {
        let (k, j) = (w[0], w[1]);
        if continues.get(k).copied().unwrap_or(false) || interrupted(body, &quotes[k], &quotes[j]) {
            continue_statement(quotes, k, j);
        }
    }
    for q in quotes.iter_mut().filter(|q| q.depth == 0) {
        q.clause = reported_clause(body, q);
    }
    // Fragments per statement, counted once (not a scan of every quote per quote).
    let mut fragments = vec![0usize; quotes.len()];
    for q in quotes.iter() {
        if let Some(n) = fragments.get_mut(q.statement) {
            *n += 1;
        }
    }
    for q in quotes.iter_mut() {
        let alone = fragments.get(q.statement) == Some(&1);
        if q.depth == 0 && alone && is_term(body, q) {
            q.kind = QuoteKind::Term;
        }
    }
}

/// Quote `j` continues the statement of quote `k`, and takes its speaker when it has none.
fn continue_statement(quotes: &mut [Quote], k: usize, j: usize) {
    quotes[j].statement = quotes[k].statement;
    if quotes[j].speaker.is_none() && quotes[k].speaker.is_some() {
        quotes[j].speaker = quotes[k].speaker.clone();
        quotes[j].speaker_entity = quotes[k].speaker_entity;
        quotes[j].how = Some(How::Statement);
    } else if quotes[k].speaker.is_none() && quotes[j].speaker.is_some() {
        quotes[k].speaker = quotes[j].speaker.clone();
        quotes[k].speaker_entity = quotes[j].speaker_entity;
        quotes[k].how = Some(How::Statement);
    }
}

/// True when `b` follows `a` in the same paragraph with only `a`'s attribution between
/// them (`“…,” she said, “…”` or `“…,” she said. “…”`), and `b` names no other speaker.
fn interrupted(body: &str, a: &Quote, b: &Quote) -> bool {
    let Some(gap) = body.get(a.outer.end..b.outer.start) else {
        return false;
    };
    let Some(cue) = &a.cue else {
        return false;
    };
    let cue_between = cue.start >= a.outer.end && cue.end <= b.outer.start;
    // `b` goes on with `a`'s speaker: it has no attribution of its own (`“…,” Aas said.
    // “…”`), or the same one.
    let same_speaker = b.cue.is_none() || b.cue == a.cue || b.speaker == a.speaker;
    let close = gap.len() <= MAX_GAP_BYTES && !gap.contains('\n');
    cue_between && same_speaker && close
}

/// True when a quote that stands alone is a term: it has no speaker, no speech verb and a
/// few words without a sentence's end, or it is a run of capitalised words (a title).
fn is_term(body: &str, q: &Quote) -> bool {
    if q.speaker.is_some() || q.cue.is_some() {
        return false;
    }
    let text = body.get(q.inner.clone()).unwrap_or_default();
    let words: Vec<&str> = text.split_whitespace().collect();
    let few = words.len() <= MAX_TERM_WORDS && !text.trim_end().ends_with(['.', '!', '?']);
    let title = words.len() >= 2
        && words.len() <= 8
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                || is_minor(w)
        });
    few || title
}

/// Small words a title leaves in lower case (`War and Peace`, `The Art of the Deal`).
fn is_minor(w: &str) -> bool {
    matches!(
        w,
        "a" | "an" | "the" | "and" | "or" | "of" | "in" | "on" | "to" | "for" | "at" | "by"
    )
}

/// The sentence around `q` when the quote is only part of it: text of the same sentence
/// stands before the quote and does not end in a colon or a comma (`said the plan was “…”`).
fn reported_clause(body: &str, q: &Quote) -> Option<super::Span> {
    let start = sentence_start(body, q.outer.start, 300);
    let lead = body.get(start..q.outer.start)?.trim();
    if lead.is_empty() || lead.ends_with([':', ',', '–', '—', '-']) {
        return None;
    }
    let end = sentence_end(body, q.outer.end, 300, body.len());
    let end = body[end..].chars().next().map_or(end, |c| {
        if ".!?".contains(c) {
            end + c.len_utf8()
        } else {
            end
        }
    });
    let start = start + (body[start..].len() - body[start..].trim_start().len());
    Some(start..end.max(q.outer.end))
}

#[cfg(test)]
mod tests {
    use super::super::find_in;
    use super::*;

    fn statements(body: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        let quotes = find_in(body, &[]);
        let mut out: Vec<(String, Option<String>, QuoteKind)> = Vec::new();
        for (k, q) in quotes.iter().enumerate().filter(|(_, q)| q.depth == 0) {
            let text = body[q.inner.clone()].to_string();
            if q.statement == k {
                out.push((text, q.speaker.clone(), q.kind));
            } else if let Some(last) = out.last_mut() {
                last.0 = format!("{} {text}", last.0);
            }
        }
        out
    }

    #[test]
    fn an_interrupted_quote_is_one_statement() {
        let body = "“We will rebuild,” said Mayor Ines Marlow, “whatever it takes.”";
        assert_eq!(
            statements(body),
            [(
                "We will rebuild, whatever it takes.".to_string(),
                Some("Ines Marlow".to_string()),
                QuoteKind::Statement
            )]
        );
    }

    #[test]
    fn two_speakers_are_two_statements() {
        let body = "“We are ready,” said Ana Ruiz. “We are not,” said Tom Berg.";
        let got = statements(body);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1.as_deref(), Some("Tom Berg"));
    }

    #[test]
    fn scare_quotes_and_titles_are_terms() {
        let body =
            "The so-called “peace dividend” never came. The film “The Long Winter” opens in May.";
        let kinds: Vec<QuoteKind> = statements(body).into_iter().map(|s| s.2).collect();
        assert_eq!(kinds, [QuoteKind::Term, QuoteKind::Term]);
    }

    #[test]
    fn a_partial_quote_keeps_its_reported_clause() {
        let body = "Ana Ruiz said the plan was “a reckless gamble” and left. Next.";
        let q = &find_in(body, &[])[0];
        assert_eq!(q.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(q.kind, QuoteKind::Statement);
        let clause = q.clause.clone().map(|c| &body[c]);
        assert_eq!(
            clause,
            Some("Ana Ruiz said the plan was “a reckless gamble” and left.")
        );
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_statement() {
        let body = "“The first part.\n\n“The second part,” said Ana Ruiz.";
        let got = statements(body);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Ana Ruiz"));
    }
}
