//! The words of the reader's keys: everything a user can do ([`Action`]), what
//! keys mean at the moment ([`Mode`]), which pane has them ([`Focus`]), and how a
//! prompt's cursor moves ([`CursorMove`]). Plain types that the bindings table,
//! the key map, the popups and the app all speak; this module imports nothing.

/// How the cursor of a prompt moves or what it deletes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorMove {
    Left,
    Right,
    Home,
    End,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything before the cursor.
    DeleteToStart,
}

/// Which pane takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Outline,
    Reader,
}

/// What keys mean at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// No popup: keys move through the pane that has the focus.
    Reading(Focus),
    /// The jump popup: typing goes into its query.
    Jump,
    /// The search popup with the keys in its prompt.
    SearchPrompt,
    /// The search popup with the keys in its list of hits.
    SearchList,
    /// The note prompt of a bookmark: typing goes into the note.
    Note,
    /// The bookmark list.
    Bookmarks,
    /// The study statistics: any key closes them.
    Stats,
    /// The term map's prompt: typing goes into its phrases.
    TermsPrompt,
    /// The term map's bars.
    TermMap,
    /// The help: its keys scroll it, any other key closes it and does nothing
    /// else.
    Help,
    /// The compare view of `gangmu diff`.
    Compare,
    /// The compare view after `]` (1) or `[` (-1), waiting for `c`.
    CompareBracket(i8),
}

/// Everything a user can do, once keys and mouse are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Move the keys to the other pane.
    SwitchFocus,
    /// Scroll the reader by rows (negative: up).
    Scroll(isize),
    /// Scroll the reader by half screens (negative: up).
    HalfPages(isize),
    /// Scroll the reader by screens (negative: up).
    Pages(isize),
    /// Go to the start of the text.
    Top,
    /// Go to the end of the text.
    Bottom,
    /// Go to the paragraph made from this source line (`20G`: the line numbers
    /// `gangmu outline`, `find` and `grep` print), in the file being read.
    Line(usize),
    /// Go this many percent into the text (`50%`); `None`: `%` with no count.
    Percent(Option<usize>),
    /// A digit of a count typed before a key (`5` of `5j`).
    Count(u8),
    /// Go back (negative) or forward through the places jumped from.
    Jumps(isize),
    /// Go back to where the reader was before the last jump (`''`).
    Return,
    /// Go to the next (or, negative, previous) heading.
    Heading(isize),
    /// Go to the next (or, negative, previous) document or part.
    Document(isize),
    /// Show or hide the outline pane.
    ToggleOutline,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Scroll the help by this many rows.
    HelpScroll(isize),
    /// Close whatever is open (a popup goes back where it started); with nothing
    /// open, stop highlighting search hits.
    Dismiss,
    /// Open the jump popup.
    OpenJump,
    /// Open the search popup.
    OpenSearch,
    /// Open the search popup searching upwards (`?`).
    OpenSearchBack,
    /// Type a character into the open popup's prompt.
    Type(char),
    /// Erase the last character of the popup's prompt.
    Erase,
    /// Move the popup's selection by rows; the reader previews it.
    Select(isize),
    /// Show an earlier (negative) or later phrase of the search history.
    History(isize),
    /// Move the search popup's keys between its prompt and its list.
    ToggleList,
    /// Go to the popup's selection and close it.
    Accept,
    /// Go to the next (or, negative, previous) search hit.
    NextHit(isize),
    /// Move the cursor of the prompt open, or delete at it.
    Cursor(CursorMove),
    /// Bookmark the reading position (a note prompt opens).
    AddBookmark,
    /// Open the bookmark list.
    OpenBookmarks,
    /// Edit the note of the bookmark selected in the list.
    EditNote,
    /// Delete the bookmark selected in the list.
    DeleteBookmark,
    /// Bring back the bookmark deleted last while the list is open.
    UndoDelete,
    /// Show this document's bookmarks or all documents'.
    ToggleScope,
    /// Mark the section being read as read, or as unread again.
    ToggleRead,
    /// Show the study statistics.
    OpenStats,
    /// Ask for phrases and show how often they occur per file or chapter.
    OpenTerms,
    /// Copy the paragraph being read, with its citation, to the clipboard.
    Copy,
    /// Read the file again (it changed on disk).
    Reload,
    /// Stop for now, giving the terminal back (Ctrl-Z; `fg` resumes).
    Suspend,
    /// Move the outline cursor by rows (negative: up); the reader follows.
    OutlineMove(isize),
    /// Open the heading under the outline cursor (or go to its first child).
    Expand,
    /// Close it (or go to its parent).
    Collapse,
    /// Open or close it.
    ToggleExpand,
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned by rows over the given column.
    Wheel { column: u16, rows: isize },
    /// A click at a column and row of the screen.
    Click { column: u16, row: u16 },
    /// The compare view: `]` (1) or `[` (-1) typed, a `c` to follow.
    ChangeBracket(i8),
    /// The compare view: go to the next (or, negative, previous) change.
    NextChange(isize),
    /// The compare view: show the old and the new version side by side, or not.
    SideBySide,
}

impl Action {
    /// The action with the count typed before its key: `5j` scrolls five rows,
    /// `3n` goes three hits on, `20G` and `20g` go to source line 20, `50%` half
    /// way; a count of 0 repeats once. Actions that take no count ignore it.
    #[must_use]
    pub fn counted(self, count: usize) -> Action {
        let times = isize::try_from(count.max(1)).unwrap_or(isize::MAX);
        match self {
            Action::Scroll(n) => Action::Scroll(n.saturating_mul(times)),
            Action::HalfPages(n) => Action::HalfPages(n.saturating_mul(times)),
            Action::Pages(n) => Action::Pages(n.saturating_mul(times)),
            Action::Heading(n) => Action::Heading(n.saturating_mul(times)),
            Action::Document(n) => Action::Document(n.saturating_mul(times)),
            Action::NextHit(n) => Action::NextHit(n.saturating_mul(times)),
            Action::OutlineMove(n) => Action::OutlineMove(n.saturating_mul(times)),
            Action::Jumps(n) => Action::Jumps(n.saturating_mul(times)),
            Action::Top | Action::Bottom => Action::Line(count),
            Action::Percent(_) => Action::Percent(Some(count)),
            other => other,
        }
    }

    /// Whether the action takes the reader to another place the way `''` and
    /// Ctrl-O go back from: to an end, a line, a percent, a search hit, or a
    /// heading of the outline.
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Action::Top
                | Action::Bottom
                | Action::Line(_)
                | Action::Percent(_)
                | Action::NextHit(_)
                | Action::OutlineMove(_)
                | Action::Expand
                | Action::Collapse
                | Action::Click { .. }
        )
    }
}
