//! The interviewer's side: a [`Kit`] lists, per question, what to listen for (the concepts, most
//! important first), the follow-ups to ask and the red flags (misconceptions). Rendered as
//! Markdown or HTML by [`render::kit_to_markdown`](super::render::kit_to_markdown) and
//! [`render::kit_to_html`](super::render::kit_to_html).

use serde::{Deserialize, Serialize};

use super::error::InterviewError;
use super::transcript::RedFlag;
use crate::rubric::{Bank, Level};
use crate::scoring::{round1, ScoringModel};

/// An interview kit for a set of questions. Plain data.
///
/// # Example: a kit for two questions
/// ```
/// use rubric_grader::Bank;
/// use rubric_grader::interview::Kit;
/// let bank = Bank::embedded()?;
/// let kit = Kit::new(&bank, &["g06", "q005"])?;
/// assert_eq!(kit.questions[0].id, "g06");
/// assert!(kit.questions[0].listen_for[0].required);
/// # Ok::<(), rubric_grader::interview::InterviewError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kit {
    /// The questions, in the order given.
    pub questions: Vec<KitQuestion>,
}

/// One question of a kit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KitQuestion {
    /// Rubric id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Category.
    pub category: String,
    /// Level the question demands.
    pub level: Level,
    /// The question to ask.
    pub question: String,
    /// What a strong answer contains, most important first.
    pub listen_for: Vec<KitConcept>,
    /// Probes for what is missing, in the same order.
    pub follow_ups: Vec<KitFollowUp>,
    /// Misconceptions to watch for.
    pub red_flags: Vec<RedFlag>,
    /// The rubric's model answer.
    pub model_answer: String,
}

/// A concept to listen for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KitConcept {
    /// Concept id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its share of the score (0–100).
    pub share: f32,
    /// Required to reach the top band.
    pub required: bool,
    /// The group it belongs to, in words: "2 of 3: two rollout safety nets".
    pub group: Option<String>,
}

/// A follow-up probe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KitFollowUp {
    /// The concept it probes.
    pub concept: String,
    /// The probe.
    pub question: String,
}

impl Kit {
    /// The kit for these questions (ids, prefixes or slugs), in this order; a repeated id is
    /// listed once.
    ///
    /// # Errors
    /// [`InterviewError::Grading`] for an unknown or ambiguous id.
    pub fn new<S: AsRef<str>>(bank: &Bank, ids: &[S]) -> Result<Kit, InterviewError> {
        let mut questions: Vec<KitQuestion> = Vec::new();
        for query in ids {
            let entry = bank.find(query.as_ref())?;
            let r = &entry.rubric;
            if questions.iter().any(|q| q.id == r.id) {
                continue;
            }
            let model = ScoringModel::new(r);
            let order = model.importance();
            let group_words = |i: usize| {
                model
                    .group_of(i)
                    .map(|g| &r.groups[g])
                    .map(|g| format!("{} of {}: {}", g.k, g.concepts.len(), g.label))
            };
            questions.push(KitQuestion {
                id: r.id.clone(),
                title: r.title.clone(),
                category: r.category.clone(),
                level: r.level,
                question: r.question.clone(),
                listen_for: order
                    .iter()
                    .map(|&i| KitConcept {
                        id: r.concepts[i].id.clone(),
                        label: r.concepts[i].label.clone(),
                        share: round1(model.share(i)),
                        required: model.is_required(i),
                        group: group_words(i),
                    })
                    .collect(),
                follow_ups: order
                    .iter()
                    .filter_map(|&i| {
                        r.concepts[i].follow_up.as_ref().map(|q| KitFollowUp {
                            concept: r.concepts[i].label.clone(),
                            question: q.clone(),
                        })
                    })
                    .collect(),
                red_flags: r
                    .misconceptions
                    .iter()
                    .map(|m| RedFlag {
                        id: m.id.clone(),
                        label: m.label.clone(),
                        correction: m.correction.clone(),
                        penalty: m.penalty,
                    })
                    .collect(),
                model_answer: r.model_answer.clone(),
            });
        }
        Ok(Kit { questions })
    }
}
