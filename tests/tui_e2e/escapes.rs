//! Article text that tries to take control of the terminal: OSC 0/2 (window title), OSC 52
//! (clipboard), OSC 8 (hyperlink), DCS, BEL, backspace, carriage return, a bidi override
//! (U+202E), zero-width characters and CSI sequences (cursor moves, clearing the screen,
//! colour; also the 8-bit CSI U+009B). Shown in the library's preview, the reader and
//! compare, none of it may reach the terminal: the window title, the clipboard and the bell
//! are untouched (the emulator records any attempt), and the text lands where the layout
//! puts it, in order, paragraph after paragraph.

use std::path::Path;

use crate::session::Session;

/// Marker words (lower case, so that no entity list shows them), in reading order; each pair stands on one line of the article, around
/// one hostile sequence, so that each pair must end up on one row, in order.
const PAIRS: &[(&str, &str)] = &[
    ("alpha", "bravo"),
    ("charlie", "delta"),
    ("echo", "foxtrot"),
    ("golf", "hotel"),
    ("india", "juliet"),
    ("kilo", "lima"),
];

/// The hostile article: a title that sets the window title, and one paragraph per pair.
fn hostile_article(variant: &str) -> String {
    let paragraphs = [
        "alpha \u{1b}]52;c;ZXZpbA==\u{7} bravo copies to the clipboard.",
        "charlie \u{1b}]8;;https://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\ delta links.",
        "echo \u{1b}Pq#0;2;0;0;0#0~~\u{1b}\\ foxtrot \u{7}\u{7} rings \u{8}\u{8}\u{8} backs.",
        "golf \u{202e}desrever\u{202c} x\u{200b}y\u{200d}z\u{2060}w\u{feff} hotel hides.",
        "india \u{1b}[5;5H\u{1b}[2J\u{1b}[31m juliet \u{9b}2J moves the cursor.",
        "kilo carriage\rreturn \u{1b}]2;pwned too\u{1b}\\ lima ends.",
    ];
    format!(
        "Evil \u{1b}]0;pwned\u{7} headline {variant}\n\nBy Mallory\n\n{}\n",
        paragraphs.join("\n\n")
    )
}

/// The first place (row, column) where `word` stands on the screen, in the left or right
/// half only when asked.
fn find(sc: &vt100::Screen, word: &str, right_half: Option<bool>) -> Option<(u16, u16)> {
    let (rows, cols) = sc.size();
    (0..rows.get()).find_map(|r| {
        let text = sc.contents_between(r, 0, r, cols.get());
        text.match_indices(word).find_map(|(byte, _)| {
            let col = u16::try_from(text[..byte].chars().count()).ok()?;
            let half_ok = right_half.is_none_or(|right| (col >= cols.get() / 2) == right);
            half_ok.then_some((r, col))
        })
    })
}

/// Every pair stands on one row, first word left of the second, and the rows go down in
/// reading order: the hostile sequences moved nothing.
fn assert_in_place(sc: &vt100::Screen, right_half: Option<bool>, what: &str) {
    let mut last_row = None;
    for (first, second) in PAIRS {
        let a = find(sc, first, right_half);
        let b = find(sc, second, right_half);
        let (Some((ra, ca)), Some((rb, cb))) = (a, b) else {
            panic!("{what}: {first}/{second} not shown:\n{}", sc.contents());
        };
        assert_eq!(
            ra,
            rb,
            "{what}: {first} and {second} on different rows:\n{}",
            sc.contents()
        );
        assert!(
            ca < cb,
            "{what}: {second} left of {first}:\n{}",
            sc.contents()
        );
        assert!(
            last_row.is_none_or(|r| ra > r),
            "{what}: {first} out of order:\n{}",
            sc.contents()
        );
        last_row = Some(ra);
    }
}

fn write_corpus(dir: &Path) {
    std::fs::write(dir.join("evil_a.txt"), hostile_article("one")).expect("write");
    std::fs::write(dir.join("evil_b.txt"), hostile_article("two")).expect("write");
}

#[test]
fn escape_sequences_in_articles_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    write_corpus(dir.path());
    let mut s = Session::start_with(&[dir.path()]);
    s.wait_analysed();
    // The library's preview shows the first article's paragraphs in the right half.
    s.wait("the preview", |sc| find(sc, "lima", Some(true)).is_some());
    assert_in_place(
        s.parser.lock().expect("parser").screen(),
        Some(true),
        "preview",
    );
    // The reader.
    s.send("\r");
    s.wait("the reader", |sc| {
        find(sc, "lima", None).is_some() && !sc.contents().contains("Articles")
    });
    assert_in_place(s.parser.lock().expect("parser").screen(), None, "reader");
    s.send("q");
    s.wait_text("Articles");
    // Compare: both panes.
    s.send(" j ");
    s.wait_text("2 marked");
    s.send("c");
    s.wait("compare", |sc| {
        find(sc, "lima", Some(false)).is_some() && find(sc, "lima", Some(true)).is_some()
    });
    {
        let parser = s.parser.lock().expect("parser");
        assert_in_place(parser.screen(), Some(false), "compare, left pane");
        assert_in_place(parser.screen(), Some(true), "compare, right pane");
    }
    s.send("q");
    s.wait_text("Articles");
    s.send("q");
    let raw = std::sync::Arc::clone(&s.raw);
    let done = s.finish_code();
    assert_eq!(done.code, 0);
    let parser = done.parser.lock().expect("parser");
    let seen = parser.callbacks();
    assert!(
        seen.titles.is_empty(),
        "window title set: {:?}",
        seen.titles
    );
    assert!(
        seen.icon_names.is_empty(),
        "icon name set: {:?}",
        seen.icon_names
    );
    assert!(
        seen.clipboard.is_empty(),
        "clipboard written: {:?}",
        seen.clipboard
    );
    assert_eq!(seen.bells, 0, "the bell rang");
    assert!(
        seen.unhandled_osc.is_empty(),
        "OSC sent: {:?}",
        seen.unhandled_osc
    );
    let raw = raw.lock().expect("raw");
    let has = |needle: &[u8]| raw.windows(needle.len()).any(|w| w == needle);
    for (needle, what) in [
        (&b"\x1b]"[..], "an OSC sequence"),
        (b"\x1bP", "a DCS sequence"),
        (b"\x07", "a bell"),
        (b"\x08", "a backspace"),
        (b"\x1b[5;5H", "the article's cursor move"),
        (b"\x1b[2J", "a screen clear"),
        ("\u{9b}".as_bytes(), "an 8-bit CSI"),
        ("\u{202e}".as_bytes(), "a bidi override"),
        ("\u{200b}".as_bytes(), "a zero-width space"),
    ] {
        assert!(!has(needle), "{what} reached the terminal");
    }
}

/// The emulator does notice each attempt when it reaches it, so the test above is not
/// passing for want of looking.
#[test]
fn the_emulator_records_titles_clipboard_links_and_bells() {
    let mut p = vt100::Parser::new_with_callbacks(
        crate::session::nz(10),
        crate::session::nz(40),
        0,
        crate::session::Recorder::default(),
    );
    p.process(b"\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://x/\x1b\\a\x1b]8;;\x1b\\\x07");
    let seen = p.callbacks();
    assert_eq!(seen.titles, [b"pwned".to_vec()]);
    assert_eq!(seen.clipboard, [b"ZXZpbA==".to_vec()]);
    assert_eq!(seen.bells, 1);
    assert_eq!(seen.unhandled_osc.len(), 2, "{:?}", seen.unhandled_osc);
    p.process(b"\x1b[5;5Hx");
    assert_eq!(
        p.screen().cell(4, 4).map(|c| c.contents().to_string()),
        Some("x".into())
    );
}
