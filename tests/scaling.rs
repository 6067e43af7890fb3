//! Growth on pathological inputs: each check times the same work at size N and 4N (best
//! of five rounds each, on one thread) and asserts the RATIO stays below [`LINEAR`] (8:
//! linear work gives about 4, a quadratic step about 16). No wall time is asserted, so a
//! slow or busy machine cannot fail these, only a change in how the work grows.

use std::time::{Duration, Instant};

use parallax::analysis::passages::compare;
use parallax::analysis::quotes::find_in;
use parallax::analysis::{Config, analyse};
use parallax::corpus::Corpus;

/// Most a 4× larger input may cost, relative to the smaller one: twice what linear work
/// costs, because an unoptimised test build on a loaded machine measured up to 6.5 for
/// stages that grow by 3.1 in a release build; a quadratic step still costs 16.
const LINEAR: f64 = 8.0;

/// Rounds of timing: each round times the small input, then the large one.
const ROUNDS: usize = 5;

fn timed(f: &dyn Fn()) -> Duration {
    let t = Instant::now();
    f();
    t.elapsed()
}

/// Asserts that `run(make(4n))` takes less than [`LINEAR`] times `run(make(n))`. The two
/// sizes are timed in turn, round after round, and each keeps its best time: a burst of
/// load on a busy machine then slows both or neither, and cannot make the ratio.
fn grows_linearly<T: Sync>(
    what: &str,
    n: usize,
    make: impl Fn(usize) -> T,
    run: impl Fn(&T) + Sync,
) {
    let (small, large) = (make(n), make(4 * n));
    // On one thread: how the work grows, not how well it spreads over busy cores.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let (t1, t4) = one.install(|| {
        run(&small); // warm up (lazy tables, allocator)
        let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
        for _ in 0..ROUNDS {
            t1 = t1.min(timed(&|| run(&small)));
            t4 = t4.min(timed(&|| run(&large)));
        }
        (t1, t4)
    });
    let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-9);
    eprintln!("{what}: {n} → {t1:?}, {} → {t4:?}: ratio {ratio:.1}", 4 * n);
    assert!(
        ratio < LINEAR,
        "{what}: {n} → {t1:?}, {} → {t4:?}: ratio {ratio:.1}",
        4 * n
    );
}

/// A deterministic stream of words: two-part compounds of a small list (576 words), so
/// that a 4-gram recurs by chance about as rarely as in prose. (With the 24 parts alone,
/// chance repeats inside one article grow faster than the article while the 4-gram space
/// fills up; a seed's repeats per article are capped, so that growth is bounded, but it is
/// a property of the generator, not of the input these checks are about.)
struct Words(u64);

impl Words {
    fn next(&mut self) -> String {
        const PARTS: [&str; 24] = [
            "council", "river", "bridge", "mayor", "budget", "plan", "vote", "road", "school",
            "water", "city", "north", "market", "night", "winter", "price", "fund", "report",
            "police", "judge", "court", "train", "station", "harvest",
        ];
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let k = (self.0 >> 33) as usize;
        format!("{}{}", PARTS[k % 24], PARTS[(k / 24) % 24])
    }

    fn sentence(&mut self, n: usize) -> String {
        let words: Vec<String> = (0..n).map(|_| self.next()).collect();
        format!("{}.", words.join(" "))
    }
}

/// Two copies of `n` paragraphs that each open with `"` and never close.
fn unclosed_paragraphs(n: usize) -> Corpus {
    let mut w = Words(7);
    let body: Vec<String> = (0..n)
        .map(|_| format!("\"{} {}", w.sentence(12), w.sentence(10)))
        .collect();
    let body = body.join("\n\n");
    Corpus::from_bodies([body.clone(), body])
}

#[test]
fn paragraphs_opening_an_unclosed_quote() {
    grows_linearly("unclosed quotes", 500, unclosed_paragraphs, |c| {
        analyse(c, &Config::default());
    });
}

/// `n` quotation marks of every kind in one paragraph, in two articles.
fn mixed_marks(n: usize) -> Corpus {
    const MARKS: [&str; 14] = [
        "\"", "“", "”", "«", "»", "„", "‚", "‘", "’", "'", "‹", "›", "「", "」",
    ];
    let mut w = Words(11);
    let mut body = String::new();
    for k in 0..n {
        body.push_str(MARKS[(k * 7 + (k >> 3)) % MARKS.len()]);
        body.push_str(&w.next());
        body.push_str(if k % 3 == 0 { "" } else { " " });
    }
    Corpus::from_bodies([body.clone(), body])
}

#[test]
fn one_paragraph_of_mixed_quotation_marks() {
    grows_linearly("mixed marks", 4_000, mixed_marks, |c| {
        analyse(c, &Config::default());
    });
}

/// `n` quotes, each attributed to one of many named people.
fn attributed_quotes(n: usize) -> String {
    const FIRST: [&str; 8] = [
        "Anna", "Boris", "Carl", "Dana", "Emil", "Fiona", "Greta", "Hans",
    ];
    const LAST: [&str; 6] = ["Berg", "Novak", "Schmidt", "Larsen", "Dubois", "Rossi"];
    let mut out = String::new();
    for k in 0..n {
        let name = format!("{} {}", FIRST[k % 8], LAST[(k / 8) % 6]);
        out.push_str(&format!(
            "“We agree on item {k},” said {name}. “Fine,” she said. "
        ));
    }
    out
}

#[test]
fn many_quotes_attributed_to_many_people() {
    grows_linearly("attributed quotes", 3_000, attributed_quotes, |body| {
        let corpus = Corpus::from_bodies([body.clone(), body.clone()]);
        analyse(&corpus, &Config::default());
    });
}

/// Two near-identical single-line articles of about `bytes` bytes: one word in twenty
/// differs.
fn near_identical(bytes: usize) -> (String, String) {
    let mut w = Words(13);
    let mut a: Vec<String> = Vec::new();
    let mut len = 0;
    while len < bytes {
        let word = format!("{}{}", w.next(), a.len() % 50);
        len += word.len() + 1;
        a.push(word);
    }
    let mut b = a.clone();
    for (k, word) in b.iter_mut().enumerate().step_by(20) {
        *word = format!("changed{k}");
    }
    (a.join(" "), b.join(" "))
}

#[test]
fn compare_of_two_long_near_identical_articles() {
    grows_linearly("compare", 40_000, near_identical, |(a, b)| {
        compare(a, b, &Config::default());
    });
}

#[test]
fn plain_compare_of_two_long_near_identical_articles() {
    let render = |(a, b): &(String, String)| {
        let spans = compare(a, b, &Config::default());
        let corpus = Corpus::from_bodies([a.clone(), b.clone()]);
        let [x, y] = [&corpus.articles[0], &corpus.articles[1]];
        parallax::cli::compare::plain(x, y, &spans, 100, false);
    };
    grows_linearly("compare, plain text", 40_000, near_identical, render);
}

#[test]
fn quotes_of_one_long_paragraph_of_mixed_marks() {
    grows_linearly(
        "pairing",
        20_000,
        |n| {
            let c = mixed_marks(n);
            c.articles[0].body.clone()
        },
        |body| {
            find_in(body, &[]);
        },
    );
}

/// `n` lines without a blank line between them (one long paragraph): each line a sentence
/// naming a speaker and a quote that its own sentence does not attribute, and a dialogue
/// line with a nested quote.
fn context_and_dialogue_quotes(n: usize) -> String {
    let mut w = Words(17);
    let mut out = String::new();
    for k in 0..n {
        out.push_str(&format!(
            "Anna Berg said {}\n“{} {k}”\n— Мы «готовы» {k}, — сказал Лавров. — Начнём.\n",
            w.sentence(6),
            w.sentence(8)
        ));
    }
    out
}

#[test]
fn quotes_attributed_from_context_in_one_long_paragraph() {
    grows_linearly(
        "context quotes",
        1_000,
        context_and_dialogue_quotes,
        |body| {
            let quotes = find_in(body, &[]);
            assert!(
                quotes
                    .iter()
                    .any(|q| q.speaker.as_deref() == Some("Лавров"))
            );
        },
    );
}
