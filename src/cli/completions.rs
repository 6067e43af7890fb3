//! `parallax completions SHELL` and `parallax man`: a completion script and the man page,
//! generated from the clap definition so they never drift from the real options.

use clap::CommandFactory;

use super::Status;
use super::args::Cli;
use super::output::print_text;

/// Prints the completion script for `shell`.
pub fn run(shell: clap_complete::Shell) -> anyhow::Result<Status> {
    print_text(&completion_script(shell))?;
    Ok(Status::Ok)
}

/// Prints the man page, in roff.
pub fn man() -> anyhow::Result<Status> {
    print_text(&String::from_utf8_lossy(&man_page()?))?;
    Ok(Status::Ok)
}

/// The completion script for `shell`.
pub fn completion_script(shell: clap_complete::Shell) -> String {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "parallax", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page of `parallax` with a section per subcommand, in roff.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let cmd = Cli::command();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    render_subcommands(&cmd, &mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// A `SUBCOMMANDS` section with each subcommand's synopsis, description and options
/// (clap_mangen's own section lists only their names).
fn render_subcommands(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    use std::io::Write;
    writeln!(out, ".SH SUBCOMMANDS")?;
    for sub in cmd.get_subcommands() {
        let title = format!("parallax {}", sub.get_name());
        let sub = sub.clone().bin_name(title.clone());
        let man = clap_mangen::Man::new(sub);
        let mut section = Vec::new();
        man.render_synopsis_section(&mut section)?;
        man.render_description_section(&mut section)?;
        man.render_options_section(&mut section)?;
        // nested under SUBCOMMANDS: one subsection per subcommand, its parts as paragraphs
        let text = String::from_utf8_lossy(&section)
            .replace(".SH SYNOPSIS", &format!(".SS {title}"))
            .replace(".SH DESCRIPTION", ".PP")
            .replace(".SH OPTIONS", ".PP");
        out.extend_from_slice(text.as_bytes());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_name_every_subcommand() {
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
        ] {
            let script = completion_script(shell);
            for sub in ["list", "show", "compare", "export", "completions", "man"] {
                assert!(script.contains(sub), "{shell}: no {sub}");
            }
            assert!(script.contains("passim"), "{shell}: no --passim");
        }
    }

    #[test]
    fn man_page_documents_subcommands_and_options() {
        let page = String::from_utf8(man_page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH parallax"),
            "{page}"
        );
        for needle in [
            ".SH SUBCOMMANDS",
            ".SS parallax export",
            "\\-\\-passim",
            "\\-\\-json",
        ] {
            assert!(page.contains(needle), "man page lacks {needle}");
        }
    }
}
