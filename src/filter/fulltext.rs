//! Full-text search over the corpus: every word of every body, folded like the entity
//! filter (case and diacritics), in an inverted index from word to the articles that use
//! it. A query is words (all must occur; `cyber*` takes any word starting so) and
//! `"quoted phrases"` (found in the text itself, among the articles that have their
//! words).

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::{ArticleIdx, Corpus};

/// The words of a corpus, each with the articles using it (ascending).
#[derive(Debug, Clone, Default)]
pub struct TextIndex {
    words: FxHashMap<String, Vec<u32>>,
    /// The words in order, for prefix queries.
    sorted: Vec<String>,
}

/// The folded words of `text`: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(super::fold).collect())
}

/// A parsed query: single words (some prefixes) and phrases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    pub words: Vec<(String, bool)>,
    pub phrases: Vec<String>,
}

/// Parses `query`: `"…"` is a phrase, `word*` a prefix, anything else a word.
pub fn parse_text(query: &str) -> TextQuery {
    let mut q = TextQuery::default();
    for (i, part) in query.split('"').enumerate() {
        if i % 2 == 1 {
            if !part.trim().is_empty() {
                q.phrases.push(part.trim().to_string());
                q.words.extend(words(part).map(|w| (w, false)));
            }
            continue;
        }
        for token in part.split_whitespace() {
            let prefix = token.ends_with('*');
            q.words.extend(words(token).map(|w| (w, prefix)));
        }
    }
    q
}

impl TextIndex {
    /// Indexes the bodies of `corpus` (articles without their body yet add nothing).
    pub fn build(corpus: &Corpus) -> TextIndex {
        let per_article: Vec<Vec<String>> = corpus
            .articles
            .par_iter()
            .map(|a| {
                let mut w: Vec<String> = words(&a.body).chain(words(&a.meta.title)).collect();
                w.sort_unstable();
                w.dedup();
                w
            })
            .collect();
        let mut index: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for (a, ws) in per_article.into_iter().enumerate() {
            for w in ws {
                index.entry(w).or_default().push(a as u32);
            }
        }
        let mut sorted: Vec<String> = index.keys().cloned().collect();
        sorted.sort_unstable();
        TextIndex {
            words: index,
            sorted,
        }
    }

    /// The articles of one query word (every word starting with it for a prefix).
    fn postings(&self, word: &str, prefix: bool) -> Vec<u32> {
        if !prefix {
            return self.words.get(word).cloned().unwrap_or_default();
        }
        // a bit per article: a short prefix ("th*") unites hundreds of long lists, which
        // sorting and deduplicating would cost far more than marking
        let start = self.sorted.partition_point(|w| w.as_str() < word);
        let mut bits: Vec<u64> = Vec::new();
        for w in self.sorted[start..]
            .iter()
            .take_while(|w| w.starts_with(word))
        {
            for &a in self.words.get(w).into_iter().flatten() {
                let (k, bit) = (a as usize / 64, a % 64);
                if k >= bits.len() {
                    bits.resize(k + 1, 0);
                }
                bits[k] |= 1 << bit;
            }
        }
        bits.iter()
            .enumerate()
            .flat_map(|(k, &b)| {
                (0..64u32)
                    .filter(move |i| b & (1 << i) != 0)
                    .map(move |i| k as u32 * 64 + i)
            })
            .collect()
    }

    /// The articles matching `query` (see [`parse_text`]), in corpus order; an empty query
    /// matches none.
    pub fn search(&self, corpus: &Corpus, query: &str) -> Vec<ArticleIdx> {
        let q = parse_text(query);
        if q.words.is_empty() {
            return Vec::new();
        }
        let mut lists: Vec<Vec<u32>> = q.words.iter().map(|(w, p)| self.postings(w, *p)).collect();
        lists.sort_by_key(Vec::len);
        let mut hits = lists[0].clone();
        for l in &lists[1..] {
            hits.retain(|a| l.binary_search(a).is_ok());
            if hits.is_empty() {
                break;
            }
        }
        // phrases are checked in the text of each article that has all their words
        hits.into_par_iter()
            .map(|a| a as usize)
            .filter(|&a| {
                let Some(art) = corpus.articles.get(a) else {
                    return false;
                };
                q.phrases.iter().all(|p| {
                    super::find::occurs_in(&art.body, p)
                        || super::find::occurs_in(&art.meta.title, p)
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::from_bodies([
            "Cyber attacks on the port were reported in München.",
            "The attacks on the port stopped; cyberspace is calm.",
            "Nothing about ports here.",
        ])
    }

    #[test]
    fn words_phrases_and_prefixes() {
        let c = corpus();
        let idx = TextIndex::build(&c);
        assert_eq!(idx.search(&c, "cyber"), [0]);
        assert_eq!(idx.search(&c, "cyber*"), [0, 1]);
        assert_eq!(idx.search(&c, "attacks port"), [0, 1]);
        assert_eq!(idx.search(&c, "\"cyber attacks\""), [0]);
        assert_eq!(idx.search(&c, "\"the port stopped\""), [1]);
        assert_eq!(idx.search(&c, "munchen"), [0]);
        assert_eq!(idx.search(&c, "MÜNCHEN"), [0]);
        assert!(idx.search(&c, "").is_empty());
        assert!(idx.search(&c, "absent").is_empty());
    }

    #[test]
    fn queries_parse_into_words_and_phrases() {
        let q = parse_text("port \"cyber attacks\" cyb*");
        assert_eq!(q.phrases, ["cyber attacks"]);
        let w: Vec<&str> = q.words.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(w, ["port", "cyber", "attacks", "cyb"]);
        assert!(q.words[3].1);
    }
}
