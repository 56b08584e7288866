//! Drafting v2 (issue 18): several references, phrases that keep their negations and numbers,
//! question-word demoting, content-word coverage, contradictions, and a check over every
//! reference answer of the SemEval-2013 development set when it is present.
//!
//! See: issue 18.

use std::collections::BTreeMap;

mod util;

use rubric_grader::authoring::dataset::{evaluate_dataset, read_dataset, recall_baseline};
use rubric_grader::authoring::draft::{
    draft, draft_from_references, to_ron, Background, DraftOptions,
};
use rubric_grader::authoring::{lint, Severity};
use rubric_grader::{Analyzer, Band, Bank, Glossary, Grader, Rubric};

fn background() -> Background {
    Background::from_documents([
        "A linked list stores elements in nodes that point to the next node.",
        "A stack is a last in first out structure supporting push and pop.",
        "Binary search needs a sorted array and halves the range at each step.",
        "A tree is made of nodes; the root has no parent and each node may have children.",
        "Passing by reference gives a function access to the caller's variable.",
    ])
}

fn drafted(question: &str, references: &[&str]) -> (Rubric, Grader) {
    let glossary = Glossary::default();
    let rubric = draft_from_references(
        question,
        references,
        &background(),
        &glossary,
        &DraftOptions::default(),
    );
    let grader = Grader::builder()
        .glossary(&glossary)
        .build(&rubric)
        .unwrap();
    (rubric, grader)
}

fn score(grader: &Grader, answer: &str) -> f32 {
    grader.grade(answer).unwrap().score
}

#[test]
fn issue18_every_reference_is_a_strong_answer_and_any_phrasing_counts() {
    let refs = [
        "The private field is hidden from other classes",
        "Other classes cannot read the field directly",
        "Only methods of the same class can access the field",
    ];
    let (rubric, grader) = drafted(
        "Why can't the main program print the account's balance field?",
        &refs,
    );
    for r in refs {
        assert_eq!(grader.grade(r).unwrap().band, Band::Strong, "{r}");
    }
    assert!(rubric.coverage.as_ref().unwrap().references.len() == 3);
    // The second reference's wording, in a student's words, earns what the first's does.
    let second = score(
        &grader,
        "because other classes can't read that field directly",
    );
    let wrong = score(&grader, "the balance is printed in the wrong format");
    assert!(second > 60.0, "{second}");
    assert!(second > wrong + 20.0, "{second} vs {wrong}");
}

#[test]
fn issue18_negations_and_numbers_stay_in_the_phrase() {
    // See: issue 18 ("A node that has no children." scored 50 on its own draft).
    let (_, grader) = drafted("What is a leaf node?", &["A node that has no children."]);
    assert_eq!(
        grader.grade("A node that has no children.").unwrap().band,
        Band::Strong
    );
    let right = score(&grader, "a leaf is a node without any children");
    let wrong = score(&grader, "a node that has children");
    assert!(right > wrong + 20.0, "{right} vs {wrong}");

    let model = "A binary tree node has at most 2 children.";
    let (_, grader) = drafted(
        "How many children can a node of a binary tree have?",
        &[model],
    );
    assert_eq!(grader.grade(model).unwrap().band, Band::Strong);
    let right = score(&grader, "at most 2 children");
    let wrong = score(&grader, "at most 3 children");
    assert!(right > wrong, "{right} vs {wrong}");

    let model = "It avoids making copies of large data structures when calling functions.";
    let (_, grader) = drafted(
        "What is the main advantage of passing arguments by reference?",
        &[model],
    );
    assert_eq!(grader.grade(model).unwrap().band, Band::Strong);
}

#[test]
fn issue18_repeating_the_question_earns_little() {
    let question = "What is the main advantage of passing arguments by reference?";
    let (_, grader) = drafted(
        question,
        &["It avoids copying large data structures, which saves time and memory."],
    );
    let echo = score(&grader, "The main advantage of passing arguments by reference is the advantage of passing by reference.");
    let answer = score(
        &grader,
        "No copy of the big structure is made, so it saves memory and time.",
    );
    assert!(echo < 35.0, "{echo}");
    assert!(answer > echo + 25.0, "{answer} vs {echo}");
}

#[test]
fn issue18_short_references_degrade_gracefully_and_stacks_have_lifo() {
    // See: issue 18 ("A stack is LIFO: push and pop …" scored 0 on a stack draft).
    let (_, grader) = drafted(
        "What is a stack?",
        &["A stack is a last in, first out (LIFO) structure: push adds an element on top and pop removes the top element."],
    );
    let lifo = score(&grader, "A stack is LIFO: push and pop work on the top.");
    let partial = score(&grader, "You can push things onto it.");
    let none = score(&grader, "It is a kind of tree with a root.");
    assert!(lifo >= 35.0, "{lifo}");
    assert!(partial > none, "{partial} vs {none}");
    assert!(lifo > partial, "{lifo} vs {partial}");
}

#[test]
fn issue18_plain_contradictions_are_misconceptions() {
    let model = "The variable is private, so code outside the class cannot change it.";
    let (rubric, grader) = drafted("Why does the assignment in main fail to compile?", &[model]);
    assert!(!rubric.misconceptions.is_empty(), "{}", to_ron(&rubric));
    let right = score(&grader, "because the variable is private");
    let antonym = score(&grader, "because the variable is public");
    let negated = score(&grader, "because the variable is not private");
    assert!(right > antonym + 20.0, "{right} vs {antonym}");
    assert!(right > negated + 20.0, "{right} vs {negated}");
    // Stating both in one sentence contrasts them: no misconception.
    let contrast = grader
        .grade("the variable is private, not public, so main cannot change it")
        .unwrap();
    assert!(contrast.misconceptions.is_empty(), "{contrast:?}");
}

#[test]
fn issue18_a_draft_with_any_file_name_lints_clean() {
    let glossary = Glossary::default();
    let options = DraftOptions {
        id: "any-name".into(),
        ..DraftOptions::default()
    };
    let rubric = draft(
        "What is a stack?",
        "A stack is a last in, first out structure.",
        &background(),
        &glossary,
        &options,
    );
    let (bank, errors) = Bank::from_sources(
        vec![("somewhere/any-name.ron".into(), to_ron(&rubric))],
        Some(("g.ron".into(), "(entries: {})".into())),
    );
    let errors: Vec<String> = lint(&bank, errors)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn issue18_the_recall_baseline_counts_reference_words() {
    let a = Analyzer::new();
    let r = recall_baseline(
        &a,
        &["closed path battery"],
        "the battery is in a closed circuit",
    );
    assert!((r - 2.0 / 3.0).abs() < 1e-9, "{r}");
    let records = read_dataset(
        "{\"question\": \"q\", \"reference_answer\": \"r\", \"answer\": \"a\", \"score\": 1}\n\n",
    )
    .unwrap();
    assert_eq!(records.len(), 1);
    assert!(read_dataset("{\"question\": \"q\"}")
        .unwrap_err()
        .starts_with("line 1:"));
}

/// The SemEval-2013 Task 7 development set, read from `../shared` (never copied into the repo).
fn dev_set() -> Option<String> {
    let path = std::env::var("RUBRIC_DEVDATA").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/devdata/semeval2013_task7_5way.jsonl"
        )
        .into()
    });
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            eprintln!(
                "skipped: the development set {path} is absent (set RUBRIC_DEVDATA to its path)"
            );
            None
        }
    }
}

#[test]
fn issue18_every_dev_set_reference_tops_its_own_draft() {
    let Some(text) = dev_set() else { return };
    let records = read_dataset(&text).unwrap();
    let glossary = Glossary::default();
    let mut questions: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for r in &records {
        let refs = questions.entry((
            r.question.clone(),
            r.question_id.clone().unwrap_or_default(),
        ));
        if let std::collections::btree_map::Entry::Vacant(v) = refs {
            v.insert(r.reference_answers.clone());
        }
    }
    let background = Background::default();
    let mut failures = Vec::new();
    let mut checked = 0;
    for ((question, qid), refs) in &questions {
        for reference in refs {
            let rubric = draft(
                question,
                reference,
                &background,
                &glossary,
                &DraftOptions::default(),
            );
            let grader = Grader::builder()
                .glossary(&glossary)
                .build(&rubric)
                .unwrap();
            checked += 1;
            let grade = grader.grade(reference).unwrap();
            if grade.band != Band::Strong {
                failures.push(format!("{qid}: {:.1}", grade.score));
            }
        }
        // All references together: the model answer still tops the draft.
        let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
        let rubric = draft_from_references(
            question,
            &refs,
            &background,
            &glossary,
            &DraftOptions::default(),
        );
        let grader = Grader::builder()
            .glossary(&glossary)
            .build(&rubric)
            .unwrap();
        if grader.grade(refs[0]).unwrap().band != Band::Strong {
            failures.push(format!("{qid} (all references)"));
        }
    }
    assert!(checked > 300, "{checked}");
    assert!(
        failures.is_empty(),
        "{} of {checked}: {failures:?}",
        failures.len()
    );
}

/// A floor under the figures README reports for SemEval-2013 (each about 0.01 below them), so an
/// engine change that costs drafted rubrics shows here and not only in a manual run: a stance rule
/// once cost Beetle's unseen questions 0.058 while every bank grade stayed in range.
#[test]
fn issue18_dev_set_correlations_stay_above_their_floors() {
    let Some(text) = dev_set() else { return };
    let records = read_dataset(&text).unwrap();
    let report = evaluate_dataset(&records, &Glossary::default(), &mut |_, _| {});
    assert!(
        report.failed_drafts.is_empty(),
        "{:?}",
        report.failed_drafts
    );
    let floors = [
        ("semeval2013-beetle/test_ua", 0.656),
        ("semeval2013-beetle/test_uq", 0.542),
        ("semeval2013-beetle/train", 0.590),
        ("semeval2013-scientsbank/test_ua", 0.546),
        ("semeval2013-scientsbank/test_ud", 0.557),
        ("semeval2013-scientsbank/test_uq", 0.525),
        ("semeval2013-scientsbank/train", 0.501),
    ];
    for (split, floor) in floors {
        let s = report
            .splits
            .iter()
            .find(|s| s.split == split)
            .unwrap_or_else(|| panic!("no split {split}"));
        assert!(
            s.pearson >= floor,
            "{split}: r = {:.3} < {floor}",
            s.pearson
        );
        assert!(
            s.pearson > s.baseline_pearson,
            "{split}: below the recall baseline"
        );
    }
}

/// A drafted rubric and an answer that earns part of its coverage credit: it states "last in,
/// first out" as LIFO and says "higher" where the reference says "high", and misses the rest.
fn coverage_case() -> (Grader, &'static str) {
    let (_, grader) = drafted(
        "Why is a stack used to evaluate nested function calls?",
        &["A stack is last in, first out: the most recent call returns first, and high nesting depth only needs a bigger stack."],
    );
    (
        grader,
        "Calls are LIFO, so the newest call finishes first; higher nesting means more frames.",
    )
}

#[test]
fn issue18_coverage_credit_is_reported_with_its_words() {
    let (grader, answer) = coverage_case();
    let grade = grader.grade(answer).unwrap();
    let c = grade
        .coverage
        .as_ref()
        .expect("a drafted rubric reports coverage");
    assert_eq!(c.reference, 0);
    // LIFO spells out "last in, first out"; "higher" states "high".
    for w in ["last", "first", "out", "high"] {
        assert!(c.covered.iter().any(|x| x == w), "{w} in {:?}", c.covered);
    }
    assert!(c.missing.iter().any(|x| x == "bigger"), "{:?}", c.missing);
    assert!(c.points > 0.0 && c.points <= c.max_points, "{c:?}");
    assert!(c.credit > 0.0 && c.credit < 1.0, "{c:?}");
    // The summary says it, and every renderer shows it.
    let feedback = grader.feedback(&grade);
    assert!(
        feedback.summary.contains("reference words"),
        "{}",
        feedback.summary
    );
    use rubric_grader::feedback::render::{
        explanation_to_text, to_json, to_markdown, to_text, Style,
    };
    let text = to_text(&grade, &feedback, Style::PLAIN);
    let markdown = to_markdown(&grade, &feedback);
    let json = to_json(&grade, &feedback);
    let explain = explanation_to_text(&grader.explain(answer).unwrap(), Style::PLAIN);
    assert!(text.contains("missing: "), "{text}");
    assert!(
        markdown.contains("### Reference-word coverage"),
        "{markdown}"
    );
    assert!(json.contains("\"coverage\""), "{json}");
    assert!(explain.contains("Reference-word coverage"), "{explain}");
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("coverage_text", text);
        insta::assert_snapshot!("coverage_markdown", markdown);
        insta::assert_snapshot!("coverage_json", json);
        insta::assert_snapshot!("coverage_explain", explain);
    });
}

#[test]
fn issue18_hand_written_rubrics_report_no_coverage() {
    let bank = Bank::embedded().unwrap();
    let entry = &bank.entries()[0];
    let grader = Grader::for_entry(&bank, entry).unwrap();
    let grade = grader.grade(&entry.rubric.model_answer).unwrap();
    assert!(grade.coverage.is_none());
    let feedback = grader.feedback(&grade);
    let json = rubric_grader::feedback::render::to_json(&grade, &feedback);
    assert!(!json.contains("\"coverage\""));
    assert!(!feedback.summary.contains("reference words"));
}

#[test]
fn issue18_acronyms_and_degrees_cover_reference_words() {
    let (_, grader) = drafted(
        "How does the pitch of a short string differ from a long one?",
        &["A shorter string vibrates faster, so its pitch is higher."],
    );
    let g = grader.grade("short strings give a high pitch").unwrap();
    let c = g.coverage.unwrap();
    assert!(c.covered.iter().any(|w| w == "higher"), "{c:?}");
    let (_, grader) = drafted(
        "What does FIFO mean for a queue?",
        &["The queue is FIFO: the oldest element leaves first."],
    );
    let c = grader
        .grade("first in first out, the oldest leaves first")
        .unwrap()
        .coverage
        .unwrap();
    assert!(c.covered.iter().any(|w| w == "fifo"), "{c:?}");
}
