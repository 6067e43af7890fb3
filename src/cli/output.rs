//! Writing to stdout and stderr: JSON documents and plain lines, with a closed pipe
//! (`| head`) treated as a normal end rather than an error, and messages on stderr that are
//! lost quietly when stderr is closed or full (`2>&1 | head`, `2>/dev/full`) instead of
//! panicking as `eprintln!` does.

use std::io::{self, Write};

use serde::Serialize;

/// Prints a value as pretty JSON followed by a newline.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    match serde_json::to_writer_pretty(&mut out, value) {
        Err(e) if e.io_error_kind() == Some(io::ErrorKind::BrokenPipe) => Ok(()),
        Err(e) => Err(e.into()),
        Ok(()) => ignore_broken_pipe(writeln!(out).and_then(|()| out.flush())),
    }
}

/// Prints text as is.
pub fn print_text(text: &str) -> anyhow::Result<()> {
    let mut out = io::stdout().lock();
    ignore_broken_pipe(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// Writes one line on stderr; a stderr that cannot be written loses it (there is nowhere
/// left to say so). Use through [`say!`](crate::cli::output::say).
pub fn stderr_line(args: std::fmt::Arguments<'_>) {
    let mut err = io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// `eprintln!` that never panics: see [`stderr_line`].
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cli::output::stderr_line(format_args!($($arg)*))
    };
}
pub(crate) use say;

fn ignore_broken_pipe(r: io::Result<()>) -> anyhow::Result<()> {
    match r {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Width available for plain output: the terminal's when stdout is one, else unlimited.
pub fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w > 0)
}
