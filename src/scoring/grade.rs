use serde::{Deserialize, Serialize};

use super::Band;
use crate::matching::{CoverageResult, Evidence, WrongNumber};

/// The result of grading one answer: numbers and evidence, no prose (see
/// [`Feedback`](crate::Feedback) for what to tell the person). Plain data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// The rubric's id.
    pub question_id: String,
    /// 0–100.
    pub score: f32,
    /// The band of the score.
    pub band: Band,
    /// Every concept, in rubric order, hit or not.
    pub concepts: Vec<ConceptResult>,
    /// Every k-of-n group.
    pub groups: Vec<GroupResult>,
    /// Misconceptions found in the answer.
    pub misconceptions: Vec<MisconceptionResult>,
    /// What the rubric's content-word coverage of the reference answers added, with the words
    /// covered and missing (drafted rubrics; absent when the rubric has no `coverage`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub coverage: Option<CoverageResult>,
    /// Why the score may be lower than coverage suggests.
    pub warnings: Vec<Warning>,
}

impl Grade {
    /// The results of concepts that were hit.
    pub fn covered(&self) -> impl Iterator<Item = &ConceptResult> {
        self.concepts.iter().filter(|c| c.hit)
    }

    /// The results of concepts that were missed.
    pub fn missed(&self) -> impl Iterator<Item = &ConceptResult> {
        self.concepts.iter().filter(|c| !c.hit)
    }

    /// The result of one concept by id.
    pub fn concept(&self, id: &str) -> Option<&ConceptResult> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// The warning of one kind, if the grade has it (each kind is given at most once).
    pub fn warning(&self, code: WarningCode) -> Option<&Warning> {
        self.warnings.iter().find(|w| w.code == code)
    }
}

/// One concept's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConceptResult {
    /// Concept id.
    pub id: String,
    /// Concept label.
    pub label: String,
    /// Concept weight.
    pub weight: f32,
    /// Whether it is required.
    pub required: bool,
    /// Whether it counts as covered.
    pub hit: bool,
    /// Whether it was mentioned only inside a negation ("no need for a preStop hook").
    pub negated: bool,
    /// Whether a misconception the answer holds contradicts it, or its words appear only as part
    /// of one (it earns nothing then).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub contradicted: bool,
    /// Where the answer states one of its number phrases with another number (a wrong fact).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub wrong_numbers: Vec<WrongNumber>,
    /// The group it belongs to, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub group: Option<String>,
    /// Where it was found (including negated mentions, flagged as such).
    pub evidence: Vec<Evidence>,
}

/// One group's result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupResult {
    /// Group id.
    pub id: String,
    /// Group label.
    pub label: String,
    /// Hits needed for full credit.
    pub k: usize,
    /// Members.
    pub n: usize,
    /// Ids of members hit.
    pub hits: Vec<String>,
    /// `min(hits, k) / k`.
    pub credit: f32,
    /// Group weight.
    pub weight: f32,
}

/// A misconception found in the answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MisconceptionResult {
    /// Misconception id.
    pub id: String,
    /// The wrong belief.
    pub label: String,
    /// Points taken off.
    pub penalty: f32,
    /// What is true instead.
    pub correction: String,
    /// Ids of the concepts it contradicts.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub contradicts: Vec<String>,
    /// Where it was found.
    pub evidence: Vec<Evidence>,
}

/// A note on the grade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Machine-readable kind.
    pub code: WarningCode,
    /// For people.
    pub message: String,
}

/// Kinds of [`Warning`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningCode {
    /// A bare list of terms: credit reduced, capped at partial.
    KeywordSalad,
    /// A required concept is missing: top band out of reach.
    RequiredMissing,
    /// Very little coverage: maybe an answer to another question.
    PossiblyOffTopic,
    /// Concepts mentioned only in negated form.
    NegatedMentions,
    /// A misconception contradicts what the answer's words would otherwise be credited for.
    Contradiction,
    /// A number phrase of a concept stated with another number ("exit code 138").
    WrongNumber,
    /// A concept's words appear only as part of a misconception the answer holds: not credited.
    InWrongClaim,
    /// The answer reaches the rubric only by saying everything (a dump): capped.
    Dump,
    /// An answer most of whose sentences hold no credit, credited for little: what it names earns
    /// nothing (see [`crate::scoring::is_thin`]).
    ThinCredit,
    /// A very short answer that misses what the question centrally asks and names nothing
    /// specific: capped at the top of the weak band.
    Vague,
    /// The answer rules out a concept the rubric credits and gets little else: capped.
    DeniedConcept,
    /// The answer is empty.
    EmptyAnswer,
    /// Complete, but far shorter than the model answer: capped at the polish cap.
    ShortAnswer,
    /// Complete, but padded with conversational filler: capped at the polish cap.
    Padded,
    /// Complete, but a credited term is misspelt: capped at the polish cap.
    Misspelt,
    /// A drafted rubric's answer says what the reference says of one of the things the question
    /// compares of another ("BFS uses a stack, DFS a queue"): those words earn nothing, and the
    /// answer is capped below good.
    Swapped,
}
