//! One generated article: a dateline, filler paragraphs of Zipf text naming the story's
//! people, the story's planted passages set in their own sentences (quoted or not), the
//! outlet's signature line and a chrome line; and the raw file form with header lines.

use chrono::NaiveDate;

use super::rng::Rng;
use super::story::{Plant, PlantKind, Story, reword, story_of};
use super::vocab::{STOCK, VOCAB, push_sentence, sentence};
use super::{Planted, SynthConfig};

/// A generated article.
#[derive(Debug, Clone)]
pub struct SynthArticle {
    pub index: usize,
    pub id: String,
    pub title: String,
    pub source: String,
    pub date: NaiveDate,
    /// The clean body (paragraphs separated by a blank line).
    pub body: String,
    /// Where the story's passages were planted in `body`.
    pub planted: Vec<Planted>,
    /// The story's people and place, for a tag line.
    pub tags: Vec<String>,
}

impl SynthArticle {
    /// The article as a messy text file in one of the shapes news files come in: header
    /// lines (outlet and date, URL, "Updated at", category and ISO date), the title
    /// repeated with the outlet's suffix, a tag line after the body.
    pub fn raw(&self) -> String {
        let mut rng = Rng::new(&[self.index as u64, 9]);
        let slug: String = self.title.to_lowercase().replace(' ', "-");
        let url = format!(
            "https://{}.example/{}/{slug}",
            self.source.to_lowercase().replace(' ', ""),
            self.date.format("%Y%m%d")
        );
        let (title, body, source) = (&self.title, &self.body, &self.source);
        let iso = self.date.format("%Y-%m-%d");
        match rng.below(6) {
            0 => format!("{title}\n\n{source} | {iso}\n{url}\n\n{body}\n"),
            1 => format!(
                "All news\nUpdated at: {}\n\n{title}\n\n{body}\n",
                self.date.format("%d.%m.%Y"),
            ),
            2 => format!(" date {iso} {url}\n\n{title}\n\n{body}\n"),
            3 => {
                let section = rng.pick(&["World", "Politics", "Business", "Science"]);
                let time = format!("{:02}:{:02}:00", rng.below(24), rng.below(60));
                format!(
                    " date {iso} {title}\n\nCategory: {section}\n\nDate: {iso}T{time}+0000\n\n{body}\n"
                )
            }
            4 => format!(
                " date {iso} {url}\n\n{title}\n\n{title} – {source} news today\n\n{title}\n\n{body}\n"
            ),
            _ => format!("{title}\n\n{body}\n\n  {}\n", self.tags.join(", ")),
        }
    }
}

/// The text a carrier prints for a plant, and where the planted words lie inside it.
fn carried_text(rng: &mut Rng, plant: &Plant, carrier: usize) -> (String, std::ops::Range<usize>) {
    let first = plant.carriers.first() == Some(&carrier);
    let words: Vec<String> = match plant.kind {
        PlantKind::Verbatim => plant.base.clone(),
        PlantKind::Reworded if first => plant.base.clone(),
        PlantKind::Reworded => reword(rng, &plant.base),
        PlantKind::PartialQuote if first => plant.base.clone(),
        PlantKind::PartialQuote => plant.base[plant.fragment.clone()].to_vec(),
    };
    let text = words.join(" ");
    let text = text.trim_end_matches(',');
    let speaker = &plant.speaker;
    match plant.kind {
        PlantKind::PartialQuote if first => {
            let quote = format!("“{text},” {speaker} said.");
            let frag = plant.base[plant.fragment.clone()].join(" ");
            let at = quote.find(&frag).unwrap_or(0);
            let span = at..at + frag.len();
            (quote, span)
        }
        PlantKind::PartialQuote => {
            let verb = rng.pick(&["warned of", "spoke of", "called it", "promised"]);
            let s = format!("{speaker} {verb} “{text}”.");
            let at = s.find('“').map_or(0, |i| i + '“'.len_utf8());
            (s.clone(), at..at + text.len())
        }
        _ if rng.chance(0.3) => {
            let s = format!("“{text},” {speaker} said.");
            (s, '“'.len_utf8()..'“'.len_utf8() + text.len())
        }
        _ => {
            let s = format!("{text}.");
            (s, 0..text.len())
        }
    }
}

/// Appends a filler paragraph of two to five sentences to `out`, counting its words.
fn push_filler(rng: &mut Rng, names: &[&str], words: &mut usize, out: &mut String) {
    let n = rng.range(2, 5);
    for s in 0..n {
        let len = rng.range(8, 24);
        *words += len;
        if s > 0 {
            out.push(' ');
        }
        if s > 0 && rng.chance(STOCK_SHARE) && !names.is_empty() {
            push_stock_quote(rng, len, out);
        } else {
            push_sentence(rng, len, names, out);
        }
    }
}

/// Share of filler sentences that quote a stock phrase.
const STOCK_SHARE: f64 = 0.06;

/// Appends a quoted remark opening with a stock phrase (alone, or followed by more words),
/// attributed to an unnamed speaker: `“I am not sure the…,” an official said.`
fn push_stock_quote(rng: &mut Rng, len: usize, out: &mut String) {
    let stock = *rng.pick(STOCK);
    out.push('“');
    out.push_str(stock);
    if rng.chance(0.5) {
        let more = sentence(rng, len / 2 + 1, &[]);
        out.push(' ');
        out.push_str(&more.trim_end_matches('.').to_lowercase());
    }
    out.push_str(",” ");
    // anyone may say a stock phrase: an unnamed speaker, not one of the story's people
    let who: &&str = rng.pick(&[
        "a spokesperson said.",
        "an official said.",
        "one resident said.",
        "one witness said.",
    ]);
    out.push_str(who);
}

/// Generates article `i` of the corpus described by `cfg`.
pub fn generate(cfg: &SynthConfig, i: usize) -> SynthArticle {
    let mut rng = Rng::new(&[cfg.seed, 3, i as u64]);
    let v = &*VOCAB;
    let story: Story = story_of(cfg.seed, i);
    let outlet = rng.below(cfg.outlets.clamp(1, v.outlets.len()));
    let source = v.outlets[outlet].clone();
    let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default()
        + chrono::Days::new((story.members[0] / 24 % 365) as u64 + rng.below(3) as u64);
    let names: Vec<&str> = story.people.iter().map(String::as_str).collect();
    let target = rng.range(cfg.min_words, cfg.max_words);
    let mine: Vec<&Plant> = story
        .plants
        .iter()
        .filter(|p| p.carriers.contains(&i))
        .collect();
    let lead = format!(
        "{}, {} ({}) – ",
        story.place.to_uppercase(),
        date.format("%B %-d"),
        source
    );
    let mut doc = Draft {
        rng,
        names,
        paragraphs: Vec::new(),
        plants_at: Vec::new(),
        words: 0,
    };
    doc.write(i, &lead, &mine, target);
    let Draft {
        mut rng,
        mut paragraphs,
        plants_at,
        ..
    } = doc;
    let mut house = Rng::new(&[cfg.seed, 4, outlet as u64]);
    paragraphs.push(sentence(&mut house, 16, &[]));
    paragraphs.push(format!("Read more: {}", sentence(&mut rng, 6, &[])));
    assemble(cfg, i, source, date, &story, paragraphs, plants_at)
}

/// A body being written: paragraphs so far and where plants went.
struct Draft<'a> {
    rng: Rng,
    names: Vec<&'a str>,
    paragraphs: Vec<String>,
    plants_at: Vec<PlantAt>,
    words: usize,
}

/// (paragraph, group, kind, byte range in the paragraph)
type PlantAt = (usize, u64, PlantKind, std::ops::Range<usize>);

impl Draft<'_> {
    /// The lead paragraph, then filler paragraphs until `target` words and six paragraphs,
    /// with the article's plants set in paragraphs chosen at random.
    fn write(&mut self, i: usize, lead: &str, mine: &[&Plant], target: usize) {
        let mut first = String::with_capacity(1024);
        first.push_str(lead);
        push_filler(&mut self.rng, &self.names, &mut self.words, &mut first);
        self.paragraphs.push(first);
        let slots: Vec<usize> = mine.iter().map(|_| self.rng.below(6)).collect();
        let mut k = 0;
        while self.words < target || k < 6 {
            let mut para = String::with_capacity(1024);
            push_filler(&mut self.rng, &self.names, &mut self.words, &mut para);
            for (p, _) in mine.iter().zip(&slots).filter(|(_, s)| **s == k) {
                let (text, span) = carried_text(&mut self.rng, p, i);
                let at = para.len() + 1;
                para.push(' ');
                para.push_str(&text);
                let r = at + span.start..at + span.end;
                self.plants_at
                    .push((self.paragraphs.len(), p.group, p.kind, r));
                self.words += text.split(' ').count();
                para.push(' ');
                push_filler(&mut self.rng, &self.names, &mut self.words, &mut para);
            }
            self.paragraphs.push(para);
            k += 1;
        }
    }
}

fn assemble(
    _cfg: &SynthConfig,
    i: usize,
    source: String,
    date: NaiveDate,
    story: &Story,
    paragraphs: Vec<String>,
    plants_at: Vec<PlantAt>,
) -> SynthArticle {
    let mut offsets = Vec::with_capacity(paragraphs.len());
    let mut body = String::with_capacity(paragraphs.iter().map(|p| p.len() + 2).sum());
    for p in &paragraphs {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        offsets.push(body.len());
        body.push_str(p);
    }
    let planted = plants_at
        .into_iter()
        .map(|(para, group, kind, r)| {
            let span = offsets[para] + r.start..offsets[para] + r.end;
            Planted {
                group,
                kind,
                article: i,
                text: body[span.clone()].to_string(),
                span,
            }
        })
        .collect();
    let title = format!("{} news from {}", story.people[0], story.place);
    SynthArticle {
        index: i,
        id: format!("syn{i:06}"),
        title,
        source,
        date,
        body,
        planted,
        tags: story.people.iter().chain([&story.place]).cloned().collect(),
    }
}
