//! Study mode, the stage after grading (beside interviews): spaced repetition of graded answers.
//!
//! A graded answer ([`GradedAnswer`]) gets a [`Rating`] from its grade ([`rating_for`]: band →
//! Again/Hard/Good/Easy, a missed required concept one step lower), the [`Scheduler`] (FSRS,
//! through `rs-fsrs`) moves the question's card and each concept's card — missed concepts,
//! required or not, bring the question back sooner ([`Scheduler::sooner`]) —, and the [`Study`]
//! store (SQLite) keeps cards, reviews and [`Settings`] (daily limit, desired retention). An
//! answer with an origin ([`GradedAnswer::origin`], e.g. an interview's transcript and turn) is
//! recorded at most once ([`Study::record_once`]). [`Study::session`] plans a day (due reviews,
//! then new questions up to a daily limit), [`Study::weak`] drills the weakest concepts, [`Study::stats`]
//! sums progress up ([`Stats::to_text`], [`Stats::to_html`]), and [`Study::export`] /
//! [`Study::import`] move the history as JSON Lines or CSV.
//!
//! ```text
//! Grade ──▶ GradedAnswer ──▶ Study::record ──(one transaction)──▶ cards · concept_cards · reviews
//!              └ rating_for (overridable)          Scheduler (FSRS)
//! ```
//!
//! Everything here is deterministic given `now`: no function reads the clock.
//!
//! Behind the `study` cargo feature (on with `cli`), so an embedding grader built without
//! default features compiles no SQLite.

mod error;
mod exchange;
mod rating;
mod schedule;
mod settings;
mod stats;
mod store;

pub use error::StudyError;
pub use exchange::{interview_answer, interview_answers, Exchange};
pub use rating::{band_rating, rating_for, suggest, Rating};
pub use schedule::{CardState, Scheduler, DEFAULT_RETENTION};
pub use settings::{
    parse_new_per_day, parse_retention, Settings, DEFAULT_NEW_PER_DAY, MAX_NEW_PER_DAY,
    RETENTION_RANGE,
};
pub use stats::{
    day_bounds, local_date, CategoryMastery, DayStats, Stats, WeakConcept, DAYS_SHOWN,
};
pub use store::{
    ConceptCard, ConceptOutcome, DueCard, GradedAnswer, ItemKind, Recorded, ReviewRecord,
    SessionItem, Source, Study, APPLICATION_ID, SCHEMA_VERSION,
};
