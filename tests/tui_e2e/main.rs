//! End-to-end tests of the interactive reader: the real binary in a pseudo-terminal
//! (120x40) on the bundled seeds, its output parsed by a vt100 emulator ([`session`]). Every
//! wait polls the parsed screen for an expected state with a deadline; nothing sleeps to
//! synchronise. [`faults`]: the terminal after a panic or an error; [`escapes`]: article text
//! that tries to control the terminal; [`nothing_lost`]: a whole session leaves the corpus
//! untouched; [`reopen`]: a folder opened again through the cache.

mod escapes;
mod faults;
mod folding;
mod keys;
mod mouse;
mod nothing_lost;
mod open_copy;
mod problems;
mod reading;
mod reopen;
mod session;
#[path = "../common/snapshot.rs"]
mod snapshot;
mod stated;

use session::{COLS, Session};

#[test]
fn starts_on_the_library_shows_help_and_quits_cleanly() {
    let mut s = Session::start();
    s.wait("the library", |sc| {
        sc.alternate_screen()
            && sc.contents().contains("Articles")
            && sc.contents().contains("5 articles")
    });
    s.send("?");
    s.wait_text("Help: keys");
    s.wait_text("Library");
    s.send("?");
    s.wait("help closed", |sc| !sc.contents().contains("Help: keys"));
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok, "exit status");
    assert!(!parser.lock().expect("parser").screen().alternate_screen());
}

#[test]
fn ctrl_c_quits_from_a_nested_screen() {
    let mut s = Session::start();
    s.wait_text("Articles");
    s.send("\r");
    s.wait_text("passage");
    s.send("\u{3}");
    let (ok, parser) = s.finish();
    assert!(ok);
    assert!(!parser.lock().expect("parser").screen().alternate_screen());
}

/// Sends `signal` to a reader showing its library; returns how it ended.
fn killed_by(signal: &str) -> session::Finished {
    let s = Session::start();
    s.wait_text("Articles");
    let pid = s.child.process_id().expect("pid");
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    s.finish_code()
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let done = killed_by("TERM");
    assert!(!done.screen(|sc| sc.alternate_screen()));
    assert!(!done.screen(|sc| sc.hide_cursor()));
    assert_eq!(done.code, 128 + 15);
}

#[test]
fn sighup_and_sigint_exit_with_128_plus_their_number() {
    for (signal, number) in [("HUP", 1), ("INT", 2)] {
        let done = killed_by(signal);
        assert!(!done.screen(|sc| sc.alternate_screen()), "{signal}");
        assert_eq!(done.code, 128 + number, "{signal}");
    }
}

#[test]
fn filter_zakh_lists_the_two_zakharova_articles_by_story_and_flat() {
    let mut s = Session::start_analysed();
    s.send("/");
    s.wait_text("Filter by entity");
    s.send("zakh");
    s.wait_text("Zakharova");
    s.send("\r");
    // Listed by story (the default), the filter holds at both levels: the whole frame must
    // have arrived, the header counting the two articles of its three under it, and the
    // one-article stories (no Zakharova) gone.
    s.wait("the two Zakharova articles under their story", |sc| {
        let text = sc.contents();
        text.contains("2/5 articles")
            && text.contains("Articles · by file · 1 story")
            && text.contains("2/3 articles · United S")
            && text.contains("Zakharova spoke about")
            && text.contains("Kremlin notes positive")
            && !text.contains("the only article of its story")
            && list_rows(&text) == 3
    });
    // The cursor on the story's header: down to its first article, and its omission view.
    s.send("jO");
    s.wait("the omission view", |sc| {
        let text = sc.contents();
        text.contains("What RIA Novosti leaves out")
            && text.contains("other outlets: ?001_3dffd0074b00d26a, Sputnik")
            && text.contains("Named by most other outlets, not here (0)")
    });
    s.send("q");
    s.wait_text("2/3 articles · United S");
    // Flat: exactly the two articles.
    s.send("v");
    s.wait("flat", |sc| {
        let text = sc.contents();
        text.contains("Articles · by file ")
            && !text.contains("1 story")
            && text.contains("Kremlin notes positive")
            && list_rows(&text) == 2
    });
    s.send("q");
    assert!(s.finish().0);
}

/// Rows of the article list (lines of the left box after its column header).
fn list_rows(screen: &str) -> usize {
    screen
        .lines()
        .skip_while(|l| !l.contains("DATE"))
        .skip(1)
        .take_while(|l| !l.starts_with('└'))
        .filter(|l| {
            let list: String = l.chars().skip(1).take(60).collect();
            !list.trim().is_empty()
        })
        .count()
}

#[test]
fn compare_000_and_002_highlights_the_shared_passage_in_both_panes() {
    let mut s = Session::start_analysed();
    s.compare_000_and_002();
    // Step through the passages until S1 stands highlighted in both panes.
    let in_both = |sc: &vt100::Screen| {
        let half = COLS / 2;
        let hits = highlighted(sc, "terrorist");
        hits.iter().any(|&(_, c)| c < half) && hits.iter().any(|&(_, c)| c >= half)
    };
    for _ in 0..30 {
        if in_both(s.parser.lock().expect("parser").screen()) {
            break;
        }
        let before = s.screen_text();
        s.send("n");
        s.wait("the next passage", |sc| sc.contents() != before);
    }
    assert!(
        in_both(s.parser.lock().expect("parser").screen()),
        "{}",
        s.screen_text()
    );
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    assert!(s.finish().0);
}

/// Positions of `word` on the screen where its cells carry a background colour.
fn highlighted(screen: &vt100::Screen, word: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    let (rows, cols) = screen.size();
    for r in 0..rows.get() {
        let line: Vec<String> = (0..cols.get())
            .map(|c| {
                screen
                    .cell(r, c)
                    .map_or(String::new(), |x| x.contents().to_string())
            })
            .collect();
        let joined: String = line
            .iter()
            .map(|s| if s.is_empty() { " " } else { s.as_str() })
            .collect();
        let mut from = 0;
        while let Some(i) = joined[from..].find(word) {
            let col = u16::try_from(joined[..from + i].chars().count()).unwrap_or(0);
            let colored = (col..col + u16::try_from(word.len()).unwrap_or(0)).all(|c| {
                screen
                    .cell(r, c)
                    .is_some_and(|x| x.bgcolor() != vt100::Color::Default)
            });
            if colored {
                out.push((r, col));
            }
            from += i + word.len();
        }
    }
    out
}

#[test]
fn n_moves_to_the_next_passage_in_compare() {
    let mut s = Session::start_analysed();
    s.compare_000_and_002();
    s.wait_text("shared passages");
    s.send("n");
    s.wait_text("passage 1/");
    let text = s.screen_text();
    let total: usize = text
        .split("passage 1/")
        .nth(1)
        .and_then(|r| r.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .expect("passage count in the footer");
    if total >= 2 {
        s.send("n");
        s.wait_text(&format!("passage 2/{total}"));
    }
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn resizing_redraws_and_a_tiny_terminal_gets_a_message() {
    let mut s = Session::start();
    s.wait_text("Articles");
    s.resize(30, 8);
    s.wait_text("too small");
    s.resize(80, 24);
    s.wait("the library again", |sc| {
        let t = sc.contents();
        t.contains("Articles") && !t.contains("too small")
    });
    s.send("q");
    assert!(s.finish().0);
}

#[test]
fn a_folder_loads_behind_the_first_frame_and_problems_are_listed_on_exit() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ferry.txt"),
        "Ferry strike ends\n\nThe ferry crews returned to work on Friday after a week.",
    )
    .unwrap();
    std::fs::write(dir.path().join("blank.txt"), "").unwrap();
    let mut s = Session::start_with(&[dir.path()]);
    s.wait_text("Ferry strike ends");
    s.wait_text("1 load problem");
    s.send("q");
    let (ok, parser) = s.finish();
    assert!(ok, "exit status");
    let screen = parser.lock().expect("parser").screen().contents();
    assert!(
        screen.contains("blank.txt: skipped: empty file"),
        "{screen}"
    );
}
