//! Characters whose width the layout and terminals measure differently (format characters,
//! unassigned code points, noncharacters, emoji joined by ZWJ) never reach the screen: every
//! row, measured code point by code point as a terminal does, ends on its right border.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::view;
use crate::corpus::{Article, Corpus, Metadata};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::fixture::app;
use crate::tui::update::update;

/// The characters of disputed width, in a title and a body.
const HOSTILE: &str = "x\u{FFF9}a\u{FFFA}b\u{FFFB}c \u{13430}d \u{FFFF}e \u{1FFFE}f \u{378}g \
                       👨\u{200D}👩\u{200D}👧\u{200D}👦 🏳\u{FE0F}\u{200D}🌈 ❤\u{FE0F} h";

fn hostile_app() -> App {
    let mk = |id: &str, title: String, body: String| {
        Article::new(
            id.to_string(),
            format!("{id}.txt"),
            Metadata {
                title,
                source: Some(format!("Outlet {HOSTILE}")),
                author: Some(HOSTILE.to_string()),
                ..Metadata::default()
            },
            body,
        )
    };
    let body = format!("{HOSTILE} the council met today.\n\n{}", HOSTILE.repeat(6));
    let corpus = Corpus {
        name: format!("hostile {HOSTILE}"),
        articles: (0..4)
            .map(|k| mk(&format!("a{k}"), format!("{k} {HOSTILE}"), body.clone()))
            .collect(),
    };
    app(corpus, None, (100, 30))
}

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The column a terminal puts the last cell of row `y` at: each drawn symbol advances it by
/// the sum of its code points' widths, as terminals measure (the layout skips the cells a
/// wide symbol covers).
fn terminal_column_of_last_cell(buf: &Buffer, y: u16) -> usize {
    let last = buf.area.width - 1;
    let (mut x, mut col) = (0u16, 0usize);
    while x < last {
        let sym = buf[(x, y)].symbol();
        col += sym.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>();
        x += u16::try_from(sym.width().max(1)).unwrap_or(1);
    }
    col
}

fn disputed(c: char) -> bool {
    use finl_unicode::categories::CharacterCategories;
    c.is_format() || c.is_unassigned() || matches!(c, '\u{FE0E}' | '\u{FE0F}')
}

fn check(buf: &Buffer, screen: &str) {
    let want = usize::from(buf.area.width - 1);
    for y in 0..buf.area.height {
        assert_eq!(
            terminal_column_of_last_cell(buf, y),
            want,
            "{screen}: row {y} is shifted: {buf:?}"
        );
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            assert!(!sym.chars().any(disputed), "{screen}: {sym:?} at {x},{y}");
        }
    }
}

#[test]
fn every_row_keeps_its_border_whatever_the_characters() {
    let mut app = hostile_app();
    check(&render(&app), "library");
    update(&mut app, Action::Command(Command::Open));
    check(&render(&app), "reader");
    update(&mut app, Action::Command(Command::Back));
    update(&mut app, Action::Command(Command::Mark));
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Command(Command::Mark));
    update(&mut app, Action::Command(Command::Compare));
    check(&render(&app), "compare");
}

/// A corpus whose names, quotes, outlets and shared passages carry the characters of
/// disputed width, analysed for real, so that every screen has them to draw.
fn analysed_hostile_app(size: (u16, u16)) -> App {
    let odd = |k: usize| {
        [
            "\u{FFF9}",
            "\u{FFFA}",
            "\u{FFFB}",
            "\u{13430}",
            "\u{FFFF}",
            "\u{1FFFE}",
            "\u{378}",
            "👨\u{200D}👩\u{200D}👧",
            "❤\u{FE0F}",
        ][k % 9]
    };
    let shared = format!(
        "“We will{} open the bridge{} over the river next spring{},” said Anna Kar{}lsson, the mayor of Spring{}field, on Monday. The Bridge{} Council of Spring{}field met Maria Lo{}pez in Ostra{}va.",
        odd(0),
        odd(1),
        odd(7),
        odd(2),
        odd(3),
        odd(4),
        odd(5),
        odd(6),
        odd(8)
    );
    let mk = |k: usize| {
        let body = format!(
            "{shared}\n\nArticle {k} adds that Peter Ha{}rt of the Port{} Authority disagreed, saying “the cost{} is far too high{} for the town”.\n\n{shared}",
            odd(k),
            odd(k + 1),
            odd(k + 2),
            odd(k + 3)
        );
        Article::new(
            format!("a{k}{}", odd(k)),
            format!("dir{}/a{k}.txt", odd(k + 4)),
            Metadata {
                title: format!("Bridge{} news {k} {HOSTILE}", odd(k)),
                source: Some(format!("Outlet{} {k}", odd(k + 5))),
                author: Some(HOSTILE.to_string()),
                ..Metadata::default()
            },
            body,
        )
    };
    let corpus = Corpus {
        name: format!("hostile {HOSTILE}"),
        articles: (0..4).map(mk).collect(),
    };
    let analysis = crate::analysis::analyse(&corpus, &crate::analysis::Config::default());
    let mut app = app(corpus, Some(analysis), size);
    app.problems = vec![crate::corpus::LoadProblem {
        path: format!("notes/{HOSTILE}.txt").into(),
        line: Some(3),
        severity: crate::corpus::Severity::Skipped,
        reason: format!("binary file {HOSTILE}"),
    }];
    app
}

fn run(app: &mut App, commands: &[Command]) {
    for c in commands {
        update(app, Action::Command(*c));
    }
}

#[test]
fn every_screen_keeps_its_borders_with_analysed_hostile_names() {
    use Command as C;
    for size in [(100, 30), (60, 16)] {
        let screens: &[(&str, &[Command])] = &[
            ("library", &[]),
            ("library by story", &[C::Group]),
            ("story header preview", &[C::Group, C::Top]),
            ("reader", &[C::Open]),
            ("reader search", &[C::Open, C::Search]),
            ("quotes", &[C::Quotes]),
            ("omissions", &[C::Omissions]),
            ("grid", &[C::Grid]),
            ("problems", &[C::Problems]),
            ("help", &[C::Help]),
            ("legend", &[C::Legend]),
            ("compare", &[C::Mark, C::Down, C::Mark, C::Compare]),
            ("filter", &[C::Filter]),
            ("text filter", &[C::TextFilter]),
        ];
        for (name, commands) in screens {
            let mut app = analysed_hostile_app(size);
            run(&mut app, commands);
            check(&render(&app), &format!("{name} at {size:?}"));
            for c in ['k', 'a', 'r'] {
                update(&mut app, Action::Input(c));
            }
            check(&render(&app), &format!("{name} at {size:?}, typed"));
            run(&mut app, &[C::Down, C::Down, C::Open]);
            check(
                &render(&app),
                &format!("{name} at {size:?}, then down and open"),
            );
        }
    }
}
