//! The rows of the search popup's list of hits: each section's breadcrumb and
//! count, then its hits; in a library, each file's name and count before its
//! sections. Which row shows which hit, and the rows from any row on.

use super::TextSearch;
use crate::search::text::Group;

/// One row of the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListRow {
    /// A file of a library and how many hits it has: the file of the group
    /// (an index into the groups) that starts it.
    File(usize),
    /// A section's breadcrumb and how many hits it has (an index into the groups).
    Section(usize),
    /// A hit (an index into the hits).
    Hit(usize),
}

/// Whether group `index` of `groups` is the first of its file.
fn starts_file(groups: &[Group], index: usize) -> bool {
    let file = groups[index].file;
    file.is_some() && (index == 0 || groups[index - 1].file != file)
}

/// The row each group's section stands on: after the rows of the groups before
/// it, and after its file's row if it starts a file.
pub(super) fn section_rows(groups: &[Group]) -> Vec<usize> {
    let mut row = 0;
    let mut rows = Vec::with_capacity(groups.len());
    for (index, group) in groups.iter().enumerate() {
        row += usize::from(starts_file(groups, index));
        rows.push(row);
        row += 1 + group.count;
    }
    rows
}

impl TextSearch {
    /// Which group hit `index` is in.
    pub fn group_of(&self, index: usize) -> usize {
        self.groups
            .partition_point(|g| g.first <= index)
            .saturating_sub(1)
    }

    /// The row of the results list that shows hit `index`.
    pub fn row_of(&self, index: usize) -> usize {
        let group = self.group_of(index);
        let first = self.groups.get(group).map_or(0, |g| g.first);
        self.section_rows
            .get(group)
            .map_or(0, |&row| row + 1 + index - first)
    }

    /// The results list's rows from row `start` on, `count` of them at most.
    pub fn list_rows(&self, start: usize, count: usize) -> Vec<ListRow> {
        let mut rows = Vec::with_capacity(count);
        let mut push = |row: usize, shown: ListRow| {
            if row >= start && rows.len() < count {
                rows.push(shown);
            }
        };
        let from = self
            .section_rows
            .partition_point(|&row| row <= start)
            .saturating_sub(1);
        for (index, group) in self.groups.iter().enumerate().skip(from) {
            let section = self.section_rows[index];
            if section > start + count {
                break;
            }
            if starts_file(&self.groups, index) {
                push(section - 1, ListRow::File(index));
            }
            push(section, ListRow::Section(index));
            for k in 0..group.count {
                push(section + 1 + k, ListRow::Hit(group.first + k));
            }
        }
        rows
    }

    /// How many hits the file that group `index` is in has.
    pub fn hits_in_file(&self, index: usize) -> usize {
        let file = self.groups.get(index).and_then(|g| g.file);
        self.groups
            .iter()
            .filter(|g| g.file == file)
            .map(|g| g.count)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_a_library_each_file_comes_before_its_sections() {
        let file = |name: &str, text: &str| (name.to_string(), crate::build(text));
        let document = crate::document::Document::combine(vec![
            file(
                "a.txt",
                "一、总则\n\u{3000}\u{3000}数字经济。\n二、任务\n\u{3000}\u{3000}数字中国。\n",
            ),
            file(
                "b.txt",
                "\u{3000}\u{3000}开头的数字。\n一、总则\n\u{3000}\u{3000}数字政府。\n",
            ),
        ]);
        let query = crate::search::text::Query::new("数字").expect("a query");
        let search = TextSearch::new(&document, query, None);
        let rows = search.list_rows(0, 100);
        assert_eq!(
            rows,
            [
                ListRow::File(0),
                ListRow::Section(0),
                ListRow::Hit(0),
                ListRow::Section(1),
                ListRow::Hit(1),
                ListRow::File(2),
                ListRow::Section(2),
                ListRow::Hit(2),
                ListRow::Section(3),
                ListRow::Hit(3),
            ]
        );
        assert_eq!(search.hits_in_file(0), 2);
        assert_eq!(search.hits_in_file(3), 2);
        for index in 0..search.hits().len() {
            assert_eq!(rows[search.row_of(index)], ListRow::Hit(index));
            assert_eq!(
                search.list_rows(search.row_of(index), 1),
                [ListRow::Hit(index)]
            );
        }
        for start in 0..rows.len() {
            assert_eq!(
                search.list_rows(start, 3),
                rows[start..(start + 3).min(rows.len())]
            );
        }
    }
}
