//! Rubric schema and loading: what a rubric is, the shared glossary, the bank, and lint.

mod bank;
mod glossary;
mod lint;
mod load;
mod schema;

pub use bank::{Bank, BankEntry};
pub use glossary::Glossary;
pub use lint::{lint, Diagnostic, Severity};
pub use load::read_utf8;
pub(crate) use load::{locate, locate_after};
pub use schema::{
    Bands, Concept, Group, Level, MarkedExample, Matcher, Misconception, Polarity, Rubric, Window,
};
