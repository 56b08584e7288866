//! Feedback, the last stage: what to tell the person, built from a grade and its rubric —
//! a summary, what was covered, what was missed (ranked by weight, with hints and what to study),
//! corrections for misconceptions, and the follow-up question for the most important miss.
//! Renderers in [`render`] turn it into text, Markdown or JSON.

pub mod render;

use serde::{Deserialize, Serialize};

use crate::rubric::Rubric;
use crate::scoring::{Band, ConceptResult, GroupResult, MisconceptionResult};

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

pub(crate) fn build(
    rubric: &Rubric,
    score: f32,
    band: Band,
    concepts: &[ConceptResult],
    groups: &[GroupResult],
    misconceptions: &[MisconceptionResult],
) -> Feedback {
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
    // Misses: concepts outside groups, and members of groups still short of k. Ranked by the
    // weight they would add (a group member adds its group's weight ÷ k), required first.
    let mut missing: Vec<(f32, bool, Note, Option<String>)> = Vec::new();
    for (c, r) in rubric.concepts.iter().zip(concepts) {
        if r.hit {
            continue;
        }
        let value = match rubric
            .groups
            .iter()
            .zip(groups)
            .find(|(g, _)| g.concepts.contains(&c.id))
        {
            Some((_, gr)) if gr.hits.len() >= gr.k => continue,
            Some((g, _)) => g.weight / g.k.max(1) as f32 + c.weight * 1e-3,
            None => c.weight,
        };
        let mut text = c.hint.clone();
        if r.negated {
            text = format!(
                "you mentioned this only to rule it out; {}",
                lower_first(&c.hint)
            );
        }
        missing.push((
            value,
            c.required,
            Note {
                id: c.id.clone(),
                label: c.label.clone(),
                text,
                study: c.study.clone(),
            },
            c.follow_up.clone(),
        ));
    }
    missing.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.total_cmp(&a.0)));
    let follow_up = missing.iter().find_map(|(_, _, n, f)| {
        f.as_ref().map(|q| FollowUp {
            concept: n.id.clone(),
            question: q.clone(),
        })
    });
    let corrections: Vec<Note> = misconceptions
        .iter()
        .map(|m| Note {
            id: m.id.clone(),
            label: m.label.clone(),
            text: m.correction.clone(),
            study: None,
        })
        .collect();
    let total = concepts.len();
    let hit = concepts.iter().filter(|c| c.hit).count();
    let gist = match band {
        Band::Strong => "a strong answer that covers what matters",
        Band::Good => "a good answer with a few gaps",
        Band::Partial => "part of the picture; important pieces are missing",
        Band::Weak => "most of what the question needs is missing",
    };
    let mut summary = format!("{score:.0}/100 ({band}): {gist}; {hit} of {total} concepts covered");
    if !corrections.is_empty() {
        summary.push_str(&format!(
            ", {} misconception{}",
            corrections.len(),
            if corrections.len() == 1 { "" } else { "s" }
        ));
    }
    Feedback {
        summary,
        covered,
        missing: missing.into_iter().map(|(_, _, n, _)| n).collect(),
        corrections,
        follow_up,
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}
