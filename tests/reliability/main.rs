//! End-to-end tests of what parallax guarantees when the world is hostile (see
//! `docs/reliability.md`): the real binary, each test in a folder of its own.
//! [`writes`]: what an export may replace; [`pipes`]: closed output; [`inputs`]: one file,
//! one article, and configuration or passim output that is not a regular file;
//! [`messages`]: what the user is told; [`spreadsheets`]: CSV cells that cannot run as formulas.

#[path = "../common/bin.rs"]
mod bin;

mod inputs;
mod messages;
mod pipes;
mod spreadsheets;
mod writes;

use std::process::Output;

/// Runs parallax with `args` in `dir` (its own cache and log).
pub fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    bin::command("reliability")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run parallax")
}

/// A short article of our own about `topic`.
pub fn article(topic: &str) -> String {
    format!(
        "The {topic} reopened\n\nThe old {topic} on the east bank reopened on Monday after a \
         winter of repairs, and the first visitors arrived before nine in the morning to walk \
         its length and look at the new railings.\n"
    )
}
