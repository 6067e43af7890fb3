//! The stack of open quotation marks used by pairing, with an index by closing mark so that
//! finding the nearest open mark a closer may end is O(1) instead of a scan of the stack.
//!
//! Without the index a paragraph of many unclosed marks (`“a “a “a …`) rescans the whole
//! stack at every mark, which is quadratic: minutes for a 2 MB paragraph.

/// One open quotation mark.
pub(super) struct Open {
    pub mark: char,
    /// Byte offset of the mark in the whole text.
    pub pos: usize,
}

/// Open marks, bottom first, and for each closing mark the stack positions (increasing) of
/// the open marks it may close.
#[derive(Default)]
pub(super) struct OpenStack {
    opens: Vec<Open>,
    by_closer: Vec<(char, Vec<usize>)>,
}

impl OpenStack {
    /// Pushes an open mark that any of `closers` may close.
    pub fn push(&mut self, open: Open, closers: &[char]) {
        let at = self.opens.len();
        for &c in closers {
            match self.by_closer.iter_mut().find(|(k, _)| *k == c) {
                Some((_, list)) => list.push(at),
                None => self.by_closer.push((c, vec![at])),
            }
        }
        self.opens.push(open);
    }

    /// Stack position of the topmost open mark that `closer` may close.
    pub fn nearest_closed_by(&self, closer: char) -> Option<usize> {
        self.by_closer
            .iter()
            .find(|(k, _)| *k == closer)
            .and_then(|(_, list)| list.last().copied())
    }

    /// Closes the open mark at position `at`, dropping every mark opened after it (a closer
    /// ends the quotes nested inside the one it closes); returns the closed mark.
    pub fn close(&mut self, at: usize) -> Option<Open> {
        self.opens.truncate(at + 1);
        let open = self.opens.pop();
        for (_, list) in &mut self.by_closer {
            while list.last().is_some_and(|&k| k >= at) {
                list.pop();
            }
        }
        open
    }

    /// The bottom (outermost) open mark.
    pub fn first(&self) -> Option<&Open> {
        self.opens.first()
    }

    pub fn is_empty(&self) -> bool {
        self.opens.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(mark: char, pos: usize) -> Open {
        Open { mark, pos }
    }

    #[test]
    fn finds_the_topmost_closable_mark_and_forgets_closed_ones() {
        let mut s = OpenStack::default();
        s.push(open('„', 0), &['“', '”']);
        s.push(open('‚', 1), &['‘', '’']);
        s.push(open('„', 2), &['“', '”']);
        assert_eq!(s.nearest_closed_by('“'), Some(2));
        assert_eq!(s.nearest_closed_by('’'), Some(1));
        assert_eq!(s.nearest_closed_by('»'), None);
        assert_eq!(s.close(1).map(|o| o.pos), Some(1));
        assert_eq!(s.nearest_closed_by('’'), None);
        assert_eq!(s.nearest_closed_by('“'), Some(0));
        s.push(open('«', 5), &['»']);
        assert_eq!(s.nearest_closed_by('”'), Some(0));
        assert_eq!(s.nearest_closed_by('»'), Some(1));
        assert_eq!(s.close(0).map(|o| o.pos), Some(0));
        assert!(s.is_empty() && s.nearest_closed_by('»').is_none());
    }
}
