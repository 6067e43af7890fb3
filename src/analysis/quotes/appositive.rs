//! A name set off by an appositive before its speech verb: `Sean Corrigan, chief officer of
//! the Dunmere Fire Brigade, said …` and `“…,” Erik Sandvik, the head of Brenholm Police,
//! told reporters`. The speaker is the name before the appositive, not the organisation at
//! its end.

use super::names::person_like;
use super::words::{is_capitalised, is_title};
use crate::analysis::Span;

/// Most words an appositive may hold.
const MAX_APPOSITIVE_WORDS: usize = 30;

fn gap_has_comma(body: &str, words: &[(usize, &str)], k: usize) -> bool {
    k > 0
        && body
            .get(words[k - 1].0 + words[k - 1].1.len()..words[k].0)
            .is_some_and(|g| g.contains(','))
}

/// The capitalised run ending at word `end` (inclusive), titles left out.
fn run_ending_at(body: &str, words: &[(usize, &str)], end: usize) -> Option<Span> {
    let (s, w) = words[end];
    if !is_capitalised(w) || is_title(&w.to_lowercase()) {
        return None;
    }
    let mut start = end;
    while start > 0
        && is_capitalised(words[start - 1].1)
        && !is_title(&words[start - 1].1.to_lowercase())
        && !gap_has_comma(body, words, start)
    {
        start -= 1;
    }
    Some(words[start].0..s + w.len())
}

/// The name before an appositive that ends right before the verb at word `v` (the text
/// between word `v - 1` and the verb holds a comma).
///
/// The appositive may hold commas itself (`Amara Nwosu, the union's president, who has …,
/// said`): the nearest comma before which a person's name ends opens it. An organisation
/// opens it too when `which` follows (`Velmar Container Terminals, which operates the port,
/// said`).
pub fn name_before_appositive(body: &str, words: &[(usize, &str)], v: usize) -> Option<Span> {
    if !gap_has_comma(body, words, v) {
        return None;
    }
    let which = |k: usize| words.get(k + 1).is_some_and(|w| w.1 == "which");
    (v.saturating_sub(MAX_APPOSITIVE_WORDS)..v - 1)
        .rev()
        .filter(|&k| gap_has_comma(body, words, k + 1))
        .enumerate()
        .find_map(|(n, k)| {
            let span = run_ending_at(body, words, k)?;
            // past the nearest comma, only a full name (a single capitalised word there is
            // as often a noun: `dankte den Helfern, mahnte aber …, sagte er`)
            let full = n == 0 || body[span.clone()].contains(' ');
            (full && (person_like(&body[span.clone()]) || which(k))).then_some(span)
        })
}

/// A name right after a quote, set off by a comma, before a speech verb later in the
/// sentence (`“…,” Erik Sandvik, the head of Brenholm Police, told …`): `words` start right
/// after the quote, `v` is the verb.
pub fn name_after_quote(body: &str, words: &[(usize, &str)], v: usize) -> Option<Span> {
    let mut end = 0;
    while end + 1 < v && is_capitalised(words[end + 1].1) && !gap_has_comma(body, words, end + 1) {
        end += 1;
    }
    if !gap_has_comma(body, words, end + 1) || v > end + 1 + MAX_APPOSITIVE_WORDS {
        return None;
    }
    let span = run_ending_at(body, words, end)?;
    (span.start == words[0].0 && person_like(&body[span.clone()])).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::for_each_word;

    fn words(body: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_word(body, |i, w| out.push((i, w)));
        out
    }

    #[test]
    fn the_name_before_the_appositive_speaks() {
        let body = "Sean Corrigan, chief officer of the Dunmere Fire Brigade, said so.";
        let w = words(body);
        let v = w.iter().position(|x| x.1 == "said").expect("verb");
        let got = name_before_appositive(body, &w, v).map(|s| &body[s]);
        assert_eq!(got, Some("Sean Corrigan"));
    }

    #[test]
    fn an_appositive_with_commas_or_an_organisation_before_which() {
        for (body, who) in [
            (
                "Amara Nwosu, the union's president, who has been in the building for a \
                 week, said so.",
                "Amara Nwosu",
            ),
            (
                "Velmar Container Terminals, which operates the port, said so.",
                "Velmar Container Terminals",
            ),
            ("In Kelvo, Goran Pelin, 61, said so.", "Goran Pelin"),
        ] {
            let w = words(body);
            let v = w.iter().position(|x| x.1 == "said").expect("verb");
            let got = name_before_appositive(body, &w, v).map(|s| &body[s]);
            assert_eq!(got, Some(who), "{body}");
        }
    }

    #[test]
    fn a_name_after_the_quote_with_an_appositive_speaks() {
        let body = "Erik Sandvik, the head of Brenholm Police, told a news conference.";
        let w = words(body);
        let v = w.iter().position(|x| x.1 == "told").expect("verb");
        let got = name_after_quote(body, &w, v).map(|s| &body[s]);
        assert_eq!(got, Some("Erik Sandvik"));
    }
}
