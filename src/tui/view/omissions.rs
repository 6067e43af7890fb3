//! The omission screen: for an article inside a story, the shared passages and quotes two
//! or more other outlets of the story carry and it leaves out, and the people,
//! organisations and places most of them name and it does not; each with its carriers.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{blank, chrome, fit, heading, layout};
use crate::analysis::stories::omissions::{Missing, passage_text};
use crate::text::sanitize_for_terminal;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use crate::tui::stories::{OmissionsView, Section, display_outlet, items};

const HINTS: &[(&str, &str)] = &[
    ("open", "compare with a carrier"),
    ("grid", "grid"),
    ("back", "back"),
    ("help", "help"),
];

pub fn draw(app: &App, v: &OmissionsView, frame: &mut Frame) {
    let (header, body, footer) = layout::chrome(frame.area());
    chrome::header(app, frame, header, "left out");
    let o = &v.omissions;
    let outlet = sanitize_for_terminal(&display_outlet(&o.outlet)).into_owned();
    let block = Block::bordered()
        .title(format!(" What {} leaves out ", fit(&outlet, 30)))
        .border_style(app.theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let mut lines = intro(app, v, width);
    let list = item_lines(app, v, width);
    // Keep the selected item in view below the introduction.
    let room = usize::from(inner.height).saturating_sub(lines.len()).max(1);
    let at = list.iter().position(|(_, sel)| *sel).unwrap_or(0);
    let first = (at + 3).saturating_sub(room);
    lines.extend(list.into_iter().skip(first).map(|(l, _)| l));
    frame.render_widget(Paragraph::new(lines), inner);
    let n = items(o).len();
    let extra = Line::raw(format!("{} of {n}", (v.selected + 1).min(n)));
    chrome::footer(app, frame, footer, Context::Omissions, HINTS, extra);
}

/// The article, its story and the other outlets.
fn intro(app: &App, v: &OmissionsView, width: usize) -> Vec<Line<'static>> {
    let o = &v.omissions;
    let t = &app.theme;
    let mut lines = Vec::new();
    if let Some(art) = app.corpus.articles.get(o.article) {
        lines.push(Line::styled(fit(&heading(art), width), t.title));
    }
    if let Some(s) = app.analysis.stories.stories.get(o.story) {
        let label = s.label(&app.analysis.entities);
        let story = format!(
            "story: {label} ({})",
            super::count(s.articles.len(), "article")
        );
        lines.push(Line::styled(fit(&story, width), t.dim));
    }
    let others = if o.others.is_empty() {
        "no other outlet reports this story".to_string()
    } else {
        format!("other outlets: {}", outlets(&o.others))
    };
    lines.push(Line::styled(fit(&others, width), t.dim));
    lines.push(blank());
    lines
}

/// The sections' lines, each with whether it is the selected item.
fn item_lines(app: &App, v: &OmissionsView, width: usize) -> Vec<(Line<'static>, bool)> {
    let o = &v.omissions;
    let t = &app.theme;
    let mut out = Vec::new();
    let mut k = 0;
    for (section, list) in [
        (Section::Passages, &o.passages),
        (Section::Quotes, &o.quotes),
        (Section::Entities, &o.entities),
    ] {
        let title = match section {
            Section::Passages => "Passages two or more other outlets carry",
            Section::Quotes => "Quotes two or more other outlets carry",
            Section::Entities => "Named by most other outlets, not here",
        };
        out.push((
            Line::styled(format!("{title} ({})", list.len()), t.title),
            false,
        ));
        if list.is_empty() {
            out.push((Line::styled("  none", t.dim), false));
        }
        for m in list {
            let sel = k == v.selected;
            out.extend(item(app, section, m, sel, width).map(|l| (l, sel)));
            k += 1;
        }
        out.push((blank(), false));
    }
    out
}

/// One item: `▸ text`, then the outlets that carry it.
fn item(
    app: &App,
    section: Section,
    m: &Missing,
    selected: bool,
    width: usize,
) -> [Line<'static>; 2] {
    let t = &app.theme;
    let base = if selected { t.selected } else { Style::new() };
    let (text, style) = match section {
        Section::Entities => match app.analysis.entities.entities.get(m.index) {
            Some(e) => (e.name.clone(), t.entity(e.kind)),
            None => (String::new(), Style::new()),
        },
        Section::Quotes => {
            let q = passage_text(&app.corpus, &app.analysis.passages, m.index);
            (format!("“{}”", one_line(q)), t.quote)
        }
        Section::Passages => {
            let p = passage_text(&app.corpus, &app.analysis.passages, m.index);
            (one_line(p), Style::new())
        }
    };
    let mark = if selected { "▸ " } else { "  " };
    let carriers = format!("carried by {}", sanitize_for_terminal(&outlets(&m.outlets)));
    [
        Line::from(vec![
            Span::styled(mark, base),
            Span::styled(fit(&text, width.saturating_sub(2)), base.patch(style)),
        ])
        .style(base),
        Line::styled(
            format!("    {}", fit(&carriers, width.saturating_sub(4))),
            t.dim,
        ),
    ]
}

/// A passage on one line: its runs of white space as single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Outlets as shown, joined.
fn outlets(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().map(|o| display_outlet(o)).collect();
    shown.join(", ")
}
