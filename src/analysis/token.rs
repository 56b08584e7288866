//! The token: the contract between text analysis and matching.
//!
//! Spans are byte offsets into the original answer; no stage rewrites them, so evidence can
//! always be cut out of the text the person wrote.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// Panics if `start > end`: that is a broken invariant, not bad input.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// What a token looks like, which decides how it may be matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters only: stemmed and typo-tolerant.
    Word,
    /// Digits (possibly with `.` inside, like `1.5`): matched exactly, never fuzzily.
    Number,
    /// An IPv4 address or CIDR such as `172.16.0.0/12`: matched exactly.
    Address,
    /// Letters and digits mixed in one piece (`k8s` parts are split; this is for scripts without
    /// case, e.g. CJK runs): matched exactly.
    Other,
}

impl TokenKind {
    /// Whether tokens of this kind only ever match exactly (numbers, codes, addresses).
    pub fn is_exact(self) -> bool {
        !matches!(self, TokenKind::Word)
    }
}

/// One token of an analysed answer.
///
/// Tokens are small and `Copy`; their normalised text and stem live in the [`Analysis`] that owns
/// them (one buffer for all tokens, so analysing an answer does not allocate per token). Read them
/// with [`Analysis::norm`] and [`Analysis::stem`].
///
/// [`Analysis`]: super::Analysis
/// [`Analysis::norm`]: super::Analysis::norm
/// [`Analysis::stem`]: super::Analysis::stem
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it stands in the original text.
    pub span: Span,
    /// Index of the token in the analysis.
    pub position: u32,
    /// Index of the word it belongs to: `preStop` gives two tokens of one word.
    pub word: u32,
    /// Index of the sentence (or bullet line) it belongs to.
    pub sentence: u32,
    /// Index of the clause: split at commas, semicolons, colons, brackets and sentence ends, and
    /// before a conjunction that opens a clause of its own ("but", "because", "which" …).
    pub clause: u32,
    /// What it looks like.
    pub kind: TokenKind,
    /// Whether it falls inside a negation scope ("not", "never", "instead of" …).
    pub negated: bool,
    /// Position of the trigger whose scope it is in (meaningful when `negated`).
    pub(crate) negated_by: u32,
    /// The [`DenialRule`](super::DenialRule) that denied it, as a code (0 when asserted).
    pub(crate) denial: u8,
    /// Whether a comma (rather than stronger punctuation) opened its clause.
    pub(crate) after_comma: bool,
    /// Whether a line break inside running text opened its clause.
    pub(crate) after_wrap: bool,
    /// Whether it is a function word ("the", "because", "so" …).
    pub function_word: bool,
    /// What the dictionary says of the normalised form (never set for function words).
    pub(crate) words: super::lexeme::Words,
    /// What the lower-case word can be to negation marking.
    pub(crate) cue: super::negation::CueKind,
    /// The group of the verdicts that start with the lower-case word.
    pub(crate) verdicts: u16,
    pub(crate) norm: (u32, u32),
    pub(crate) stem: (u32, u32),
}
