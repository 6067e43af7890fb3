//! The known person mentions of one body, sorted by start with the furthest end reached so
//! far, so that the mention a speaker's name overlaps is a binary search, not a scan of every
//! mention per quote (quadratic on a body of many attributed quotes and many names).

use super::attribution::PersonMention;
use crate::analysis::Span;

/// Person mentions sorted by start.
#[derive(Debug, Clone, Default)]
pub struct Persons<'a> {
    list: Vec<PersonMention<'a>>,
    /// `reach[i]`: the furthest end of `list[..=i]`.
    reach: Vec<usize>,
}

impl<'a> Persons<'a> {
    pub fn new(persons: &[PersonMention<'a>]) -> Persons<'a> {
        let mut list = persons.to_vec();
        list.sort_by_key(|p| p.span.start);
        let reach = list
            .iter()
            .scan(0, |far, p| {
                *far = p.span.end.max(*far);
                Some(*far)
            })
            .collect();
        Persons { list, reach }
    }

    /// The mentions, sorted by start.
    pub fn sorted(&self) -> &[PersonMention<'a>] {
        &self.list
    }

    /// The first mention (by start) that overlaps `span`.
    pub fn overlapping(&self, span: &Span) -> Option<&PersonMention<'a>> {
        // mentions that start before `span` ends; the first whose end passes its start is
        // where the furthest end first does
        let before = self.list.partition_point(|p| p.span.start < span.end);
        let first = self.reach[..before].partition_point(|&end| end <= span.start);
        self.list[..before].get(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_overlapping_mention_as_a_scan_would() {
        let mention = |span: Span, entity| PersonMention {
            span,
            entity,
            name: "x",
        };
        let list = [
            mention(40..45, 3),
            mention(0..30, 0),
            mention(10..12, 1),
            mention(20..25, 2),
        ];
        let persons = Persons::new(&list);
        let mut sorted = list.to_vec();
        sorted.sort_by_key(|p| p.span.start);
        for s in 0..50 {
            for e in s + 1..52 {
                let scan = sorted
                    .iter()
                    .find(|p| p.span.start < e && s < p.span.end)
                    .map(|p| p.entity);
                assert_eq!(
                    persons.overlapping(&(s..e)).map(|p| p.entity),
                    scan,
                    "{s}..{e}"
                );
            }
        }
    }
}
