//! Making text safe for a terminal: article text must never emit escape sequences, and every
//! character drawn must take the same number of columns for the terminal as for the layout.
//!
//! Bodies are already cleaned at load time; this is the last line of defence for every
//! string the UI draws (titles, names, paths), whatever their origin.
//!
//! Widths: the layout (ratatui, [`display_cols`]) measures with `unicode-width`, a terminal
//! with its own tables. They disagree on format characters (interlinear annotation marks
//! U+FFF9–FFFB, Egyptian format controls, tag characters), on unassigned code points and
//! noncharacters (U+0378, U+FFFF, U+1FFFE), and on emoji joined by a zero-width joiner or
//! given a presentation selector (one wide cell for the layout, one per emoji for most
//! terminals). Those are dropped (format characters, joiners, selectors) or shown as `�`
//! (unassigned), so each drawn character is one either side agrees on.

use std::borrow::Cow;

use finl_unicode::categories::CharacterCategories;
use unicode_width::UnicodeWidthChar;

/// What a character becomes on screen.
enum Shown {
    Keep,
    Drop,
    As(char),
}

/// Controls become a visible stand-in (`␛` for ESC, `�` for the others), bidi overrides and
/// isolates and characters of uncertain width are dropped or replaced.
fn shown(c: char) -> Shown {
    match c {
        '\n' => Shown::Keep,
        '\u{1b}' => Shown::As('␛'),
        '\t' => Shown::As(' '),
        c if c.is_control() => Shown::As('\u{FFFD}'),
        // joiners and presentation selectors: emoji then stand one cell pair each
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' => Shown::Drop,
        c if c.is_ascii() => Shown::Keep,
        // format characters (bidi controls among them) have no agreed width
        c if c.is_format() => Shown::Drop,
        c if c.is_unassigned() => Shown::As('\u{FFFD}'),
        _ => Shown::Keep,
    }
}

/// Columns a character takes once sanitised, as the layout measures it (a sanitised string
/// measures the same as the sum of its characters).
pub fn display_cols(c: char) -> usize {
    match shown(c) {
        Shown::Keep => c.width().unwrap_or(0),
        Shown::Drop => 0,
        Shown::As(r) => r.width().unwrap_or(0),
    }
}

/// Replaces every control character (C0 but newline, DEL, C1) with a visible stand-in
/// (`␛` for ESC, `�` for the others), drops bidi overrides and isolates (and every other
/// format character), zero-width joiners and emoji presentation selectors, and shows
/// unassigned code points as `�`: nothing drawn can move the cursor, set a title, touch the
/// clipboard, reorder the line or take more or fewer columns than the layout gave it.
pub fn sanitize_for_terminal(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| matches!(shown(c), Shown::Keep)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match shown(c) {
            Shown::Keep => out.push(c),
            Shown::Drop => {}
            Shown::As(r) => out.push(r),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn escapes_cannot_pass() {
        let evil = "a\u{1b}]0;pwned\u{7}b\u{1b}[2J\u{9b}c\u{202e}d";
        let safe = sanitize_for_terminal(evil);
        assert!(!safe.chars().any(|c| c.is_control()));
        assert_eq!(safe, "a␛]0;pwned\u{FFFD}b␛[2J\u{FFFD}cd");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            sanitize_for_terminal("plain “text” 北京 é\nok"),
            Cow::Borrowed(_)
        ));
    }

    /// Characters the layout and terminals measure differently are dropped or replaced, and
    /// the sanitised text measures the same whole as character by character.
    #[test]
    fn characters_of_disputed_width_are_dropped_or_replaced() {
        let text = "a\u{FFF9}b\u{FFFA}c\u{FFFB}d\u{13430}e\u{FFFF}f\u{1FFFE}g\u{378}h \
                    👨\u{200D}👩\u{200D}👧 ❤\u{FE0F} 🏳\u{FE0F}\u{200D}🌈 \u{E0067}";
        let safe = sanitize_for_terminal(text);
        assert_eq!(safe, "abcde\u{FFFD}f\u{FFFD}g\u{FFFD}h 👨👩👧 ❤ 🏳🌈 ");
        assert_eq!(safe.width(), safe.chars().map(display_cols).sum::<usize>());
        assert_eq!(safe.width(), text.chars().map(display_cols).sum::<usize>());
    }
}
