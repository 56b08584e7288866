use serde::Serialize;

use crate::feedback::Feedback;
use crate::matching::CoverageResult;
use crate::scoring::{Band, ConceptResult, Grade, GroupResult, MisconceptionResult, Warning};

/// A grade with its feedback, serialised as `rubric grade --format json` prints it: the grade's
/// fields with `feedback` before `warnings` (the shape README documents).
#[derive(Clone, Copy, Debug, Serialize)]
pub struct GradeReport<'a> {
    question_id: &'a str,
    score: f32,
    band: Band,
    concepts: &'a [ConceptResult],
    groups: &'a [GroupResult],
    misconceptions: &'a [MisconceptionResult],
    #[serde(skip_serializing_if = "Option::is_none")]
    coverage: Option<&'a CoverageResult>,
    feedback: &'a Feedback,
    warnings: &'a [Warning],
}

impl<'a> GradeReport<'a> {
    /// Pairs a grade with its feedback.
    pub fn new(grade: &'a Grade, feedback: &'a Feedback) -> GradeReport<'a> {
        GradeReport {
            question_id: &grade.question_id,
            score: grade.score,
            band: grade.band,
            concepts: &grade.concepts,
            groups: &grade.groups,
            misconceptions: &grade.misconceptions,
            coverage: grade.coverage.as_ref(),
            feedback,
            warnings: &grade.warnings,
        }
    }
}

/// The grade and its feedback as pretty-printed JSON (the stable shape documented in README).
pub fn to_json(grade: &Grade, feedback: &Feedback) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&GradeReport::new(grade, feedback))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
