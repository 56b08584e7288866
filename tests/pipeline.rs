//! The grading pipeline as one rule: every marked example of the bank keeps its score (pinned
//! by a snapshot), the follow-up probe, the hint and the kit name the same concept, and every
//! result type round-trips through serde.

mod util;

use std::time::Duration;

use rubric_grader::authoring::marked::{self, TestReport};
use rubric_grader::batch::Summary;
use rubric_grader::interview::{Interview, Kit, Plan};
use rubric_grader::{Bank, Explanation, Grade, Grader};

/// Every marked example of the shipped bank with its score. A change to the engine, the scoring
/// rule or a rubric that moves any of them shows up here for review.
#[test]
fn bank_example_scores() {
    let bank = Bank::embedded().unwrap();
    let report = marked::run(&bank, &marked::bank_examples(&bank));
    let lines: Vec<String> = report
        .cases
        .iter()
        .map(|c| format!("{:<28} {:>5.1} {}", c.source, c.score, c.band))
        .collect();
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("bank_example_scores", lines.join("\n"));
    });
}

const REQUIRED_IN_GROUP: &str = r#"(
    id: "x01", title: "Probe agreement", category: "demo", level: mid,
    question: "Which concept matters most?", model_answer: "alpha bravo charlie delta",
    concepts: [
        (id: "a", label: "alpha", weight: 1.0, matcher: Any(["alpha"]), hint: "say alpha", follow_up: "What about alpha?"),
        (id: "b", label: "bravo", weight: 3.0, matcher: Any(["bravo"]), hint: "say bravo", follow_up: "What about bravo?"),
        (id: "c", label: "charlie", weight: 2.0, matcher: Any(["charlie"]), hint: "say charlie", follow_up: "What about charlie?"),
        (id: "d", label: "delta", weight: 1.0, matcher: Any(["delta"]), hint: "say delta", follow_up: "What about delta?"),
    ],
    groups: [(id: "g", label: "charlie or delta", k: 1, weight: 2.0, required: true, concepts: ["c", "d"])],
)"#;

/// A bank of one rubric in a fresh folder (removed when the returned `TempDir` drops).
fn temp_bank(ron: &str) -> (tempfile::TempDir, Bank) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x01-probe-agreement.ron"), ron).unwrap();
    let (bank, errors) = Bank::scan(&[dir.path().to_path_buf()]).unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    (dir, bank)
}

#[test]
fn probe_hint_and_kit_agree_on_a_required_group_member() {
    let (_dir, bank) = temp_bank(REQUIRED_IN_GROUP);
    let entry = bank.find("x01").unwrap();
    let grader = Grader::for_entry(&bank, entry).unwrap();

    // Nothing answered: bravo has the largest share, but charlie's required group blocks the
    // top band, so charlie comes first everywhere.
    let grade = grader.grade("I am not sure.").unwrap();
    let probe = grader.feedback(&grade).follow_up.unwrap().concept;
    let kit = Kit::new(&bank, &["x01"]).unwrap();
    let listen_first = kit.questions[0].listen_for[0].id.clone();
    let plan = Plan {
        count: 1,
        ids: vec!["x01".into()],
        ..Plan::default()
    };
    let mut interview = Interview::new(&bank, plan).unwrap();
    interview.next_question().unwrap().unwrap();
    let hint = interview.hint().unwrap().concept;
    let graded = interview
        .submit("I am not sure.", Duration::from_secs(5))
        .unwrap();
    let interview_probe = graded.follow_up().unwrap().concept.clone();
    assert_eq!(
        (
            probe.as_str(),
            hint.as_str(),
            listen_first.as_str(),
            interview_probe.as_str()
        ),
        ("c", "c", "c", "c")
    );

    // Once the group has a member, the requirement is met: bravo's share leads.
    let grade = grader.grade("delta").unwrap();
    assert_eq!(grader.feedback(&grade).follow_up.unwrap().concept, "b");
    assert_eq!(
        grader.model().misses(&[false, false, false, true]),
        vec![1, 0]
    );
}

#[test]
fn result_types_round_trip_through_serde() {
    let bank = Bank::embedded().unwrap();
    let grader = Grader::for_entry(&bank, bank.find("g06").unwrap()).unwrap();
    let answer = "SIGTERM races the endpoint removal; kube-proxy lags, so add a preStop sleep. No need for a PDB.";

    let grade = grader.grade(answer).unwrap();
    let back: Grade = serde_json::from_str(&serde_json::to_string(&grade).unwrap()).unwrap();
    assert_eq!(back, grade);

    let explanation = grader.explain(answer).unwrap();
    let back: Explanation =
        serde_json::from_str(&serde_json::to_string(&explanation).unwrap()).unwrap();
    assert_eq!(back, explanation);

    let feedback = grader.feedback(&grade);
    let back: rubric_grader::Feedback =
        serde_json::from_str(&serde_json::to_string(&feedback).unwrap()).unwrap();
    assert_eq!(back, feedback);

    let report = marked::run(&bank, &marked::bank_examples(&bank)[..20]);
    let back: TestReport = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);

    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"question": "g06", "answer": answer}),
        serde_json::json!({"question": "nope", "answer": answer})
    );
    let summary = rubric_grader::batch::run(
        &bank,
        input.as_bytes(),
        rubric_grader::batch::InputFormat::JsonLines,
        Vec::new(),
        &rubric_grader::batch::BatchOptions::default(),
        |_| {},
        |_| {},
    )
    .unwrap();
    let back: Summary = serde_json::from_str(&serde_json::to_string(&summary).unwrap()).unwrap();
    assert_eq!(back, summary);
}
