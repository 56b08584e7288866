//! The record of an interview: every question, answer, timing, grade summary, hint and
//! follow-up, as JSON that an interrupted session resumes from.
//!
//! Invariants:
//!
//! - A transcript file starts with a format marker (`"format": "rubric-grader/interview-transcript"`)
//!   and a version. [`Transcript::load`] rejects a file without the marker as foreign, a newer
//!   version as unsupported, and a file with the marker that does not parse as corrupt.
//! - [`Transcript::save_atomic`] writes a temporary file in the same folder and renames it over
//!   the target, so the file on disk is always a whole transcript: killing the process at any
//!   moment loses at most the step in progress. It never replaces a file that is not a transcript
//!   (or that is corrupt, or newer): those errors come back instead.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::InterviewError;
use super::plan::Plan;
use crate::rubric::Level;
use crate::scoring::Band;

/// The format marker of a transcript file.
pub const TRANSCRIPT_FORMAT: &str = "rubric-grader/interview-transcript";

/// The transcript format version this build writes (and the newest it reads).
pub const TRANSCRIPT_VERSION: u32 = 1;

/// A question as asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// 1-based position in the interview.
    pub number: usize,
    /// How many questions the interview has.
    pub total: usize,
    /// Rubric id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Category.
    pub category: String,
    /// Level the question demands.
    pub level: Level,
    /// The question text.
    pub text: String,
    /// Time budget, shown and recorded, not enforced.
    pub time_budget_secs: Option<u32>,
}

/// A hint taken before answering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hint {
    /// The concept it is about (the question's most important one).
    pub concept: String,
    /// That concept's label.
    pub label: String,
    /// The hint.
    pub text: String,
    /// Fraction of the question's final score it costs (0.1 = 10 %).
    pub cost: f32,
}

/// A question asked and not answered yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenQuestion {
    /// The question.
    pub question: Question,
    /// The hint, if one was taken (it is charged even if the session is resumed).
    #[serde(default)]
    pub hint: Option<Hint>,
}

/// Whether a question was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// An answer was graded.
    Answered,
    /// Skipped (or open when the interview finished): scores 0.
    Skipped,
}

/// One question's record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    /// The question.
    pub question: Question,
    /// Answered or skipped.
    pub outcome: Outcome,
    /// The answer as given (empty when skipped).
    #[serde(default)]
    pub answer: String,
    /// How long the answer took, as measured by the caller.
    pub elapsed_ms: u64,
    /// Whether that was over the question's time budget.
    pub over_budget: bool,
    /// The hint, if one was taken.
    #[serde(default)]
    pub hint: Option<Hint>,
    /// The grade of the answer (none when skipped).
    #[serde(default)]
    pub grade: Option<TurnGrade>,
    /// The follow-up probe, if one was asked.
    #[serde(default)]
    pub follow_up: Option<FollowUpTurn>,
    /// Final score: the grade, plus follow-up credit, less the hint's cost (0–100).
    pub score: f32,
    /// Band of the final score under the rubric's thresholds.
    pub band: Band,
}

impl Turn {
    /// Whether a follow-up is still waiting for an answer.
    pub fn has_pending_follow_up(&self) -> bool {
        self.follow_up
            .as_ref()
            .is_some_and(|f| f.status == FollowUpStatus::Pending)
    }
}

/// The summary of a grade kept in the transcript.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TurnGrade {
    /// The grader's score (before follow-up and hint).
    pub score: f32,
    /// The grader's band.
    pub band: Band,
    /// The feedback's one-line summary.
    pub summary: String,
    /// Every concept, in rubric order.
    pub concepts: Vec<ConceptMark>,
    /// Every k-of-n group, in rubric order.
    #[serde(default)]
    pub groups: Vec<GroupMark>,
    /// Misconceptions found in the answer.
    #[serde(default)]
    pub misconceptions: Vec<RedFlag>,
    /// The grade's warnings, for people.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// One concept's result in a turn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptMark {
    /// Concept id.
    pub id: String,
    /// Concept label.
    pub label: String,
    /// Its share of the question's 0–100 score.
    pub share: f32,
    /// Required, itself or through its group.
    pub required: bool,
    /// Its group, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Covered by the answer.
    pub hit: bool,
    /// Missed by the answer, then covered by the follow-up answer.
    #[serde(default)]
    pub recovered: bool,
    /// The rubric's hint, kept for concepts the answer missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// What to study, kept for concepts the answer missed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study: Option<String>,
}

/// A k-of-n group of a turn's rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupMark {
    /// Group id (members name it in [`ConceptMark::group`]).
    pub id: String,
    /// What the group asks for.
    pub label: String,
    /// Members needed for full credit.
    pub k: usize,
    /// Whether it is required.
    pub required: bool,
}

/// A misconception found in an answer: a red flag for an interviewer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RedFlag {
    /// Misconception id.
    pub id: String,
    /// The wrong belief.
    pub label: String,
    /// What is true instead.
    pub correction: String,
    /// Points it costs in an answer (none in a follow-up answer).
    pub penalty: f32,
}

/// Where a follow-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// Asked, not answered yet.
    Pending,
    /// Answered and graded.
    Answered,
    /// Skipped by the candidate (or open when the interview finished).
    Declined,
}

/// A follow-up probe and its answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpTurn {
    /// The missed concept it probes.
    pub concept: String,
    /// That concept's label.
    pub label: String,
    /// The probe, from the concept's `follow_up`.
    pub question: String,
    /// Pending, answered or declined.
    pub status: FollowUpStatus,
    /// The answer (empty unless answered).
    #[serde(default)]
    pub answer: String,
    /// How long the answer took.
    #[serde(default)]
    pub elapsed_ms: u64,
    /// Whether the answer covered the concept (or a missed member of its group).
    #[serde(default)]
    pub hit: bool,
    /// Points recovered on the question's score.
    #[serde(default)]
    pub recovered: f32,
    /// Misconceptions in the follow-up answer (shown, not charged).
    #[serde(default)]
    pub misconceptions: Vec<RedFlag>,
}

/// Everything that happened in an interview; the state an [`Interview`](super::Interview) resumes
/// from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    /// Always [`TRANSCRIPT_FORMAT`].
    pub format: String,
    /// The format version, [`TRANSCRIPT_VERSION`] when written by this build.
    pub version: u32,
    /// Who was interviewed, if known.
    #[serde(default)]
    pub candidate: Option<String>,
    /// The plan.
    pub plan: Plan,
    /// The questions done so far, in order.
    pub turns: Vec<Turn>,
    /// A question asked and not answered yet.
    #[serde(default)]
    pub open: Option<OpenQuestion>,
    /// Whether the interview has finished.
    #[serde(default)]
    pub finished: bool,
}

impl Transcript {
    /// An empty transcript for `plan`.
    pub fn new(plan: Plan) -> Transcript {
        Transcript {
            format: TRANSCRIPT_FORMAT.to_string(),
            version: TRANSCRIPT_VERSION,
            candidate: None,
            plan,
            turns: Vec::new(),
            open: None,
            finished: false,
        }
    }

    /// Whether the interview has finished.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// As pretty-printed JSON.
    pub fn to_json(&self) -> String {
        // Plain data with string keys and finite numbers: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses a transcript; `path` only names the source in errors.
    ///
    /// # Errors
    /// [`InterviewError::Foreign`] without the format marker, [`InterviewError::UnsupportedVersion`]
    /// for a newer version, [`InterviewError::Corrupt`] for anything else that does not parse.
    pub fn from_json(text: &str, path: &str) -> Result<Transcript, InterviewError> {
        TRANSCRIPT_MARKER.check(text, path)?;
        serde_json::from_str(text).map_err(|e| InterviewError::Corrupt {
            path: path.to_string(),
            what: TRANSCRIPT_MARKER.what,
            reason: e.to_string(),
        })
    }

    /// Reads a transcript file.
    ///
    /// # Errors
    /// [`InterviewError::Io`] if it cannot be read, otherwise as [`Transcript::from_json`].
    pub fn load(path: impl AsRef<Path>) -> Result<Transcript, InterviewError> {
        let path = path.as_ref();
        let text = read_text(path, TRANSCRIPT_MARKER.what)?;
        Transcript::from_json(&text, &path.display().to_string())
    }

    /// Writes the transcript atomically: a temporary file in the same folder, then a rename.
    /// Call it after every step.
    ///
    /// # Errors
    /// [`InterviewError::Io`] if writing fails. If `path` exists and is not a transcript (foreign,
    /// corrupt or newer), that error, and the file is left alone.
    pub fn save_atomic(&self, path: impl AsRef<Path>) -> Result<(), InterviewError> {
        write_atomic(path.as_ref(), &self.to_json(), |text, name| {
            Transcript::from_json(text, name).map(drop)
        })
    }
}

/// What a file of ours must start with.
pub(crate) struct Marker {
    pub format: &'static str,
    pub version: u32,
    /// For messages: "interview transcript".
    pub what: &'static str,
    /// For messages: "an interview transcript".
    pub a_what: &'static str,
}

pub(crate) const TRANSCRIPT_MARKER: Marker = Marker {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    what: "interview transcript",
    a_what: "an interview transcript",
};

impl Marker {
    /// Checks the format marker and version of a file's text.
    pub(crate) fn check(&self, text: &str, path: &str) -> Result<(), InterviewError> {
        let foreign = |found: Option<String>| InterviewError::Foreign {
            path: path.to_string(),
            what: self.a_what,
            expected: self.format,
            found,
        };
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            // Starts like one of our JSON objects and mentions the marker: damaged, not foreign.
            Err(e) if text.trim_start().starts_with('{') && text.contains(self.format) => {
                return Err(InterviewError::Corrupt {
                    path: path.to_string(),
                    what: self.what,
                    reason: e.to_string(),
                })
            }
            Err(_) => return Err(foreign(None)),
        };
        let format = value.get("format").and_then(|f| f.as_str());
        if format != Some(self.format) {
            return Err(foreign(format.map(str::to_string)));
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if v > u64::from(self.version) => Err(InterviewError::UnsupportedVersion {
                path: path.to_string(),
                found: v,
                supported: self.version,
            }),
            Some(_) => Ok(()),
            None => Err(InterviewError::Corrupt {
                path: path.to_string(),
                what: self.what,
                reason: "no `version` number".into(),
            }),
        }
    }
}

/// Reads a UTF-8 file; invalid UTF-8 is reported as corrupt.
pub(crate) fn read_text(path: &Path, what: &'static str) -> Result<String, InterviewError> {
    let bytes = std::fs::read(path).map_err(|e| InterviewError::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| InterviewError::Corrupt {
        path: path.display().to_string(),
        what,
        reason: format!("not valid UTF-8 (byte {})", e.utf8_error().valid_up_to()),
    })
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename, after
/// checking with `existing_ok(text, path)` that an existing file at `path` is one of ours and
/// whole, so that a foreign or corrupt file is never replaced.
pub(crate) fn write_atomic(
    path: &Path,
    contents: &str,
    existing_ok: impl Fn(&str, &str) -> Result<(), InterviewError>,
) -> Result<(), InterviewError> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = String::from_utf8_lossy(&bytes);
            existing_ok(&text, &path.display().to_string())?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(InterviewError::io(path, e)),
    }
    let tmp = temp_path(path);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents.as_bytes())?;
        file.write_all(b"\n")?;
        // Data on disk before the rename makes it visible, or a crash could leave an empty file.
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(InterviewError::io(path, e));
    }
    // Persist the rename itself; best effort, as not every platform can open a folder.
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// `dir/.name.<pid>.tmp`: same folder (so the rename is atomic), hidden, and unique per process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "transcript".into());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
