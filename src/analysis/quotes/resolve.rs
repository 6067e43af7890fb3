//! A quote's attribution made a speaker: a name as written, made the organisation the entity
//! index knows when it is one (`Halvern` → `Halvern Pharma`); a described organisation (`the
//! airline said`) made the one named last; a pronoun or role made the person it stands for
//! (the person named last, the paragraph's speaker before a mere mention, of the pronoun's
//! gender). Each speaker found is remembered for the pronouns after it.

use super::attribution::{self, Attribution, PersonMention, Speaker};
use super::persons::Persons;
use super::words::{is_capitalised, is_role_determiner};
use super::{Attributed, Context, How, floating, gender, names, roles};
use crate::analysis::Span;

/// The speaker a quote's attribution `f` names, remembered for the pronouns after it.
pub(super) fn attributed(cx: &mut Context, outer: &Span, f: attribution::Found) -> Attributed {
    let unread = f.attribution == Attribution::Unresolved;
    let (speaker, how) = match f.attribution {
        Attribution::Named(s) => named(cx, &f.cue, &f.mention, s),
        Attribution::Organisation => (organisation(cx, outer.start), How::Role),
        Attribution::Unnamed | Attribution::Unresolved => (None, How::Named),
        Attribution::Anaphor => (
            anaphor(cx, outer.start, &f.mention),
            if f.role { How::Role } else { How::Pronoun },
        ),
    };
    if let Some(s) = &speaker {
        cx.earlier.push(Speaker {
            at: outer.start,
            ..s.clone()
        });
    }
    Attributed {
        how: speaker.as_ref().map(|_| how),
        speaker,
        cue: Some(f.cue),
        // an unread attribution names no one: its cue alone is kept
        mention: (!unread).then_some(f.mention),
    }
}

/// A name: the organisation it mentions when the index knows one there.
fn named(cx: &Context, cue: &Span, mention: &Span, s: Speaker) -> (Option<Speaker>, How) {
    let s = match org_at(cx.orgs, mention) {
        Some(o) if s.entity.is_none() => Speaker {
            name: o.name.to_string(),
            entity: Some(o.entity),
            at: mention.start,
        },
        _ => s,
    };
    let according = cx
        .body
        .get(cue.clone())
        .is_some_and(|w| super::words::is_according(&w.to_lowercase()));
    let how = if according {
        How::AccordingTo
    } else {
        How::Named
    };
    (Some(s), how)
}

/// A described organisation (`the company said`): the organisation named last before `pos`.
fn organisation(cx: &mut Context, pos: usize) -> Option<Speaker> {
    let body = cx.body;
    let runs = cx.cued_runs.get_or_insert_with(|| roles::cued_runs(body));
    let last = orgs_before(cx.orgs, pos);
    let known: Vec<(Span, &str)> = last.iter().map(|o| (o.span.clone(), o.name)).collect();
    let org = roles::last_org_before(body, pos, &known, runs);
    org.map(|(name, at)| Speaker {
        entity: last.iter().find(|o| o.name == name).map(|o| o.entity),
        name,
        at,
    })
}

/// A pronoun or role at `mention`, attributing the quote at `pos`: the person it stands for.
fn anaphor(cx: &mut Context, pos: usize, mention: &Span) -> Option<Speaker> {
    let (body, persons, tops) = (cx.body, cx.persons, &cx.tops);
    let names = cx
        .named_in_text
        .get_or_insert_with(|| attribution::speech_names(body, tops, persons));
    let mut s = attribution::latest_before(pos, &cx.persons_by_start, names, &cx.earlier);
    if let Some(start) = s.as_ref().and_then(|s| asked_clause(body, s.at)) {
        // `Asked about Gritsenko, he said`: who was asked about is not who answers
        s = attribution::latest_before(start, &cx.persons_by_start, names, &cx.earlier);
    }
    let s = prefer_speaker_in_paragraph(body, pos, s, names, &cx.earlier);
    let para = floating::paragraph_start(body, pos);
    if s.as_ref().is_some_and(|s| s.at < para) && introduces_someone(body, para, pos, cx.persons) {
        // `Fischhändlerin Helga Brodersen … „…“, sagte die 63-Jährige`: the paragraph names
        // someone the index does not know; whoever spoke before is not meant
        return None;
    }
    let Some(g) = body.get(mention.clone()).and_then(gender::of_pronoun) else {
        return s;
    };
    let by_start = &cx.persons_by_start;
    let genders = cx.genders.get_or_insert_with(|| {
        let mut people: Vec<Speaker> = by_start
            .iter()
            .map(|p| Speaker {
                name: p.name.to_string(),
                entity: Some(p.entity),
                at: p.span.start,
            })
            .chain(names.iter().cloned())
            .collect();
        people.sort_by_key(|p| p.at);
        gender::Genders::read(body, &people, tops)
    });
    let spoke: [&[Speaker]; 2] = [names, &cx.earlier];
    gender::agreeing(genders, g, pos, s, by_start, &spoke)
}

/// True when `body[from..to]` holds a name of two or more words that looks like a person's
/// and is no person mention the index knows (nor follows a determiner).
fn introduces_someone(body: &str, from: usize, to: usize, persons: &Persons) -> bool {
    let mut words: Vec<(usize, &str)> = Vec::new();
    crate::text::for_each_word(body.get(from..to).unwrap_or_default(), |i, w| {
        words.push((from + i, w));
    });
    let mut k = 0;
    while k < words.len() {
        let start = k;
        while k < words.len()
            && is_capitalised(words[k].1)
            && (k == start || joined(body, words[k - 1], words[k]))
        {
            k += 1;
        }
        // `alongside the Green Left`: a name after a determiner is an organisation's
        let after_det = start > 0 && is_role_determiner(words[start - 1].1);
        if k - start >= 2 && !after_det {
            let span = words[start].0..words[k - 1].0 + words[k - 1].1.len();
            if persons.overlapping(&span).is_none() && names::person_like(&body[span]) {
                return true;
            }
        }
        k = k.max(start + 1);
    }
    false
}

/// True when only spaces stand between two words.
fn joined(body: &str, a: (usize, &str), b: (usize, &str)) -> bool {
    body.get(a.0 + a.1.len()..b.0)
        .is_some_and(|g| g.chars().all(|c| c == ' '))
}

/// Where the `Asked about …,` clause opening a sentence starts, when `at` lies in one.
fn asked_clause(body: &str, at: usize) -> Option<usize> {
    let start = attribution::sentence_start(body, at, 300);
    let head = body.get(start..at)?;
    let lead = head.len() - head.trim_start().len();
    let clause = &head[lead..];
    (clause.starts_with("Asked ") && !clause.contains(',')).then_some(start + lead)
}

/// The organisation mention `span` falls in, of `orgs` sorted by start.
fn org_at<'o, 'p>(orgs: &'o [PersonMention<'p>], span: &Span) -> Option<&'o PersonMention<'p>> {
    let i = orgs.partition_point(|o| o.span.start <= span.start);
    i.checked_sub(1)
        .map(|i| &orgs[i])
        .filter(|o| o.span.end > span.start)
}

/// The last few organisation mentions before `pos` (the one named last is all that counts).
fn orgs_before<'o, 'p>(orgs: &'o [PersonMention<'p>], pos: usize) -> &'o [PersonMention<'p>] {
    let i = orgs.partition_point(|o| o.span.start < pos);
    &orgs[i.saturating_sub(1)..i]
}

/// A pronoun resolves to the person named last; but when someone spoke earlier in the same
/// paragraph and a person merely mentioned since is that last one (`Sharon Carver, whose son
/// died alongside Jodie Pettit, said … “…,” she said`), the speaker is meant.
fn prefer_speaker_in_paragraph(
    body: &str,
    pos: usize,
    found: Option<Speaker>,
    names: &[Speaker],
    earlier: &[Speaker],
) -> Option<Speaker> {
    let para = floating::paragraph_start(body, pos);
    let last = |list: &[Speaker]| {
        let i = list.partition_point(|s| s.at < pos);
        i.checked_sub(1)
            .map(|i| &list[i])
            .filter(|s| s.at >= para)
            .cloned()
    };
    let spoke = match (last(names), last(earlier)) {
        (Some(n), Some(e)) => Some(if e.at >= n.at { e } else { n }),
        (n, e) => n.or(e),
    };
    match (found, spoke) {
        (Some(f), Some(s)) if f.at > s.at && f.name != s.name => Some(s),
        (f, s) => f.or(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::quotes::find_in;

    #[test]
    fn a_role_does_not_reach_past_someone_the_paragraph_introduces() {
        let body = "„Wir helfen“, sagte Bürgermeisterin Anke Tiedje.\n\nFischhändlerin Helga \
                    Brodersen hat geräumt. „So schlimm war es noch nie“, sagte die 63-Jährige.";
        let q = find_in(body, &[]);
        let speakers: Vec<Option<&str>> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Anke Tiedje"), None]);
        let body = "„Wir helfen“, sagte Bürgermeisterin Anke Tiedje.\n\nSie sah sich um. \
                    „So schlimm war es noch nie“, sagte die 63-Jährige.";
        let q = find_in(body, &[]);
        assert_eq!(q[1].speaker.as_deref(), Some("Anke Tiedje"));
    }

    #[test]
    fn who_was_asked_about_does_not_answer() {
        let body = "Yuriy Dovbush left hospital on Friday. Asked about the ambassador Oleksander \
                    Gritsenko, he shrugged. “He is a polite man,” he said.";
        let at = |w: &str| body.find(w).map_or(0..0, |i| i..i + w.len());
        let persons = [
            PersonMention {
                span: at("Yuriy Dovbush"),
                entity: 0,
                name: "Yuriy Dovbush",
            },
            PersonMention {
                span: at("Oleksander Gritsenko"),
                entity: 1,
                name: "Oleksander Gritsenko",
            },
        ];
        let q = find_in(body, &persons);
        assert_eq!(q[0].speaker.as_deref(), Some("Yuriy Dovbush"));
        assert_eq!(
            asked_clause(body, body.find("Gritsenko").unwrap_or(0)),
            body.find("Asked")
        );
        assert_eq!(asked_clause(body, body.find("Dovbush").unwrap_or(0)), None);
    }
}
