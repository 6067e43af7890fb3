//! The quotes screen's rows: carriers, speakers, who left a statement out, the visible
//! articles and the story scope.

use super::*;
use crate::analysis::quotes::Quote;
use crate::analysis::{Analysis, Span};
use crate::corpus::{Article, Corpus, Metadata};
use crate::tui::fixture;

fn article(id: &str, date: Option<&str>, body: &str) -> Article {
    let meta = Metadata {
        title: id.to_string(),
        source: Some(format!("Outlet {id}")),
        date: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        ..Metadata::default()
    };
    Article::new(id.to_string(), format!("{id}.txt"), meta, body.to_string())
}

fn quote(span: Span, speaker: &str) -> Quote {
    Quote {
        inner: span.start + 1..span.end - 1,
        outer: span,
        speaker: Some(speaker.to_string()),
        speaker_entity: None,
        depth: 0,
        ..Default::default()
    }
}

/// Three of four articles carry one quote; two attribute it to different people.
fn app() -> App {
    let words = "\"we will never surrender the harbour\"";
    let bodies = [
        format!("Late report. {words} said Smith."),
        format!("{words} said Jones."),
        format!("Early: {words} said Smith."),
        "Nothing shared here.".to_string(),
    ];
    let dates = [
        Some("2024-03-02"),
        None,
        Some("2024-03-01"),
        Some("2024-03-01"),
    ];
    let articles: Vec<Article> = bodies
        .iter()
        .zip(dates)
        .enumerate()
        .map(|(i, (b, d))| article(&format!("a{i}"), d, b))
        .collect();
    let spans: Vec<Span> = bodies[..3]
        .iter()
        .map(|b| {
            let s = b.find(words).unwrap_or(0);
            s..s + words.len()
        })
        .collect();
    let speakers = ["Smith", "Jones", "Smith"];
    let mut quotes: Vec<Vec<Quote>> = spans
        .iter()
        .zip(speakers)
        .map(|(s, who)| vec![quote(s.clone(), who)])
        .collect();
    quotes.push(Vec::new());
    let corpus = Corpus {
        name: "t".to_string(),
        articles,
    };
    let analysis = Analysis {
        statements: crate::analysis::quotes::statements::find(&corpus, &quotes),
        quotes,
        ..Analysis::default()
    };
    fixture::app(corpus, Some(analysis), (120, 40))
}
#[test]
fn carriers_earliest_first_speakers_and_who_left_it_out() {
    let app = app();
    let rows = rows(&app, None);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    let order: Vec<ArticleIdx> = r.carriers.iter().map(|(a, _)| *a).collect();
    assert_eq!(order, [2, 0, 1], "earliest first, undated last");
    assert_eq!(r.text, "we will never surrender the harbour");
    assert_eq!(r.speaker, None, "speakers disagree");
    assert_eq!(r.speakers.len(), 3);
    assert_eq!(r.missing, [3]);
    assert!(!r.reworded);
}

#[test]
fn filtered_out_articles_do_not_count() {
    let mut app = app();
    app.library.visible = vec![0, 3];
    let rows = rows(&app, None);
    assert_eq!(rows.len(), 1, "the statement of the visible carrier");
    assert_eq!(rows[0].carriers.len(), 1, "hidden carriers do not count");
}

#[test]
fn an_open_quotes_screen_follows_the_visible_articles() {
    let mut app = app();
    app.stack.push(Screen::Quotes(screen(&app)));
    let shown = |app: &App| match app.stack.last() {
        Some(Screen::Quotes(q)) => q.rows.len(),
        _ => usize::MAX,
    };
    assert_eq!(shown(&app), 1);
    app.library.visible = vec![3];
    refresh(&mut app);
    assert_eq!(
        shown(&app),
        0,
        "rows are recomputed, not kept from the opening"
    );
}

/// [`app`] with stories: articles 0, 1 and 3 one story, article 2 alone.
fn storied() -> App {
    use crate::analysis::stories::{Story, StoryIndex};
    let story = |articles: Vec<ArticleIdx>| Story::of(articles, &["harbour"]);
    let mut app = app();
    app.analysis.stories = StoryIndex {
        stories: vec![story(vec![0, 1, 3]), story(vec![2])],
        of_article: vec![0, 0, 1, 0],
    };
    app
}

fn carriers(app: &App) -> Vec<ArticleIdx> {
    match app.stack.last() {
        Some(Screen::Quotes(q)) => q
            .rows
            .iter()
            .flat_map(|r| r.carriers.iter().map(|(a, _)| *a))
            .collect(),
        _ => Vec::new(),
    }
}

fn quotes(app: &App) -> &Quotes {
    match app.stack.last() {
        Some(Screen::Quotes(q)) => q,
        other => panic!("not the quotes screen: {other:?}"),
    }
}

#[test]
fn inside_a_story_only_its_carriers_count() {
    let app = storied();
    let got = rows(&app, Some(0));
    assert_eq!(got.len(), 1);
    let order: Vec<ArticleIdx> = got[0].carriers.iter().map(|(a, _)| *a).collect();
    assert_eq!(order, [0, 1], "article 2 is another story's");
    assert!(got[0].missing.is_empty(), "two carriers of three");
    let alone = rows(&app, Some(1));
    assert_eq!(alone.len(), 1);
    assert_eq!(alone[0].carriers.len(), 1, "the story of article 2 alone");
}

#[test]
fn the_reader_opens_the_quotes_of_its_story_and_a_switches_to_every_story() {
    use crate::tui::action::Action;
    use crate::tui::command::Command;
    use crate::tui::update::update;
    let mut app = storied();
    app.stack
        .push(Screen::Reader(crate::tui::app::Reader::at_top(1)));
    update(&mut app, Action::Command(Command::Quotes));
    assert_eq!(quotes(&app).story, Some(0));
    assert_eq!(carriers(&app), [0, 1]);
    update(&mut app, Action::Command(Command::StoryScope));
    assert_eq!(quotes(&app).story, None);
    assert!(quotes(&app).all);
    assert_eq!(carriers(&app), [2, 0, 1], "every story");
    assert!(
        quotes(&app).rows[0].missing.is_empty(),
        "who leaves it out is asked inside each story: two of three carry it there"
    );
    // the speaker filter keeps the scope, and the scope the speaker
    update(&mut app, Action::Command(Command::StoryScope));
    update(&mut app, Action::Command(Command::NextSpeaker));
    assert_eq!(quotes(&app).speaker.as_deref(), Some("Jones"));
    assert_eq!(
        carriers(&app),
        [0, 1],
        "inside the story, Jones's statement"
    );
    update(&mut app, Action::Command(Command::StoryScope));
    assert_eq!(quotes(&app).speaker.as_deref(), Some("Jones"));
    assert_eq!(carriers(&app), [2, 0, 1]);
}

#[test]
fn an_article_alone_in_its_story_lists_every_story() {
    use crate::tui::action::Action;
    use crate::tui::command::Command;
    use crate::tui::update::update;
    let mut app = storied();
    app.stack
        .push(Screen::Reader(crate::tui::app::Reader::at_top(2)));
    update(&mut app, Action::Command(Command::Quotes));
    assert_eq!(quotes(&app).story, None);
    assert_eq!(carriers(&app), [2, 0, 1]);
    update(&mut app, Action::Command(Command::StoryScope));
    assert_eq!(carriers(&app), [2, 0, 1], "nothing to keep to");
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("every story"))
    );
}

#[test]
fn the_flat_library_lists_every_story_and_the_filters_still_apply() {
    use crate::tui::action::Action;
    use crate::tui::command::Command;
    use crate::tui::update::update;
    let mut app = storied();
    app.library.selected = 1; // article 1, flat
    update(&mut app, Action::Command(Command::Quotes));
    assert!(quotes(&app).all);
    assert_eq!(carriers(&app), [2, 0, 1]);
    update(&mut app, Action::Command(Command::StoryScope));
    assert_eq!(quotes(&app).story, Some(0), "the selected article's story");
    assert_eq!(carriers(&app), [0, 1]);
    app.library.visible = vec![1, 2, 3];
    refresh(&mut app);
    assert_eq!(
        carriers(&app),
        [1],
        "a hidden article does not count in the story"
    );
}
