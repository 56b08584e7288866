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
    retention: f64,
}

/// The smallest stability counted when a missed concept pulls its question (FSRS's own floor).
const MIN_STABILITY: f64 = 0.01;

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
            retention,
            fsrs: rs_fsrs::FSRS::new(rs_fsrs::Parameters {
                request_retention: retention,
                w,
                enable_short_term: false,
                enable_fuzz: false,
                ..Default::default()
            }),
        }
    }

    /// The desired retention (after clamping).
    pub fn retention(&self) -> f64 {
        self.retention
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

    /// How many days until a question comes back when its answer missed concepts, if that is
    /// sooner than its own card says; `None` when nothing missed counts or the card's interval
    /// stands.
    ///
    /// `question` is the question's card just after the review, and `missed` each missed
    /// concept's share of the score (0–1) with its concept card just after the review (rated
    /// Again, so its stability is low). The question is scheduled with the **share-weighted
    /// geometric mean of the stabilities of its parts**: the part the answer covered at the
    /// question's own stability, each missed concept at its concept card's. (FSRS intervals are
    /// proportional to stability, so this is the same mean of the parts' intervals, taken where
    /// intervals grow: multiplicatively.) Nothing missed leaves FSRS's interval as it is; a share
    /// too small to move it by a whole day does not move it. Never later than the card's own due
    /// date, and never before `at_least` days — [`Study::record`](super::Study::record) passes
    /// one day more than Again would give, so a question answered anything but Again never
    /// comes back as soon as a forgotten one. A new question rated Good (3 days; Again gives 1)
    /// comes back in 2 when a fifth or more of the score was missed.
    pub fn sooner(
        &self,
        question: &CardState,
        missed: &[(f64, &CardState)],
        at_least: i64,
    ) -> Option<i64> {
        let interval = question.scheduled_days;
        let share = |s: f64| {
            if s.is_finite() {
                s.clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        let shares: f64 = missed.iter().map(|(s, _)| share(*s)).sum();
        if shares <= 0.0 || interval <= 1 || question.stability <= 0.0 {
            return None;
        }
        // Shares of one rubric add up to at most 1; scale them down if a caller's do not.
        let scale = if shares > 1.0 { 1.0 / shares } else { 1.0 };
        let log_stability = (1.0 - shares * scale) * question.stability.ln()
            + missed
                .iter()
                .map(|(s, c)| share(*s) * scale * c.stability.max(MIN_STABILITY).ln())
                .sum::<f64>();
        let days = self.interval(log_stability.exp()).max(at_least).max(1);
        (days < interval).then_some(days)
    }

    /// FSRS's interval for `stability` at the desired retention, in whole days (1 to 100 years).
    fn interval(&self, stability: f64) -> i64 {
        use rs_fsrs::Parameters as P;
        let days = stability / P::FACTOR * (self.retention.powf(1.0 / P::DECAY) - 1.0);
        if days.is_finite() {
            days.round().clamp(1.0, 36_500.0) as i64
        } else {
            1
        }
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

    /// See: issue 20 (item 2): a missed concept brings the question back sooner, the more so
    /// the larger its share; nothing missed changes nothing.
    #[test]
    fn a_missed_concept_brings_the_question_back_sooner() {
        let s = Scheduler::default();
        let now = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).unwrap();
        let new = CardState::new(now);
        let good = s.review(&new, now, Rating::Good);
        let again = s.review(&new, now, Rating::Again);
        let hit = s.review(&new, now, Rating::Good);
        assert_eq!(good.scheduled_days, 3);
        assert_eq!(s.sooner(&good, &[], 1), None);
        assert_eq!(s.sooner(&good, &[(0.0, &again)], 1), None);
        // A concept as well remembered as the question does not pull it.
        assert_eq!(s.sooner(&good, &[(0.3, &hit)], 1), None);
        // Whole days: a tenth of the score does not move 3 days, a fifth does, half more.
        assert_eq!(s.sooner(&good, &[(0.1, &again)], 1), None);
        assert_eq!(s.sooner(&good, &[(0.2, &again)], 1), Some(2));
        assert_eq!(s.sooner(&good, &[(0.5, &again)], 1), Some(1));
        // Not as soon as Again: 1 day, so Good stays above it.
        assert_eq!(
            s.sooner(&good, &[(0.5, &again)], again.scheduled_days + 1),
            Some(2)
        );
        assert_eq!(s.sooner(&good, &[(0.5, &again)], 3), None);
        // Two missed concepts count as their shares together.
        assert_eq!(s.sooner(&good, &[(0.1, &again), (0.1, &again)], 1), Some(2));
        // Rated Easy (15 days), a third missed: sooner, yet later than Good would be.
        let easy = s.review(&new, now, Rating::Easy);
        let pulled = s.sooner(&easy, &[(0.35, &again)], 1).unwrap();
        assert!((3..easy.scheduled_days).contains(&pulled), "{pulled}");
        assert_eq!(s.sooner(&good, &[(f64::NAN, &again)], 1), None);
        // Nothing sooner than a day, and an Again card stays at its day.
        assert_eq!(s.sooner(&again, &[(1.0, &again)], 1), None);
        // Later: a well-learnt question missing a small concept loses a little, a large one more.
        let (mut card, mut concept) = (good.clone(), hit.clone());
        for _ in 0..3 {
            let t = card.due;
            card = s.review(&card, t, Rating::Good);
            concept = s.review(&concept, t, Rating::Good);
        }
        let t = card.due;
        let q = s.review(&card, t, Rating::Good);
        let lapse = s.review(&concept, t, Rating::Again);
        let small = s
            .sooner(&q, &[(0.05, &lapse)], 1)
            .unwrap_or(q.scheduled_days);
        let large = s
            .sooner(&q, &[(0.3, &lapse)], 1)
            .unwrap_or(q.scheduled_days);
        assert!(
            large < small && small <= q.scheduled_days && large >= 1,
            "{large} {small} {}",
            q.scheduled_days
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
