//! The command line: parses arguments, loads the corpus (through the cache, see
//! [`crate::cache`]), reports load problems on stderr and dispatches to a subcommand or to
//! the TUI (which loads on its own worker, to show a first frame at once). This is an edge: errors become messages
//! and exit codes here (0 ok, 1 nothing could be loaded or a runtime failure, 2 usage).

mod args;
pub mod compare;
mod completions;
mod config;
mod dispatch;
mod entities;
mod export_passim;
mod grid;
mod list;
mod omissions;
mod output;
mod passages;
mod quotes;
mod resolve;
mod show;
mod stories;
mod table;

pub use args::{Cli, Command, Sources};

use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use crate::cache;
use crate::corpus::LoadProblem;
use crate::logging;
use crate::pipeline::Pipeline;
use output::say;

/// Exit status of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0.
    Ok,
    /// 1: nothing could be loaded, or a runtime failure.
    Failure,
    /// 2: a usage or configuration error.
    Usage,
    /// 128 + the signal's number: the reader was ended by SIGTERM, SIGHUP or SIGINT (after
    /// restoring the terminal), as shells and service managers expect of a killed program.
    Signal(i32),
}

impl Status {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Failure => 1,
            Status::Usage => 2,
            Status::Signal(n) => u8::try_from(128 + n.clamp(1, 127)).unwrap_or(u8::MAX),
        }
    }
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> Self {
        ExitCode::from(s.code())
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
            tracing::info!(status = status.code(), took = ?start.elapsed(), "exit");
            status.into()
        }
        Err(e) => {
            let message = error_message(&e);
            tracing::error!("{message}");
            say!("parallax: {message}");
            Status::Failure.into()
        }
    }
}

/// An error and its causes on one line, `a: b: c`, leaving out a cause whose text the line
/// already holds (an error that prints its source, wrapped by one that prints it again,
/// would otherwise say "Is a directory (os error 21): Is a directory (os error 21)").
fn error_message(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
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
            say!("parallax: {}", error_message(&e));
            return Ok(Status::Usage);
        }
    };
    let sources = cli.sources();
    if let Some(Err(e)) = sources.passim.as_deref().map(crate::passim::check_path) {
        say!(
            "parallax: {}",
            crate::text::sanitize_for_terminal(&e.to_string())
        );
        return Ok(Status::Usage);
    }
    if let Some(path) = sources.sidecar.as_deref()
        && let Err(e) = crate::metadata::sidecar::Sidecar::check(path)
    {
        let path = crate::text::sanitize_for_terminal(&path.to_string_lossy()).into_owned();
        say!("parallax: --sidecar {path}: cannot read: {e}");
        return Ok(Status::Usage);
    }
    if let Some(Command::Export(a)) = &cli.command {
        // A signal during the write leaves no temporary file behind.
        if let Err(e) = crate::fsio::interrupt::remove_on_signal() {
            tracing::warn!("no signal watcher: {e}");
        }
        return export_passim::run(a, &settings);
    }
    let hints = match hints(sources, &settings) {
        Ok(h) => h,
        Err(e) => {
            say!("parallax: {e}");
            return Ok(Status::Usage);
        }
    };
    if cli.command.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return dispatch::reader(&cli, &settings, hints);
    }
    dispatch::subcommand(&cli, &settings, &hints)
}

/// The pipeline's request for these sources and the metadata the user states.
fn request(sources: &Sources, hints: &crate::metadata::Hints) -> crate::pipeline::Request {
    crate::pipeline::Request {
        paths: sources.paths.clone(),
        use_cache: !sources.no_cache,
        passim: sources.passim.clone(),
        hints: hints.clone(),
    }
}

/// Opens the corpus (the seeds when no path is given) through the pipeline, reports every
/// problem on stderr, and returns `None` when nothing at all could be loaded.
fn load(request: &crate::pipeline::Request) -> Option<Pipeline> {
    let start = Instant::now();
    let mut p = crate::pipeline::open(request, cache::Bodies::Now, &|_| {});
    let opened = &mut p.opened;
    tracing::info!(
        articles = opened.loaded.corpus.len(),
        problems = opened.loaded.problems.len(),
        from_cache = opened.from_cache,
        from_disk = opened.from_disk,
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
        say!("parallax: no article could be loaded");
        return None;
    }
    Some(p)
}

/// Where the user states metadata: `--sidecar`, `--name-pattern` (else the config's
/// `name_pattern`) and `--folder-source`. A bad pattern is a usage error.
fn hints(
    sources: &Sources,
    settings: &crate::config::Settings,
) -> Result<crate::metadata::Hints, String> {
    let pattern = sources
        .name_pattern
        .as_ref()
        .or(settings.name_pattern.as_ref());
    let name_pattern = match pattern {
        Some(p) => Some(
            crate::metadata::NamePattern::parse(p)
                .map_err(|e| format!("--name-pattern {p:?}: {e}"))?,
        ),
        None => None,
    };
    Ok(crate::metadata::Hints {
        sidecar: sources.sidecar.clone(),
        name_pattern,
        folder_source: sources.folder_source,
        outlets: settings.outlets.clone(),
    })
}

/// One line on stderr for the load problems of a reader session (the reader listed them
/// on its problems screen; `parallax list` prints every one).
fn summarise(problems: &[LoadProblem]) {
    if let [one] = problems {
        // One problem is its own summary.
        say!("parallax: {one}");
    } else if let Some(line) = crate::corpus::problems::summary(problems) {
        say!("parallax: {line}; `parallax list PATH…` prints each");
    }
}

/// Prints load problems and cache warnings on stderr, one line each.
fn report(problems: &[LoadProblem], warnings: &[String]) {
    for p in problems {
        say!("parallax: {p}");
    }
    for w in warnings {
        say!("parallax: {}", crate::text::sanitize_for_terminal(w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::from(std::io::ErrorKind::IsADirectory);
        let text = io.to_string();
        let e = anyhow::Error::new(io).context(format!("d: cannot read: {text}"));
        assert_eq!(error_message(&e), format!("d: cannot read: {text}"));
        let e = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_message(&e), "outer: inner");
    }

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
