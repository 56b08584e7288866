//! Matching, the second stage: finds a rubric's concepts and misconceptions in an analysed
//! answer, with evidence.
//!
//! A [`Grader`] compiles every matcher once: phrases become sequences of vocabulary words keyed
//! by stem (numbers and codes by exact text), with joined variants (`pre stop` ⇄ `prestop`) and
//! field-path tails (`metadata.finalizers` → `finalizers`); typos are found through a first-letter
//! and letter-set filter before an edit distance is computed.

mod compile;
mod explain;
mod grader;
mod hit;
mod matcher;
mod vocab;

pub use explain::{ConceptTrace, Explanation, MatcherTrace, NearMiss, NearMissReason};
pub use grader::{Grader, GraderBuilder, DEFAULT_MAX_ANSWER_BYTES};
pub use hit::Evidence;
