//! Text analysis, the first stage of the flow: segment → normalise → stem.
//!
//! The output, an [`Analysis`], is a list of [`Token`]s whose spans are byte offsets into the
//! original answer; no later stage rewrites them. Rubric terms go through the same pipeline when
//! a rubric is compiled, so both sides compare normalised forms and stems.

mod analyzer;
mod lexeme;
mod lexicon;
mod negation;
mod normalize;
mod segment;
mod stem;
mod token;

pub use analyzer::{Analysis, Analyzer};
pub use lexicon::is_function_word;
pub(crate) use lexicon::{base_forms, function_words, is_english_word, is_negation_trigger};
pub(crate) use negation::dash_between;
pub use negation::DenialRule;
pub(crate) use segment::is_camel_case;
pub use token::{Span, Token, TokenKind};

pub(crate) use lexeme::{hash_str, HashFilter};
pub(crate) use stem::{stem, with_stem};
