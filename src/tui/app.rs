//! The app state: one [`App`] holding the corpus, what the analysis found so far, the
//! screen stack and the overlay. Screens and overlays are enums, never visibility flags.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::analysis::passages::AlignedSpan;
use crate::analysis::{Analysis, Config, Span};
use crate::corpus::{ArticleIdx, Corpus, LoadProblem};
use crate::filter::{EntityMatch, Prepared, Query};

use super::action::Action;
use super::index::Index;
use super::keymap::{Context, Keymap};
pub use super::status::{Progress, Text};
use super::stories::{GridView, Group, Grouping, Narrow, OmissionsView, Row};
use super::theme::Theme;

/// An analysis with the indexes the app draws from it. The worker builds them, so that the
/// screen's thread only installs them (and the worker does not start reading bodies while
/// they are built).
#[derive(Debug, Clone)]
pub struct Indexed {
    pub analysis: Analysis,
    pub index: Index,
    /// The entity names of `analysis`, prepared for the filter's ranking.
    pub names: Prepared,
}

impl Indexed {
    /// The indexes of `analysis` over `corpus` (its metadata is enough), built side by side.
    pub fn build(corpus: &Corpus, analysis: Analysis) -> Indexed {
        let (index, names) = rayon::join(
            || Index::build(corpus, &analysis),
            || Prepared::new(&analysis.entities),
        );
        Indexed {
            analysis,
            index,
            names,
        }
    }
}

/// The library screen (always at the bottom of the stack).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// Position in `visible`.
    pub selected: usize,
    /// Articles marked for comparison, in marking order.
    pub marked: Vec<ArticleIdx>,
    /// Applied entity filters (indices into the entity index), in order applied.
    pub filters: Vec<usize>,
    /// The articles the filters let through, in the order of `sort`.
    pub visible: Vec<ArticleIdx>,
    /// The order of the list (kept between sessions).
    pub sort: crate::corpus::order::SortKey,
    /// A full-text filter (words and "phrases"), combined with the entity filters.
    pub text: Option<String>,
    /// A set the library is narrowed to (a cell of the grid), combined with the filters.
    pub narrow: Option<Narrow>,
    /// Flat, or grouped by story (then `selected` is a position in `rows`).
    pub grouping: Grouping,
    /// The visible articles by story, and the rows drawn from them (grouped only).
    pub groups: Vec<Group>,
    pub rows: Vec<Row>,
    /// The groups opened to show their articles.
    pub open: Vec<super::stories::GroupKey>,
}

/// The reader screen: one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    pub article: ArticleIdx,
    /// First wrapped line shown.
    pub scroll: usize,
    /// Index into the article's passage marks of the passage n/N moved to.
    pub current: Option<usize>,
    /// A search applied with `/`: while it has matches, n/N move between them.
    pub search: Option<super::search::TextSearch>,
    /// When it was opened (by the app's clock): open long enough, the article is read.
    pub opened_at: Option<std::time::Instant>,
}

impl Reader {
    /// The reader of `article`, at its top.
    pub fn at_top(article: ArticleIdx) -> Reader {
        Reader {
            article,
            scroll: 0,
            current: None,
            search: None,
            opened_at: None,
        }
    }
}

/// One pane of the compare screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pane {
    pub article: ArticleIdx,
    pub scroll: usize,
}

/// One passage the compared articles share: where it lies in each pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The span in each pane's article (`None` where that article lacks it).
    pub spans: Vec<Option<Span>>,
    /// Per pane, the words that differ from the other side (near-verbatim passages).
    pub changed: Vec<Vec<Span>>,
    /// Palette number: the corpus passage number when known (same colour everywhere).
    pub color: usize,
    pub near: bool,
}

/// The compare screen: two to four articles side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Compare {
    pub panes: Vec<Pane>,
    /// The pane that scrolls when sync is off (and Tab moves).
    pub active: usize,
    pub sync: bool,
    /// The link n/N moved to.
    pub current: Option<usize>,
    pub links: Vec<Link>,
}

/// The list of shared passages and quotes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quotes {
    pub selected: usize,
    /// The rows, computed when the screen opens and again when the visible articles or the
    /// analysis change ([`crate::tui::quote_rows::refresh`]), never while drawing.
    pub rows: Vec<crate::tui::quote_rows::QuoteRow>,
    /// A search applied with `/`: the rows it matched (n/N move between them).
    pub search: Option<super::search::RowSearch>,
    /// The speaker whose statements alone are listed (`s`/`S` cycle through speakers).
    pub speaker: Option<String>,
    /// The article the screen was opened about: its story scopes the rows.
    pub anchor: Option<ArticleIdx>,
    /// Every story listed, not only the anchor's (`a` toggles).
    pub all: bool,
    /// The story the rows are listed from (`None`: every story), set with the rows.
    pub story: Option<usize>,
}

/// A screen above the library.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Reader(Reader),
    Compare(Compare),
    Quotes(Quotes),
    /// The load problems, grouped by reason.
    Problems(Problems),
    /// What the other outlets of an article's story carry and it leaves out.
    Omissions(OmissionsView),
    /// The outlet × entity grid of a story.
    Grid(GridView),
}

/// The load problems screen: the first line shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Problems {
    pub scroll: usize,
}

/// The entity filter overlay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    /// The ranked entities; matched positions are filled in for the rows around the
    /// selection only (the ones on screen).
    pub matches: Vec<EntityMatch>,
    pub selected: usize,
    /// The parsed query when `matches` is its complete ranking (not the short listing of
    /// the empty query): the next keystroke may narrow it ([`crate::filter::rerank`]).
    pub ranked: Option<Query>,
}

/// The help overlay.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
    /// A search being typed (`/`).
    pub typing: Option<String>,
    /// The search applied, and the lines it matched.
    pub query: Option<String>,
    pub hits: Vec<usize>,
}

/// A window over the current screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Filter(Filter),
    Help(Help),
    /// A search being typed over the footer.
    Search(super::search::SearchInput),
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub corpus: Arc<Corpus>,
    pub config: Config,
    /// What the analysis found (empty until it reports back).
    pub analysis: Analysis,
    /// The entity names of `analysis`, prepared for the filter's ranking.
    pub names: Prepared,
    pub index: Index,
    pub progress: Progress,
    pub text: Text,
    pub keymap: Keymap,
    pub theme: Theme,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub library: Library,
    /// Screens opened above the library, the current one last.
    pub stack: Vec<Screen>,
    pub overlay: Option<Overlay>,
    /// Alignments of article pairs already computed by `compare`.
    pub aligned: HashMap<(ArticleIdx, ArticleIdx), Vec<AlignedSpan>>,
    /// Pairs to align that no job runs yet: the event loop takes them and aligns them off
    /// the screen's thread (an alignment of two long articles takes seconds).
    pub compare_jobs: Vec<(ArticleIdx, ArticleIdx)>,
    /// Pairs asked for and not yet aligned (queued or running).
    pub aligning: HashSet<(ArticleIdx, ArticleIdx)>,
    /// Align on the spot instead (tests without an event loop).
    pub align_inline: bool,
    /// A one-line notice for the footer (cleared by the next key).
    pub notice: Option<String>,
    /// What went wrong while loading, printed when the reader exits.
    pub problems: Vec<LoadProblem>,
    /// Cache warnings, printed when the reader exits.
    pub warnings: Vec<String>,
    /// Keys pressed while the corpus loads, acted on once it is there.
    pub typeahead: Vec<Action>,
    pub quit: bool,
    /// Mouse support asked for (`--mouse` or the config file): wheel and clicks act.
    pub mouse: bool,
    /// Where reports are written (the working directory; a temporary one in tests).
    pub export_dir: std::path::PathBuf,
    /// passim's clusters (`--passim OUT`): the shared passages instead of parallax's own.
    pub passim: Option<Arc<crate::passim::Clusters>>,
    /// The full-text index of the bodies, built when a text filter first needs it.
    pub text_index: Option<Arc<crate::filter::TextIndex>>,
    /// Text to put on the clipboard: the event loop writes it to the terminal (OSC 52).
    pub clipboard: Option<String>,
    /// What was read, and where the state is kept between sessions.
    pub reading: super::reading::Reading,
}

impl App {
    /// A fresh app over `corpus`, before any analysis.
    pub fn new(corpus: Arc<Corpus>, keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let visible = (0..corpus.len()).collect();
        let n = corpus.len();
        let text = Text::of(&corpus);
        App {
            corpus,
            config: Config::default(),
            analysis: Analysis::default(),
            names: Prepared::default(),
            index: Index::default(),
            progress: Progress::Running(Vec::new()),
            text,
            keymap,
            theme,
            size,
            // Flat until the reading state says otherwise (a corpus read for the first
            // time is listed by story: see `Stored`).
            library: Library {
                visible,
                grouping: Grouping::Flat,
                ..Library::default()
            },
            stack: Vec::new(),
            overlay: None,
            aligned: HashMap::new(),
            compare_jobs: Vec::new(),
            aligning: HashSet::new(),
            align_inline: false,
            notice: None,
            problems: Vec::new(),
            warnings: Vec::new(),
            typeahead: Vec::new(),
            quit: false,
            mouse: false,
            export_dir: std::path::PathBuf::from("."),
            passim: None,
            clipboard: None,
            text_index: None,
            reading: super::reading::Reading {
                read: vec![false; n],
                read_after: super::reading::READ_AFTER,
                ..super::reading::Reading::default()
            },
        }
    }

    /// An app with no corpus yet: the worker is loading it (see [`App::set_corpus`]).
    pub fn loading(keymap: Keymap, theme: Theme, size: (u16, u16)) -> App {
        let mut app = App::new(Arc::new(Corpus::default()), keymap, theme, size);
        app.progress = Progress::Loading { done: 0, total: 0 };
        app
    }

    /// Whether the corpus is still being loaded.
    pub fn is_loading(&self) -> bool {
        matches!(self.progress, Progress::Loading { .. })
    }

    /// Installs the loaded corpus; the analysis is still to come.
    pub fn set_corpus(&mut self, corpus: Arc<Corpus>, problems: Vec<LoadProblem>) {
        self.library = Library {
            visible: (0..corpus.len()).collect(),
            grouping: self.library.grouping,
            ..Library::default()
        };
        self.text = Text::of(&corpus);
        self.corpus = corpus;
        self.problems = problems;
        self.stack.clear();
        self.analysis = Analysis::default();
        self.names = Prepared::default();
        self.index = Index::default();
        self.aligned.clear();
        // a job still running aligns the old corpus: its result is dropped
        self.aligning.clear();
        self.compare_jobs.clear();
        self.progress = Progress::Running(Vec::new());
    }

    /// The context keys are looked up in: the overlay, else the current screen.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.stack.last()) {
            (Some(Overlay::Filter(_)), _) => Context::Filter,
            (Some(Overlay::Help(h)), _) if h.typing.is_some() => Context::Search,
            (Some(Overlay::Help(_)), _) => Context::Help,
            (Some(Overlay::Search(_)), _) => Context::Search,
            (None, None) => Context::Library,
            (None, Some(Screen::Reader(_))) => Context::Reader,
            (None, Some(Screen::Compare(_))) => Context::Compare,
            (None, Some(Screen::Quotes(_))) => Context::Quotes,
            (None, Some(Screen::Problems(_))) => Context::Problems,
            (None, Some(Screen::Omissions(_))) => Context::Omissions,
            (None, Some(Screen::Grid(_))) => Context::Grid,
        }
    }

    /// The article selected in the library (none on a story's header or an empty list).
    pub fn selected_article(&self) -> Option<ArticleIdx> {
        let lib = &self.library;
        match lib.grouping {
            Grouping::Flat => lib.visible.get(lib.selected).copied(),
            Grouping::Stories => match lib.rows.get(lib.selected) {
                Some(Row::Article(a)) => Some(*a),
                _ => None,
            },
        }
    }

    /// How many rows the library lists (articles, or headers and articles).
    pub fn library_len(&self) -> usize {
        match self.library.grouping {
            Grouping::Flat => self.library.visible.len(),
            Grouping::Stories => self.library.rows.len(),
        }
    }

    /// Installs the bodies the corpus lacked (the same articles, with their text).
    pub fn set_bodies(&mut self, corpus: Arc<Corpus>) {
        self.corpus = corpus;
        self.text_index = None;
        self.text = Text::of(&self.corpus);
    }

    /// Installs a finished analysis, building the indexes drawn from it.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let indexed = Indexed::build(&self.corpus, analysis);
        self.set_indexed(indexed);
    }

    /// Installs a finished analysis with its indexes (built by the worker).
    pub fn set_indexed(&mut self, indexed: Indexed) {
        let Indexed {
            analysis,
            index,
            names,
        } = indexed;
        self.index = index;
        self.names = names;
        self.analysis = analysis;
        // Story numbers belong to the analysis: the cursor's story opens again on regroup.
        self.library.open.clear();
        self.progress = Progress::Done;
        self.aligned.clear();
    }
}
