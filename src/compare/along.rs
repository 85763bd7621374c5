//! The changes laid along the new version, for a view to show: the new
//! version's paragraphs as [`Block`]s, each a run of [`Piece`]s, with a changed
//! sentence's pieces in place of its text, an added one marked, and what only
//! the old version has (a removed sentence, a removed section's heading) put in
//! as a block of its own where it stood. Each change is found in one block.
//!
//! Plain data over `Document`s and [`Change`]s; draws nothing.

use memchr::memmem::Finder;

use crate::document::{Document, HeadingId, ParagraphKind};

use super::{Change, Piece, Place};

/// Where a block opens a section, as the outline lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opening {
    /// 1 for the top of the tree.
    pub depth: u16,
    /// Label and title (the old version's, for a removed section).
    pub title: String,
}

/// A paragraph of the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The text, unchanged runs and changed ones; table rows split at `\n`.
    pub pieces: Vec<Piece>,
    /// A heading's paragraph (or a removed section's heading).
    pub opening: Option<Opening>,
    /// A table or contents page, kept row by row.
    pub preformatted: bool,
    /// The section of the new version it is in.
    pub section: Option<HeadingId>,
    /// The changes found in it, in order (indices into [`Along::changes`]).
    pub changes: Vec<usize>,
    /// For each of `changes`, the piece it starts at.
    pub starts: Vec<usize>,
}

impl Block {
    /// Notes that change `index` starts at piece `piece`.
    fn note(&mut self, index: usize, piece: usize) {
        self.changes.push(index);
        self.starts.push(piece);
    }
}

/// The comparison as a view shows it.
#[derive(Debug, Clone, Default)]
pub struct Along {
    pub blocks: Vec<Block>,
    pub changes: Vec<Change>,
    /// For each change, the block it is in.
    pub block_of: Vec<usize>,
}

/// Where an inserted block goes: before or after a paragraph of the new version.
type Slot = usize;

fn before(paragraph: usize) -> Slot {
    paragraph * 2
}

fn after(paragraph: usize) -> Slot {
    paragraph * 2 + 1
}

/// Lays `changes` (from `compare`) along `new`; `old` names removed sections.
pub fn lay(old: &Document, new: &Document, changes: Vec<Change>) -> Along {
    let mut blocks: Vec<Block> = new
        .paragraphs
        .iter()
        .enumerate()
        .map(|(index, paragraph)| Block {
            pieces: vec![Piece::Same(paragraph.text.clone())],
            opening: opening_at(new, index),
            preformatted: matches!(
                paragraph.kind,
                ParagraphKind::Table | ParagraphKind::Contents
            ),
            section: paragraph.heading,
            changes: Vec::new(),
            starts: Vec::new(),
        })
        .collect();
    let mut inserted: Vec<(Slot, Block)> = Vec::new();
    let mut last = 0;
    for (index, change) in changes.iter().enumerate() {
        let placed = |section: Option<HeadingId>, pieces: Vec<Piece>, opening| Block {
            pieces,
            opening,
            preformatted: false,
            section,
            changes: vec![index],
            starts: vec![0],
        };
        match change {
            Change::Changed {
                new: place, pieces, ..
            } => {
                let at = spot_of(new, place, last);
                last = at.0;
                put_in(&mut blocks, &mut inserted, at, pieces.clone(), index);
            }
            Change::Added {
                new: place, text, ..
            } => {
                let at = spot_of(new, place, last);
                last = at.0;
                let pieces = vec![Piece::Added(text.clone())];
                put_in(&mut blocks, &mut inserted, at, pieces, index);
            }
            Change::SectionAdded { new: place, .. } => {
                let first = section_paragraph(new, place.section, last);
                last = mark_section_added(new, &mut blocks, first);
                blocks[first].note(index, 0);
            }
            Change::SectionMoved { new: place, .. } => {
                last = section_paragraph(new, place.section, last);
                blocks[last].note(index, 0);
            }
            Change::Removed {
                old: place,
                new_section,
                text,
            } => {
                let neighbour = Neighbour::of(old, place, text);
                let first = section_paragraph(new, *new_section, last);
                if let Some(at) =
                    neighbour.and_then(|n| n.put(&mut blocks, (new, first), (text, index)))
                {
                    last = at;
                } else {
                    let slot = if new.paragraphs.get(last).map(|p| p.heading) == Some(*new_section)
                    {
                        after(last)
                    } else {
                        after(first)
                    };
                    let pieces = vec![Piece::Removed(text.clone())];
                    inserted.push((slot, placed(*new_section, pieces, None)));
                }
            }
            Change::SectionRemoved { old: place, .. } => {
                let heading = place.section.map(|h| old.outline.get(h));
                let title = heading.map_or_else(String::new, crate::document::Heading::display);
                let opening = heading.map(|h| Opening {
                    depth: h.depth,
                    title: title.clone(),
                });
                let next = place
                    .section
                    .and_then(|h| after_the_old_neighbour(old, new, h))
                    .unwrap_or_else(|| next_heading_paragraph(new, last));
                let section = next
                    .checked_sub(1)
                    .and_then(|p| new.paragraphs.get(p))
                    .and_then(|p| p.heading);
                let pieces = vec![Piece::Removed(title)];
                inserted.push((before(next), placed(section, pieces, opening)));
            }
        }
    }
    assemble(blocks, inserted, changes)
}

/// The paragraph a removed section goes before: after the section that came
/// before it in the old version (found in the new by its title) and that
/// section's subsections, at the next heading as deep as it or less.
fn after_the_old_neighbour(old: &Document, new: &Document, removed: HeadingId) -> Option<usize> {
    let headings = &old.outline.headings;
    let depth = headings.get(removed.0 as usize)?.depth;
    let found = headings[..removed.0 as usize]
        .iter()
        .rev()
        .find_map(|before| {
            new.outline
                .headings
                .iter()
                .position(|h| h.title == before.title && !h.title.is_empty())
        })?;
    let from = new.outline.headings[found].paragraph;
    Some(
        new.outline.headings[found + 1..]
            .iter()
            .find(|h| h.depth <= depth && h.paragraph > from)
            .map_or(new.paragraphs.len(), |h| h.paragraph),
    )
}

/// Most characters of the text next to a removed sentence looked for in the
/// new version.
const NEIGHBOUR: usize = 12;

/// The unchanged text a removed sentence stood next to in its old paragraph.
#[derive(Clone, Copy)]
enum Neighbour<'a> {
    /// The end of the text before it.
    Before(&'a str),
    /// The start of the text after it (it opened its paragraph).
    After(&'a str),
}

impl<'a> Neighbour<'a> {
    fn of(old: &'a Document, place: &Place, text: &str) -> Option<Self> {
        let (at, start) = spot_of(old, place, 0);
        let paragraph = &old.paragraphs[at];
        let start = start
            .filter(|&start| {
                paragraph
                    .text
                    .get(start..)
                    .is_some_and(|t| t.starts_with(text))
            })
            .or_else(|| paragraph.text.find(text))?;
        let before = &paragraph.text[..start];
        let after = &paragraph.text[start + text.len()..];
        if !before.trim().is_empty() {
            let from = before
                .char_indices()
                .rev()
                .nth(NEIGHBOUR - 1)
                .map_or(0, |(i, _)| i);
            Some(Self::Before(&before[from..]))
        } else if !after.trim().is_empty() {
            let to = after
                .char_indices()
                .nth(NEIGHBOUR)
                .map_or(after.len(), |(i, _)| i);
            Some(Self::After(&after[..to]))
        } else {
            None
        }
    }

    /// Puts `text` (change `index`) as removed next to the neighbour, in the
    /// first paragraph of `new` from `first` on (in its section) that has it
    /// unchanged; which one.
    fn put(
        self,
        blocks: &mut [Block],
        (new, first): (&Document, usize),
        (text, index): (&str, usize),
    ) -> Option<usize> {
        let section = new.paragraphs.get(first)?.heading;
        let finder = Finder::new(self.text());
        let found = (first..blocks.len())
            .take_while(|&p| {
                p == first || new.paragraphs.get(p).is_some_and(|x| x.heading == section)
            })
            .find_map(|p| {
                blocks[p]
                    .pieces
                    .iter()
                    .enumerate()
                    .find_map(|(i, piece)| match piece {
                        Piece::Same(same) => self.cut_in(&finder, same).map(|at| (p, i, at)),
                        _ => None,
                    })
            })?;
        let (p, i, at) = found;
        let Piece::Same(same) = blocks[p].pieces[i].clone() else {
            return None;
        };
        let mut spliced = Vec::new();
        if at > 0 {
            spliced.push(Piece::Same(same[..at].to_string()));
        }
        spliced.push(Piece::Removed(text.to_string()));
        if at < same.len() {
            spliced.push(Piece::Same(same[at..].to_string()));
        }
        let grown = spliced.len() - 1;
        for start in blocks[p].starts.iter_mut().filter(|start| **start > i) {
            *start += grown;
        }
        blocks[p].pieces.splice(i..=i, spliced);
        let removed = i + usize::from(at > 0);
        blocks[p].note(index, removed);
        Some(p)
    }

    /// The neighbouring text.
    fn text(self) -> &'a str {
        match self {
            Self::Before(text) | Self::After(text) => text,
        }
    }

    /// Where in `same` the removed text goes, if the neighbour is there
    /// (`finder` looks for the neighbour's text).
    fn cut_in(self, finder: &Finder, same: &str) -> Option<usize> {
        let at = finder.find(same.as_bytes())?;
        match self {
            Self::Before(before) => Some(at + before.len()),
            Self::After(_) => Some(at),
        }
    }
}

/// The outline's entry for paragraph `index` of `document`, if a heading opens there.
fn opening_at(document: &Document, index: usize) -> Option<Opening> {
    document
        .outline
        .headings
        .iter()
        .find(|h| h.paragraph == index)
        .map(|h| Opening {
            depth: h.depth,
            title: h.display(),
        })
}

/// Where a sentence's place is: its spot's paragraph and byte, or, without a
/// spot, the paragraph made from its line (looked for from `from` on first).
fn spot_of(document: &Document, place: &Place, from: usize) -> (usize, Option<usize>) {
    match place
        .spot
        .filter(|spot| spot.paragraph < document.paragraphs.len())
    {
        Some(spot) => (spot.paragraph, Some(spot.start)),
        None => (paragraph_at(document, place.line, from), None),
    }
}

/// The paragraph made from source line `line`, looked for from `from` on first.
fn paragraph_at(document: &Document, line: u32, from: usize) -> usize {
    let holds = |p: &crate::document::Paragraph| p.first_line <= line && line <= p.last_line;
    let paragraphs = &document.paragraphs;
    let from = from.min(paragraphs.len());
    paragraphs[from..]
        .iter()
        .position(holds)
        .map(|i| i + from)
        .or_else(|| paragraphs.iter().position(holds))
        .unwrap_or(from.min(paragraphs.len().saturating_sub(1)))
}

/// The paragraph of `section`'s heading (`last` for the text before the first).
fn section_paragraph(document: &Document, section: Option<HeadingId>, last: usize) -> usize {
    section.map_or(last, |h| document.outline.get(h).paragraph)
}

/// The first paragraph after `last` that opens a section (or the end).
fn next_heading_paragraph(document: &Document, last: usize) -> usize {
    let after_last = last + 1;
    document
        .outline
        .headings
        .iter()
        .map(|h| h.paragraph)
        .filter(|&p| p >= after_last)
        .min()
        .unwrap_or(document.paragraphs.len())
}

/// Marks the section opening at paragraph `first`, its subsections with it,
/// added; the last paragraph it holds.
fn mark_section_added(document: &Document, blocks: &mut [Block], first: usize) -> usize {
    let Some(top) = document.paragraphs[first].heading else {
        return first;
    };
    let inside = |heading: Option<HeadingId>| {
        heading.is_some_and(|h| h == top || document.outline.ancestors(h).contains(&top))
    };
    let mut end = first;
    while end < blocks.len() && (end == first || inside(document.paragraphs[end].heading)) {
        blocks[end].pieces = added(&blocks[end].pieces);
        end += 1;
    }
    end - 1
}

fn added(pieces: &[Piece]) -> Vec<Piece> {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Same(text) | Piece::Added(text) => Piece::Added(text.clone()),
            Piece::Removed(text) => Piece::Removed(text.clone()),
        })
        .collect()
}

/// Puts a changed or added sentence's `pieces` in place of its text in
/// paragraph `at`, at byte `start` of the paragraph's text where that is
/// known; where the text is not found there, as a block after it.
fn put_in(
    blocks: &mut [Block],
    inserted: &mut Vec<(Slot, Block)>,
    (at, start): (usize, Option<usize>),
    pieces: Vec<Piece>,
    index: usize,
) {
    let new_text: String = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Same(text) | Piece::Added(text) => Some(text.as_str()),
            Piece::Removed(_) => None,
        })
        .collect();
    let block = &mut blocks[at];
    let found = start
        .and_then(|start| piece_at(&block.pieces, start, &new_text))
        .or_else(|| {
            let finder = Finder::new(&new_text);
            block
                .pieces
                .iter()
                .enumerate()
                .find_map(|(i, piece)| match piece {
                    Piece::Same(text) => finder.find(text.as_bytes()).map(|start| (i, start)),
                    _ => None,
                })
        });
    match found {
        Some((i, start)) if !new_text.is_empty() => {
            let Piece::Same(text) = block.pieces[i].clone() else {
                return;
            };
            let (head, tail) = (&text[..start], &text[start + new_text.len()..]);
            let mut spliced = Vec::new();
            if !head.is_empty() {
                spliced.push(Piece::Same(head.to_string()));
            }
            let first = i + spliced.len();
            spliced.extend(pieces);
            if !tail.is_empty() {
                spliced.push(Piece::Same(tail.to_string()));
            }
            let grown = spliced.len() - 1;
            for start in block.starts.iter_mut().filter(|start| **start > i) {
                *start += grown;
            }
            block.pieces.splice(i..=i, spliced);
            block.note(index, first);
        }
        _ => {
            let section = block.section;
            inserted.push((
                after(at),
                Block {
                    pieces,
                    opening: None,
                    preformatted: false,
                    section,
                    changes: vec![index],
                    starts: vec![0],
                },
            ));
        }
    }
}

/// The unchanged piece of `pieces` that holds byte `start` of the new
/// version's paragraph (the text of the unchanged and added pieces in turn) and
/// has `text` there, and the byte in the piece.
fn piece_at(pieces: &[Piece], start: usize, text: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            Piece::Same(same) if start < from + same.len() => {
                let at = start.checked_sub(from)?;
                let there = same.get(at..).is_some_and(|rest| rest.starts_with(text));
                return there.then_some((i, at));
            }
            Piece::Same(same) | Piece::Added(same) => from += same.len(),
            Piece::Removed(_) => {}
        }
    }
    None
}

/// The paragraphs with the inserted blocks in their slots, and where each
/// change is.
fn assemble(blocks: Vec<Block>, mut inserted: Vec<(Slot, Block)>, changes: Vec<Change>) -> Along {
    inserted.sort_by_key(|(slot, _)| *slot);
    let mut inserted = inserted.into_iter().peekable();
    let mut all = Vec::new();
    for (index, block) in blocks.into_iter().enumerate() {
        while let Some((_, extra)) = inserted.next_if(|(slot, _)| *slot <= before(index)) {
            all.push(extra);
        }
        all.push(block);
        while let Some((_, extra)) = inserted.next_if(|(slot, _)| *slot <= after(index)) {
            all.push(extra);
        }
    }
    all.extend(inserted.map(|(_, extra)| extra));
    let mut block_of = vec![0; changes.len()];
    for (b, block) in all.iter().enumerate() {
        for &change in &block.changes {
            if let Some(slot) = block_of.get_mut(change) {
                *slot = b;
            }
        }
    }
    Along {
        blocks: all,
        changes,
        block_of,
    }
}
