//! `parallax config`: prints the documented default configuration (`--print-default`) or
//! where parallax looks for the user's (`--path`); and the startup step every other command
//! goes through: reading the configuration file and checking all of it, key bindings and
//! theme included, so that a mistake is reported (with its key and line) whatever the
//! command, before anything runs.

use super::Status;
use super::args::ConfigArgs;
use super::output::print_text;
use super::output::say;
use crate::config::Settings;
use crate::tui::keymap::Keymap;
use crate::tui::theme::Theme;

/// `parallax config [--print-default | --path]`
pub fn run(args: &ConfigArgs) -> anyhow::Result<Status> {
    if args.path {
        match crate::dirs::config_file() {
            Some(p) => print_text(&format!("{}\n", p.display()))?,
            None => {
                say!("parallax: this platform has no configuration directory");
                return Ok(Status::Failure);
            }
        }
    } else {
        print_text(crate::assets::CONFIG)?;
    }
    Ok(Status::Ok)
}

/// Reads the configuration file and checks every part of it; the error message names the
/// file, line and key.
pub fn load() -> anyhow::Result<Settings> {
    let settings = Settings::load()?;
    Keymap::builtin()?.with_overrides(&settings)?;
    Theme::with_overrides(false, &settings)?;
    Theme::with_overrides(true, &settings)?;
    Ok(settings)
}
