//! The command-line grammar (clap derive). Shared by `main`, completions and the man page.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Read the same news story as told by many outlets.
///
/// With no subcommand, opens the interactive reader on PATHs (files and folders of .txt,
/// .md, .json and .jsonl articles, RSS, Atom and JSON feeds, saved .html pages; `-` reads
/// one article from standard input), or on the bundled seed articles when no PATH is given.
#[derive(Debug, Parser)]
#[command(name = "parallax", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub sources: Sources,

    /// Mouse support in the reader: the wheel scrolls, a click selects (also `mouse = true`
    /// in the config file).
    #[arg(long)]
    pub mouse: bool,
}

impl Cli {
    /// Where the articles come from, whichever subcommand (or none) was given.
    pub fn sources(&self) -> &Sources {
        match &self.command {
            None => &self.sources,
            Some(Command::List(a)) => &a.common.sources,
            Some(Command::Show(a)) => &a.common.sources,
            Some(Command::Entities(a)) => &a.sources,
            Some(Command::Quotes(a)) => &a.common.sources,
            Some(Command::Passages(a)) => &a.common.sources,
            Some(Command::Compare(a)) => &a.common.sources,
            Some(Command::Stories(a)) => &a.sources,
            Some(Command::Omissions(a)) => &a.common.sources,
            Some(Command::Grid(a)) => &a.common.sources,
            Some(Command::Config(_)) => &self.sources,
            // read no corpus, or name their own paths (see `ExportArgs`)
            Some(Command::Export(_) | Command::Completions(_) | Command::Man) => &self.sources,
        }
    }
}

/// Where the articles come from and how they are read: shared by the TUI and every
/// subcommand that reads a corpus.
#[derive(Debug, Args, Default)]
pub struct Sources {
    /// Articles to read: files and folders (recursively). Default: the bundled seeds.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Neither read nor write the analysis cache (see README, "The cache").
    #[arg(long)]
    pub no_cache: bool,

    /// A sidecar file of metadata (CSV, TSV, JSON or JSONL: file, source, date, title, url,
    /// author columns); `metadata.csv`, `sidecar.csv`, `*.meta.csv`… beside the articles
    /// are read without it. Its fields win over what the text says.
    #[arg(long, value_name = "FILE")]
    pub sidecar: Option<PathBuf>,

    /// Read metadata off file names, e.g. `{source}_{date}_{slug}` (placeholders: source,
    /// date, title, author, slug). Also `name_pattern` in the config file.
    #[arg(long, value_name = "PATTERN")]
    pub name_pattern: Option<String>,

    /// The folder an article is in names its outlet (unless a sidecar or the file name
    /// says otherwise).
    #[arg(long)]
    pub folder_source: bool,

    /// Take the shared passages from passim's output (a file of JSON records, or passim's
    /// output folder) instead of parallax's own search. See `parallax export --passim`.
    #[arg(long, value_name = "OUT")]
    pub passim: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: date, source and title (with --json, all metadata).
    List(ListArgs),
    /// Show one article: metadata and clean body.
    Show(ShowArgs),
    /// List the people, organisations and places the articles name.
    Entities(JsonPaths),
    /// List the statements quoted in the articles: speaker, text, which articles carry each
    /// (verbatim, in part, reworded), who carried it first and who attributes it otherwise.
    Quotes(QuotesArgs),
    /// List the passages two or more articles share, most widely carried first.
    Passages(PassagesArgs),
    /// Align two articles and show the passages they share.
    Compare(CompareArgs),
    /// List the stories the articles make up: label, articles, outlets, dates.
    Stories(JsonPaths),
    /// What the other outlets of an article's story carry and this article leaves out.
    Omissions(ShowArgs),
    /// The outlet × entity grid of a story (or of the whole corpus).
    Grid(GridArgs),
    /// The configuration file: print the documented default, or where it is read from.
    Config(ConfigArgs),
    /// Write the articles as input for passim, the text-reuse detector for large corpora.
    Export(ExportArgs),
    /// Print a shell completion script to stdout.
    Completions(CompletionsArgs),
    /// Print the man page (roff) to stdout.
    Man,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the documented default configuration (a commented config.toml).
    #[arg(long, conflicts_with = "path")]
    pub print_default: bool,

    /// Print the path parallax reads the configuration from.
    #[arg(long)]
    pub path: bool,
}

/// Options shared by every subcommand that reads a corpus.
#[derive(Debug, Args)]
pub struct JsonPaths {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub sources: Sources,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub common: JsonPaths,

    /// Keep only articles that mention the best-matching entity (repeat for AND).
    /// fzf syntax: 'exact ^prefix suffix$ !not, and person: org: place: qualifiers.
    #[arg(long, value_name = "QUERY")]
    pub entity: Vec<String>,

    /// Keep only articles whose text has these words (all of them; `word*` for any word
    /// starting so) and "quoted phrases". Combines with --entity.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,

    /// List in this order: file (numbers as numbers), date (newest first), outlet, title,
    /// or shared (most shared passages first), as the reader's `s` does.
    #[arg(long, value_name = "ORDER", value_parser = ["file", "date", "outlet", "title", "shared"])]
    pub sort: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article: its id (file stem), a prefix of it no other id shares, or its path.
    pub id: String,

    #[command(flatten)]
    pub common: JsonPaths,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// First article: id or path.
    pub a: String,
    /// Second article: id or path.
    pub b: String,

    /// Print a standalone HTML page (both articles side by side, passages highlighted).
    #[arg(long, conflicts_with_all = ["json", "markdown"])]
    pub html: bool,

    /// Print a Markdown write-up (metadata, each passage with label, offsets and text).
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,

    #[command(flatten)]
    pub common: JsonPaths,
}

#[derive(Debug, Args)]
pub struct PassagesArgs {
    /// Print CSV, one row per occurrence (outlets, dates, URLs, byte offsets).
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// Only the passages two or more articles of this story share (its id, from `parallax
    /// stories`), with their occurrences inside it.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,

    #[command(flatten)]
    pub common: JsonPaths,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Print CSV, one row per occurrence of a statement.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    /// Keep the statements of speakers whose name (or an alias) contains QUERY, accents
    /// and case aside.
    #[arg(long, value_name = "QUERY")]
    pub speaker: Option<String>,

    /// Keep only the statements two or more articles carry.
    #[arg(long)]
    pub shared: bool,

    /// Only the statements the articles of this story carry (its id, from `parallax
    /// stories`), their carriers and who leaves them out counted inside it.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,

    #[command(flatten)]
    pub common: JsonPaths,
}

#[derive(Debug, Args)]
pub struct GridArgs {
    /// The story (its id, from `parallax stories`); default: the whole corpus.
    #[arg(long, value_name = "ID")]
    pub story: Option<String>,

    /// Print CSV: entity, kind, outlets, then one column of mentions per outlet.
    #[arg(long, conflicts_with = "json")]
    pub csv: bool,

    #[command(flatten)]
    pub common: JsonPaths,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Write passim input (one JSON object a line: id, series, date, text) to FILE.
    #[arg(long, value_name = "FILE", required = true)]
    pub passim: PathBuf,

    /// Articles to export: files and folders (recursively). Default: the bundled seeds.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
