//! Taking an article out: `o` opens its URL through `$BROWSER` (here a script that records
//! its argument), `y` copies the URL to the clipboard with OSC 52.

use std::time::Instant;

use super::session::{DEADLINE, Launch, Session};

#[test]
fn o_opens_the_url_through_browser_and_y_copies_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("opened.txt");
    let script = dir.path().join("browser.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s' \"$1\" > '{}.part'\nmv '{0}.part' '{0}'\n",
            out.display()
        ),
    )
    .expect("script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let browser = script.to_str().expect("utf-8");
    let mut s = Session::launch(Launch {
        env: vec![("BROWSER", browser)],
        ..Launch::default()
    });
    s.wait_analysed();
    s.send("o");
    s.wait_text("opening https://ria.ru/");
    let start = Instant::now();
    while !out.exists() {
        assert!(start.elapsed() < DEADLINE, "the browser script never ran");
        std::thread::yield_now();
    }
    let opened = std::fs::read_to_string(&out).expect("recorded");
    assert_eq!(opened, "https://ria.ru/20211120/peremeny-1759961803.html");
    s.send("y");
    s.wait_text("copied the URL");
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok);
    let clip = parser.lock().expect("parser").callbacks().clipboard.clone();
    assert_eq!(clip.len(), 1, "one OSC 52 write");
}
