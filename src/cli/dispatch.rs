//! Where a command line goes once the configuration is read: the interactive reader (on a
//! terminal with no subcommand), or the subcommand, on the corpus loaded through the cache
//! and its analysis (parallax's own, or passim's clusters with `--passim`).

use super::args::{Cli, Command};
use super::output::say;
use super::{
    Status, compare, entities, grid, list, load, omissions, passages, quotes, report, request,
    show, stories, summarise,
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
    let request = request(sources, hints);
    let Some(mut p) = load(&request) else {
        return Ok(Status::Failure);
    };
    let (corpus, _) = p.take_loaded();
    let config = &settings.analysis;
    if let Some(clusters) = p.read_passim(&request, &corpus)? {
        for problem in &clusters.problems {
            say!("parallax: {}", crate::text::sanitize_for_terminal(problem));
        }
    }
    let passim = p.clusters.clone();
    let passim = passim.as_deref();
    let analysed = |p: &mut crate::pipeline::Pipeline| p.analysis(&corpus, config, |_| {});
    let status = match &cli.command {
        None => list::run_table(&corpus),
        Some(Command::List(a)) => list::run(&corpus, a),
        Some(Command::Show(a)) => {
            let analysis = a.common.json.then(|| analysed(&mut p));
            show::run(&corpus, analysis.as_ref(), a)
        }
        Some(Command::Entities(a)) => entities::run(&corpus, &p.entities(&corpus, config), a.json),
        Some(Command::Quotes(a)) => quotes::run(&corpus, &analysed(&mut p), a),
        Some(Command::Passages(a)) => passages::run(&corpus, &analysed(&mut p), a),
        Some(Command::Compare(a)) => {
            // the corpus passages, so a comparison shows what `quotes` says two articles share
            let passages = || analysed(&mut p).passages.passages;
            compare::run(&corpus, a, settings, passim, passages)
        }
        Some(Command::Stories(a)) => stories::run(&corpus, &analysed(&mut p), a.json),
        Some(Command::Omissions(a)) => {
            let analysis = analysed(&mut p);
            omissions::run(&corpus, &analysis, &a.id, a.common.json)
        }
        Some(Command::Grid(a)) => {
            let analysis = analysed(&mut p);
            grid::run(&corpus, &analysis, a.story.as_deref(), grid_format(a))
        }
        Some(Command::Config(a)) => super::config::run(a),
        Some(Command::Export(_) | Command::Completions(_) | Command::Man) => Ok(Status::Ok),
    };
    report(&[], &p.opened.warnings);
    status
}

fn grid_format(a: &super::args::GridArgs) -> grid::Format {
    match (a.common.json, a.csv) {
        (true, _) => grid::Format::Json,
        (_, true) => grid::Format::Csv,
        _ => grid::Format::Table,
    }
}
