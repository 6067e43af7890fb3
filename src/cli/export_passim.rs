//! `parallax export --passim FILE [PATH...]`: the corpus as passim input, for text-reuse
//! detection on a Spark cluster; `--passim OUT` then reads passim's results back.

use super::Status;
use super::args::ExportArgs;
use super::output::say;

/// Loads the articles under `args.paths` and writes them to `args.passim`.
pub fn run(args: &ExportArgs, settings: &crate::config::Settings) -> anyhow::Result<Status> {
    let request = crate::pipeline::Request {
        paths: args.paths.clone(),
        use_cache: true,
        hints: crate::metadata::Hints {
            outlets: settings.outlets.clone(),
            ..crate::metadata::Hints::default()
        },
        ..crate::pipeline::Request::default()
    };
    let Some(p) = super::load(&request) else {
        return Ok(Status::Failure);
    };
    let n = crate::passim::write_input(&p.opened.loaded.corpus, &args.passim)?;
    say!(
        "parallax: wrote {} to {} (passim input)",
        crate::text::count(n, "article"),
        crate::text::sanitize_for_terminal(&args.passim.display().to_string())
    );
    Ok(Status::Ok)
}
