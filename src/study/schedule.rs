//! FSRS scheduling through the `rs-fsrs` crate: its long-term scheduler (whole days, no
//! same-day learning steps — a written answer is not a flash card to flip again in ten minutes),
//! default weights, no fuzz (so intervals are reproducible), desired retention configurable.
//!
//! Invariant: time never runs backwards for a card. A review "before" the card's last review (a
//! clock set back) is taken as happening at the last review, so elapsed days and intervals are
//! never negative.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::rating::Rating;

/// The memory state of one card (a question, or a concept of a question).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    /// When it is due again.
    pub due: DateTime<Utc>,
    /// FSRS stability: days until recall probability falls to 90 %.
    pub stability: f64,
    /// FSRS difficulty, 1–10.
    pub difficulty: f64,
    /// Days between the last two reviews.
    pub elapsed_days: i64,
    /// The interval set at the last review, in days.
    pub scheduled_days: i64,
    /// Reviews so far.
    pub reps: i32,
    /// Times forgotten after being learnt.
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning (FSRS's states).
    pub state: i32,
    /// The last review.
    pub last_review: DateTime<Utc>,
}

impl CardState {
    /// A card never reviewed, due `now`.
    pub fn new(now: DateTime<Utc>) -> CardState {
        CardState {
            due: now,
            stability: 0.0,
            difficulty: 0.0,
            elapsed_days: 0,
            scheduled_days: 0,
            reps: 0,
            lapses: 0,
            state: 0,
            last_review: now,
        }
    }

    fn to_fsrs(&self) -> rs_fsrs::Card {
        rs_fsrs::Card {
            due: self.due,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: match self.state {
                1 => rs_fsrs::State::Learning,
                2 => rs_fsrs::State::Review,
                3 => rs_fsrs::State::Relearning,
                _ => rs_fsrs::State::New,
            },
            last_review: self.last_review,
        }
    }

    fn from_fsrs(c: &rs_fsrs::Card) -> CardState {
        CardState {
            due: c.due,
            stability: c.stability,
            difficulty: c.difficulty,
            elapsed_days: c.elapsed_days,
            scheduled_days: c.scheduled_days,
            reps: c.reps,
            lapses: c.lapses,
            state: c.state as i32,
            last_review: c.last_review,
        }
    }

    /// Probability of recall at `now` (0 for a card never reviewed); never above 1, even with a
    /// clock set back.
    pub fn retrievability(&self, now: DateTime<Utc>) -> f64 {
        if self.reps == 0 || self.stability <= 0.0 {
            return 0.0;
        }
        let days = (now - self.last_review).num_seconds().max(0) as f64 / 86_400.0;
        rs_fsrs::Parameters::forgetting_curve(days.floor(), self.stability)
    }
}

/// The FSRS scheduler with its parameters. Build once, use for every card.
#[derive(Clone, Debug)]
pub struct Scheduler {
    fsrs: rs_fsrs::FSRS,
}

/// FSRS's default desired retention: 90 %.
pub const DEFAULT_RETENTION: f64 = 0.9;

impl Default for Scheduler {
    fn default() -> Scheduler {
        Scheduler::new(DEFAULT_RETENTION)
    }
}

impl Scheduler {
    /// The default weights with `desired_retention` (clamped to 0.7–0.99, FSRS's sensible range).
    pub fn new(desired_retention: f64) -> Scheduler {
        Scheduler::with_weights(rs_fsrs::Parameters::default().w, desired_retention)
    }

    /// Explicit FSRS-5 weights (19 numbers), e.g. from an optimiser run elsewhere.
    pub fn with_weights(w: [f64; 19], desired_retention: f64) -> Scheduler {
        let retention = if desired_retention.is_finite() {
            desired_retention.clamp(0.7, 0.99)
        } else {
            DEFAULT_RETENTION
        };
        Scheduler {
            fsrs: rs_fsrs::FSRS::new(rs_fsrs::Parameters {
                request_retention: retention,
                w,
                enable_short_term: false,
                enable_fuzz: false,
                ..Default::default()
            }),
        }
    }

    /// The card after a review rated `rating` at `now`.
    pub fn review(&self, card: &CardState, now: DateTime<Utc>, rating: Rating) -> CardState {
        // A clock set back: the review happens no earlier than the last one.
        let now = if card.reps > 0 && now < card.last_review {
            card.last_review
        } else {
            now
        };
        let next = self.fsrs.next(card.to_fsrs(), now, rating.to_fsrs());
        CardState::from_fsrs(&next.card)
    }

    /// The interval in days each rating would give, Again to Easy.
    pub fn preview(&self, card: &CardState, now: DateTime<Utc>) -> [i64; 4] {
        Rating::ALL.map(|r| self.review(card, now, r).scheduled_days)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The crate's own reference sequence (rs-fsrs 1.2.1 `test_long_term_scheduler`): its
    /// weights, 13 ratings, each review on the day it falls due.
    #[test]
    fn intervals_match_the_crates_reference_values() {
        const W: [f64; 19] = [
            0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712,
            1.1178, 2.0225, 0.0904, 0.3025, 2.1214, 0.2498, 2.9466, 0.4891, 0.6468,
        ];
        use Rating::*;
        let ratings = [
            Good, Good, Good, Good, Good, Good, Again, Again, Good, Good, Good, Good, Good,
        ];
        let s = Scheduler::with_weights(W, 0.9);
        let mut now = Utc.with_ymd_and_hms(2022, 11, 29, 12, 30, 0).unwrap();
        let mut card = CardState::new(now);
        let (mut intervals, mut stability) = (vec![], vec![]);
        for r in ratings {
            card = s.review(&card, now, r);
            intervals.push(card.scheduled_days);
            stability.push((card.stability * 1e4).round() / 1e4);
            now = card.due;
        }
        assert_eq!(
            intervals,
            [3, 13, 48, 155, 445, 1158, 17, 3, 9, 27, 74, 190, 457]
        );
        assert_eq!(
            stability,
            [
                3.0412, 13.0913, 48.1585, 154.9373, 445.0556, 1158.0778, 16.6306, 2.9888, 9.4633,
                26.9474, 73.9723, 189.7037, 457.4379
            ]
        );
    }

    #[test]
    fn weak_comes_back_before_good_and_strong_much_later() {
        let s = Scheduler::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let [again, hard, good, easy] = s.preview(&CardState::new(now), now);
        assert!(
            again >= 1 && again < good && hard <= good && good < easy,
            "{again} {hard} {good} {easy}"
        );
    }

    /// See: issue 20 (item 6): a clock set back gives no negative interval.
    #[test]
    fn clock_going_backwards_gives_no_negative_interval() {
        let s = Scheduler::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 10, 9, 0, 0).unwrap();
        let card = s.review(&CardState::new(now), now, Rating::Good);
        let earlier = now - chrono::Duration::days(30);
        let next = s.review(&card, earlier, Rating::Good);
        assert!(
            next.elapsed_days >= 0 && next.scheduled_days >= 1,
            "{next:?}"
        );
        assert!(next.due > now);
        assert!(card.retrievability(earlier) <= 1.0);
    }
}
