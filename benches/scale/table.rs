//! The one table: a row per figure, a column per corpus size, the budget last; a figure
//! over its budget is marked with `✗` (frames are judged by their median: the slowest of a
//! few draws on a shared machine measures the scheduler).

use crate::figures::Figures;
use crate::screens::SCREENS;

/// The cell of one size's figures (`None`: not measured).
type Cell = Box<dyn Fn(&Figures) -> Option<String>>;

/// How a figure is shown and judged.
struct Row {
    label: String,
    cell: Cell,
    /// Whether one size's figures are over budget.
    over: Box<dyn Fn(&Figures) -> bool>,
    budget: String,
}

fn row(
    label: &str,
    budget: &str,
    cell: impl Fn(&Figures) -> Option<String> + 'static,
    over: impl Fn(&Figures) -> bool + 'static,
) -> Row {
    Row {
        label: label.to_string(),
        cell: Box::new(cell),
        over: Box::new(over),
        budget: budget.to_string(),
    }
}

fn secs(key: &'static str) -> impl Fn(&Figures) -> Option<String> {
    move |f| f.get(key).map(|v| format!("{:.2} s", v / 1e3))
}

/// Wall-clock seconds of `NAME_ms`, and the CPU seconds of `NAME_cpu_ms` beside them.
fn wall_cpu(name: &'static str) -> impl Fn(&Figures) -> Option<String> {
    let (wall, cpu) = (leak(format!("{name}_ms")), leak(format!("{name}_cpu_ms")));
    move |f| {
        Some(format!(
            "{:.2} s (cpu {:.2})",
            f.get(wall)? / 1e3,
            f.get(cpu)? / 1e3
        ))
    }
}

fn millis(key: &'static str) -> impl Fn(&Figures) -> Option<String> {
    move |f| f.get(key).map(|v| format!("{v:.2} ms"))
}

fn never(_: &Figures) -> bool {
    false
}

fn size(f: &Figures) -> usize {
    f.get("articles").unwrap_or(0.0) as usize
}

/// Total over budget: 1.5 s up to 10k articles (smaller corpora get no more time), then
/// linearly to 15 s at 100k.
fn total_over(f: &Figures) -> bool {
    let budget = 1.5e3 * (size(f) as f64 / 10_000.0).max(1.0);
    f.get("total_ms").is_some_and(|t| t > budget)
}

fn rows() -> Vec<Row> {
    let mut rows = vec![
        row(
            "words (wc -w)",
            "",
            |f| f.get("words").map(|w| format!("{:.1} M", w / 1e6)),
            never,
        ),
        row("generate + write corpus", "", wall_cpu("generate"), never),
        row("load (read, parse, metadata)", "", wall_cpu("load"), never),
        row("entities", "", wall_cpu("entities"), never),
        row("quotes", "", wall_cpu("quotes"), never),
        row("shared passages", "", wall_cpu("passages"), never),
        row("stories (grouping)", "", wall_cpu("stories"), never),
        row(
            "stories add to the analysis",
            "< 1 s at 100k",
            |f| {
                let added = f.get("stories_added_analysis_ms")?;
                let cpu = f.get("stories_added_analysis_cpu_ms")?;
                Some(format!("{:.2} s (cpu {:.2})", added / 1e3, cpu / 1e3))
            },
            |f| {
                let at_100k = size(f) >= 100_000;
                at_100k && f.get("stories_added_analysis_ms").is_some_and(|t| t > 1e3)
            },
        ),
        row(
            "stories: planted B-cubed P / R",
            "",
            |f| {
                let (p, r) = (f.get("stories_bcubed_p")?, f.get("stories_bcubed_r")?);
                Some(format!("{p:.3} / {r:.3}"))
            },
            never,
        ),
        row(
            "peak memory added by stories",
            "< 10% of peak",
            |f| {
                let added = f.get("stories_added_peak_analysis_mb")?;
                let without = f.get("peak_analysis_mb")? - added;
                Some(format!(
                    "{added:.0} MB ({:.1}%)",
                    100.0 * added / without.max(1.0)
                ))
            },
            |f| {
                let added = f.get("stories_added_peak_analysis_mb").unwrap_or(0.0);
                let without = f.get("peak_analysis_mb").unwrap_or(f64::MAX) - added;
                added > 0.1 * without
            },
        ),
        row(
            "total (load + analysis)",
            "< 1.5 s up to 10k, < 15 s at 100k",
            secs("total_ms"),
            total_over,
        ),
        row(
            "total CPU (user + sys, all threads)",
            "",
            secs("cpu_ms"),
            never,
        ),
        row("floor: wc -w", "", secs("wc_ms"), never),
        row("total / wc -w", "", ratio, never),
        row(
            "peak memory (VmHWM)",
            "100k < 3 GB",
            |f| f.get("peak_mb").map(|m| format!("{m:.0} MB")),
            |f| f.get("peak_mb").is_some_and(|m| m > 3072.0),
        ),
        row(
            "planted recall",
            ">= 0.98",
            |f| f.get("recall").map(|r| format!("{r:.4}")),
            |f| f.get("recall").is_some_and(|r| r < 0.98),
        ),
        row(
            "planted precision",
            ">= 0.95",
            |f| f.get("precision").map(|r| format!("{r:.4}")),
            |f| f.get("precision").is_some_and(|r| r < 0.95),
        ),
        row(
            "entities found",
            "",
            |f| f.get("entities_n").map(|n| format!("{n:.0}")),
            never,
        ),
        row(
            "passages found",
            "",
            |f| f.get("passages_n").map(|n| format!("{n:.0}")),
            never,
        ),
        row("install analysis in app", "", millis("install_ms"), never),
        row(
            "cache: first open writes it",
            "",
            secs("cache_fill_ms"),
            never,
        ),
        row(
            "reopen to analysed screen",
            "< 1 s",
            wall_cpu("reopen"),
            |f| over_ms(f, "reopen_ms", 1e3),
        ),
        row(
            "  of which corpus (metadata)",
            "",
            secs("reopen_corpus_ms"),
            never,
        ),
        row(
            "  of which cached analysis",
            "",
            secs("reopen_analysis_ms"),
            never,
        ),
        row(
            "  of which install + first frame",
            "",
            secs("reopen_install_ms"),
            never,
        ),
        row(
            "reopen to the text (bodies in)",
            "",
            secs("reopen_text_ms"),
            never,
        ),
        row(
            "reopen peak memory",
            "",
            |f| f.get("reopen_peak_mb").map(|m| format!("{m:.0} MB")),
            never,
        ),
        row(
            "filter keystroke, median",
            "< 16 ms",
            millis("key_ms"),
            |f| over_ms(f, "key_ms", 16.0),
        ),
        row(
            "filter keystroke, max",
            "< 16 ms",
            millis("key_max_ms"),
            |f| over_ms(f, "key_max_ms", 16.0),
        ),
    ];
    for s in SCREENS {
        let (med, max) = (
            leak(format!("frame_{s}_ms")),
            leak(format!("frame_{s}_max_ms")),
        );
        rows.push(row(
            &format!("frame {s} 200x60, median (max)"),
            "< 5 ms",
            move |f| Some(format!("{:.2} ({:.2}) ms", f.get(med)?, f.get(max)?)),
            move |f| over_ms(f, med, 5.0),
        ));
    }
    rows
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn over_ms(f: &Figures, key: &str, budget: f64) -> bool {
    f.get(key).is_some_and(|v| v > budget)
}

fn ratio(f: &Figures) -> Option<String> {
    Some(format!(
        "{:.1}x",
        f.get("total_ms")? / f.get("wc_ms")?.max(1e-3)
    ))
}

/// Prints the table of `columns` (one per size), the growth between sizes and the first
/// frame on the seeds.
pub fn print(columns: &[Figures], first: &(Vec<f64>, Vec<f64>)) {
    let heads: Vec<String> = columns
        .iter()
        .map(|f| format!("{} articles", size(f)))
        .collect();
    let mut lines = vec![header(&heads)];
    for r in rows() {
        let cells: Vec<String> = columns
            .iter()
            .map(|f| {
                let v = (r.cell)(f).unwrap_or_else(|| "-".to_string());
                if (r.over)(f) { format!("{v} ✗") } else { v }
            })
            .collect();
        lines.push(line(&r.label, &cells, &r.budget));
    }
    lines.push(growth(columns));
    println!("{}", lines.join("\n"));
    println!();
    start_line("first frame (header drawn, corpus loading)", &first.0);
    start_line("library with the seeds shown", &first.1);
}

/// One start-up line: fastest, median and slowest of the starts of the real binary on the
/// seeds in a 200x60 pty, from spawn until `what`.
fn start_line(what: &str, samples: &[f64]) {
    let (Some(min), Some(max)) = (samples.first(), samples.last()) else {
        return;
    };
    let median = samples[samples.len() / 2];
    let mark = if median > 50.0 { " ✗" } else { "" };
    println!(
        "Start on the seeds, until {what}, {} starts: fastest {min:.1} ms, median \
         {median:.1} ms{mark}, slowest {max:.1} ms (budget < 50 ms)",
        samples.len()
    );
}

fn header(heads: &[String]) -> String {
    let sep: Vec<&str> = heads.iter().map(|_| "---:").collect();
    format!(
        "| figure | {} | budget |\n|---|{}|---|",
        heads.join(" | "),
        sep.join("|")
    )
}

fn line(label: &str, cells: &[String], budget: &str) -> String {
    format!("| {label} | {} | {budget} |", cells.join(" | "))
}

/// Growth of the total from each size to the one before, against the growth in articles.
fn growth(columns: &[Figures]) -> String {
    let mut cells = vec!["-".to_string()];
    for w in columns.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let g = match (a.get("total_ms"), b.get("total_ms")) {
            (Some(x), Some(y)) => y / x.max(1e-3),
            _ => f64::NAN,
        };
        let n = size(b) as f64 / size(a).max(1) as f64;
        let over = size(a) == 10_000 && size(b) == 100_000 && g >= 12.0;
        let mark = if over { " ✗" } else { "" };
        cells.push(format!("{g:.1}x for {n:.0}x{mark}"));
    }
    cells.truncate(columns.len());
    line(
        "growth of total from the size before",
        &cells,
        "10k→100k < 12x",
    )
}
