//! The end of an interview: a [`Scorecard`] built from a [`Transcript`] (or from an interviewer's
//! notes), plain data that [`render`](super::render) turns into text, Markdown, JSON or HTML.
//!
//! The rules, so that a scorecard can be explained line by line:
//!
//! - **Scores.** The overall score is the mean of the questions' final scores (a skipped question
//!   counts as 0); a category's or level's score is the mean over its questions. Aggregate bands
//!   use the default thresholds (strong ≥ 80, good ≥ 60, partial ≥ 35).
//! - **Strongest / weakest concepts.** Concepts are per question. The strongest are the covered
//!   concepts with the largest share of their question's score (not counting a concept whose hint
//!   was taken); the weakest are the missed ones
//!   (not recovered by a follow-up), required first, then by share. Five of each at most.
//! - **Level estimate** (`docs/levels.md`: a band is measured against the question's level, and
//!   "a senior engineer should reach strong on junior and mid questions"). Going up from the lowest
//!   level asked, the estimate is the highest level such that it and every level asked below it
//!   average *good* (60) or better. It is a floor when every level asked passed and the highest
//!   averages *strong* (80): harder questions might have gone well too. When even the lowest level
//!   asked averages below good, the estimate is one level below it for *partial* (the doc: partial
//!   is typical of a candidate one level below the question) and two for *weak*, down to junior.
//!   Higher levels that went well above a failed one are named in the reasons, not counted.
//! - **Recommendation**, with n questions, w of them weak or skipped, and m with a misconception
//!   (in the answer or the follow-up):
//!   - strong no hire: overall < 35, or more than half the answers weak (2w > n);
//!   - strong hire: overall ≥ 80, no weak answer and no misconception;
//!   - hire: overall ≥ 60, at most a quarter weak (4w ≤ n), misconceptions in fewer than half
//!     the answers (2m < n);
//!   - no hire otherwise, and when nothing was answered.
//!
//!   Its reasons say which of these held, and add skips, hints, follow-ups and the level estimate.
//! - **What to study next.** The weakest concepts (up to eight), each with its hint, its study
//!   pointer and up to three other questions of the bank that train it: questions not asked in
//!   this session whose model answer covers the concept (graded with the missed question's own
//!   matcher), most shared tags first; questions answered in the session are left out. Skipped
//!   questions come last, pointing at themselves.
//!
//! The numbers above are the default [`Bands`] (strong, good, partial) and the hint cost is
//! [`HINT_COST`](super::HINT_COST); the code reads them from there, never from literals.
//!
//! Layout: `aggregate` (question lines, category and level means, strongest and weakest
//! concepts), `verdict` (level estimate and recommendation), `study` (what to study next) and
//! `notes` (interviewer notes parsed as Markdown) each hold one step; this file holds the data
//! types and wires the steps together.

mod aggregate;
mod notes;
mod study;
mod verdict;

use std::time::Duration;

use serde::{Deserialize, Serialize};

pub use study::StudyItem;
pub(crate) use verdict::hint_cost_percent;
pub use verdict::{LevelEstimate, Recommendation, Verdict};

use super::error::InterviewError;
use super::plan::Plan;
use super::session::Interview;
use super::transcript::{FollowUpStatus, Outcome, RedFlag, Transcript};
use crate::rubric::{Bands, Bank, Level};
use crate::scoring::Band;

/// The summary of a session. Plain data; its JSON form is API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scorecard {
    /// Who was interviewed, if known.
    pub candidate: Option<String>,
    /// Whether the interview had finished (a report on an unfinished transcript says so).
    pub complete: bool,
    /// Mean final score over the questions asked (0–100).
    pub overall: f32,
    /// Band of the overall score.
    pub band: Band,
    /// Each question, in order.
    pub questions: Vec<QuestionScore>,
    /// Per category, by name.
    pub categories: Vec<AreaScore>,
    /// Per level, lowest first.
    pub levels: Vec<LevelScore>,
    /// The most important concepts covered.
    pub strongest: Vec<ConceptScore>,
    /// The most important concepts missed.
    pub weakest: Vec<ConceptScore>,
    /// The level the answers show; none when nothing was asked.
    pub level_estimate: Option<LevelEstimate>,
    /// Hire or not, with reasons.
    pub recommendation: Recommendation,
    /// What to study next.
    pub study: Vec<StudyItem>,
}

/// One question's line on the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuestionScore {
    /// 1-based position.
    pub number: usize,
    /// Rubric id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Category.
    pub category: String,
    /// Level of the question.
    pub level: Level,
    /// Answered or skipped.
    pub outcome: Outcome,
    /// Final score.
    pub score: f32,
    /// Final band.
    pub band: Band,
    /// The grader's score of the answer, before follow-up and hint.
    pub graded_score: Option<f32>,
    /// Concepts covered (follow-up recoveries not included).
    pub covered: usize,
    /// Concepts in the rubric.
    pub concepts: usize,
    /// Whether a hint was taken.
    pub hint: bool,
    /// The follow-up, if one was asked.
    pub follow_up: Option<FollowUpScore>,
    /// Seconds the answer took, when measured.
    pub elapsed_secs: Option<u64>,
    /// The time budget.
    pub time_budget_secs: Option<u32>,
    /// Whether the answer took longer than the budget.
    pub over_budget: bool,
    /// Misconceptions in the answer and the follow-up.
    pub red_flags: Vec<RedFlag>,
}

/// A follow-up's line on the scorecard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUpScore {
    /// The concept it probed.
    pub concept: String,
    /// That concept's label.
    pub label: String,
    /// Answered, declined (or pending, in an unfinished transcript).
    pub status: FollowUpStatus,
    /// Points recovered.
    pub recovered: f32,
}

/// A category's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaScore {
    /// Category name.
    pub name: String,
    /// Questions in it.
    pub questions: usize,
    /// Mean final score.
    pub score: f32,
    /// Band of that mean.
    pub band: Band,
}

/// A level's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelScore {
    /// The level.
    pub level: Level,
    /// Questions at it.
    pub questions: usize,
    /// Mean final score.
    pub score: f32,
    /// Band of that mean.
    pub band: Band,
}

/// A concept of one question, on the strongest or weakest list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptScore {
    /// The question.
    pub question_id: String,
    /// The concept.
    pub concept_id: String,
    /// Its label.
    pub label: String,
    /// Its share of the question's score.
    pub share: f32,
    /// Whether it is required.
    pub required: bool,
}

impl Scorecard {
    /// Sums up a transcript, finished or not. The bank supplies the practice questions of the
    /// study list; questions it does not have are still scored from the transcript.
    pub fn from_transcript(bank: &Bank, transcript: &Transcript) -> Scorecard {
        let turns = &transcript.turns;
        // Aggregates are banded like a grade with the default thresholds; a rubric's own bands
        // apply to its question only.
        let bands = Bands::default();
        let questions: Vec<QuestionScore> = turns.iter().map(aggregate::question_score).collect();
        let overall = aggregate::mean(turns.iter().map(|t| t.score));
        let (categories, levels) = aggregate::areas(turns, &bands);
        let (strongest, weakest) = aggregate::concept_lists(turns);
        let level_estimate = verdict::estimate_level(&levels, &bands);
        let recommendation = verdict::recommend(turns, overall, level_estimate.as_ref(), &bands);
        let study = study::study_list(bank, turns);
        Scorecard {
            candidate: transcript.candidate.clone(),
            complete: transcript.finished,
            overall,
            band: Band::of(overall, &bands),
            questions,
            categories,
            levels,
            strongest,
            weakest,
            level_estimate,
            recommendation,
            study,
        }
    }

    /// Grades an interviewer's notes: one `## <id>` section per question (`## g06`,
    /// `## g06 — Deleted pod`, `## q005: …`), whose body is graded as the answer. Text before the
    /// first section is ignored and an empty section counts as skipped. The notes are parsed as
    /// Markdown (CommonMark): a setext heading (`g06` underlined with `---`) starts a section too,
    /// headings inside fenced code blocks (```` ``` ````, four backticks, `~~~`) or HTML comments
    /// do not, and HTML comments are not graded. A section with a `### Notes`
    /// (or `### Answer`) heading has only the text under that heading graded, so a Markdown
    /// interview kit ([`kit_to_markdown`](super::render::kit_to_markdown)) filled in by hand is a
    /// valid notes file. No follow-ups, no timing.
    ///
    /// # Errors
    /// [`InterviewError::Notes`] with the line for an unknown or repeated question, or when
    /// there is no section; [`InterviewError::Grading`] if a rubric does not compile.
    ///
    /// # Example: two questions from notes
    /// ```
    /// use rubric_grader::Bank;
    /// use rubric_grader::interview::Scorecard;
    /// let bank = Bank::embedded()?;
    /// let notes = "# Notes\n\n## g06\nSIGTERM races endpoint removal; add a preStop sleep.\n\n## q005\n";
    /// let card = Scorecard::from_notes(&bank, notes, Some("Ada"))?;
    /// assert_eq!(card.questions.len(), 2);
    /// assert_eq!(card.questions[1].score, 0.0); // an empty section is a skip
    /// # Ok::<(), rubric_grader::interview::InterviewError>(())
    /// ```
    pub fn from_notes(
        bank: &Bank,
        notes: &str,
        candidate: Option<&str>,
    ) -> Result<Scorecard, InterviewError> {
        let sections = notes::sections(notes);
        if sections.is_empty() {
            return Err(InterviewError::Notes {
                line: 1,
                message: "no `## <id>` section; start each question's notes with a heading such as `## g06`".into(),
            });
        }
        let mut ids: Vec<(String, usize)> = Vec::new();
        for s in &sections {
            if s.query.is_empty() {
                return Err(InterviewError::Notes {
                    line: s.line,
                    message: "a `## ` heading without a question id".into(),
                });
            }
            let entry = bank.find(&s.query).map_err(|e| InterviewError::Notes {
                line: s.line,
                message: e.to_string(),
            })?;
            if let Some((_, first)) = ids.iter().find(|(id, _)| *id == entry.rubric.id) {
                return Err(InterviewError::Notes {
                    line: s.line,
                    message: format!(
                        "question `{}` already has a section (line {first})",
                        entry.rubric.id
                    ),
                });
            }
            ids.push((entry.rubric.id.clone(), s.line));
        }
        let plan = Plan {
            ids: ids.iter().map(|(id, _)| id.clone()).collect(),
            follow_ups: false,
            time_budget_secs: None,
            ..Plan::default()
        };
        let mut interview = Interview::new(bank, plan)?;
        interview.set_candidate(candidate.map(str::to_string));
        for s in &sections {
            if interview.next_question()?.is_none() {
                break;
            }
            if s.body.trim().is_empty() {
                interview.skip()?;
            } else {
                interview.submit(&s.body, Duration::ZERO)?;
            }
        }
        interview.finish()
    }
}

pub(crate) use crate::feedback::fmt_score;

/// `s` unless `n` is 1.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
