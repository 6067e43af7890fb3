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
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        self.clone().into_article()
    }

    /// The article as a corpus article, without copying the body.
    pub fn into_article(self) -> Article {
        let meta = Metadata {
            title: self.title,
            source: Some(self.source),
            date: Some(self.date),
            ..Metadata::default()
        };
        Article::new(self.id.clone(), format!("{}.txt", self.id), meta, self.body)
    }
}

/// Generates a whole corpus in memory (in parallel), with its planted truth.
pub fn corpus(cfg: &SynthConfig) -> (Corpus, Vec<Planted>) {
    let (articles, truth): (Vec<Article>, Vec<Vec<Planted>>) = (0..cfg.articles)
        .into_par_iter()
        .map(|i| {
            let mut a = generate(cfg, i);
            let planted = std::mem::take(&mut a.planted);
            (a.into_article(), planted)
        })
        .unzip();
    let corpus = Corpus {
        name: format!("synth-{}-{}", cfg.seed, cfg.articles),
        articles,
    };
    (corpus, truth.into_iter().flatten().collect())
}

/// Articles per subfolder of a written corpus (a flat folder of 100,000 files is slow to
/// create and to list on most file systems).
pub const SHARD: usize = 1000;

/// Where [`write`] puts the truth of the corpus written to `dir`: `DIR.truth.jsonl`, beside
/// the folder, so that loading `dir` reads only articles.
pub fn truth_path(dir: &Path) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".truth.jsonl");
    dir.with_file_name(name)
}

/// Writes the corpus as raw text files (header lines, chrome) under `dir`, in subfolders
/// of [`SHARD`] articles (`000/syn000000.txt`…), generated and written in parallel, and the
/// truth to [`truth_path`] in article order (spans refer to the clean bodies). The bytes
/// depend only on `cfg`.
pub fn write(cfg: &SynthConfig, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut truth = std::io::BufWriter::new(std::fs::File::create(truth_path(dir))?);
    for start in (0..cfg.articles).step_by(SHARD) {
        let shard = dir.join(format!("{:03}", start / SHARD));
        std::fs::create_dir_all(&shard)?;
        let lines = (start..(start + SHARD).min(cfg.articles))
            .into_par_iter()
            .map(|i| write_one(cfg, i, &shard))
            .collect::<std::io::Result<Vec<Vec<u8>>>>()?;
        for l in lines {
            truth.write_all(&l)?;
        }
    }
    truth.flush()
}

/// Writes article `i` into `shard` and returns its truth lines.
fn write_one(cfg: &SynthConfig, i: usize, shard: &Path) -> std::io::Result<Vec<u8>> {
    let a = generate(cfg, i);
    std::fs::write(shard.join(format!("{}.txt", a.id)), a.raw())?;
    let mut lines = Vec::new();
    for p in &a.planted {
        serde_json::to_writer(&mut lines, p)?;
        lines.push(b'\n');
    }
    Ok(lines)
}

/// Reads the truth [`write`] wrote.
pub fn read_truth(path: &Path) -> std::io::Result<Vec<Planted>> {
    let text = std::fs::read_to_string(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(std::io::Error::from))
        .collect()
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

    #[test]
    fn written_corpus_is_deterministic_and_loads_back_with_its_truth() {
        let cfg = SynthConfig {
            articles: 40,
            min_words: 200,
            max_words: 300,
            ..SynthConfig::default()
        };
        let tmp = tempfile::tempdir().expect("tempdir");
        let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
        write(&cfg, &a).expect("write a");
        write(&cfg, &b).expect("write b");
        let file = |d: &Path| std::fs::read(d.join("000/syn000017.txt")).expect("read");
        assert_eq!(file(&a), file(&b));
        let truth = read_truth(&truth_path(&a)).expect("truth");
        assert_eq!(truth, corpus(&cfg).1);
        let loaded = crate::corpus::load_paths(&[a]).corpus;
        assert_eq!(loaded.len(), 40);
        for t in &truth {
            let art = &loaded.articles[loaded.find(&format!("syn{:06}", t.article)).expect("id")];
            assert!(art.body.contains(&t.text), "{}", art.id);
        }
    }
}
