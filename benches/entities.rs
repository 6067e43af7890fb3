//! Entity extraction speed: 10,000 generated articles of about 500 words, built
//! deterministically from a small vocabulary and name pool with a seeded xorshift PRNG.
//! Target: under 1 s on one core (`RAYON_NUM_THREADS=1 cargo bench --bench entities`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::analysis::entities::extract;
use parallax::corpus::{Article, Corpus, Metadata};

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
    "rain",
    "flood",
    "river",
    "water",
    "match",
    "goal",
    "team",
    "season",
    "company",
    "shares",
    "profit",
    "quarter",
    "market",
    "plan",
    "report",
    "week",
    "people",
    "city",
    "region",
    "police",
    "court",
    "minister",
    "president",
    "spokesman",
    "deal",
    "vote",
    "election",
    "law",
    "crisis",
    "support",
    "against",
    "policy",
    "international",
    "their",
    "this",
    "was",
    "has",
    "been",
    "will",
    "also",
    "more",
    "than",
    "about",
    "from",
];
const FIRST: &[&str] = &[
    "Anna", "Pavel", "Maria", "John", "Fatima", "Li", "Carlos", "Ingrid", "Olu", "Hiro", "Sofia",
    "Ahmed", "Elena", "Marco", "Yusuf", "Greta", "Tomas", "Aiko", "Raj", "Nadia",
];
const LAST: &[&str] = &[
    "Kowalski", "Ivanova", "Schmidt", "Okafor", "Tanaka", "Haddad", "Novak", "Larsen", "Moreau",
    "Silva", "Petrov", "Nguyen", "Brennan", "Castillo", "Fischer", "Yilmaz",
];
const PLACES: &[&str] = &[
    "Germany",
    "Russia",
    "Brazil",
    "Kenya",
    "the United States",
    "Japan",
    "Moscow",
    "Berlin",
    "Nairobi",
    "Tokyo",
    "the EU",
    "NATO",
    "the UN General Assembly",
    "Rhine Valley",
];
const ORGS: &[&str] = &[
    "Foreign Ministry",
    "Northern Water Agency",
    "Atlas Motors",
    "City Council",
    "Federal Court",
    "United Football Club",
];
const TITLES: &[&str] = &[
    "President",
    "Foreign Minister",
    "spokeswoman",
    "coach",
    "Chief Executive",
];

/// xorshift64: small, seeded, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

fn sentence(rng: &mut Rng, out: &mut String) {
    let len = 10 + rng.next() % 12;
    for i in 0..len {
        let roll = rng.next() % 100;
        let piece = match roll {
            0..=3 => format!(
                "{} {} {}",
                rng.pick(TITLES),
                rng.pick(FIRST),
                rng.pick(LAST)
            ),
            4..=6 => rng.pick(LAST).to_string(),
            7..=10 => rng.pick(PLACES).to_string(),
            11..=12 => rng.pick(ORGS).to_string(),
            _ => rng.pick(WORDS).to_string(),
        };
        if i == 0 {
            let mut c = piece.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push(' ');
            out.push_str(&piece);
        }
    }
    out.push_str(". ");
}

fn article(rng: &mut Rng, i: usize) -> Article {
    let mut body = String::with_capacity(3500);
    body.push_str("BERLIN, May 3 (Reuters) - ");
    let mut words = 0;
    while words < 500 {
        let before = body.len();
        sentence(rng, &mut body);
        words += body[before..].split_whitespace().count();
        if rng.next() % 6 == 0 {
            body.push_str("\n\n");
        }
    }
    Article::new(
        format!("a{i}"),
        format!("gen/{i}.txt"),
        Metadata::default(),
        body,
    )
}

fn corpus(n: usize) -> Corpus {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    Corpus {
        name: "generated".into(),
        articles: (0..n).map(|i| article(&mut rng, i)).collect(),
    }
}

fn bench(c: &mut Criterion) {
    let corpus = corpus(10_000);
    let mut group = c.benchmark_group("entities");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("extract_10k_articles_500_words", |b| {
        b.iter(|| black_box(extract(black_box(&corpus))))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
