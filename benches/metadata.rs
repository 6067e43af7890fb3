//! Metadata extraction speed: `parse_plain` over 2,000 raw generated articles of about 400
//! words, in the messy shapes the extractor meets (header lines, repeated titles, chrome,
//! datelines, tag lines), from the shared deterministic generator (`parallax::synth`).
//! Run with `cargo bench --bench metadata`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::metadata::parse_plain;
use parallax::synth::{self, SynthConfig};

fn bench(c: &mut Criterion) {
    let cfg = SynthConfig {
        seed: 11,
        articles: 2_000,
        min_words: 300,
        max_words: 500,
        ..SynthConfig::default()
    };
    let texts: Vec<String> = (0..cfg.articles)
        .map(|i| synth::generate(&cfg, i).raw())
        .collect();
    let mut group = c.benchmark_group("metadata");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("parse_plain 2000 articles", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(parse_plain(black_box(t)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
