//! Authoring tools, built on the grading engine: marked-response testing with agreement figures
//! ([`marked`]), statistics ([`stats`]) and drafting a rubric from a model answer ([`draft`]).

pub mod draft;
pub mod marked;
pub mod stats;
