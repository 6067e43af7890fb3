//! Where a command line goes once the configuration is read: the interactive reader (on a
//! terminal with no subcommand), or the subcommand, on the corpus loaded through the cache
//! and its analysis (parallax's own, or passim's clusters with `--passim`).

use super::args::{Cli, Command};
use super::output::say;
use super::{
    Status, analysed, compare, entities, grid, list, load, load_passim, omissions, passages,
    quotes, report, show, stories, summarise,
};
use crate::config::Settings;
use crate::metadata::Hints;

/// The interactive reader; what could not be loaded is summed up on exit.
pub fn reader(cli: &Cli, settings: &Settings, hints: Hints) -> anyhow::Result<Status> {
    let sources = cli.sources();
    // The reader opens at once and loads on its worker; problems are printed on exit.
    let mouse = cli.mouse || settings.mouse;
    let outcome = crate::tui::run(
        sources.paths.clone(),
        !sources.no_cache,
        settings,
        mouse,
        sources.passim.clone(),
        hints,
    )?;
    summarise(&outcome.problems);
    report(&[], &outcome.warnings);
    if let Some(signal) = outcome.signal {
        return Ok(Status::Signal(signal));
    }
    if outcome.loaded && outcome.articles == 0 {
        say!("parallax: no article could be loaded");
        return Ok(Status::Failure);
    }
    Ok(Status::Ok)
}

/// A subcommand (or the plain article table when piped), on the loaded corpus.
pub fn subcommand(cli: &Cli, settings: &Settings, hints: &Hints) -> anyhow::Result<Status> {
    let sources = cli.sources();
    let Some(mut opened) = load(sources, hints) else {
        return Ok(Status::Failure);
    };
    let corpus = std::mem::take(&mut opened.loaded.corpus);
    let config = &settings.analysis;
    let passim = load_passim(&corpus, sources)?;
    let passim = passim.as_ref();
    let status = match &cli.command {
        None => list::run_table(&corpus),
        Some(Command::List(a)) => list::run(&corpus, a),
        Some(Command::Show(a)) => {
            let analysis = a
                .common
                .json
                .then(|| analysed(&mut opened, &corpus, config, passim));
            show::run(&corpus, analysis.as_ref(), a)
        }
        Some(Command::Entities(a)) => {
            let index = match opened.cached_analysis(&corpus, config) {
                Some(analysis) => analysis.entities,
                None => crate::analysis::entities::extract(&corpus),
            };
            entities::run(&corpus, &index, a.json)
        }
        Some(Command::Quotes(a)) => {
            quotes::run(&corpus, &analysed(&mut opened, &corpus, config, passim), a)
        }
        Some(Command::Passages(a)) => {
            passages::run(&corpus, &analysed(&mut opened, &corpus, config, passim), a)
        }
        Some(Command::Compare(a)) => {
            // the corpus passages, so a comparison shows what `quotes` says two articles share
            let passages = || opened.analysis(&corpus, config, |_| {}).passages.passages;
            compare::run(&corpus, a, settings, passim, passages)
        }
        Some(Command::Stories(a)) => stories::run(
            &corpus,
            &analysed(&mut opened, &corpus, config, passim),
            a.json,
        ),
        Some(Command::Omissions(a)) => {
            let analysis = analysed(&mut opened, &corpus, config, passim);
            omissions::run(&corpus, &analysis, &a.id, a.common.json)
        }
        Some(Command::Grid(a)) => {
            let analysis = analysed(&mut opened, &corpus, config, passim);
            grid::run(&corpus, &analysis, a.story.as_deref(), grid_format(a))
        }
        Some(Command::Config(a)) => super::config::run(a),
        Some(Command::Export(_) | Command::Completions(_) | Command::Man) => Ok(Status::Ok),
    };
    report(&[], &opened.warnings);
    status
}

fn grid_format(a: &super::args::GridArgs) -> grid::Format {
    match (a.common.json, a.csv) {
        (true, _) => grid::Format::Json,
        (_, true) => grid::Format::Csv,
        _ => grid::Format::Table,
    }
}
