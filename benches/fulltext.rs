//! One keystroke of the full-text filter over generated articles: a word, a prefix and a
//! phrase, each searched in a built index (the budget is 16 ms at 100,000 articles). The
//! size is `PARALLAX_BENCH_ARTICLES` (default 10,000: 100,000 takes minutes to generate).

use criterion::{Criterion, criterion_group, criterion_main};

use parallax::filter::TextIndex;
use parallax::synth::{self, SynthConfig};

fn bench(c: &mut Criterion) {
    let n = std::env::var("PARALLAX_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let cfg = SynthConfig {
        articles: n,
        min_words: 150,
        max_words: 600,
        ..SynthConfig::default()
    };
    let (corpus, _) = synth::corpus(&cfg);
    let index = TextIndex::build(&corpus);
    let word = corpus.articles[0]
        .body
        .split_whitespace()
        .nth(5)
        .unwrap_or("the")
        .to_string();
    let phrase: String = corpus.articles[0]
        .body
        .split_whitespace()
        .skip(10)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let mut g = c.benchmark_group(format!("fulltext_{n}"));
    g.bench_function("word", |b| b.iter(|| index.search(&corpus, &word)));
    g.bench_function("prefix", |b| b.iter(|| index.search(&corpus, "th*")));
    g.bench_function("phrase", |b| {
        b.iter(|| index.search(&corpus, &format!("\"{phrase}\"")))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
