//! Rubric schema and loading: what a rubric is, the shared glossary and the bank.

mod bank;
mod glossary;
mod load;
mod schema;

pub use bank::{Bank, BankEntry};
pub use glossary::Glossary;
pub(crate) use load::{locate, locate_after};
pub use schema::{
    Bands, Concept, Group, Level, MarkedExample, Matcher, Misconception, Polarity, Rubric, Window,
    WRONG_CENTRAL_CLAIM_CAP,
};
