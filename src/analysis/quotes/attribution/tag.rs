//! The tag right after a quote. A cue word standing right after the quote and its comma
//! names the speaker after it (German `„Die Lage ist ernst“, so Albrecht Meier, der
//! Sprecher der Hafenbehörde.`; `assets/after_quote_cues.txt`). And a quote set off by a
//! comma or a dash and followed closely by a speech verb (`“…,” wrote the union's newly
//! elected leader`) is attributed by its own sentence even when the rules cannot read who
//! speaks there: it is not given to someone named before it, as a wrong speaker is worse
//! than none.

use super::super::names::person_like;
use super::super::words::{is_after_quote_cue, is_capitalised, is_role_noun};
use super::role_phrase::name_after_role_phrase;
use super::{Who, broken, sentence_start, verb_at, words_in};
use crate::analysis::Span;

/// A cue after the quote: the speaker when the text names one, and the cue's span.
pub(super) struct Tag {
    pub who: Option<Who>,
    pub cue: Span,
}

/// `„…“, so Albrecht Meier`: the name after a cue word right after the quote (ending at
/// `from`) and its comma; `to` ends the sentence. The name closes the clause.
pub(super) fn after_quote_cue(body: &str, from: usize, to: usize) -> Option<Tag> {
    let words = words_in(body, from, to);
    let &(s, w) = words.first()?;
    let comma = body.get(from..s).is_some_and(|g| g.trim() == ",");
    if !comma || is_capitalised(w) || !is_after_quote_cue(&w.to_lowercase()) {
        return None;
    }
    let who = name_after_role_phrase(body, &words, 0).or_else(|| closing_name(body, &words));
    Some(Tag {
        who,
        cue: s..s + w.len(),
    })
}

/// The capitalised run right after the cue at word 0, titles left off, that closes the
/// clause (a break or the end follows) and looks like a person's name.
fn closing_name(body: &str, words: &[(usize, &str)]) -> Option<Who> {
    let gap = |k: usize| broken(body, words[k - 1].0 + words[k - 1].1.len(), words[k].0);
    let mut first = 1;
    while words.get(first).is_some_and(|w| is_role_noun(w.1)) && !gap(first) {
        first += 1;
    }
    let mut end = first;
    while end < words.len() && is_capitalised(words[end].1) && !gap(end) {
        end += 1;
    }
    let closes = end == words.len() || gap(end);
    if end == first || !closes || gap(1) {
        return None;
    }
    let span = words[first].0..words[end - 1].0 + words[end - 1].1.len();
    person_like(&body[span.clone()]).then_some(Who::Name(span))
}

/// The speech verb that tags the quote `outer` when its speaker cannot be read: the quote
/// opens its sentence, is set off by a comma or a dash (or ends in `?` or `!` before a
/// lower-case word), and a speech verb follows it at once, before `to` (the sentence's end):
/// `“…,” wrote the union’s new leader`.
pub(super) fn unread_cue(body: &str, outer: &Span, to: usize) -> Option<Span> {
    let words = words_in(body, outer.end, to);
    let &(s, w) = words.first()?;
    let lead = body.get(sentence_start(body, outer.start, 300)..outer.start)?;
    let inside = body.get(outer.start..outer.end)?;
    let inside = inside.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_tag_mark(c));
    let between = body.get(outer.end..s)?.trim();
    let set_off = inside.ends_with(is_tag_mark) || between.starts_with(is_tag_mark);
    let asked = body
        .get(outer.start..outer.end)
        .is_some_and(|q| q.trim_end_matches(is_closing).ends_with(['?', '!']));
    let tagged = set_off || (asked && !is_capitalised(w) && between.is_empty());
    if !lead.trim().is_empty() || !tagged || between.contains(['.', ';', ':']) {
        return None;
    }
    verb_at(body, &words, 0).then(|| s..s + w.len())
}

/// A closing quotation mark (or a space before it).
fn is_closing(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '”' | '“' | '’' | '»' | '«' | '›' | '‹' | '」'
        )
}

/// A comma or a dash: what sets a quote off from the words attributing it.
fn is_tag_mark(c: char) -> bool {
    matches!(c, ',' | '—' | '–')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte offset right after the last of `marks` in `body`.
    fn after_last(body: &str, marks: &[char]) -> usize {
        body.char_indices()
            .rfind(|(_, c)| marks.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    #[test]
    fn a_cue_after_the_quote_and_its_comma_names_the_speaker() {
        for (body, who) in [
            (
                "„Die Lage ist ernst“, so Albrecht Meier, der Sprecher der Hafenbehörde.",
                Some("Albrecht Meier"),
            ),
            (
                "\"Die Lage ist ernst\", so Albrecht Meier.",
                Some("Albrecht Meier"),
            ),
            (
                "\"Die Lage ist ernst\", so der Sprecher Albrecht Meier.",
                Some("Albrecht Meier"),
            ),
            ("\"Die Lage ist ernst\", so die Polizei.", None),
            ("'We lost', so Brown and his crew went home.", None),
        ] {
            let from = after_last(body, &['“', '"', '\'']);
            let got = after_quote_cue(body, from, body.len()).expect("a cue");
            let name = match got.who {
                Some(Who::Name(span)) => body.get(span),
                _ => None,
            };
            assert_eq!(name, who, "{body}");
        }
        let body = "\"We will win,\" so the captain said.";
        let from = after_last(body, &['"']);
        assert!(after_quote_cue(body, from, body.len()).is_none());
    }

    #[test]
    fn a_speech_verb_next_to_the_quote_tags_it() {
        fn tagged(body: &str) -> Option<&str> {
            let end = after_last(body, &['”', '"']);
            let start = body.find(['“', '"']).unwrap_or(0);
            unread_cue(body, &(start..end), body.len()).map(|c| &body[c])
        }
        assert_eq!(
            tagged("“This is a disaster,” wrote the union’s new leader on social media."),
            Some("wrote")
        );
        assert_eq!(tagged("\"We lost\" — wrote one of them."), Some("wrote"));
        assert_eq!(
            tagged("“Why now?” asked the union’s new leader."),
            Some("asked")
        );
        assert_eq!(tagged("“We lost,” he paused and replied."), None);
        assert_eq!(tagged("It was “poor” and said more."), None);
        assert_eq!(tagged("“This is a disaster.” The talks said nothing"), None);
        assert_eq!(
            tagged("“This is a disaster,” and the rest went home."),
            None
        );
    }
}
