//! Title Case headlines: lines whose capitals are typographic ("Putin Says Talks With
//! Biden Went Well"), so that a headline does not make every word an entity.

use super::tokens::{Shape, Token};

/// Marks the tokens of Title Case lines: headline-sized (at most 25 words, no final stop),
/// three or more words of four letters or more, eight in ten of them capitalised.
pub fn title_case_lines(body: &str, tokens: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len())
            .find(|&k| tokens[k].line_start)
            .unwrap_or(tokens.len());
        if end - start > 25 || table_like(body, &tokens[start..end]) {
            start = end;
            continue;
        }
        let long = tokens[start..end]
            .iter()
            .filter(|t| t.shape != Shape::Other && at_least_four_chars(t.text(body)));
        let (mut total, mut caps, mut shouted) = (0, 0, 0);
        for t in long {
            total += 1;
            caps += usize::from(t.shape.is_capitalised());
            shouted += usize::from(t.shape == Shape::AllCaps);
        }
        let line_end = tokens[end - 1].end;
        // A banner in capitals is a headline even with a final stop.
        let stop = body[line_end..]
            .trim_start_matches([' ', '\t'])
            .starts_with('.')
            && shouted * 10 < total * 8;
        if total >= 3 && caps * 10 >= total * 8 && !stop {
            marks[start..end].fill(true);
        }
        start = end;
    }
    marks
}

/// A line of a results table or a list, not a headline: it opens with a number
/// ("3. Ryan Calder (Canada) 2:11.04") or holds a bracket.
fn table_like(body: &str, line: &[Token]) -> bool {
    let (Some(first), Some(last)) = (line.first(), line.last()) else {
        return false;
    };
    first.shape == Shape::Other || body[first.start..last.end].contains(['(', '\t'])
}

fn at_least_four_chars(word: &str) -> bool {
    word.len() >= 4 && (word.is_ascii() || word.chars().nth(3).is_some())
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn marks(body: &str) -> Vec<bool> {
        title_case_lines(body, &tokenize(body))
    }

    #[test]
    fn headlines_in_title_case_are_marked() {
        assert_eq!(
            marks("Putin Says Talks With Biden Went Well\nthe talks went well"),
            [
                true, true, true, true, true, true, true, false, false, false, false
            ]
        );
    }

    #[test]
    fn banners_in_capitals_are_marked_despite_a_stop() {
        assert!(
            marks("SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.")
                .iter()
                .all(|m| *m)
        );
    }

    #[test]
    fn sentences_and_sentence_case_titles_are_not() {
        assert!(
            marks("Zakharova spoke about positive changes in relations")
                .iter()
                .all(|m| !m)
        );
        assert!(
            marks("He Met Anatoly Antonov And Jake Sullivan.")
                .iter()
                .all(|m| !m)
        );
    }
}
