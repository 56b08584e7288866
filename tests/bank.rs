//! The shipped bank: every rubric loads, compiles, passes lint, and lands each marked example in
//! its range; its model answer is in the top band.

use rubric_grader::authoring::{lint, Severity};
use rubric_grader::{Band, Bank};

#[test]
fn embedded_bank_loads_and_lints_clean() {
    let bank = Bank::embedded().expect("embedded bank loads");
    assert!(bank.len() >= 6, "bank has {} rubrics", bank.len());
    let errors: Vec<String> = lint(&bank, Vec::new())
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "lint errors:\n{}", errors.join("\n"));
}

#[test]
fn folder_bank_matches_embedded_bank() {
    let dir =
        Bank::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rubrics")).expect("rubrics/ loads");
    let embedded = Bank::embedded().expect("embedded bank loads");
    let ids = |b: &Bank| b.rubrics().map(|r| r.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&dir), ids(&embedded));
    // The embedded rubrics are read from the form `build.rs` made of them; the folder's from
    // their RON: the two readings are the same rubrics, field for field.
    for (d, e) in dir.entries().iter().zip(embedded.entries()) {
        assert_eq!(d.rubric, e.rubric, "{} differs from its RON", e.path);
        assert_eq!(d.source, e.source, "{}", e.path);
        assert_eq!(d.slug, e.slug, "{}", e.path);
    }
}

/// Each marked example, run as its own check so a failure names rubric, label and score.
#[test]
fn every_marked_example_lands_in_range() {
    let bank = Bank::embedded().expect("embedded bank loads");
    let mut failures = Vec::new();
    let mut count = 0;
    for e in bank.entries() {
        let g = rubric_grader::Grader::for_entry(&bank, e).expect("compiles");
        for ex in &e.rubric.examples {
            count += 1;
            let grade = g.grade(&ex.answer).expect("grades");
            let (lo, hi) = ex.expected;
            if grade.score < lo || grade.score > hi {
                failures.push(format!(
                    "{} [{}]: {} not in {lo}..={hi}",
                    e.rubric.id, ex.label, grade.score
                ));
            }
        }
        let model = g.grade(&e.rubric.model_answer).expect("grades");
        if model.band != Band::Strong {
            failures.push(format!(
                "{} model answer: {} ({})",
                e.rubric.id, model.score, model.band
            ));
        }
    }
    assert!(count >= 24, "only {count} marked examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rubric_has_the_four_kinds_of_example() {
    let bank = Bank::embedded().expect("embedded bank loads");
    for r in bank.rubrics() {
        let labels: Vec<String> = r.examples.iter().map(|e| e.label.to_lowercase()).collect();
        for kind in ["strong", "partial", "weak", "adversarial"] {
            assert!(
                labels.iter().any(|l| l.contains(kind)),
                "{} has no `{kind}` example",
                r.id
            );
        }
    }
}

#[test]
fn the_six_guide_rubrics_of_the_engine_issue_ship() {
    let bank = Bank::embedded().expect("embedded bank loads");
    for id in ["g01", "g02", "g06", "g08", "g11", "g17"] {
        assert!(bank.find(id).is_ok(), "{id} is missing");
    }
}

#[test]
fn lookup_by_id_prefix_and_slug() {
    let bank = Bank::embedded().expect("embedded bank loads");
    assert_eq!(bank.find("G06").unwrap().rubric.id, "g06");
    assert_eq!(bank.find("deleted-pod").unwrap().rubric.id, "g06");
    let err = bank.find("g6").unwrap_err().to_string();
    assert_eq!(err, "unknown question `g6`; did you mean `g06`?");
}

/// See: issue 19 (item 7): `pod` is not the one slug that starts with it, and a typo in a slug
/// gets a slug back.
#[test]
fn a_query_that_could_mean_several_questions_is_ambiguous() {
    let bank = Bank::embedded().expect("embedded bank loads");
    match bank.find("pod") {
        Err(rubric_grader::Error::AmbiguousQuestion { candidates, .. }) => {
            assert!(candidates.contains(&"g06".to_string()), "{candidates:?}");
            assert!(candidates.contains(&"q053".to_string()), "{candidates:?}");
        }
        other => panic!("expected ambiguity, got {other:?}"),
    }
    assert_eq!(bank.find("podsecurity").unwrap().rubric.id, "q053");
    assert_eq!(
        bank.find("deleted-pd").unwrap_err().to_string(),
        "unknown question `deleted-pd`; did you mean `deleted-pod`?"
    );
    assert_eq!(bank.find("deleted-pod-still").unwrap().rubric.id, "g06");
}

/// The measurable parts of `docs/levels.md`: each level demands more of a strong answer, so a
/// rubric's concepts grow with its level; senior and staff rubrics name what the answer cannot
/// do without (a required concept or group); staff rubrics say what not to do and why (at least
/// two misconceptions).
#[test]
fn every_rubric_level_follows_docs_levels() {
    use rubric_grader::Level;
    let bank = Bank::embedded().expect("embedded bank loads");
    let mut problems = Vec::new();
    for r in bank.rubrics() {
        let min_concepts = match r.level {
            Level::Junior => 3,
            Level::Mid => 5,
            Level::Senior => 6,
            Level::Staff => 7,
        };
        if r.concepts.len() < min_concepts {
            problems.push(format!(
                "{} ({}): {} concepts, at least {min_concepts}",
                r.id,
                r.level,
                r.concepts.len()
            ));
        }
        let required = r.concepts.iter().any(|c| c.required) || r.groups.iter().any(|g| g.required);
        if r.level >= Level::Senior && !required {
            problems.push(format!("{} ({}): no required concept", r.id, r.level));
        }
        if r.level == Level::Staff && r.misconceptions.len() < 2 {
            problems.push(format!(
                "{} (staff): {} misconceptions, at least 2",
                r.id,
                r.misconceptions.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A misconception names a wrong belief; it must not fire on true statements in its rubric's
/// vocabulary. The true texts at hand are the other rubrics' of the same category: their model
/// answers and strong marked examples (expected 75 or more), six per rubric. A misconception
/// that fires on one has matchers a correct answer also satisfies, and would cap that answer.
#[test]
fn no_misconception_fires_on_another_rubrics_true_texts() {
    let bank = Bank::embedded().expect("embedded bank loads");
    let graders: Vec<rubric_grader::Grader> = rubric_grader::Grader::for_bank(&bank)
        .into_iter()
        .map(|g| g.expect("compiles"))
        .collect();
    let true_texts = |r: &rubric_grader::Rubric| -> Vec<String> {
        std::iter::once(r.model_answer.clone())
            .chain(
                r.examples
                    .iter()
                    .filter(|x| x.expected.0 >= 75.0)
                    .map(|x| x.answer.clone()),
            )
            .take(6)
            .collect()
    };
    let mut fired = Vec::new();
    for (entry, grader) in bank.entries().iter().zip(&graders) {
        for other in bank.entries() {
            if other.rubric.id == entry.rubric.id || other.rubric.category != entry.rubric.category
            {
                continue;
            }
            for (i, text) in true_texts(&other.rubric).iter().enumerate() {
                let grade = grader.grade(text).expect("grades");
                for m in &grade.misconceptions {
                    fired.push(format!(
                        "{} `{}` fires on {} true text {i}: {:?}",
                        entry.rubric.id,
                        m.id,
                        other.rubric.id,
                        m.evidence.first().map(|e| e.text.as_str()).unwrap_or("")
                    ));
                }
            }
        }
    }
    assert!(fired.is_empty(), "{}", fired.join("\n"));
}
