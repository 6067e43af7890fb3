use std::path::PathBuf;
use std::sync::Mutex;

use super::*;

const PASSIM_CORPUS: &str = "tests/fixtures/passim/corpus.jsonl";
const PASSIM_OUT: &str = "tests/fixtures/passim/out";

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// What each event of a run was, in order, by name.
fn steps(request: &Request, dir: Option<&std::path::Path>) -> (Vec<String>, Vec<Analysis>) {
    let seen = Mutex::new((Vec::new(), Vec::new()));
    let sink = |e: Event| {
        let mut seen = seen.lock().unwrap();
        let name = match &e {
            Event::Loading { .. } => "loading",
            Event::Corpus(..) => "corpus",
            Event::Bodies(_, Fit::Fits) => "bodies",
            Event::Bodies(_, Fit::Stale) => "bodies (stale)",
            Event::Passim(_) => "passim",
            Event::Stage(_) => "stage",
            Event::Analysis(..) => "analysis",
            Event::Warnings(w) if w.is_empty() => return,
            Event::Warnings(_) => "warnings",
            Event::Failed(_) => "failed",
        };
        if seen.0.last().map(String::as_str) != Some(name) {
            seen.0.push(name.to_string());
        }
        if let Event::Analysis(_, a) = e {
            seen.1.push(a);
        }
    };
    run_in(
        request,
        dir.map(|d| Ok(d.to_path_buf())),
        &Config::default(),
        &sink,
    );
    seen.into_inner().unwrap()
}

#[test]
fn the_seeds_load_then_analyse_stage_by_stage() {
    let (names, analyses) = steps(&Request::default(), None);
    assert_eq!(names, ["loading", "corpus", "stage", "analysis"]);
    let corpus = crate::corpus::load_seeds().corpus;
    let direct = crate::analysis::analyse(&corpus, &Config::default());
    assert_eq!(analyses[0].passages, direct.passages);
    assert_eq!(analyses[0].quotes.len(), direct.quotes.len());
}

#[test]
fn a_reopened_corpus_shows_its_cached_analysis_before_its_bodies() {
    let cache = tempfile::tempdir().unwrap();
    let request = Request {
        paths: vec![fixture(PASSIM_CORPUS)],
        use_cache: true,
        ..Request::default()
    };
    let (first, _) = steps(&request, Some(cache.path()));
    assert_eq!(first, ["loading", "corpus", "stage", "analysis"]);
    let (again, analyses) = steps(&request, Some(cache.path()));
    assert_eq!(again, ["loading", "corpus", "analysis", "bodies"]);
    assert_eq!(analyses.len(), 1, "computed again: {again:?}");
}

#[test]
fn a_passim_analysis_is_cached_apart_from_parallaxs_own() {
    let cache = tempfile::tempdir().unwrap();
    let own = Request {
        paths: vec![fixture(PASSIM_CORPUS)],
        use_cache: true,
        ..Request::default()
    };
    let passim = Request {
        passim: Some(fixture(PASSIM_OUT)),
        ..own.clone()
    };
    let (_, own_first) = steps(&own, Some(cache.path()));
    let (names, with_passim) = steps(&passim, Some(cache.path()));
    assert!(names.contains(&"passim".to_string()) && names.contains(&"stage".to_string()));
    assert_ne!(
        own_first[0].passages, with_passim[0].passages,
        "passim's clusters are the passages, not the cached own ones"
    );
    let (names, again) = steps(&passim, Some(cache.path()));
    assert!(!names.contains(&"stage".to_string()), "cached: {names:?}");
    assert_eq!(again[0].passages, with_passim[0].passages);
}

#[test]
fn unreadable_passim_output_fails_the_analysis_not_the_load() {
    let request = Request {
        paths: vec![fixture(PASSIM_CORPUS)],
        passim: Some(fixture("tests/fixtures/passim/no-such-output")),
        ..Request::default()
    };
    let (names, analyses) = steps(&request, None);
    assert_eq!(names, ["loading", "corpus", "failed"]);
    assert!(analyses.is_empty());
}

#[test]
fn the_command_line_and_the_reader_get_the_same_analysis() {
    let request = Request {
        paths: vec![fixture(PASSIM_CORPUS)],
        passim: Some(fixture(PASSIM_OUT)),
        ..Request::default()
    };
    let mut p = open_in(&request, None, Bodies::Now, &|_| {});
    let (corpus, _) = p.take_loaded();
    p.read_passim(&request, &corpus).unwrap();
    let blocking = p.analysis(&corpus, &Config::default(), |_| {});
    let (_, streamed) = steps(&request, None);
    assert_eq!(blocking.passages, streamed[0].passages);
    assert_eq!(blocking.stories, streamed[0].stories);
}
