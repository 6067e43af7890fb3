//! What a story spans: its outlets and its dates. An article without a known outlet
//! counts as an outlet of its own, so two unattributed articles never pass for one voice.

use chrono::NaiveDate;

use super::Story;
use crate::corpus::{ArticleIdx, Corpus};

/// The outlets and dates of a story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Its outlets, most articles first, then by name.
    pub outlets: Vec<String>,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
    /// Articles without a date.
    pub undated: usize,
}

/// The outlet of an article: its source, else a name made from its id.
pub fn outlet_of(corpus: &Corpus, a: ArticleIdx) -> String {
    match corpus.articles.get(a) {
        Some(art) => match art.meta.source.as_deref() {
            Some(s) if !s.trim().is_empty() => s.to_string(),
            _ => format!("(unknown: {})", art.id),
        },
        None => String::new(),
    }
}

/// The outlets of `articles`, most articles first, then by name.
pub fn outlets(corpus: &Corpus, articles: &[ArticleIdx]) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &a in articles {
        let o = outlet_of(corpus, a);
        match counts.iter_mut().find(|(n, _)| *n == o) {
            Some((_, c)) => *c += 1,
            None => counts.push((o, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts.into_iter().map(|(o, _)| o).collect()
}

/// The outlets and dates of `story`.
pub fn summarize(corpus: &Corpus, story: &Story) -> Summary {
    let dates = story
        .articles
        .iter()
        .filter_map(|&a| corpus.articles.get(a).and_then(|x| x.meta.date));
    Summary {
        outlets: outlets(corpus, &story.articles),
        first: dates.clone().min(),
        last: dates.clone().max(),
        undated: story.articles.len() - dates.count(),
    }
}
