//! Metadata extraction speed: `parse_plain` over 2,000 generated raw articles of about
//! 400 words each, in the messy shapes the extractor meets (header lines, repeated titles
//! with site suffixes, chrome, datelines, tag lines), built deterministically with a seeded
//! xorshift PRNG. Run with `cargo bench --bench metadata`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::metadata::parse_plain;

const WORDS: &[&str] = &[
    "the",
    "talks",
    "between",
    "officials",
    "said",
    "on",
    "that",
    "government",
    "would",
    "new",
    "agreement",
    "after",
    "meeting",
    "with",
    "in",
    "of",
    "and",
    "a",
    "to",
    "for",
    "security",
    "economic",
    "trade",
    "sanctions",
    "Moscow",
    "Washington",
    "Geneva",
    "minister",
    "president",
];
const HEADERS: &[&str] = &[
    " date 2021-11-20 https://ria.ru/20211120/x.html",
    "All news\nUpdated at:\u{a0}",
    "Category: World\n\nDate: 2021-06-16T17:08:16+0000",
    "By Jane Doe, Reuters\nPublished: 21 November 2026",
    "Skip to content\nMenu\nWorld",
];
const DATELINES: &[&str] = &[
    "MOSCOW, November 20 – RIA Novosti. ",
    "WASHINGTON, November 2. /TASS/. ",
    "LONDON (Reuters) - ",
    "Shafaq News/ ",
    "",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    s[0] = "The";
    format!("{}.", s.join(" "))
}

fn article(rng: &mut Rng) -> String {
    let title = sentence(rng, 9).trim_end_matches('.').to_string();
    let mut out = format!(
        "{}\n\n{title}\n\n{title} – Site news today\n\n",
        HEADERS[rng.next(HEADERS.len())]
    );
    out.push_str(DATELINES[rng.next(DATELINES.len())]);
    for _ in 0..8 {
        for _ in 0..4 {
            out.push_str(&sentence(rng, 12));
            out.push(' ');
        }
        out.push_str("\r\n\r\n");
    }
    out.push_str("\u{a0} USA, Russia, Zakharova\n");
    out
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let texts: Vec<String> = (0..2_000).map(|_| article(&mut rng)).collect();
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
