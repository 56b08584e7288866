//! Scoring, the third stage: concept credit, k-of-n groups, misconception penalties, bands, the
//! required-concept cap and the keyword-salad guard → a [`Grade`].
//!
//! Score (0–100) = 100 × earned weight ÷ total weight − penalties, floored at 0. A concept outside
//! every group earns its weight when hit; a group earns `min(hits, k) / k` of its own weight (its
//! members' weights only rank what was missed).

mod band;
mod grade;
mod salad;

pub use band::Band;
pub use grade::{ConceptResult, Grade, GroupResult, MisconceptionResult, Warning, WarningCode};
pub(crate) use salad::{is_keyword_salad, SALAD_FACTOR};

use crate::rubric::{Bands, Rubric};

/// What matching found, per concept and misconception, in rubric order.
pub(crate) struct Findings {
    pub concept_hit: Vec<bool>,
    pub misconception_hit: Vec<bool>,
    pub keyword_salad: bool,
    /// Words in the answer.
    pub words: u32,
}

/// The numbers of a grade: score, band, group results and warnings.
pub(crate) struct Tally {
    pub score: f32,
    pub band: Band,
    pub groups: Vec<GroupResult>,
    pub warnings: Vec<Warning>,
}

/// Scores findings against a rubric.
pub(crate) fn tally(rubric: &Rubric, f: &Findings) -> Tally {
    let bands = rubric.bands.unwrap_or_default();
    let in_group = |ci: usize| {
        rubric
            .groups
            .iter()
            .any(|g| g.concepts.iter().any(|c| *c == rubric.concepts[ci].id))
    };
    let mut total = 0.0f32;
    let mut earned = 0.0f32;
    let mut required_missed: Vec<String> = Vec::new();
    for (ci, c) in rubric.concepts.iter().enumerate() {
        if in_group(ci) {
            // Its credit flows through the group, but `required` still holds for it.
            if c.required && !f.concept_hit[ci] {
                required_missed.push(c.label.clone());
            }
            continue;
        }
        total += c.weight;
        if f.concept_hit[ci] {
            earned += c.weight;
        } else if c.required {
            required_missed.push(c.label.clone());
        }
    }
    let mut groups = Vec::with_capacity(rubric.groups.len());
    for g in &rubric.groups {
        let hits: Vec<String> = g
            .concepts
            .iter()
            .filter(|id| {
                rubric
                    .concepts
                    .iter()
                    .position(|c| &c.id == *id)
                    .is_some_and(|ci| f.concept_hit[ci])
            })
            .cloned()
            .collect();
        let credit = (hits.len().min(g.k) as f32) / (g.k.max(1) as f32);
        total += g.weight;
        earned += credit * g.weight;
        if g.required && hits.is_empty() {
            required_missed.push(g.label.clone());
        }
        groups.push(GroupResult {
            id: g.id.clone(),
            label: g.label.clone(),
            k: g.k,
            n: g.concepts.len(),
            hits,
            credit,
            weight: g.weight,
        });
    }
    let coverage = if total > 0.0 { earned / total } else { 0.0 };
    let mut score = 100.0 * coverage;
    let mut warnings = Vec::new();
    if f.keyword_salad {
        score = (score * SALAD_FACTOR).min(bands.good - 1.0);
        warnings.push(Warning {
            code: WarningCode::KeywordSalad,
            message: "the answer reads as a list of keywords with little explanation; credit is reduced and capped at partial".into(),
        });
    }
    let penalty: f32 = rubric
        .misconceptions
        .iter()
        .zip(&f.misconception_hit)
        .filter(|(_, hit)| **hit)
        .map(|(m, _)| m.penalty)
        .sum();
    score = (score - penalty).max(0.0);
    if !required_missed.is_empty() {
        if score >= bands.strong {
            score = bands.strong - 1.0;
        }
        warnings.push(Warning {
            code: WarningCode::RequiredMissing,
            message: format!(
                "required concept missing ({}); the top band is out of reach",
                required_missed.join(", ")
            ),
        });
    }
    // A long answer that touches almost nothing is most likely about something else.
    if coverage <= 0.15 && f.words >= 40 {
        warnings.push(Warning {
            code: WarningCode::PossiblyOffTopic,
            message: "little of the rubric is covered; the answer may address a different question"
                .into(),
        });
    }
    let score = (score.clamp(0.0, 100.0) * 10.0).round() / 10.0;
    Tally {
        score,
        band: Band::of(score, &bands),
        groups,
        warnings,
    }
}

/// The band thresholds a rubric uses.
pub fn bands_of(rubric: &Rubric) -> Bands {
    rubric.bands.unwrap_or_default()
}
