use super::*;

fn speaker(body: &str, quote: &str) -> Option<String> {
    let start = body.find(quote).expect("quote in body");
    let outer = start..start + quote.len();
    let none = Persons::default();
    let earlier = speech_names(body, std::slice::from_ref(&outer), &none);
    match attribute(body, &outer, body.len(), &none)? {
        Attribution::Named(s) => Some(s.name),
        Attribution::Anaphor => nearest_before(outer.start, &[], &earlier).map(|s| s.name),
        Attribution::Organisation | Attribution::Unnamed | Attribution::Unresolved => None,
    }
}

#[test]
fn reads_the_common_patterns() {
    let q = "“We are ready.”";
    assert_eq!(
        speaker(&format!("{q} said Foreign Minister Sergei Lavrov."), q),
        Some("Sergei Lavrov".into())
    );
    assert_eq!(
        speaker(&format!("{q}, Anna Schmidt told reporters."), q),
        Some("Anna Schmidt".into())
    );
    assert_eq!(
        speaker(&format!("Prime Minister Jan Novak said: {q}"), q),
        Some("Jan Novak".into())
    );
    assert_eq!(
        speaker(&format!("According to Zakharova, {q}"), q),
        Some("Zakharova".into())
    );
}

#[test]
fn a_pronoun_resolves_to_the_last_named_speaker() {
    let q = "“It is a program document.”";
    let body = format!("According to Maria Zakharova, talks go on. {q}, – she stressed.");
    assert_eq!(speaker(&body, q), Some("Maria Zakharova".into()));
    let body = format!("Oleg Syromolotov said talks go on. {q} the diplomat said.");
    assert_eq!(speaker(&body, q), Some("Oleg Syromolotov".into()));
}

#[test]
fn an_entity_mention_names_the_speaker() {
    let body = "“Fine,” said Putin.";
    let at = body.find("Putin").expect("name");
    let persons = [PersonMention {
        span: at..at + 5,
        entity: 3,
        name: "Vladimir Putin",
    }];
    let end = body.find(',').expect("comma");
    let persons = Persons::new(&persons);
    let Some(Attribution::Named(s)) = attribute(body, &(0..end), body.len(), &persons) else {
        panic!("no speaker");
    };
    assert_eq!((s.name.as_str(), s.entity), ("Vladimir Putin", Some(3)));
}

#[test]
fn no_verb_no_speaker() {
    let q = "“cyber attacks”";
    assert_eq!(speaker(&format!("The so-called {q} go on."), q), None);
}

#[test]
fn speech_names_skip_words_inside_quotes() {
    let body = "“Lee said no,” Ann Park said. “Kim said so.” Bo Li told us. “Tom said.”";
    let quotes: Vec<Span> = ["“Lee said no,”", "“Kim said so.”", "“Tom said.”"]
        .iter()
        .filter_map(|q| body.find(q).map(|i| i..i + q.len()))
        .collect();
    let names: Vec<String> = speech_names(body, &quotes, &Persons::default())
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Ann Park", "Bo Li"]);
    let body = "„Das ist ein Irrtum“, sagte Nina Hoffmann.";
    let quote = body.find('„').unwrap_or(0)..body.find(',').unwrap_or(0);
    let names: Vec<String> = speech_names(body, &[quote], &Persons::default())
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["Nina Hoffmann"]);
}

#[test]
fn a_lone_word_the_index_does_not_know_is_a_group_not_a_speaker() {
    let body = "Mira Olsen spoke first. Critics say the plan is late. Regulators said little.";
    let names: Vec<String> = speech_names(body, &[], &Persons::default())
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        !names.iter().any(|n| n == "Critics" || n == "Regulators"),
        "{names:?}"
    );
}

#[test]
fn latest_before_agrees_with_nearest_before() {
    let speaker = |name: &str, at| Speaker {
        name: name.into(),
        entity: None,
        at,
    };
    let persons = [
        PersonMention {
            span: 40..45,
            entity: 1,
            name: "Biden",
        },
        PersonMention {
            span: 5..10,
            entity: 0,
            name: "Putin",
        },
    ];
    let names = [speaker("Lavrov", 20), speaker("Peskov", 60)];
    let earlier = [speaker("Lavrov", 20), speaker("Zakharova", 50)];
    let mut sorted: Vec<&PersonMention> = persons.iter().collect();
    sorted.sort_by_key(|p| p.span.start);
    let known: Vec<Speaker> = names.iter().chain(&earlier).cloned().collect();
    for pos in [0, 5, 6, 21, 41, 51, 61, 100] {
        assert_eq!(
            latest_before(pos, &sorted, &names, &earlier),
            nearest_before(pos, &persons, &known),
            "at {pos}"
        );
    }
}

#[test]
fn a_person_of_an_organisation_speaks_not_the_organisation() {
    for (body, who) in [
        (
            "Dominic Farrant of the University and College Staff Union called it “a partial \
             victory”.",
            "Dominic Farrant",
        ),
        (
            "Glenys Harker of Reopen the Westmoor Line said it was “the first yes”.",
            "Glenys Harker",
        ),
        (
            "“It is a dangerous storm,” Megan Tolliver of the National Weather Service said.",
            "Megan Tolliver",
        ),
    ] {
        let q = &body[body.find('“').unwrap_or(0)..body.find('”').map_or(0, |i| i + 3)];
        assert_eq!(speaker(body, q).as_deref(), Some(who), "{body}");
    }
}

#[test]
fn unnamed_speakers_stay_unnamed() {
    for body in [
        "“He owes us,” said one season-ticket holder.",
        "His lawyer said: “My client will cooperate.”",
        "“It was his life,” said a cousin, who did not want to be named.",
    ] {
        let q = &body[body.find('“').unwrap_or(0)..body.find('”').map_or(0, |i| i + 3)];
        assert_eq!(speaker(body, q), None, "{body}");
    }
}

/// Every prefix of a body dense with the cues after quotes (`so`, `selon`, a role, an
/// unreadable verb), cut at any character: spans on character boundaries, no panic.
#[test]
fn cues_cut_anywhere_stay_on_char_boundaries() {
    let body = "„Die Lage“, so Jörg Hällmann, der Sprecher. «Oui», selon l’élu Ümit Öz. \
                \"Ja\", sagte die 63-Jährige. “No,” wrote the union’s leader Ünal Öz on X. \
                “Why?” asked — „Gut\", so der Sprecher Åke Ørn. ''Si'', dijo el alcalde Íñigo Ruíz";
    for (i, _) in body.char_indices() {
        let cut = &body[..i];
        for q in crate::analysis::quotes::find_in(cut, &[]) {
            for s in [Some(q.inner), Some(q.outer), q.mention, q.cue, q.clause]
                .into_iter()
                .flatten()
            {
                assert!(s.start <= s.end && s.end <= cut.len(), "{cut}");
                assert!(cut.is_char_boundary(s.start) && cut.is_char_boundary(s.end));
            }
        }
    }
}
