//! How unlikely a shared phrase is by chance in its language: a match is kept only when its
//! content words are rare enough (a long reworded one needs half as much).
//!
//! Each word has a surprisal, `−log2 p` bits, where `p` is its frequency in the article's
//! language (`assets/wordfreq/*.txt`, Zipf values from wordfreq; a word no table holds
//! counts as [`OOV_ZIPF`]) or, when higher, its rate in the corpus: a word carried by `df`
//! articles of a corpus of `T` words counts as `(df − 2) / T` (the two articles sharing the
//! phrase excepted), so a word in many articles of this corpus is not rare here; the words
//! of a stock phrase of the corpus count once ([`super::stock`]). Function
//! words (`assets/stopwords.txt`), titles and roles and speech verbs count nothing: they
//! are the glue of every stock phrase and attribution.
//! A match is kept when its distinct matched content words, summed over it and the other spans
//! of the same article pair within [`NEAR`] tokens (pieces of one remark corroborate each
//! other), carry at least [`THRESHOLD_BITS`]. `docs/passages.md` says how the threshold was
//! derived: "I am not sure" carries 11 bits, "as well as the" 10, "three or four times" 23,
//! "deliberate use of hackers" 45.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::align::MIN_WORDS;
use super::extend::{Alignment, Op};
use super::stock;
use super::tokens::{Doc, STOP, TITLE};
use super::word_hash::word_id;
use crate::assets;

/// A language with a frequency table (its place in [`assets::WORDFREQ`]), or [`UNKNOWN`].
pub type Lang = u8;
/// No table fits the text: each word counts at its most frequent in any table.
pub const UNKNOWN: Lang = u8::MAX;

/// Fewest bits of content a short match (with the spans near it) must carry.
pub const THRESHOLD_BITS: f32 = 40.0;
/// Zipf value of a word no table holds (a name, a rare word): once in ten million words.
pub const OOV_ZIPF: f32 = 2.0;
/// Tokens within which two spans of one article pair count as pieces of one remark.
pub const NEAR: usize = 40;
/// The most frequent words of each table, which tell its language.
const MARKERS: usize = 100;
/// Tokens of a body read to tell its language.
const SAMPLE: usize = 600;
/// Share of the sample the best language's markers must reach (English prose: about half).
const MIN_MARKER_SHARE: f32 = 0.15;

struct Table {
    /// Word id → Zipf value × 100.
    zipf: FxHashMap<u32, u16>,
    /// The [`MARKERS`] most frequent words.
    markers: Vec<u32>,
}

fn parse(text: &str) -> Table {
    let mut zipf: FxHashMap<u32, u16> = FxHashMap::default();
    let mut markers = Vec::with_capacity(MARKERS);
    for line in assets::lines(text) {
        let mut parts = line.split(' ');
        let Some(value) = parts.next().and_then(|v| v.parse::<u16>().ok()) else {
            continue;
        };
        for w in parts {
            let id = word_id(w);
            if markers.len() < MARKERS && !markers.contains(&id) {
                markers.push(id);
            }
            zipf.entry(id).or_insert(value);
        }
    }
    Table { zipf, markers }
}

static TABLES: LazyLock<Vec<Table>> =
    LazyLock::new(|| assets::WORDFREQ.iter().map(|(_, t)| parse(t)).collect());

const _: () = assert!(assets::WORDFREQ.len() <= 8, "one bit per table in a u8");

/// Word id → the tables it is a marker of (bit `k` for table `k`), so that telling a
/// text's language looks each token up once rather than once per table.
static MARKER_LANGS: LazyLock<FxHashMap<u32, u8>> = LazyLock::new(|| {
    let mut langs: FxHashMap<u32, u8> = FxHashMap::default();
    for (k, t) in TABLES.iter().enumerate() {
        for &id in &t.markers {
            *langs.entry(id).or_default() |= 1 << k;
        }
    }
    langs
});

/// The language code of `lang` ("en"…), or "" when unknown.
pub fn code(lang: Lang) -> &'static str {
    assets::WORDFREQ.get(lang as usize).map_or("", |(c, _)| c)
}

/// The language of a text from its tokens: the table whose most frequent words make up the
/// most of its first tokens, if enough of them.
pub fn detect(ids: &[u32]) -> Lang {
    let sample = &ids[..ids.len().min(SAMPLE)];
    let mut counts = [0usize; assets::WORDFREQ.len()];
    for id in sample {
        if let Some(&langs) = MARKER_LANGS.get(id) {
            for (k, n) in counts.iter_mut().enumerate() {
                *n += usize::from(langs >> k & 1);
            }
        }
    }
    let best = counts
        .into_iter()
        .enumerate()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)));
    match best {
        Some((k, n)) if n as f32 >= MIN_MARKER_SHARE * sample.len() as f32 && n > 0 => k as Lang,
        _ => UNKNOWN,
    }
}

const LOG2_10: f32 = std::f32::consts::LOG2_10;

/// Surprisal in bits of a word (by id) in a language, from the tables alone.
pub fn language_bits(lang: Lang, id: u32) -> f32 {
    let tables = &*TABLES;
    let zipf = match tables.get(lang as usize) {
        Some(t) => t.zipf.get(&id).map(|&z| f32::from(z) / 100.0),
        None => tables
            .iter()
            .filter_map(|t| t.zipf.get(&id))
            .max()
            .map(|&z| f32::from(z) / 100.0),
    };
    (9.0 - zipf.unwrap_or(OOV_ZIPF).max(OOV_ZIPF)) * LOG2_10
}

/// How many articles of a corpus carry each word of interest, and the corpus's size.
#[derive(Debug, Default)]
pub struct Counts {
    pub df: FxHashMap<u32, u32>,
    /// How many articles carry each 4-gram of interest ([`super::stock`]).
    pub grams: FxHashMap<u64, u32>,
    /// Words in the corpus.
    pub tokens: f64,
}

/// Surprisal of word `id` in language `lang` given the corpus counts, if any.
pub fn word_bits(lang: Lang, id: u32, counts: Option<&Counts>) -> f32 {
    let bits = language_bits(lang, id);
    let Some(c) = counts else { return bits };
    match c.df.get(&id) {
        Some(&df) if df > 2 && c.tokens > 0.0 => {
            let here = -((f64::from(df - 2) / c.tokens).log2()) as f32;
            bits.min(here)
        }
        _ => bits,
    }
}

/// Speech verbs (`assets/speech_verbs.txt`) as word ids.
static SPEECH: LazyLock<FxHashSet<u32>> =
    LazyLock::new(|| assets::lines(assets::SPEECH_VERBS).map(word_id).collect());

/// True when token `i` of `d` carries content: not a function word, title or role
/// ("spokesperson") or speech verb ("told"), the glue of every attribution.
pub fn counts_as_content(d: &Doc, i: usize) -> bool {
    d.flags[i] & (STOP | TITLE) == 0 && !SPEECH.contains(&d.ids[i])
}

/// The positions in `a` of the matched tokens of an alignment.
pub fn matched_in_a(al: &Alignment) -> impl Iterator<Item = usize> + '_ {
    let mut i = al.a.start;
    al.ops.iter().filter_map(move |op| {
        let at = i;
        if matches!(op, Op::Match | Op::Sub | Op::DelA) {
            i += 1;
        }
        (*op == Op::Match).then_some(at)
    })
}

/// Bits of content of an alignment's matched words (function words count nothing; each
/// distinct word once, at its lower surprisal in the two articles' languages).
pub fn content_bits(a: &Doc, b: &Doc, al: &Alignment, counts: Option<&Counts>) -> f32 {
    let mut seen = FxHashSet::default();
    bits_of(a, b, std::slice::from_ref(al), counts, &mut seen)
}

/// Bits of content of the matched words of several spans, each distinct word once (a
/// phrase repeated near itself is no rarer than once); `seen` collects the words.
fn bits_of(
    a: &Doc,
    b: &Doc,
    spans: &[Alignment],
    counts: Option<&Counts>,
    seen: &mut FxHashSet<u32>,
) -> f32 {
    let mut bits = 0.0;
    for al in spans {
        let mut v = vec![0.0; al.a.len()];
        for i in matched_in_a(al).filter(|&i| counts_as_content(a, i)) {
            let id = a.ids[i];
            if !seen.insert(id) {
                continue;
            }
            let x = word_bits(a.lang, id, counts);
            v[i - al.a.start] = if b.lang == a.lang {
                x
            } else {
                x.min(word_bits(b.lang, id, counts))
            };
        }
        bits += stock::span_bits(a, al, &v, counts.filter(|_| is_doubtful(al)));
    }
    bits
}

/// True when a span is short enough that the corpus's counts may decide its rarity (a
/// longer one is judged by its language alone, so the counts are gathered for few words).
pub fn is_doubtful(al: &Alignment) -> bool {
    al.matches() < 2 * MIN_WORDS
}

/// Fewest bits of content on each side of an edit for a span to count as reworded.
const EDGE_BITS: f32 = 8.0;

/// The bits of content a span (with its cluster) must carry: [`THRESHOLD_BITS`], or half
/// of it for a long span reworded inside (content words matched before its first edit and
/// after its last): two chance matches seldom line up around an edit, while a stock phrase
/// recurs whole, or with only its tail changed ("…,” one witness said").
pub fn required_bits(a: &Doc, b: &Doc, al: &Alignment, counts: Option<&Counts>) -> f32 {
    let first = al.ops.iter().position(|op| *op != Op::Match);
    let last = al.ops.iter().rposition(|op| *op != Op::Match);
    let (Some(first), Some(last)) = (first, last) else {
        return THRESHOLD_BITS;
    };
    if al.matches() < MIN_WORDS {
        return THRESHOLD_BITS;
    }
    let side = |ops: std::ops::Range<usize>| {
        let mut part = al.clone();
        let skip_a = al.ops[..ops.start]
            .iter()
            .filter(|op| !matches!(op, Op::InsB))
            .count();
        part.a.start += skip_a;
        part.ops = al.ops[ops].to_vec();
        content_bits(a, b, &part, counts)
    };
    let before = side(0..first);
    let after = side(last + 1..al.ops.len());
    if before >= EDGE_BITS && after >= EDGE_BITS {
        THRESHOLD_BITS / 2.0
    } else {
        THRESHOLD_BITS
    }
}

fn gap(p: &std::ops::Range<usize>, q: &std::ops::Range<usize>) -> usize {
    q.start
        .saturating_sub(p.end)
        .max(p.start.saturating_sub(q.end))
}

/// The cluster of each span (a representative index): spans within [`NEAR`] tokens of each
/// other on both sides, transitively. Spans are visited by start in `a`, each against the
/// spans that start within reach of its end (never all pairs), joined by union-find.
fn clusters(spans: &[Alignment]) -> Vec<usize> {
    let n = spans.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| spans[k].a.start);
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (i, &x) in order.iter().enumerate() {
        let reach = spans[x].a.end + NEAR;
        for &y in order[i + 1..]
            .iter()
            .take_while(|&&y| spans[y].a.start <= reach)
        {
            if gap(&spans[x].b, &spans[y].b) <= NEAR {
                let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
                parent[rx.max(ry)] = rx.min(ry);
            }
        }
    }
    (0..n).map(|k| root(&mut parent, k)).collect()
}

/// Keeps the spans of one article pair that are unlikely by chance: each whose cluster (the
/// spans of the pair near it, transitively) carries the bits of content [`required_bits`]
/// asks of it.
pub fn keep_unlikely(
    a: &Doc,
    b: &Doc,
    spans: Vec<Alignment>,
    counts: Option<&Counts>,
) -> Vec<Alignment> {
    let cluster = clusters(&spans);
    let mut members: FxHashMap<usize, Vec<Alignment>> = FxHashMap::default();
    for (k, &c) in cluster.iter().enumerate() {
        members.entry(c).or_default().push(spans[k].clone());
    }
    let total: FxHashMap<usize, f32> = members
        .into_iter()
        .map(|(c, m)| (c, bits_of(a, b, &m, counts, &mut FxHashSet::default())))
        .collect();
    spans
        .into_iter()
        .zip(&cluster)
        .filter(|(s, c)| total.get(c).copied().unwrap_or(0.0) >= required_bits(a, b, s, counts))
        .map(|(s, _)| s)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    /// Bits of a phrase matched whole against itself, in English.
    fn bits(phrase: &str) -> f32 {
        let d = tokenize(phrase);
        let mut d = d.clone();
        d.lang = 0;
        let al = Alignment {
            a: 0..d.len(),
            b: 0..d.len(),
            ops: vec![Op::Match; d.len()],
            seed: 0..d.len().min(4),
        };
        content_bits(&d, &d, &al, None)
    }

    #[test]
    fn stock_phrases_fall_short_and_telling_ones_pass() {
        for common in [
            "I am not sure",
            "as well as the",
            "to the families of the",
            "going to look at",
            "a lot of money",
            "will be able to",
            "is going to be",
            "in a way that",
            "three or four times",
            "we are going to",
            "at the end of the day",
        ] {
            let b = bits(common);
            assert!(b < THRESHOLD_BITS, "{common}: {b}");
        }
        for telling in [
            "Zakharova spoke about positive changes",
            "deliberate use of hackers",
            "pulling people out of the rubble",
            "a reckless gamble and a betrayal",
        ] {
            let b = bits(telling);
            assert!(b >= THRESHOLD_BITS, "{telling}: {b}");
        }
    }

    #[test]
    fn a_word_many_articles_carry_is_not_rare_here() {
        let id = word_id("hackers");
        let alone = word_bits(0, id, None);
        assert!(alone > 15.0, "{alone}");
        let mut counts = Counts {
            tokens: 100_000.0,
            ..Counts::default()
        };
        counts.df.insert(id, 2);
        assert_eq!(word_bits(0, id, Some(&counts)), alone);
        counts.df.insert(id, 402);
        let here = word_bits(0, id, Some(&counts));
        assert!((here - 7.97).abs() < 0.01, "{here}");
    }

    #[test]
    fn the_language_is_told_by_its_commonest_words() {
        let en = tokenize(
            "The minister said that the talks would go on for another week in the capital.",
        );
        let de = tokenize(
            "Der Minister sagte, dass die Gespräche noch eine weitere Woche in der Hauptstadt dauern würden.",
        );
        let fr = tokenize(
            "Le ministre a déclaré que les discussions se poursuivraient encore une semaine dans la capitale.",
        );
        assert_eq!(code(detect(&en.ids)), "en");
        assert_eq!(code(detect(&de.ids)), "de");
        assert_eq!(code(detect(&fr.ids)), "fr");
        assert_eq!(detect(&tokenize("xq zzv kkrt").ids), UNKNOWN);
        assert!(language_bits(UNKNOWN, word_id("the")) < 5.0);
    }
}
