//! Daily practice: one question at a time, chosen with a bias toward the categories practised
//! least, remembered in a small [`PracticeLog`] file.
//!
//! The pick: each category of the plan's pool gets weight 1 ÷ (1 + times practised), one is
//! drawn with the plan's seed, and inside it the question practised least often is taken (never
//! practised first), ties broken by the seeded shuffle. The log file is JSON with a format marker,
//! written atomically like a transcript.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::error::InterviewError;
use super::plan::Plan;
use super::rng::Rng;
use super::transcript::{read_text, write_atomic, Marker};
use crate::rubric::{Bank, BankEntry, Level};
use crate::scoring::{Band, Grade};

const PRACTICE_MARKER: Marker = Marker {
    format: "rubric-grader/practice-log",
    version: 1,
    what: "practice log",
    a_what: "a practice log",
};

/// Questions practised so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeLog {
    /// Always `rubric-grader/practice-log`.
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// One entry per answer, oldest first.
    pub entries: Vec<PracticeEntry>,
}

/// One practised question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PracticeEntry {
    /// Rubric id.
    pub question_id: String,
    /// Its category.
    pub category: String,
    /// Its level.
    pub level: Level,
    /// The score.
    pub score: f32,
    /// The band.
    pub band: Band,
}

impl Default for PracticeLog {
    fn default() -> PracticeLog {
        PracticeLog {
            format: PRACTICE_MARKER.format.to_string(),
            version: PRACTICE_MARKER.version,
            entries: Vec::new(),
        }
    }
}

impl PracticeLog {
    /// Reads a practice log; a missing file is an empty log.
    ///
    /// # Errors
    /// [`InterviewError::Io`] if it cannot be read; [`InterviewError::Foreign`],
    /// [`InterviewError::UnsupportedVersion`] or [`InterviewError::Corrupt`] if it is not a
    /// practice log this build understands.
    pub fn load_or_default(path: impl AsRef<Path>) -> Result<PracticeLog, InterviewError> {
        let path = path.as_ref();
        if !path.exists() {
            return Ok(PracticeLog::default());
        }
        let text = read_text(path, PRACTICE_MARKER.what)?;
        PracticeLog::from_json(&text, &path.display().to_string())
    }

    fn from_json(text: &str, path: &str) -> Result<PracticeLog, InterviewError> {
        PRACTICE_MARKER.check(text, path)?;
        serde_json::from_str(text).map_err(|e| InterviewError::Corrupt {
            path: path.to_string(),
            what: PRACTICE_MARKER.what,
            reason: e.to_string(),
        })
    }

    /// Writes the log atomically (temporary file and rename).
    ///
    /// # Errors
    /// As [`Transcript::save_atomic`](super::Transcript::save_atomic): I/O, or an existing file
    /// that is not a practice log (left alone).
    pub fn save_atomic(&self, path: impl AsRef<Path>) -> Result<(), InterviewError> {
        let json = serde_json::to_string_pretty(self).unwrap_or_default();
        write_atomic(path.as_ref(), &json, |text, name| {
            PracticeLog::from_json(text, name).map(drop)
        })
    }

    /// Records a graded answer to the question of `entry`.
    pub fn record(&mut self, entry: &BankEntry, grade: &Grade) {
        self.entries.push(PracticeEntry {
            question_id: entry.rubric.id.clone(),
            category: entry.rubric.category.clone(),
            level: entry.rubric.level,
            score: grade.score,
            band: grade.band,
        });
    }

    /// How often each category was practised.
    pub fn times_practised(&self, category: &str) -> usize {
        self.entries
            .iter()
            .filter(|e| e.category == category)
            .count()
    }

    /// Picks the next practice question from the plan's pool (its filters, or its ids), biased
    /// toward the categories practised least; `plan.seed` makes the draw repeatable.
    ///
    /// # Errors
    /// [`InterviewError::NoQuestions`] when the pool is empty; [`InterviewError::Grading`] for an
    /// unknown id in the plan.
    ///
    /// # Example: never-practised categories come first
    /// ```
    /// use rubric_grader::Bank;
    /// use rubric_grader::interview::{PracticeLog, Plan};
    /// let bank = Bank::embedded()?;
    /// let log = PracticeLog::default();
    /// let entry = log.pick(&bank, &Plan { seed: 3, ..Plan::default() })?;
    /// assert!(!entry.rubric.question.is_empty());
    /// # Ok::<(), rubric_grader::interview::InterviewError>(())
    /// ```
    pub fn pick<'a>(&self, bank: &'a Bank, plan: &Plan) -> Result<&'a BankEntry, InterviewError> {
        let pool: Vec<&BankEntry> = if plan.ids.is_empty() {
            plan.pool(bank)
                .into_iter()
                .map(|i| &bank.entries()[i])
                .collect()
        } else {
            let mut v = Vec::new();
            for q in &plan.ids {
                v.push(bank.find(q)?);
            }
            Rng::new(plan.seed).shuffle(&mut v);
            v
        };
        let mut categories: Vec<&str> = pool.iter().map(|e| e.rubric.category.as_str()).collect();
        categories.sort_unstable();
        categories.dedup();
        if categories.is_empty() {
            return Err(InterviewError::NoQuestions {
                filters: plan.describe_filters(bank),
            });
        }
        let weights: Vec<f64> = categories
            .iter()
            .map(|c| 1.0 / (1.0 + self.times_practised(c) as f64))
            .collect();
        let mut rng = Rng::new(plan.seed ^ 0x5052_4143_5449_4345); // "PRACTICE"
        let mut draw = rng.unit() * weights.iter().sum::<f64>();
        let mut chosen = categories[categories.len() - 1];
        for (c, w) in categories.iter().zip(&weights) {
            if draw < *w {
                chosen = c;
                break;
            }
            draw -= w;
        }
        let times = |id: &str| self.entries.iter().filter(|e| e.question_id == id).count();
        pool.iter()
            .enumerate()
            .filter(|(_, e)| e.rubric.category == chosen)
            .min_by_key(|(rank, e)| (times(&e.rubric.id), *rank))
            .map(|(_, e)| *e)
            .ok_or_else(|| InterviewError::NoQuestions {
                filters: plan.describe_filters(bank),
            })
    }
}
