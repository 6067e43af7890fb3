//! Quotes and speakers scored against the hand-annotated news corpus
//! (`tests/corpus/news/gold.json`), the way GenderGapTracker scores itself: a predicted
//! quote matches a gold quote when it covers more than 30% (or 80%) of the gold quote's
//! characters; a speaker is right when it names the gold speaker. The floors below are the
//! figures measured when the rules were written, less a small margin: a change that loses
//! quotes or speakers fails here. `docs/quotes.md` reports the figures.

use std::path::{Path, PathBuf};

use parallax::analysis::quotes::{Quote, QuoteKind};
use parallax::analysis::{Config, analyse};
use parallax::corpus::{Article, load_paths};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

#[derive(Deserialize)]
struct GoldArticle {
    file: String,
    story: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    text: String,
    #[serde(default)]
    parts: Vec<String>,
    speaker: String,
    kind: String,
}

/// The gold annotations, the corpus as parallax loads it, and its analysis.
fn analysed_corpus() -> (Gold, parallax::corpus::Loaded, parallax::analysis::Analysis) {
    let dir = corpus_dir();
    let gold: Gold =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).expect("gold.json"))
            .expect("gold parses");
    let loaded = load_paths(&[dir.join("articles")]);
    let analysis = analyse(&loaded.corpus, &Config::default());
    (gold, loaded, analysis)
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news")
}

/// Byte ranges of the gold statement's fragments in `body` (searched in order).
fn gold_spans(body: &str, q: &GoldQuote) -> Option<Vec<std::ops::Range<usize>>> {
    let mut from = 0;
    let mut out = Vec::new();
    for t in std::iter::once(&q.text).chain(&q.parts) {
        let i = body[from..]
            .find(t.as_str())
            .map(|i| from + i)
            .or_else(|| body.find(t.as_str()))?;
        out.push(i..i + t.len());
        from = i + t.len();
    }
    Some(out)
}

/// A predicted statement: its fragments and speaker.
struct Predicted {
    spans: Vec<std::ops::Range<usize>>,
    speaker: Option<String>,
}

fn predicted(quotes: &[Quote]) -> Vec<Predicted> {
    quotes
        .iter()
        .enumerate()
        .filter(|(k, q)| q.depth == 0 && q.statement == *k && q.kind == QuoteKind::Statement)
        .map(|(k, q)| Predicted {
            spans: quotes
                .iter()
                .filter(|p| p.depth == 0 && p.statement == k)
                .map(|p| p.inner.clone())
                .collect(),
            speaker: q.speaker.clone(),
        })
        .collect()
}

fn overlap(a: &[std::ops::Range<usize>], b: &[std::ops::Range<usize>]) -> usize {
    a.iter()
        .flat_map(|x| {
            b.iter()
                .map(move |y| x.end.min(y.end).saturating_sub(x.start.max(y.start)))
        })
        .sum()
}

/// Lower case, without diacritics and dots (`Kovač` and `Kovac` are one name).
fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c) && !matches!(c, '.' | ','))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ø' => 'o',
            'æ' => 'a',
            'đ' => 'd',
            'ł' => 'l',
            c => c,
        })
        .collect()
}

/// True when the predicted speaker names the gold one (the same name, or its surname).
fn names(pred: Option<&str>, gold: &str) -> bool {
    match pred {
        None => gold.is_empty(),
        Some(p) if gold.is_empty() => p.is_empty(),
        Some(p) => {
            let (p, g) = (fold(p), fold(gold));
            p == g || p.split_whitespace().last() == g.split_whitespace().last()
        }
    }
}

#[derive(Default, Debug)]
struct Score {
    gold: usize,
    predicted: usize,
    found_03: usize,
    found_08: usize,
    correct_03: usize,
    correct_08: usize,
    speakers: usize,
    speakers_right: usize,
}

impl Score {
    fn f1(&self, found: usize, correct: usize) -> f64 {
        let p = correct as f64 / self.predicted.max(1) as f64;
        let r = found as f64 / self.gold.max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, file: &str, body: &str, gold: &[GoldQuote], quotes: &[Quote]) {
        let preds = predicted(quotes);
        self.predicted += preds.len();
        let golds: Vec<(Vec<std::ops::Range<usize>>, &GoldQuote)> = gold
            .iter()
            .filter(|q| q.kind == "statement")
            .filter_map(|q| gold_spans(body, q).map(|s| (s, q)))
            .collect();
        self.gold += golds.len();
        let len = |s: &[std::ops::Range<usize>]| s.iter().map(|r| r.len()).sum::<usize>().max(1);
        for (spans, q) in &golds {
            let best = preds.iter().max_by_key(|p| overlap(&p.spans, spans));
            let cover = best.map_or(0.0, |p| overlap(&p.spans, spans) as f64 / len(spans) as f64);
            self.found_03 += usize::from(cover > 0.3);
            self.found_08 += usize::from(cover > 0.8);
            if cover > 0.3 {
                self.speakers += 1;
                let pred = best.and_then(|p| p.speaker.as_deref());
                let right = names(pred, &q.speaker);
                self.speakers_right += usize::from(right);
                if !right && verbose() && !file.is_empty() {
                    eprintln!(
                        "{file}: speaker {pred:?} for {:?} ({:.60})",
                        q.speaker, q.text
                    );
                }
            } else if verbose() && !file.is_empty() {
                eprintln!("{file}: missed ({cover:.2}) {:.70}", q.text);
            }
        }
        for p in &preds {
            let cover = |t: f64| {
                golds
                    .iter()
                    .any(|(s, _)| overlap(&p.spans, s) as f64 / len(s) as f64 > t)
            };
            self.correct_03 += usize::from(cover(0.3));
            self.correct_08 += usize::from(cover(0.8));
        }
    }
}

/// `PARALLAX_EVAL_VERBOSE=1` lists every miss and wrong speaker on stderr.
fn verbose() -> bool {
    std::env::var_os("PARALLAX_EVAL_VERBOSE").is_some()
}

/// The scores over the whole corpus, and over its held-out stories alone (ids starting with
/// `h`: written after the rules, by writers who never read them, and first measured as they
/// came).
fn score() -> (Score, Score) {
    let (gold, loaded, analysis) = analysed_corpus();
    let by_file = |a: &Article| {
        Path::new(&a.path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
    };
    let (mut s, mut held_out) = (Score::default(), Score::default());
    for (i, a) in loaded.corpus.articles.iter().enumerate() {
        let Some(g) = gold
            .articles
            .iter()
            .find(|g| Some(&g.file) == by_file(a).as_ref())
        else {
            continue;
        };
        s.add(&g.file, &a.body, &g.quotes, &analysis.quotes[i]);
        if g.story.starts_with('h') {
            held_out.add("", &a.body, &g.quotes, &analysis.quotes[i]);
        }
    }
    (s, held_out)
}

fn report(what: &str, s: &Score) -> (f64, f64, f64) {
    let f03 = s.f1(s.found_03, s.correct_03);
    let f08 = s.f1(s.found_08, s.correct_08);
    let acc = s.speakers_right as f64 / s.speakers.max(1) as f64;
    eprintln!(
        "{what}: {} gold quotes, {} predicted; F1@0.3 {f03:.3}, F1@0.8 {f08:.3}; speaker accuracy {acc:.3} ({}/{})",
        s.gold, s.predicted, s.speakers_right, s.speakers
    );
    (f03, f08, acc)
}

#[test]
fn quotes_and_speakers_on_the_news_corpus() {
    let (s, held_out) = score();
    let (f03, f08, acc) = report("all stories", &s);
    let (h03, h08, hacc) = report("held-out stories", &held_out);
    assert!(s.gold >= 300, "the corpus holds its quotes: {s:?}");
    // Measured 0.971, 0.965 (rounded up) and 0.883 on 378 articles.
    assert!(f03 >= 0.965 && f08 >= 0.96 && acc >= 0.875, "{s:?}");
    // The held-out stories, first measured at 0.965, 0.954 and 0.823 (218 of 265), then
    // 0.868 with the rules their errors showed were missing (`docs/quotes.md`).
    assert!(held_out.gold >= 250, "{held_out:?}");
    assert!(h03 >= 0.95 && h08 >= 0.94 && hacc >= 0.85, "{held_out:?}");
}

/// No statement joins articles of two stories: common speech in quotation marks ("I am not
/// sure", "at the end of the day") is in many stories of the corpus.
#[test]
fn statements_never_join_two_stories() {
    let (gold, loaded, analysis) = analysed_corpus();
    let story = |i: usize| {
        let file = Path::new(&loaded.corpus.articles[i].path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned());
        gold.articles
            .iter()
            .find(|g| Some(&g.file) == file.as_ref())
            .map(|g| g.story.clone())
    };
    let shared: Vec<_> = analysis
        .statements
        .iter()
        .filter(|s| s.occurrences.len() > 1)
        .collect();
    let mixed: Vec<String> = shared
        .iter()
        .filter(|s| {
            let mut stories: Vec<Option<String>> =
                s.occurrences.iter().map(|o| story(o.article)).collect();
            stories.sort();
            stories.dedup();
            stories.len() > 1
        })
        .map(|s| {
            let o = &s.occurrences[s.longest];
            let body = &loaded.corpus.articles[o.article].body;
            o.spans
                .iter()
                .map(|r| &body[r.clone()])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    eprintln!(
        "statements carried by two or more articles: {}; joining two stories: {}",
        shared.len(),
        mixed.len()
    );
    assert!(mixed.is_empty(), "{mixed:#?}");
    assert!(
        shared.len() >= 15,
        "the corpus's shared statements are found: {}",
        shared.len()
    );
}

/// Lists the gold statements two articles of one story share that no statement joins
/// (with `PARALLAX_EVAL_VERBOSE=1`), and counts them.
#[test]
fn shared_statements_are_found() {
    let (gold, loaded, analysis) = analysed_corpus();
    let file_of = |a: &Article| {
        Path::new(&a.path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
    };
    let index_of = |file: &str| {
        loaded
            .corpus
            .articles
            .iter()
            .position(|a| file_of(a).as_deref() == Some(file))
    };
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let grams = |w: &[String]| -> std::collections::HashSet<String> {
        w.windows(3).map(|g| g.join(" ")).collect()
    };
    let (mut pairs, mut found) = (0, 0);
    for (i, a) in gold.articles.iter().enumerate() {
        for b in gold.articles[i + 1..].iter().filter(|b| b.story == a.story) {
            for qa in a.quotes.iter().filter(|q| q.kind == "statement") {
                let ga = grams(&words(&format!("{} {}", qa.text, qa.parts.join(" "))));
                for qb in b.quotes.iter().filter(|q| q.kind == "statement") {
                    let gb = grams(&words(&format!("{} {}", qb.text, qb.parts.join(" "))));
                    let shared = ga.intersection(&gb).count();
                    if shared < 2 || (shared as f64) < 0.5 * ga.len().min(gb.len()) as f64 {
                        continue;
                    }
                    pairs += 1;
                    let (Some(ia), Some(ib)) = (index_of(&a.file), index_of(&b.file)) else {
                        eprintln!("not loaded: {} or {}", a.file, b.file);
                        continue;
                    };
                    let joined = analysis.statements.iter().any(|s| {
                        s.occurrences.iter().any(|o| o.article == ia)
                            && s.occurrences.iter().any(|o| o.article == ib)
                    });
                    found += usize::from(joined);
                    if !joined && verbose() {
                        eprintln!("not joined: {:.60} | {:.60}", qa.text, qb.text);
                    }
                }
            }
        }
    }
    eprintln!("shared statement pairs in gold: {pairs}; joined: {found}");
    assert!(found * 10 >= pairs * 5, "{found} of {pairs}");
}
