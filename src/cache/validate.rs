//! A cached analysis is checked against the corpus it is installed on: every article index
//! in range and every body span inside its body on char boundaries, so that a stale or
//! damaged analysis that decoded anyway is refused instead of making the reader panic. While
//! a body is pending (a reopen reads bodies after the metadata) only its length can be
//! checked; the check is run again once the bodies are in.

use super::CacheError;
use crate::analysis::entities::Field;
use crate::analysis::{Analysis, Span};
use crate::corpus::Corpus;

/// Per article its body, or its length while it is pending: a small array, as the spans
/// come in the order of their entities and passages, not of the articles.
struct Bodies<'a>(Vec<Result<&'a str, usize>>);

impl<'a> Bodies<'a> {
    fn of(corpus: &'a Corpus) -> Self {
        Bodies(
            corpus
                .articles
                .iter()
                .map(|a| match a.body_pending {
                    Some(len) => Err(len),
                    None => Ok(a.body.as_str()),
                })
                .collect(),
        )
    }

    /// Whether `span` lies in the body of `article`, on char boundaries once it is read.
    fn fits(&self, article: usize, span: &Span) -> bool {
        span.start <= span.end
            && match self.0.get(article) {
                Some(Ok(b)) => b.is_char_boundary(span.start) && b.is_char_boundary(span.end),
                Some(Err(len)) => span.end <= *len,
                None => false,
            }
    }
}

fn bad(what: &str) -> Result<(), CacheError> {
    Err(CacheError::Codec(format!("{what} out of range")))
}

/// Ok when every index and span of `a` fits `corpus` (see [`crate::corpus::Article::fits`]).
pub fn check(a: &Analysis, corpus: &Corpus) -> Result<(), CacheError> {
    let bodies = Bodies::of(corpus);
    if a.quotes.len() != corpus.len() {
        return bad("quotes");
    }
    check_entities(a, corpus, &bodies)?;
    check_quotes(a, &bodies)?;
    for p in &a.passages.passages {
        if !p
            .occurrences
            .iter()
            .all(|o| bodies.fits(o.article, &o.span))
        {
            return bad("a passage");
        }
    }
    check_stories(a, corpus)
}

/// Every entity mention in its article (a body mention in its body).
fn check_entities(a: &Analysis, corpus: &Corpus, bodies: &Bodies) -> Result<(), CacheError> {
    for e in &a.entities.entities {
        for m in &e.mentions {
            let ok = match m.field {
                Field::Body => bodies.fits(m.article, &m.span),
                _ => m.article < corpus.len(),
            };
            if !ok {
                return bad("an entity mention");
            }
        }
    }
    Ok(())
}

/// Every quote in its body with a known speaker, every statement on known quotes and spans.
fn check_quotes(a: &Analysis, bodies: &Bodies) -> Result<(), CacheError> {
    let entities = a.entities.entities.len();
    for (article, quotes) in a.quotes.iter().enumerate() {
        for q in quotes {
            let speaker = q.speaker_entity.is_none_or(|e| e < entities);
            if !bodies.fits(article, &q.inner) || !bodies.fits(article, &q.outer) || !speaker {
                return bad("a quote");
            }
        }
    }
    for s in &a.statements {
        let fits = s.occurrences.iter().all(|o| {
            let quotes = a.quotes.get(o.article).map_or(0, Vec::len);
            o.quotes.iter().all(|&k| k < quotes)
                && o.spans
                    .iter()
                    .chain(&o.changed)
                    .all(|r| bodies.fits(o.article, r))
        });
        if !fits || s.first >= s.occurrences.len() || s.longest >= s.occurrences.len() {
            return bad("a statement");
        }
    }
    Ok(())
}

/// Every article in one known story, every story of known articles and entities.
fn check_stories(a: &Analysis, corpus: &Corpus) -> Result<(), CacheError> {
    let entities = a.entities.entities.len();
    let st = &a.stories;
    let n = corpus.len();
    if st.of_article.len() != n || st.of_article.iter().any(|&s| s >= st.stories.len()) {
        return bad("a story");
    }
    for s in &st.stories {
        let members_ok = !s.articles.is_empty()
            && s.articles.iter().all(|&x| x < n)
            && s.headline < n
            && s.entities.iter().all(|&e| e < entities);
        if !members_ok {
            return bad("a story");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Config, analyse};

    #[test]
    fn an_analysis_fits_its_corpus_and_not_a_smaller_one() {
        let corpus = Corpus::from_bodies([
            "Maria Zakharova said: \"We will respond to every provocation.\"",
            "\"We will respond to every provocation,\" Zakharova told reporters.",
        ]);
        let a = analyse(&corpus, &Config::default());
        assert!(check(&a, &corpus).is_ok());
        let smaller = Corpus::from_bodies(["Maria Zakharova said: \"We will."]);
        assert!(check(&a, &smaller).is_err());
    }
}
