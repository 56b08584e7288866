//! Feedback rendering: text, Markdown and JSON, pinned by snapshots in `snapshots/`.

mod util;

use rubric_grader::feedback::render::{to_json, to_markdown, to_text, Style};

const STRONG: &str = "SIGTERM reaches the app while kube-proxy still routes to it: a race. Add a preStop hook that sleeps, \
raise terminationGracePeriodSeconds, drain in-flight requests, use readiness probes and a PDB. \
Never run it privileged. Watch kubectl rollout status.";

const PARTIAL_WITH_MISCONCEPTION: &str =
    "Add a pre-stop sleep so the app waits. If that fails, force delete the pod, that is the fix. \
You don't need a PodDisruptionBudget.";

#[test]
fn text_feedback() {
    let g = util::fixture_grader();
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("text_strong", {
            let grade = g.grade(STRONG).unwrap();
            to_text(&grade, &g.feedback(&grade), Style::PLAIN)
        });
        insta::assert_snapshot!("text_partial", {
            let grade = g.grade(PARTIAL_WITH_MISCONCEPTION).unwrap();
            to_text(&grade, &g.feedback(&grade), Style::PLAIN)
        });
    });
}

#[test]
fn markdown_feedback() {
    let g = util::fixture_grader();
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("markdown_partial", {
            let grade = g.grade(PARTIAL_WITH_MISCONCEPTION).unwrap();
            to_markdown(&grade, &g.feedback(&grade))
        });
    });
}

#[test]
fn json_feedback_shape_is_stable() {
    let g = util::fixture_grader();
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("json_partial", {
            let grade = g.grade(PARTIAL_WITH_MISCONCEPTION).unwrap();
            to_json(&grade, &g.feedback(&grade))
        });
    });
}

#[test]
fn colour_only_when_asked() {
    let g = util::fixture_grader();
    let grade = g.grade(STRONG).unwrap();
    let feedback = g.feedback(&grade);
    assert!(!to_text(&grade, &feedback, Style::PLAIN).contains('\x1b'));
    assert!(to_text(&grade, &feedback, Style::COLOR).contains("\x1b["));
}

#[test]
fn keyword_salad_is_capped_with_a_warning() {
    let g = util::fixture_grader();
    let grade = g.grade("preStop, SIGTERM, kube-proxy, endpoints, PDB, maxSurge, readiness probe, exit code 137, kubectl rollout status").unwrap();
    assert!(grade.score < 60.0, "{}", grade.score);
    assert!(grade
        .warning(rubric_grader::WarningCode::KeywordSalad)
        .is_some());
}

#[test]
fn missing_required_concept_caps_the_band() {
    let g = util::fixture_grader();
    let grade = g
        .grade("Add a preStop hook that sleeps, raise terminationGracePeriodSeconds, drain in-flight requests, use readiness probes, maxSurge and a PDB. Never run it privileged. Watch kubectl rollout status and exit code 137.")
        .unwrap();
    assert!(!grade.concept("race").unwrap().hit);
    assert!(grade.score < 80.0);
    assert_ne!(grade.band, rubric_grader::Band::Strong);
}

#[test]
fn groups_give_k_of_n_credit() {
    let g = util::fixture_grader();
    let one = g
        .grade("Use readiness probes so traffic only reaches ready pods.")
        .unwrap();
    let two = g.grade("Use readiness probes so traffic only reaches ready pods, and a PDB to limit disruption.").unwrap();
    assert_eq!(one.groups[0].credit, 0.5);
    assert_eq!(two.groups[0].credit, 1.0);
}

#[test]
fn command_words_do_not_hide_a_keyword_list() {
    // See: rubric authors' report on q011 ("get" and "up" counted as function words).
    let g = util::fixture_grader();
    let grade = g.grade("SIGTERM endpoints race, preStop sleep, kubectl get pdb, scale up, readiness probe, maxSurge, kubectl rollout status").unwrap();
    assert!(
        grade
            .warning(rubric_grader::WarningCode::KeywordSalad)
            .is_some(),
        "{:?}",
        grade.warnings
    );
}

#[test]
fn terse_explained_notes_are_not_keyword_salad() {
    // See: g07, g11 and q073 strong examples (notes with `label: point` and arrows).
    let g = util::fixture_grader();
    let grade = g
        .grade("- cause: SIGTERM arrives while kube-proxy still routes -> 502s\n- fix: preStop sleep 10, terminationGracePeriodSeconds = 40\n- safety: readiness probes, PDB with maxUnavailable 1")
        .unwrap();
    assert!(
        grade
            .warning(rubric_grader::WarningCode::KeywordSalad)
            .is_none(),
        "{:?}",
        grade.warnings
    );
}

#[test]
fn a_required_concept_inside_a_group_still_caps_the_band() {
    // See: leak audit report (q007's required multi-container concept sat in a group and was ignored).
    let ron = r#"(id: "x", title: "x", category: "x", level: mid, question: "x", model_answer: "x",
        concepts: [
            (id: "a", label: "a", required: true, matcher: Any(["alpha"]), hint: "h"),
            (id: "b", label: "b", matcher: Any(["bravo"]), hint: "h"),
            (id: "c", label: "c", matcher: Any(["charlie"]), hint: "h"),
        ],
        groups: [(id: "g", label: "g", k: 1, concepts: ["a", "b"])])"#;
    let g =
        rubric_grader::Grader::new(&rubric_grader::Rubric::from_ron(ron, "<t>").unwrap()).unwrap();
    let grade = g.grade("bravo and charlie").unwrap();
    assert!(grade.score < 80.0, "{}", grade.score);
    assert!(grade
        .warning(rubric_grader::WarningCode::RequiredMissing)
        .is_some());
}
