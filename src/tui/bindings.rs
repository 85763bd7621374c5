//! The one table of keys, [`BINDINGS`]: which key gives which [`Action`] in which
//! [`Mode`], and what the help screen, the README's key table and the popups'
//! hints say of it. `keymap` reads it to turn key presses into actions,
//! `draw::help` to list the keys, the popups and the status line to name them.
//!
//! Owns no state and draws nothing. The mouse, resizing, the characters typed into
//! a prompt and the "any key" that closes the statistics are not keys of the
//! table: `keymap` handles them.

use std::sync::OnceLock;

use ratatui_crossterm::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::tui::action::{Action, CursorMove, Focus, Mode};

/// A key as the table names it: a key code, held with Ctrl or without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

/// What a row's keys are said to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Help {
    /// A line of the help screen (Chinese) and of the README's key table
    /// (English); rows saying the same line share it, their keys listed together.
    Line { zh: &'static str, en: &'static str },
    /// The word a popup's hint puts after the key.
    Hint(&'static str),
}

/// One row of the table: in these modes, these keys give this action.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub modes: &'static [Mode],
    /// The keys; hints name the first.
    pub keys: &'static [Key],
    pub action: Action,
    pub help: Help,
}

/// A line of the help screen: the keys of every row that says it, plain
/// characters first, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    pub keys: Vec<Key>,
    pub zh: &'static str,
    pub en: &'static str,
}

// The keys that are not characters, as the table names them.
const UP: Key = key(KeyCode::Up);
const DOWN: Key = key(KeyCode::Down);
const LEFT: Key = key(KeyCode::Left);
const RIGHT: Key = key(KeyCode::Right);
const HOME: Key = key(KeyCode::Home);
const END: Key = key(KeyCode::End);
const PAGE_UP: Key = key(KeyCode::PageUp);
const PAGE_DOWN: Key = key(KeyCode::PageDown);
const ENTER: Key = key(KeyCode::Enter);
const ESC: Key = key(KeyCode::Esc);
const TAB: Key = key(KeyCode::Tab);
const BACK_TAB: Key = key(KeyCode::BackTab);
const BACKSPACE: Key = key(KeyCode::Backspace);
const DELETE: Key = key(KeyCode::Delete);
const F1: Key = key(KeyCode::F(1));

const READER: &[Mode] = &[Mode::Reading(Focus::Reader)];
const OUTLINE: &[Mode] = &[Mode::Reading(Focus::Outline)];
const READING: &[Mode] = &[Mode::Reading(Focus::Reader), Mode::Reading(Focus::Outline)];
/// The popups with a selection to move and go to; the statistics take the same keys.
const LISTS: &[Mode] = &[
    Mode::Jump,
    Mode::SearchPrompt,
    Mode::SearchList,
    Mode::Bookmarks,
    Mode::Stats,
    Mode::TermsPrompt,
    Mode::TermMap,
];
const POPUPS: &[Mode] = &[
    Mode::Jump,
    Mode::SearchPrompt,
    Mode::SearchList,
    Mode::Bookmarks,
    Mode::Stats,
    Mode::TermsPrompt,
    Mode::TermMap,
    Mode::Note,
    Mode::Help,
];
const PROMPTS: &[Mode] = &[
    Mode::Jump,
    Mode::SearchPrompt,
    Mode::Note,
    Mode::TermsPrompt,
];
const TERM_MAP: &[Mode] = &[Mode::TermMap];
const JUMP: &[Mode] = &[Mode::Jump];
const SEARCH_PROMPT: &[Mode] = &[Mode::SearchPrompt];
const SEARCH_LIST: &[Mode] = &[Mode::SearchList];
const NOTE: &[Mode] = &[Mode::Note];
const BOOKMARKS: &[Mode] = &[Mode::Bookmarks];
const HELP_SCREEN: &[Mode] = &[Mode::Help];
const COMPARE: &[Mode] = &[Mode::Compare];
const COMPARE_NEXT: &[Mode] = &[Mode::CompareBracket(1)];
const COMPARE_PREVIOUS: &[Mode] = &[Mode::CompareBracket(-1)];

/// Rows a page of the help scrolls.
const HELP_PAGE: isize = 10;

const SCROLL: Help = Help::Line {
    zh: "上下滚动一行",
    en: "scroll a line (in the outline: move the cursor, the text follows)",
};
const PAGE: Help = Help::Line {
    zh: "翻页",
    en: "a page down / up",
};
const HALF_PAGE: Help = Help::Line {
    zh: "翻半页",
    en: "half a page",
};
const ENDS: Help = Help::Line {
    zh: "开头 / 结尾",
    en: "start / end",
};
const PERCENT: Help = Help::Line {
    zh: "跳到 n% 处（如 50%）",
    en: "after a number, go that far into the text (`50%`: half way, as the status line's percent counts); pressed while a long file is still loading, it lands there in the whole once that is in",
};
const COUNT: Help = Help::Line {
    zh: "计数前缀：5j 3n 20G 50%",
    en: "a count before a key: `5j` scrolls five lines, `3n` goes three hits on, `3]` three headings on, `2Ctrl-O` two places back; `20G` (or `20g`) goes to line 20 of the file as `gangmu outline`, `find` and `grep` number it (the text is reflowed, so a line of the file is the one number that stays put); the status line shows it while typed, `Esc` drops it",
};
const JUMPS: Help = Help::Line {
    zh: "跳转记录：后退 / 前进",
    en: "back / forward through the places you jumped from (`f`, the outline, `/` `?` `n` `N`, `g` `G`, `%`, bookmarks; the last 100 kept for each document from one run to the next); `''` goes back to where you were before the last jump, and again returns, as in less; most terminals send `Ctrl-I` as `Tab`, so right after `Ctrl-O` `Tab` goes forward, and otherwise switches panes",
};
const HEADINGS: Help = Help::Line {
    zh: "下一个 / 上一个标题",
    en: "next / previous heading",
};
const DOCUMENTS: Help = Help::Line {
    zh: "下一个 / 上一个文件",
    en: "next / previous document or part",
};
const JUMP_TO: Help = Help::Line {
    zh: "跳转到标题",
    en: "jump to a heading: type Chinese, pinyin (`shuzijingji`), initials (`szjj`, `数字jj`) or a number (`第十五章`, `15章`, `15`); the text follows the selection, `Enter` goes there, `Esc` back",
};
const SEARCH: Help = Help::Line {
    zh: "全文搜索",
    en: "search the text: type a phrase (found across hard wraps and page breaks; Latin letters in either case, full-width letters and digits alike); the hits are listed under their sections, the text follows the selected one; `↑` `↓` bring back earlier phrases (kept from one run to the next), `Ctrl-N` `Ctrl-P` (or `Tab`, then the arrows) go through the hits, `Enter` goes there, `Esc` back",
};
const SEARCH_BACK: Help = Help::Line {
    zh: "向上搜索",
    en: "search the text upwards, as in less and vim: the first hit above the top of the screen is selected first, and then `n` goes on upwards and `N` downwards",
};
const HITS: Help = Help::Line {
    zh: "下一处 / 上一处搜索结果",
    en: "next / previous hit of the last search (all its hits stay highlighted; `hit k/n` in the status line); `Esc` stops highlighting them, and `n` goes on with the search",
};
const BOOKMARK: Help = Help::Line {
    zh: "加书签（可写笔记）",
    en: "bookmark the reading position, with a note if you like (typed with your input method; `←` `→` `Home` `End` move in it); `Enter` keeps it, `Esc` drops it",
};
const BOOKMARK_LIST: Help = Help::Line {
    zh: "书签列表（'' 跳回）",
    en: "the bookmarks: where each is, when, its note and text; `Enter` goes there, `e` edits the note, `d` deletes, `u` brings back what was deleted while the list is open, `Tab` this document's or all documents'; `'` again (`''`) goes back to where you were before the last jump",
};
const READ: Help = Help::Line {
    zh: "本节标为读完 / 未读",
    en: "mark the section being read, and everything under it, as read (again: unread)",
};
const STATS: Help = Help::Line {
    zh: "学习记录",
    en: "study sessions and reading time per chapter",
};
const TERMS: Help = Help::Line {
    zh: "按文件 / 章看词频",
    en: "the term map: type phrases (space-separated), then see how often each occurs per file of a library or per chapter of one document; `Enter` searches the phrase from the file or chapter selected",
};
const COPY: Help = Help::Line {
    zh: "复制本段及出处",
    en: "copy the paragraph being read with its citation (`——《纲要》第五篇第十五章`) to the system clipboard, through the terminal (OSC 52; works over ssh where the terminal allows it)",
};
const RELOAD: Help = Help::Line {
    zh: "文件改动后重新读入",
    en: "read the file again after it changed (the place and bookmarks are found again by headings and text); if it is gone, what was read stays on screen",
};
const SUSPEND: Help = Help::Line {
    zh: "交回终端（fg 恢复）",
    en: "give the terminal back (`fg` resumes)",
};
const DISMISS: Help = Help::Line {
    zh: "关闭；取消搜索高亮",
    en: "close the help; stop highlighting the hits of the last search",
};
const FOCUS: Help = Help::Line {
    zh: "在目录和正文之间切换",
    en: "switch between outline and text",
};
const FOLD: Help = Help::Line {
    zh: "目录：收起 / 展开",
    en: "in the outline: close / open a heading",
};
const OUTLINE_PANE: Help = Help::Line {
    zh: "显示 / 隐藏目录",
    en: "show / hide the outline (hidden below 80 columns until asked for)",
};
const HELP: Help = Help::Line {
    zh: "帮助",
    en: "help / close it (`?` searches upwards, as in less)",
};
const CHANGES: Help = Help::Line {
    zh: "对比：下一处 / 上一处改动（]c [c）",
    en: "in the compare view of `gangmu diff` on a terminal: `]c` / `[c` go to the next / previous change, as in vim's diff mode",
};
const SIDE_BY_SIDE: Help = Help::Line {
    zh: "对比：并排显示旧版 │ 新版",
    en: "in the compare view: the old and the new version side by side, scrolling together (on a terminal at least 120 columns wide)",
};
const QUIT: Help = Help::Line {
    zh: "退出",
    en: "quit",
};

/// Every key, reading keys first in the order the help screen lists them. No key
/// is in two rows of one mode.
// One row a line, as a table reads.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(READER, &[ch('j'), DOWN], Action::Scroll(1), SCROLL),
    bind(READER, &[ch('k'), UP], Action::Scroll(-1), SCROLL),
    bind(OUTLINE, &[ch('j'), DOWN], Action::OutlineMove(1), SCROLL),
    bind(OUTLINE, &[ch('k'), UP], Action::OutlineMove(-1), SCROLL),
    bind(READING, &[ch(' '), PAGE_DOWN], Action::Pages(1), PAGE),
    bind(READING, &[ch('b'), PAGE_UP], Action::Pages(-1), PAGE),
    bind(READING, &[ctrl('d')], Action::HalfPages(1), HALF_PAGE),
    bind(READING, &[ctrl('u')], Action::HalfPages(-1), HALF_PAGE),
    bind(READING, &[ch('g'), HOME], Action::Top, ENDS),
    bind(READING, &[ch('G'), END], Action::Bottom, ENDS),
    bind(READING, &[ch('%')], Action::Percent(None), PERCENT),
    bind(READING, &[ch('0')], Action::Count(0), COUNT),
    bind(READING, &[ch('1')], Action::Count(1), COUNT),
    bind(READING, &[ch('2')], Action::Count(2), COUNT),
    bind(READING, &[ch('3')], Action::Count(3), COUNT),
    bind(READING, &[ch('4')], Action::Count(4), COUNT),
    bind(READING, &[ch('5')], Action::Count(5), COUNT),
    bind(READING, &[ch('6')], Action::Count(6), COUNT),
    bind(READING, &[ch('7')], Action::Count(7), COUNT),
    bind(READING, &[ch('8')], Action::Count(8), COUNT),
    bind(READING, &[ch('9')], Action::Count(9), COUNT),
    bind(READING, &[ctrl('o')], Action::Jumps(-1), JUMPS),
    bind(READING, &[ctrl('i')], Action::Jumps(1), JUMPS),
    bind(READING, &[ch(']')], Action::Heading(1), HEADINGS),
    bind(READING, &[ch('[')], Action::Heading(-1), HEADINGS),
    bind(READING, &[ch('}')], Action::Document(1), DOCUMENTS),
    bind(READING, &[ch('{')], Action::Document(-1), DOCUMENTS),
    bind(READING, &[ch('f'), ctrl('p')], Action::OpenJump, JUMP_TO),
    bind(READING, &[ch('/')], Action::OpenSearch, SEARCH),
    bind(READING, &[ch('?')], Action::OpenSearchBack, SEARCH_BACK),
    bind(READING, &[ch('n')], Action::NextHit(1), HITS),
    bind(READING, &[ch('N')], Action::NextHit(-1), HITS),
    bind(READING, &[ch('m')], Action::AddBookmark, BOOKMARK),
    bind(READING, &[ch('\'')], Action::OpenBookmarks, BOOKMARK_LIST),
    bind(READING, &[ch('x')], Action::ToggleRead, READ),
    bind(READING, &[ch('S')], Action::OpenStats, STATS),
    bind(READING, &[ch('t')], Action::OpenTerms, TERMS),
    bind(READING, &[ch('y')], Action::Copy, COPY),
    bind(READING, &[ch('R')], Action::Reload, RELOAD),
    bind(READING, &[ctrl('z')], Action::Suspend, SUSPEND),
    bind(READING, &[ESC], Action::Dismiss, DISMISS),
    bind(READING, &[TAB, BACK_TAB], Action::SwitchFocus, FOCUS),
    bind(OUTLINE, &[ch('h'), LEFT], Action::Collapse, FOLD),
    bind(OUTLINE, &[ch('l'), RIGHT], Action::Expand, FOLD),
    bind(OUTLINE, &[ENTER], Action::ToggleExpand, FOLD),
    bind(READING, &[ch('o')], Action::ToggleOutline, OUTLINE_PANE),
    bind(READING, &[ch('H'), F1], Action::ToggleHelp, HELP),
    bind(READING, &[ch('q'), ctrl('c')], Action::Quit, QUIT),
    // Every popup.
    bind(POPUPS, &[ctrl('c')], Action::Quit, Help::Hint("退出")),
    bind(POPUPS, &[ESC], Action::Dismiss, Help::Hint("关闭")),
    bind(LISTS, &[ENTER], Action::Accept, Help::Hint("前往")),
    bind(LISTS, &[ctrl('p'), ctrl('k')], Action::Select(-1), Help::Hint("上一个")),
    bind(LISTS, &[ctrl('n'), ctrl('j')], Action::Select(1), Help::Hint("下一个")),
    bind(LISTS, &[PAGE_UP], Action::Select(-10), Help::Hint("上一页")),
    bind(LISTS, &[PAGE_DOWN], Action::Select(10), Help::Hint("下一页")),
    bind(PROMPTS, &[BACKSPACE], Action::Erase, Help::Hint("退格")),
    // The jump popup.
    bind(JUMP, &[UP], Action::Select(-1), Help::Hint("上一个")),
    bind(JUMP, &[DOWN], Action::Select(1), Help::Hint("下一个")),
    // The search popup: its prompt, then its list of hits.
    bind(SEARCH_PROMPT, &[UP], Action::History(-1), Help::Hint("历史")),
    bind(SEARCH_PROMPT, &[DOWN], Action::History(1), Help::Hint("历史")),
    bind(SEARCH_PROMPT, &[TAB, BACK_TAB], Action::ToggleList, Help::Hint("列表")),
    bind(SEARCH_LIST, &[ch('k'), UP], Action::Select(-1), Help::Hint("上一个")),
    bind(SEARCH_LIST, &[ch('j'), DOWN], Action::Select(1), Help::Hint("下一个")),
    bind(SEARCH_LIST, &[ch('/'), TAB, BACK_TAB], Action::ToggleList, Help::Hint("输入")),
    bind(SEARCH_LIST, &[ch('q')], Action::Dismiss, Help::Hint("关闭")),
    // Every prompt is a line editor.
    bind(PROMPTS, &[LEFT], Action::Cursor(CursorMove::Left), Help::Hint("左移")),
    bind(PROMPTS, &[RIGHT], Action::Cursor(CursorMove::Right), Help::Hint("右移")),
    bind(PROMPTS, &[HOME, ctrl('a')], Action::Cursor(CursorMove::Home), Help::Hint("行首")),
    bind(PROMPTS, &[END, ctrl('e')], Action::Cursor(CursorMove::End), Help::Hint("行尾")),
    bind(PROMPTS, &[DELETE], Action::Cursor(CursorMove::Delete), Help::Hint("删后一字")),
    bind(PROMPTS, &[ctrl('w')], Action::Cursor(CursorMove::DeleteWord), Help::Hint("删前一词")),
    bind(PROMPTS, &[ctrl('u')], Action::Cursor(CursorMove::DeleteToStart), Help::Hint("删至行首")),
    // The term map's bars, once its prompt is done.
    bind(TERM_MAP, &[ch('k'), UP], Action::Select(-1), Help::Hint("上一个")),
    bind(TERM_MAP, &[ch('j'), DOWN], Action::Select(1), Help::Hint("下一个")),
    bind(TERM_MAP, &[ch('q')], Action::Dismiss, Help::Hint("关闭")),
    // The note prompt.
    bind(NOTE, &[ENTER], Action::Accept, Help::Hint("保存")),
    // The bookmark list.
    bind(BOOKMARKS, &[ch('k'), UP], Action::Select(-1), Help::Hint("上一个")),
    bind(BOOKMARKS, &[ch('j'), DOWN], Action::Select(1), Help::Hint("下一个")),
    bind(BOOKMARKS, &[ch('e')], Action::EditNote, Help::Hint("笔记")),
    bind(BOOKMARKS, &[ch('d'), DELETE], Action::DeleteBookmark, Help::Hint("删除")),
    bind(BOOKMARKS, &[ch('u')], Action::UndoDelete, Help::Hint("撤销")),
    bind(BOOKMARKS, &[TAB, BACK_TAB, ch('a')], Action::ToggleScope, Help::Hint("本文件 / 全部")),
    // The help.
    bind(HELP_SCREEN, &[ch('j'), DOWN], Action::HelpScroll(1), Help::Hint("下一行")),
    bind(HELP_SCREEN, &[ch('k'), UP], Action::HelpScroll(-1), Help::Hint("上一行")),
    bind(HELP_SCREEN, &[ch(' '), PAGE_DOWN], Action::HelpScroll(HELP_PAGE), Help::Hint("下一页")),
    bind(HELP_SCREEN, &[ch('b'), PAGE_UP], Action::HelpScroll(-HELP_PAGE), Help::Hint("上一页")),
    bind(HELP_SCREEN, &[ch('q'), ch('H'), F1], Action::ToggleHelp, Help::Hint("关闭")),
    bind(BOOKMARKS, &[ch('q')], Action::Dismiss, Help::Hint("关闭")),
    bind(BOOKMARKS, &[ch('\'')], Action::Return, Help::Hint("回到跳转前")),
    // The compare view of `gangmu diff`: `]c` and `[c` are two keys each.
    bind(COMPARE, &[ch(']')], Action::ChangeBracket(1), CHANGES),
    bind(COMPARE, &[ch('[')], Action::ChangeBracket(-1), CHANGES),
    bind(COMPARE_NEXT, &[ch('c')], Action::NextChange(1), Help::Hint("下一处改动")),
    bind(COMPARE_PREVIOUS, &[ch('c')], Action::NextChange(-1), Help::Hint("上一处改动")),
    bind(COMPARE, &[ch('s')], Action::SideBySide, SIDE_BY_SIDE),
    bind(COMPARE, &[ch('j'), DOWN], Action::Scroll(1), Help::Hint("下一行")),
    bind(COMPARE, &[ch('k'), UP], Action::Scroll(-1), Help::Hint("上一行")),
    bind(COMPARE, &[ch(' '), PAGE_DOWN], Action::Pages(1), Help::Hint("下一页")),
    bind(COMPARE, &[ch('b'), PAGE_UP], Action::Pages(-1), Help::Hint("上一页")),
    bind(COMPARE, &[ctrl('d')], Action::HalfPages(1), Help::Hint("下半页")),
    bind(COMPARE, &[ctrl('u')], Action::HalfPages(-1), Help::Hint("上半页")),
    bind(COMPARE, &[ch('g'), HOME], Action::Top, Help::Hint("开头")),
    bind(COMPARE, &[ch('G'), END], Action::Bottom, Help::Hint("结尾")),
    bind(COMPARE, &[ch('H'), F1, ch('?')], Action::ToggleHelp, Help::Hint("帮助")),
    bind(COMPARE, &[ch('q'), ctrl('c')], Action::Quit, Help::Hint("退出")),
];

/// The table in use: [`BINDINGS`], or the one the user's settings gave keys.
static TABLE: OnceLock<Vec<Binding>> = OnceLock::new();

/// Puts the keys of `keys` (a list for each row of [`BINDINGS`], as
/// `rebind::rebound` makes them) in place of the table's own for the rest of
/// the run; once only, before the reader starts.
pub fn install(keys: Vec<Vec<Key>>) {
    let table = BINDINGS
        .iter()
        .zip(keys)
        .map(|(binding, keys)| Binding {
            // Made once a run, and kept for all of it.
            keys: Box::leak(keys.into_boxed_slice()),
            ..*binding
        })
        .collect();
    let _ = TABLE.set(table);
}

fn table() -> &'static [Binding] {
    TABLE.get().map_or(BINDINGS, Vec::as_slice)
}

const fn bind(modes: &'static [Mode], keys: &'static [Key], action: Action, help: Help) -> Binding {
    Binding {
        modes,
        keys,
        action,
        help,
    }
}

/// A character typed without Ctrl.
const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

/// A character typed with Ctrl.
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// A key that is not a character (Enter, the arrows, …), without Ctrl.
const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

impl Key {
    /// Whether `event` is this key. Only Ctrl counts among the modifiers; with
    /// `exact_ctrl` false, Ctrl may also be held over a key named without it.
    fn matches(self, event: &KeyEvent, exact_ctrl: bool) -> bool {
        let held = event.modifiers.contains(KeyModifiers::CONTROL);
        event.code == self.code && (held == self.ctrl || !(exact_ctrl || self.ctrl))
    }

    /// The key as the help screen and hints name it: `j`, `空格`, `Ctrl-D`,
    /// `PgDn`, `↑`, `Enter`.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "空格".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            code => named_key(code),
        };
        if self.ctrl {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }

    /// Whether it is a character typed without Ctrl; lines list those first.
    fn is_plain_character(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && !self.ctrl
    }
}

/// The name of a key that is not a character, the same on every platform.
fn named_key(code: KeyCode) -> String {
    let name = match code {
        KeyCode::Up => "↑",
        KeyCode::Down => "↓",
        KeyCode::Left => "←",
        KeyCode::Right => "→",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "Shift-Tab",
        KeyCode::Backspace => "Backspace",
        KeyCode::Delete => "Del",
        other => return other.to_string(),
    };
    name.to_string()
}

impl Help {
    /// The Chinese words: the help screen's line or the popup hint's word.
    pub fn zh(self) -> &'static str {
        match self {
            Help::Line { zh, .. } | Help::Hint(zh) => zh,
        }
    }
}

impl HelpLine {
    /// Adds the `keys` it does not list yet, Shift-Tab aside.
    fn add(&mut self, keys: &[Key]) {
        for &key in keys {
            if !self.keys.contains(&key) && key.code != KeyCode::BackTab {
                self.keys.push(key);
            }
        }
    }

    /// The keys as the help screen shows them: `j k ↓ ↑`; all ten digits as
    /// `0–9`.
    pub fn key_names(&self) -> Vec<String> {
        let digits: Vec<Key> = ('0'..='9').map(ch).collect();
        if self.keys == digits {
            return vec!["0–9".to_string()];
        }
        self.keys.iter().map(|key| key.name()).collect()
    }
}

/// The action the table gives `event` in `mode`, if any. While reading, Ctrl
/// with a key bound without it does nothing (Ctrl-J is not `j`); in a popup it is
/// the key alone (Ctrl-E edits a bookmark's note as `e` does).
pub fn action_of(event: &KeyEvent, mode: Mode) -> Option<Action> {
    let exact_ctrl = matches!(mode, Mode::Reading(_));
    table()
        .iter()
        .filter(|binding| binding.modes.contains(&mode))
        .find(|binding| binding.keys.iter().any(|k| k.matches(event, exact_ctrl)))
        .map(|binding| binding.action)
}

/// The lines of the help screen, in the order of the table. Shift-Tab is left
/// out where Tab is: it does what Tab does.
pub fn help_lines() -> Vec<HelpLine> {
    let mut lines: Vec<HelpLine> = Vec::new();
    for binding in table() {
        if let Help::Line { zh, en } = binding.help {
            line_saying(&mut lines, zh, en).add(binding.keys);
        }
    }
    for line in &mut lines {
        line.keys.sort_by_key(|key| !key.is_plain_character());
    }
    lines
}

/// The line of `lines` that says `zh`, added at the end if none does yet.
fn line_saying<'a>(
    lines: &'a mut Vec<HelpLine>,
    zh: &'static str,
    en: &'static str,
) -> &'a mut HelpLine {
    let at = lines
        .iter()
        .position(|line| line.zh == zh)
        .unwrap_or_else(|| {
            let keys = Vec::new();
            lines.push(HelpLine { keys, zh, en });
            lines.len() - 1
        });
    &mut lines[at]
}

/// The name of the first key that gives `action` in `mode` (`Enter`, `Tab`), or
/// nothing when none does.
pub fn key_name(mode: Mode, action: Action) -> String {
    binding_for(mode, action)
        .and_then(|binding| binding.keys.first())
        .map_or_else(String::new, |key| key.name())
}

/// A popup's hint for `action` in `mode`: the key and the table's word for it,
/// as `Enter 前往`.
pub fn hint(mode: Mode, action: Action) -> String {
    let word = binding_for(mode, action).map_or("", |binding| binding.help.zh());
    format!("{} {word}", key_name(mode, action))
}

/// Every key of `mode` the table names with a popup's word, as the help lists
/// them: the keys' names, and the word.
pub fn hints_of(mode: Mode) -> Vec<(String, &'static str)> {
    table()
        .iter()
        .filter(|binding| binding.modes.contains(&mode))
        .filter_map(|binding| match binding.help {
            Help::Hint(word) => {
                let names: Vec<String> = binding.keys.iter().map(|key| key.name()).collect();
                Some((names.join(" "), word))
            }
            Help::Line { .. } => None,
        })
        .collect()
}

/// Every key of `mode` and what it does in a few words, in table order; keys
/// that say the same are one entry. A key that only begins a sequence (`]` of
/// `]c`) is left out: the sequence is under the mode it leads to.
pub fn described(mode: Mode) -> Vec<(String, &'static str)> {
    let mut entries: Vec<(Vec<String>, &'static str)> = Vec::new();
    let described =
        |b: &&Binding| b.modes.contains(&mode) && !matches!(b.action, Action::ChangeBracket(_));
    for binding in table().iter().filter(described) {
        let says = match binding.help {
            Help::Hint(word) => word,
            Help::Line { zh, .. } => zh,
        };
        let names = binding.keys.iter().map(|key| key.name());
        match entries.iter_mut().find(|(_, said)| *said == says) {
            Some((keys, _)) => keys.extend(names),
            None => entries.push((names.collect(), says)),
        }
    }
    entries
        .into_iter()
        .map(|(keys, says)| (keys.join(" "), says))
        .collect()
}

fn binding_for(mode: Mode, action: Action) -> Option<&'static Binding> {
    table()
        .iter()
        .find(|binding| binding.action == action && binding.modes.contains(&mode))
}

#[cfg(test)]
mod tests;
