//! Quotes whose own sentence names no speaker. News prose introduces a speaker and then
//! gives the words: `Dragović said she feared the worst. “You cannot sell it.”`, `Maddox
//! paused before replying: “No.”`, or a whole paragraph of quote after the paragraph that
//! named who speaks. Such a quote goes to the speaker named last in its own paragraph (a name
//! at a speech verb or the speaker of an earlier quote, else a person mention), or, when it
//! opens its paragraph, to the one who spoke last in the paragraph before. A quote inside a
//! sentence (`calls the closures “an act of vandalism”`) is left alone: it may be a term.

use super::attribution::{PersonMention, Speaker, sentence_start};
use super::words::{is_capitalised, is_pronoun, is_speech_verb};
use super::{Attributed, How};
use crate::analysis::Span;

/// How far back a sentence is looked for (bytes).
const MAX_SENTENCE: usize = 400;

/// How far back a paragraph's start is looked for (bytes): a body without blank lines is
/// one long paragraph, and each of its quotes must not scan all of it.
const MAX_PARAGRAPH: usize = 4000;

/// Start of the paragraph holding `pos`: after the last blank line before it (at most
/// [`MAX_PARAGRAPH`] bytes back).
pub(super) fn paragraph_start(body: &str, pos: usize) -> usize {
    let mut floor = pos.saturating_sub(MAX_PARAGRAPH);
    while !body.is_char_boundary(floor) {
        floor += 1;
    }
    let head = body.get(floor..pos).unwrap_or_default();
    let mut at = head.len();
    while let Some(i) = head[..at].rfind('\n') {
        if head[..i]
            .trim_end_matches([' ', '\t', '\r'])
            .ends_with('\n')
        {
            return floor + i + 1;
        }
        at = i;
    }
    floor
}

/// The last item of `items` (sorted by position) in `from..to`.
fn last_in<T>(items: &[T], from: usize, to: usize, at: impl Fn(&T) -> usize) -> Option<&T> {
    let i = items.partition_point(|x| at(x) < to);
    i.checked_sub(1)
        .map(|i| &items[i])
        .filter(|x| at(x) >= from)
}

/// Gives speakers to the top-level quotes of `outers` that have none and stand at the start
/// of a sentence. `names` are the speech names of the body, `persons` its person mentions,
/// both sorted by position.
pub(super) fn attribute_floating(
    body: &str,
    outers: &[(Span, bool)],
    found: &mut [Attributed],
    persons: &[&PersonMention],
    names: &[Speaker],
) {
    let mut spoke: Vec<Speaker> = Vec::new();
    for (k, (outer, top)) in outers.iter().enumerate() {
        if !top {
            continue;
        }
        if found[k].speaker.is_none() && found[k].cue.is_none() {
            found[k].speaker = floating_speaker(body, outer, persons, names, &spoke);
            found[k].how = found[k].speaker.as_ref().map(|_| How::Context);
        }
        if let Some(s) = &found[k].speaker {
            spoke.push(Speaker {
                at: outer.start,
                ..s.clone()
            });
        }
    }
}

/// The speaker of one quote that its sentence does not attribute; see the module doc.
fn floating_speaker(
    body: &str,
    outer: &Span,
    persons: &[&PersonMention],
    names: &[Speaker],
    spoke: &[Speaker],
) -> Option<Speaker> {
    let sentence = sentence_start(body, outer.start, MAX_SENTENCE);
    let lead = body.get(sentence..outer.start)?.trim();
    let colon = lead.ends_with(':');
    if !lead.is_empty() && !colon {
        return None;
    }
    let para = paragraph_start(body, outer.start);
    let named = |from: usize, to: usize| {
        let n = last_in(names, from, to, |s| s.at);
        let e = last_in(spoke, from, to, |s| s.at);
        match (n, e) {
            (Some(n), Some(e)) => Some(if e.at >= n.at { e } else { n }),
            (n, e) => n.or(e),
        }
        .cloned()
    };
    let mention = |from: usize, to: usize| {
        last_in(persons, from, to, |p| p.span.start).map(|p| Speaker {
            name: p.name.to_string(),
            entity: Some(p.entity),
            at: p.span.start,
        })
    };
    if para < outer.start {
        if let Some(s) = named(para, outer.start).or_else(|| mention(para, outer.start)) {
            return Some(s);
        }
        if pronoun_speaks(body, para, outer.start) {
            // `He said the service was stretched. “We had 600 cases.”`: whoever the pronoun
            // stands for, named in the paragraph before
            let before = paragraph_start(body, para.saturating_sub(1));
            return named(before, para).or_else(|| mention(before, para));
        }
    }
    let opens_paragraph = body
        .get(para..outer.start)
        .is_some_and(|g| g.trim().is_empty());
    if opens_paragraph && para > 0 {
        let before = paragraph_start(body, para.saturating_sub(1));
        // a person merely mentioned before counts only for a paragraph that is all quote
        // (`Ana Ferik spoke for an hour.` / `“They had eight years.”`)
        let rest = body.get(outer.end..).unwrap_or_default();
        let rest = rest.split('\n').next().unwrap_or_default();
        let all_quote = rest.chars().all(|c| !c.is_alphanumeric());
        return named(before, para).or_else(|| all_quote.then(|| mention(before, para)).flatten());
    }
    None
}

/// True when `body[from..to]` holds a pronoun followed by a speech verb (`she added`).
fn pronoun_speaks(body: &str, from: usize, to: usize) -> bool {
    let mut words: Vec<&str> = Vec::new();
    crate::text::for_each_word(body.get(from..to).unwrap_or_default(), |_, w| words.push(w));
    words
        .windows(2)
        .any(|p| is_pronoun(&p[0].to_lowercase()) && !is_capitalised(p[1]) && is_speech_verb(p[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_in;

    fn speakers(body: &str) -> Vec<Option<String>> {
        find_in(body, &[]).into_iter().map(|q| q.speaker).collect()
    }

    #[test]
    fn a_quote_after_the_sentence_that_names_its_speaker() {
        let body = "Museum director Mila Dragovic said she feared the worst. “You cannot sell \
                    a thing like this. Every dealer knows it.”";
        assert_eq!(speakers(body), [Some("Mila Dragovic".to_string())]);
    }

    #[test]
    fn a_quote_paragraph_goes_to_the_speaker_of_the_paragraph_before() {
        let body = "“We are close,” Joris Amsel said on Monday.\n\n“There are two or three \
                    things that matter a great deal to our voters.”\n\nThe talks go on.\n\n\
                    “Nobody knows when it ends.”";
        assert_eq!(
            speakers(body),
            [
                Some("Joris Amsel".to_string()),
                Some("Joris Amsel".to_string()),
                None
            ]
        );
    }

    #[test]
    fn a_quote_inside_a_sentence_is_left_alone() {
        let body = "Peter Lund said the talks were hard. The letter calls the closures \
                    “an act of vandalism”.";
        assert_eq!(speakers(body), [None]);
    }

    #[test]
    fn paragraphs_start_after_blank_lines() {
        let body = "one\ntwo\n\nthree\n \nfour";
        assert_eq!(paragraph_start(body, body.find("two").unwrap_or(0)), 0);
        assert_eq!(paragraph_start(body, body.find("three").unwrap_or(0)), 9);
        assert_eq!(paragraph_start(body, body.find("four").unwrap_or(0)), 17);
    }
}
