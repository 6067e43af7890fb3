//! Reopening a corpus through the cache, as the reader does it: a child of its own (a fresh
//! process, so nothing is warm but the page cache) opens the corpus with its bodies left for
//! later, takes the cached analysis, installs it in an app and draws the library: that is
//! the fully analysed screen. Then the bodies are read and the analysis checked against them.
//!
//! The cache is filled first by [`fill`] in the measuring child, which has the analysis at
//! hand; the cache key holds the build, so filling and reopening must be the same program.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use parallax::analysis::{Analysis, Config};
use parallax::cache::{self, Bodies};
use parallax::tui::action::Action;
use parallax::tui::app::App;
use parallax::tui::keymap::Keymap;
use parallax::tui::theme::Theme;
use parallax::tui::update::update;
use parallax::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::child::peak_mb;
use crate::figures::{Figures, cpu_ms};
use crate::screens::SIZE;

/// The cache folder of the corpus in `dir` (beside it, removed with it).
pub fn cache_dir(dir: &Path) -> PathBuf {
    let mut name = dir.as_os_str().to_owned();
    name.push(".cache");
    PathBuf::from(name)
}

/// Writes the corpus in `dir` and its `analysis` to the cache, as a first open does.
pub fn fill(dir: &Path, analysis: &Analysis, f: &mut Figures) {
    let start = Instant::now();
    let cache = Some(Ok(cache_dir(dir)));
    let mut opened = cache::open_corpus_in(&[dir.to_path_buf()], cache, Bodies::Later, &|_| {});
    opened.store_analysis(&Config::default(), analysis);
    f.time("cache_fill_ms", start);
    for w in &opened.warnings {
        eprintln!("scale: {w}");
    }
}

/// Fills the cache of the corpus in `dir` by analysing it (`--reopen DIR --fill`: to time
/// reopens of a corpus of one's own, by hand).
pub fn fill_by_analysing(dir: &Path) -> anyhow::Result<()> {
    let cache = Some(Ok(cache_dir(dir)));
    let mut opened = cache::open_corpus_in(&[dir.to_path_buf()], cache, Bodies::Now, &|_| {});
    let corpus = std::mem::take(&mut opened.loaded.corpus);
    opened.analysis(&corpus, &Config::default(), |_| {});
    eprintln!("scale: cache of {} filled", dir.display());
    Ok(())
}

/// The reopen of the corpus in `dir`, timed to the analysed screen and to the text.
/// With `screen_only`, stops at the analysed screen (to profile that part alone).
pub fn run(dir: &Path, screen_only: bool) -> anyhow::Result<()> {
    if let Ok(filter) = std::env::var("PARALLAX_LOG") {
        // The loader's own timings, on stderr (`PARALLAX_LOG=debug`).
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .init();
    }
    let mut f = Figures::default();
    let (start, cpu) = (Instant::now(), cpu_ms());
    let paths = [dir.to_path_buf()];
    let mut opened =
        cache::open_corpus_in(&paths, Some(Ok(cache_dir(dir))), Bodies::Later, &|_| {});
    let corpus = Arc::new(std::mem::take(&mut opened.loaded.corpus));
    f.time("reopen_corpus_ms", start);
    f.put("reopen_from_disk_n", opened.from_disk as f64);
    for w in &opened.warnings {
        eprintln!("scale: {w}");
    }
    let config = Config::default();
    let t = Instant::now();
    let analysis = opened.cached_analysis(&corpus, &config);
    anyhow::ensure!(
        analysis.is_some(),
        "no cached analysis: {:?}",
        opened.warnings
    );
    f.time("reopen_analysis_ms", t);
    let t = Instant::now();
    let analysis = analysis.unwrap_or_default();
    if screen_only {
        // The parts of the install, timed apart (and then again, whole).
        let mentions: usize = analysis
            .entities
            .entities
            .iter()
            .map(|e| e.mentions.len())
            .sum();
        let occurrences: usize = analysis
            .passages
            .passages
            .iter()
            .map(|p| p.occurrences.len())
            .sum();
        let quotes: usize = analysis.quotes.iter().map(Vec::len).sum();
        f.put("reopen_mentions_n", mentions as f64);
        f.put("reopen_occurrences_n", occurrences as f64);
        f.put("reopen_quotes_n", quotes as f64);
        let i = Instant::now();
        let index = parallax::tui::index::Index::build(&corpus, &analysis);
        f.time("reopen_index_ms", i);
        let i = Instant::now();
        let names = parallax::filter::Prepared::new(&analysis.entities);
        f.time("reopen_names_ms", i);
        drop((index, names));
    }
    let mut app = App::new(
        Arc::clone(&corpus),
        Keymap::builtin()?,
        Theme::builtin(false)?,
        SIZE,
    );
    update(&mut app, Action::AnalysisDone(Box::new(analysis)));
    let mut term = Terminal::new(TestBackend::new(SIZE.0, SIZE.1))?;
    let i = Instant::now();
    term.draw(|frame| view(&app, frame))?;
    f.time("reopen_draw_ms", i);
    f.time("reopen_install_ms", t);
    f.time("reopen_ms", start);
    f.put("reopen_cpu_ms", cpu_ms() - cpu);
    if screen_only {
        print!("{}", f.emit());
        return Ok(());
    }
    let t = Instant::now();
    let mut full = (*corpus).clone();
    drop(corpus);
    opened.fill_bodies(&mut full);
    let fits = opened.cached_analysis(&full, &config).is_some();
    anyhow::ensure!(
        fits,
        "the analysis does not fit the text: {:?}",
        opened.warnings
    );
    f.time("reopen_bodies_ms", t);
    f.time("reopen_text_ms", start);
    f.put("reopen_peak_mb", peak_mb());
    print!("{}", f.emit());
    Ok(())
}
