//! The term map popup (`t`): the phrases typed (space-separated), then how often
//! each occurs per file of a library, or per chapter of one document, as a bar
//! per row in reading order, counted as `gangmu terms` counts them
//! (`output::terms`); the row selected, and where the reader stood when it
//! opened. Its drawing: the phrases, then each row's title, phrase, count and
//! bar, the selected row highlighted. `App` drives it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Backdrop;
use super::line::LineInput;
use crate::document::{Document, HeadingId, HeadingKind};
use crate::layout::rows::Position;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::output::terms::{bar, count_sections};
use crate::search::text::Query;

/// Said at the prompt's end while the phrases are being counted.
const COUNTING: &str = "统计中…";

/// What the prompt's line starts with.
const SIGN: &str = " › ";

/// Columns a row's title gets at most.
const TITLE_COLUMNS: usize = 24;

/// One bar of the map: a phrase's count in one file or chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The file or chapter, `None` for the text before the first one.
    pub heading: Option<HeadingId>,
    /// Which of the phrases.
    pub phrase: usize,
    pub count: usize,
}

/// An open term map: its prompt until Enter, then its bars.
#[derive(Debug, Clone)]
pub struct TermMap {
    /// The phrases as typed, space-separated, and the cursor in them.
    pub input: LineInput,
    /// The phrases counted, once Enter was pressed on some.
    pub phrases: Vec<String>,
    pub bars: Vec<Bar>,
    pub selected: usize,
    /// The reader's position before the popup opened.
    pub origin: Position,
    /// What was typed when Enter asked for it to be counted elsewhere, until
    /// the count comes.
    pub counting: Option<String>,
}

/// The count of some phrases, to be done here or elsewhere: the input as typed
/// (the answer is taken only if it is still what the prompt holds).
#[derive(Debug, Clone)]
pub struct CountAsk {
    pub input: String,
}

/// The phrases of a count and a bar for each of them in each file or chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub phrases: Vec<String>,
    pub bars: Vec<Bar>,
}

impl CountAsk {
    /// Counts the phrases in `document`, per file of a library or per chapter.
    pub fn run(&self, document: &Document) -> Counted {
        let phrases = phrases_of(&self.input);
        let queries: Vec<Query> = phrases.iter().filter_map(|p| Query::new(p)).collect();
        let depth = chapter_depth(document);
        let rows = count_sections("", document, &queries, depth);
        let bars = rows
            .iter()
            .flat_map(|row| {
                row.counts.iter().enumerate().map(|(phrase, &count)| Bar {
                    heading: row.heading,
                    phrase,
                    count,
                })
            })
            .collect();
        Counted { phrases, bars }
    }
}

/// The phrases in what was typed: the words between spaces.
fn phrases_of(input: &str) -> Vec<String> {
    input.split_whitespace().map(str::to_string).collect()
}

impl TermMap {
    pub fn new(origin: Position) -> Self {
        Self {
            input: LineInput::default(),
            phrases: Vec::new(),
            bars: Vec::new(),
            selected: 0,
            origin,
            counting: None,
        }
    }

    /// Whether the bars are shown (Enter was pressed on some phrases).
    pub fn counted(&self) -> bool {
        !self.phrases.is_empty()
    }

    /// Whether the phrases typed are being counted elsewhere.
    pub fn is_counting(&self) -> bool {
        self.counting.as_deref() == Some(self.input.value())
    }

    /// Whether any phrase was typed.
    pub fn has_phrases(&self) -> bool {
        !phrases_of(self.input.value()).is_empty()
    }

    /// What counting the phrases typed takes.
    pub fn ask(&self) -> CountAsk {
        CountAsk {
            input: self.input.value().to_string(),
        }
    }

    /// Counts the phrases typed in `document` here and now.
    pub fn count(&mut self, document: &Document) {
        let ask = self.ask();
        let counted = ask.run(document);
        self.answer(&ask.input, counted);
    }

    /// Takes the count of what was typed as `input`, if the prompt still holds
    /// it; whether it did.
    pub fn answer(&mut self, input: &str, counted: Counted) -> bool {
        if input != self.input.value() || self.counted() {
            return false;
        }
        self.counting = None;
        self.phrases = counted.phrases;
        self.bars = counted.bars;
        self.selected = 0;
        true
    }

    /// Moves the selection by `n` bars, within the map.
    pub fn move_by(&mut self, n: isize) {
        let last = self.bars.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }

    /// The phrase of the bar selected, and where its file or chapter starts.
    pub fn selection(&self, document: &Document) -> Option<(&str, Position)> {
        let bar = self.bars.get(self.selected)?;
        let paragraph = bar
            .heading
            .map_or(0, |id| document.outline.get(id).paragraph);
        Some((&self.phrases[bar.phrase], Position { paragraph, row: 0 }))
    }
}

/// The depth the map counts at: the files of a library; in one document, the
/// chapters: the shallowest depth of a heading finer than a part, a document's
/// title or a table of contents.
fn chapter_depth(document: &Document) -> u16 {
    let headings = &document.outline.headings;
    if headings.iter().any(|h| h.kind == HeadingKind::File) {
        return 1;
    }
    headings
        .iter()
        .filter(|h| h.kind > HeadingKind::Toc)
        .map(|h| h.depth)
        .min()
        .unwrap_or(1)
}

pub(crate) fn draw(frame: &mut Frame, map: &TermMap, under: &Backdrop, area: Rect) {
    let theme = under.theme;
    let popup = super::list_box(area, (30, 5));
    let (width, height) = (popup.width, popup.height);
    let inner = usize::from(width.saturating_sub(2));
    let rows = usize::from(height.saturating_sub(3));
    let (prompt, cursor) = if map.counted() {
        (format!("{SIGN}{}", visible(&map.phrases.join(" "))), None)
    } else {
        let waiting = if map.is_counting() { COUNTING } else { "" };
        let room = inner.saturating_sub(display_width(SIGN) + 1 + display_width(waiting));
        let view = map.input.view(room);
        let cursor = display_width(SIGN) + display_width(&view.before);
        let typed = format!("{SIGN}{}▏{}", view.before, view.after);
        let pad = inner.saturating_sub(display_width(&typed) + display_width(waiting));
        (format!("{typed}{}{waiting}", " ".repeat(pad)), Some(cursor))
    };
    let mut lines = vec![Line::styled(truncate(&prompt, inner), theme.heading(4))];
    let most = map.bars.iter().map(|b| b.count).max().unwrap_or(0);
    let first = map.selected.saturating_sub(rows.saturating_sub(1));
    for (index, bar) in map.bars.iter().enumerate().skip(first).take(rows) {
        let style = if index == map.selected {
            theme.tree_cursor(true)
        } else {
            theme.body()
        };
        let mark = if index == map.selected { '›' } else { ' ' };
        let text = format!("{mark}{}", bar_line(map, bar, under.document, most));
        let text = truncate(&text, inner);
        let pad = " ".repeat(inner.saturating_sub(display_width(&text)));
        lines.push(Line::from(vec![Span::styled(text + &pad, style)]));
    }
    super::draw_popup(frame, popup, "词频分布", lines, theme);
    if let Some(cursor) = cursor {
        super::place_cursor(frame, popup, cursor, 0);
    }
}

/// A bar's row: the file or chapter, the phrase when there are several, the
/// count and the bar.
fn bar_line(map: &TermMap, row: &Bar, document: &Document, most: usize) -> String {
    let title = row.heading.map_or_else(
        || "（开头）".to_string(),
        |id| visible(&document.outline.get(id).display()),
    );
    let title = truncate(&title, TITLE_COLUMNS);
    let pad = " ".repeat(TITLE_COLUMNS.saturating_sub(display_width(&title)));
    let phrase = if map.phrases.len() > 1 {
        let widest = map.phrases.iter().map(|p| display_width(&visible(p)));
        let phrase = visible(&map.phrases[row.phrase]);
        let pad = widest
            .max()
            .unwrap_or(0)
            .saturating_sub(display_width(&phrase));
        format!(" {phrase}{}", " ".repeat(pad))
    } else {
        String::new()
    };
    let number = most.to_string().len();
    format!(
        "{title}{pad}{phrase} {:>number$} {}",
        row.count,
        bar(row.count, most)
    )
}
