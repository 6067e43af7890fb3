//! Making text safe for a terminal: article text must never emit escape sequences.
//!
//! Bodies are already cleaned at load time; this is the last line of defence for every
//! string the UI draws (titles, names, paths), whatever their origin.

use std::borrow::Cow;

/// Replaces every control character (C0 but newline, DEL, C1) with a visible stand-in
/// (`␛` for ESC, `�` for the others) and drops bidi overrides and isolates, so nothing
/// drawn can move the cursor, set a title, touch the clipboard or reorder the line.
pub fn sanitize_for_terminal(text: &str) -> Cow<'_, str> {
    let dangerous = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(dangerous) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{1b}' => out.push('␛'),
            '\t' => out.push(' '),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {}
            c if dangerous(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            sanitize_for_terminal("plain “text”\nok"),
            Cow::Borrowed(_)
        ));
    }
}
