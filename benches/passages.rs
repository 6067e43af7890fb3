//! Shared-passage speed: quotes and passages of 10,000 generated articles of about 500 words
//! (`parallax::synth`, planted passages in story clusters). Target: under 2 s on 2 cores.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::analysis::entities::EntityIndex;
use parallax::analysis::{Config, passages, quotes};
use parallax::synth::{self, SynthConfig};

fn bench(c: &mut Criterion) {
    let cfg = SynthConfig {
        seed: 7,
        articles: 10_000,
        min_words: 250,
        max_words: 450,
        ..SynthConfig::default()
    };
    let (corpus, _) = synth::corpus(&cfg);
    let config = Config::default();
    let mut g = c.benchmark_group("passages");
    g.sample_size(10);
    g.bench_function("10k_articles_500_words", |b| {
        b.iter(|| {
            let q = quotes::find_all(&corpus, &EntityIndex::default());
            passages::find(&corpus, &q, &config)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
