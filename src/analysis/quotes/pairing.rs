//! Pairing quotation marks on raw text: every convention ("…", “…”, „…“, «…», » … «, ‚…‘,
//! ‘…’, ‹…›, 「…」), nested quotes, and apostrophes told apart from marks.
//!
//! A stack holds the open marks; a mark closes the nearest open mark that expects it, else it
//! opens when flanking allows (a word follows and no word stands right before it). Guillemets
//! and CJK brackets take their direction from the stack alone, so French `« … »` with inner
//! no-break spaces and German `» … «` both pair. A paragraph ends every open quote: an
//! unclosed quote that opens its paragraph (English reopens the mark on each paragraph of a
//! long quote) runs to the paragraph's end; any other unclosed mark is dropped as stray.

use super::open_stack::{Open, OpenStack};
use crate::analysis::Span;

/// Longest quote kept, in bytes: a stray mark must never swallow an article.
pub const MAX_QUOTE_BYTES: usize = 3000;

/// One pair of quotation marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkPair {
    /// The quoted text, without marks and surrounding spaces.
    pub inner: Span,
    /// The quote with its marks (or up to the paragraph end when unclosed).
    pub outer: Span,
    /// 0 for a top-level quote, 1 for a quote inside a quote, …
    pub depth: usize,
    /// True when the quote runs on into the next paragraph (left open at the paragraph end).
    pub continues: bool,
}

/// The marks a given opening mark may be closed by.
fn closers(open: char) -> &'static [char] {
    match open {
        '"' => &['"'],
        '\'' => &['\''],
        '“' => &['”'],
        // `„…"`: German opened low and closed with a straight mark, as typed in a hurry
        '„' => &['“', '”', '"'],
        '”' => &['”'],
        '«' => &['»'],
        '»' => &['«'],
        '‹' => &['›'],
        '›' => &['‹'],
        '‚' => &['‘', '’'],
        '‘' => &['’'],
        '「' => &['」'],
        '『' => &['』'],
        _ => &[],
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '‚'
            | '‘'
            | '’'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Marks whose direction the stack decides, whatever the spacing around them.
fn stack_directed(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』' | '„' | '‚'
    )
}

/// Straight marks: the same character opens and closes, so flanking decides.
fn straight(c: char) -> bool {
    matches!(c, '"' | '\'')
}

fn opening_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '-' | '–' | '—' | '/' | ':') || is_mark(c)
}

fn closing_context(c: char) -> bool {
    c.is_whitespace() || is_mark(c) || (!c.is_alphanumeric())
}

/// A word follows and nothing word-like stands right before.
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(opening_context)
}

/// A word stands right before and nothing word-like follows.
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closing_context)
}

/// `don’t`, `O’Brien`, `rock'n'roll`: a single mark between two letters is an apostrophe.
fn is_apostrophe(c: char, prev: Option<char>, next: Option<char>) -> bool {
    matches!(c, '\'' | '’')
        && prev.is_some_and(char::is_alphanumeric)
        && next.is_some_and(char::is_alphanumeric)
}

/// Pairs the quotation marks of a text. Quotes are ordered by start, outer before inner.
pub fn pair_marks(text: &str) -> Vec<MarkPair> {
    let mut out = Vec::new();
    let mut carried = false;
    let mut start = 0;
    let paras: Vec<&str> = text.split('\n').collect();
    for (k, para) in paras.iter().enumerate() {
        if !para.trim().is_empty() {
            let next_first = paras[k + 1..]
                .iter()
                .find(|p| !p.trim().is_empty())
                .and_then(|p| p.trim_start().chars().next());
            carried = pair_paragraph(start, para, carried, next_first, &mut out);
        }
        start += para.len() + 1;
    }
    add_dialogue(text, &mut out);
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

/// Adds the quotes of dialogue lines ([`super::dashes`]); quotation marks inside one are
/// nested in it, one level deeper.
fn add_dialogue(text: &str, out: &mut Vec<MarkPair>) {
    let dialogue = super::dashes::dialogue_pairs(text);
    if dialogue.is_empty() {
        return;
    }
    // dialogue pieces do not overlap and come in text order: the one a mark pair may sit
    // in is the last starting before it (a binary search, not a scan per pair)
    for q in out.iter_mut() {
        let i = dialogue.partition_point(|d| d.outer.start <= q.outer.start);
        if i > 0 && q.outer.end <= dialogue[i - 1].outer.end {
            q.depth += 1;
        }
    }
    out.extend(dialogue);
}

/// Trims white space (also no-break spaces) off both ends of `base + range` of `para`.
fn trimmed(para: &str, base: usize, from: usize, to: usize) -> Span {
    let s = &para[from..to];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    base + from + lead..base + from + lead + t.len()
}

/// Pairs the marks of one paragraph starting at byte `base`; returns true when a quote is
/// left open at its end (so a closing mark early in the next paragraph ends it).
fn pair_paragraph(
    base: usize,
    para: &str,
    carried: bool,
    next_first: Option<char>,
    out: &mut Vec<MarkPair>,
) -> bool {
    if !para.bytes().any(|b| b == b'"' || b == b'\'' || b >= 0xC2) {
        return false;
    }
    let mut stack = OpenStack::default();
    let mut carried = carried;
    let marks = para.char_indices().filter(|&(_, c)| is_mark(c));
    for (i, c) in marks {
        let prev = para[..i].chars().next_back();
        let next = para[i + c.len_utf8()..].chars().next();
        if is_apostrophe(c, prev, next) {
            continue;
        }
        let lf = left_flanking(prev, next);
        let rf = right_flanking(prev, next);
        let expected = stack.nearest_closed_by(c);
        let close_ok = stack_directed(c) || !straight(c) || rf || !lf;
        if let (Some(j), true) = (expected, close_ok) {
            if let Some(open) = stack.close(j) {
                push_pair(para, base, open.pos, i, c.len_utf8(), j, out);
            }
        } else if !closers(c).is_empty() && (lf || (stack_directed(c) && !rf)) {
            let open = Open {
                mark: c,
                pos: base + i,
            };
            stack.push(open, closers(c));
        } else if carried && stack.is_empty() && rf && closes_something(c) {
            let inner = trimmed(para, base, 0, i);
            if inner.len() <= MAX_QUOTE_BYTES && !inner.is_empty() {
                out.push(MarkPair {
                    inner,
                    outer: base..base + i + c.len_utf8(),
                    depth: 0,
                    continues: false,
                });
            }
        }
        carried = false;
    }
    finish_paragraph(para, base, stack.first(), next_first, out)
}

fn closes_something(c: char) -> bool {
    matches!(c, '"' | '”' | '“' | '»' | '«' | '’' | '›' | '」' | '』')
}

fn push_pair(
    para: &str,
    base: usize,
    open_pos: usize,
    close_i: usize,
    close_len: usize,
    depth: usize,
    out: &mut Vec<MarkPair>,
) {
    let open_i = open_pos - base;
    let open_len = para[open_i..].chars().next().map_or(1, char::len_utf8);
    let inner = trimmed(para, base, open_i + open_len, close_i);
    let outer = open_pos..base + close_i + close_len;
    if !inner.is_empty() && outer.len() <= MAX_QUOTE_BYTES {
        out.push(MarkPair {
            inner,
            outer,
            depth,
            continues: false,
        });
    }
}

/// Closes the bottom open quote at the paragraph end when it opens the paragraph or the next
/// paragraph reopens with a quotation mark; returns whether a quote runs on.
fn finish_paragraph(
    para: &str,
    base: usize,
    bottom: Option<&Open>,
    next_first: Option<char>,
    out: &mut Vec<MarkPair>,
) -> bool {
    let Some(open) = bottom else {
        return false;
    };
    let open_i = open.pos - base;
    let at_start = para[..open_i].trim().is_empty();
    let reopened = next_first.is_some_and(is_mark);
    if !(at_start || reopened) {
        return false;
    }
    let open_len = open.mark.len_utf8();
    let inner = trimmed(para, base, open_i + open_len, para.len());
    let outer = trimmed(para, base, open_i, para.len());
    if inner.is_empty() || outer.len() > MAX_QUOTE_BYTES {
        return false;
    }
    out.push(MarkPair {
        inner,
        outer,
        depth: 0,
        continues: true,
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner_texts(text: &str) -> Vec<&str> {
        pair_marks(text)
            .into_iter()
            .map(|q| &text[q.inner])
            .collect()
    }

    #[test]
    fn pairs_every_convention() {
        let cases = [
            ("He said \"we go now\" and left.", "we go now"),
            ("He said “we go now” and left.", "we go now"),
            ("Er sagte „wir gehen jetzt“ und ging.", "wir gehen jetzt"),
            ("Er sagte „wir gehen jetzt\" und ging.", "wir gehen jetzt"),
            ("Il a dit « nous partons\u{a0}» hier.", "nous partons"),
            (
                "Il a dit «\u{202f}nous partons\u{202f}» hier.",
                "nous partons",
            ),
            ("Er sagte » wir gehen « und ging.", "wir gehen"),
            ("Er sagte »wir gehen« und ging.", "wir gehen"),
            ("Er sagte ‚wir gehen‘ und ging.", "wir gehen"),
            ("He said ‘we go now’ and left.", "we go now"),
            ("Il a dit ‹ nous partons › hier.", "nous partons"),
            ("彼は「今行く」と言った。", "今行く"),
            ("Он сказал: «Мы уходим».", "Мы уходим"),
            ("Он сказал: „Мы уходим“.", "Мы уходим"),
        ];
        for (text, want) in cases {
            assert_eq!(inner_texts(text), vec![want], "{text}");
        }
    }

    #[test]
    fn nested_quotes_pair_inside_out() {
        let t = "\"We note the 'tangle' of contradictions,\" he said.";
        assert_eq!(
            inner_texts(t),
            vec!["We note the 'tangle' of contradictions,", "tangle"]
        );
        let q = pair_marks(t);
        assert_eq!((q[0].depth, q[1].depth), (0, 1));
        let t = "«Он назвал это „ошибкой“», — сказал он.";
        assert_eq!(inner_texts(t), vec!["Он назвал это „ошибкой“", "ошибкой"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let t = "O’Brien said they don’t know Jones’ plan, and ‘it’s fine’ was all.";
        assert_eq!(inner_texts(t), vec!["it’s fine"]);
        assert!(inner_texts("Jones' car and O'Brien's don't.").is_empty());
    }

    #[test]
    fn paragraph_break_closes_an_open_quote() {
        let t = "“First part of a long quote.\n\n“Second part,” she said.";
        let q = inner_texts(t);
        assert_eq!(q, vec!["First part of a long quote.", "Second part,"]);
        assert!(pair_marks(t)[0].continues);
    }

    #[test]
    fn a_stray_mark_does_not_swallow_the_text() {
        let t = "He is 6\" tall and \"fine\n\nNext paragraph \"here\" ok.";
        assert_eq!(inner_texts(t), vec!["here"]);
        let long = format!("“{}", "word ".repeat(2000));
        assert!(pair_marks(&long).is_empty());
    }

    #[test]
    fn a_carried_quote_closes_early_in_the_next_paragraph() {
        let t = "\"We have always said so.\n\nAnd we will,\" he said.";
        assert_eq!(
            inner_texts(t),
            vec!["We have always said so.", "And we will,"]
        );
    }

    #[test]
    fn a_paragraph_of_unclosed_marks_pairs_nothing_and_still_closes_later_quotes() {
        let n = 40_000; // 200 KB of `“a `
        let open = "“a ".repeat(n);
        assert!(pair_marks(&open).is_empty());
        let t = format!("{open}b” c");
        let q = pair_marks(&t);
        assert_eq!(q.len(), 1);
        assert_eq!((&t[q[0].inner.clone()], q[0].depth), ("a b", n - 1));
        let t = format!("‘x {open}’ then “y” ends.");
        assert_eq!(inner_texts(&t), vec!["y"]);
        assert_eq!(pair_marks(&t)[0].depth, 0);
    }
}
