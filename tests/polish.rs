//! The finish of a complete answer: too short to explain, padded with filler, or with a credited
//! term misspelt caps it at 90; nothing else changes, and answers below the cap are untouched.

use rubric_grader::{Grader, Rubric, WarningCode, POLISH_CAP};

const RUBRIC: &str = r#"(
    id: "term", title: "Termination", category: "demo", level: mid,
    question: "What happens to a container's processes when its pod is deleted?",
    model_answer: "When the pod is deleted the API server sets a deletion timestamp and the kubelet starts a graceful shutdown. It runs any preStop hook first, then sends SIGTERM to the main process of each container so the application can stop accepting work, finish in-flight requests and flush its state. The kubelet then waits for the rest of terminationGracePeriodSeconds, thirty seconds unless the pod sets another value, counted from the start of the shutdown and including the time the hook took. If a process is still running when the grace period ends, the runtime sends SIGKILL, which cannot be caught, and the container is gone. Meanwhile the endpoints controller removes the pod from its Services, which happens in parallel, so a short sleep in the preStop hook keeps traffic from arriving after the process has stopped listening.",
    concepts: [
        (id: "sigterm", label: "SIGTERM first", matcher: Any(["SIGTERM"]), hint: "Which signal comes first?"),
        (id: "grace", label: "grace period", matcher: Any(["grace period", "terminationGracePeriodSeconds"]), hint: "How long does the kubelet wait?"),
        (id: "sigkill", label: "SIGKILL after it", matcher: Any(["SIGKILL"]), hint: "And then?"),
    ],
)"#;

fn grader() -> Grader {
    Grader::new(&Rubric::from_ron(RUBRIC, "<polish>").unwrap()).unwrap()
}

const STRONG: &str =
    "Deleting the pod starts a graceful shutdown on the node. The kubelet runs the \
    preStop hook, then sends SIGTERM so the application can stop taking new work and finish what \
    it is doing. It then waits out the grace period, thirty seconds by default, and if the \
    process is still alive after that the runtime sends SIGKILL, which the process cannot catch \
    or ignore, so the container stops for certain.";

fn codes(g: &rubric_grader::Grade) -> Vec<WarningCode> {
    g.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn a_complete_well_made_answer_keeps_full_marks() {
    let g = grader().grade(STRONG).unwrap();
    assert_eq!(g.score, 100.0, "{:?}", g.warnings);
}

#[test]
fn a_terse_complete_answer_is_capped() {
    let g = grader()
        .grade("SIGTERM first, then SIGKILL once the grace period runs out.")
        .unwrap();
    assert_eq!(g.score, POLISH_CAP);
    assert!(
        codes(&g).contains(&WarningCode::ShortAnswer),
        "{:?}",
        g.warnings
    );
}

#[test]
fn a_padded_complete_answer_is_capped() {
    let padded = format!(
        "Great question, and one I remember debating at a previous company. {STRONG} \
         At the end of the day it is about culture as much as tooling. Hope that helps!"
    );
    let g = grader().grade(&padded).unwrap();
    assert_eq!(g.score, POLISH_CAP);
    assert!(codes(&g).contains(&WarningCode::Padded), "{:?}", g.warnings);
    // One stray pleasantry is not padding.
    let g = grader().grade(&format!("Good question. {STRONG}")).unwrap();
    assert_eq!(g.score, 100.0, "{:?}", g.warnings);
}

#[test]
fn a_misspelt_credited_term_caps_and_is_named() {
    let misspelt = STRONG.replace("grace period", "grace peroid");
    let g = grader().grade(&misspelt).unwrap();
    assert!(
        g.concepts[1].hit,
        "typo tolerance still credits the concept"
    );
    assert_eq!(g.score, POLISH_CAP);
    let w = g
        .warning(WarningCode::Misspelt)
        .expect("a misspelling warning");
    assert!(w.message.contains("peroid"), "{}", w.message);
}

#[test]
fn answers_below_the_cap_and_follow_ups_are_untouched() {
    // Two of three concepts, terse and padded: its share stands, with no finish warnings.
    let g = grader()
        .grade("Great question! In my experience it gets SIGTERM and then SIGKILL.")
        .unwrap();
    assert!(g.score < POLISH_CAP);
    assert!(!codes(&g)
        .iter()
        .any(|c| matches!(c, WarningCode::ShortAnswer | WarningCode::Padded)));
    // A follow-up is short by nature.
    let g = grader()
        .grade_follow_up(
            "What happens after SIGTERM?",
            "sigkill",
            "SIGTERM, then the grace period, then SIGKILL.",
        )
        .unwrap();
    assert!(
        !codes(&g).contains(&WarningCode::ShortAnswer),
        "{:?}",
        g.warnings
    );
}

#[test]
fn many_misspelt_plain_words_cap_and_are_named() {
    // The credited terms are spelt right; the words around them are not.
    let hasty = "deleteing the pod starts a gracefull shutdown on the node. the kubelet runs the \
        prestop hook, then sends SIGTERM so the aplication can stop taking new work and finsh what \
        it is doing. it then waits out the grace period, thirty seconds by defualt, and if the \
        proces is still alive after that the runtime sends SIGKILL, which the process cannot catch \
        or ignore, so the containr stops for certian.";
    let g = grader().grade(hasty).unwrap();
    assert_eq!(g.score, POLISH_CAP, "{:?}", g.warnings);
    let w = g
        .warning(WarningCode::Misspelt)
        .expect("a misspelling warning");
    assert!(w.message.contains("aplication"), "{}", w.message);
}

#[test]
fn inflections_terms_of_art_and_the_rubric_s_own_words_are_not_misspellings() {
    // Plurals and past tenses of dictionary words, the rubric's own vocabulary
    // (terminationGracePeriodSeconds, preStop), a few terms of art and a British spelling.
    let careful = format!(
        "{STRONG} The templates, rollouts and replayed requests are unaffected; the behaviour is \
         the same with a daemonset, and the kubelet's backoff only applies to restarts."
    );
    let g = grader().grade(&careful).unwrap();
    assert!(
        g.warning(WarningCode::Misspelt).is_none(),
        "{:?}",
        g.warnings
    );
    assert_eq!(g.score, 100.0, "{:?}", g.warnings);
}

/// A very short answer that misses the required concept and names nothing specific is weak
/// (capped at 25); the same length naming settings, flags or numbers is judged on its content.
#[test]
fn a_short_vague_answer_missing_the_centre_is_weak() {
    let rubric = r#"(
        id: "ha", title: "Controller manager HA", category: "demo", level: mid,
        question: "How do several kube-controller-manager replicas avoid doing the same work twice?",
        model_answer: "Only one replica works at a time: they run leader election on a Lease object in kube-system. The leader renews the Lease every few seconds; the others watch it and take over when it expires (the default lease duration is 15 seconds), so a failover takes about that long.",
        concepts: [
            (id: "lease", label: "leader election on a Lease", weight: 3.0, required: true,
             matcher: Any(["Lease", "leader election", "leaderElection"]), hint: "What object do they compete for?"),
            (id: "standby", label: "one active, the others on standby", weight: 1.0,
             matcher: Any(["standby", "only one is active", "only one active"]), hint: "How many work at once?"),
            (id: "takeover", label: "another takes over when the leader fails", weight: 1.0,
             matcher: Any(["takes over", "take over"]), hint: "And when the leader dies?"),
        ],
    )"#;
    let grader = Grader::new(&Rubric::from_ron(rubric, "<vague>").unwrap()).unwrap();
    let vague = grader
        .grade("Only one of them is active and the others are on standby. If it fails another one takes over automatically.")
        .unwrap();
    assert_eq!(vague.score, 25.0, "{:?}", vague.warnings);
    assert!(
        codes(&vague).contains(&WarningCode::Vague),
        "{:?}",
        vague.warnings
    );
    // As short, but naming what it means: judged on its content.
    let specific = grader
        .grade("Only one is active, the others on standby; with --leader-elect=true another takes over after 15s.")
        .unwrap();
    assert!(specific.score > 25.0, "{:?}", specific.warnings);
    assert!(!codes(&specific).contains(&WarningCode::Vague));
}
