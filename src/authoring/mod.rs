//! Authoring tools, built on the grading engine: lint ([`lint()`]), marked-response testing with
//! agreement figures ([`marked`]), statistics ([`stats`]) and drafting a rubric from a model
//! answer ([`draft`]), with WordNet synonyms and antonyms ([`thesaurus`]).

pub mod dataset;
pub mod draft;
mod lint;
pub mod marked;
pub mod stats;
pub mod thesaurus;

pub use lint::{lint, Diagnostic, Severity};
