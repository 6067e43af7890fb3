//! Dialogue dashes: the Russian, Spanish and French convention of opening a quoted line with
//! a dash at the start of its paragraph instead of quotation marks.
//!
//! `— Мы готовы, — сказал Лавров. — Начнём.` and `—Estamos listos —dijo Ana—. Empecemos.`
//! hold two fragments of one statement around an attribution: a dash inside the line followed
//! by a lower-case word opens the attribution, the next dash closes it. A line opened by a
//! dash is dialogue only when something says so (an English list may open its items with
//! dashes too): its own attribution, a paragraph before ending in a colon, or a neighbouring
//! dash line that is dialogue.

use super::pairing::MarkPair;
use crate::analysis::Span;

/// True for a dash that opens or interrupts a line of dialogue.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―' | '–')
}

/// One line opened by a dash: the fragments of its quote, and whether an attribution
/// interrupts or follows it.
struct Line {
    fragments: Vec<MarkPair>,
    attributed: bool,
}

/// The quotes of every dialogue line of `text`, as mark pairs (depth 0); the dash is the
/// opening mark, and an attribution's dash the closing one.
pub fn dialogue_pairs(text: &str) -> Vec<MarkPair> {
    let mut lines: Vec<(usize, Option<Line>, bool)> = Vec::new(); // (start, line, colon before)
    let mut start = 0;
    let mut colon = false;
    for para in text.split('\n') {
        let trimmed = para.trim();
        if !trimmed.is_empty() {
            lines.push((start, dash_line(start, para), colon));
            colon = trimmed.ends_with(':');
        }
        start += para.len() + 1;
    }
    // a run of consecutive dash lines is dialogue when one of them is attributed or the
    // paragraph before the run ends in a colon
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if lines[k].1.is_none() {
            k += 1;
            continue;
        }
        let run_start = k;
        while k < lines.len() && lines[k].1.is_some() {
            k += 1;
        }
        let run = &mut lines[run_start..k];
        let dialogue = run[0].2
            || run
                .iter()
                .any(|l| l.1.as_ref().is_some_and(|l| l.attributed));
        if dialogue {
            for (_, line, _) in run.iter_mut() {
                out.extend(line.take().map(|l| l.fragments).unwrap_or_default());
            }
        }
    }
    out
}

/// The quote fragments of one paragraph at `base` when it opens with a dash.
fn dash_line(base: usize, para: &str) -> Option<Line> {
    let lead = para.len() - para.trim_start().len();
    let opener = para[lead..].chars().next().filter(|&c| is_dash(c))?;
    let mut fragments = Vec::new();
    let mut attributed = false;
    let mut open = lead; // where the current fragment's dash stands
    let mut from = lead + opener.len_utf8(); // where its words start
    let mut in_attribution = false;
    for (i, c) in para.char_indices().filter(|&(i, c)| i > lead && is_dash(c)) {
        let after = para[i + c.len_utf8()..].trim_start();
        if in_attribution {
            // the dash closing the attribution: what follows is the next fragment
            in_attribution = false;
            open = i;
            from = i + c.len_utf8();
        } else if after.chars().next().is_some_and(char::is_lowercase) {
            push(base, para, open, from, i, &mut fragments);
            attributed = true;
            in_attribution = true;
        }
    }
    if in_attribution {
        return Some(Line {
            fragments,
            attributed,
        });
    }
    // the last fragment runs to the paragraph's end: unless only punctuation follows the
    // attribution's closing dash (`—dijo Ana—.`)
    let end = para.trim_end().len();
    if para[from.min(end)..end].chars().any(char::is_alphanumeric) {
        push(base, para, open, from, end, &mut fragments);
    }
    Some(Line {
        fragments,
        attributed,
    })
}

/// Adds the fragment `para[from..to]` (its dash at `open`) when it holds words.
fn push(base: usize, para: &str, open: usize, from: usize, to: usize, out: &mut Vec<MarkPair>) {
    let text = &para[from..to];
    let words = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    if words.trim().is_empty() {
        return;
    }
    let start = to - words.len();
    let inner: Span = base + start..base + start + words.trim_end().len();
    out.push(MarkPair {
        outer: base + open..inner.end,
        inner,
        depth: 0,
        continues: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(text: &str) -> Vec<&str> {
        dialogue_pairs(text)
            .into_iter()
            .map(|p| &text[p.inner])
            .collect()
    }

    #[test]
    fn russian_dialogue_around_an_attribution() {
        let t = "Лавров вышел к журналистам.\n\n— Мы готовы, — сказал Лавров. — Начнём.";
        assert_eq!(inners(t), ["Мы готовы,", "Начнём."]);
    }

    #[test]
    fn spanish_dialogue_with_closing_dash() {
        let t = "—Estamos listos —dijo Ana Ruiz—. Empecemos ya.";
        assert_eq!(inners(t), ["Estamos listos", "Empecemos ya."]);
        let t = "—No lo sé —respondió ella—.";
        assert_eq!(inners(t), ["No lo sé"]);
    }

    #[test]
    fn dash_lines_after_a_colon_are_dialogue() {
        let t = "Il a répondu :\n\n— Nous sommes prêts.\n\n— Et demain ?";
        assert_eq!(inners(t), ["Nous sommes prêts.", "Et demain ?"]);
    }

    #[test]
    fn a_dashed_list_is_no_dialogue() {
        let t = "The plan has three parts.\n\n— A new bridge.\n\n— Two schools.";
        assert!(inners(t).is_empty());
    }

    #[test]
    fn a_dialogue_line_is_one_statement_with_its_speaker() {
        let t = "Министр вышел к журналистам.\n\n— Мы готовы, — сказал Сергей Лавров. — Начнём.";
        let q = crate::analysis::quotes::find_in(t, &[]);
        let got: Vec<(&str, Option<&str>, usize)> = q
            .iter()
            .map(|q| (&t[q.inner.clone()], q.speaker.as_deref(), q.statement))
            .collect();
        assert_eq!(
            got,
            [
                ("Мы готовы,", Some("Сергей Лавров"), 0),
                ("Начнём.", Some("Сергей Лавров"), 0)
            ]
        );
    }

    #[test]
    fn marks_inside_a_dialogue_line_are_nested() {
        let t = "— Он ответил «нет», — сказал Лавров.";
        let pairs = super::super::pairing::pair_marks(t);
        let got: Vec<(&str, usize)> = pairs
            .iter()
            .map(|p| (&t[p.inner.clone()], p.depth))
            .collect();
        assert_eq!(got, [("Он ответил «нет»,", 0), ("нет", 1)]);
    }

    #[test]
    fn offsets_stay_on_char_boundaries_in_odd_lines() {
        for t in ["—", "— —", "—— a", "—a—b—c—", "\n—\n—é—"] {
            for p in dialogue_pairs(t) {
                assert!(t.get(p.outer.clone()).is_some() && t.get(p.inner.clone()).is_some());
            }
        }
    }
}
