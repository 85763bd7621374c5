//! The reader's full-text search: the search popup (the phrase typed, its
//! history, the hits listed under their sections, the one selected) and the
//! search left behind when it closes (every hit highlighted, `n`/`N` stepping
//! through them). The popup asks for a search ([`SearchPrompt::ask`]) and takes
//! the answer ([`SearchPrompt::answer`]) apart, so that searching can be done
//! off the reader's thread (`lookup`); `App` drives both.
//!
//! The popup is drawn in the lower part of the screen, so that the reader above
//! shows the selected hit in its place: the phrase, the count of hits, and the
//! hits listed under the breadcrumbs of their sections, each with the text around
//! it and the phrase marked; the selected hit highlighted.

mod list;

use super::Backdrop;
use super::line::LineInput;
use crate::document::Document;
use crate::layout::rows::Position;
use crate::layout::safe::visible;
use crate::layout::wrap::{display_width, truncate};
use crate::search::text::snippet;
use crate::search::text::{Found, Group, MAX_HITS, Query, TextHit, groups};
use crate::study::store::history::History;
use crate::tui::action::{Action, CursorMove, Focus, Mode};
use crate::tui::bindings::{hint, key_name};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub use list::ListRow;

/// A phrase's hits in the document, and the one the reader is at.
#[derive(Debug, Clone)]
pub struct TextSearch {
    pub query: Query,
    pub found: Found,
    pub groups: Vec<Group>,
    /// The row of the results list each group's section stands on.
    section_rows: Vec<usize>,
    /// Index into the hits of the one shown last.
    pub current: usize,
}

impl TextSearch {
    /// Searches `document` for `query`, looking only where `previous` found hits
    /// when `query` extends its phrase.
    pub fn new(document: &Document, query: Query, previous: Option<&TextSearch>) -> Self {
        let within = previous.and_then(|p| p.paragraphs_for(&query));
        Self::within(document, query, within)
    }

    /// Searches `document` for `query` in the paragraphs `within`, or everywhere.
    fn within(document: &Document, query: Query, within: Option<Vec<usize>>) -> Self {
        let found = match within {
            Some(paragraphs) => query.find_in(document, paragraphs, MAX_HITS),
            None => query.find_all(document, MAX_HITS),
        };
        let groups = groups(document, &found.hits);
        Self {
            query,
            found,
            section_rows: list::section_rows(&groups),
            groups,
            current: 0,
        }
    }

    pub fn hits(&self) -> &[TextHit] {
        &self.found.hits
    }

    /// The paragraphs `query` need be looked for in, if it extends this search's
    /// phrase and every hit of it was kept: those with hits.
    fn paragraphs_for(&self, query: &Query) -> Option<Vec<usize>> {
        if self.found.truncated || !query.narrows(&self.query) {
            return None;
        }
        let mut paragraphs: Vec<usize> = self.found.hits.iter().map(|h| h.paragraph).collect();
        paragraphs.dedup();
        Some(paragraphs)
    }

    /// The last hit before `(paragraph, byte)`, or the last of all when there is
    /// none before it.
    pub fn last_before(&self, paragraph: usize, byte: usize) -> usize {
        let at = self
            .found
            .hits
            .partition_point(|h| (h.paragraph, h.start) < (paragraph, byte));
        at.checked_sub(1)
            .unwrap_or(self.found.hits.len().saturating_sub(1))
    }

    /// The first hit at or after `(paragraph, byte)`, or the first of all when
    /// there is none after it.
    pub fn first_from(&self, paragraph: usize, byte: usize) -> usize {
        let at = self
            .found
            .hits
            .partition_point(|h| (h.paragraph, h.start) < (paragraph, byte));
        if at == self.found.hits.len() { 0 } else { at }
    }

    /// The hit `steps` after (or before) `from`, going round at either end;
    /// whether it went round.
    pub fn step(&self, from: usize, steps: isize) -> (usize, bool) {
        let count = self.found.hits.len() as isize;
        if count == 0 {
            return (0, false);
        }
        let to = from as isize + steps;
        (to.rem_euclid(count) as usize, !(0..count).contains(&to))
    }

    /// `k/n` for the current hit, `n` followed by `+` when hits were left out.
    pub fn count_label(&self, selected: usize) -> String {
        let total = self.found.hits.len();
        let more = if self.found.truncated { "+" } else { "" };
        format!("{}/{total}{more}", (selected + 1).min(total))
    }
}

/// The open search popup.
#[derive(Debug, Clone)]
pub struct SearchPrompt {
    /// The phrase being typed.
    pub input: LineInput,
    /// Its hits, once there is a phrase.
    pub search: Option<TextSearch>,
    /// Index into the hits of the one selected (and previewed).
    pub selected: usize,
    /// Keys move the list rather than edit the phrase.
    pub in_list: bool,
    /// The reader's position before the popup opened.
    pub origin: Position,
    /// Where the search starts: the first hit from here is selected first.
    from: (usize, usize),
    /// Which history phrase is shown (`None`: the phrase being typed).
    history_at: Option<usize>,
    /// The phrase typed before going through the history.
    draft: String,
    /// The phrase `search` was made for.
    searched_for: String,
    /// Enter was pressed before the hits of the phrase typed were there: go to
    /// the selected one as soon as they are.
    pub accepted: bool,
    /// It searches upwards (`?`): the last hit before where the reader stood is
    /// selected first.
    pub backward: bool,
}

/// The search for one phrase, to be done here or elsewhere.
#[derive(Debug, Clone)]
pub struct SearchAsk {
    pub input: String,
    query: Option<Query>,
    /// The paragraphs to look in, when the phrase extends the last one searched.
    within: Option<Vec<usize>>,
}

impl SearchAsk {
    /// The hits, if there is a phrase.
    pub fn run(self, document: &Document) -> Option<TextSearch> {
        let query = self.query?;
        Some(TextSearch::within(document, query, self.within))
    }
}

impl SearchPrompt {
    /// A popup opened with the reader at `origin`, the first row on screen
    /// starting at byte `byte` of its paragraph.
    pub fn new(origin: Position, byte: usize) -> Self {
        Self {
            input: LineInput::default(),
            search: None,
            selected: 0,
            in_list: false,
            origin,
            from: (origin.paragraph, byte),
            history_at: None,
            draft: String::new(),
            searched_for: String::new(),
            accepted: false,
            backward: false,
        }
    }

    /// Searches for the phrase here and now, selecting the first hit from where
    /// the reader stood (upwards: the last before it).
    pub fn refresh(&mut self, document: &Document) {
        let ask = self.ask();
        let input = ask.input.clone();
        self.answer(&input, ask.run(document));
    }

    /// What searching for the phrase typed takes.
    pub fn ask(&self) -> SearchAsk {
        let query = Query::new(self.input.value());
        let within = query
            .as_ref()
            .zip(self.search.as_ref())
            .and_then(|(query, search)| search.paragraphs_for(query));
        SearchAsk {
            input: self.input.value().to_string(),
            query,
            within,
        }
    }

    /// Takes the hits of `input` if it is still the phrase typed, selecting the
    /// first hit from where the reader stood; whether it was.
    pub fn answer(&mut self, input: &str, search: Option<TextSearch>) -> bool {
        if input != self.input.value() {
            return false;
        }
        self.search = search;
        self.searched_for = self.input.value().to_string();
        let (paragraph, byte) = self.from;
        self.selected = self.search.as_ref().map_or(0, |s| {
            if self.backward {
                s.last_before(paragraph, byte)
            } else {
                s.first_from(paragraph, byte)
            }
        });
        true
    }

    /// Whether the hits shown are not yet those of the phrase typed.
    pub fn waiting(&self) -> bool {
        self.searched_for != self.input.value()
    }

    /// Forgets the hits, which were of another document: the phrase is to be
    /// searched for again.
    pub fn forget(&mut self) {
        self.search = None;
        self.searched_for.clear();
        self.selected = 0;
    }

    /// Types `c` into the phrase at the cursor (the search follows:
    /// [`SearchPrompt::ask`]).
    pub fn type_char(&mut self, c: char) {
        if self.input.type_char(c) {
            self.edited();
        }
    }

    /// Erases the character before the cursor.
    pub fn erase(&mut self) {
        if self.input.erase() {
            self.edited();
        }
    }

    /// Moves the cursor in the phrase, or deletes at it.
    pub fn edit(&mut self, movement: CursorMove) {
        if self.input.edit(movement) {
            self.edited();
        }
        self.in_list = false;
    }

    /// The phrase is the one typed now, not one from the history.
    fn edited(&mut self) {
        self.history_at = None;
        self.in_list = false;
    }

    /// Shows the phrase `steps` back (negative) or forward in the history; past the
    /// most recent one, the phrase that was being typed.
    pub fn browse_history(&mut self, history: &History, steps: isize) {
        let count = history.phrases().len();
        if count == 0 {
            return;
        }
        if self.history_at.is_none() {
            self.draft = self.input.value().to_string();
        }
        let at = self.history_at.map_or(count as isize, |a| a as isize) + steps;
        self.history_at = (at < count as isize).then(|| at.max(0) as usize);
        match self.history_at {
            Some(at) => self.input.set(&history.phrases()[at]),
            None => self.input.set(&self.draft),
        }
    }

    /// Moves the selection by `n` hits, within the list.
    pub fn move_by(&mut self, n: isize) {
        let count = self.search.as_ref().map_or(0, |s| s.hits().len());
        let last = count.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }

    pub fn selected_hit(&self) -> Option<TextHit> {
        self.search.as_ref()?.hits().get(self.selected).copied()
    }
}

/// Columns a breadcrumb step without a label gets.
const BREADCRUMB_TITLE: usize = 10;
/// Columns a hit row is indented by, under its section.
const HIT_INDENT: usize = 2;

pub(crate) fn draw(frame: &mut Frame, prompt: &SearchPrompt, under: &Backdrop, area: Rect) {
    let theme = under.theme;
    let width = (area.width * 9 / 10).clamp(area.width.min(20), area.width);
    let height = (area.height * 3 / 5).clamp(area.height.min(5), area.height);
    // Above the status line, which keeps showing where the reader is.
    let bottom = area.height.saturating_sub(1).max(height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + bottom - height,
        width,
        height,
    );
    let inner_width = usize::from(width.saturating_sub(2));
    let rows = usize::from(height.saturating_sub(3));
    let (prompt_line, cursor) = prompt_line(prompt, theme, inner_width);
    let mut lines = vec![prompt_line];
    if let Some(search) = &prompt.search {
        let selected_row = search.row_of(prompt.selected);
        let first = selected_row.saturating_sub(rows.saturating_sub(1));
        for row in search.list_rows(first, rows) {
            lines.push(match row {
                ListRow::File(group) => file_line(under, search, group, inner_width),
                ListRow::Section(group) => section_line(under, search, group, inner_width),
                ListRow::Hit(hit) => {
                    let selected = (hit == prompt.selected, prompt.in_list);
                    hit_line(under, search, hit, selected, inner_width)
                }
            });
        }
    }
    let title = if prompt.backward {
        "向上搜索"
    } else {
        "搜索"
    };
    super::draw_popup(frame, popup, title, lines, theme);
    if !prompt.in_list {
        super::place_cursor(frame, popup, cursor, 0);
    }
}

/// `/ phrase▏` (`? phrase▏` upwards) and the count of hits on the right
/// (搜索中… while they are on their way).
fn prompt_line<'a>(prompt: &SearchPrompt, theme: Theme, width: usize) -> (Line<'a>, usize) {
    let cursor = if prompt.in_list { "" } else { "▏" };
    let sign = if prompt.backward { '?' } else { '/' };
    let count = match &prompt.search {
        // The hits shown are of a phrase typed before; those of this one follow.
        _ if prompt.waiting() => "搜索中…".to_string(),
        Some(search) if search.hits().is_empty() => "未找到".to_string(),
        Some(search) => search.count_label(prompt.selected),
        None => format!(
            "{}  {}{}",
            hint(Mode::SearchPrompt, Action::ToggleList),
            hint(Mode::SearchPrompt, Action::History(-1)),
            help_elsewhere(prompt)
        ),
    };
    let sign = format!(" {sign} ");
    let room = width.saturating_sub(display_width(&sign) + 1 + display_width(&count));
    let view = prompt.input.view(room);
    let typed = format!("{sign}{}{cursor}{}", view.before, view.after);
    let pad = width.saturating_sub(display_width(&typed) + display_width(&count));
    let line = Line::from(vec![
        Span::styled(truncate(&typed, width), theme.heading(4)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ]);
    (line, display_width(&sign) + display_width(&view.before))
}

/// Upwards, a word for whoever pressed `?` for the help: which key it is on.
fn help_elsewhere(prompt: &SearchPrompt) -> String {
    if prompt.backward {
        let key = key_name(Mode::Reading(Focus::Reader), Action::ToggleHelp);
        format!("  帮助：Esc 后按 {key}")
    } else {
        String::new()
    }
}

/// A section: the breadcrumb of its ancestors, its label and title, its count.
fn section_line<'a>(under: &Backdrop, search: &TextSearch, group: usize, width: usize) -> Line<'a> {
    let theme = under.theme;
    let group = &search.groups[group];
    let count = format!(" {}", group.count);
    let outline = &under.document.outline;
    let name = match (group.heading, group.file) {
        (None, _) => visible(under.name),
        // The text of a library's file before its first heading.
        (Some(id), Some(file)) if id == file => "（开头）".to_string(),
        // Under the file's row, the breadcrumb below the file.
        (Some(id), Some(_)) => {
            let chain = outline.ancestors(id);
            crate::layout::named_under(outline, &chain[1..], id, BREADCRUMB_TITLE)
        }
        (Some(id), None) => {
            crate::layout::named_under(outline, &outline.ancestors(id), id, BREADCRUMB_TITLE)
        }
    };
    let name = truncate(&name, width.saturating_sub(display_width(&count)));
    let pad = width.saturating_sub(display_width(&name) + display_width(&count));
    Line::from(vec![
        Span::styled(name, theme.heading(3)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])
}

/// A file of a library, named whole, and its count of hits.
fn file_line<'a>(under: &Backdrop, search: &TextSearch, group: usize, width: usize) -> Line<'a> {
    let theme = under.theme;
    let outline = &under.document.outline;
    let name = search.groups[group]
        .file
        .map_or_else(String::new, |file| visible(&outline.get(file).title));
    let count = format!(" {}", search.hits_in_file(group));
    let name = truncate(&name, width.saturating_sub(display_width(&count)));
    let pad = width.saturating_sub(display_width(&name) + display_width(&count));
    Line::from(vec![
        Span::styled(name, theme.heading(2)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])
}

/// A hit: the text around it, the phrase marked; highlighted when `selected.0`,
/// more strongly while the list has the keys (`selected.1`).
fn hit_line<'a>(
    under: &Backdrop,
    search: &TextSearch,
    index: usize,
    selected: (bool, bool),
    width: usize,
) -> Line<'a> {
    let theme = under.theme;
    let hit = &search.hits()[index];
    let text = &under.document.paragraphs[hit.paragraph].text;
    let room = width.saturating_sub(HIT_INDENT);
    // About a third of the row before the hit (Chinese characters are two columns).
    let (around, found) = snippet(text, hit, (room / 6, room));
    let base = if selected.0 {
        theme.tree_cursor(selected.1)
    } else {
        theme.body()
    };
    let mut spans = vec![Span::styled(" ".repeat(HIT_INDENT), base)];
    let style =
        crate::tui::spans::marking(base, theme.search_hit(false), std::slice::from_ref(&found));
    let (marked, used) = crate::tui::spans::styled_spans(&around, style, room);
    spans.extend(marked);
    spans.push(Span::styled(" ".repeat(room.saturating_sub(used)), base));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document() -> Document {
        crate::build(
            "一、数字经济\n\u{3000}\u{3000}发展数字经济。\n二、数字社会\n\u{3000}\u{3000}建设数字社会，数字政府。\n",
        )
    }

    fn search(document: &Document, phrase: &str) -> TextSearch {
        TextSearch::new(document, Query::new(phrase).expect("a query"), None)
    }

    #[test]
    fn a_longer_phrase_searches_only_where_the_shorter_was_found() {
        let document = crate::build("\u{3000}\u{3000}数字经济。\n\n\u{3000}\u{3000}数字中国。\n");
        let short = search(&document, "数字");
        let long = Query::new("数字经济").expect("a query");
        assert_eq!(short.paragraphs_for(&long), Some(vec![0, 1]));
        assert_eq!(
            short.paragraphs_for(&Query::new("中国").expect("a query")),
            None
        );
        let narrowed = TextSearch::new(&document, long, Some(&short));
        assert_eq!(narrowed.hits(), search(&document, "数字经济").hits());
        assert_eq!(narrowed.hits().len(), 1);
    }

    #[test]
    fn the_list_puts_each_section_before_its_hits() {
        let document = document();
        let search = search(&document, "数字");
        assert_eq!(search.groups.len(), 2, "one group a section");
        let rows = search.list_rows(0, 100);
        assert_eq!(rows.len(), search.hits().len() + search.groups.len());
        assert_eq!(rows[0], ListRow::Section(0));
        assert_eq!(rows[1], ListRow::Hit(0));
        for index in 0..search.hits().len() {
            assert_eq!(rows[search.row_of(index)], ListRow::Hit(index));
            assert_eq!(
                search.list_rows(search.row_of(index), 1),
                [ListRow::Hit(index)]
            );
        }
    }

    #[test]
    fn stepping_goes_round_and_says_so() {
        let document = document();
        let search = search(&document, "数字");
        let last = search.hits().len() - 1;
        assert_eq!(search.step(last, 1), (0, true));
        assert_eq!(search.step(0, -1), (last, true));
        assert_eq!(search.step(0, 1), (1, false));
        assert_eq!(search.count_label(1), format!("2/{}", last + 1));
    }

    #[test]
    fn the_first_hit_from_the_reading_position_is_selected() {
        let document = document();
        let mut prompt = SearchPrompt::new(
            Position {
                paragraph: 2,
                row: 0,
            },
            0,
        );
        for c in "数字".chars() {
            prompt.type_char(c);
            prompt.refresh(&document);
        }
        let hit = prompt.selected_hit().expect("a hit");
        assert_eq!(hit.paragraph, 2);
    }

    #[test]
    fn the_history_goes_back_and_returns_to_the_draft() {
        let document = document();
        let mut history = History::default();
        history.remember("数字经济");
        history.remember("数字社会");
        history.remember("数字经济");
        let mut prompt = SearchPrompt::new(Position::default(), 0);
        prompt.type_char('政');
        prompt.browse_history(&history, -1);
        assert_eq!(prompt.input.value(), "数字经济");
        prompt.browse_history(&history, -1);
        assert_eq!(prompt.input.value(), "数字社会");
        prompt.browse_history(&history, -1);
        assert_eq!(prompt.input.value(), "数字社会", "the oldest stays");
        prompt.browse_history(&history, 2);
        assert_eq!(prompt.input.value(), "政");
        prompt.refresh(&document);
        assert_eq!(prompt.search.as_ref().map(|s| s.hits().len()), Some(1));
    }
}
