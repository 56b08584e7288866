//! Taking the review history elsewhere and back: JSON Lines and CSV with the same fields
//! ([`ReviewRecord`]), and the one-time import of the old JSON practice log.
//!
//! An import file is read and checked whole before anything is written: a bad line is reported
//! with its number and nothing is imported.

use std::io::{BufRead, Write};
use std::path::Path;

use chrono::{DateTime, Duration, Utc};

use super::error::StudyError;
use super::rating::suggest;
use super::store::{ReviewRecord, Source, Study};
use crate::interview::PracticeLog;

/// The formats of export and import.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exchange {
    /// One JSON object per line.
    JsonLines,
    /// A header row, then one row per review.
    Csv,
}

impl Exchange {
    /// CSV for a `.csv` file name, JSON Lines otherwise.
    pub fn for_path(path: &Path) -> Exchange {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
        {
            Exchange::Csv
        } else {
            Exchange::JsonLines
        }
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> StudyError + '_ {
    move |source| StudyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Study {
    /// Writes every review, oldest first, in `format`; `name` is used in error messages.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be read, [`StudyError::Io`] if `out` fails.
    pub fn export(
        &self,
        format: Exchange,
        out: &mut dyn Write,
        name: &Path,
    ) -> Result<usize, StudyError> {
        let reviews = self.reviews()?;
        match format {
            Exchange::JsonLines => {
                for r in &reviews {
                    let line = serde_json::to_string(r).map_err(|e| StudyError::Io {
                        path: name.to_path_buf(),
                        source: e.into(),
                    })?;
                    writeln!(out, "{line}").map_err(io(name))?;
                }
            }
            Exchange::Csv => {
                let mut w = csv::Writer::from_writer(out);
                for r in &reviews {
                    w.serialize(r).map_err(|e| StudyError::Io {
                        path: name.to_path_buf(),
                        source: std::io::Error::other(e.to_string()),
                    })?;
                }
                w.flush().map_err(io(name))?;
            }
        }
        Ok(reviews.len())
    }

    /// Reads reviews in `format` from `input` (all of it is checked first) and adds those not
    /// already stored, rebuilding the affected cards; returns how many were added.
    ///
    /// # Errors
    /// [`StudyError::BadImport`] naming the line of the first bad record (nothing is imported),
    /// [`StudyError::Io`] if `input` fails, [`StudyError::Storage`] if the store cannot be
    /// written.
    pub fn import(
        &mut self,
        format: Exchange,
        input: &mut dyn BufRead,
        name: &Path,
    ) -> Result<usize, StudyError> {
        let records = read_records(format, input, name)?;
        self.import_reviews(&records)
    }

    /// Imports the old JSON practice log once (later calls return `None`): each entry becomes a
    /// practice review rated from its band, one second apart ending at `at` (the log kept no
    /// times). The log file itself is left untouched.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be written.
    pub fn import_practice_log(
        &mut self,
        log: &PracticeLog,
        at: DateTime<Utc>,
    ) -> Result<Option<usize>, StudyError> {
        let n = log.entries.len() as i64;
        let records: Vec<ReviewRecord> = log
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let rating = suggest(e.band, 0);
                ReviewRecord {
                    reviewed_at: at - Duration::seconds(n - i as i64),
                    question_id: e.question_id.clone(),
                    category: e.category.clone(),
                    level: e.level.to_string(),
                    source: Source::Practice,
                    score: e.score,
                    band: e.band,
                    suggested: rating,
                    rating,
                    concepts_hit: Vec::new(),
                    concepts_missed: Vec::new(),
                    answer: String::new(),
                    interval_days: 0,
                    due: at,
                    origin: None,
                }
            })
            .collect();
        self.import_once("practice-log", &records, at)
    }
}

fn read_records(
    format: Exchange,
    input: &mut dyn BufRead,
    name: &Path,
) -> Result<Vec<ReviewRecord>, StudyError> {
    let bad = |line: usize, reason: String| StudyError::BadImport {
        path: name.to_path_buf(),
        line,
        reason,
    };
    let mut records = Vec::new();
    match format {
        Exchange::JsonLines => {
            for (i, line) in input.lines().enumerate() {
                let line = line.map_err(|e| bad(i + 1, e.to_string()))?;
                if line.trim().is_empty() {
                    continue;
                }
                let r: ReviewRecord =
                    serde_json::from_str(&line).map_err(|e| bad(i + 1, e.to_string()))?;
                records.push(check(r).map_err(|e| bad(i + 1, e))?);
            }
        }
        Exchange::Csv => {
            let mut reader = csv::Reader::from_reader(input);
            for row in reader.deserialize::<ReviewRecord>() {
                let r = row.map_err(|e| {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    bad(line, e.to_string())
                })?;
                let line = records.len() + 2;
                records.push(check(r).map_err(|e| bad(line, e))?);
            }
        }
    }
    Ok(records)
}

/// Numbers in range and an id present: an imported review must not poison the schedule.
fn check(r: ReviewRecord) -> Result<ReviewRecord, String> {
    if r.question_id.trim().is_empty() {
        return Err("empty question_id".into());
    }
    if !(0.0..=100.0).contains(&r.score) {
        return Err(format!("score {} is outside 0–100", r.score));
    }
    if r.interval_days < 0 {
        return Err(format!("negative interval_days {}", r.interval_days));
    }
    Ok(r)
}

impl Study {
    /// The practice and study reviews as a [`PracticeLog`], for [`PracticeLog::pick`]'s bias
    /// toward what was practised least.
    ///
    /// # Errors
    /// [`StudyError::Storage`] if the store cannot be read.
    pub fn practice_log(&self) -> Result<PracticeLog, StudyError> {
        let mut log = PracticeLog::default();
        for r in self.reviews()? {
            log.entries.push(crate::interview::PracticeEntry {
                question_id: r.question_id,
                category: r.category,
                level: r.level.parse().unwrap_or(crate::rubric::Level::Mid),
                score: r.score,
                band: r.band,
            });
        }
        Ok(log)
    }
}

/// The answered questions of an interview, finished or not, ready to record: each answer
/// graded again for its concepts, scored as it was graded when given — less the hint's cost,
/// without follow-up credit (a concept recovered only when probed was not recalled unprompted,
/// and the score must not depend on whether the follow-up came before or after recording).
/// Skipped questions are left out. When the transcript has an id, each answer's
/// [`origin`](super::GradedAnswer::origin) is `interview/<id>/<question number>/<question id>`,
/// so recording the same transcript again (after a resume) adds nothing.
///
/// # Errors
/// [`StudyError::Grading`] if a question is not in `bank`.
pub fn interview_answers(
    bank: &crate::Bank,
    transcript: &crate::interview::Transcript,
) -> Result<Vec<super::GradedAnswer>, StudyError> {
    let mut v = Vec::new();
    for turn in &transcript.turns {
        if let Some(a) = interview_answer(bank, transcript, turn)? {
            v.push(a);
        }
    }
    Ok(v)
}

/// One turn of an interview as [`interview_answers`] records it; `None` for a skipped question.
///
/// # Errors
/// [`StudyError::Grading`] if the question is not in `bank`.
pub fn interview_answer(
    bank: &crate::Bank,
    transcript: &crate::interview::Transcript,
    turn: &crate::interview::Turn,
) -> Result<Option<super::GradedAnswer>, StudyError> {
    if turn.outcome != crate::interview::Outcome::Answered {
        return Ok(None);
    }
    let entry = bank.find(&turn.question.id)?;
    let grader = crate::Grader::for_entry(bank, entry)?;
    let grade = grader.grade(&turn.answer)?;
    let mut a = super::GradedAnswer::new(entry, &grade, &turn.answer, Source::Interview);
    let graded = turn.grade.as_ref().map_or(grade.score, |g| g.score);
    let cost = turn.hint.as_ref().map_or(0.0, |h| h.cost.clamp(0.0, 1.0));
    a.score = crate::scoring::round1((graded * (1.0 - cost)).clamp(0.0, 100.0));
    a.band = crate::scoring::Band::of(a.score, &grader.model().bands());
    if let Some(id) = &transcript.id {
        a.origin = Some(format!(
            "interview/{id}/{}/{}",
            turn.question.number, turn.question.id
        ));
    }
    Ok(Some(a))
}
