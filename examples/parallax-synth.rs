//! `parallax-synth`: generates a corpus with planted shared passages and measures how well
//! parallax finds them (recall, precision, time), or writes it to files.
//!
//! `parallax-synth eval --articles 10000` · `parallax-synth write DIR --articles 500`
//! (articles in subfolders of 1,000 files, generated and written in parallel; the truth goes
//! to `DIR.truth.jsonl`, beside the folder).

use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand};
use parallax::analysis::entities::EntityIndex;
use parallax::analysis::{Config, passages, quotes};
use parallax::synth::{self, SynthConfig};

#[derive(Parser)]
#[command(
    name = "parallax-synth",
    about = "Planted-truth corpus generator and evaluation"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(clap::Args)]
struct Gen {
    /// Number of articles.
    #[arg(long, default_value_t = 10_000)]
    articles: usize,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    #[arg(long, default_value_t = 200)]
    min_words: usize,
    #[arg(long, default_value_t = 1500)]
    max_words: usize,
    /// Print this many wrong passages and missed instances.
    #[arg(long, default_value_t = 0)]
    show: usize,
}

impl Gen {
    fn config(&self) -> SynthConfig {
        SynthConfig {
            seed: self.seed,
            articles: self.articles,
            min_words: self.min_words,
            max_words: self.max_words,
            ..SynthConfig::default()
        }
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Generate in memory, find passages, print recall, precision and timings.
    Eval(Gen),
    /// Write the corpus as raw text files under DIR (subfolders of 1,000), the truth to
    /// DIR.truth.jsonl.
    Write {
        dir: PathBuf,
        #[command(flatten)]
        gen_args: Gen,
    },
}

fn main() -> anyhow::Result<()> {
    // `PARALLAX_LOG=debug` shows the steps of the analysis and their times on stderr.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    match Cli::parse().command {
        Cmd::Eval(g) => eval(&g.config(), g.show),
        Cmd::Write { dir, gen_args } => Ok(synth::write(&gen_args.config(), &dir)?),
    }
}

fn eval(cfg: &SynthConfig, show: usize) -> anyhow::Result<()> {
    let t = Instant::now();
    let (corpus, truth) = synth::corpus(cfg);
    let words: usize = corpus.articles.iter().map(|a| a.words).sum();
    println!(
        "generated {} articles, {} words ({} per article), {} planted instances in {:.2?}",
        corpus.len(),
        words,
        words / corpus.len().max(1),
        truth.len(),
        t.elapsed()
    );
    let config = Config::default();
    let cpu = cpu_seconds();
    let t = Instant::now();
    let q = quotes::find_all(&corpus, &EntityIndex::default());
    let tq = t.elapsed();
    let t = Instant::now();
    let index = passages::find(&corpus, &q, &config);
    let tp = t.elapsed();
    println!(
        "quotes {tq:.2?}, passages {tp:.2?}, total {:.2?} (cpu {:.2} s)",
        tq + tp,
        cpu_seconds() - cpu
    );
    let s = synth::eval::evaluate(&index, &truth);
    println!(
        "recall {:.4} ({}/{}), precision {:.4} ({}/{} passages)",
        s.recall(),
        s.found,
        s.instances,
        s.precision(),
        s.correct,
        s.passages
    );
    for (kind, n, f) in &s.by_kind {
        println!("  {kind:?}: {f}/{n}");
    }
    show_errors(&corpus, &index, &s, show);
    Ok(())
}

/// Prints up to `show` wrong passages and missed instances.
fn show_errors(
    corpus: &parallax::corpus::Corpus,
    index: &passages::PassageIndex,
    s: &synth::eval::Scores,
    show: usize,
) {
    for &k in s.wrong.iter().take(show) {
        let p = &index.passages[k];
        println!("WRONG {:?} sim {:.2}", p.label, p.similarity);
        for o in &p.occurrences {
            let a = &corpus.articles[o.article];
            println!("  {} {:?}: {}", a.id, o.span, &a.body[o.span.clone()]);
        }
    }
    for t in s.missed.iter().take(show) {
        println!(
            "MISSED {:?} group {} in {}: {}",
            t.kind, t.group, t.article, t.text
        );
    }
}

/// CPU time of this process so far (user + system), from /proc on Linux; 0 elsewhere.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some(rest) = stat.rsplit(')').next() else {
        return 0.0;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| f.get(i)?.parse::<f64>().ok())
        .sum();
    ticks / 100.0
}
