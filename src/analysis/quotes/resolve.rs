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
    let described_org = f.attribution == Attribution::Organisation;
    let by_name = matches!(f.attribution, Attribution::Named(_));
    let mention = f.mention.clone();
    let (speaker, how) = match f.attribution {
        Attribution::Named(s) => named(cx, &f.cue, &f.mention, s),
        Attribution::Organisation => (
            org_within(cx.orgs, &f.mention)
                .or_else(|| org_named_in(cx.body, cx.orgs, &f.mention))
                .or_else(|| organisation(cx, outer.start, &f.mention)),
            How::Role,
        ),
        Attribution::Unnamed | Attribution::Unresolved => (None, How::Named),
        Attribution::Anaphor => (
            anaphor(cx, outer.start, &f.mention),
            if f.role { How::Role } else { How::Pronoun },
        ),
    };
    // an organisation speaking is no one a later `he` or `she` stands for
    let org = described_org || (by_name && org_at(cx.orgs, &mention).is_some());
    if let Some(s) = speaker.as_ref().filter(|_| !org) {
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

/// A described organisation (`the company said`, at `mention`): the one it stands for
/// before `pos` ([`roles::last_org_before`]).
fn organisation(cx: &mut Context, pos: usize, mention: &Span) -> Option<Speaker> {
    let body = cx.body;
    let runs = cx.cued_runs.get_or_insert_with(|| roles::cued_runs(body));
    let noun = body
        .get(mention.clone())
        .and_then(|m| m.rsplit(char::is_whitespace).next());
    let near = orgs_between(cx.orgs, pos.saturating_sub(roles::ORG_LOOKBACK), pos);
    let known: Vec<(Span, &str)> = near.iter().map(|o| (o.span.clone(), o.name)).collect();
    let (name, at) = roles::last_org_before(body, pos, noun, &known, runs)?;
    Some(Speaker {
        entity: near.iter().find(|o| o.name == name).map(|o| o.entity),
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

/// The organisation a description names in capitals the index did not take for a mention
/// (`a UCI spokesman`, `a Commission spokesperson`): the organisation of the body whose name
/// has that word (or whose initials it is), else the word itself as written.
fn org_named_in(body: &str, orgs: &[PersonMention<'_>], span: &Span) -> Option<Speaker> {
    let text = body.get(span.clone())?;
    let key: Vec<&str> = text
        .split_whitespace()
        .skip(1)
        .filter(|w| is_capitalised(w))
        .collect();
    let last = *key.last()?;
    let known = orgs.iter().rev().find(|o| roles::names_with(o.name, last));
    Some(match known {
        Some(o) => Speaker {
            name: o.name.to_string(),
            entity: Some(o.entity),
            at: span.start,
        },
        None => Speaker {
            name: key.join(" "),
            entity: None,
            at: span.start,
        },
    })
}

/// The organisation a description names itself (`a WTO spokesman`), of `orgs` sorted by
/// start.
fn org_within(orgs: &[PersonMention<'_>], span: &Span) -> Option<Speaker> {
    let i = orgs.partition_point(|o| o.span.start < span.start);
    orgs[i..]
        .iter()
        .take_while(|o| o.span.start < span.end)
        .find(|o| o.span.end <= span.end)
        .map(|o| Speaker {
            name: o.name.to_string(),
            entity: Some(o.entity),
            at: o.span.start,
        })
}

/// The organisation mentions starting in `from..to`, of `orgs` sorted by start.
fn orgs_between<'o, 'p>(
    orgs: &'o [PersonMention<'p>],
    from: usize,
    to: usize,
) -> &'o [PersonMention<'p>] {
    let first = orgs.partition_point(|o| o.span.start < from);
    let end = orgs.partition_point(|o| o.span.start < to).max(first);
    &orgs[first..end]
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

    fn speakers<'a>(body: &'a str, orgs: &[(&'a str, &'a str)]) -> Vec<Option<String>> {
        let orgs: Vec<PersonMention> = orgs
            .iter()
            .enumerate()
            .filter_map(|(entity, &(written, name))| {
                let at = body.find(written)?;
                Some(PersonMention {
                    span: at..at + written.len(),
                    entity,
                    name,
                })
            })
            .collect();
        crate::analysis::quotes::find_in_with(body, &[], &orgs)
            .into_iter()
            .map(|q| q.speaker)
            .collect()
    }

    #[test]
    fn an_organisation_named_in_its_spokesperson_speaks() {
        // where the spokesman is, is no speaker; the organisation the description names is
        let body = "Both are members of the World Trade Organization. A WTO spokesman in Geneva \
                    said it had \"not yet been notified\" of the measure.";
        let orgs = [("World Trade Organization", "World Trade Organization")];
        assert_eq!(
            speakers(body, &orgs),
            [Some("World Trade Organization".into())]
        );
        // one the index does not know is named as written
        let body = "Sandvold was second. A UCI spokesman said the case would follow \
                    \"the normal procedure\".";
        assert_eq!(speakers(body, &[]), [Some("UCI".into())]);
        let body = "The drug was approved. A Commission spokesperson in Brussels said it was \
                    \"based on the science\".";
        assert_eq!(speakers(body, &[]), [Some("Commission".into())]);
    }

    #[test]
    fn a_described_organisation_is_the_one_its_noun_names() {
        let body = "Kestland Ministry of Economy officials met the Varnian Trade Ministry. \
                    \"We reserve the right to respond,\" the ministry said.";
        let orgs = [
            (
                "Kestland Ministry of Economy",
                "Kestland Ministry of Economy",
            ),
            ("Varnian Trade Ministry", "Varnian Trade Ministry"),
        ];
        // both end or hold `Ministry`: the one named last
        assert_eq!(
            speakers(body, &orgs),
            [Some("Varnian Trade Ministry".into())]
        );
        let body = "Harbour Bank staff met the Port Authority. \"Rates stay,\" the bank said.";
        let orgs = [
            ("Harbour Bank", "Harbour Bank"),
            ("Port Authority", "Port Authority"),
        ];
        assert_eq!(speakers(body, &orgs), [Some("Harbour Bank".into())]);
    }

    #[test]
    fn groups_and_organisations_are_no_one_a_pronoun_stands_for() {
        // `officials said`: people the text does not name
        let body = "The Data Protection Commission fined Murmura. \"These are children,\" \
                    officials said.";
        let orgs = [("Data Protection Commission", "Data Protection Commission")];
        assert_eq!(speakers(body, &orgs), [None]);
        // a name after `the` is an organisation's, and no `he` stands for it
        let body = "\"Mr Ferencz is expelled,\" the Liberal Forum said on Thursday. Ferencz, \
                    whose vote toppled the government, hit back within the hour. \"They \
                    expelled me for reading the contracts,\" he posted on X.";
        let at = body.rfind("Ferencz,").unwrap_or(0);
        let ferencz = [PersonMention {
            span: at..at + "Ferencz".len(),
            entity: 0,
            name: "Bogdan Ferencz",
        }];
        let got: Vec<Option<String>> = crate::analysis::quotes::find_in(body, &ferencz)
            .into_iter()
            .map(|q| q.speaker)
            .collect();
        assert_eq!(
            got,
            [Some("Liberal Forum".into()), Some("Bogdan Ferencz".into())]
        );
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
