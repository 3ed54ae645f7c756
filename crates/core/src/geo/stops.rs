//! Following a route whose line is not known well enough to walk along (see
//! `content::Route::follows_line`): the guide names the next stop and where it roughly is, and
//! the walker says when they are there. No GPS is used, so nothing is measured against a line
//! that is only a guess: no distance, no progress in metres, no off-route warning.

#[derive(Clone, Debug, PartialEq)]
pub struct StopGuide {
    reached: Vec<bool>,
}

impl StopGuide {
    pub fn new(stops: usize) -> StopGuide {
        StopGuide {
            reached: vec![false; stops],
        }
    }

    /// The first stop not yet reached.
    pub fn next(&self) -> Option<usize> {
        self.reached.iter().position(|r| !r)
    }

    /// The walker is at stop `i`: it and every stop before it count as reached (a walker who
    /// skipped one is not sent back for it). Returns whether anything changed.
    pub fn arrive(&mut self, i: usize) -> bool {
        let end = (i + 1).min(self.reached.len());
        let changed = self.reached[..end].iter().any(|r| !r);
        self.reached[..end].iter_mut().for_each(|r| *r = true);
        changed
    }

    pub fn reached(&self, i: usize) -> bool {
        self.reached.get(i).copied().unwrap_or(false)
    }

    /// How many stops are reached, as text to keep across a reload.
    pub fn save(&self) -> String {
        self.reached.iter().filter(|r| **r).count().to_string()
    }

    /// Restores what [`StopGuide::save`] wrote; anything unreadable leaves a fresh guide.
    pub fn restore(&mut self, saved: &str) {
        if let Some(n) = saved.parse::<usize>().ok().filter(|n| *n > 0) {
            self.arrive(n - 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_reached_in_order_and_skipped_ones_count() {
        let mut g = StopGuide::new(3);
        assert_eq!(g.next(), Some(0));
        assert!(g.arrive(0));
        assert!(!g.arrive(0), "arriving twice changes nothing");
        assert_eq!(g.next(), Some(1));
        assert!(g.arrive(2));
        assert!(g.reached(1) && g.reached(2));
        assert_eq!(g.next(), None);
        assert!(!g.arrive(7), "a stop past the end changes nothing");
    }

    #[test]
    fn a_reload_keeps_the_stops_reached() {
        let mut g = StopGuide::new(4);
        g.arrive(1);
        let mut back = StopGuide::new(4);
        back.restore(&g.save());
        assert_eq!(back, g);
        for junk in ["", "x", "-1", "0"] {
            let mut fresh = StopGuide::new(4);
            fresh.restore(junk);
            assert_eq!(fresh, StopGuide::new(4), "{junk:?}");
        }
        let mut over = StopGuide::new(2);
        over.restore("9");
        assert_eq!(over.next(), None);
    }
}
