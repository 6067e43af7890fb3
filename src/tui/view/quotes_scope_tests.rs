//! Snapshots (80x24) of the quotes screen inside a story and over every story: a dam
//! failure told by three outlets, and the inquiry weeks later (another story) that quotes
//! one of its witnesses again.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::view;
use crate::analysis::stories::{Story, StoryIndex};
use crate::corpus::{Article, Corpus, Metadata};
use crate::tui::action::Action;
use crate::tui::app::{App, Reader, Screen};
use crate::tui::command::Command;
use crate::tui::update::update;

const FARMER: &str = "“We heard a roar like a train and then the water was at the door,” said \
the farmer Tomas Ardell.";
const ROOF: &str = "“Every family in the valley will have a roof over its head tonight,” said \
Ines Marlow, speaking for the regional government.";
const CUTS: &str = "“The inspections of the wall were cut to save money three years ago,” \
said the engineer Hanna Vold.";

/// Articles 0–2 the dam failure, 3 and 4 the inquiry.
fn corpus() -> Corpus {
    let items = [
        (
            "Harbour Times",
            "2025-03-04",
            format!("The Selm dam gave way on Tuesday. {FARMER} {ROOF}"),
        ),
        (
            "Northern Ledger",
            "2025-03-05",
            format!("Floodwater reached three villages. {FARMER}"),
        ),
        (
            "Coastline Wire",
            "2025-03-05",
            format!("Nine people are missing in the valley. {ROOF}"),
        ),
        (
            "Daily Meridian",
            "2025-04-20",
            format!("The dam inquiry opened in Korvath. {FARMER} {CUTS}"),
        ),
        (
            "Harbour Times",
            "2025-04-21",
            format!("Engineers told the inquiry about the wall. {CUTS}"),
        ),
    ];
    let articles = items
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, body))| {
            let meta = Metadata {
                title: format!("Report {i}"),
                source: Some(outlet.to_string()),
                date: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                ..Metadata::default()
            };
            Article::new(format!("a{i}"), format!("a{i}.txt"), meta, body.clone())
        })
        .collect();
    Corpus {
        name: "dam".into(),
        articles,
    }
}

/// [`corpus`] analysed, articles 0–2 one story and 3–4 another.
fn app() -> App {
    let corpus = corpus();
    let mut analysis = crate::analysis::analyse(&corpus, &crate::analysis::Config::default());
    let story = |articles: Vec<usize>, term: &str| Story::of(articles, &[term]);
    analysis.stories = StoryIndex {
        stories: vec![
            story(vec![0, 1, 2], "dam failure"),
            story(vec![3, 4], "inquiry"),
        ],
        of_article: vec![0, 0, 0, 1, 1],
    };
    crate::tui::fixture::app(corpus, Some(analysis), (80, 24))
}

fn render(app: &App) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The articles the listed rows are carried by.
fn carriers(app: &App) -> Vec<usize> {
    let Some(Screen::Quotes(q)) = app.stack.last() else {
        return Vec::new();
    };
    let mut out: Vec<usize> = q
        .rows
        .iter()
        .flat_map(|r| r.carriers.iter().map(|(a, _)| *a))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[test]
fn the_quotes_screen_keeps_to_the_story_until_asked_for_every_story() {
    let mut app = app();
    assert_eq!(
        app.analysis.statements.len(),
        3,
        "{:#?}",
        app.analysis.statements
    );
    app.stack.push(Screen::Reader(Reader::at_top(0)));
    update(&mut app, Action::Command(Command::Quotes));
    assert_eq!(carriers(&app), [0, 1, 2], "the dam failure's carriers only");
    let buf = render(&app);
    let shown = text(&buf);
    assert!(
        shown.contains("2 statements quoted · story: dam failure"),
        "{shown}"
    );
    assert!(shown.contains("a every story"), "{shown}");
    assert!(!shown.contains("Hanna Vold"), "{shown}");
    insta::assert_snapshot!("quotes_story_80x24", format!("{buf:?}"));

    update(&mut app, Action::Command(Command::StoryScope));
    assert_eq!(carriers(&app), [0, 1, 2, 3, 4]);
    assert_eq!(app.notice.as_deref(), Some("every story"));
    app.notice = None; // as the next key would
    let buf = render(&app);
    let shown = text(&buf);
    assert!(
        shown.contains("3 statements quoted · every story"),
        "{shown}"
    );
    assert!(shown.contains("a this story"), "{shown}");
    assert!(
        shown.contains("→ Daily Mer"),
        "the inquiry carries the farmer: {shown}"
    );
    insta::assert_snapshot!("quotes_every_story_80x24", format!("{buf:?}"));
}
