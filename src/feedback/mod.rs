//! Feedback, the last stage: what to tell the person, built from a grade and its rubric —
//! a summary, what was covered, what was missed (most important first by the rubric's
//! [`ScoringModel`], with hints and what to study),
//! corrections for misconceptions, and the follow-up question for the most important miss.
//! Renderers in [`render`] turn it into text, Markdown or JSON.

mod explanation;
pub mod render;

pub use explanation::Explanation;

use serde::{Deserialize, Serialize};

use crate::rubric::Rubric;
use crate::scoring::{Band, Grade, ScoringModel};

/// What to tell the person about one answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    /// One line: score, band and the gist.
    pub summary: String,
    /// Concepts covered, with the rubric's feedback for each.
    pub covered: Vec<Note>,
    /// Concepts missed, most important first, with hints.
    pub missing: Vec<Note>,
    /// Misconceptions with their corrections.
    pub corrections: Vec<Note>,
    /// The question to ask next, about the most important miss.
    pub follow_up: Option<FollowUp>,
}

/// One line of feedback about a concept or misconception.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Concept, group or misconception id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// What to say.
    pub text: String,
    /// What to study, if the rubric says.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub study: Option<String>,
}

/// A follow-up probe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FollowUp {
    /// The concept it probes.
    pub concept: String,
    /// The question.
    pub question: String,
}

impl Feedback {
    /// Builds the feedback for `grade`, which `model` (compiled from `rubric`) scored. Misses are
    /// listed most important first, in the order [`ScoringModel::misses`] gives; the follow-up
    /// probes the first of them that has a `follow_up` question.
    pub fn new(rubric: &Rubric, model: &ScoringModel, grade: &Grade) -> Feedback {
        let concepts = &grade.concepts;
        let covered: Vec<Note> = rubric
            .concepts
            .iter()
            .zip(concepts)
            .filter(|(_, r)| r.hit)
            .map(|(c, _)| Note {
                id: c.id.clone(),
                label: c.label.clone(),
                text: if c.feedback.is_empty() {
                    c.label.clone()
                } else {
                    c.feedback.clone()
                },
                study: None,
            })
            .collect();
        let hit: Vec<bool> = concepts.iter().map(|c| c.hit).collect();
        let misses = model.misses(&hit);
        let missing: Vec<Note> = misses
            .iter()
            .map(|&i| {
                let c = &rubric.concepts[i];
                let text = if concepts.get(i).is_some_and(|r| r.negated) {
                    format!(
                        "you mentioned this only to rule it out; {}",
                        lower_first(&c.hint)
                    )
                } else {
                    c.hint.clone()
                };
                Note {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    text,
                    study: c.study.clone(),
                }
            })
            .collect();
        let follow_up = misses.iter().find_map(|&i| {
            let c = &rubric.concepts[i];
            c.follow_up.as_ref().map(|q| FollowUp {
                concept: c.id.clone(),
                question: q.clone(),
            })
        });
        let mut corrections: Vec<Note> = grade
            .misconceptions
            .iter()
            .map(|m| Note {
                id: m.id.clone(),
                label: m.label.clone(),
                text: m.correction.clone(),
                study: None,
            })
            .collect();
        // Wrong numbers are wrong facts: say what was written and what is right.
        corrections.extend(grade.concepts.iter().filter_map(|c| {
            let w = c.wrong_numbers.first()?;
            Some(Note {
                id: c.id.clone(),
                label: c.label.clone(),
                text: format!(
                    "you wrote {} (\"{}\"); the rubric expects {}",
                    w.found, w.evidence.text, w.expected
                ),
                study: None,
            })
        }));
        let total = concepts.len();
        let hits = hit.iter().filter(|h| **h).count();
        let gist = match grade.band {
            Band::Strong => "a strong answer that covers what matters",
            Band::Good => "a good answer with a few gaps",
            Band::Partial => "part of the picture; important pieces are missing",
            Band::Weak => "most of what the question needs is missing",
        };
        let mut summary = format!(
            "{}/100 ({}): {gist}; {hits} of {total} concepts covered",
            fmt_score(grade.score),
            grade.band
        );
        if let Some(c) = &grade.coverage {
            let n = c.covered.len() + c.related.len() + c.missing.len() + c.contradicted.len();
            summary.push_str(&format!(
                ", {} of {n} reference words (+{} points)",
                c.covered.len(),
                fmt_score(c.points)
            ));
        }
        let held = grade.misconceptions.len();
        if held > 0 {
            summary.push_str(&format!(
                ", {held} misconception{}",
                if held == 1 { "" } else { "s" }
            ));
        }
        let wrong = corrections.len() - held;
        if wrong > 0 {
            summary.push_str(&format!(
                ", {wrong} wrong number{}",
                if wrong == 1 { "" } else { "s" }
            ));
        }
        Feedback {
            summary,
            covered,
            missing,
            corrections,
            follow_up,
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// A score (or weight) as people see it, the one rule everywhere — the summary, Markdown,
/// `explain`, scorecards, `--min-score`: as computed (scores are kept to one decimal), without a
/// trailing `.0`: `92.6`, `80`. Rounding to whole points would show `80` for a *good* 79.6.
///
/// # Example
/// ```
/// assert_eq!(rubric_grader::feedback::fmt_score(92.6), "92.6");
/// assert_eq!(rubric_grader::feedback::fmt_score(80.0), "80");
/// ```
pub fn fmt_score(x: f32) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}
