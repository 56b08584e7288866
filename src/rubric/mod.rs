//! Rubric schema and loading: what a rubric is, the shared glossary, the bank, and lint.

mod bank;
mod glossary;
mod lint;
mod load;
mod schema;

pub use bank::{Bank, BankEntry};
pub use glossary::Glossary;
pub use lint::{lint, Diagnostic, Severity};
pub(crate) use load::locate;
pub use load::read_utf8;
pub use schema::{
    Bands, Concept, Group, Level, MarkedExample, Matcher, Misconception, Polarity, Rubric, Window,
};
