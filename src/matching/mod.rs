//! Matching, the second stage: finds a rubric's concepts and misconceptions in an analysed
//! answer, with evidence, and decides which mentions the answer asserts. It knows nothing of
//! scores: its output is [`Findings`], which [`crate::scoring`] turns into a grade.
//!
//! An [`Engine`] compiles every matcher once: phrases become sequences of vocabulary words keyed
//! by stem (numbers and codes by exact text), with joined variants (`pre stop` ⇄ `prestop`) and
//! field-path tails (`metadata.finalizers` → `finalizers`); typos are found through a first-letter
//! and letter-set filter before an edit distance is computed.

mod compile;
mod coverage;
mod engine;
mod explain;
mod growth;
mod hit;
mod matcher;
mod needles;
mod rubric_regex;
mod scan_index;
mod vocab;

pub(crate) use compile::analyze_rubric_text;
pub use coverage::{
    is_content, CoverageResult, WordCoverage, CROSS_REFERENCE_CONTRADICTION, WRONG_NUMBER_PENALTY,
};
pub use engine::Engine;
pub use explain::{ConceptTrace, MatcherTrace, NearMiss, NearMissReason};
pub use growth::{growth_terms, Growth};
pub use hit::{ConceptFinding, Evidence, Findings, MisconceptionFinding, WrongNumber};
