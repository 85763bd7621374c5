//! The words the reader says to the user in the status line and on standard
//! error: what the store found wrong with its files ([`Notice`]), why a save did
//! not happen ([`SaveError`]), a data directory that is missing or cannot be
//! used, and what an action did (a bookmark made, a search not found, the file
//! read again). Pure functions from typed values to sentences; the store never
//! words anything, and the app says these rather than sentences of its own.
//! (The labels of panes and popups are drawn with them, in `draw` and `popup`.)

use std::path::Path;

use crate::study::store::{DataFile, Notice, Problem, SaveError};
use crate::tui::action::{Action, Focus, Mode};
use crate::tui::bindings::key_name;

/// Said on opening when there is no data directory to be found.
pub const NO_DATA_DIRECTORY: &str = "找不到数据目录：本次不保存位置（可用 --data-dir 指定）";

/// The status line after a bookmark is changed with no data directory to save in.
pub const BOOKMARKS_KEPT_UNTIL_EXIT: &str = "⚠ 数据目录不可用：书签只保留到退出";

/// Said after `x`: the section is now read (`true`) or unread.
pub fn marked_read(read: bool) -> &'static str {
    if read {
        "已标为读完"
    } else {
        "已标为未读"
    }
}

/// Said after `y`, with how many control characters were left out of the copy.
pub fn copied(left_out: usize) -> String {
    let copied = "已复制本段及出处到剪贴板（OSC 52）";
    match left_out {
        0 => copied.to_string(),
        n => format!("{copied}，略去 {n} 个控制字符"),
    }
}

/// Said when a search closes with no hit of `phrase`.
pub fn not_found(phrase: &str) -> String {
    format!("未找到：{phrase}")
}

/// Said on `n` with no search to go on with.
pub fn no_search() -> String {
    format!("没有搜索：按 {} 搜索", reading_key(Action::OpenSearch))
}

/// Said when `n` goes round from the last hit to the first.
pub const WRAPPED_TO_START: &str = "已到末尾，从开头继续";

/// Said when `N` goes round from the first hit to the last.
pub const WRAPPED_TO_END: &str = "已到开头，从末尾继续";

/// Said on `%` with no number typed before it.
pub const PERCENT_NEEDS_A_NUMBER: &str = "先输入百分数再按 %，如 50%";

/// Said when there is no place further back (`back`) or forward in the places
/// jumped from.
pub fn no_more_jumps(back: bool) -> String {
    if back {
        format!(
            "没有更早的跳转（{} 跳到标题后，可用 {} 回来）",
            reading_key(Action::OpenJump),
            reading_key(Action::Jumps(-1))
        )
    } else {
        "已是最近的位置".to_string()
    }
}

/// Said on `''` before any jump.
pub const NO_JUMP_YET: &str = "还没有跳转过";

/// Said when a place jumped from is no longer in the text.
pub const JUMP_NOT_FOUND: &str = "跳转前的位置在文中已找不到";

/// Said when a bookmark is made.
pub const BOOKMARKED: &str = "已加书签";

/// Said when the bookmark chosen is no longer found in the text.
pub const BOOKMARK_NOT_FOUND: &str = "这个书签在文中已找不到（保留未删）";

/// Why a file cannot be read: it is not at any path it was read from.
pub const FILE_GONE: &str = "文件已不在原处";

/// Said when the file of the bookmark chosen, last read at `path`, cannot be
/// read now, and why.
pub fn bookmark_file_unread(path: &str, why: &str) -> String {
    format!("书签所在的文件读不了：{path}（{why}）")
}

/// Said on opening a file that is empty or blank.
pub fn nothing_to_read() -> String {
    format!(
        "文件是空的：没有可读的文字（{} 退出）",
        reading_key(Action::Quit)
    )
}

/// Said on opening a library some of whose files could not be opened: each
/// with its reason (`reading a.bin: not text …`).
pub fn files_skipped(skipped: &[String]) -> String {
    format!(
        "{} 个文件未能打开，已跳过：{}",
        skipped.len(),
        skipped.join("；")
    )
}

/// The key that does `action` while reading, as the bindings table names it.
fn reading_key(action: Action) -> String {
    key_name(Mode::Reading(Focus::Reader), action)
}

/// Said after `R` read the file again.
pub const RELOADED: &str = "已重新读入：位置和书签按标题和文字重新找到";

/// Said on `R` when the file's text is what is shown.
pub const FILE_UNCHANGED: &str = "文件没有变化";

/// Said on `R` while reading the built-in sample.
pub const SAMPLE_NOT_RELOADED: &str = "内置示例无需重新读入";

/// Said on `R` while reading standard input.
pub const STDIN_NOT_RELOADED: &str = "标准输入无法重新读入";

/// Said on `R` when the file could not be read again.
pub fn not_reloaded(error: &dyn std::fmt::Display) -> String {
    format!("⚠ 无法重新读入（{error:#}）：仍显示原来的内容")
}

/// Said when the rest of a file whose opening is shown cannot be read.
pub fn rest_not_read(error: &dyn std::fmt::Display) -> String {
    format!("⚠ 文件的其余部分读不了（{error:#}）：只显示开头")
}

/// What the user is told of `notice`.
pub fn notice(notice: &Notice) -> String {
    match notice {
        Notice::MovedAside {
            file,
            problem,
            aside,
        } => moved_aside(*file, *problem, aside),
        Notice::Unreadable {
            file: DataFile::Record,
            path,
            error,
        } => format!(
            "无法读取 {}（{error}）：本次不保存书签和位置",
            path.display()
        ),
        Notice::Unreadable {
            file: DataFile::SearchHistory,
            path,
            error,
        } => format!("无法读取 {}（{error}）", path.display()),
        Notice::TakenOver => "文件内容有变化：书签和位置按标题和文字重新找到".to_string(),
    }
}

/// `notice` as a warning in the status line.
pub fn warning(notice: &Notice) -> String {
    format!("⚠ {}", self::notice(notice))
}

/// Why a save did not happen, as the user is told it.
pub fn save_error(error: &SaveError) -> String {
    match error {
        SaveError::Write { path, source } => format!("cannot write {}: {source}", path.display()),
        SaveError::Unreadable { path } => format!(
            "{} could not be read when the document was opened; it is left as it is",
            path.display()
        ),
    }
}

/// The status line when a change to the bookmarks could not be saved.
pub fn bookmarks_not_saved(error: &SaveError) -> String {
    format!("⚠ 书签未能保存：{}", save_error(error))
}

/// The status line when the reading position could not be saved.
pub fn position_not_saved(error: &SaveError) -> String {
    format!("⚠ 位置未能保存：{}", save_error(error))
}

/// The status line when a phrase could not be kept in the search history.
pub fn search_history_not_saved(error: &SaveError) -> String {
    format!("⚠ 搜索记录未能保存：{}", save_error(error))
}

/// A file kept aside at `aside` because of `problem`. The search history says
/// 已损坏 whatever the problem, as it always has.
fn moved_aside(file: DataFile, problem: Problem, aside: &Path) -> String {
    let aside = aside.display();
    match file {
        DataFile::Record => format!("书签数据{}，原文件已另存为 {aside}", problem_words(problem)),
        DataFile::SearchHistory => format!("搜索记录已损坏，原文件已另存为 {aside}"),
    }
}

/// What is wrong with a record file, as said after 书签数据.
fn problem_words(problem: Problem) -> &'static str {
    match problem {
        Problem::Damaged => "已损坏",
        Problem::Newer => "来自更新版本的纲目",
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::PathBuf;

    use super::*;

    fn moved(file: DataFile, problem: Problem) -> Notice {
        Notice::MovedAside {
            file,
            problem,
            aside: PathBuf::from("/data/documents/doc.json.corrupt-1700000000"),
        }
    }

    fn unreadable(file: DataFile, path: &str) -> Notice {
        Notice::Unreadable {
            file,
            path: PathBuf::from(path),
            error: io::Error::other("permission denied"),
        }
    }

    #[test]
    fn a_damaged_record_moved_aside_says_where_it_is_kept() {
        assert_eq!(
            notice(&moved(DataFile::Record, Problem::Damaged)),
            "书签数据已损坏，原文件已另存为 /data/documents/doc.json.corrupt-1700000000"
        );
    }

    #[test]
    fn a_record_from_a_newer_gangmu_says_so() {
        assert_eq!(
            notice(&moved(DataFile::Record, Problem::Newer)),
            "书签数据来自更新版本的纲目，原文件已另存为 /data/documents/doc.json.corrupt-1700000000"
        );
    }

    #[test]
    fn a_search_history_moved_aside_is_said_to_be_damaged_whatever_its_problem() {
        for problem in [Problem::Damaged, Problem::Newer] {
            assert_eq!(
                notice(&moved(DataFile::SearchHistory, problem)),
                "搜索记录已损坏，原文件已另存为 /data/documents/doc.json.corrupt-1700000000"
            );
        }
    }

    #[test]
    fn an_unreadable_record_says_nothing_is_saved_this_time() {
        assert_eq!(
            notice(&unreadable(DataFile::Record, "/data/documents/doc.json")),
            "无法读取 /data/documents/doc.json（permission denied）：本次不保存书签和位置"
        );
    }

    #[test]
    fn an_unreadable_search_history_names_the_file_and_the_error() {
        assert_eq!(
            notice(&unreadable(
                DataFile::SearchHistory,
                "/data/search-history.json"
            )),
            "无法读取 /data/search-history.json（permission denied）"
        );
    }

    #[test]
    fn a_record_taken_over_says_the_text_changed() {
        assert_eq!(
            notice(&Notice::TakenOver),
            "文件内容有变化：书签和位置按标题和文字重新找到"
        );
        assert_eq!(
            warning(&Notice::TakenOver),
            "⚠ 文件内容有变化：书签和位置按标题和文字重新找到"
        );
    }

    #[test]
    fn save_errors_name_the_file() {
        let write = SaveError::Write {
            path: PathBuf::from("/data/documents/doc.json"),
            source: io::Error::other("disk full"),
        };
        assert_eq!(
            save_error(&write),
            "cannot write /data/documents/doc.json: disk full"
        );
        assert_eq!(
            bookmarks_not_saved(&write),
            "⚠ 书签未能保存：cannot write /data/documents/doc.json: disk full"
        );
        assert_eq!(
            position_not_saved(&write),
            "⚠ 位置未能保存：cannot write /data/documents/doc.json: disk full"
        );
        assert_eq!(
            search_history_not_saved(&write),
            "⚠ 搜索记录未能保存：cannot write /data/documents/doc.json: disk full"
        );
        let unreadable = SaveError::Unreadable {
            path: PathBuf::from("/data/documents/doc.json"),
        };
        assert_eq!(
            save_error(&unreadable),
            "/data/documents/doc.json could not be read when the document was opened; \
             it is left as it is"
        );
    }

    #[test]
    fn what_an_action_did_is_said_with_its_key_and_its_object() {
        assert_eq!(
            no_search(),
            "没有搜索：按 / 搜索",
            "the key from the bindings"
        );
        assert_eq!(not_found("数字经济"), "未找到：数字经济");
        assert_eq!(
            bookmark_file_unread("a.txt", "no such file"),
            "书签所在的文件读不了：a.txt（no such file）"
        );
        assert_ne!(marked_read(true), marked_read(false));
    }
}
