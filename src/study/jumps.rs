//! The places a reader jumped from, as vim keeps them (with its `stack` jump
//! option): a jump adds the place it left, going back walks the list and going
//! forward walks it again, and a jump made after going back drops the places
//! ahead. The same place twice in a row is kept once; the oldest places go first
//! once there are [`CAPACITY`]. Generic over the place, so that the reader
//! stores anchors and the tests plain numbers; no terminal code.

/// How many places the list keeps.
pub const CAPACITY: usize = 100;

/// The places jumped from, and where in them the reader is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JumpList<T> {
    places: Vec<T>,
    /// The place the reader went back to, or `places.len()`: ahead of them all.
    at: usize,
}

impl<T> Default for JumpList<T> {
    fn default() -> Self {
        Self {
            places: Vec::new(),
            at: 0,
        }
    }
}

impl<T: Clone + PartialEq> JumpList<T> {
    /// The list kept from an earlier run, the reader ahead of its places.
    pub fn new(mut places: Vec<T>) -> Self {
        places.dedup();
        let over = places.len().saturating_sub(CAPACITY);
        places.drain(..over);
        let at = places.len();
        Self { places, at }
    }

    /// The places, oldest first, as they are to be kept.
    pub fn places(&self) -> &[T] {
        &self.places
    }

    /// A jump from `from`: the places ahead of the one gone back to are dropped,
    /// and `from` is the last.
    pub fn jump(&mut self, from: T) {
        self.places.truncate(self.at);
        self.push(from);
        self.at = self.places.len();
    }

    /// The place `steps` back from `here`, if there is one. Going back from ahead
    /// of the list keeps `here`, so that going forward returns to it.
    pub fn back(&mut self, here: T, steps: usize) -> Option<T> {
        if self.at == self.places.len() {
            self.push(here);
            self.at = self.places.len() - 1;
        }
        if self.at == 0 {
            return None;
        }
        self.at = self.at.saturating_sub(steps.max(1));
        self.places.get(self.at).cloned()
    }

    /// The place `steps` forward again, if the reader went back.
    pub fn forward(&mut self, steps: usize) -> Option<T> {
        if self.at + 1 >= self.places.len() {
            return None;
        }
        self.at = (self.at + steps.max(1)).min(self.places.len() - 1);
        self.places.get(self.at).cloned()
    }

    /// Adds `place` unless it is the last already; the oldest goes when full.
    fn push(&mut self, place: T) {
        if self.places.last() == Some(&place) {
            return;
        }
        self.places.push(place);
        if self.places.len() > CAPACITY {
            self.places.remove(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forward_walk_the_places_jumped_from() {
        let mut list = JumpList::default();
        list.jump(1);
        list.jump(2);
        // At 3 now.
        assert_eq!(list.back(3, 1), Some(2));
        assert_eq!(list.back(2, 1), Some(1));
        assert_eq!(list.back(1, 1), None, "nothing before the first");
        assert_eq!(list.forward(1), Some(2));
        assert_eq!(list.forward(1), Some(3), "where the reader was");
        assert_eq!(list.forward(1), None);
        assert_eq!(list.places(), [1, 2, 3]);
    }

    #[test]
    fn a_jump_after_going_back_drops_the_places_ahead() {
        let mut list = JumpList::default();
        for from in 1..=4 {
            list.jump(from);
        }
        assert_eq!(list.back(5, 2), Some(3));
        list.jump(3);
        assert_eq!(list.places(), [1, 2, 3]);
        assert_eq!(list.forward(1), None);
        assert_eq!(list.back(9, 1), Some(3));
    }

    #[test]
    fn the_same_place_twice_in_a_row_is_kept_once_and_the_oldest_go_first() {
        let mut list = JumpList::default();
        list.jump(7);
        list.jump(7);
        assert_eq!(list.places(), [7]);
        for from in 0..250 {
            list.jump(from);
        }
        assert_eq!(list.places().len(), CAPACITY);
        assert_eq!(list.places()[0], 150);
        let kept = JumpList::new((0..250).collect());
        assert_eq!(kept.places(), list.places());
    }
}
