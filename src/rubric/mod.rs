//! Rubric schema and loading: what a rubric is, the shared glossary and the bank.

mod bank;
mod glossary;
mod load;
mod ron_format;
mod schema;

pub use bank::{Bank, BankEntry};
pub(crate) use glossary::RefProblem;
pub use glossary::{Glossary, MAX_GLOSSARY_EXPANSION};
pub(crate) use load::{locate, locate_after, truncate_message, utf8_location};
pub use load::{read_rubric_file, MAX_CONCEPTS, MAX_NESTING, MAX_RUBRIC_FILE_BYTES};
pub use schema::{
    Bands, Concept, Coverage, Group, Level, MarkedExample, Matcher, Misconception, Polarity,
    Rubric, Window, DEMOTED_WORD_WEIGHT, WRONG_CENTRAL_CLAIM_CAP,
};
