//! Entity extraction measured on the realistic news corpus (`tests/corpus/news/`): each
//! article is linked to the entities whose mentions it holds (the way the filter uses them),
//! and that set is scored against the article's gold entities.
//!
//! A predicted entity matches a gold one when its name or one of its aliases equals the gold
//! name or one of its variants, case and diacritics folded; matching is one to one within an
//! article (a second predicted entity for the same gold one counts as a false positive).
//! Figures: untyped and typed precision, recall and F1 (micro over articles); gold persons
//! split into two or more predicted entities (a surname or initials form left apart from the
//! full name counts); junk among the 30 entities named in most articles (no gold match in any
//! of their articles). `PARALLAX_EVAL_VERBOSE=1` prints the misses, the false positives, the
//! splits and the junk.
//!
//! Run: `cargo test --release --test entities_eval -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use parallax::analysis::entities::{Entity, EntityKind, extract};
use parallax::corpus::{Corpus, Format, load_bytes};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
struct GoldArticle {
    file: String,
    story: String,
    encoding: String,
    format: String,
    entities: Vec<GoldEntity>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    variants: Vec<String>,
}

impl GoldEntity {
    fn keys(&self) -> BTreeSet<String> {
        std::iter::once(&self.name)
            .chain(&self.variants)
            .map(|n| fold(n))
            .collect()
    }

    fn kind(&self) -> Option<EntityKind> {
        match self.kind.as_str() {
            "person" => Some(EntityKind::Person),
            "org" => Some(EntityKind::Organization),
            "place" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

/// Lower case, diacritics removed, curly apostrophes straightened, spaces collapsed.
fn fold(name: &str) -> String {
    let s: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn entity_keys(e: &Entity) -> BTreeSet<String> {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|n| fold(n))
        .collect()
}

/// Whether a predicted name is a short form of a gold person: the surname alone, or
/// initials and the surname ("C. Ambrose", "C Ambrose").
fn short_form(pred: &str, gold: &str) -> bool {
    let Some((first, surname)) = gold.rsplit_once(' ') else {
        return false;
    };
    if pred == surname {
        return true;
    }
    pred.strip_suffix(surname)
        .map(|head| head.trim_end().trim_end_matches('.'))
        .is_some_and(|head| head.chars().count() == 1 && first.starts_with(head))
}

#[derive(Default)]
struct Counts {
    tp: usize,
    pred: usize,
    gold: usize,
}

impl Counts {
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / self.pred.max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

struct Report {
    untyped: Counts,
    typed: Counts,
    /// The same over the held-out stories alone (ids starting with `h`: written after the
    /// rules, by writers who never read them).
    held_out: [Counts; 2],
    split_persons: usize,
    gold_persons: usize,
    junk_top30: Vec<String>,
    log: Vec<String>,
}

/// The bytes of an article file as UTF-8: decoded with its gold encoding (decoding legacy
/// encodings is not what this test measures), an HTML page's charset declaration updated.
fn utf8_bytes(path: &Path, a: &GoldArticle) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("read article");
    let text = match a.encoding.as_str() {
        "utf-8" | "utf-8-bom" => encoding_rs::UTF_8.decode(&bytes).0.into_owned(),
        "utf-16" => encoding_rs::UTF_16LE.decode(&bytes).0.into_owned(),
        label => {
            let enc = encoding_rs::Encoding::for_label(label.as_bytes()).expect("known label");
            enc.decode_without_bom_handling(&bytes).0.into_owned()
        }
    };
    if a.format == "html" {
        text.replace(a.encoding.as_str(), "utf-8").into_bytes()
    } else {
        text.into_bytes()
    }
}

/// The corpus of the gold files, one file at a time.
fn load(dir: &Path, gold: &Gold) -> Corpus {
    let mut articles = Vec::new();
    for a in &gold.articles {
        let path = dir.join("articles").join(&a.file);
        let format = Format::of(&path).unwrap_or(Format::Text);
        let loaded = load_bytes(&path, &utf8_bytes(&path, a), format);
        articles.extend(loaded.corpus.articles);
    }
    Corpus {
        name: "news".into(),
        articles,
    }
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news")
}

/// Greedy one-to-one matching of predicted entities to gold entities within one article:
/// (predicted, gold) pairs.
fn match_article(
    preds: &[usize],
    pred_keys: &[BTreeSet<String>],
    gold: &[GoldEntity],
) -> Vec<(usize, usize)> {
    let mut used = vec![false; gold.len()];
    let mut pairs = Vec::new();
    for &p in preds {
        let hit = gold
            .iter()
            .enumerate()
            .find(|(g, ge)| !used[*g] && !ge.keys().is_disjoint(&pred_keys[p]));
        if let Some((g, _)) = hit {
            used[g] = true;
            pairs.push((p, g));
        }
    }
    pairs
}

fn evaluate() -> Report {
    let dir = corpus_dir();
    let raw = std::fs::read_to_string(dir.join("gold.json")).expect("read gold.json");
    let gold: Gold = serde_json::from_str(&raw).expect("gold.json parses");
    let corpus = load(&dir, &gold);
    assert!(
        corpus.articles.len() >= gold.articles.len(),
        "{} articles for {} gold files",
        corpus.articles.len(),
        gold.articles.len()
    );
    let index = extract(&corpus);
    let pred_keys: Vec<BTreeSet<String>> = index.entities.iter().map(entity_keys).collect();
    let mut by_article: Vec<Vec<usize>> = vec![Vec::new(); corpus.articles.len()];
    for (e, entity) in index.entities.iter().enumerate() {
        for a in entity.articles() {
            by_article[a].push(e);
        }
    }
    let gold_of: HashMap<&str, &GoldArticle> =
        gold.articles.iter().map(|a| (a.file.as_str(), a)).collect();
    let mut report = Report {
        untyped: Counts::default(),
        typed: Counts::default(),
        held_out: Default::default(),
        split_persons: 0,
        gold_persons: 0,
        junk_top30: Vec::new(),
        log: Vec::new(),
    };
    let mut matched_entity = vec![false; index.entities.len()];
    // Gold person -> the predicted entities that name it (in full or in short).
    let mut person_preds: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (ai, article) in corpus.articles.iter().enumerate() {
        let file = Path::new(&article.path)
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        let Some(g) = gold_of.get(file) else {
            report.log.push(format!("NO GOLD for {}", article.path));
            continue;
        };
        let preds = &by_article[ai];
        let pairs = match_article(preds, &pred_keys, &g.entities);
        report.untyped.tp += pairs.len();
        report.untyped.pred += preds.len();
        report.untyped.gold += g.entities.len();
        report.typed.pred += preds.len();
        report.typed.gold += g.entities.len();
        for &(p, gi) in &pairs {
            matched_entity[p] = true;
            if g.entities[gi].kind() == Some(index.entities[p].kind) {
                report.typed.tp += 1;
            } else {
                report.log.push(format!(
                    "{file}: TYPE {} is {}, gold {}",
                    g.entities[gi].name,
                    index.entities[p].kind.as_str(),
                    g.entities[gi].kind
                ));
            }
        }
        for ge in g.entities.iter().filter(|ge| ge.kind == "person") {
            let keys = ge.keys();
            let set = person_preds.entry(ge.name.clone()).or_default();
            for &p in preds {
                let named = pred_keys[p]
                    .iter()
                    .any(|k| keys.contains(k) || keys.iter().any(|gk| short_form(k, gk)));
                if named {
                    set.insert(p);
                }
            }
        }
        if g.story.starts_with('h') {
            let typed = pairs
                .iter()
                .filter(|&&(p, gi)| g.entities[gi].kind() == Some(index.entities[p].kind))
                .count();
            for (c, tp) in report.held_out.iter_mut().zip([pairs.len(), typed]) {
                c.tp += tp;
                c.pred += preds.len();
                c.gold += g.entities.len();
            }
        }
        let got: BTreeSet<usize> = pairs.iter().map(|&(_, g)| g).collect();
        for (gi, ge) in g.entities.iter().enumerate() {
            if !got.contains(&gi) {
                report
                    .log
                    .push(format!("{file}: MISS {} ({})", ge.name, ge.kind));
            }
        }
        let paired: BTreeSet<usize> = pairs.iter().map(|&(p, _)| p).collect();
        for &p in preds.iter().filter(|p| !paired.contains(p)) {
            let e = &index.entities[p];
            report
                .log
                .push(format!("{file}: FALSE {} ({})", e.name, e.kind.as_str()));
        }
    }
    report.gold_persons = person_preds.len();
    for (name, preds) in &person_preds {
        if preds.len() >= 2 {
            report.split_persons += 1;
            let names: Vec<&str> = preds
                .iter()
                .map(|&p| index.entities[p].name.as_str())
                .collect();
            report.log.push(format!("SPLIT {name}: {names:?}"));
        }
    }
    for (e, entity) in index.entities.iter().enumerate().take(30) {
        if !matched_entity[e] {
            report.junk_top30.push(format!(
                "{} ({}, {} articles)",
                entity.name,
                entity.kind.as_str(),
                entity.articles().len()
            ));
        }
    }
    report
}

#[test]
fn entities_on_the_news_corpus() {
    let r = evaluate();
    if std::env::var_os("PARALLAX_EVAL_VERBOSE").is_some() {
        for line in &r.log {
            println!("{line}");
        }
        for j in &r.junk_top30 {
            println!("JUNK {j}");
        }
    }
    let (up, ur, uf) = r.untyped.prf();
    let (tp, tr, tf) = r.typed.prf();
    println!("entities on the news corpus (per article, micro):");
    println!("  untyped P {up:.3} R {ur:.3} F1 {uf:.3}");
    println!("  typed   P {tp:.3} R {tr:.3} F1 {tf:.3}");
    let [(_, _, hu), (_, _, ht)] = r.held_out.each_ref().map(Counts::prf);
    println!("  held-out stories: untyped F1 {hu:.3}, typed F1 {ht:.3}");
    println!(
        "  gold persons split: {} of {}",
        r.split_persons, r.gold_persons
    );
    println!("  junk in the top 30 entities: {}", r.junk_top30.len());
    // Floors: the figures reached (0.891, 0.783, 18 of 352, 4) minus a small margin. The
    // held-out stories were first measured at 0.863 untyped and 0.724 typed (now 0.751).
    assert!(uf >= 0.88, "untyped F1 {uf:.3}");
    assert!(tf >= 0.77, "typed F1 {tf:.3}");
    assert!(hu >= 0.85 && ht >= 0.73, "held-out F1 {hu:.3}, {ht:.3}");
    assert!(r.split_persons <= 20, "{} persons split", r.split_persons);
    assert!(r.junk_top30.len() <= 6, "junk: {:?}", r.junk_top30);
}
