//! The scale benchmark: one table of what parallax costs at 1k, 10k and 100k
//! articles, next to the budgets.
//!
//! For each size the corpus is generated with `parallax::synth` into a temporary folder
//! (raw files in the seeds' shapes, planted truth beside it; deleted afterwards), timed
//! against the floor (`wc -w` over the same files), then measured in a child process of
//! its own (this program re-run with `--child DIR`) so that its peak memory is that size's
//! alone: load through the real loader, entities, quotes, shared passages, planted recall
//! and precision, the filter's latency per keystroke and the render time of every screen
//! at 200x60; that child then fills a cache, and a third process reopens the corpus through
//! it (to the fully analysed library, then to the text). Before it, another child analyses
//! the corpus without stories (`--child DIR --without-stories`): the difference is what
//! stories add. Last, the first frame of the real binary on the seeds, in a
//! pseudo-terminal.
//!
//! `cargo bench --bench scale -- --sizes 1000,10000,100000` (the default sizes); `--runs N`
//! measures each size N times and keeps the fastest run; `--dir DIR` writes the corpora
//! under DIR instead of `/dev/shm`.

mod child;
mod figures;
mod floor;
mod reopen;
mod screens;
mod table;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::Context as _;
use parallax::synth::{self, SynthConfig};

use figures::Figures;

const DEFAULT_SIZES: &[usize] = &[1_000, 10_000, 100_000];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        // `PARALLAX_LOG=debug` shows the analysis' sub-steps and their times on stderr.
        if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG") {
            tracing_subscriber::fmt()
                .with_env_filter(filter)
                .with_writer(std::io::stderr)
                .init();
        }
        let dir = Path::new(args.get(i + 1).context("--child needs a folder")?);
        if args.iter().any(|a| a == "--without-stories") {
            return child::run_without_stories(dir);
        }
        return child::run(dir);
    }
    if let Some(i) = args.iter().position(|a| a == "--reopen") {
        let dir = Path::new(args.get(i + 1).context("--reopen needs a folder")?);
        if args.iter().any(|a| a == "--fill") {
            return reopen::fill_by_analysing(dir);
        }
        return reopen::run(dir, args.iter().any(|a| a == "--screen-only"));
    }
    if !args.iter().any(|a| a == "--bench") {
        // Run as a test (`cargo test --benches`): nothing to measure.
        println!("scale: run with `cargo bench --bench scale`");
        return Ok(());
    }
    let sizes = sizes(&args)?;
    let runs = match args.iter().position(|a| a == "--runs") {
        Some(i) => args
            .get(i + 1)
            .and_then(|r| r.parse().ok())
            .context("--runs N")?,
        None => 1,
    };
    let tmp = scratch(&args)?;
    let mut columns = Vec::new();
    for &n in &sizes {
        columns.push(measure_size(n, tmp.path(), runs)?);
    }
    let first = floor::first_frame(7)?;
    table::print(&columns, &first);
    Ok(())
}

/// The temporary folder corpora are written to: under `--dir DIR` if given, else in
/// `/dev/shm` where it exists (a memory file system: writing 100,000 files to a disk file
/// system is dominated by its inode allocation, which is not what is measured here), else
/// in the system's temporary folder.
fn scratch(args: &[String]) -> anyhow::Result<tempfile::TempDir> {
    let shm = Path::new("/dev/shm");
    let parent = match args.iter().position(|a| a == "--dir") {
        Some(i) => Some(Path::new(args.get(i + 1).context("--dir needs a folder")?)),
        None => shm.is_dir().then_some(shm),
    };
    let dir = match parent {
        Some(p) => tempfile::Builder::new()
            .prefix("parallax-scale-")
            .tempdir_in(p),
        None => tempfile::tempdir(),
    };
    dir.context("temporary folder")
}

/// `--sizes 1000,10000` (default: 1k, 10k and 100k).
fn sizes(args: &[String]) -> anyhow::Result<Vec<usize>> {
    let Some(i) = args.iter().position(|a| a == "--sizes") else {
        return Ok(DEFAULT_SIZES.to_vec());
    };
    let list = args.get(i + 1).context("--sizes needs a list")?;
    list.split(',')
        .map(|s| s.trim().replace('_', "").parse::<usize>())
        .collect::<Result<_, _>>()
        .context("--sizes: numbers separated by commas")
}

/// The generator's settings for a corpus of `n` articles (the issue's: 200–1,500 words).
pub fn config(n: usize) -> SynthConfig {
    SynthConfig {
        seed: 1,
        articles: n,
        min_words: 200,
        max_words: 1500,
        ..SynthConfig::default()
    }
}

/// Generates `n` articles under `tmp`, times the floor, measures parallax in a child
/// process (`runs` times, keeping the fastest run: the machine is shared) and removes the
/// corpus. Each run also analyses the corpus without stories in a child of its own, just
/// before or after (alternately): what stories add is the median over the runs of each
/// run's difference.
fn measure_size(n: usize, tmp: &Path, runs: usize) -> anyhow::Result<Figures> {
    let dir = tmp.join(format!("synth-{n}"));
    let (t, cpu) = (Instant::now(), figures::cpu_ms());
    synth::write(&config(n), &dir).context("writing the corpus")?;
    let generate = t.elapsed();
    let generate_cpu = figures::cpu_ms() - cpu;
    eprintln!("scale: {n} articles generated and written in {generate:.2?}");
    let mut best: Option<Figures> = None;
    // what stories add, as the difference within each run (a pair run back to back)
    let mut added: Vec<[f64; 3]> = Vec::new();
    for run in 0..runs.max(1) {
        let (w, mut f) = pair(&dir, run)?;
        let diff = ADDED.map(|key| f.get(key).unwrap_or(0.0) - w.get(key).unwrap_or(0.0));
        eprintln!(
            "scale: {n} articles, run {}: stories add {:.2} s, {:.2} CPU-s, {:.0} MB of peak",
            run + 1,
            diff[0] / 1e3,
            diff[1] / 1e3,
            diff[2]
        );
        added.push(diff);
        f.extend(run_child(&dir, &["--reopen"])?);
        std::fs::remove_dir_all(reopen::cache_dir(&dir)).ok();
        let (wc_time, words) = floor::wc(&dir)?;
        f.put("wc_ms", wc_time.as_secs_f64() * 1e3);
        f.put("words", words as f64);
        let total = |f: &Figures| f.get("total_ms").unwrap_or(f64::MAX);
        if best.as_ref().is_none_or(|b| total(&f) < total(b)) {
            best = Some(f);
        }
    }
    let mut f = best.unwrap_or_default();
    for (k, key) in ADDED.iter().enumerate() {
        let mut each: Vec<f64> = added.iter().map(|a| a[k]).collect();
        f.put(
            &format!("stories_added_{key}"),
            figures::median_max(&mut each).0,
        );
    }
    f.put("articles", n as f64);
    f.put("generate_ms", generate.as_secs_f64() * 1e3);
    f.put("generate_cpu_ms", generate_cpu);
    std::fs::remove_dir_all(&dir).ok();
    std::fs::remove_file(synth::truth_path(&dir)).ok();
    Ok(f)
}

/// Run `run` of the measuring child on `dir`, without stories and with them, in an order
/// that alternates from run to run, so that a machine growing busier or quieter does not
/// lean every difference the same way.
fn pair(dir: &Path, run: usize) -> anyhow::Result<(Figures, Figures)> {
    let without = || run_child(dir, &["--child", "--without-stories"]);
    let with = || run_child(dir, &["--child"]);
    Ok(if run % 2 == 0 {
        (without()?, with()?)
    } else {
        let f = with()?;
        (without()?, f)
    })
}

/// The figures compared between the analysis with and without stories.
const ADDED: [&str; 3] = ["analysis_ms", "analysis_cpu_ms", "peak_analysis_mb"];

/// This program re-run as the measuring child on `dir` (`--child`, or `--child
/// --without-stories` for the analysis without story grouping), or as the reopening one
/// (`--reopen`, after the first filled the cache).
fn run_child(dir: &Path, role: &[&str]) -> anyhow::Result<Figures> {
    let exe = std::env::current_exe().context("own executable")?;
    let out = Command::new(exe)
        .arg(role[0])
        .arg(dir)
        .args(&role[1..])
        .stderr(Stdio::inherit())
        .output()
        .context("running the measuring child")?;
    anyhow::ensure!(out.status.success(), "child failed: {}", out.status);
    Ok(Figures::parse(&String::from_utf8_lossy(&out.stdout)))
}
