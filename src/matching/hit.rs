//! What matching finds: hits with evidence.

use serde::{Deserialize, Serialize};

use crate::analysis::Span;

/// One place in the answer where a matcher fired.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// First byte of the matched text in the answer.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The matched text, as written.
    pub text: String,
    /// Which matcher fired, e.g. `phrase "preStop hook"` or `regex /exit code 13[79]/`.
    pub matcher: String,
    /// Whether a word matched only through typo tolerance.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub fuzzy: bool,
    /// Whether the hit lies in a negation scope.
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub negated: bool,
}

/// A raw hit, before it is turned into [`Evidence`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    /// Token positions covered, inclusive.
    pub first: u32,
    pub last: u32,
    pub sentence: u32,
    /// Clauses of its first and last token.
    pub clause: (u32, u32),
    pub negated: bool,
    pub fuzzy: bool,
    /// Index of the leaf matcher that produced it (for its description).
    pub leaf: u32,
}

/// What matching found in one answer, per concept and misconception in rubric order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    /// One per concept.
    pub concepts: Vec<ConceptFinding>,
    /// One per misconception.
    pub misconceptions: Vec<MisconceptionFinding>,
}

/// What matching found for one concept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConceptFinding {
    /// Whether it counts as asserted by the answer.
    pub hit: bool,
    /// Whether it was mentioned, but only in a denial.
    pub negated: bool,
    /// Where it was found: the hits that count, or, when none does, the rejected mentions.
    pub evidence: Vec<Evidence>,
    /// Where the answer states one of its number phrases with other numbers (only when the
    /// concept is not hit).
    pub wrong_numbers: Vec<WrongNumber>,
    /// Whether every hit that counts lies within (or right next to) the words of a misconception
    /// the answer holds: the words are there, but as part of a wrong claim.
    pub only_in_wrong_claims: bool,
    /// Whether a hit that counts lies in a sentence holding no misconception the answer states:
    /// the answer asserts the concept on its own, apart from any wrong claim.
    pub asserted_apart: bool,
}

/// A number phrase of a concept stated with another number: "exit code 138" for "exit code 137".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WrongNumber {
    /// Where.
    pub evidence: Evidence,
    /// The number(s) the rubric's phrase holds.
    pub expected: String,
    /// The number(s) the answer wrote.
    pub found: String,
}

/// What matching found for one misconception.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MisconceptionFinding {
    /// Where the answer holds it; empty when it does not.
    pub evidence: Vec<Evidence>,
}
