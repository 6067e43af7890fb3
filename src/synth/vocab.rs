//! The synthetic vocabulary: English words drawn with their real frequencies (the English
//! table of `assets/wordfreq/`), so that common phrases recur by chance as they do in real
//! text, and pools of made-up person names, places and outlets.

use std::sync::LazyLock;

use super::rng::Rng;
use crate::assets;

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "tan", "vi", "sol", "den", "ra", "pu", "gor", "bel", "no", "tri", "ash",
    "wen", "dra", "fi", "mon", "sek", "ul", "pra", "hal", "zo", "qui", "ber", "nat", "el", "dor",
    "sa", "ti", "kun", "ve", "lis", "om", "gra", "jo",
];

/// Words of the English table the generator draws from (by frequency rank).
const TABLE_WORDS: usize = 30_000;
/// Ranks of the English table a substituted content word is drawn from, uniformly.
const CONTENT_RANKS: std::ops::Range<usize> = 300..20_000;
/// Buckets of the guide table of [`Vocab::word`].
const GUIDE: usize = 1 << 16;

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
    /// Whether each of `words` is a function word (`assets/stopwords.txt`).
    pub function: Vec<bool>,
    cumulative: Vec<f64>,
    /// `guide[b]`: the first word whose cumulative weight reaches bucket `b`'s lower bound,
    /// where the total weight is cut into [`GUIDE`] equal buckets; a draw starts its search
    /// there instead of bisecting the whole table.
    guide: Vec<u32>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub outlets: Vec<String>,
}

/// The function words (`assets/stopwords.txt`).
static STOP_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| assets::lines(assets::STOPWORDS).collect());

/// The one vocabulary every generated corpus uses.
pub static VOCAB: LazyLock<Vocab> = LazyLock::new(Vocab::build);

impl Vocab {
    fn build() -> Self {
        let stop = &*STOP_SET;
        let mut words: Vec<String> = Vec::with_capacity(TABLE_WORDS);
        let mut cumulative = Vec::with_capacity(TABLE_WORDS);
        let mut function = Vec::new();
        let mut total = 0.0;
        let (_, english) = assets::WORDFREQ[0];
        for line in assets::lines(english) {
            let mut parts = line.split(' ');
            let Some(zipf) = parts.next().and_then(|v| v.parse::<f64>().ok()) else {
                continue;
            };
            for w in parts.filter(|w| plain(w)) {
                if words.len() >= TABLE_WORDS {
                    break;
                }
                total += 10f64.powf(zipf / 100.0);
                cumulative.push(total);
                function.push(stop.contains(w));
                words.push(w.to_string());
            }
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
        let total = cumulative.last().copied().unwrap_or(1.0);
        let guide = (0..GUIDE)
            .map(|b| {
                let lo = b as f64 / GUIDE as f64 * total;
                cumulative.partition_point(|&c| c < lo) as u32
            })
            .collect();
        Vocab {
            words,
            function,
            cumulative,
            guide,
            people,
            places,
            outlets,
        }
    }

    /// A word drawn from the Zipf distribution: the first word whose cumulative weight
    /// reaches a uniform draw, found from the guide table (the same word a bisection of the
    /// whole table finds, in a step or two instead of thirteen).
    pub fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let u = rng.unit();
        let x = u * total;
        let c = &self.cumulative;
        let b = ((u * GUIDE as f64) as usize).min(GUIDE - 1);
        let mut i = self.guide.get(b).map_or(0, |&g| g as usize);
        if i > 0 && c.get(i - 1).is_some_and(|&p| p >= x) {
            // Rounding put the draw below its bucket's bound: bisect as a fallback.
            i = c.partition_point(|&w| w < x);
        } else {
            while c.get(i).is_some_and(|&w| w < x) {
                i += 1;
            }
        }
        &self.words[i.min(self.words.len() - 1)]
    }

    /// A content word (never a function word), uniformly from the less common ones.
    pub fn content_word(&self, rng: &mut Rng) -> &str {
        let hi = CONTENT_RANKS.end.min(self.words.len());
        let lo = CONTENT_RANKS.start.min(hi.saturating_sub(1));
        loop {
            let k = lo + rng.below(hi - lo);
            if !self.function[k] {
                return &self.words[k];
            }
        }
    }

    /// True when `w` is a function word (`assets/stopwords.txt`).
    pub fn is_function(&self, w: &str) -> bool {
        STOP_SET.contains(w)
    }
}

/// A word the generator may use: lower-case letters only, and not a lone letter other than
/// "a" (the table holds "s", "t" and the like, pieces of split contractions).
fn plain(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_lowercase()) && (w.len() > 1 || w == "a")
}

/// Stock phrases of speech that many unrelated articles quote: the chance matches of real
/// news text, which must never join two stories.
pub const STOCK: &[&str] = &[
    "I am not sure",
    "we are going to",
    "at the end of the day",
    "as well as the",
    "a lot of money",
    "will be able to",
    "is going to be",
    "in a way that",
    "going to look at",
    "three or four times",
    "our thoughts are with the families of the",
    "it is too early to say",
    "we will do everything we can",
    "I do not think that",
    "this is a very difficult time",
    "we have to make sure that",
    "there is no doubt that",
    "for the first time in",
];

/// A sentence of `n` words: capitalised, maybe a name or place, commas, a full stop.
pub fn sentence(rng: &mut Rng, n: usize, names: &[&str]) -> String {
    let mut s = String::new();
    push_sentence(rng, n, names, &mut s);
    s
}

/// Appends a sentence of `n` words to `out` (what [`sentence`] returns, without allocating
/// a string per word: this is the generator's inner loop).
pub fn push_sentence(rng: &mut Rng, n: usize, names: &[&str], out: &mut String) {
    let v = &*VOCAB;
    let mut words: Vec<&str> = Vec::with_capacity(n + 1);
    words.extend((0..n).map(|_| v.word(rng)));
    if !names.is_empty() && rng.chance(0.4) {
        let k = rng.below(words.len().max(1));
        words.insert(k, *rng.pick(names));
    }
    let comma = (rng.chance(0.3) && words.len() > 6).then(|| rng.range(2, words.len() - 3));
    for (j, w) in words.iter().enumerate() {
        if j == 0 {
            push_capitalised(w, out);
        } else {
            out.push(' ');
            out.push_str(w);
        }
        if comma == Some(j) {
            out.push(',');
        }
    }
    out.push('.');
}

/// Appends `w` with its first letter upper-cased.
fn push_capitalised(w: &str, out: &mut String) {
    let mut c = w.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guided_draws_are_the_bisected_ones() {
        let v = &*VOCAB;
        let total = v.cumulative.last().copied().unwrap_or(1.0);
        let mut rng = Rng::new(&[5]);
        let mut probe = rng.clone();
        for _ in 0..200_000 {
            let x = probe.unit() * total;
            let i = v.cumulative.partition_point(|&c| c < x);
            assert_eq!(v.word(&mut rng), v.words[i.min(v.words.len() - 1)]);
        }
    }
}
