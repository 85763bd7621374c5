//! The jump popup: the query typed, the headings ranked for it, the one
//! selected, and where the reader stood when it opened (to go back on Esc); and
//! its drawing: the query, the count found, and the list, each row a heading's
//! label and title with the matched characters marked and a dimmed breadcrumb,
//! the selected row highlighted. Ranking is asked for ([`Jump::ask`]) and
//! answered ([`Jump::answer`]) apart, so that it can be done off the reader's
//! thread (`lookup`); until the answer for the query typed comes, the popup
//! shows the last one. `App` drives it.

use super::Backdrop;
use super::line::LineInput;
use crate::document::{HeadingId, Outline};
use crate::layout::rows::Position;
use crate::layout::wrap::{display_width, truncate};
use crate::search::{Hit, Index, Ranking};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::ops::Range;

/// Rows put in order beyond the selected one: more than a screen shows.
const ROWS_AHEAD: usize = 256;

/// The ranking of one query, to be done here or elsewhere.
#[derive(Debug, Clone)]
pub struct RankAsk {
    pub query: String,
    reading: Option<HeadingId>,
    /// The hits of a query this one extends, the only headings it can match.
    candidates: Option<Vec<HeadingId>>,
}

impl RankAsk {
    /// The headings matching, the first rows of the list in order.
    pub fn run(self, index: &Index, outline: &Outline) -> Ranking {
        let candidates = self.candidates.as_deref();
        let mut ranking = index.rank_among(outline, &self.query, self.reading, candidates);
        ranking.settle(index, ROWS_AHEAD);
        ranking
    }
}

/// Putting a ranking in order further, to be done here or elsewhere.
#[derive(Debug, Clone)]
pub struct SettleAsk {
    pub query: String,
    ranking: Ranking,
    rows: usize,
}

impl SettleAsk {
    /// The ranking with its first `rows` in order.
    pub fn run(mut self, index: &Index) -> Ranking {
        self.ranking.settle(index, self.rows);
        self.ranking
    }
}

/// An open jump popup.
#[derive(Debug, Clone)]
pub struct Jump {
    pub query: LineInput,
    ranking: Ranking,
    pub selected: usize,
    /// The reader's position before the popup opened.
    pub origin: Position,
    /// The section being read then: its document's headings rank first.
    pub reading: Option<HeadingId>,
    /// The query `ranking` was made for.
    ranked_for: String,
    /// Enter was pressed before the headings' search keys were there: go to the
    /// best heading as soon as they are.
    pub accepted: bool,
}

impl Jump {
    pub fn new(origin: Position, reading: Option<HeadingId>) -> Self {
        Self {
            query: LineInput::default(),
            ranking: Ranking::empty(),
            selected: 0,
            origin,
            reading,
            ranked_for: String::new(),
            accepted: false,
        }
    }

    /// Ranks the headings for the current query here and now, selecting the best.
    pub fn rank(&mut self, index: &Index, outline: &Outline) {
        let ask = self.ask();
        let query = ask.query.clone();
        self.answer(&query, ask.run(index, outline));
    }

    /// What ranking the current query takes. A query that extends the one last
    /// ranked looks only among its hits.
    pub fn ask(&self) -> RankAsk {
        // Below three characters only runs match, so hits of a shorter query may
        // miss fuzzy matches of a longer one.
        let narrowing = self.ranked_for.chars().count() >= crate::search::MIN_FUZZY_CHARS
            && self.query.value().starts_with(&self.ranked_for);
        RankAsk {
            query: self.query.value().to_string(),
            reading: self.reading,
            candidates: narrowing.then(|| self.ranking.ids()),
        }
    }

    /// Takes the ranking of `query`, selecting the best, if it is still the query
    /// typed; whether it was.
    pub fn answer(&mut self, query: &str, ranking: Ranking) -> bool {
        if query != self.query.value() {
            return false;
        }
        self.ranking = ranking;
        self.ranked_for = self.query.value().to_string();
        self.selected = 0;
        true
    }

    /// Whether the list shown is not yet that of the query typed.
    pub fn waiting(&self) -> bool {
        self.ranked_for != self.query.value()
    }

    /// Moves the selection by `n` rows, within the list. The rows it comes to
    /// may not be in order yet ([`Jump::rows_wanted`]).
    pub fn move_by(&mut self, n: isize) {
        let last = self.ranking.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + n).clamp(0, last.max(0)) as usize;
    }

    /// How many rows the list needs in order around the selection, if it has
    /// fewer.
    pub fn rows_wanted(&self) -> Option<usize> {
        let rows = self.selected + ROWS_AHEAD;
        (self.ranking.settled().len() < rows.min(self.ranking.len())).then_some(rows)
    }

    /// What putting the list in order as far as `rows` takes: the ranking
    /// shown, and the query it is of.
    pub fn settle_ask(&self, rows: usize) -> SettleAsk {
        SettleAsk {
            query: self.ranked_for.clone(),
            ranking: self.ranking.clone(),
            rows,
        }
    }

    /// Takes the ranking put in order further, keeping the selection, if it is
    /// still the query's shown; whether it was.
    pub fn settled(&mut self, query: &str, ranking: Ranking) -> bool {
        if query != self.ranked_for || query != self.query.value() {
            return false;
        }
        self.ranking = ranking;
        true
    }

    /// How many headings match.
    pub fn count(&self) -> usize {
        self.ranking.len()
    }

    /// The hits in order as far as the list has gone, best first: at least
    /// `ROWS_AHEAD` beyond the selected one, where there are so many.
    pub fn hits(&self) -> &[Hit] {
        self.ranking.settled()
    }

    pub fn selected_heading(&self) -> Option<HeadingId> {
        self.hits().get(self.selected).map(|hit| hit.id)
    }
}

/// What comes before the query typed.
const PROMPT: &str = " › ";
/// Columns a breadcrumb step without a label gets.
const BREADCRUMB_TITLE: usize = 10;

pub(crate) fn draw(frame: &mut Frame, jump: &Jump, under: &Backdrop, area: Rect) {
    let theme = under.theme;
    let popup = super::list_box(area, (20, 5));
    let (width, height) = (popup.width, popup.height);
    let inner_width = usize::from(width.saturating_sub(2));
    let rows = usize::from(height.saturating_sub(3));
    // `…` while the list shown is of a query typed before, this one's on its way.
    let waiting = if under.looking_up { "… " } else { "" };
    let count = format!(
        "{waiting}{}/{}",
        jump.count().min(jump.selected + 1),
        jump.count()
    );
    let room = inner_width.saturating_sub(display_width(PROMPT) + 1 + display_width(&count));
    let view = jump.query.view(room);
    let prompt = format!("{PROMPT}{}▏{}", view.before, view.after);
    let pad = inner_width.saturating_sub(display_width(&prompt) + display_width(&count));
    let mut lines = vec![Line::from(vec![
        Span::styled(truncate(&prompt, inner_width), theme.heading(4)),
        Span::raw(" ".repeat(pad)),
        Span::styled(count, theme.separator()),
    ])];
    let first = jump.selected.saturating_sub(rows.saturating_sub(1));
    for (index, hit) in jump.hits().iter().enumerate().skip(first).take(rows) {
        let selected = index == jump.selected;
        let matched = under
            .heading_index
            .map_or_else(Vec::new, |index| index.matched(jump.query.value(), hit.id));
        lines.push(hit_line(
            &under.document.outline,
            hit.id,
            &matched,
            selected,
            theme,
            inner_width,
        ));
    }
    if under.index_pending {
        lines.push(Line::styled(" 正在准备标题索引……", theme.separator()));
    }
    super::draw_popup(frame, popup, "跳转", lines, theme);
    let cursor = display_width(PROMPT) + display_width(&view.before);
    super::place_cursor(frame, popup, cursor, 0);
}

/// One heading: label and title with matched characters marked, then its breadcrumb.
fn hit_line<'a>(
    outline: &Outline,
    id: HeadingId,
    matched: &[usize],
    selected: bool,
    theme: Theme,
    width: usize,
) -> Line<'a> {
    let heading = outline.get(id);
    let base = if selected {
        theme.tree_cursor(true)
    } else {
        theme.body()
    };
    let marked: Vec<Range<usize>> = matched.iter().map(|&i| i..i + 1).collect();
    let style = crate::tui::spans::marking(base, theme.heading(1), &marked);
    let (mut spans, mut used) = crate::tui::spans::styled_spans(&heading.display(), style, width);
    let crumbs = crate::layout::breadcrumb(outline, &outline.ancestors(id), BREADCRUMB_TITLE);
    if !crumbs.is_empty() && used + 4 < width {
        let crumbs = truncate(&format!("  {crumbs}"), width - used);
        used += display_width(&crumbs);
        spans.push(Span::styled(crumbs, base.patch(theme.separator())));
    }
    spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    Line::from(spans)
}
