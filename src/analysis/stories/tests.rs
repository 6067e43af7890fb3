//! Story grouping, the omission view and the grid on small constructed folders whose
//! answers are known, and on bad input.

use super::grid::grid;
use super::omissions::{Sources, omissions};
use crate::analysis::{Analysis, Config, analyse};
use crate::corpus::{Article, Corpus, Metadata};

/// A corpus of `(outlet, date, title, body)`.
fn corpus(items: &[(&str, Option<&str>, &str, &str)]) -> Corpus {
    let articles = items
        .iter()
        .enumerate()
        .map(|(i, (outlet, date, title, body))| {
            let meta = Metadata {
                title: title.to_string(),
                source: (!outlet.is_empty()).then(|| outlet.to_string()),
                date: date.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                ..Metadata::default()
            };
            Article::new(format!("a{i}"), format!("a{i}.txt"), meta, body.to_string())
        })
        .collect();
    Corpus {
        name: "t".into(),
        articles,
    }
}

const WIRE: &str = "Water from the breached reservoir swept through three villages below the dam \
before dawn, carrying away bridges, cars and the roof of the district school.";
const QUOTE: &str = "\"We heard a roar like a train and then the water was at the door,\" said \
farmer Tomas Ardell.";

/// Four outlets on a dam failure in Korvath (the first three carry the wire paragraph, a
/// quote and the Red Cross; the fourth carries none of them) and a football match.
fn dam() -> Corpus {
    let a = format!(
        "The Selm dam in northern Korvath gave way on Tuesday after a week of heavy rain. \
         {WIRE} Rescue teams from the Red Cross reached the valley by midday. Ines Marlow, a \
         spokeswoman for the regional government, said the evacuation of the valley would \
         continue. {QUOTE}"
    );
    let b = format!(
        "Floodwater poured out of the Selm dam in Korvath on Tuesday. {WIRE} Ines Marlow, \
         speaking for the regional government, said engineers had warned about the dam. \
         The Red Cross opened shelters in two schools. {QUOTE}"
    );
    let c = format!(
        "Korvath's Selm dam collapsed on Tuesday following days of rain. {WIRE} The Red \
         Cross said hundreds had spent the night in shelters. Ines Marlow confirmed that \
         nine people were missing after the dam failure in the valley."
    );
    let d = "The Selm dam in Korvath failed on Tuesday and floodwater reached villages in \
             the valley. Engineers from the national water agency began inspecting the \
             remaining wall of the dam, and the agency head Hanna Vold promised a full inquiry \
             while residents waited for news of the missing.";
    let e = "Harwick Rovers beat Castleford United two goals to nil on Saturday, with the \
             striker Leon Baptiste scoring twice in the second half of a rain-soaked match \
             in front of a crowd of eleven thousand supporters.";
    corpus(&[
        (
            "Harbour Times",
            Some("2025-03-04"),
            "Dam bursts in Korvath",
            &a,
        ),
        (
            "Northern Ledger",
            Some("2025-03-04"),
            "Korvath dam gives way after rain",
            &b,
        ),
        (
            "Coastline Wire",
            Some("2025-03-05"),
            "Nine missing after Korvath dam failure",
            &c,
        ),
        (
            "Daily Meridian",
            Some("2025-03-05"),
            "Korvath dam failure floods valley",
            d,
        ),
        ("Harbour Times", Some("2025-03-06"), "Rovers win at home", e),
    ])
}

fn analysed(c: &Corpus) -> Analysis {
    analyse(c, &Config::default())
}

fn assert_partition(c: &Corpus, a: &Analysis) {
    let s = &a.stories;
    assert_eq!(s.of_article.len(), c.len());
    let mut seen = vec![0; c.len()];
    for (k, story) in s.stories.iter().enumerate() {
        assert!(!story.articles.is_empty(), "an empty story");
        for &x in &story.articles {
            seen[x] += 1;
            assert_eq!(s.of_article[x], k);
        }
        assert!(story.cohesion.is_finite());
    }
    assert!(seen.iter().all(|&n| n == 1), "every article in one story");
}

#[test]
fn the_dam_failure_is_one_story_and_the_match_another() {
    let c = dam();
    let a = analysed(&c);
    assert_partition(&c, &a);
    let s = &a.stories;
    assert_eq!(s.stories.len(), 2, "{:?}", s.stories);
    assert_eq!(s.stories[0].articles, vec![0, 1, 2, 3]);
    assert_eq!(s.stories[1].articles, vec![4]);
    let label = s.stories[0].label(&a.entities);
    assert!(label.contains("Korvath"), "{label}");
    assert!(s.stories[0].passages + s.stories[0].quotes >= 1);
}

#[test]
fn the_omission_view_finds_what_the_others_carry() {
    let c = dam();
    let a = analysed(&c);
    let src = Sources {
        corpus: &c,
        entities: &a.entities,
        passages: &a.passages,
        stories: &a.stories,
    };
    let o = omissions(src, 3).unwrap();
    assert_eq!(o.outlet, "Daily Meridian");
    assert_eq!(o.others.len(), 3);
    let names: Vec<&str> = o
        .entities
        .iter()
        .map(|m| a.entities.entities[m.index].name.as_str())
        .collect();
    assert!(names.contains(&"Red Cross"), "{names:?}");
    assert!(names.contains(&"Ines Marlow"), "{names:?}");
    assert!(!names.contains(&"Korvath"), "Korvath is named here too");
    let texts: Vec<&str> = o
        .passages
        .iter()
        .chain(&o.quotes)
        .map(|m| {
            let p = &a.passages.passages[m.index];
            let occ = &p.occurrences[p.longest()];
            &c.articles[occ.article].body[occ.span.clone()]
        })
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("carrying away bridges")),
        "{texts:?}"
    );
    assert!(
        o.passages
            .iter()
            .chain(&o.quotes)
            .all(|m| m.outlets.len() >= 2)
    );
    // the first outlet carries all of it: nothing shared is missing there
    let first = omissions(src, 0).unwrap();
    assert!(
        first.passages.is_empty() && first.quotes.is_empty(),
        "{first:?}"
    );
}

#[test]
fn the_grid_puts_who_all_name_first_and_who_one_names_last() {
    let c = dam();
    let a = analysed(&c);
    let g = grid(&c, &a.entities, &a.stories.stories[0].articles);
    assert_eq!(g.outlets.len(), 4);
    let name = |r: &super::grid::Row| a.entities.entities[r.entity].name.clone();
    let first = &g.rows[0];
    assert_eq!(first.outlets, 4, "{}", name(first));
    assert_eq!(name(first), "Korvath");
    let red = g.rows.iter().find(|r| name(r) == "Red Cross").unwrap();
    assert_eq!(red.outlets, 3);
    assert_eq!(
        red.counts[g
            .outlets
            .iter()
            .position(|o| o == "Daily Meridian")
            .unwrap()],
        0
    );
    let last = g.rows.last().unwrap();
    assert_eq!(last.outlets, 1);
    let vold = g.rows.iter().find(|r| name(r) == "Hanna Vold").unwrap();
    assert_eq!(vold.outlets, 1);
    assert!(g.rows.windows(2).all(|w| w[0].outlets >= w[1].outlets));
    assert!(
        !g.rows.iter().any(|r| name(r) == "Leon Baptiste"),
        "not in the story"
    );
}

#[test]
fn bad_input_groups_sensibly() {
    let empty = Corpus::default();
    let a = analysed(&empty);
    assert!(a.stories.stories.is_empty());
    let one = Corpus::from_bodies(["A single article about a harbour strike in Velmora."]);
    let a = analysed(&one);
    assert_partition(&one, &a);
    assert_eq!(a.stories.stories.len(), 1);
    let same = "Dockworkers in Velmora walked out on Monday over pay, closing the harbour.";
    let twins = Corpus::from_bodies([same, same, same]);
    let a = analysed(&twins);
    assert_partition(&twins, &a);
    assert_eq!(
        a.stories.stories.len(),
        1,
        "identical articles are one story"
    );
    let apart = Corpus::from_bodies([
        "Dockworkers walked out over pay.",
        "Orchids bloom early this spring.",
        "Quantum chips need colder fridges.",
        "",
        "!!! ??? ...",
    ]);
    let a = analysed(&apart);
    assert_partition(&apart, &a);
    assert_eq!(a.stories.stories.len(), 5, "nothing in common: all alone");
}

#[test]
fn scattered_scores_are_the_merged_scores_exactly() {
    let news = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/news/articles");
    let c = crate::corpus::load_paths(&[news]).corpus;
    let a = analysed(&c);
    let f = super::features::extract(&c, &a.entities);
    let pairs = super::candidates::pairs(&f, &a.passages);
    assert!(pairs.len() > 100, "{} pairs", pairs.len());
    let shared = super::score::shared_passages(&a.passages);
    let dates: Vec<_> = c.articles.iter().map(|a| a.meta.date).collect();
    let fast = super::scored(&f, &pairs, &dates, &shared);
    let slow: Vec<(u32, u32, f32)> = pairs
        .iter()
        .map(|&(x, y)| (x, y, super::score::pair(&f, &dates, &shared, x, y)))
        .filter(|e| e.2 >= super::EDGE_FLOOR)
        .collect();
    assert_eq!(fast.len(), slow.len());
    for (p, q) in fast.iter().zip(&slow) {
        assert_eq!((p.0, p.1, p.2.to_bits()), (q.0, q.1, q.2.to_bits()));
    }
}

/// A passage of `words` words carried by articles `carriers`.
fn passage(carriers: std::ops::Range<usize>, words: usize) -> crate::analysis::passages::Passage {
    use crate::analysis::passages::{Label, Occurrence, Passage, Quoted};
    Passage {
        occurrences: carriers
            .map(|article| Occurrence {
                article,
                span: 0..1,
                quoted: false,
            })
            .collect(),
        words,
        label: Label::Verbatim,
        similarity: 1.0,
        quoted: Quoted::None,
        speaker: None,
    }
}

#[test]
fn a_passage_in_hundreds_of_articles_ties_no_pair() {
    use super::candidates::{POSTING_CAP, passage_carriers};
    use crate::analysis::passages::PassageIndex;
    let index = PassageIndex {
        passages: vec![
            passage(0..POSTING_CAP + 1, 12),
            passage(0..3, 12),
            passage(5..7, 4),
        ],
    };
    let kept: Vec<Vec<u32>> = passage_carriers(&index, 0).collect();
    assert_eq!(
        kept,
        [vec![0, 1, 2], vec![5, 6]],
        "the stock phrase is dropped"
    );
    let shared = super::score::shared_passages(&index);
    assert_eq!(
        shared.len(),
        3,
        "the three pairs of the 12-word passage alone"
    );
    assert_eq!(shared.get(&(0, 2)), Some(&1));
}
