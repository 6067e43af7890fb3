//! The extraction pipeline: lines are cleaned and grouped into paragraphs; the header zone
//! is read in order (metadata lines, chrome, title, repeats, teaser, subtitle) up to the
//! first real body paragraph; then the dateline is read off the first body paragraph and
//! the tag line / metadata footer off the last; what remains is the body.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::Metadata;
use super::chrome;
use super::dateline::{self, Dateline};
use super::dates::DayOfYear;
use super::header::{self, Field};
use super::paragraphs::{self, Kind, Line};
use super::title::{self, Repeat};
use super::{MonthDay, Parsed, source, tags};

/// Most one-word navigation lines dropped above a headline: a text made of short lines
/// (a list, a poem) is not all navigation.
const MAX_NAV_LINES: usize = 8;

/// Where a source was read from, strongest first: the earliest kind found wins.
#[derive(Debug, Default)]
struct Sources {
    /// A `Source:` line or a record's source field.
    explicit: Option<String>,
    /// The URL's domain.
    url: Option<String>,
    dateline: Option<String>,
    byline: Option<String>,
    /// A site suffix of the headline (` | Reuters`).
    suffix: Option<String>,
    /// A phrase such as `told Reuters` in the headline or lead.
    phrase: Option<String>,
}

impl Sources {
    /// The source from the strongest kind of evidence found.
    fn best(self) -> Option<String> {
        self.explicit
            .or(self.url)
            .or(self.dateline)
            .or(self.byline)
            .or(self.suffix)
            .or(self.phrase)
    }
}

/// Everything read so far from one article.
#[derive(Debug, Default)]
pub struct Draft {
    meta: Metadata,
    /// True when the title came from outside the text (a record field).
    title_given: bool,
    title_is_lead: bool,
    /// A lead paragraph read from a header line: body text, put back in front of the body.
    lead: Option<String>,
    sources: Sources,
    /// Navigation lines dropped so far above the headline.
    nav_lines: usize,
    header_date: Option<NaiveDate>,
    updated: Option<NaiveDate>,
    dateline_date: Option<DayOfYear>,
}

impl Draft {
    /// A draft with fields a record already carries.
    pub fn with_fields(
        title: Option<String>,
        source: Option<String>,
        date: Option<NaiveDate>,
        url: Option<String>,
    ) -> Self {
        let mut d = Draft::default();
        if let Some(t) = title.filter(|t| !t.is_empty()) {
            let (head, outlet) = title::clean_headline(&t);
            d.meta.title = head;
            d.sources.suffix = outlet.map(str::to_string);
            d.title_given = true;
        }
        d.sources.explicit = source;
        d.header_date = date;
        if let Some(u) = url {
            d.set_url(u);
        }
        d
    }

    /// Records the first URL seen; a known outlet's domain gives the source.
    fn set_url(&mut self, url: String) {
        if self.meta.url.is_none() {
            self.sources.url = super::outlets::by_url(&url).map(str::to_string);
            self.meta.url = Some(url);
        }
    }

    /// Records one header field; the first value of each kind wins.
    fn apply(&mut self, field: Field) {
        match field {
            Field::Date(d) => {
                self.header_date.get_or_insert(d);
            }
            Field::Updated(d) => {
                self.updated.get_or_insert(d);
            }
            Field::Url(u) => self.set_url(u),
            Field::Category(c) => {
                self.meta.category.get_or_insert(c);
            }
            Field::Source(s) => {
                self.sources.explicit.get_or_insert(s);
            }
            Field::Outlet(s) => {
                self.sources.byline.get_or_insert(s);
            }
            Field::Author(a) => {
                self.meta.author.get_or_insert(a);
            }
            Field::Tags(t) => self.meta.tags.extend(t),
            Field::Title(t) if self.meta.title.is_empty() => self.set_title(t),
            // the title is known (a record field): a lead on a header line is still body text
            Field::Title(t) if !title::is_headline(&t) => self.lead = Some(t),
            Field::Title(_) | Field::Credit(_) => {}
        }
    }

    /// Takes `text` as the headline, stripped of a site suffix (which may name the source).
    fn set_headline(&mut self, text: &str) {
        let (head, outlet) = title::clean_headline(text);
        self.meta.title = head;
        if let Some(o) = outlet {
            self.sources.suffix.get_or_insert(o.to_string());
        }
    }

    /// Takes `text` as the title: a headline (site suffix stripped), or, when it is too
    /// long for one, a lead paragraph whose first sentence titles the article and which
    /// stays body text.
    fn set_title(&mut self, text: String) {
        if title::is_headline(&text) {
            self.set_headline(&text);
        } else {
            self.meta.title = title::lead_sentence(&text);
            self.title_is_lead = true;
            self.lead = Some(text);
        }
    }

    /// Runs the pipeline over `text` and returns the parse.
    pub fn run(mut self, text: &str) -> Parsed {
        let mut blocks = paragraphs::blocks(text);
        let start = self.read_header(&mut blocks);
        // Paragraphs stay borrowed from `text` where they can: the body is copied once, here.
        let mut paras: Vec<Line> = blocks.into_iter().skip(start).map(body_paragraph).collect();
        if let Some(lead) = self.lead.take() {
            paras.insert(0, Cow::Owned(lead));
        }
        paras.retain(|p| !p.is_empty());
        self.read_footer(&mut paras);
        self.read_dateline(&mut paras);
        self.read_source_phrase(paras.first().map(AsRef::as_ref));
        if paras.is_empty() && !self.title_given {
            // a text that is only a headline-like line: it is its own body
            paras.push(Cow::Owned(self.meta.title.clone()));
        }
        self.finish(paras.join("\n\n"))
    }

    /// Reads the header zone; returns the index of the first body block (whose leftover
    /// lines are left in place).
    fn read_header(&mut self, blocks: &mut [Vec<Line>]) -> usize {
        // The kinds of each block's lines, read once (a block is also read ahead of it).
        let mut kinds: Vec<Option<Vec<Kind>>> = blocks.iter().map(|_| None).collect();
        for i in 0..blocks.len() {
            let lines = std::mem::take(&mut blocks[i]);
            let line_kinds = kinds[i].take().unwrap_or_else(|| paragraphs::kinds(&lines));
            let mut rest = Vec::new();
            for (line, kind) in lines.into_iter().zip(line_kinds) {
                match kind {
                    Kind::Fields(fields) => fields.into_iter().for_each(|f| self.apply(f)),
                    Kind::Chrome => {}
                    Kind::Text => rest.push(line),
                }
            }
            self.take_block_headline(&mut rest);
            if rest.is_empty() {
                continue;
            }
            let text: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            let para = paragraphs::joined(&text);
            let next = paragraphs::next_paragraph(&blocks[i + 1..], &mut kinds[i + 1..]);
            if let Role::Body = self.classify(&para, next.as_deref()) {
                blocks[i] = rest;
                return i;
            }
        }
        blocks.len()
    }

    /// A headline set directly above its text in one block (no title known yet) is taken
    /// off the block as the title.
    fn take_block_headline(&mut self, rest: &mut Vec<Line>) {
        if self.meta.title.is_empty()
            && rest.len() >= 2
            && title::heads_block(&rest[0], &rest[1])
            && !title::is_navigation(&rest[0])
        {
            let headline = rest.remove(0);
            self.set_headline(&headline);
        }
    }

    /// Decides whether a header-zone paragraph is headline material or the first body
    /// paragraph, recording what it says.
    fn classify(&mut self, para: &str, next: Option<&str>) -> Role {
        if self.meta.title.is_empty() {
            return self.take_title(para, next.is_some());
        }
        match title::repeat_of(&self.meta.title, para) {
            Repeat::Same(outlet) => {
                if let Some(o) = outlet {
                    self.sources.suffix.get_or_insert(o.to_string());
                }
                return Role::Header;
            }
            Repeat::No => {}
        }
        if !self.title_given && title::repeat_of(para, &self.meta.title) != Repeat::No {
            // the first rendering carried a site suffix: keep the bare one
            self.meta.title = para.to_string();
            return Role::Header;
        }
        let Some(next) = next else {
            return Role::Body;
        };
        let next_text = dateline::read(next).map_or(next, |d| &next[d.len..]);
        if title::is_teaser(para, next_text) {
            return Role::Header;
        }
        if self.meta.subtitle.is_none() && !self.title_is_lead && title::is_subtitle(para) {
            self.meta.subtitle = Some(para.to_string());
            return Role::Header;
        }
        Role::Body
    }

    /// The first paragraph when no title is known: a headline, or the lead sentence of a
    /// body paragraph (which then stays in the body). A one-word line with more text
    /// after it is site navigation (`World`, `Europe`), not a headline.
    fn take_title(&mut self, para: &str, more: bool) -> Role {
        if let Some(h) = title::markdown_heading(para) {
            self.set_headline(h);
            return Role::Header;
        }
        if more && self.nav_lines < MAX_NAV_LINES && title::is_navigation(para) {
            self.nav_lines += 1;
            return Role::Header;
        }
        if title::is_headline(para) && dateline::read(para).is_none() {
            self.set_headline(para);
            return Role::Header;
        }
        let text = dateline::read(para).map_or(para, |d| &para[d.len..]);
        self.meta.title = title::lead_sentence(text);
        self.title_is_lead = true;
        Role::Body
    }

    /// Trailing metadata lines (`Tags: …`, `Source: …`, a byline) and a bare tag line.
    fn read_footer(&mut self, paras: &mut Vec<Line>) {
        while paras.len() > 1 {
            let Some(last) = paras.last() else { break };
            if let Some(fields) = header::parse_field_line(last) {
                fields.into_iter().for_each(|f| self.apply(f));
                paras.pop();
                continue;
            }
            if self.meta.tags.is_empty() {
                if let Some(t) = tags::tag_line(last) {
                    self.meta.tags = t;
                    paras.pop();
                    continue;
                }
            }
            break;
        }
    }

    /// The dateline of the first body paragraph. It stays in the body: it is part of the
    /// article as published, and the place and agency it names are mentions that the entity
    /// extraction must see (`MOSCOW` is Moscow, `/TASS/` is TASS).
    fn read_dateline(&mut self, paras: &mut [Line]) {
        let Some(first) = paras.first() else {
            return;
        };
        let Some(Dateline {
            place,
            source,
            date,
            len: _,
        }) = dateline::read(first)
        else {
            return;
        };
        self.meta.dateline = place;
        self.sources.dateline = source;
        self.dateline_date = date;
    }

    /// A known outlet named by a phrase (`told Reuters`) in the title, subtitle or lead.
    fn read_source_phrase(&mut self, lead: Option<&str>) {
        let texts = [
            Some(self.meta.title.as_str()),
            self.meta.subtitle.as_deref(),
            lead,
        ];
        self.sources.phrase = texts
            .into_iter()
            .flatten()
            .find_map(source::from_phrase)
            .map(str::to_string);
    }

    /// Settles the date (header, then a dateline with a year, then an update date; a
    /// year-less dateline is left to [`super::infer_years`]) and the source.
    fn finish(mut self, body: String) -> Parsed {
        let (full, partial) = match self.dateline_date {
            Some(DayOfYear::Full(d)) => (Some(d), None),
            Some(DayOfYear::Partial(md)) => (None, Some(md)),
            None => (None, None),
        };
        self.meta.date = self.header_date.or(full).or(self.updated);
        let month_day: Option<MonthDay> = partial.filter(|_| self.meta.date.is_none());
        self.meta.source = self.sources.best();
        dedup_tags(&mut self.meta.tags);
        Parsed {
            meta: self.meta,
            body,
            month_day,
        }
    }
}

/// A body block as one paragraph: chrome lines dropped (from a line heading a list of
/// links, `Read more:`, the rest of the block too), a Markdown subheading's `#` marks
/// removed.
fn body_paragraph(block: Vec<Line>) -> Line {
    let mut kept: Vec<Line> = block
        .into_iter()
        .take_while(|l| !chrome::heads_links(l))
        .filter(|l| !chrome::is_chrome(l))
        .collect();
    // One line (the usual paragraph) is the paragraph: no copy.
    let text = match kept.len() {
        1 => kept.pop().unwrap_or_default(),
        _ => Cow::Owned(kept.join(" ")),
    };
    match title::markdown_heading(&text) {
        Some(heading) => Cow::Owned(heading.to_string()),
        None => text,
    }
}

/// What a header-zone paragraph turned out to be.
enum Role {
    Header,
    Body,
}

/// Drops repeated tags (case-insensitively), keeping the first spelling.
fn dedup_tags(tags: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| seen.insert(t.to_lowercase()));
}
