//! The interview state machine.
//!
//! ```text
//!            next_question ┌────────┐  submit ─┬─(no probe)──────────────▶ Ready
//!   Ready ────────────────▶│ Asking │  skip ───┘
//!     ▲   ◀── None: done   └────────┘  submit ──(probe)──▶ FollowUp ── answer_follow_up / skip ──▶ Ready
//!     │                      hint (once, charged once)
//!   finish (from any phase but Finished) ──▶ Finished
//! ```
//!
//! Each step checks the phase first and returns [`InterviewError::InvalidStep`] without changing
//! anything when it does not fit. Grading errors (an answer over the size limit) also leave the
//! question open. The [`Transcript`] is updated in place after every step, so saving it after
//! each call is enough to resume.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::error::{InterviewError, Phase, Step};
use super::plan::{Asked, Plan, Selector};
use super::scorecard::Scorecard;
use super::transcript::{
    ConceptMark, FollowUpStatus, FollowUpTurn, GroupMark, Hint, OpenQuestion, Outcome, Question,
    RedFlag, SubmittedAnswer, Transcript, Turn, TurnGrade, TRANSCRIPT_FORMAT,
};
use crate::feedback::Feedback;
use crate::grader::Grader;
use crate::rubric::{Bank, BankEntry, Rubric};
use crate::scoring::{round1, Band, Grade, MisconceptionResult, ScoringModel};

/// What a hint costs: this fraction of the question's final score.
pub const HINT_COST: f32 = 0.10;

/// What a follow-up that covers the probed concept earns back: this fraction of the concept's
/// share of the score.
pub const FOLLOW_UP_RECOVERY: f32 = 0.5;

/// An answer just graded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Graded {
    /// The turn as recorded; its `follow_up` is pending when a probe should be asked.
    pub turn: Turn,
    /// The full grade, for immediate feedback with [`crate::feedback::render`].
    pub grade: Grade,
    /// What to tell the candidate about it.
    pub feedback: Feedback,
}

impl Graded {
    /// The follow-up probe to ask now, if any.
    pub fn follow_up(&self) -> Option<&FollowUpTurn> {
        self.turn
            .follow_up
            .as_ref()
            .filter(|f| f.status == FollowUpStatus::Pending)
    }
}

/// A mock interview in progress: a state machine over a [`Plan`] and a [`Bank`].
///
/// # Example: an invalid step is an error, not a panic
/// ```
/// use std::time::Duration;
/// use rubric_grader::Bank;
/// use rubric_grader::interview::{Interview, InterviewError, Phase, Plan, Step};
///
/// let bank = Bank::embedded()?;
/// let mut interview = Interview::new(&bank, Plan::default())?;
/// let err = interview.submit("too early", Duration::ZERO).unwrap_err();
/// assert!(matches!(err, InterviewError::InvalidStep { step: Step::Submit, phase: Phase::Ready }));
/// assert_eq!(err.to_string(), "cannot submit an answer when no question is open");
/// # Ok::<(), InterviewError>(())
/// ```
#[derive(Debug)]
pub struct Interview<'b> {
    bank: &'b Bank,
    selector: Selector,
    transcript: Transcript,
    /// The grader of the open question, or of the question whose follow-up is pending.
    grader: Option<Grader>,
}

impl<'b> Interview<'b> {
    /// Starts an interview.
    ///
    /// # Errors
    /// An unknown or ambiguous id in the plan ([`InterviewError::Grading`]) or filters that match
    /// no question ([`InterviewError::NoQuestions`]).
    pub fn new(bank: &'b Bank, plan: Plan) -> Result<Interview<'b>, InterviewError> {
        let selector = Selector::new(bank, &plan)?;
        Ok(Interview {
            bank,
            selector,
            transcript: Transcript::new(plan),
            grader: None,
        })
    }

    /// Continues an unfinished interview from its transcript: an open question is asked again
    /// (with its hint, still charged), a pending follow-up is still pending.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] for a finished transcript; [`InterviewError::Mismatch`]
    /// when it is not a transcript or names a question the bank does not have; as
    /// [`Interview::new`] for its plan.
    pub fn resume(bank: &'b Bank, transcript: Transcript) -> Result<Interview<'b>, InterviewError> {
        if transcript.format != TRANSCRIPT_FORMAT {
            return Err(InterviewError::Mismatch {
                reason: format!(
                    "its format is `{}`, not `{TRANSCRIPT_FORMAT}`",
                    transcript.format
                ),
            });
        }
        transcript.check_bank(bank)?;
        if transcript.finished {
            return Err(InterviewError::InvalidStep {
                step: Step::Resume,
                phase: Phase::Finished,
            });
        }
        let pending = transcript
            .turns
            .last()
            .filter(|t| t.has_pending_follow_up());
        if let Some(stale) = transcript
            .turns
            .iter()
            .rev()
            .skip(1)
            .find(|t| t.has_pending_follow_up())
        {
            return Err(InterviewError::Mismatch {
                reason: format!(
                    "question `{}` has a pending follow-up but is not the last one",
                    stale.question.id
                ),
            });
        }
        let needs_grader = match (&transcript.open, pending) {
            (Some(_), Some(t)) => {
                return Err(InterviewError::Mismatch {
                    reason: format!(
                        "a question is open while the follow-up of `{}` is pending",
                        t.question.id
                    ),
                })
            }
            (Some(open), None) => Some(open.question.id.clone()),
            (None, Some(t)) => Some(t.question.id.clone()),
            (None, None) => None,
        };
        let selector = Selector::new(bank, &transcript.plan)?;
        let grader = match needs_grader {
            Some(id) => Some(Grader::for_entry(bank, entry_by_id(bank, &id)?)?),
            None => None,
        };
        Ok(Interview {
            bank,
            selector,
            transcript,
            grader,
        })
    }

    /// Where the interview stands.
    pub fn phase(&self) -> Phase {
        if self.transcript.finished {
            Phase::Finished
        } else if self.transcript.open.is_some() {
            Phase::Asking
        } else if self
            .transcript
            .turns
            .last()
            .is_some_and(Turn::has_pending_follow_up)
        {
            Phase::FollowUp
        } else {
            Phase::Ready
        }
    }

    /// The record so far; save it after every step with [`Transcript::save_atomic`].
    pub fn transcript(&self) -> &Transcript {
        &self.transcript
    }

    /// The record, ending the borrow of the bank.
    pub fn into_transcript(self) -> Transcript {
        self.transcript
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.transcript.plan
    }

    /// How many questions the interview has.
    pub fn total(&self) -> usize {
        self.selector.total()
    }

    /// The interview's unique id, made now if the transcript has none (a new interview, or
    /// one from an older build): 16 hex digits from the clock, the process and a per-process
    /// random key. Save the transcript afterwards so the id stays.
    pub fn ensure_id(&mut self) -> &str {
        use std::hash::{BuildHasher, Hasher};
        self.transcript.id.get_or_insert_with(|| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            h.write_u128(nanos);
            h.write_u32(std::process::id());
            h.write_u64(self.transcript.plan.seed);
            format!("{:016x}", h.finish())
        })
    }

    /// Records who is being interviewed (shown on the scorecard).
    pub fn set_candidate(&mut self, name: Option<String>) -> &mut Self {
        self.transcript.candidate = name;
        self
    }

    /// The open question, if any (after a resume, the question to show again).
    pub fn current_question(&self) -> Option<&Question> {
        self.transcript.open.as_ref().map(|o| &o.question)
    }

    /// The hint already taken for the open question, if any.
    pub fn current_hint(&self) -> Option<&Hint> {
        self.transcript.open.as_ref().and_then(|o| o.hint.as_ref())
    }

    /// The follow-up waiting for an answer, if any.
    pub fn pending_follow_up(&self) -> Option<&FollowUpTurn> {
        self.transcript
            .turns
            .last()
            .and_then(|t| t.follow_up.as_ref())
            .filter(|f| f.status == FollowUpStatus::Pending)
    }

    fn check(&self, step: Step, allowed: &[Phase]) -> Result<(), InterviewError> {
        let phase = self.phase();
        if allowed.contains(&phase) {
            Ok(())
        } else {
            Err(InterviewError::InvalidStep { step, phase })
        }
    }

    /// Asks the next question of the plan, or returns `None` when every question has been asked
    /// (then call [`Interview::finish`]).
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless the phase is [`Phase::Ready`];
    /// [`InterviewError::Grading`] if the question's rubric does not compile.
    pub fn next_question(&mut self) -> Result<Option<Question>, InterviewError> {
        self.check(Step::NextQuestion, &[Phase::Ready])?;
        let asked: Vec<Asked<'_>> = self
            .transcript
            .turns
            .iter()
            .map(|t| Asked {
                id: &t.question.id,
                category: &t.question.category,
                band: Some(t.band),
            })
            .collect();
        let Some(index) = self.selector.next(self.bank, &asked) else {
            return Ok(None);
        };
        let entry = &self.bank.entries()[index];
        let grader = Grader::for_entry(self.bank, entry)?;
        let r = &entry.rubric;
        let question = Question {
            number: self.transcript.turns.len() + 1,
            total: self.selector.total(),
            id: r.id.clone(),
            title: r.title.clone(),
            category: r.category.clone(),
            level: r.level,
            text: r.question.clone(),
            time_budget_secs: self.transcript.plan.time_budget_secs,
        };
        self.transcript.open = Some(OpenQuestion {
            submitted: None,
            question: question.clone(),
            hint: None,
        });
        self.grader = Some(grader);
        Ok(Some(question))
    }

    /// The hint of the open question's most important concept (required first, then by share of
    /// the score). It costs [`HINT_COST`] of the question's final score, charged once: asking
    /// again returns the same hint at no further cost.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless a question is open.
    pub fn hint(&mut self) -> Result<Hint, InterviewError> {
        self.check(Step::Hint, &[Phase::Asking])?;
        let grader = grader_of(&self.grader)?;
        let rubric = grader.rubric();
        let hint = match grader.model().importance().first() {
            Some(&i) => Hint {
                concept: rubric.concepts[i].id.clone(),
                label: rubric.concepts[i].label.clone(),
                text: rubric.concepts[i].hint.clone(),
                cost: HINT_COST,
            },
            None => Hint {
                concept: String::new(),
                label: String::new(),
                text: "this question has no concepts to hint at".into(),
                cost: 0.0,
            },
        };
        let Some(open) = self.transcript.open.as_mut() else {
            return Err(no_state("an open question"));
        };
        Ok(open.hint.get_or_insert(hint).clone())
    }

    /// Records `answer` to the open question or the pending follow-up without grading it, so
    /// that saving the transcript now makes the answer durable: a session killed before grading
    /// finds it with [`Interview::recorded_answer`] on resume and grades it then.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless a question is open or a follow-up pending;
    /// [`InterviewError::Grading`] for an answer over the size limit (nothing is recorded and
    /// the session goes on).
    pub fn record_answer(&mut self, answer: &str, elapsed: Duration) -> Result<(), InterviewError> {
        self.check(Step::Submit, &[Phase::Asking, Phase::FollowUp])?;
        grader_of(&self.grader)?.check_size(answer)?;
        let elapsed_ms = millis(elapsed);
        if let Some(open) = self.transcript.open.as_mut() {
            open.submitted = Some(SubmittedAnswer {
                text: answer.to_string(),
                elapsed_ms,
            });
        } else if let Some(fu) = self
            .transcript
            .turns
            .last_mut()
            .and_then(|t| t.follow_up.as_mut())
        {
            fu.answer = answer.to_string();
            fu.elapsed_ms = elapsed_ms;
        }
        Ok(())
    }

    /// An answer recorded with [`Interview::record_answer`] and not graded yet (after a resume),
    /// with its time.
    pub fn recorded_answer(&self) -> Option<(&str, Duration)> {
        match self.phase() {
            Phase::Asking => self
                .transcript
                .open
                .as_ref()
                .and_then(|o| o.submitted.as_ref())
                .map(|s| (s.text.as_str(), Duration::from_millis(s.elapsed_ms))),
            Phase::FollowUp => self
                .transcript
                .turns
                .last()
                .and_then(|t| t.follow_up.as_ref())
                .filter(|f| !f.answer.is_empty())
                .map(|f| (f.answer.as_str(), Duration::from_millis(f.elapsed_ms))),
            _ => None,
        }
    }

    /// Grades the answer to the open question. When follow-ups are on and the answer missed a
    /// concept that has a follow-up text, the most important one becomes a pending probe (see
    /// [`Graded::follow_up`]); answer it with [`Interview::answer_follow_up`] or [`Interview::skip`] it.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless a question is open; [`InterviewError::Grading`] for
    /// an answer over the grader's size limit (the question stays open).
    pub fn submit(&mut self, answer: &str, elapsed: Duration) -> Result<Graded, InterviewError> {
        self.check(Step::Submit, &[Phase::Asking])?;
        let grader = grader_of(&self.grader)?;
        let grade = grader.grade(answer)?;
        let feedback = grader.feedback(&grade);
        let rubric = grader.rubric();
        let Some(open) = self.transcript.open.take() else {
            return Err(no_state("an open question"));
        };
        let follow_up = if self.transcript.plan.follow_ups {
            feedback.follow_up.as_ref().map(|f| FollowUpTurn {
                concept: f.concept.clone(),
                label: rubric
                    .concepts
                    .iter()
                    .find(|c| c.id == f.concept)
                    .map(|c| c.label.clone())
                    .unwrap_or_default(),
                question: f.question.clone(),
                status: FollowUpStatus::Pending,
                answer: String::new(),
                elapsed_ms: 0,
                hit: false,
                recovered: 0.0,
                misconceptions: Vec::new(),
            })
        } else {
            None
        };
        let elapsed_ms = millis(elapsed);
        let mut turn = Turn {
            over_budget: over_budget(&open.question, elapsed_ms),
            question: open.question,
            outcome: Outcome::Answered,
            answer: answer.to_string(),
            elapsed_ms,
            hint: open.hint,
            grade: Some(turn_grade(rubric, grader.model(), &grade, &feedback)),
            follow_up,
            score: 0.0,
            band: Band::Weak,
        };
        settle(&mut turn, rubric);
        if !turn.has_pending_follow_up() {
            self.grader = None;
        }
        self.transcript.turns.push(turn.clone());
        Ok(Graded {
            turn,
            grade,
            feedback,
        })
    }

    /// Grades the answer to the pending follow-up against the probed concept (and its group) and
    /// credits [`FOLLOW_UP_RECOVERY`] of the concept's share when it is covered. Returns the
    /// updated turn.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless a follow-up is pending; [`InterviewError::Grading`]
    /// for an answer over the size limit (the follow-up stays pending).
    pub fn answer_follow_up(
        &mut self,
        answer: &str,
        elapsed: Duration,
    ) -> Result<Turn, InterviewError> {
        self.check(Step::AnswerFollowUp, &[Phase::FollowUp])?;
        let grader = grader_of(&self.grader)?;
        let (question, concept) = self
            .transcript
            .turns
            .last()
            .and_then(|t| t.follow_up.as_ref())
            .map(|f| (f.question.clone(), f.concept.clone()))
            .ok_or_else(|| no_state("a pending follow-up"))?;
        // The probe's question is the context of the answer.
        let grade = grader.grade_follow_up(&question, &concept, answer)?;
        let rubric = grader.rubric();
        let model = grader.model();
        let Some(turn) = self.transcript.turns.last_mut() else {
            return Err(no_state("a turn with a pending follow-up"));
        };
        let (Some(fu), Some(tg)) = (turn.follow_up.as_mut(), turn.grade.as_mut()) else {
            return Err(no_state("a graded answer for the pending follow-up"));
        };
        let probed = rubric.concepts.iter().position(|c| c.id == fu.concept);
        let hit_now = |id: &str| grade.concept(id).is_some_and(|c| c.hit);
        let missed_before = |id: &str| tg.concepts.iter().any(|m| m.id == id && !m.hit);
        let group = probed
            .and_then(|i| model.group_of(i))
            .map(|g| &rubric.groups[g]);
        let hit = hit_now(&fu.concept)
            || group.is_some_and(|g| g.concepts.iter().any(|id| missed_before(id) && hit_now(id)));
        fu.status = FollowUpStatus::Answered;
        fu.answer = answer.to_string();
        fu.elapsed_ms = millis(elapsed);
        fu.hit = hit;
        fu.recovered = match (hit, probed) {
            (true, Some(i)) => round1(FOLLOW_UP_RECOVERY * model.share(i)),
            _ => 0.0,
        };
        fu.misconceptions = grade.misconceptions.iter().map(red_flag).collect();
        if hit {
            if let Some(m) = tg.concepts.iter_mut().find(|m| m.id == fu.concept) {
                m.recovered = true;
            }
        }
        settle(turn, rubric);
        let turn = turn.clone();
        self.grader = None;
        Ok(turn)
    }

    /// Skips the open question (it scores 0) or declines the pending follow-up (no credit is
    /// recovered). Returns the recorded turn.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] unless a question is open or a follow-up pending.
    pub fn skip(&mut self) -> Result<Turn, InterviewError> {
        self.check(Step::Skip, &[Phase::Asking, Phase::FollowUp])?;
        let rubric = self.rubric()?.clone();
        let turn = match self.transcript.open.take() {
            Some(open) => {
                let mut turn = skipped(open);
                settle(&mut turn, &rubric);
                self.transcript.turns.push(turn.clone());
                turn
            }
            None => {
                let Some(turn) = self.transcript.turns.last_mut() else {
                    return Err(no_state("a turn with a pending follow-up"));
                };
                if let Some(fu) = turn.follow_up.as_mut() {
                    fu.status = FollowUpStatus::Declined;
                }
                settle(turn, &rubric);
                turn.clone()
            }
        };
        self.grader = None;
        Ok(turn)
    }

    /// Ends the interview and sums it up. An open question is recorded as skipped and a pending
    /// follow-up as declined; questions never asked do not count.
    ///
    /// # Errors
    /// [`InterviewError::InvalidStep`] if the interview has already finished.
    pub fn finish(&mut self) -> Result<Scorecard, InterviewError> {
        match self.phase() {
            Phase::Asking | Phase::FollowUp => {
                self.skip()?;
            }
            Phase::Ready => {}
            Phase::Finished => return Err(self.invalid(Step::Finish)),
        }
        self.transcript.finished = true;
        self.grader = None;
        Ok(Scorecard::from_transcript(self.bank, &self.transcript))
    }

    fn invalid(&self, step: Step) -> InterviewError {
        InterviewError::InvalidStep {
            step,
            phase: self.phase(),
        }
    }

    fn rubric(&self) -> Result<&Rubric, InterviewError> {
        grader_of(&self.grader).map(Grader::rubric)
    }
}

/// The grader of the open question or pending follow-up.
///
/// Every phase that needs one (Asking, FollowUp) has one: `next_question`, `submit` and `resume`
/// set it. The phase is checked before each step, so the errors here and in [`no_state`] mean a
/// broken invariant; they are errors rather than panics all the same.
fn grader_of(grader: &Option<Grader>) -> Result<&Grader, InterviewError> {
    grader
        .as_ref()
        .ok_or_else(|| no_state("a grader for the current question"))
}

fn no_state(what: &str) -> InterviewError {
    InterviewError::Mismatch {
        reason: format!("the interview's state has no {what}"),
    }
}

/// The bank entry with exactly this id.
pub(crate) fn entry_by_id<'a>(bank: &'a Bank, id: &str) -> Result<&'a BankEntry, InterviewError> {
    bank.entries()
        .iter()
        .find(|e| e.rubric.id == id)
        .ok_or_else(|| InterviewError::Mismatch {
            reason: format!("question `{id}` is not in the bank"),
        })
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn over_budget(q: &Question, elapsed_ms: u64) -> bool {
    q.time_budget_secs
        .is_some_and(|b| elapsed_ms > u64::from(b) * 1000)
}

fn skipped(open: OpenQuestion) -> Turn {
    Turn {
        question: open.question,
        outcome: Outcome::Skipped,
        answer: String::new(),
        elapsed_ms: 0,
        over_budget: false,
        hint: open.hint,
        grade: None,
        follow_up: None,
        score: 0.0,
        band: Band::Weak,
    }
}

fn red_flag(m: &MisconceptionResult) -> RedFlag {
    RedFlag {
        id: m.id.clone(),
        label: m.label.clone(),
        correction: m.correction.clone(),
        penalty: m.penalty,
    }
}

/// The transcript's summary of a grade.
fn turn_grade(
    rubric: &Rubric,
    model: &ScoringModel,
    grade: &Grade,
    feedback: &Feedback,
) -> TurnGrade {
    let concepts = rubric
        .concepts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let hit = grade.concept(&c.id).is_some_and(|r| r.hit);
            ConceptMark {
                id: c.id.clone(),
                label: c.label.clone(),
                share: round1(model.share(i)),
                required: model.is_required(i),
                group: model.group_of(i).map(|g| rubric.groups[g].id.clone()),
                hit,
                recovered: false,
                hint: (!hit).then(|| c.hint.clone()),
                study: if hit { None } else { c.study.clone() },
            }
        })
        .collect();
    TurnGrade {
        score: grade.score,
        band: grade.band,
        summary: feedback.summary.clone(),
        concepts,
        groups: rubric
            .groups
            .iter()
            .map(|g| GroupMark {
                id: g.id.clone(),
                label: g.label.clone(),
                k: g.k,
                required: g.required,
            })
            .collect(),
        misconceptions: grade.misconceptions.iter().map(red_flag).collect(),
        warnings: grade.warnings.iter().map(|w| w.message.clone()).collect(),
    }
}

/// Computes a turn's final score and band (see the module docs of [`crate::interview`]).
fn settle(turn: &mut Turn, rubric: &Rubric) {
    let model = ScoringModel::new(rubric);
    let bands = model.bands();
    let Some(tg) = turn
        .grade
        .as_ref()
        .filter(|_| turn.outcome == Outcome::Answered)
    else {
        turn.score = 0.0;
        turn.band = Band::Weak;
        return;
    };
    let recovered = turn.follow_up.as_ref().map_or(0.0, |f| f.recovered);
    let mut score = (tg.score + recovered).min(100.0);
    if recovered > 0.0 {
        let covered: Vec<bool> = rubric
            .concepts
            .iter()
            .map(|c| {
                tg.concepts
                    .iter()
                    .any(|m| m.id == c.id && (m.hit || m.recovered))
            })
            .collect();
        if model.caps_top_band(&covered) {
            // The grader's cap: a required concept still missed keeps the top band out of reach.
            score = score.min(bands.strong - 1.0).max(tg.score);
        }
    }
    if turn.hint.is_some() {
        score *= 1.0 - turn.hint.as_ref().map_or(0.0, |h| h.cost);
    }
    turn.score = round1(score.clamp(0.0, 100.0));
    turn.band = Band::of(turn.score, &bands);
}
