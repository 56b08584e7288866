//! Mock interviews, the stage after grading: a [`Plan`] picks questions from a [`Bank`](crate::Bank), an
//! [`Interview`] asks them one by one (with hints, skips and follow-up probes), a [`Transcript`]
//! records every step as JSON, and a [`Scorecard`] sums the session up. A [`Kit`] gives an
//! interviewer what to listen for; a [`PracticeLog`] drives the one-question daily loop.
//!
//! ```text
//! Plan ──▶ Interview ──▶ Transcript ──▶ Scorecard ──▶ render::{to_text, to_markdown, to_json, to_html}
//!            │  next_question → [hint] → submit → [answer_follow_up | skip] → … → finish
//!            └─ Interview::resume(bank, Transcript::load(path)?)
//! ```
//!
//! Invariants:
//!
//! - Everything is deterministic: the same plan (seed included), bank and answers give the same
//!   questions in the same order and the same scorecard. There is no clock in this module; the
//!   caller measures how long an answer took and passes it in.
//! - An invalid step (an answer before a question, a follow-up answer when none is pending,
//!   anything after `finish`) is an [`InterviewError::InvalidStep`], never a panic, and leaves the
//!   interview unchanged.
//! - The [`Transcript`] is the whole state: resuming from it continues exactly where the session
//!   stopped, including an open question (with its hint) or a pending follow-up.
//!
//! # Scoring rules
//!
//! - A question's score starts as the grader's score of the answer.
//! - **Follow-up**: after an answer, if [`Plan::follow_ups`] is on and a concept with a
//!   `follow_up` text was missed, the most important such concept is probed (the one
//!   [`Feedback::follow_up`](crate::Feedback::follow_up) names). The follow-up answer is graded
//!   with the question's grader; if it hits that concept — or, for a concept inside a k-of-n
//!   group, any member of the group the first answer missed — the question earns back
//!   [`FOLLOW_UP_RECOVERY`] (half) of that concept's share of the score (its weight ÷ the rubric's
//!   total weight × 100; a group member's share is the group's weight ÷ k). Only the probed concept
//!   counts, and misconceptions in a follow-up answer are shown but cost nothing.
//! - A required concept (or required group) that is still missed after the follow-up keeps the
//!   score below the rubric's strong band, as in grading.
//! - **Hint**: [`Interview::hint`] shows the hint of the question's most important concept
//!   (required first, then by share) before answering, and costs [`HINT_COST`] (10 %) of that
//!   question's final score: the score is multiplied by 0.9 after any follow-up credit.
//! - **Skip**: a skipped question scores 0 and counts in every average.
//!
//! # Example: a two-question interview
//!
//! ```
//! use std::time::Duration;
//! use rubric_grader::Bank;
//! use rubric_grader::interview::{Interview, Plan};
//!
//! let bank = Bank::embedded()?;
//! let plan = Plan { count: 2, seed: 7, ..Plan::default() };
//! let mut interview = Interview::new(&bank, plan)?;
//! while let Some(question) = interview.next_question()? {
//!     let graded = interview.submit("I would run kubectl describe and read the events.", Duration::from_secs(40))?;
//!     if graded.turn.follow_up.is_some() {
//!         interview.answer_follow_up("I am not sure.", Duration::from_secs(10))?;
//!     }
//!     assert!(question.number <= 2);
//! }
//! let scorecard = interview.finish()?;
//! assert_eq!(scorecard.questions.len(), 2);
//! # Ok::<(), rubric_grader::interview::InterviewError>(())
//! ```

mod error;
mod kit;
mod plan;
mod practice;
pub mod render;
mod rng;
mod scorecard;
mod session;
mod transcript;

pub use error::{InterviewError, Phase, Step};
pub use kit::{Kit, KitConcept, KitFollowUp, KitQuestion};
pub use plan::Plan;
pub use practice::{PracticeEntry, PracticeLog};
pub use scorecard::{
    AreaScore, ConceptScore, FollowUpScore, LevelEstimate, LevelScore, QuestionScore,
    Recommendation, Scorecard, StudyItem, Verdict,
};
pub use session::{Graded, Interview, FOLLOW_UP_RECOVERY, HINT_COST};
pub use transcript::{
    ConceptMark, FollowUpStatus, FollowUpTurn, GroupMark, Hint, OpenQuestion, Outcome, Question,
    RedFlag, SubmittedAnswer, Transcript, TranscriptFile, Turn, TurnGrade, TRANSCRIPT_FORMAT,
    TRANSCRIPT_VERSION,
};

/// A `Result` with [`InterviewError`].
pub type Result<T, E = InterviewError> = std::result::Result<T, E>;
