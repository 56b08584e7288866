//! An explanation for rubric authors: the grade with, per concept and matcher, what matched and
//! which near misses were rejected and why.

use serde::{Deserialize, Serialize};

use crate::matching::ConceptTrace;
use crate::scoring::Band;

/// Why an answer got its score, concept by concept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The rubric's id.
    pub question_id: String,
    /// The score.
    pub score: f32,
    /// The band.
    pub band: Band,
    /// Every concept, in rubric order.
    pub concepts: Vec<ConceptTrace>,
    /// Every misconception, in rubric order.
    pub misconceptions: Vec<ConceptTrace>,
    /// What the rubric's content-word coverage added (drafted rubrics), with the words.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub coverage: Option<crate::CoverageResult>,
    /// Warnings of the grade (keyword salad, required concept missing …).
    pub warnings: Vec<String>,
}
