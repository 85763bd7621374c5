//! The size of a comparison (`gangmu diff --stat`): sections added, removed,
//! changed and moved; sentences changed, added and removed; characters added and
//! removed (white space aside), counting whole sections and sentences added or
//! removed as well as the pieces of changed sentences.

use std::collections::BTreeSet;

use super::text::is_blank;
use super::{Change, Piece};

/// Counts of a comparison's changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub sections_added: usize,
    pub sections_removed: usize,
    /// Sections both versions have whose title or sentences changed.
    pub sections_changed: usize,
    pub sections_moved: usize,
    pub sentences_changed: usize,
    pub sentences_added: usize,
    pub sentences_removed: usize,
    pub chars_added: usize,
    pub chars_removed: usize,
}

/// Characters of `text`, white space aside.
fn count(text: &str) -> usize {
    text.chars().filter(|&c| !is_blank(c)).count()
}

impl Stat {
    pub fn of(changes: &[Change]) -> Stat {
        let mut stat = Stat::default();
        let mut changed_sections = BTreeSet::new();
        for change in changes {
            match change {
                Change::SectionAdded { size, .. } => {
                    stat.sections_added += 1;
                    stat.chars_added += size;
                }
                Change::SectionRemoved { size, .. } => {
                    stat.sections_removed += 1;
                    stat.chars_removed += size;
                }
                Change::SectionMoved { .. } => stat.sections_moved += 1,
                Change::Changed { new, pieces, .. } => {
                    changed_sections.insert(new.section);
                    stat.sentences_changed += 1;
                    for piece in pieces {
                        match piece {
                            Piece::Added(text) => stat.chars_added += count(text),
                            Piece::Removed(text) => stat.chars_removed += count(text),
                            Piece::Same(_) => {}
                        }
                    }
                }
                Change::Added { new, text, .. } => {
                    changed_sections.insert(new.section);
                    stat.sentences_added += 1;
                    stat.chars_added += count(text);
                }
                Change::Removed {
                    new_section, text, ..
                } => {
                    changed_sections.insert(*new_section);
                    stat.sentences_removed += 1;
                    stat.chars_removed += count(text);
                }
            }
        }
        stat.sections_changed = changed_sections.len();
        stat
    }
}
