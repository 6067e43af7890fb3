//! The command line: parses arguments, loads the corpus (through the cache, see
//! [`crate::cache`]), reports load problems on stderr and dispatches to a subcommand or to
//! the TUI (which loads on its own worker, to show a first frame at once). This is an edge: errors become messages
//! and exit codes here (0 ok, 1 nothing could be loaded or a runtime failure, 2 usage).

mod args;
pub mod compare;
mod completions;
mod config;
mod entities;
mod export_passim;
mod list;
pub mod logging;
mod output;
mod quotes;
mod show;
mod table;

pub use args::{Cli, Command, Sources};

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use crate::cache::{self, Opened};
use crate::corpus::LoadProblem;

/// Exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok = 0,
    Failure = 1,
    Usage = 2,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s as u8)
    }
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let usage = e.use_stderr();
            let _ = e.print();
            return if usage { Status::Usage } else { Status::Ok }.into();
        }
    };
    let start = Instant::now();
    let log = logging::init();
    logging::install_panic_hook();
    tracing::info!(
        version = env!("CARGO_PKG_VERSION"),
        args = std::env::args_os().len().saturating_sub(1),
        command = %command_name(cli.command.as_ref()),
        pid = std::process::id(),
        log = %log.as_deref().map_or_else(|| "none".into(), |p| p.display().to_string()),
        "start"
    );
    match run(cli) {
        Ok(status) => {
            tracing::info!(status = status as u8, took = ?start.elapsed(), "exit");
            status.into()
        }
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("parallax: {e:#}");
            Status::Failure.into()
        }
    }
}

/// The subcommand's name for the log (`tui` without one), from its variant's name so that a
/// new subcommand needs nothing here.
fn command_name(command: Option<&Command>) -> String {
    command.map_or_else(
        || "tui".to_string(),
        |c| {
            let debug = format!("{c:?}");
            debug
                .split(|ch: char| !ch.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_lowercase()
        },
    )
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    match &cli.command {
        Some(Command::Config(a)) => return config::run(a),
        Some(Command::Completions(a)) => return completions::run(a.shell),
        Some(Command::Man) => return completions::man(),
        _ => {}
    }
    let settings = match config::load() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            return Ok(Status::Usage);
        }
    };
    crate::metadata::outlets::add_extra(settings.outlets.clone());
    if let Some(Command::Export(a)) = &cli.command {
        return export_passim::run(a);
    }
    let sources = cli.sources();
    if cli.command.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        // The reader opens at once and loads on its worker; problems are printed on exit.
        let mouse = cli.mouse || settings.mouse;
        let outcome = crate::tui::run(
            sources.paths.clone(),
            !sources.no_cache,
            &settings,
            mouse,
            sources.passim.clone(),
        )?;
        report(&outcome.problems, &outcome.warnings);
        if outcome.loaded && outcome.articles == 0 {
            eprintln!("parallax: no article could be loaded");
            return Ok(Status::Failure);
        }
        return Ok(Status::Ok);
    }
    let Some(mut opened) = load(sources) else {
        return Ok(Status::Failure);
    };
    let corpus = std::mem::take(&mut opened.loaded.corpus);
    let config = &settings.analysis;
    let passim = load_passim(&corpus, sources)?;
    let passim = passim.as_ref();
    let status = match cli.command {
        None => list::run_table(&corpus),
        Some(Command::List(a)) => list::run(&corpus, &a),
        Some(Command::Show(a)) => show::run(&corpus, &a),
        Some(Command::Entities(a)) => {
            let index = match opened.cached_analysis(&corpus, config) {
                Some(analysis) => analysis.entities,
                None => crate::analysis::entities::extract(&corpus),
            };
            entities::run(&corpus, &index, a.json)
        }
        Some(Command::Quotes(a)) => {
            let analysis = match passim {
                Some(c) => crate::passim::analyse_with_progress(&corpus, config, c, |_| {}),
                None => opened.analysis(&corpus, config, |_| {}),
            };
            quotes::run(&corpus, &analysis, &a)
        }
        Some(Command::Compare(a)) => {
            // the corpus passages, so a comparison shows what `quotes` says two articles share
            let passages = || opened.analysis(&corpus, config, |_| {}).passages.passages;
            compare::run(&corpus, &a, &settings, passim, passages)
        }
        Some(Command::Config(a)) => config::run(&a),
        Some(Command::Export(_) | Command::Completions(_) | Command::Man) => Ok(Status::Ok),
    };
    report(&[], &opened.warnings);
    status
}

/// passim's clusters over the corpus when `--passim OUT` is given; what could not be
/// placed is reported on stderr, an unreadable OUT is an error.
fn load_passim(
    corpus: &crate::corpus::Corpus,
    sources: &Sources,
) -> anyhow::Result<Option<crate::passim::Clusters>> {
    let Some(path) = &sources.passim else {
        return Ok(None);
    };
    let clusters = crate::passim::read_clusters(path, corpus)?;
    for p in &clusters.problems {
        eprintln!("parallax: {}", crate::text::sanitize_for_terminal(p));
    }
    Ok(Some(clusters))
}

/// Loads the corpus (the seeds when no path is given) through the cache unless
/// `--no-cache`, reports every problem on stderr, and returns `None` when nothing at all
/// could be loaded.
fn load(sources: &Sources) -> Option<Opened> {
    let start = Instant::now();
    let mut opened = cache::open_corpus(
        &sources.paths,
        !sources.no_cache,
        cache::Bodies::Now,
        &|_| {},
    );
    tracing::info!(
        articles = opened.loaded.corpus.len(),
        problems = opened.loaded.problems.len(),
        elapsed = ?start.elapsed(),
        "corpus loaded"
    );
    for p in &opened.loaded.problems {
        tracing::warn!("load: {p}");
    }
    report(&opened.loaded.problems, &opened.warnings);
    opened.warnings.clear();
    if opened.loaded.corpus.is_empty() {
        tracing::error!("no article could be loaded");
        eprintln!("parallax: no article could be loaded");
        return None;
    }
    Some(opened)
}

/// Prints load problems and cache warnings on stderr, one line each.
fn report(problems: &[LoadProblem], warnings: &[String]) {
    for p in problems {
        eprintln!("parallax: {p}");
    }
    for w in warnings {
        eprintln!("parallax: {}", crate::text::sanitize_for_terminal(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_names_the_subcommand() {
        let name = |args: &[&str]| {
            let cli = Cli::try_parse_from(args).unwrap();
            command_name(cli.command.as_ref())
        };
        assert_eq!(name(&["parallax", "compare", "a", "b"]), "compare");
        assert_eq!(name(&["parallax", "list", "--json"]), "list");
        assert_eq!(name(&["parallax", "some/folder"]), "tui");
    }
}
