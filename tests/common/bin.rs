//! The real `parallax` binary for the end-to-end tests of the command line: each test file
//! gets its own cache, log folder and (missing) config under Cargo's temporary folder, so
//! that neither the user's files nor other tests running at the same time touch it.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The binary with the cache and logs in `CARGO_TARGET_TMPDIR/TAG-cache` and `TAG-state`,
/// no config file, and `NO_COLOR` unset (a test that wants it sets it).
pub fn command(tag: &str) -> Command {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let mut c = Command::new(env!("CARGO_BIN_EXE_parallax"));
    c.env_remove("NO_COLOR")
        .env("PARALLAX_CACHE_DIR", tmp.join(format!("{tag}-cache")))
        .env("PARALLAX_STATE_DIR", tmp.join(format!("{tag}-state")))
        .env("PARALLAX_CONFIG", "/nonexistent/parallax-test-config.toml");
    c
}

/// Runs `command(tag)` with `args` to the end.
pub fn run(tag: &str, args: &[&str]) -> Output {
    command(tag).args(args).output().expect("run parallax")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}
