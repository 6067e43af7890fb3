//! The one place where byte ranges become styles: a body, its wrapped lines and a list of
//! [`Marked`] spans (each with a meaning) turn into styled ratatui [`Line`]s. Text is
//! sanitised here, so nothing drawn can carry an escape sequence.

use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};

use crate::analysis::Span;
use crate::analysis::entities::EntityKind;
use crate::text::sanitize_for_terminal;
use crate::tui::theme::Theme;
use crate::tui::wrap::WrappedLine;

/// What a span of text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// A direct quote.
    Quote,
    /// An entity mention.
    Entity(EntityKind),
    /// The words naming a quote's speaker.
    Speaker,
    /// A shared passage: palette number, and whether it is near-verbatim.
    Passage { color: usize, near: bool },
    /// A word that differs inside a near-verbatim passage.
    Changed,
    /// The passage n/N moved to.
    Current,
    /// Characters a query matched.
    Match,
}

impl Meaning {
    /// Layering order: later meanings are drawn over earlier ones.
    fn layer(self) -> u8 {
        match self {
            Meaning::Quote => 0,
            Meaning::Entity(_) => 1,
            Meaning::Speaker => 2,
            Meaning::Passage { .. } => 3,
            Meaning::Changed => 4,
            Meaning::Current => 5,
            Meaning::Match => 6,
        }
    }

    fn style(self, theme: &Theme) -> Style {
        match self {
            Meaning::Quote => theme.quote,
            Meaning::Entity(kind) => theme.entity(kind),
            Meaning::Speaker => theme.speaker,
            Meaning::Passage { color, near: false } => theme.passage(color),
            Meaning::Passage { color, near: true } => {
                theme.passage(color).patch(theme.near_verbatim)
            }
            Meaning::Changed => theme.changed,
            Meaning::Current => theme.current,
            Meaning::Match => theme.matched,
        }
    }
}

/// A byte range of a body with a meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub span: Span,
    pub meaning: Meaning,
}

/// Sorts marks into drawing order (by layer, then position).
pub fn sort_marks(marks: &mut [Marked]) {
    marks.sort_by_key(|m| (m.meaning.layer(), m.span.start));
}

/// The styled lines `lines` of `body`, with `marks` (in drawing order, see [`sort_marks`])
/// applied over `base`.
pub fn styled_lines(
    body: &str,
    lines: &[WrappedLine],
    marks: &[Marked],
    theme: &Theme,
    base: Style,
) -> Vec<Line<'static>> {
    lines
        .iter()
        .map(|l| styled_range(body, l.start..l.end, marks, theme, base))
        .collect()
}

/// One styled line of `body[range]`.
pub fn styled_range(
    body: &str,
    range: Span,
    marks: &[Marked],
    theme: &Theme,
    base: Style,
) -> Line<'static> {
    let here: Vec<&Marked> = marks
        .iter()
        .filter(|m| m.span.start < range.end && range.start < m.span.end)
        .collect();
    let mut cuts = vec![range.start, range.end];
    for m in &here {
        cuts.push(m.span.start.clamp(range.start, range.end));
        cuts.push(m.span.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut spans: Vec<TextSpan<'static>> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(text) = body.get(a..b) else {
            continue;
        };
        let style = here
            .iter()
            .filter(|m| m.span.start <= a && b <= m.span.end)
            .fold(base, |s, m| s.patch(m.meaning.style(theme)));
        let text = sanitize_for_terminal(text).into_owned();
        match spans.last_mut() {
            Some(last) if last.style == style => last.content.to_mut().push_str(&text),
            _ => spans.push(TextSpan::styled(text, style)),
        }
    }
    Line::from(spans)
}

/// A one-line string with the characters at `positions` (char indices) marked as matched.
pub fn matched_chars(text: &str, positions: &[usize], theme: &Theme, base: Style) -> Line<'static> {
    let marks: Vec<Marked> = text
        .char_indices()
        .enumerate()
        .filter(|(i, _)| positions.contains(i))
        .map(|(_, (b, c))| Marked {
            span: b..b + c.len_utf8(),
            meaning: Meaning::Match,
        })
        .collect();
    styled_range(text, 0..text.len(), &marks, theme, base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn theme() -> Theme {
        Theme::builtin(false).expect("theme")
    }

    #[test]
    fn overlapping_meanings_layer_and_split_runs() {
        let t = theme();
        let body = "Maria Zakharova said hello";
        let mut marks = vec![
            Marked {
                span: 6..26,
                meaning: Meaning::Passage {
                    color: 1,
                    near: false,
                },
            },
            Marked {
                span: 0..15,
                meaning: Meaning::Entity(EntityKind::Person),
            },
        ];
        sort_marks(&mut marks);
        let line = styled_range(body, 0..body.len(), &marks, &t, Style::new());
        let parts: Vec<(&str, Style)> = line
            .spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style))
            .collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], ("Maria ", t.person));
        assert_eq!(parts[1].0, "Zakharova");
        assert_eq!(parts[1].1.bg, t.passage(1).bg);
        assert!(parts[1].1.add_modifier.contains(Modifier::UNDERLINED));
        assert_eq!(parts[2], (" said hello", t.passage(1)));
    }

    #[test]
    fn escapes_are_neutralised() {
        let body = "a\u{1b}[2Jb";
        let line = styled_range(body, 0..body.len(), &[], &theme(), Style::new());
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn matched_characters_carry_the_match_style() {
        let t = theme();
        let line = matched_chars("Zakharova", &[0, 1, 2], &t, Style::new());
        assert_eq!(line.spans[0].content, "Zak");
        assert_eq!(line.spans[0].style, t.matched);
    }
}
