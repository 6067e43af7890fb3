//! Story grouping measured against the hand-written news corpus (`tests/corpus/news/`,
//! `gold.json` gives every article's story): B-cubed precision, recall and F1, pairwise F1
//! and ARI over the whole folder, one-article stories left alone, and a folder of one large
//! story plus one article of each of 15 unrelated others. The floors are what the grouping reaches
//! minus a small margin, so that a regression fails; `docs/stories.md` reports the figures.

use std::collections::BTreeMap;
use std::path::Path;

use parallax::analysis::stories::eval::{Scores, score};
use parallax::analysis::{Analysis, Config, analyse};
use parallax::corpus::{Corpus, load_paths};

const ROOT: &str = "tests/corpus/news";

/// One gold article: its story and the encoding its file is written in.
struct Gold {
    story: String,
    encoding: String,
    /// The gold entities it names.
    entities: Vec<String>,
}

/// The gold of each article file.
fn gold() -> Option<BTreeMap<String, Gold>> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("gold.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    let list = v.get("articles").unwrap_or(&v);
    let items = match list {
        serde_json::Value::Array(a) => a.clone(),
        serde_json::Value::Object(o) => o.values().filter(|x| x.is_object()).cloned().collect(),
        _ => return None,
    };
    let mut out = BTreeMap::new();
    for it in items {
        if let (Some(f), Some(s)) = (it["file"].as_str(), it["story"].as_str()) {
            let encoding = it["encoding"].as_str().unwrap_or("utf-8").to_string();
            let entities = it["entities"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|e| e["name"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            out.insert(
                f.to_string(),
                Gold {
                    story: s.to_string(),
                    encoding,
                    entities,
                },
            );
        }
    }
    (!out.is_empty()).then_some(out)
}

fn file_of(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The text files decoded from their gold encoding into UTF-8 (the pages as they are) in a
/// temporary folder: what is measured here is the grouping, not the decoding.
fn utf8_copy(gold: &BTreeMap<String, Gold>) -> Option<tempfile::TempDir> {
    let dir = tempfile::tempdir().ok()?;
    for (file, g) in gold {
        let bytes = std::fs::read(Path::new(ROOT).join("articles").join(file)).ok()?;
        let out = if file.ends_with(".txt") {
            let label = match g.encoding.as_str() {
                "utf-8-bom" => "utf-8",
                "utf-16" => "utf-16le",
                other => other,
            };
            let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
            let (text, _, _) = enc.decode(&bytes);
            text.trim_start_matches('\u{feff}').as_bytes().to_vec()
        } else {
            bytes
        };
        std::fs::write(dir.path().join(file), out).ok()?;
    }
    Some(dir)
}

/// The corpus with its gold labels (articles without one are left out).
pub fn load_pub() -> Option<(Corpus, Vec<String>)> {
    load().map(|(c, g, _)| (c, g))
}

fn load() -> Option<(Corpus, Vec<String>, Vec<Vec<String>>)> {
    let gold = gold()?;
    let dir = utf8_copy(&gold)?;
    let loaded = load_paths(&[dir.path().to_path_buf()]);
    let mut corpus = loaded.corpus;
    corpus
        .articles
        .retain(|a| gold.contains_key(&file_of(&a.path)));
    let labels = corpus
        .articles
        .iter()
        .map(|a| gold[&file_of(&a.path)].story.clone())
        .collect();
    let entities = corpus
        .articles
        .iter()
        .map(|a| gold[&file_of(&a.path)].entities.clone())
        .collect();
    Some((corpus, labels, entities))
}

fn found_labels(a: &Analysis) -> Vec<usize> {
    a.stories.of_article.clone()
}

fn report(what: &str, s: &Scores) {
    eprintln!(
        "{what}: B-cubed P {:.3} R {:.3} F1 {:.3}; pairwise P {:.3} R {:.3} F1 {:.3}; ARI {:.3}",
        s.bcubed_precision,
        s.bcubed_recall,
        s.bcubed_f1,
        s.pairwise_precision,
        s.pairwise_recall,
        s.pairwise_f1,
        s.ari
    );
}

/// Share of the gold one-article stories whose article is alone in its found story.
fn singletons_alone(a: &Analysis, gold: &[String]) -> (usize, usize) {
    let mut size: BTreeMap<&str, usize> = BTreeMap::new();
    for g in gold {
        *size.entry(g).or_default() += 1;
    }
    let (mut alone, mut total) = (0, 0);
    for (i, g) in gold.iter().enumerate() {
        if size[g.as_str()] == 1 {
            total += 1;
            if a.stories.story_of(i).is_some_and(|s| s.articles.len() == 1) {
                alone += 1;
            }
        }
    }
    (alone, total)
}

/// The held-out stories (ids starting with `h`: written after the rules, by writers who never
/// read them) analysed as a folder of their own, as a user would open them.
fn report_held_out(corpus: &Corpus, gold: &[String]) {
    let keep: Vec<usize> = (0..gold.len())
        .filter(|&i| gold[i].starts_with('h'))
        .collect();
    if keep.is_empty() {
        return;
    }
    let mut held = corpus.clone();
    held.articles = keep.iter().map(|&i| corpus.articles[i].clone()).collect();
    let labels: Vec<String> = keep.iter().map(|&i| gold[i].clone()).collect();
    let a = analyse(&held, &Config::default());
    report(
        &format!("held-out folder ({} articles)", held.len()),
        &score(&found_labels(&a), &labels),
    );
    let (alone, total) = singletons_alone(&a, &labels);
    eprintln!("held-out one-article stories left alone: {alone} of {total}");
    // first measured at 1.000: twelve stories far apart, but grouped with the defaults
    assert!(
        meets_the_bar(&score(&found_labels(&a), &labels)),
        "held-out folder"
    );
    assert!(alone * 5 >= total * 4, "{alone} of {total}");
}

/// The held-out folder's bar: the B-cubed F1 0.85 and precision 0.92.
fn meets_the_bar(s: &Scores) -> bool {
    s.bcubed_f1 >= 0.85 && s.bcubed_precision >= 0.92
}

#[test]
fn the_news_corpus_is_grouped_into_its_stories() {
    let Some((corpus, gold, _)) = load() else {
        eprintln!("SKIPPED: {ROOT}/gold.json and articles/ are not there");
        return;
    };
    let a = analyse(&corpus, &Config::default());
    let s = score(&found_labels(&a), &gold);
    let stories: std::collections::BTreeSet<&String> = gold.iter().collect();
    eprintln!(
        "{} articles, {} gold stories, {} found",
        corpus.len(),
        stories.len(),
        a.stories.stories.len()
    );
    report("news corpus", &s);
    if std::env::var_os("PARALLAX_STORIES_SWEEP").is_some() {
        for t in [0.10, 0.15, 0.18, 0.20, 0.22, 0.25, 0.28, 0.30, 0.35, 0.40] {
            let g = parallax::analysis::stories::group_with(&corpus, &a.entities, &a.passages, t);
            report(&format!("threshold {t:.2}"), &score(&g.of_article, &gold));
        }
    }
    let (alone, total) = singletons_alone(&a, &gold);
    eprintln!("one-article stories left alone: {alone} of {total}");
    report_held_out(&corpus, &gold);
    // Precision 0.973 with recall 0.845 (F1 0.904) on 338 articles, with passages in more
    // than 50 articles no longer tying pairs and the speaker rules of this build.
    assert!(
        s.bcubed_precision >= 0.96,
        "B-cubed precision {:.3}",
        s.bcubed_precision
    );
    assert!(
        s.bcubed_recall >= 0.77,
        "B-cubed recall {:.3}",
        s.bcubed_recall
    );
    assert!(s.bcubed_f1 >= 0.89, "B-cubed F1 {:.3}", s.bcubed_f1);
    assert!(s.pairwise_f1 >= 0.83, "pairwise F1 {:.3}", s.pairwise_f1);
    assert!(s.ari >= 0.83, "ARI {:.3}", s.ari);
    // At least 4 of every 5 one-article stories are left alone (14 of 17 measured).
    assert!(total == 0 || alone * 5 >= total * 4, "{alone} of {total}");
}

#[test]
fn a_large_story_does_not_swallow_fifteen_others() {
    let Some((corpus, gold, names)) = load() else {
        eprintln!("SKIPPED: {ROOT}/gold.json and articles/ are not there");
        return;
    };
    let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, g) in gold.iter().enumerate() {
        members.entry(g).or_default().push(i);
    }
    let Some((big, _)) = members
        .iter()
        .max_by_key(|(s, m)| (m.len(), std::cmp::Reverse(*s)))
    else {
        return;
    };
    // unrelated: no gold entity in common with the large story or with another pick
    let mut taken: std::collections::BTreeSet<&str> = members[big]
        .iter()
        .flat_map(|&i| names[i].iter().map(String::as_str))
        .collect();
    let mut others: Vec<usize> = Vec::new();
    for (_, m) in members.iter().filter(|(s, _)| *s != big) {
        let i = m[0];
        if others.len() < 15 && names[i].iter().all(|n| !taken.contains(n.as_str())) {
            taken.extend(names[i].iter().map(String::as_str));
            others.push(i);
        }
    }
    if others.len() < 15 {
        eprintln!("SKIPPED: fewer than 16 stories");
        return;
    }
    let mut pick = members[big].clone();
    pick.extend(&others);
    let sub = Corpus {
        name: "one large story and fifteen others".into(),
        articles: pick.iter().map(|&i| corpus.articles[i].clone()).collect(),
    };
    let a = analyse(&sub, &Config::default());
    let first_other = members[big].len();
    if std::env::var_os("PARALLAX_STORIES_SWEEP").is_some() {
        for t in [0.10, 0.15, 0.18, 0.20, 0.22, 0.25, 0.30] {
            let g = parallax::analysis::stories::group_with(&sub, &a.entities, &a.passages, t);
            let alone = (first_other..sub.len())
                .filter(|&i| g.story_of(i).is_some_and(|s| s.articles.len() == 1))
                .count();
            eprintln!("threshold {t:.2}: {alone} of 15 others left alone");
        }
    }
    let alone = (first_other..sub.len())
        .filter(|&i| a.stories.story_of(i).is_some_and(|s| s.articles.len() == 1))
        .count();
    let big_story = a.stories.story_of(0).map_or(0, |s| s.articles.len());
    eprintln!(
        "large story {big} ({} articles): largest found group {big_story}; {alone} of 15 others left alone",
        members[big].len()
    );
    assert!(alone >= 12, "{alone} of 15 left alone");
}
