//! Running heads and feet: the lines at the edges of pages, and which of them are
//! proven to be a running head, whose copies (all but the first) are dropped.

use std::collections::HashMap;

use super::{Line, is_space};

/// The content lines that open or close a page, in order, and the page each is
/// on. Pages are counted by the breaks the text shows (a page number, a line
/// that opens with a single space, three blank lines); only lines at the edges
/// are kept, a few in a hundred.
#[derive(Default)]
pub(super) struct Pages {
    edges: Vec<Edge>,
    /// The page being read: how many breaks have been seen.
    page: u32,
}

/// A content line at a page edge.
#[derive(Debug, Clone, Copy)]
struct Edge {
    /// Index of the line among the content lines.
    line: usize,
    page: u32,
}

impl Pages {
    /// The content line `line` opens a new page.
    pub(super) fn starts_at(&mut self, line: usize) {
        self.page = self.page.saturating_add(1);
        self.edges.push(Edge {
            line,
            page: self.page,
        });
    }

    /// The content line `line` closes the page being read.
    pub(super) fn ends_at(&mut self, line: usize) {
        if self.edges.last().is_none_or(|edge| edge.line != line) {
            self.edges.push(Edge {
                line,
                page: self.page,
            });
        }
    }
}

/// Longest line that can be a running head or foot.
const MAX_RUNNING_HEAD_CHARS: usize = 40;
/// Fewest pages a running head must appear on.
const MIN_RUNNING_HEAD_PAGES: u32 = 3;
/// A running head appears on at least one page in this many of the pages from
/// its first copy to its last.
const RUNNING_HEAD_SPACING: u32 = 3;

/// Drops running heads and feet: copies of a short line, page numbers in it
/// aside, that a page-edge line could not be mistaken for. The copies must
/// stand at the top or bottom of pages and nowhere else, and be dense: a journal
/// or gazette prints its name, a document its title, on every page or every
/// other page of the stretch it heads, so a running head is on at least one
/// page in [`RUNNING_HEAD_SPACING`] from its first copy to its last, and on at
/// least [`MIN_RUNNING_HEAD_PAGES`]. The stretch is the head's own, not the
/// file's, so each article of a compilation can have its own head. A title or
/// a line of text that merely opens a few pages far apart (a document printed
/// twice in one file, a heading that falls at a page top) is not one, and
/// stays. The first copy stays too, since a document's title often serves as
/// its running head.
pub(super) fn drop_running_heads(lines: &mut Vec<Line>, pages: &Pages) {
    let edges = pages.edges.as_slice();
    // Lines at page edges first: most files have no running heads at all.
    let at_edges = spread_as_running_heads(lines, edges);
    if at_edges.is_empty() {
        return;
    }
    // Then everywhere: a running head appears nowhere but at page edges. Each
    // line that has one of the keys is noted with the key's number.
    let mut key = String::new();
    let mut heads: Vec<RunningHead> = Vec::with_capacity(at_edges.len());
    heads.resize_with(at_edges.len(), RunningHead::default);
    // A line can have a key only if its key would start as one does: most lines
    // are ruled out by a character or two instead of a key built.
    let firsts: Vec<Option<char>> = at_edges.keys().map(|k| k.chars().next()).collect();
    let may_have_a_key = |text: &str| {
        let first = text.chars().find(|&c| !c.is_ascii_digit() && !is_space(c));
        firsts.contains(&first)
    };
    let mut edges = edges.iter().map(|edge| edge.line).peekable();
    let mut noted = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let edge = edges.next_if_eq(&index).is_some();
        if !may_have_a_key(line.text) || !running_head_key(line.text, &mut key) {
            continue;
        }
        let Some(&number) = at_edges.get(key.as_str()) else {
            continue;
        };
        let head = &mut heads[number];
        head.off_the_edges |= !edge;
        head.first.get_or_insert(index);
        noted.push((index, number));
    }
    let mut dropped = vec![false; lines.len()];
    for (index, number) in noted {
        let head = &heads[number];
        dropped[index] = !head.off_the_edges && head.first != Some(index);
    }
    let mut index = 0;
    lines.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
}

/// The keys of the lines at page edges whose copies are spread over the pages as
/// a running head's are, each with a number of its own from 0.
fn spread_as_running_heads(lines: &[Line], edges: &[Edge]) -> HashMap<String, usize> {
    let mut key = String::new();
    let mut spreads: HashMap<String, Spread> = HashMap::new();
    for edge in edges {
        let Some(line) = lines.get(edge.line) else {
            continue;
        };
        if running_head_key(line.text, &mut key) {
            match spreads.get_mut(key.as_str()) {
                Some(spread) => spread.add(edge.page),
                None => {
                    spreads.insert(key.clone(), Spread::new(edge.page));
                }
            }
        }
    }
    spreads
        .into_iter()
        .filter(|(_, spread)| spread.is_running_head())
        .enumerate()
        .map(|(number, (key, _))| (key, number))
        .collect()
}

/// The pages a would-be running head stands at the edge of.
struct Spread {
    first: u32,
    last: u32,
    /// Pages it is on, each counted once.
    pages: u32,
}

impl Spread {
    fn new(page: u32) -> Self {
        Spread {
            first: page,
            last: page,
            pages: 1,
        }
    }

    /// Another copy, on `page` (edges come in page order).
    fn add(&mut self, page: u32) {
        if page != self.last {
            self.last = page;
            self.pages += 1;
        }
    }

    /// On enough pages, and on enough of the pages from its first to its last.
    fn is_running_head(&self) -> bool {
        let stretch = self.last - self.first + 1;
        self.pages >= MIN_RUNNING_HEAD_PAGES
            && u64::from(self.pages) * u64::from(RUNNING_HEAD_SPACING) >= u64::from(stretch)
    }
}

/// What the lines of one would-be running head showed.
#[derive(Default)]
struct RunningHead {
    /// One of them is away from the page edges: not a running head.
    off_the_edges: bool,
    /// The first of them, which stays.
    first: Option<usize>,
}

/// Whether `text` can be a running head: short, and not a sentence or a piece
/// of one (none of `。！？；，` in it). If so, what is compared of it is put in
/// `key`: the text without digits (page numbers) and spaces.
fn running_head_key(text: &str, key: &mut String) -> bool {
    key.clear();
    if text.len() > MAX_RUNNING_HEAD_CHARS * 4 {
        return false;
    }
    for (count, c) in text.chars().enumerate() {
        if count == MAX_RUNNING_HEAD_CHARS || matches!(c, '。' | '！' | '？' | '；' | '，') {
            return false;
        }
        if !c.is_ascii_digit() && !is_space(c) {
            key.push(c);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{MAX_RUNNING_HEAD_CHARS, running_head_key};
    use crate::parse::source::lines;

    #[test]
    fn drops_a_running_head_but_keeps_its_first_occurrence() {
        let page =
            |n: usize| format!(" 青州市人民政府公报\n\n正文第{n}页的内容。\n\n\n\n- {n} -\n\n");
        let text: String = (1..=4).map(page).collect();
        let kept: Vec<&str> = lines(&text).lines.iter().map(|l| l.text).collect();
        assert_eq!(
            kept,
            [
                "青州市人民政府公报",
                "正文第1页的内容。",
                "正文第2页的内容。",
                "正文第3页的内容。",
                "正文第4页的内容。"
            ]
        );
        let twice: String = (1..=2).map(page).collect();
        assert_eq!(lines(&twice).lines.len(), 4);
    }

    #[test]
    fn keeps_a_line_at_page_edges_that_is_found_mid_page_too() {
        let page = |n: usize| {
            format!(
                " 工作要求

正文第{n}页。



- {n} -

"
            )
        };
        let mut text: String = (1..=4).map(page).collect();
        text.push_str(
            " 第五页开头

工作要求

正文第5页。
",
        );
        let kept = lines(&text).lines;
        assert_eq!(kept.iter().filter(|l| l.text == "工作要求").count(), 5);
    }

    #[test]
    fn keeps_a_title_that_opens_three_pages_far_apart() {
        // Thirty pages with a gazette's name at the foot of every other page; a
        // short notice is printed on page 2 and again on pages 14 and 27, its
        // title opening the page each time.
        let title = "关于做好春季植树工作的通知";
        let page = |n: usize| {
            let top = if matches!(n, 2 | 14 | 27) { title } else { "" };
            let foot = if n % 2 == 1 {
                "青州市人民政府公报\n"
            } else {
                ""
            };
            format!(" {top}\n\n正文第{n}页的内容。\n\n{foot}\n\n\n- {n} -\n\n")
        };
        let text: String = (1..=30).map(page).collect();
        let kept = lines(&text).lines;
        let count = |wanted: &str| kept.iter().filter(|l| l.text == wanted).count();
        assert_eq!(
            count(title),
            3,
            "a title on 3 pages in 26 is no running head"
        );
        assert_eq!(
            count("青州市人民政府公报"),
            1,
            "a foot on every other page is one"
        );
        assert_eq!(kept.len(), 3 + 1 + 30);
    }

    #[test]
    fn a_running_head_is_short_and_no_sentence() {
        let mut key = String::new();
        assert!(running_head_key(
            "青州市人民政府公报 2021年 第3期",
            &mut key
        ));
        assert_eq!(key, "青州市人民政府公报年第期");
        for text in [
            "发展为了人民、发展依靠人民，维护",
            "全面推进。",
            "是否？",
            "甲；乙",
        ] {
            assert!(!running_head_key(text, &mut key), "{text}");
        }
        assert!(running_head_key(
            &"长".repeat(MAX_RUNNING_HEAD_CHARS),
            &mut key
        ));
        assert!(!running_head_key(
            &"长".repeat(MAX_RUNNING_HEAD_CHARS + 1),
            &mut key
        ));
    }
}
