//! Errors of the interview module: invalid steps of the state machine, plans that select nothing,
//! and transcripts or notes that cannot be used.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Where an [`Interview`](super::Interview) stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// No question is open: ask the next one, or finish.
    Ready,
    /// A question is open: take a hint, submit an answer, or skip it.
    Asking,
    /// A follow-up probe is pending: answer it, or skip it.
    FollowUp,
    /// The interview has finished; nothing more can happen.
    Finished,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Phase::Ready => "when no question is open",
            Phase::Asking => "while a question is open",
            Phase::FollowUp => "while a follow-up is pending",
            Phase::Finished => "after the interview has finished",
        })
    }
}

/// A step of the interview state machine, named in [`InterviewError::InvalidStep`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// [`Interview::next_question`](super::Interview::next_question).
    NextQuestion,
    /// [`Interview::hint`](super::Interview::hint).
    Hint,
    /// [`Interview::submit`](super::Interview::submit).
    Submit,
    /// [`Interview::skip`](super::Interview::skip).
    Skip,
    /// [`Interview::answer_follow_up`](super::Interview::answer_follow_up).
    AnswerFollowUp,
    /// [`Interview::finish`](super::Interview::finish).
    Finish,
    /// [`Interview::resume`](super::Interview::resume).
    Resume,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Step::NextQuestion => "ask the next question",
            Step::Hint => "take a hint",
            Step::Submit => "submit an answer",
            Step::Skip => "skip",
            Step::AnswerFollowUp => "answer a follow-up",
            Step::Finish => "finish",
            Step::Resume => "resume",
        })
    }
}

/// Everything that can go wrong in a mock interview, a transcript, a practice log, a kit or a
/// set of interviewer notes.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InterviewError {
    /// A step the state machine does not allow in its current phase; nothing changed.
    #[error("cannot {step} {phase}")]
    InvalidStep {
        /// What was attempted.
        step: Step,
        /// The phase the interview was in.
        phase: Phase,
    },
    /// The plan's filters leave no question to ask.
    #[error("no question in the bank matches the plan ({filters})")]
    NoQuestions {
        /// The filters, for people: "category `x`, level `junior`".
        filters: String,
    },
    /// Grading or bank lookup failed (unknown id, answer too large, broken rubric).
    #[error(transparent)]
    Grading(#[from] crate::Error),
    /// A file that could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file with this module's format marker that does not parse (truncated, edited by hand…).
    #[error("{path}: corrupt {what}: {reason}")]
    Corrupt {
        /// The file.
        path: String,
        /// What it should have been: "interview transcript", "practice log".
        what: &'static str,
        /// What is wrong, with a line and column where known.
        reason: String,
    },
    /// A file that is not one of ours (no format marker, or another one); it is never overwritten.
    #[error("{path}: not {what} (expected `\"format\": \"{expected}\"`{}); refusing to use or overwrite it", found.as_ref().map(|f| format!(", found `{f}`")).unwrap_or_default())]
    Foreign {
        /// The file.
        path: String,
        /// What it should have been: "an interview transcript", "a practice log".
        what: &'static str,
        /// The marker expected.
        expected: &'static str,
        /// The marker found, if any.
        found: Option<String>,
    },
    /// A file written by a newer version of this crate.
    #[error(
        "{path}: format version {found} is newer than this program understands (up to {supported})"
    )]
    UnsupportedVersion {
        /// The file.
        path: String,
        /// Its version.
        found: u64,
        /// The highest version this build reads.
        supported: u32,
    },
    /// A transcript that does not fit the bank or is inconsistent with itself.
    #[error("cannot continue the interview: {reason}")]
    Mismatch {
        /// What does not fit.
        reason: String,
    },
    /// A new interview would replace an existing transcript.
    #[error("{path} already exists; continue that interview with `rubric interview --resume {path}`, or pass --force to replace it")]
    Exists {
        /// The file.
        path: String,
    },
    /// Another session holds the transcript.
    #[error("{path} is in use by another interview; finish or quit that one first")]
    Locked {
        /// The file.
        path: String,
    },
    /// Interviewer notes that cannot be graded.
    #[error("notes line {line}: {message}")]
    Notes {
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

impl InterviewError {
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> InterviewError {
        InterviewError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
