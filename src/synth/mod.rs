//! A deterministic news-corpus generator with planted truth, for measuring shared-passage
//! recall and precision and for benchmarks.
//!
//! Article `i` is generated from `(seed, i)` alone ([`generate`]), so a corpus of any size
//! can be streamed, generated in parallel, or written to files ([`write`]). Articles come in
//! story clusters of 2–20 ([`story`]) that carry planted verbatim, reworded and
//! partial-quote passages; [`eval`] scores a [`crate::analysis::passages::PassageIndex`]
//! against them. Generated corpora are never committed.

mod article;
pub mod eval;
mod rng;
pub mod story;
mod vocab;

pub use article::{SynthArticle, generate};
pub use story::PlantKind;

use std::io::Write;
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::Span;
use crate::corpus::{Article, Corpus, Metadata};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthConfig {
    pub seed: u64,
    pub articles: usize,
    /// Body length range, in words (roughly).
    pub min_words: usize,
    pub max_words: usize,
    /// Number of outlets the articles are spread over.
    pub outlets: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        Self {
            seed: 1,
            articles: 1000,
            min_words: 200,
            max_words: 1500,
            outlets: 40,
        }
    }
}

/// One planted passage in one article: the truth a finder should report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Planted {
    /// Instances with the same group are the same passage.
    pub group: u64,
    pub kind: PlantKind,
    pub article: usize,
    /// Byte range in the article's body.
    pub span: Span,
    pub text: String,
}

impl SynthArticle {
    /// The article as a corpus article (clean body, source and date set).
    pub fn to_article(&self) -> Article {
        let meta = Metadata {
            title: self.title.clone(),
            source: Some(self.source.clone()),
            date: Some(self.date),
            ..Metadata::default()
        };
        Article::new(
            self.id.clone(),
            format!("{}.txt", self.id),
            meta,
            self.body.clone(),
        )
    }
}

/// Generates a whole corpus in memory, with its planted truth.
pub fn corpus(cfg: &SynthConfig) -> (Corpus, Vec<Planted>) {
    let arts: Vec<SynthArticle> = (0..cfg.articles)
        .into_par_iter()
        .map(|i| generate(cfg, i))
        .collect();
    let truth = arts.iter().flat_map(|a| a.planted.clone()).collect();
    let corpus = Corpus {
        name: format!("synth-{}-{}", cfg.seed, cfg.articles),
        articles: arts.iter().map(SynthArticle::to_article).collect(),
    };
    (corpus, truth)
}

/// Writes the corpus as raw text files (header lines, chrome) to `dir`, one at a time, and
/// the truth beside it as `DIR.truth.jsonl` (outside `dir`, so loading `dir` reads only
/// articles; spans refer to the clean bodies).
pub fn write(cfg: &SynthConfig, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".truth.jsonl");
    let file = std::fs::File::create(dir.with_file_name(name))?;
    let mut truth = std::io::BufWriter::new(file);
    for i in 0..cfg.articles {
        let a = generate(cfg, i);
        std::fs::write(dir.join(format!("{}.txt", a.id)), a.raw())?;
        for p in &a.planted {
            serde_json::to_writer(&mut truth, p)?;
            writeln!(truth)?;
        }
    }
    truth.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_streamable() {
        let cfg = SynthConfig {
            articles: 60,
            ..SynthConfig::default()
        };
        let (c, truth) = corpus(&cfg);
        assert_eq!(c.articles.len(), 60);
        assert_eq!(generate(&cfg, 37).body, c.articles[37].body);
        assert!(!truth.is_empty());
        for p in &truth {
            assert_eq!(&c.articles[p.article].body[p.span.clone()], p.text);
        }
        let words = c.articles.iter().map(|a| a.words).sum::<usize>() / 60;
        assert!((200..1600).contains(&words), "{words}");
    }
}
