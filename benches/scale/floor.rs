//! The floors parallax is held against: `wc -w` over the same files (the least any reader
//! of every byte costs), and the first frame of the real binary on the seeds, from spawn
//! until a pseudo-terminal shows the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use crate::figures::ms;

/// Time and word count of `wc -w` over every file under `dir` (their names in a list
/// file, as there are too many for a command line).
pub fn wc(dir: &Path) -> anyhow::Result<(Duration, u64)> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    files.sort();
    let mut list = Vec::new();
    for f in &files {
        list.extend_from_slice(f.as_os_str().as_encoded_bytes());
        list.push(0);
    }
    let names = tempfile::NamedTempFile::new()?;
    std::fs::write(names.path(), &list)?;
    let mut from = std::ffi::OsString::from("--files0-from=");
    from.push(names.path());
    let t = Instant::now();
    let out = Command::new("wc")
        .arg("-w")
        .arg(from)
        .stderr(Stdio::inherit())
        .output()
        .context("running wc")?;
    let took = t.elapsed();
    let text = String::from_utf8_lossy(&out.stdout);
    let words = text
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Ok((took, words))
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Milliseconds from spawning `parallax` on the seeds in a 200x60 pseudo-terminal until its
/// first frame (the header drawn, the corpus still loading), and until the screen shows the
/// library, for each of `runs` starts, each list sorted.
pub fn first_frame(runs: usize) -> anyhow::Result<(Vec<f64>, Vec<f64>)> {
    let state = tempfile::tempdir()?;
    let (mut frames, mut libraries) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let (frame, library) = one_start(state.path())?;
        frames.push(frame);
        libraries.push(library);
    }
    frames.sort_by(f64::total_cmp);
    libraries.sort_by(f64::total_cmp);
    Ok((frames, libraries))
}

fn one_start(state: &Path) -> anyhow::Result<(f64, f64)> {
    let (cols, rows) = crate::screens::SIZE;
    let pair = native_pty_system().openpty(PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    })?;
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("PARALLAX_CACHE_DIR", state.join("cache"));
    cmd.env("PARALLAX_STATE_DIR", state.join("state"));
    cmd.env("PARALLAX_CONFIG", state.join("none.toml"));
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd)?;
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader()?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let nz = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
        let mut parser = vt100::Parser::new(nz(rows), nz(cols), 0);
        let mut buf = [0u8; 8192];
        let (mut framed, mut listed) = (false, false);
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            let text = parser.screen().contents();
            if !framed && text.contains("parallax") {
                framed = tx.send(start.elapsed()).is_ok();
            }
            if !listed && text.contains("Articles") && !text.contains("⟳ l") {
                listed = tx.send(start.elapsed()).is_ok();
            }
        }
    });
    let framed = rx.recv_timeout(Duration::from_secs(20));
    let shown = rx.recv_timeout(Duration::from_secs(20));
    let mut writer = pair.master.take_writer()?;
    writer.write_all(b"q").ok();
    writer.flush().ok();
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait()?.is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().ok();
    Ok((
        ms(framed.context("no frame was drawn")?),
        ms(shown.context("the library never showed")?),
    ))
}
