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

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::error::InterviewError;
use super::plan::Plan;
use super::session::Interview;
use super::transcript::{
    ConceptMark, FollowUpStatus, Outcome, RedFlag, Transcript, Turn, TurnGrade,
};
use crate::rubric::{Bands, Bank, Level};
use crate::scoring::{round1, Band};

/// How many concepts the strongest and weakest lists hold at most.
const TOP_CONCEPTS: usize = 5;
/// How many study items at most.
const STUDY_ITEMS: usize = 8;
/// How many practice questions per study item at most.
const PRACTICE_IDS: usize = 3;

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

/// The level the answers show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LevelEstimate {
    /// The estimate.
    pub level: Level,
    /// At least this level: the highest level asked went strongly, so the ceiling is unknown.
    pub is_floor: bool,
    /// Why, for people.
    pub reasons: Vec<String>,
}

/// The four-point hiring scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Clear evidence against.
    StrongNoHire,
    /// Not enough for a hire.
    NoHire,
    /// Meets the bar.
    Hire,
    /// Clearly above the bar.
    StrongHire,
}

impl Verdict {
    /// "strong no hire", "no hire", "hire", "strong hire".
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::StrongNoHire => "strong no hire",
            Verdict::NoHire => "no hire",
            Verdict::Hire => "hire",
            Verdict::StrongHire => "strong hire",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A verdict with its reasons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The verdict.
    pub verdict: Verdict,
    /// Why, most decisive first.
    pub reasons: Vec<String>,
}

/// Something to study next.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StudyItem {
    /// The question where it was missed.
    pub question_id: String,
    /// The concept (empty for a skipped question).
    pub concept_id: String,
    /// What it is.
    pub label: String,
    /// The rubric's hint.
    pub hint: String,
    /// What to read, if the rubric says.
    pub study: Option<String>,
    /// Ids of bank questions that train it.
    pub practice: Vec<String>,
}

impl Scorecard {
    /// Sums up a transcript, finished or not. The bank supplies the practice questions of the
    /// study list; questions it does not have are still scored from the transcript.
    pub fn from_transcript(bank: &Bank, transcript: &Transcript) -> Scorecard {
        let turns = &transcript.turns;
        let bands = Bands::default();
        let questions: Vec<QuestionScore> = turns.iter().map(question_score).collect();
        let overall = mean(turns.iter().map(|t| t.score));
        let mut by_category: BTreeMap<&str, Vec<f32>> = BTreeMap::new();
        let mut by_level: BTreeMap<Level, Vec<f32>> = BTreeMap::new();
        for t in turns {
            by_category
                .entry(&t.question.category)
                .or_default()
                .push(t.score);
            by_level.entry(t.question.level).or_default().push(t.score);
        }
        let categories = by_category
            .into_iter()
            .map(|(name, s)| {
                let score = mean(s.iter().copied());
                AreaScore {
                    name: name.to_string(),
                    questions: s.len(),
                    score,
                    band: Band::of(score, &bands),
                }
            })
            .collect();
        let levels: Vec<LevelScore> = by_level
            .into_iter()
            .map(|(level, s)| {
                let score = mean(s.iter().copied());
                LevelScore {
                    level,
                    questions: s.len(),
                    score,
                    band: Band::of(score, &bands),
                }
            })
            .collect();
        let (strongest, weakest) = concept_lists(turns);
        let level_estimate = estimate_level(&levels);
        let recommendation = recommend(turns, overall, level_estimate.as_ref());
        let study = study_list(bank, turns);
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
    /// first section is ignored, an empty section counts as skipped, headings inside fenced code
    /// blocks do not start sections, and HTML comments are ignored. A section with a `### Notes`
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
        let sections = note_sections(notes);
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

/// One `## <id>` section of interviewer notes.
struct NoteSection {
    query: String,
    /// 1-based line of the heading.
    line: usize,
    body: String,
}

fn note_sections(notes: &str) -> Vec<NoteSection> {
    let mut sections: Vec<NoteSection> = Vec::new();
    let mut fence = Fence::default();
    for (i, line) in notes.lines().enumerate() {
        if !fence.update(line) {
            if let Some(rest) = line.strip_prefix("## ") {
                let query: String = rest
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_')
                    .to_string();
                sections.push(NoteSection {
                    query,
                    line: i + 1,
                    body: String::new(),
                });
                continue;
            }
        }
        if let Some(s) = sections.last_mut() {
            s.body.push_str(line);
            s.body.push('\n');
        }
    }
    for s in &mut sections {
        s.body = answer_text(&s.body);
    }
    sections
}

/// Tracks fenced code blocks (```` ``` ```` or `~~~`) line by line.
#[derive(Default)]
struct Fence(Option<&'static str>);

impl Fence {
    /// Feeds a line; true if it is a fence line or inside a fenced block.
    fn update(&mut self, line: &str) -> bool {
        let trimmed = line.trim_start();
        match ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            Some(marker) => {
                self.0 = match self.0 {
                    Some(open) if open == marker => None,
                    Some(open) => Some(open),
                    None => Some(marker),
                };
                true
            }
            None => self.0.is_some(),
        }
    }
}

/// What to grade in a section: without HTML comments, and when the section has a `### Notes` or
/// `### Answer` heading (as an interview kit printed in Markdown does), only the text under it —
/// the kit's checklist and model answer must not be graded as the candidate's answer.
fn answer_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("<!--") {
        text.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    text.push_str(rest);
    let is_answer_heading = |l: &str| {
        let l = l.trim().to_ascii_lowercase();
        l == "### notes" || l == "### answer"
    };
    let lines: Vec<&str> = text.lines().collect();
    let Some(start) = lines.iter().position(|l| is_answer_heading(l)) else {
        return text;
    };
    let mut fence = Fence::default();
    let mut out = String::new();
    for line in &lines[start + 1..] {
        if !fence.update(line) && line.starts_with("### ") {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn mean(xs: impl Iterator<Item = f32>) -> f32 {
    let (sum, n) = xs.fold((0.0f32, 0usize), |(s, n), x| (s + x, n + 1));
    if n == 0 {
        0.0
    } else {
        round1(sum / n as f32)
    }
}

fn question_score(t: &Turn) -> QuestionScore {
    let mut red_flags: Vec<RedFlag> = t
        .grade
        .iter()
        .flat_map(|g| g.misconceptions.iter().cloned())
        .collect();
    if let Some(f) = &t.follow_up {
        red_flags.extend(f.misconceptions.iter().cloned());
    }
    QuestionScore {
        number: t.question.number,
        id: t.question.id.clone(),
        title: t.question.title.clone(),
        category: t.question.category.clone(),
        level: t.question.level,
        outcome: t.outcome,
        score: t.score,
        band: t.band,
        graded_score: t.grade.as_ref().map(|g| g.score),
        covered: t
            .grade
            .as_ref()
            .map_or(0, |g| g.concepts.iter().filter(|c| c.hit).count()),
        concepts: t.grade.as_ref().map_or(0, |g| g.concepts.len()),
        hint: t.hint.is_some(),
        follow_up: t.follow_up.as_ref().map(|f| FollowUpScore {
            concept: f.concept.clone(),
            label: f.label.clone(),
            status: f.status,
            recovered: f.recovered,
        }),
        elapsed_secs: (t.elapsed_ms > 0).then_some(t.elapsed_ms.div_ceil(1000)),
        time_budget_secs: t.question.time_budget_secs,
        over_budget: t.over_budget,
        red_flags,
    }
}

fn concept_lists(turns: &[Turn]) -> (Vec<ConceptScore>, Vec<ConceptScore>) {
    let mut hits: Vec<(usize, ConceptScore)> = Vec::new();
    let mut misses: Vec<(usize, ConceptScore)> = Vec::new();
    for (ti, t) in turns.iter().enumerate() {
        let Some(g) = &t.grade else { continue };
        for m in &g.concepts {
            let cs = ConceptScore {
                question_id: t.question.id.clone(),
                concept_id: m.id.clone(),
                label: m.label.clone(),
                share: m.share,
                required: m.required,
            };
            // A concept covered right after its hint was shown is no sign of strength.
            let hinted = t.hint.as_ref().is_some_and(|h| h.concept == m.id);
            if m.hit {
                // Covered with a hint: neither a strength nor a miss.
                if !hinted {
                    hits.push((ti, cs));
                }
            } else if !m.recovered && !group_complete(g, m.group.as_deref()) {
                misses.push((ti, cs));
            }
        }
    }
    let by_importance = |a: &(usize, ConceptScore), b: &(usize, ConceptScore)| {
        b.1.required
            .cmp(&a.1.required)
            .then(b.1.share.total_cmp(&a.1.share))
            .then(a.0.cmp(&b.0))
    };
    hits.sort_by(|a, b| b.1.share.total_cmp(&a.1.share).then(a.0.cmp(&b.0)));
    misses.sort_by(by_importance);
    let take = |v: Vec<(usize, ConceptScore)>| {
        v.into_iter()
            .take(TOP_CONCEPTS)
            .map(|(_, c)| c)
            .collect::<Vec<_>>()
    };
    (take(hits), take(misses))
}

/// Whether a concept's group already has full credit, so missing one more member costs nothing.
fn group_complete(g: &TurnGrade, group: Option<&str>) -> bool {
    group
        .and_then(|id| g.groups.iter().find(|gm| gm.id == id))
        .is_some_and(|gm| {
            let covered = g
                .concepts
                .iter()
                .filter(|c| c.group.as_deref() == Some(gm.id.as_str()) && (c.hit || c.recovered))
                .count();
            covered >= gm.k
        })
}

fn estimate_level(levels: &[LevelScore]) -> Option<LevelEstimate> {
    let lowest = levels.first()?;
    let line = |l: &LevelScore| {
        format!(
            "{} questions average {} ({})",
            l.level,
            fmt_score(l.score),
            l.band
        )
    };
    // `levels` is lowest first: the estimate climbs while each level averages good.
    let passed: Vec<&LevelScore> = levels.iter().take_while(|l| l.score >= 60.0).collect();
    let failed = levels.iter().find(|l| l.score < 60.0);
    let mut reasons: Vec<String> = passed.iter().map(|l| line(l)).collect();
    let (level, is_floor) = match passed.last() {
        Some(shown) => {
            let is_floor = failed.is_none() && shown.score >= 80.0 && shown.level != Level::Staff;
            match failed {
                Some(f) => reasons.push(format!("{}: below good", line(f))),
                None if is_floor => reasons.push(format!(
                    "no question above {} was asked, so this is a floor",
                    shown.level
                )),
                None => {}
            }
            (shown.level, is_floor)
        }
        None => {
            let steps = if lowest.score >= 35.0 { 1 } else { 2 };
            let index = Level::ALL
                .iter()
                .position(|l| *l == lowest.level)
                .unwrap_or(0)
                .saturating_sub(steps);
            reasons.push(format!(
                "{}, typical of a candidate {} below the question",
                line(lowest),
                if steps == 1 {
                    "one level"
                } else {
                    "two levels"
                }
            ));
            (Level::ALL[index], false)
        }
    };
    if let Some(f) = failed {
        for l in levels
            .iter()
            .filter(|l| l.level > f.level && l.score >= 60.0)
        {
            reasons.push(format!(
                "{}, but every level up to the estimate must average good",
                line(l)
            ));
        }
    }
    Some(LevelEstimate {
        level,
        is_floor,
        reasons,
    })
}

fn recommend(turns: &[Turn], overall: f32, level: Option<&LevelEstimate>) -> Recommendation {
    let n = turns.len();
    if n == 0 {
        return Recommendation {
            verdict: Verdict::NoHire,
            reasons: vec!["no question was answered".into()],
        };
    }
    let count = |b: Band| turns.iter().filter(|t| t.band == b).count();
    let weak = count(Band::Weak);
    let flagged: Vec<&Turn> = turns
        .iter()
        .filter(|t| {
            t.grade
                .as_ref()
                .is_some_and(|g| !g.misconceptions.is_empty())
                || t.follow_up
                    .as_ref()
                    .is_some_and(|f| !f.misconceptions.is_empty())
        })
        .collect();
    let m = flagged.len();
    let flag_list = || {
        flagged
            .iter()
            .flat_map(|t| {
                let labels: Vec<String> = t
                    .grade
                    .iter()
                    .flat_map(|g| g.misconceptions.iter())
                    .chain(t.follow_up.iter().flat_map(|f| f.misconceptions.iter()))
                    .map(|f| format!("{} ({})", f.label, t.question.id))
                    .collect();
                labels
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut reasons = vec![format!(
        "overall {}/100 ({}) over {n} question{}: {} strong, {} good, {} partial, {weak} weak",
        fmt_score(overall),
        Band::of(overall, &Bands::default()),
        plural(n),
        count(Band::Strong),
        count(Band::Good),
        count(Band::Partial),
    )];
    let verdict = if overall < 35.0 || 2 * weak > n {
        if overall < 35.0 {
            reasons.push("the overall score is below 35".into());
        }
        if 2 * weak > n {
            reasons.push(format!(
                "{weak} of {n} answers were weak or skipped (more than half)"
            ));
        }
        Verdict::StrongNoHire
    } else if overall >= 80.0 && weak == 0 && m == 0 {
        reasons.push("no weak answer and no misconception".into());
        Verdict::StrongHire
    } else if overall >= 60.0 && 4 * weak <= n && 2 * m < n {
        if overall < 80.0 {
            reasons.push("the overall score is below 80, short of strong hire".into());
        }
        if weak > 0 {
            reasons.push(format!(
                "{weak} weak or skipped answer{}, short of strong hire",
                plural(weak)
            ));
        }
        if m > 0 {
            reasons.push(format!("misconceptions: {}", flag_list()));
        }
        Verdict::Hire
    } else {
        if overall < 60.0 {
            reasons.push("the overall score is below 60".into());
        }
        if 4 * weak > n {
            reasons.push(format!(
                "{weak} of {n} answers were weak or skipped (more than a quarter)"
            ));
        }
        if 2 * m >= n {
            reasons.push(format!(
                "misconceptions in {m} of {n} answers: {}",
                flag_list()
            ));
        } else if m > 0 {
            reasons.push(format!("misconceptions: {}", flag_list()));
        }
        Verdict::NoHire
    };
    let answered = turns
        .iter()
        .filter(|t| t.outcome == Outcome::Answered)
        .count();
    if answered < 2 {
        reasons.push(format!(
            "only {answered} question{} answered: little evidence",
            plural(answered)
        ));
    }
    let skipped = n - answered;
    if skipped > 0 {
        reasons.push(format!("{skipped} question{} skipped", plural(skipped)));
    }
    let hints = turns.iter().filter(|t| t.hint.is_some()).count();
    if hints > 0 {
        reasons.push(format!(
            "hints taken on {hints} question{} (−10% each)",
            plural(hints)
        ));
    }
    let probes: Vec<_> = turns.iter().filter_map(|t| t.follow_up.as_ref()).collect();
    if !probes.is_empty() {
        let answered = probes
            .iter()
            .filter(|f| f.status == FollowUpStatus::Answered)
            .count();
        let recovered = probes.iter().filter(|f| f.hit).count();
        reasons.push(format!(
            "follow-ups: {recovered} of {} recovered credit ({answered} answered)",
            probes.len()
        ));
    }
    if let Some(l) = level {
        reasons.push(format!(
            "level estimate: {}{}",
            l.level,
            if l.is_floor { " or above" } else { "" }
        ));
    }
    Recommendation { verdict, reasons }
}

fn study_list(bank: &Bank, turns: &[Turn]) -> Vec<StudyItem> {
    // Questions answered in this session are not suggested again; skipped ones may be.
    let asked: Vec<&str> = turns
        .iter()
        .filter(|t| t.outcome == Outcome::Answered)
        .map(|t| t.question.id.as_str())
        .collect();
    let mut misses: Vec<(usize, &ConceptMark)> = Vec::new();
    for (ti, t) in turns.iter().enumerate() {
        if let Some(g) = &t.grade {
            for m in &g.concepts {
                if !m.hit && !m.recovered && !group_complete(g, m.group.as_deref()) {
                    misses.push((ti, m));
                }
            }
        }
    }
    misses.sort_by(|a, b| {
        b.1.required
            .cmp(&a.1.required)
            .then(b.1.share.total_cmp(&a.1.share))
            .then(a.0.cmp(&b.0))
    });
    let mut trainers = Trainers {
        bank,
        asked: &asked,
        cache: HashMap::new(),
    };
    let mut items: Vec<StudyItem> = misses
        .into_iter()
        .take(STUDY_ITEMS)
        .map(|(ti, m)| {
            let qid = &turns[ti].question.id;
            StudyItem {
                question_id: qid.clone(),
                concept_id: m.id.clone(),
                label: m.label.clone(),
                hint: m.hint.clone().unwrap_or_default(),
                study: m.study.clone(),
                practice: trainers.of(qid, &m.id),
            }
        })
        .collect();
    for t in turns.iter().filter(|t| t.outcome == Outcome::Skipped) {
        if items.len() >= STUDY_ITEMS {
            break;
        }
        items.push(StudyItem {
            question_id: t.question.id.clone(),
            concept_id: String::new(),
            label: t.question.title.clone(),
            hint: "skipped: read its model answer, then answer it again".into(),
            study: None,
            practice: vec![t.question.id.clone()],
        });
    }
    items
}

/// Finds bank questions that train a concept: those whose model answer the concept's own matcher
/// finds it in. One grader per source question, and each model answer graded once per source.
struct Trainers<'a> {
    bank: &'a Bank,
    asked: &'a [&'a str],
    /// Per source question: for each other entry (by index), which concepts its model answer hits.
    cache: HashMap<String, Vec<(usize, Vec<String>)>>,
}

impl Trainers<'_> {
    fn of(&mut self, question: &str, concept: &str) -> Vec<String> {
        let bank = self.bank;
        let asked = self.asked;
        let Some(source) = bank.entries().iter().find(|e| e.rubric.id == question) else {
            return Vec::new();
        };
        let hits = self.cache.entry(question.to_string()).or_insert_with(|| {
            let Ok(grader) = crate::Grader::for_entry(bank, source) else {
                return Vec::new();
            };
            bank.entries()
                .iter()
                .enumerate()
                .filter(|(_, e)| e.rubric.id != question && !asked.contains(&e.rubric.id.as_str()))
                .filter_map(|(i, e)| {
                    let grade = grader.grade(&e.rubric.model_answer).ok()?;
                    let hit: Vec<String> = grade.covered().map(|c| c.id.clone()).collect();
                    (!hit.is_empty()).then_some((i, hit))
                })
                .collect()
        });
        let shared_tags = |i: usize| {
            bank.entries()[i]
                .rubric
                .tags
                .iter()
                .filter(|t| source.rubric.tags.contains(t))
                .count()
        };
        let mut found: Vec<(usize, usize)> = hits
            .iter()
            .filter(|(_, ids)| ids.iter().any(|id| id == concept))
            .map(|(i, _)| (*i, shared_tags(*i)))
            .collect();
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        found
            .into_iter()
            .take(PRACTICE_IDS)
            .map(|(i, _)| bank.entries()[i].rubric.id.clone())
            .collect()
    }
}

pub(crate) fn fmt_score(x: f32) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
