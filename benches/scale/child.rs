//! The measuring child: one corpus size in a process of its own, so that its peak memory
//! is that size's alone. Prints its figures to stdout as `name value` lines. Last, it fills
//! a cache with the corpus and its analysis for the reopen ([`crate::reopen`]).

use std::path::Path;
use std::time::Instant;

use parallax::analysis::{self, Analysis, Config, Stage};
use parallax::corpus::{self, Corpus};
use parallax::synth::{self, Planted};
use rustc_hash::FxHashMap;

use crate::figures::{Figures, cpu_ms};
use crate::{reopen, screens};

/// Loads and analyses the corpus in `dir` as the app does, scores it against the planted
/// truth, then times the filter and the screens.
pub fn run(dir: &Path) -> anyhow::Result<()> {
    let mut f = Figures::default();
    let cpu = cpu_ms();
    let start = Instant::now();
    let loaded = corpus::load_paths(&[dir.to_path_buf()]);
    f.time("load_ms", start);
    f.put("load_cpu_ms", cpu_ms() - cpu);
    let corpus = loaded.corpus;
    let analysed = (Instant::now(), cpu_ms());
    let analysis = analyse(&corpus, &mut f);
    f.time("analysis_ms", analysed.0);
    f.put("analysis_cpu_ms", cpu_ms() - analysed.1);
    f.time("total_ms", start);
    f.put("cpu_ms", cpu_ms() - cpu);
    f.put("peak_analysis_mb", peak_mb());
    f.put("entities_n", analysis.entities.entities.len() as f64);
    f.put("passages_n", analysis.passages.passages.len() as f64);
    score(dir, &corpus, &analysis, &mut f)?;
    let mut app = screens::measure(corpus, analysis, &mut f)?;
    f.put("peak_mb", peak_mb());
    app.corpus = Default::default();
    reopen::fill(dir, &app.analysis, &mut f);
    print!("{}", f.emit());
    Ok(())
}

/// The analysis without story grouping (and without counting the story terms beside the
/// passage search), to measure what stories add to a run: prints `analysis_ms`,
/// `analysis_cpu_ms` and `peak_analysis_mb` alone.
pub fn run_without_stories(dir: &Path) -> anyhow::Result<()> {
    let corpus = corpus::load_paths(&[dir.to_path_buf()]).corpus;
    let config = Config::default();
    let start = (Instant::now(), cpu_ms());
    let (analysis, _) = analysis::analyse_before_stories(
        &corpus,
        |_| {},
        || analysis::passages::tokenize_corpus(&corpus),
        |tokens, quotes, _| {
            let (found, tokens, ()) =
                analysis::passages::find_beside(tokens, &corpus, quotes, &config, |_| ());
            tokens.drop_in_parallel();
            (found, None)
        },
    );
    let mut f = Figures::default();
    f.time("analysis_ms", start.0);
    f.put("analysis_cpu_ms", cpu_ms() - start.1);
    f.put("peak_analysis_mb", peak_mb());
    drop(analysis);
    print!("{}", f.emit());
    Ok(())
}

/// The analysis as the app runs it, timed from one stage's end to the next. The stages
/// overlap (the passages' tokens are made while the entities are merged and the quotes
/// found), so `passages` is what is left of them once the quotes are in.
fn analyse(corpus: &Corpus, f: &mut Figures) -> Analysis {
    let marks = std::sync::Mutex::new(Vec::new());
    let start = (Instant::now(), cpu_ms());
    let analysis = analysis::analyse_with_progress(corpus, &Config::default(), |stage| {
        if let Ok(mut m) = marks.lock() {
            m.push((stage, Instant::now(), cpu_ms()));
        }
    });
    let mut last = start;
    for (stage, at, cpu) in marks.into_inner().unwrap_or_default() {
        let name = match stage {
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
            Stage::Passages => "passages",
            Stage::Stories => "stories",
        };
        f.put(&format!("{name}_ms"), (at - last.0).as_secs_f64() * 1e3);
        f.put(&format!("{name}_cpu_ms"), cpu - last.1);
        last = (at, cpu);
    }
    analysis
}

/// Planted recall and precision of the shared passages found.
fn score(dir: &Path, corpus: &Corpus, a: &Analysis, f: &mut Figures) -> anyhow::Result<()> {
    let truth = synth::read_truth(&synth::truth_path(dir))?;
    let planted = truth.len();
    let truth = relocate(corpus, truth);
    f.put("truth_lost", (planted - truth.len()) as f64);
    let s = synth::eval::evaluate(&a.passages, &truth);
    f.put("recall", s.recall());
    f.put("precision", s.precision());
    // the generator's story clusters as gold stories (each article's first cluster member)
    let seed = crate::config(corpus.len()).seed;
    let (found, gold): (Vec<usize>, Vec<usize>) = corpus
        .articles
        .iter()
        .enumerate()
        .filter_map(|(k, art)| {
            let i: usize = art.id.strip_prefix("syn")?.parse().ok()?;
            let members = synth::story::story_of(seed, i).members;
            Some((a.stories.of_article.get(k).copied()?, *members.first()?))
        })
        .unzip();
    let st = analysis::stories::eval::score(&found, &gold);
    f.put("stories_bcubed_p", st.bcubed_precision);
    f.put("stories_bcubed_r", st.bcubed_recall);
    Ok(())
}

/// The truth in the loaded corpus: article indices by id, and spans moved to where the
/// planted text lies in the loaded body (the same place unless the loader kept or dropped
/// lines the generator counts differently). Instances whose text is gone are left out.
fn relocate(corpus: &Corpus, truth: Vec<Planted>) -> Vec<Planted> {
    let by_id: FxHashMap<&str, usize> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    truth
        .into_iter()
        .filter_map(|mut t| {
            let idx = *by_id.get(format!("syn{:06}", t.article).as_str())?;
            let body = &corpus.articles[idx].body;
            if body.get(t.span.clone()) != Some(t.text.as_str()) {
                let at = body.find(&t.text)?;
                t.span = at..at + t.text.len();
            }
            t.article = idx;
            Some(t)
        })
        .collect()
}

/// Peak resident memory of this process so far (VmHWM), in MB; 0 where unknown.
pub fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}
