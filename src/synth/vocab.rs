//! The synthetic vocabulary: function words from `assets/stopwords.txt` at the top of a
//! Zipf-like distribution, made-up content words from syllables below them, and pools of
//! person names, places and outlets.

use std::sync::LazyLock;

use super::rng::Rng;
use crate::assets;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tan", "vi", "sol", "den", "ra", "pu", "gor", "bel", "no", "tri", "ash",
    "wen", "dra", "fi", "mon", "sek", "ul", "pra", "hal", "zo", "qui", "ber", "nat", "el", "dor",
    "sa", "ti", "kun", "ve", "lis", "om", "gra", "jo",
];

/// Content words in the vocabulary.
const CONTENT_WORDS: usize = 8000;
/// Zipf exponent of word frequencies.
const ZIPF: f64 = 1.0;

/// A made-up word for index `n`: syllables in mixed radix, so each index is distinct.
fn coined(mut n: usize, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    w
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Words with their cumulative Zipf weights.
pub struct Vocab {
    pub words: Vec<String>,
    /// How many of `words` (the first ones) are function words.
    pub function_words: usize,
    cumulative: Vec<f64>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub outlets: Vec<String>,
}

/// The one vocabulary every generated corpus uses.
pub static VOCAB: LazyLock<Vocab> = LazyLock::new(Vocab::build);

impl Vocab {
    fn build() -> Self {
        let function: Vec<String> = assets::lines(assets::STOPWORDS)
            .take_while(|w| w.is_ascii())
            .filter(|w| !w.contains('\''))
            .map(str::to_string)
            .collect();
        let function_words = function.len();
        let mut words = function;
        words.extend((0..CONTENT_WORDS).map(|n| coined(n + 1300, 3)));
        let mut cumulative = Vec::with_capacity(words.len());
        let mut total = 0.0;
        for r in 0..words.len() {
            total += 1.0 / ((r + 1) as f64).powf(ZIPF);
            cumulative.push(total);
        }
        let people = (0..400)
            .map(|n| {
                format!(
                    "{} {}",
                    capitalised(&coined(n * 7 + 3, 2)),
                    capitalised(&coined(n * 13 + 50_000, 3))
                )
            })
            .collect();
        let places = (0..120)
            .map(|n| capitalised(&coined(n * 11 + 9_000, 3)))
            .collect();
        let outlets = (0..60)
            .map(|n| {
                let kind = ["Times", "Herald", "News", "Post", "Daily", "Wire"][n % 6];
                format!("{} {kind}", capitalised(&coined(n * 17 + 20_000, 2)))
            })
            .collect();
        Vocab {
            words,
            function_words,
            cumulative,
            people,
            places,
            outlets,
        }
    }

    /// A word drawn from the Zipf distribution.
    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.words[i.min(self.words.len() - 1)]
    }

    /// A content word (never a function word), uniformly from the less common ones.
    pub fn content_word(&self, rng: &mut Rng) -> &str {
        let n = self.words.len() - self.function_words;
        &self.words[self.function_words + rng.below(n)]
    }
}

/// A sentence of `n` words: capitalised, maybe a name or place, commas, a full stop.
pub fn sentence(rng: &mut Rng, n: usize, names: &[&str]) -> String {
    let v = &*VOCAB;
    let mut words: Vec<String> = (0..n).map(|_| v.word(rng).to_string()).collect();
    if !names.is_empty() && rng.chance(0.4) {
        let k = rng.below(words.len().max(1));
        words.insert(k, rng.pick(names).to_string());
    }
    if rng.chance(0.3) && words.len() > 6 {
        let k = rng.range(2, words.len() - 3);
        words[k].push(',');
    }
    let mut s = words.join(" ");
    s = capitalised(&s);
    s.push('.');
    s
}
