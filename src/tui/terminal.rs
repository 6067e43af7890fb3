//! The terminal: entering raw mode and the alternate screen, and leaving them on EVERY exit
//! path (normal return, error, panic through a hook, SIGTERM/SIGHUP through a flag the
//! event loop polls).

use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal type the app draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped (also while unwinding).
pub struct Guard {
    pub terminal: Term,
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters raw mode and the alternate screen, with the panic hook installed first.
pub fn enter() -> io::Result<Guard> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, Hide) {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(terminal) => Ok(Guard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Asks the terminal to report mouse events (wheel and clicks); [`restore`] stops it.
pub fn enable_mouse() -> io::Result<()> {
    execute!(io::stdout(), EnableMouseCapture)
}

/// Leaves the alternate screen and raw mode, stops mouse reports and shows the cursor.
/// Safe to call twice.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal before the previous hook prints its report (the command line's
/// hook: a short one on stderr, the full one in the log), so the report is readable and the
/// shell usable. Only a panic on the UI thread (the one that installs the hook) ends the
/// app: a panic on a worker is caught there and reported as an action, so it only goes to
/// the log, and printing it would scribble over the screen.
fn install_panic_hook() {
    let ui = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui {
            restore();
            previous(info);
        } else {
            crate::logging::log_panic(info);
        }
    }));
}

/// How long the event loop has to quit cleanly after a signal before the process ends.
const GRACE: Duration = Duration::from_millis(500);

/// A flag set to the number of the SIGTERM, SIGHUP or SIGINT received (0 until then), and
/// `wake` called to wake the event loop: the loop quits cleanly when it sees the flag, and the process exits with 128 + that number
/// once the terminal is restored.
///
/// A watcher thread also restores the terminal and ends the process if the loop has not
/// quit within [`GRACE`]: when the terminal goes away, crossterm can spin inside its poll
/// on the dead tty (read returns 0 forever, crossterm issue #793) and never come back to the
/// loop, which would leave an orphan burning a core.
pub fn termination_flag(wake: impl Fn() + Send + 'static) -> io::Result<Arc<AtomicI32>> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let flag = Arc::new(AtomicI32::new(0));
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let raised = Arc::clone(&flag);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                raised.store(sig, Ordering::SeqCst);
                wake();
                std::thread::sleep(GRACE);
                restore();
                crate::fsio::interrupt::remove_pending();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(flag)
}
