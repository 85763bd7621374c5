//! How far building a document has gone, for a progress figure while a long
//! text is built off the reader's thread: counted in bytes of the text, so that
//! several texts built one after another add up to their total.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of text built so far; read from another thread.
#[derive(Debug, Default)]
pub struct Progress {
    built: AtomicUsize,
}

impl Progress {
    /// Bytes of text built so far.
    pub fn built(&self) -> usize {
        self.built.load(Ordering::Relaxed)
    }

    /// `bytes` more of the text are built.
    pub(crate) fn advance(&self, bytes: usize) {
        self.built.fetch_add(bytes, Ordering::Relaxed);
    }
}

/// The share of a text's bytes each pass of the build stands for, in per mille,
/// as measured on a 100 MB text: cleaning the lines, reading their labels,
/// finding the measures, and the pass that decides headings and paragraphs
/// (the rest, putting the document together, is counted when it ends).
pub(crate) const PASSES: [usize; 4] = [200, 190, 130, 470];

/// Counts a text's progress through the build: each pass's share of its bytes,
/// the deciding pass line by line.
pub(crate) struct Tally<'a> {
    progress: &'a Progress,
    bytes: usize,
    counted: usize,
}

impl<'a> Tally<'a> {
    pub(crate) fn new(progress: &'a Progress, bytes: usize) -> Self {
        Self {
            progress,
            bytes,
            counted: 0,
        }
    }

    /// The build is `per_mille` of the way through the text.
    pub(crate) fn reached(&mut self, per_mille: usize) {
        let target = self.bytes * per_mille.min(1000) / 1000;
        if target > self.counted {
            self.progress.advance(target - self.counted);
            self.counted = target;
        }
    }

    /// The deciding pass is at line `line` of `lines`.
    pub(crate) fn deciding(&mut self, line: usize, lines: usize) {
        let before: usize = PASSES[..3].iter().sum();
        self.reached(before + PASSES[3] * line / lines.max(1));
    }

    /// The whole text is built.
    pub(crate) fn done(&mut self) {
        self.reached(1000);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn building_counts_every_byte_once_and_only_goes_forward() {
        let text = "第一章 总则\n\n\u{3000}\u{3000}为了规范管理，制定本办法。\n".repeat(500);
        let progress = Progress::default();
        let document = crate::parse::assemble::build_reporting(&text, &progress);
        assert_eq!(progress.built(), text.len());
        assert_eq!(
            document.outline.headings.len(),
            crate::build(&text).outline.headings.len()
        );
        let mut tally = Tally::new(&progress, 1000);
        tally.reached(500);
        tally.reached(300);
        tally.deciding(1, 2);
        assert_eq!(progress.built(), text.len() + 755);
    }
}
