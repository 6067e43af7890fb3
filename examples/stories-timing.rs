//! Times the analysis stage by stage, then each step of story grouping, on a generated
//! corpus: `cargo run --release --example stories-timing -- 10000` (the article count;
//! 10,000 by default). The steps are logged as the stories module's debug laps. With
//! `TERMS=1` set, times counting the articles' story terms instead: from the passage
//! search's tokens, and from the text.

use std::time::Instant;

use parallax::analysis::{Config, analyse_with_progress};
use parallax::synth::{self, SynthConfig};

fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            std::env::var("PARALLAX_LOG")
                .unwrap_or_else(|_| "parallax::analysis::stories=debug".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let (corpus, _) = synth::corpus(&SynthConfig {
        seed: 1,
        articles: n,
        min_words: 200,
        max_words: 1500,
        ..SynthConfig::default()
    });
    if std::env::var_os("TERMS").is_some() {
        time_terms(&corpus);
        return;
    }
    eprintln!("corpus generated; {}", memory());
    let start = Instant::now();
    let lap = std::sync::Mutex::new(Instant::now());
    let analysis = analyse_with_progress(&corpus, &Config::default(), |stage| {
        if let Ok(mut at) = lap.lock() {
            eprintln!("{stage:?} done after {:?}; {}", at.elapsed(), memory());
            *at = Instant::now();
        }
    });
    eprintln!(
        "analysis {:?}; {} stories",
        start.elapsed(),
        analysis.stories.stories.len()
    );
    let start = Instant::now();
    let stories =
        parallax::analysis::stories::group(&corpus, &analysis.entities, &analysis.passages);
    eprintln!(
        "stories alone {:?}; {} stories",
        start.elapsed(),
        stories.stories.len()
    );
}

fn time_terms(corpus: &parallax::corpus::Corpus) {
    use parallax::analysis::stories::terms::TermCounts;
    let t = Instant::now();
    let tokens = parallax::analysis::passages::tokenize_corpus(corpus);
    eprintln!("tokenize {:?}", t.elapsed());
    for _ in 0..3 {
        let t = Instant::now();
        let c = TermCounts::of_tokens(corpus, tokens.docs());
        eprintln!("of_tokens {:?}", t.elapsed());
        drop(c);
        let t = Instant::now();
        let c = TermCounts::of_corpus(corpus);
        eprintln!("of_corpus {:?}", t.elapsed());
        drop(c);
    }
}

/// The process's resident and peak memory, from `/proc/self/status` (Linux).
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map_or_else(|| "?".into(), |kb| format!("{} MB", kb / 1024))
    };
    format!("resident {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}
