//! Authoring tools: marked-response testing, explain, drafting. Reports pinned by snapshots.

mod util;

use rubric_grader::authoring::draft::{draft, to_ron, Background, DraftOptions};
use rubric_grader::authoring::marked::{self, Expected, MarkedAnswer};
use rubric_grader::authoring::{lint, Severity};
use rubric_grader::feedback::render::{explanation_to_text, Style};
use rubric_grader::matching::NearMissReason;
use rubric_grader::{Band, Bank, Glossary, Grader};

fn fixture_bank() -> Bank {
    let (bank, errors) = Bank::from_sources(
        vec![(
            "tests/fixtures/t01-termination.ron".into(),
            util::FIXTURE.into(),
        )],
        None,
    );
    assert!(errors.is_empty(), "{errors:?}");
    bank
}

#[test]
fn marked_report_with_cases_file() {
    let bank = fixture_bank();
    let mut cases = marked::bank_examples(&bank);
    let jsonl = concat!(
        r#"{"question": "t01", "answer": "Restart it and hope.", "score": 0}"#,
        "\n",
        r#"{"question": "t01", "answer": "SIGTERM races the endpoint removal in kube-proxy; add a preStop sleep and a PDB.", "score": 70}"#,
        "\n",
        "not json\n",
        r#"{"question": "nope", "answer": "x", "expected": [0, 10]}"#,
        "\n",
        r#"{"question": "t01", "answer": "x"}"#,
        "\n"
    );
    let (more, errors) = marked::read_cases(jsonl.as_bytes(), "cases.jsonl");
    assert_eq!(more.len(), 3);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].starts_with("cases.jsonl:3: "));
    assert!(errors[1].starts_with("cases.jsonl:5: "));
    cases.extend(more);
    let report = marked::run(&bank, &cases);
    assert_eq!(
        report.errors.len(),
        1,
        "unknown question reported: {:?}",
        report.errors
    );
    assert_eq!(report.overall.n, 6);
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("marked_report", marked::render_text(&report, 3));
    });
}

#[test]
fn agreement_of_a_perfect_and_a_reversed_grader() {
    // Hand-made expectations that the fixture grader gets exactly right or exactly wrong.
    let bank = fixture_bank();
    let strong = "SIGTERM hits the app while kube-proxy still routes to it, a race. Add a preStop sleep, raise terminationGracePeriodSeconds, drain in-flight requests, use readiness probes and a PDB, never run privileged, watch kubectl rollout status.";
    let weak = "Restart the deployment.";
    let case = |answer: &str, expected| MarkedAnswer {
        question: "t01".into(),
        answer: answer.into(),
        expected,
        source: "hand".into(),
        kind: None,
    };
    let right = marked::run(
        &bank,
        &[
            case(strong, Expected::Range(80.0, 100.0)),
            case(weak, Expected::Range(0.0, 10.0)),
        ],
    );
    assert_eq!(right.overall.within, 1.0);
    assert_eq!(right.overall.pair_agreement, Some(1.0));
    assert_eq!(right.overall.mae, Some(0.0));
    let wrong = marked::run(
        &bank,
        &[
            case(strong, Expected::Score(0.0)),
            case(weak, Expected::Score(100.0)),
        ],
    );
    assert_eq!(wrong.overall.within, 0.0);
    assert_eq!(wrong.overall.pair_agreement, Some(0.0));
    assert!((wrong.overall.spearman.unwrap() + 1.0).abs() < 1e-9);
    assert_eq!(wrong.confusion[3][0], 1, "expected strong, graded weak");
}

#[test]
fn explain_reports_hits_and_near_misses() {
    let g = util::fixture_grader();
    let e = g
        .explain("No preStop hook is needed. Exit code 138 happened. The readines prbe failed; kubectl rolout status.")
        .unwrap();
    let reasons: Vec<&NearMissReason> = e
        .concepts
        .iter()
        .flat_map(|c| &c.matchers)
        .flat_map(|m| &m.near_misses)
        .map(|n| &n.reason)
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| matches!(r, NearMissReason::Negated { .. })),
        "{reasons:?}"
    );
    assert!(reasons.iter().any(|r| matches!(r, NearMissReason::NumberDiffers { expected, found } if expected == "137" && found == "138")), "{reasons:?}");
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("explain_text", explanation_to_text(&e, Style::PLAIN));
    });
}

const CS_QUESTION: &str = "What is the role of a prototype program in problem solving?";
const CS_ANSWER: &str = "A prototype simulates the behavior of portions of the desired software product, so that \
the team can validate the requirements with users and find design problems early, before the full implementation.";

#[test]
fn draft_from_a_model_answer_is_lint_clean_and_tops_its_own_model_answer() {
    let glossary = Glossary::default();
    let options = DraftOptions {
        id: "cs01".into(),
        category: "software-engineering".into(),
        ..DraftOptions::default()
    };
    // A fixed background (not the bank, which changes) so the snapshot is stable.
    let background = Background::from_documents([
        "A linked list stores elements in nodes that point to the next node.",
        "A stack is a last in first out structure supporting push and pop.",
        "The software development life cycle covers requirements, design, implementation and testing.",
        "Binary search needs a sorted array and halves the range at each step.",
        "A class defines the behavior and data of objects in a program.",
    ]);
    let rubric = draft(CS_QUESTION, CS_ANSWER, &background, &glossary, &options);
    assert!(
        (3..=8).contains(&rubric.concepts.len()),
        "{} concepts",
        rubric.concepts.len()
    );
    let grader = Grader::builder()
        .glossary(&glossary)
        .build(&rubric)
        .unwrap();
    assert_eq!(grader.grade(CS_ANSWER).unwrap().band, Band::Strong);
    // A student answer in other words still earns credit; an unrelated one does not.
    let paraphrase = grader.grade("It simulates how parts of the software product behave so requirements can be validated early.").unwrap();
    let unrelated = grader
        .grade("A linked list stores nodes with pointers to the next node.")
        .unwrap();
    assert!(
        paraphrase.score > unrelated.score + 15.0,
        "{} vs {}",
        paraphrase.score,
        unrelated.score
    );
    let text = to_ron(&rubric);
    let (bank, errors) = Bank::from_sources(
        vec![("cs01-draft.ron".into(), text.clone())],
        Some(("g.ron".into(), "(entries: {})".into())),
    );
    let errors: Vec<String> = lint(&bank, errors)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    util::snapshot_settings().bind(|| insta::assert_snapshot!("draft_ron", text));
}

#[test]
fn drafts_of_the_bank_agree_with_the_hand_written_rubrics() {
    let bank = Bank::embedded().unwrap();
    let e = rubric_grader::authoring::draft::evaluate(&bank);
    assert_eq!(e.rubrics, bank.len());
    assert!(
        e.pair_agreement > 0.65,
        "pair agreement {}",
        e.pair_agreement
    );
    assert!(e.model_answer_top_band > 0.9, "{}", e.model_answer_top_band);
}
