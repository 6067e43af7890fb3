//! End-to-end tests of `parallax stories`, `omissions`, `grid` and `quotes`/`passages
//! --story` on a folder of two stories: four outlets on a dam failure (three carry a wire
//! paragraph and name the Red Cross, the fourth does neither) and one football report.

use std::path::Path;
use std::process::Output;

#[path = "common/bin.rs"]
mod bin;

use bin::stdout;

const WIRE: &str = "Water from the breached reservoir swept through three villages below the dam \
before dawn, carrying away bridges, cars and the roof of the district school.";

fn write(dir: &Path, name: &str, outlet: &str, date: &str, title: &str, body: &str) {
    let text = format!("---\ntitle: \"{title}\"\nsource: {outlet}\ndate: {date}\n---\n\n{body}\n");
    std::fs::write(dir.join(name), text).unwrap();
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "ht-dam.md",
        "Harbour Times",
        "2025-03-04",
        "Dam bursts in Korvath",
        &format!(
            "The Selm dam in northern Korvath gave way on Tuesday after a week of heavy rain. {WIRE} Rescue teams from the Red Cross reached the valley by midday. Ines Marlow, a spokeswoman for the regional government, said the evacuation of the valley would continue."
        ),
    );
    write(
        d,
        "nl-dam.md",
        "Northern Ledger",
        "2025-03-04",
        "Korvath dam gives way after rain",
        &format!(
            "Floodwater poured out of the Selm dam in Korvath on Tuesday. {WIRE} Ines Marlow, speaking for the regional government, said engineers had warned about the dam. The Red Cross opened shelters in two schools."
        ),
    );
    write(
        d,
        "cw-dam.md",
        "Coastline Wire",
        "2025-03-05",
        "Nine missing after Korvath dam failure",
        &format!(
            "Korvath's Selm dam collapsed on Tuesday following days of rain. {WIRE} The Red Cross said hundreds had spent the night in shelters. Ines Marlow confirmed that nine people were missing after the dam failure in the valley."
        ),
    );
    write(
        d,
        "dm-dam.md",
        "Daily Meridian",
        "2025-03-05",
        "Korvath dam failure floods valley",
        "The Selm dam in Korvath failed on Tuesday and floodwater reached villages in the valley. Engineers from the national water agency began inspecting the remaining wall of the dam while residents waited for news of the missing.",
    );
    write(
        d,
        "ht-match.md",
        "Harbour Times",
        "2025-03-06",
        "Rovers win at home",
        "Harwick Rovers beat Castleford United two goals to nil on Saturday, with the striker Leon Baptiste scoring twice in the second half of a rain-soaked match in front of a crowd of eleven thousand supporters.",
    );
    dir
}

fn parallax(args: &[&str]) -> Output {
    bin::run("cli-stories", args)
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "{}", bin::stderr(o));
    serde_json::from_str(&stdout(o)).unwrap()
}

#[test]
fn stories_omissions_and_grid() {
    let dir = folder();
    let path = dir.path().to_str().unwrap();
    let stories = json(&parallax(&["stories", "--json", "--no-cache", path]));
    let list = stories.as_array().unwrap();
    assert_eq!(list.len(), 2, "{stories:#}");
    let dam = &list[0];
    assert_eq!(dam["articles"].as_array().unwrap().len(), 4);
    assert_eq!(dam["outlets"].as_array().unwrap().len(), 4);
    assert_eq!(dam["first_date"], "2025-03-04");
    assert_eq!(dam["last_date"], "2025-03-05");
    assert!(dam["label"].as_str().unwrap().contains("Korvath"));
    assert_eq!(list[1]["articles"], serde_json::json!(["ht-match"]));

    let o = json(&parallax(&[
        "omissions",
        "--json",
        "--no-cache",
        "dm-dam",
        path,
    ]));
    assert_eq!(o["outlet"], "Daily Meridian");
    assert_eq!(o["story"], dam["id"]);
    let names: Vec<&str> = o["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["text"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"Red Cross") && names.contains(&"Ines Marlow"),
        "{o:#}"
    );
    let shared = o["passages"].as_array().unwrap();
    assert!(
        shared.iter().any(|p| p["text"]
            .as_str()
            .unwrap()
            .contains("carrying away bridges")),
        "{o:#}"
    );

    let id = dam["id"].as_str().unwrap();
    let g = json(&parallax(&[
        "grid",
        "--json",
        "--no-cache",
        "--story",
        id,
        path,
    ]));
    assert_eq!(g["outlets"].as_array().unwrap().len(), 4);
    let first = &g["rows"][0];
    assert_eq!(first["outlets"], 4, "{g:#}");
    let csv = parallax(&["grid", "--csv", "--no-cache", "--story", id, path]);
    let text = stdout(&csv);
    assert!(text.starts_with("entity,kind,outlets,"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("Red Cross,")), "{text}");

    let bad = parallax(&["grid", "--no-cache", "--story", "s-nope", path]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = parallax(&["omissions", "--no-cache", "no-such-article", path]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn stories_are_cached_with_the_analysis() {
    let dir = folder();
    let path = dir.path().to_str().unwrap();
    let first = stdout(&parallax(&["stories", "--json", path]));
    let again = stdout(&parallax(&["stories", "--json", path]));
    assert_eq!(first, again);
    assert!(first.contains("ht-match"));
}

/// Appends a paragraph to the body of `name`.
fn append(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    let body = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{body}\n{text}\n")).unwrap();
}

#[test]
fn quotes_and_passages_keep_to_a_story() {
    let dir = folder();
    let d = dir.path();
    let farmer = "“We heard a roar like a train and then the water was at the door,” said the \
                  farmer Tomas Ardell.";
    for name in ["ht-dam.md", "nl-dam.md", "cw-dam.md"] {
        append(d, name, farmer);
    }
    append(
        d,
        "ht-match.md",
        "“The players showed real character after the break,” Dara Quill, the Rovers manager, said.",
    );
    let path = d.to_str().unwrap();
    let stories = json(&parallax(&["stories", "--json", "--no-cache", path]));
    let ids: Vec<&str> = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let (dam, game) = (ids[0], ids[1]);
    let every = json(&parallax(&["quotes", "--json", "--no-cache", path]));
    assert_eq!(every.as_array().unwrap().len(), 2, "{every:#}");

    let q = json(&parallax(&[
        "quotes",
        "--json",
        "--no-cache",
        "--story",
        dam,
        path,
    ]));
    let list = q.as_array().unwrap();
    assert_eq!(list.len(), 1, "the manager is another story's: {q:#}");
    let s = &list[0];
    assert_eq!(s["speaker"], "Tomas Ardell", "{s:#}");
    assert_eq!(s["articles"], 3);
    assert_eq!(
        s["left_out"][0]["article"], "dm-dam",
        "three of four carry it: {s:#}"
    );
    assert_eq!(s["left_out"].as_array().unwrap().len(), 1);
    let q = json(&parallax(&[
        "quotes",
        "--json",
        "--no-cache",
        "--story",
        game,
        path,
    ]));
    assert_eq!(q.as_array().unwrap().len(), 1);
    assert_eq!(q[0]["speaker"], "Dara Quill", "{q:#}");
    let plain = stdout(&parallax(&["quotes", "--no-cache", "--story", dam, path]));
    assert!(plain.contains("left out by: Daily Meridian"), "{plain}");

    let p = json(&parallax(&[
        "passages",
        "--json",
        "--no-cache",
        "--story",
        dam,
        path,
    ]));
    let texts: Vec<&str> = p
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.contains("carrying away bridges")),
        "{p:#}"
    );
    let p = json(&parallax(&[
        "passages",
        "--json",
        "--no-cache",
        "--story",
        game,
        path,
    ]));
    assert_eq!(
        p,
        serde_json::json!([]),
        "one article shares nothing inside its story"
    );

    for cmd in ["quotes", "passages"] {
        let bad = parallax(&[cmd, "--no-cache", "--story", "s-nope", path]);
        assert_eq!(bad.status.code(), Some(2), "{cmd}");
    }
}
