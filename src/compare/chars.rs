//! Inside a changed sentence: which characters were taken out and which put in.
//!
//! The characters are diffed (`runs`: a Myers diff), then the
//! result is grouped so that it reads as words rather than as scattered
//! characters, without a word segmenter:
//! - a change is widened to the whole number or Latin word it touches
//!   (`5.[-2-]{+0+}%` reads `[-5.2%-]{+5.0%+}`);
//! - two changes with at most [`GLUE`] unchanged characters between them, none
//!   of them punctuation, become one (`[-扩-]{+稳+}大[-内-]{+外+}需` reads
//!   `[-扩大内-]{+稳大外+}需`): Chinese words are mostly one to three characters,
//!   so a lone shared character between two changes is rarely a word of its own.
//!
//! Changes that only add or take out white space are kept as unchanged text.

use std::ops::Range;

use super::runs::{Numbering, Run, runs};
use super::text::is_blank;

/// One run of a changed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text in both versions.
    Same(String),
    /// Text only the old version has.
    Removed(String),
    /// Text only the new version has.
    Added(String),
}

/// Most unchanged characters between two changes that still join them.
const GLUE: usize = 2;

/// Most characters (old and new together) diffed character by character; a
/// longer pair (a paragraph without sentence marks) is shown taken out whole
/// and put in whole: the characters of two such runs, diffed, would scatter
/// small changes all through them.
const MOST_DIFFED: usize = 3000;

/// The pieces that turn `old` into `new`, grouped into words.
pub fn diff(old: &str, new: &str) -> Vec<Piece> {
    let old: Vec<char> = old.chars().collect();
    let new: Vec<char> = new.chars().collect();
    if old.len() + new.len() > MOST_DIFFED {
        let whole = Run {
            old: 0..old.len(),
            new: 0..new.len(),
            same: false,
        };
        return pieces(&[whole], &old, &new);
    }
    let mut numbering = Numbering::with_capacity(old.len() + new.len());
    let (old_numbers, new_numbers) = (
        numbering.of(old.iter().copied()),
        numbering.of(new.iter().copied()),
    );
    let mut runs = runs(&old_numbers, &new_numbers, &numbering);
    widen_to_tokens(&mut runs, &old, &new);
    glue(&mut runs, &old);
    pieces(&runs, &old, &new)
}

/// Characters of numbers and Latin words: a change inside one takes it whole.
fn in_token(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '%' | '．' | '％') || c.is_numeric()
}

/// Punctuation (or white space) never glues two changes together.
fn is_punctuation(c: char) -> bool {
    is_blank(c) || (!c.is_alphanumeric() && !in_token(c))
}

/// Moves the token characters of unchanged runs next to a change into it, when
/// the change itself begins or ends with such a character on either side.
fn widen_to_tokens(runs: &mut [Run], old: &[char], new: &[char]) {
    for at in 0..runs.len() {
        if runs[at].same {
            continue;
        }
        let run = &runs[at];
        let edge = |first: bool| {
            let pick = |chars: &[char], range: &Range<usize>| {
                let at = if first {
                    Some(range.start)
                } else {
                    range.end.checked_sub(1)
                };
                at.filter(|&i| range.contains(&i)).map(|i| chars[i])
            };
            pick(old, &run.old).is_some_and(in_token) || pick(new, &run.new).is_some_and(in_token)
        };
        let (starts_token, ends_token) = (edge(true), edge(false));
        if at > 0 && starts_token && touches_token(runs, at, old, true) {
            let before = &old[runs[at - 1].old.clone()];
            let take = before.iter().rev().take_while(|&&c| in_token(c)).count();
            runs[at - 1].old.end -= take;
            runs[at - 1].new.end -= take;
            runs[at].old.start -= take;
            runs[at].new.start -= take;
        }
        if at + 1 < runs.len() && ends_token && touches_token(runs, at, old, false) {
            let after = &old[runs[at + 1].old.clone()];
            let take = after.iter().take_while(|&&c| in_token(c)).count();
            runs[at + 1].old.start += take;
            runs[at + 1].new.start += take;
            runs[at].old.end += take;
            runs[at].new.end += take;
        }
    }
}

/// Whether change `at` meets a token across its start (`before`) or its end:
/// the unchanged character beside it is a token character.
fn touches_token(runs: &[Run], at: usize, old: &[char], before: bool) -> bool {
    let neighbour = if before { &runs[at - 1] } else { &runs[at + 1] };
    let beside = if before {
        neighbour.old.end.checked_sub(1).map(|i| old[i])
    } else {
        old.get(neighbour.old.start).copied()
    };
    neighbour.same && !neighbour.old.is_empty() && beside.is_some_and(in_token)
}

/// Joins changes separated by a short unchanged run without punctuation, and
/// changes that widening left side by side.
fn glue(runs: &mut Vec<Run>, old: &[char]) {
    let mut joined: Vec<Run> = Vec::with_capacity(runs.len());
    for (at, run) in runs.iter().enumerate() {
        let between_changes = at > 0 && at + 1 < runs.len() && !runs[at + 1].same;
        let short =
            run.old.len() <= GLUE && !old[run.old.clone()].iter().any(|&c| is_punctuation(c));
        let absorbed = run.same && (run.old.is_empty() || (between_changes && short));
        let same = run.same && !absorbed;
        match joined.last_mut() {
            Some(last) if !last.same && !same => {
                last.old.end = run.old.end;
                last.new.end = run.new.end;
            }
            _ if run.old.is_empty() && run.new.is_empty() => {}
            _ => joined.push(Run {
                same,
                ..run.clone()
            }),
        }
    }
    *runs = joined;
}

/// The runs as pieces; a change of white space only counts as unchanged.
fn pieces(runs: &[Run], old: &[char], new: &[char]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for run in runs {
        let (taken, put) = (
            text_of(&old[run.old.clone()]),
            text_of(&new[run.new.clone()]),
        );
        let blank = |s: &str| s.chars().all(is_blank);
        if run.same || (blank(&taken) && blank(&put)) {
            push_piece(&mut out, Piece::Same(put));
            continue;
        }
        if !taken.is_empty() {
            push_piece(&mut out, Piece::Removed(taken));
        }
        if !put.is_empty() {
            push_piece(&mut out, Piece::Added(put));
        }
    }
    out
}

/// The text of `chars`, made at once (most are ideographs, three bytes each).
fn text_of(chars: &[char]) -> String {
    let mut text = String::with_capacity(chars.len() * 3);
    text.extend(chars);
    text
}

/// Appends a piece, joining it to the last one when both are unchanged text.
fn push_piece(out: &mut Vec<Piece>, piece: Piece) {
    match (out.last_mut(), piece) {
        (_, Piece::Same(text)) if text.is_empty() => {}
        (Some(Piece::Same(last)), Piece::Same(text)) => last.push_str(&text),
        (_, piece) => out.push(piece),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces in the `[-old-]{+new+}` form.
    fn inline(old: &str, new: &str) -> String {
        diff(old, new)
            .iter()
            .map(|p| match p {
                Piece::Same(t) => t.clone(),
                Piece::Removed(t) => format!("[-{t}-]"),
                Piece::Added(t) => format!("{{+{t}+}}"),
            })
            .collect()
    }

    #[test]
    fn an_insertion_is_one_piece() {
        assert_eq!(
            inline("加大稳外贸政策力度。", "进一步加大稳外贸政策力度。"),
            "{+进一步+}加大稳外贸政策力度。"
        );
    }

    #[test]
    fn numbers_change_whole() {
        assert_eq!(
            inline("增长5.2%左右。", "增长5.0%左右。"),
            "增长[-5.2%-]{+5.0%+}左右。"
        );
    }

    #[test]
    fn changes_a_character_apart_are_one_word() {
        assert_eq!(
            inline("扩大内需，稳外贸。", "稳定外需，稳外贸。"),
            "[-扩大内-]{+稳定外+}需，稳外贸。"
        );
    }

    #[test]
    fn punctuation_keeps_changes_apart() {
        assert_eq!(inline("甲，乙", "丙，丁"), "[-甲-]{+丙+}，[-乙-]{+丁+}");
    }

    #[test]
    fn a_very_long_pair_is_replaced_whole() {
        let old = "甲".repeat(MOST_DIFFED);
        let new = format!("{old}乙");
        assert_eq!(
            diff(&old, &new),
            vec![Piece::Removed(old.clone()), Piece::Added(new)]
        );
    }

    #[test]
    fn white_space_alone_is_no_change() {
        assert_eq!(
            diff("5G 网络", "5G网络"),
            vec![Piece::Same("5G网络".into())]
        );
    }
}
