//! A test hook for fault injection: `PARALLAX_FAULT=panic` makes the reader panic, and
//! `PARALLAX_FAULT=error` makes it fail with an error, right after its first frame is drawn.
//! The pty tests (`tests/tui_e2e`) use it to prove that the terminal is restored and the
//! fault reported on both paths; nothing else sets it, and without it this does nothing.

/// The variable the tests set.
pub const FAULT_ENV: &str = "PARALLAX_FAULT";

/// Injects the fault `PARALLAX_FAULT` asks for, if any. Called once, when the reader starts.
pub fn inject() -> anyhow::Result<()> {
    match std::env::var(FAULT_ENV).as_deref() {
        Ok("panic") => panic!("injected fault ({FAULT_ENV}=panic)"),
        Ok("error") => anyhow::bail!("injected fault ({FAULT_ENV}=error)"),
        _ => Ok(()),
    }
}
