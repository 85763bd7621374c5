//! The one line editor every prompt types into (the jump query, the search
//! phrase, a bookmark's note), from `tui-input`: characters inserted at the
//! cursor, the cursor moved by characters or to either end, a character, the
//! word before the cursor or all before it deleted; control characters never
//! typed. It also says what a prompt shows in the columns it has: the text
//! before and after the cursor, scrolled so the cursor stays in view, its
//! width counting wide (Chinese) characters as two columns.

use crate::layout::safe::{is_hostile, visible_char};
use crate::layout::wrap::display_width;
use crate::tui::action::CursorMove;
use tui_input::{Input, InputRequest};

impl CursorMove {
    fn request(self) -> InputRequest {
        match self {
            CursorMove::Left => InputRequest::GoToPrevChar,
            CursorMove::Right => InputRequest::GoToNextChar,
            CursorMove::Home => InputRequest::GoToStart,
            CursorMove::End => InputRequest::GoToEnd,
            CursorMove::Delete => InputRequest::DeleteNextChar,
            CursorMove::DeleteWord => InputRequest::DeletePrevWord,
            CursorMove::DeleteToStart => InputRequest::DeleteFromStart,
        }
    }
}

/// A prompt's text and the cursor in it.
#[derive(Debug, Clone, Default)]
pub struct LineInput {
    input: Input,
}

/// What a prompt shows of its text: before the cursor (scrolled) and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineView {
    pub before: String,
    pub after: String,
}

impl LineInput {
    /// `value`, the cursor after it.
    pub fn new(value: &str) -> Self {
        Self {
            input: Input::new(value.to_string()),
        }
    }

    /// The text as typed.
    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// How many characters come before the cursor.
    pub fn cursor(&self) -> usize {
        self.input.cursor()
    }

    /// Types `c` at the cursor, unless it is a control character; whether it was typed.
    pub fn type_char(&mut self, c: char) -> bool {
        if c.is_control() || is_hostile(c) {
            return false;
        }
        self.input.handle(InputRequest::InsertChar(c));
        true
    }

    /// Deletes the character before the cursor; whether there was one.
    pub fn erase(&mut self) -> bool {
        changed(self.input.handle(InputRequest::DeletePrevChar))
    }

    /// Moves the cursor or deletes at it; whether the text changed.
    pub fn edit(&mut self, movement: CursorMove) -> bool {
        changed(self.input.handle(movement.request()))
    }

    /// Replaces the text with `value`, the cursor after it.
    pub fn set(&mut self, value: &str) {
        self.input = Input::new(value.to_string());
    }

    /// The text shown in `room` columns, safe to print: enough of what comes
    /// before the cursor that the cursor's column stays within `room`.
    pub fn view(&self, room: usize) -> LineView {
        let shown: Vec<char> = self.value().chars().map(visible_char).collect();
        let (before, after) = shown.split_at(self.cursor().min(shown.len()));
        let mut before: &[char] = before;
        while columns(before) >= room.max(1) && !before.is_empty() {
            before = &before[1..];
        }
        LineView {
            before: before.iter().collect(),
            after: after.iter().collect(),
        }
    }
}

fn changed(response: tui_input::InputResponse) -> bool {
    response.is_some_and(|state| state.value)
}

fn columns(chars: &[char]) -> usize {
    chars
        .iter()
        .map(|c| display_width(c.encode_utf8(&mut [0; 4])))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> LineInput {
        let mut line = LineInput::default();
        for c in text.chars() {
            line.type_char(c);
        }
        line
    }

    #[test]
    fn the_cursor_moves_over_wide_characters_a_character_at_a_time() {
        let mut line = typed("考点重庆");
        line.edit(CursorMove::Left);
        line.edit(CursorMove::Left);
        line.type_char('：');
        assert_eq!(line.value(), "考点：重庆");
        assert_eq!(line.cursor(), 3);
        let view = line.view(40);
        assert_eq!(view.before, "考点：");
        assert_eq!(display_width(&view.before), 6, "three wide characters");
        assert_eq!(view.after, "重庆");
    }

    #[test]
    fn home_and_end_go_to_either_end() {
        let mut line = typed("数字经济");
        line.edit(CursorMove::Home);
        line.type_char('新');
        assert_eq!(line.value(), "新数字经济");
        line.edit(CursorMove::End);
        line.type_char('。');
        assert_eq!(line.value(), "新数字经济。");
        line.edit(CursorMove::Home);
        assert!(line.edit(CursorMove::Delete));
        assert_eq!(line.value(), "数字经济。");
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_ctrl_u_all_before_it() {
        let mut line = typed("digital economy 数字");
        line.edit(CursorMove::Left);
        line.edit(CursorMove::Left);
        assert!(line.edit(CursorMove::DeleteWord));
        assert_eq!(line.value(), "digital 数字");
        assert!(line.edit(CursorMove::DeleteToStart));
        assert_eq!(line.value(), "数字");
        assert_eq!(line.cursor(), 0);
        assert!(!line.edit(CursorMove::DeleteToStart), "nothing left before");
    }

    #[test]
    fn backspace_erases_at_the_cursor() {
        let mut line = typed("数字经济");
        line.edit(CursorMove::Left);
        assert!(line.erase());
        assert_eq!(line.value(), "数字济");
        line.edit(CursorMove::Home);
        assert!(!line.erase(), "nothing before the cursor");
    }

    #[test]
    fn control_characters_are_never_typed() {
        let mut line = typed("数字");
        for c in ['\u{1b}', '\n', '\t', '\u{7f}', '\u{9b}', '\u{202e}'] {
            assert!(!line.type_char(c), "{c:?}");
        }
        assert_eq!(line.value(), "数字");
    }

    #[test]
    fn a_long_line_scrolls_to_keep_the_cursor_in_view() {
        let line = typed("一二三四五六七八九十");
        let view = line.view(9);
        assert_eq!(view.before, "七八九十");
        assert!(display_width(&view.before) < 9);
        let mut line = line;
        line.edit(CursorMove::Home);
        assert_eq!(line.view(9).before, "");
        assert_eq!(line.view(9).after, "一二三四五六七八九十");
    }
}
