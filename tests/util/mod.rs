//! Shared helpers for integration tests.
#![allow(dead_code)]

use rubric_grader::{Grader, Rubric};

pub const FIXTURE: &str = include_str!("../fixtures/termination.ron");

/// The fixed test rubric, compiled.
pub fn fixture_grader() -> Grader {
    let rubric =
        Rubric::from_ron(FIXTURE, "tests/fixtures/termination.ron").expect("fixture parses");
    Grader::new(&rubric).expect("fixture compiles")
}

/// A one-concept rubric whose matcher is `matcher` (RON), compiled.
pub fn one_concept(matcher: &str, polarity: &str) -> Grader {
    let ron = format!(
        r#"(id: "x", title: "x", category: "x", level: mid, question: "x", model_answer: "x",
            concepts: [(id: "c", label: "c", polarity: {polarity}, matcher: {matcher}, hint: "h")])"#
    );
    let rubric = Rubric::from_ron(&ron, "<test>").unwrap_or_else(|e| panic!("{e}"));
    Grader::new(&rubric).unwrap_or_else(|e| panic!("{e}"))
}

/// Whether `answer` hits a one-concept rubric with a phrase matcher for `phrase`.
pub fn phrase_hits(phrase: &str, answer: &str) -> bool {
    let g = one_concept(&format!("Phrase({phrase:?})"), "positive");
    g.grade(answer).expect("grades").concepts[0].hit
}

/// Insta settings that put every snapshot in the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    s.set_prepend_module_to_snapshot(true);
    s
}
pub mod http;
