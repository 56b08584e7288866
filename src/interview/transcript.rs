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
    /// An answer submitted and saved but not graded yet (the process stopped in between): a
    /// resumed interview grades it instead of asking again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<SubmittedAnswer>,
}

/// An answer recorded before it is graded, so that a kill between the two loses nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubmittedAnswer {
    /// The answer.
    pub text: String,
    /// How long it took.
    pub elapsed_ms: u64,
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
    /// A unique id of this interview, set when it starts (see
    /// [`Interview::ensure_id`](super::Interview::ensure_id)): answers recorded in a study store
    /// are keyed by it, so a resumed interview never records one twice. Older transcripts have
    /// none until they are resumed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
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
            id: None,
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
        let t: Transcript = serde_json::from_str(text).map_err(|e| InterviewError::Corrupt {
            path: path.to_string(),
            what: TRANSCRIPT_MARKER.what,
            reason: e.to_string(),
        })?;
        t.validate().map_err(|reason| InterviewError::Corrupt {
            path: path.to_string(),
            what: TRANSCRIPT_MARKER.what,
            reason,
        })?;
        Ok(t)
    }

    /// Checks what parsing cannot: scores within 0–100, turns numbered 1, 2, 3 … with the open
    /// question next, each question asked once, hint costs within 0–1, at most one pending
    /// follow-up and only on the last turn.
    ///
    /// # Errors
    /// What is wrong, for people: "turn 2: score 1000000000 is outside 0–100".
    pub fn validate(&self) -> Result<(), String> {
        let score = |x: f32| x.is_finite() && (0.0..=100.0).contains(&x);
        let mut seen = std::collections::HashSet::new();
        for (i, t) in self.turns.iter().enumerate() {
            let n = i + 1;
            let at = |what: String| format!("turn {n} (`{}`): {what}", t.question.id);
            if t.question.number != n {
                return Err(at(format!(
                    "numbered {} where {n} was expected (turns duplicated or out of order)",
                    t.question.number
                )));
            }
            if !seen.insert(t.question.id.as_str()) {
                return Err(at(
                    "the question was already asked in an earlier turn".into()
                ));
            }
            if !score(t.score) {
                return Err(at(format!("score {} is outside 0–100", t.score)));
            }
            if let Some(g) = &t.grade {
                if !score(g.score) {
                    return Err(at(format!("graded score {} is outside 0–100", g.score)));
                }
            }
            if let Some(h) = &t.hint {
                if !(h.cost.is_finite() && (0.0..=1.0).contains(&h.cost)) {
                    return Err(at(format!("hint cost {} is outside 0–1", h.cost)));
                }
            }
            if let Some(f) = &t.follow_up {
                if !score(f.recovered) {
                    return Err(at(format!(
                        "follow-up credit {} is outside 0–100",
                        f.recovered
                    )));
                }
                if f.status == FollowUpStatus::Pending && n != self.turns.len() {
                    return Err(at(
                        "a follow-up is pending but it is not the last turn".into()
                    ));
                }
            }
        }
        if let Some(open) = &self.open {
            let n = self.turns.len() + 1;
            if open.question.number != n {
                return Err(format!(
                    "the open question `{}` is numbered {} where {n} was expected",
                    open.question.id, open.question.number
                ));
            }
            if seen.contains(open.question.id.as_str()) {
                return Err(format!(
                    "the open question `{}` was already asked in an earlier turn",
                    open.question.id
                ));
            }
        }
        Ok(())
    }

    /// Checks that every question of the transcript is in `bank`.
    ///
    /// # Errors
    /// [`InterviewError::Mismatch`] naming the first question the bank lacks.
    pub fn check_bank(&self, bank: &crate::rubric::Bank) -> Result<(), InterviewError> {
        let asked = self
            .turns
            .iter()
            .map(|t| &t.question.id)
            .chain(self.open.iter().map(|o| &o.question.id));
        for id in asked {
            if !bank.entries().iter().any(|e| &e.rubric.id == id) {
                return Err(InterviewError::Mismatch {
                    reason: format!(
                        "this transcript uses a different bank: question `{id}` is not in this one (pass the bank it was taken with as --rubrics DIR)"
                    ),
                });
            }
        }
        Ok(())
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
        reason: format!(
            "not valid UTF-8 at {}",
            crate::rubric::utf8_location(e.as_bytes(), e.utf8_error().valid_up_to())
        ),
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
    crate::durable::remove_stale_temps(path);
    crate::durable::write_atomic(path, format!("{contents}\n").as_bytes())
        .map_err(|e| InterviewError::io(path, e))
}

/// A transcript file held for one interview session: an exclusive advisory lock (`fs4`) is
/// kept on the file for as long as this value lives, so a second `rubric interview` on the same
/// file is refused instead of overwriting it.
///
/// Each save writes a new file and renames it over the old one, so the lock must move with
/// it: the new file is locked *before* the rename makes it visible, then the old one is
/// released. A process that opened the old file just before the rename and then gets its lock
/// notices the file at the path is no longer the one it locked and tries again.
#[derive(Debug)]
pub struct TranscriptFile {
    path: PathBuf,
    held: std::fs::File,
}

impl TranscriptFile {
    /// Starts a new transcript at `path` and saves `transcript` there.
    ///
    /// # Errors
    /// [`InterviewError::Exists`] if `path` exists and `force` is not set;
    /// [`InterviewError::Locked`] if another session holds it; [`InterviewError::Foreign`] or
    /// [`InterviewError::Corrupt`] (with `force`) if what is there is not a transcript, which is
    /// never replaced; [`InterviewError::Io`] if the folder cannot be written.
    pub fn create(
        path: &Path,
        transcript: &Transcript,
        force: bool,
    ) -> Result<TranscriptFile, InterviewError> {
        let _old = match std::fs::File::open(path) {
            Ok(_) if !force => {
                return Err(InterviewError::Exists {
                    path: path.display().to_string(),
                })
            }
            Ok(_) => {
                let (old, text) = lock_current(path)?;
                Transcript::from_json(&text, &path.display().to_string())?;
                Some(old)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(InterviewError::io(path, e)),
        };
        crate::durable::remove_stale_temps(path);
        let held = write_locked(path, transcript, !force)?;
        Ok(TranscriptFile {
            path: path.to_path_buf(),
            held,
        })
    }

    /// Opens the transcript at `path` to continue it: locks it, reads and checks it.
    ///
    /// # Errors
    /// [`InterviewError::Locked`] if another session holds it, otherwise as
    /// [`Transcript::load`].
    pub fn open(path: &Path) -> Result<(TranscriptFile, Transcript), InterviewError> {
        let (held, text) = lock_current(path)?;
        let t = Transcript::from_json(&text, &path.display().to_string())?;
        crate::durable::remove_stale_temps(path);
        Ok((
            TranscriptFile {
                path: path.to_path_buf(),
                held,
            },
            t,
        ))
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `transcript` durably (temporary file, sync, rename, folder sync), keeping the lock.
    ///
    /// # Errors
    /// [`InterviewError::Io`]; the file on disk is then the previous save, whole.
    pub fn save(&mut self, transcript: &Transcript) -> Result<(), InterviewError> {
        self.held = write_locked(&self.path, transcript, false)?;
        Ok(())
    }
}

/// Writes `transcript` to a locked temporary file and renames it to `path` (failing with
/// [`InterviewError::Exists`] instead if `new_only` and `path` appeared meanwhile).
fn write_locked(
    path: &Path,
    transcript: &Transcript,
    new_only: bool,
) -> Result<std::fs::File, InterviewError> {
    let io = |e| InterviewError::io(path, e);
    let mut f = crate::durable::AtomicFile::new(path).map_err(io)?;
    crate::durable::try_lock(f.file()).map_err(io)?;
    f.write_all(transcript.to_json().as_bytes()).map_err(io)?;
    f.write_all(b"\n").map_err(io)?;
    if new_only {
        f.commit_new().map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => InterviewError::Exists {
                path: path.display().to_string(),
            },
            _ => io(e),
        })
    } else {
        f.commit().map_err(io)
    }
}

/// Opens `path` and takes its lock, making sure the file locked is still the one at `path`
/// (a save may have replaced it in between); returns the locked file and its text.
fn lock_current(path: &Path) -> Result<(std::fs::File, String), InterviewError> {
    use std::io::Read;
    let io = |e| InterviewError::io(path, e);
    for _ in 0..100 {
        let mut f = std::fs::File::open(path).map_err(io)?;
        if !crate::durable::try_lock(&f).map_err(io)? {
            return Err(InterviewError::Locked {
                path: path.display().to_string(),
            });
        }
        let still_there = match (f.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => same_inode(&a, &b),
            _ => false,
        };
        if still_there {
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).map_err(io)?;
            let text = String::from_utf8(bytes).map_err(|e| InterviewError::Corrupt {
                path: path.display().to_string(),
                what: TRANSCRIPT_MARKER.what,
                reason: format!(
                    "not valid UTF-8 at {}",
                    crate::rubric::utf8_location(e.as_bytes(), e.utf8_error().valid_up_to())
                ),
            })?;
            return Ok((f, text));
        }
    }
    Err(InterviewError::Locked {
        path: path.display().to_string(),
    })
}

#[cfg(unix)]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}
