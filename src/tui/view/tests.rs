//! Snapshot tests of every screen (TestBackend + insta, style-aware: the buffer's debug form
//! lists every style change), at 120x40 and 80x24, and per-cell checks that passages,
//! entity mentions and matched characters carry their style.

use crate::tui::command::Command;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};

use super::view;
use crate::filter::EntityMatch;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay};
use crate::tui::fixture::{seeds_app, wide_app};
use crate::tui::update::update;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn render(app: &App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().buffer().clone()
}

fn run(app: &mut App, commands: impl IntoIterator<Item = Command>) {
    for c in commands {
        update(app, Action::Command(c));
    }
}

fn snapshot(name: &str, app: &App) -> Buffer {
    let buf = render(app);
    let (w, h) = app.size;
    insta::assert_snapshot!(format!("{name}_{w}x{h}"), format!("{buf:?}"));
    buf
}

/// The cells (x, y) where `needle` (ASCII) starts, reading each row as drawn.
fn find(buf: &Buffer, needle: &str) -> Vec<(u16, u16)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let cells: Vec<(u16, String)> = (0..buf.area.width)
            .map(|x| (x, buf[(x, y)].symbol().to_string()))
            .collect();
        let row: String = cells.iter().map(|(_, s)| s.as_str()).collect();
        let mut starts = Vec::new();
        let mut acc = 0;
        for (x, s) in &cells {
            starts.push((acc, *x));
            acc += s.len();
        }
        for (i, _) in row.match_indices(needle) {
            if let Some((_, x)) = starts.iter().find(|(b, _)| *b == i) {
                out.push((*x, y));
            }
        }
    }
    out
}

fn style_at(buf: &Buffer, (x, y): (u16, u16)) -> Style {
    buf[(x, y)].style()
}

fn zakharova(app: &App) -> usize {
    app.analysis
        .entities
        .entities
        .iter()
        .position(|e| e.name == "Maria Zakharova")
        .expect("fixture entity")
}

/// The text of the current compare link in the first pane.
fn current_text(app: &App) -> String {
    let Some(crate::tui::app::Screen::Compare(c)) = app.stack.last() else {
        return String::new();
    };
    let Some(Some(span)) = c
        .current
        .and_then(|i| c.links.get(i))
        .map(|l| l.spans[0].clone())
    else {
        return String::new();
    };
    app.corpus.articles[c.panes[0].article].body[span].to_string()
}

#[test]
fn library_snapshots() {
    for size in SIZES {
        let app = seeds_app(size);
        let buf = snapshot("library", &app);
        assert!(!find(&buf, "5 articles").is_empty());
    }
}

#[test]
fn library_while_analysing() {
    let mut app = crate::tui::fixture::app(crate::tui::fixture::seeds(), None, (120, 40));
    update(
        &mut app,
        Action::AnalysisProgress(crate::analysis::Stage::Entities),
    );
    let buf = snapshot("library_analysing", &app);
    assert!(!find(&buf, "analysing quotes").is_empty());
}

#[test]
fn library_while_loading_shows_the_files_loaded() {
    let seeds = seeds_app((120, 40));
    let mut app = App::loading(seeds.keymap, seeds.theme, (120, 40));
    assert!(!find(&render(&app), "listing files").is_empty());
    update(
        &mut app,
        Action::Loading {
            done: 12_000,
            total: 100_000,
        },
    );
    let buf = render(&app);
    assert!(!find(&buf, "loading 12,000/100,000 files").is_empty());
    assert!(!find(&buf, "0 articles").is_empty());
}

#[test]
fn reader_snapshots_style_passages_and_entities() {
    for size in SIZES {
        let mut app = seeds_app(size);
        run(&mut app, [Command::Open, Command::NextPassage]);
        let buf = snapshot("reader", &app);
        let t = &app.theme;
        let z = find(&buf, "Zakharova");
        assert!(!z.is_empty());
        assert!(z.iter().any(|&p| {
            style_at(&buf, p)
                .add_modifier
                .contains(Modifier::UNDERLINED)
        }));
        assert!(z.iter().any(|&p| style_at(&buf, p).fg == t.person.fg));
        let pass = find(&buf, "communication technologies");
        assert!(
            pass.iter().any(|&p| style_at(&buf, p).bg.is_some()),
            "passage has a background"
        );
        assert!(
            !find(&buf, "also in:").is_empty(),
            "footer names the carriers"
        );
    }
}

#[test]
fn compare_snapshots_highlight_both_panes_alike() {
    for size in SIZES {
        let mut app = seeds_app(size);
        // Mark 000 and 002, compare, jump to the first passage.
        run(
            &mut app,
            [
                Command::Mark,
                Command::Down,
                Command::Down,
                Command::Mark,
                Command::Compare,
            ],
        );
        // n until the current passage is the one about terrorist purposes.
        for _ in 0..50 {
            run(&mut app, [Command::NextPassage]);
            if current_text(&app).contains("terrorist") {
                break;
            }
        }
        let buf = snapshot("compare", &app);
        let hits: Vec<_> = find(&buf, "terrorist")
            .into_iter()
            .filter(|&p| style_at(&buf, p).bg.is_some())
            .collect();
        let half = size.0 / 2;
        let left = hits.iter().find(|p| p.0 < half).expect("left pane passage");
        let right = hits
            .iter()
            .find(|p| p.0 >= half)
            .expect("right pane passage");
        assert_eq!(style_at(&buf, *left).bg, style_at(&buf, *right).bg);
        assert!(
            style_at(&buf, *left).add_modifier.contains(Modifier::BOLD),
            "the current passage stands out"
        );
        // The reworded passage (near-verbatim) marks its differing words in both panes.
        let changed = |x0: u16, x1: u16| {
            (0..size.1).any(|y| {
                (x0..x1).any(|x| {
                    let st = buf[(x, y)].style();
                    st.fg == app.theme.changed.fg && st.add_modifier.contains(Modifier::ITALIC)
                })
            })
        };
        assert!(
            changed(0, half) && changed(half, size.0),
            "word diff in both panes"
        );
    }
}

#[test]
fn quotes_snapshots() {
    for size in SIZES {
        let mut app = seeds_app(size);
        run(&mut app, [Command::Quotes]);
        let buf = snapshot("quotes", &app);
        assert!(!find(&buf, "[2 outlets]").is_empty());
        assert!(!find(&buf, "first in RIA Novosti").is_empty());
    }
}

#[test]
fn filter_snapshots_mark_matched_characters() {
    for size in SIZES {
        let mut app = seeds_app(size);
        run(&mut app, [Command::Filter]);
        // Ranked matches as crate::filter::rank reports them (positions are char indices).
        let z = zakharova(&app);
        if let Some(Overlay::Filter(f)) = &mut app.overlay {
            f.query = "zak".to_string();
            f.matches = vec![EntityMatch {
                entity: z,
                score: 10,
                alias: None,
                positions: vec![6, 7, 8],
            }];
        }
        let buf = snapshot("filter", &app);
        let hit = find(&buf, "Zakharova");
        let m = app.theme.matched;
        assert!(
            hit.iter().any(|&p| style_at(&buf, p).fg == m.fg
                && style_at(&buf, p).add_modifier.contains(Modifier::BOLD)),
            "matched characters styled"
        );
        run(&mut app, [Command::Apply]);
        let buf = snapshot("library_filtered", &app);
        assert!(!find(&buf, "2/5 articles").is_empty());
    }
}

#[test]
fn help_snapshots_list_every_screen() {
    for size in SIZES {
        let mut app = seeds_app(size);
        run(&mut app, [Command::Help]);
        let buf = snapshot("help", &app);
        assert!(!find(&buf, "Library").is_empty());
    }
}

#[test]
fn too_small_terminal_gets_a_message() {
    let app = seeds_app((30, 8));
    let buf = snapshot("too_small", &app);
    assert!(!find(&buf, "too small").is_empty());
}

/// The minimum the message names is the app's real one: every screen draws at exactly
/// that size, and one column or row less gets the message.
#[test]
fn the_minimum_size_is_one_constant() {
    use super::layout::{MIN_COLS, MIN_ROWS};
    let screens: [&[Command]; 5] = [
        &[],
        &[Command::Open],
        &[
            Command::Mark,
            Command::Down,
            Command::Mark,
            Command::Compare,
        ],
        &[Command::Quotes],
        &[Command::Help],
    ];
    for actions in screens {
        let mut app = seeds_app((MIN_COLS, MIN_ROWS));
        run(&mut app, actions.iter().cloned());
        let buf = render(&app);
        assert!(find(&buf, "too small").is_empty(), "{actions:?}: {buf:?}");
        for size in [(MIN_COLS - 1, MIN_ROWS), (MIN_COLS, MIN_ROWS - 1)] {
            app.size = size;
            let buf = render(&app);
            assert!(!find(&buf, "too small").is_empty(), "{size:?}");
            assert!(
                !find(&buf, &format!("{MIN_COLS}×{MIN_ROWS}")).is_empty(),
                "{buf:?}"
            );
        }
    }
}

#[test]
fn wide_characters_keep_columns_aligned() {
    let mut app = wide_app((80, 24));
    snapshot("wide_library", &app);
    run(&mut app, [Command::Compare, Command::NextPassage]);
    let buf = snapshot("wide_compare", &app);
    // The right pane starts at the same column on every row.
    let pane_x = crate::tui::view::layout::compare((80, 24), 2)[1].text.x;
    let rows_with_text = (2..23)
        .filter(|&y| buf[(pane_x, y)].symbol() != " ")
        .count();
    assert!(rows_with_text >= 2, "right pane drawn at its column");
    run(&mut app, [Command::Back, Command::Open]);
    snapshot("wide_reader", &app);
}

#[test]
fn no_color_uses_reverse_and_underline_only() {
    let mut app = seeds_app((120, 40));
    app.theme = crate::tui::theme::Theme::builtin(true).expect("theme");
    run(&mut app, [Command::Open]);
    let buf = render(&app);
    let pass = find(&buf, "communication technologies");
    assert!(!pass.is_empty());
    for p in pass {
        let st = style_at(&buf, p);
        assert!(st.add_modifier.contains(Modifier::REVERSED));
        assert!(st.bg.is_none() || st.bg == Some(ratatui::style::Color::Reset));
    }
    let z = find(&buf, "Zakharova");
    assert!(z.iter().any(|&p| {
        style_at(&buf, p)
            .add_modifier
            .contains(Modifier::UNDERLINED)
    }));
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            assert!(
                matches!(c.fg, ratatui::style::Color::Reset)
                    && matches!(c.bg, ratatui::style::Color::Reset),
                "colour at {x},{y}"
            );
        }
    }
}

#[test]
fn three_articles_stand_as_columns_when_wide() {
    let mut app = seeds_app((120, 40));
    run(
        &mut app,
        [
            Command::MarkDown,
            Command::MarkDown,
            Command::MarkDown,
            Command::Compare,
        ],
    );
    let buf = snapshot("compare_three", &app);
    let rects = crate::tui::view::layout::compare((120, 40), 3);
    assert!(rects[0].text.y == rects[2].text.y, "side by side");
    assert!(!find(&buf, "compare 3 articles").is_empty());
    let narrow = crate::tui::view::layout::compare((80, 24), 3);
    assert!(narrow[0].text.y < narrow[1].text.y, "stacked when narrow");
}

#[test]
fn hand_built_analysis_styles_the_same_meanings() {
    let mut app = crate::tui::fixture::seeds_app_by_hand((120, 40));
    run(&mut app, [Command::Open, Command::NextPassage]);
    let buf = render(&app);
    let pass = find(&buf, "communication technologies");
    assert!(pass.iter().any(|&p| style_at(&buf, p).bg.is_some()));
    let z = find(&buf, "Zakharova");
    assert!(
        z.iter()
            .any(|&p| style_at(&buf, p).fg == app.theme.person.fg)
    );
}
