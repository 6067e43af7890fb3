//! Opening an article's URL (or its file) outside parallax: with `$BROWSER` when set (the
//! first of its `:`-separated commands; `%s` stands for the URL, else it is the last
//! argument), else the system's opener (`xdg-open`, `open` on macOS). The child's output
//! goes nowhere, so it cannot draw over the reader, and it is waited for on a thread.

use std::process::{Command, Stdio};

/// The command that would open `target`: program and arguments.
pub fn command_for(target: &str, browser: Option<&str>) -> Option<(String, Vec<String>)> {
    let browser = browser.map(str::trim).filter(|b| !b.is_empty());
    let Some(b) = browser else {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        return Some((opener.to_string(), vec![target.to_string()]));
    };
    let first = b.split(':').find(|c| !c.trim().is_empty())?;
    let mut words = first.split_whitespace().map(str::to_string);
    let program = words.next()?;
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        args.iter_mut().for_each(|a| *a = a.replace("%s", target));
    } else {
        args.push(target.to_string());
    }
    Some((program, args))
}

/// Starts the opener for `target`; the error says what could not be started.
pub fn open(target: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = command_for(target, browser.as_deref())
        .ok_or_else(|| "BROWSER names no command".to_string())?;
    let mut child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("could not start {program}: {e}"))?;
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_commands_take_the_url() {
        let url = "https://ria.ru/a";
        assert_eq!(
            command_for(url, Some("firefox")),
            Some(("firefox".into(), vec![url.into()]))
        );
        assert_eq!(
            command_for(url, Some("lynx -dump %s:w3m")),
            Some(("lynx".into(), vec!["-dump".into(), url.into()]))
        );
        let (program, args) = command_for(url, None).unwrap();
        assert!(program == "xdg-open" || program == "open");
        assert_eq!(args, [url]);
        assert_eq!(
            command_for(url, Some("   ")).map(|c| c.1),
            Some(vec![url.to_string()])
        );
    }
}
