//! Mock interviews through the library: the state machine (every invalid step is an error), the
//! follow-up and hint rules, seeded and adaptive selection, transcripts (save, load, resume,
//! corrupt and foreign files), interviewer notes, kits, practice, and scorecard snapshots.

mod util;

use std::time::Duration;

use rubric_grader::interview::render::{self, Style};
use rubric_grader::interview::{
    FollowUpStatus, Interview, InterviewError, Kit, Outcome, Phase, Plan, PracticeLog, Scorecard,
    Step, Transcript, Verdict, FOLLOW_UP_RECOVERY, HINT_COST,
};
use rubric_grader::{Band, Bank, Level};

// A small bank of its own, so scores and snapshots do not move when the shipped rubrics are
// tuned. No glossary references, except in the shared fixture `t01`.
const M01: &str = r#"(
    id: "m01", title: "Service has no endpoints", category: "networking", level: mid,
    question: "A Service has no endpoints. What do you check?",
    tags: ["service", "endpoints", "labels"],
    model_answer: "Compare the Service selector with the pod labels, check readiness because only ready pods become endpoints, look at kubectl get endpoints and the EndpointSlices, and make sure the Service and the pods share a namespace.",
    concepts: [
        (id: "selector", label: "selector matches pod labels", weight: 2.0, required: true,
         matcher: Any(["selector", "pod labels"]), hint: "Compare the Service selector with the pod labels.",
         follow_up: "How do you compare the selector with the labels?"),
        (id: "readiness", label: "only ready pods become endpoints", matcher: Any(["readiness", "not ready"]),
         hint: "Only ready pods become endpoints.", follow_up: "Which pods does the endpoint controller leave out?",
         study: "Kubernetes docs: EndpointSlices"),
        (id: "endpoints", label: "inspect the endpoints", matcher: Any(["kubectl get endpoints", "EndpointSlices"]),
         hint: "Look at the EndpointSlices."),
        (id: "namespace", label: "same namespace", matcher: Any(["namespace"]),
         hint: "The Service and the pods must share a namespace."),
    ],
    misconceptions: [
        (id: "kube-proxy", label: "restarting kube-proxy creates endpoints", matcher: Any(["restart kube-proxy"]),
         penalty: 15.0, correction: "The endpoint controller creates endpoints; kube-proxy only programs rules."),
    ],
)"#;

const S01: &str = r#"(
    id: "s01", title: "DNS lookups time out", category: "networking", level: senior,
    question: "Pods see intermittent DNS timeouts. Why, and what do you do?",
    tags: ["dns", "conntrack"],
    model_answer: "ndots 5 makes every external name walk the search domains first, multiplying queries; parallel A and AAAA lookups over UDP hit a conntrack race that drops packets. Run NodeLocal DNSCache, lower ndots, and confirm with the CoreDNS logs and latency metrics.",
    concepts: [
        (id: "ndots", label: "ndots multiplies queries", weight: 2.0, required: true, matcher: Any(["ndots"]),
         hint: "ndots 5 makes external names try every search domain first.",
         follow_up: "What does ndots 5 do to a lookup of an external name?"),
        (id: "conntrack", label: "UDP conntrack race", weight: 2.0, matcher: Any(["conntrack", "race"]),
         hint: "Parallel UDP queries race in conntrack and get dropped.",
         follow_up: "Why would parallel A and AAAA queries lose packets?"),
        (id: "nodelocal", label: "NodeLocal DNSCache", matcher: Any(["NodeLocal DNSCache", "node-local cache"]),
         hint: "Run NodeLocal DNSCache on every node."),
        (id: "logs", label: "CoreDNS logs", matcher: Any(["CoreDNS logs"]), hint: "Read the CoreDNS logs.",
         follow_up: "Where would you look for evidence?"),
        (id: "metrics", label: "CoreDNS metrics", matcher: Any(["latency metrics"]), hint: "Check the CoreDNS latency metrics."),
    ],
    groups: [
        (id: "evidence", label: "evidence", k: 1, weight: 1.0, concepts: ["logs", "metrics"], hint: "Bring evidence."),
    ],
)"#;

const X01: &str = r#"(
    id: "x01", title: "Move stateful workloads to another region", category: "storage", level: staff,
    question: "Plan moving 40 stateful services to another region.",
    tags: ["storage", "migration", "endpoints"],
    model_answer: "Recreate every namespace with its quotas first, copy data with volume snapshots and replication, rehearse the cutover, keep the downtime window short, check readiness before switching the Service selector over, and keep a rollback path.",
    concepts: [
        (id: "snapshots", label: "snapshots and replication", weight: 2.0, required: true, matcher: Any(["snapshots", "replication"]),
         hint: "Copy data with volume snapshots or replication.", follow_up: "How would you copy the data consistently?"),
        (id: "cutover", label: "rehearsed cutover", matcher: Any(["cutover", "downtime"]), hint: "Plan and rehearse the cutover."),
        (id: "rollback", label: "rollback path", matcher: Any(["rollback", "roll back"]), hint: "Keep a way back."),
    ],
)"#;

const M02: &str = r#"(
    id: "m02", title: "PVC stuck in Pending", category: "storage", level: mid,
    question: "A PersistentVolumeClaim stays Pending. What do you check?",
    tags: ["storage", "pvc"],
    model_answer: "Check the StorageClass exists and has a provisioner, read the events with kubectl describe pvc, and look at zones: with WaitForFirstConsumer the volume binds only when a pod is scheduled.",
    concepts: [
        (id: "storageclass", label: "StorageClass exists", weight: 2.0, required: true, matcher: Any(["StorageClass", "storage class"]),
         hint: "Check the StorageClass named by the claim."),
        (id: "events", label: "read the PVC events", matcher: Any(["kubectl describe pvc", "events"]),
         hint: "The provisioner reports errors as events.", follow_up: "Where does the provisioner report its error?"),
        (id: "provisioner", label: "provisioner running", matcher: Any(["provisioner"]), hint: "Is the CSI provisioner running?"),
        (id: "zone", label: "zones and WaitForFirstConsumer", matcher: Any(["zone", "WaitForFirstConsumer"]),
         hint: "WaitForFirstConsumer binds only when a pod is scheduled."),
    ],
)"#;

fn test_bank() -> Bank {
    let files = [
        ("tests/m01.ron", M01),
        ("tests/s01.ron", S01),
        ("tests/x01.ron", X01),
        ("tests/m02.ron", M02),
        ("tests/fixtures/termination.ron", util::FIXTURE),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), t.to_string()))
    .collect();
    let (bank, errors) = Bank::from_sources(files, None);
    assert!(errors.is_empty(), "{errors:?}");
    bank
}

fn ids_plan(ids: &[&str]) -> Plan {
    Plan {
        ids: ids.iter().map(|s| s.to_string()).collect(),
        ..Plan::default()
    }
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

/// A fresh, empty folder for one test, removed when dropped (even when the test fails).
fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn invalid(err: InterviewError) -> (Step, Phase) {
    match err {
        InterviewError::InvalidStep { step, phase } => (step, phase),
        other => panic!("expected an invalid step, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The state machine

#[test]
fn every_invalid_step_is_an_error_and_changes_nothing() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02"])).unwrap();

    // Ready: nothing to answer, hint, skip or follow up.
    assert_eq!(iv.phase(), Phase::Ready);
    let before = iv.transcript().clone();
    assert_eq!(
        invalid(iv.submit("x", secs(1)).unwrap_err()),
        (Step::Submit, Phase::Ready)
    );
    assert_eq!(invalid(iv.hint().unwrap_err()), (Step::Hint, Phase::Ready));
    assert_eq!(invalid(iv.skip().unwrap_err()), (Step::Skip, Phase::Ready));
    assert_eq!(
        invalid(iv.answer_follow_up("x", secs(1)).unwrap_err()),
        (Step::AnswerFollowUp, Phase::Ready)
    );
    assert_eq!(iv.transcript(), &before);

    // Asking: no second question, no follow-up answer.
    iv.next_question().unwrap().expect("a question");
    assert_eq!(iv.phase(), Phase::Asking);
    let before = iv.transcript().clone();
    assert_eq!(
        invalid(iv.next_question().unwrap_err()),
        (Step::NextQuestion, Phase::Asking)
    );
    assert_eq!(
        invalid(iv.answer_follow_up("x", secs(1)).unwrap_err()),
        (Step::AnswerFollowUp, Phase::Asking)
    );
    assert_eq!(iv.transcript(), &before);

    // FollowUp: no next question, no answer, no hint.
    let graded = iv
        .submit("Compare the selector with the pod labels.", secs(30))
        .unwrap();
    assert!(graded.follow_up().is_some());
    assert_eq!(iv.phase(), Phase::FollowUp);
    let before = iv.transcript().clone();
    assert_eq!(
        invalid(iv.next_question().unwrap_err()),
        (Step::NextQuestion, Phase::FollowUp)
    );
    assert_eq!(
        invalid(iv.submit("x", secs(1)).unwrap_err()),
        (Step::Submit, Phase::FollowUp)
    );
    assert_eq!(
        invalid(iv.hint().unwrap_err()),
        (Step::Hint, Phase::FollowUp)
    );
    assert_eq!(iv.transcript(), &before);

    // Finished: everything is an error, including finishing again and resuming.
    iv.finish().unwrap();
    assert_eq!(iv.phase(), Phase::Finished);
    let before = iv.transcript().clone();
    assert_eq!(
        invalid(iv.next_question().unwrap_err()),
        (Step::NextQuestion, Phase::Finished)
    );
    assert_eq!(
        invalid(iv.submit("x", secs(1)).unwrap_err()),
        (Step::Submit, Phase::Finished)
    );
    assert_eq!(
        invalid(iv.hint().unwrap_err()),
        (Step::Hint, Phase::Finished)
    );
    assert_eq!(
        invalid(iv.skip().unwrap_err()),
        (Step::Skip, Phase::Finished)
    );
    assert_eq!(
        invalid(iv.answer_follow_up("x", secs(1)).unwrap_err()),
        (Step::AnswerFollowUp, Phase::Finished)
    );
    assert_eq!(
        invalid(iv.finish().unwrap_err()),
        (Step::Finish, Phase::Finished)
    );
    assert_eq!(iv.transcript(), &before);
    let err = Interview::resume(&bank, iv.into_transcript()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot resume after the interview has finished"
    );
}

#[test]
fn invalid_steps_read_well() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    assert_eq!(
        iv.answer_follow_up("x", secs(1)).unwrap_err().to_string(),
        "cannot answer a follow-up when no question is open"
    );
    iv.next_question().unwrap();
    assert_eq!(
        iv.next_question().unwrap_err().to_string(),
        "cannot ask the next question while a question is open"
    );
}

#[test]
fn an_answer_over_the_size_limit_leaves_the_question_open() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    iv.next_question().unwrap();
    let huge = "selector ".repeat(200_000);
    let err = iv.submit(&huge, secs(1)).unwrap_err();
    assert!(matches!(err, InterviewError::Grading(_)), "{err:?}");
    assert_eq!(iv.phase(), Phase::Asking);
    assert!(iv.submit("Check the selector.", secs(1)).is_ok());
}

#[test]
fn next_question_returns_none_when_the_plan_is_done() {
    let bank = test_bank();
    let mut iv = Interview::new(
        &bank,
        Plan {
            follow_ups: false,
            ..ids_plan(&["m02", "m01"])
        },
    )
    .unwrap();
    let mut asked = Vec::new();
    while let Some(q) = iv.next_question().unwrap() {
        assert_eq!(q.total, 2);
        asked.push(q.id.clone());
        iv.submit("I do not know.", secs(5)).unwrap();
        assert_eq!(iv.phase(), Phase::Ready, "follow-ups are off");
    }
    assert_eq!(asked, ["m02", "m01"], "explicit ids keep their order");
    assert!(iv.next_question().unwrap().is_none());
    assert_eq!(iv.finish().unwrap().questions.len(), 2);
}

#[test]
fn finishing_early_records_the_open_question_as_skipped() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02", "s01"])).unwrap();
    iv.next_question().unwrap();
    let card = iv.finish().unwrap();
    assert_eq!(
        card.questions.len(),
        1,
        "questions never asked do not count"
    );
    assert_eq!(card.questions[0].outcome, Outcome::Skipped);
    assert!(card.complete);
}

// ---------------------------------------------------------------------------------------------
// Follow-ups, hints, skips

#[test]
fn a_follow_up_that_covers_the_concept_recovers_half_its_share() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    iv.next_question().unwrap();
    // Covers selector (2 of 5 weight) and endpoints (1 of 5): 60 % of the weight, 53.5 on the
    // examiner's scale.
    let graded = iv
        .submit(
            "Compare the selector with the pod labels and run kubectl get endpoints.",
            secs(60),
        )
        .unwrap();
    assert_eq!(graded.grade.score, 53.5);
    let probe = graded.follow_up().expect("a probe").clone();
    assert_eq!(
        probe.concept, "readiness",
        "the most important miss with a follow-up"
    );
    assert_eq!(
        probe.question,
        "Which pods does the endpoint controller leave out?"
    );
    let turn = iv
        .answer_follow_up("The ones that are not ready.", secs(15))
        .unwrap();
    let fu = turn.follow_up.as_ref().unwrap();
    assert_eq!(fu.status, FollowUpStatus::Answered);
    assert!(fu.hit);
    // readiness is 1 of 5 weight = 20 points; half is 10.
    assert_eq!(fu.recovered, FOLLOW_UP_RECOVERY * 20.0);
    assert_eq!(turn.score, 63.5);
    assert_eq!(turn.band, Band::Good);
    let mark = turn
        .grade
        .as_ref()
        .unwrap()
        .concepts
        .iter()
        .find(|c| c.id == "readiness")
        .unwrap();
    assert!(mark.recovered && !mark.hit);
    assert_eq!(iv.phase(), Phase::Ready);
}

#[test]
fn a_follow_up_that_misses_recovers_nothing_and_a_declined_one_neither() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02"])).unwrap();
    iv.next_question().unwrap();
    iv.submit("Compare the selector with the pod labels.", secs(20))
        .unwrap();
    let turn = iv.answer_follow_up("No idea, sorry.", secs(5)).unwrap();
    assert!(!turn.follow_up.as_ref().unwrap().hit);
    assert_eq!(turn.score, turn.grade.as_ref().unwrap().score);

    iv.next_question().unwrap();
    let graded = iv.submit("Delete it and try again.", secs(10)).unwrap();
    assert!(graded.follow_up().is_some());
    let turn = iv.skip().unwrap();
    assert_eq!(
        turn.follow_up.as_ref().unwrap().status,
        FollowUpStatus::Declined
    );
    assert_eq!(turn.outcome, Outcome::Answered);
    assert_eq!(iv.phase(), Phase::Ready);
}

#[test]
fn a_group_member_missed_by_the_answer_counts_for_a_group_probe() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["s01"])).unwrap();
    iv.next_question().unwrap();
    // ndots and conntrack and nodelocal are covered; the evidence group (logs/metrics) is not.
    let graded = iv
        .submit(
            "ndots makes lookups slow and the conntrack race drops packets; run NodeLocal DNSCache.",
            secs(60),
        )
        .unwrap();
    assert_eq!(graded.follow_up().unwrap().concept, "logs");
    // The answer names the other member of the group: that counts.
    let turn = iv
        .answer_follow_up("I would check the latency metrics.", secs(10))
        .unwrap();
    let fu = turn.follow_up.as_ref().unwrap();
    assert!(fu.hit);
    // The group is worth 1 of 6 weight (k = 1): 16.67 points, half of it recovered.
    assert_eq!(fu.recovered, 8.3);
}

#[test]
fn no_follow_up_when_they_are_off() {
    let bank = test_bank();
    let mut iv = Interview::new(
        &bank,
        Plan {
            follow_ups: false,
            ..ids_plan(&["m01"])
        },
    )
    .unwrap();
    iv.next_question().unwrap();
    let graded = iv.submit("selector", secs(1)).unwrap();
    assert!(graded.follow_up().is_none());
    assert_eq!(iv.phase(), Phase::Ready);
}

#[test]
fn a_hint_shows_the_top_concept_and_costs_ten_percent_once() {
    let bank = test_bank();
    let mut iv = Interview::new(
        &bank,
        Plan {
            follow_ups: false,
            ..ids_plan(&["m01"])
        },
    )
    .unwrap();
    iv.next_question().unwrap();
    let hint = iv.hint().unwrap();
    assert_eq!(hint.concept, "selector", "required and heaviest");
    assert_eq!(
        hint.text,
        "Compare the Service selector with the pod labels."
    );
    assert_eq!(hint.cost, HINT_COST);
    assert_eq!(iv.hint().unwrap(), hint, "asking again shows the same hint");
    assert_eq!(iv.current_hint(), Some(&hint));
    let graded = iv.submit(M01_MODEL, secs(40)).unwrap();
    assert_eq!(graded.grade.score, 100.0);
    assert_eq!(graded.turn.score, 90.0, "charged once");
    assert_eq!(graded.turn.band, Band::Strong);
}

const M01_MODEL: &str = "Compare the Service selector with the pod labels, check readiness because only ready pods become endpoints, look at kubectl get endpoints, and make sure the namespace matches.";

#[test]
fn a_skipped_question_scores_zero() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02"])).unwrap();
    iv.next_question().unwrap();
    let turn = iv.skip().unwrap();
    assert_eq!(turn.outcome, Outcome::Skipped);
    assert_eq!((turn.score, turn.band), (0.0, Band::Weak));
    assert!(turn.follow_up.is_none());
    assert_eq!(iv.phase(), Phase::Ready);
}

#[test]
fn a_question_renders_with_its_position_and_budget() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02"])).unwrap();
    let q = iv.next_question().unwrap().unwrap();
    assert_eq!(
        render::question_to_text(&q, Style::PLAIN),
        "Question 1 of 2  m01 · networking · mid · budget 5m\nService has no endpoints\n\n\
         A Service has no endpoints. What do you check?\n"
    );
}

#[test]
fn elapsed_time_is_recorded_against_the_budget() {
    let bank = test_bank();
    let mut iv = Interview::new(
        &bank,
        Plan {
            time_budget_secs: Some(60),
            follow_ups: false,
            ..ids_plan(&["m01", "m02"])
        },
    )
    .unwrap();
    assert_eq!(
        iv.next_question().unwrap().unwrap().time_budget_secs,
        Some(60)
    );
    let t = iv.submit("selector", secs(61)).unwrap().turn;
    assert_eq!((t.elapsed_ms, t.over_budget), (61_000, true));
    iv.next_question().unwrap();
    let t = iv.submit("storage class", secs(59)).unwrap().turn;
    assert!(!t.over_budget);
}

// ---------------------------------------------------------------------------------------------
// Selection

fn run_through(bank: &Bank, plan: Plan, answer: impl Fn(&str) -> String) -> Vec<(String, Level)> {
    let mut iv = Interview::new(bank, plan).unwrap();
    let mut asked = Vec::new();
    while let Some(q) = iv.next_question().unwrap() {
        asked.push((q.id.clone(), q.level));
        let graded = iv.submit(&answer(&q.id), secs(30)).unwrap();
        if graded.follow_up().is_some() {
            iv.skip().unwrap();
        }
    }
    iv.finish().unwrap();
    asked
}

fn model_answer(bank: &Bank, id: &str) -> String {
    bank.find(id).unwrap().rubric.model_answer.clone()
}

#[test]
fn a_seeded_interview_is_deterministic() {
    let bank = Bank::embedded().unwrap();
    let plan = |seed| Plan {
        count: 5,
        seed,
        ..Plan::default()
    };
    let a = run_through(&bank, plan(2024), |_| "kubectl describe pod".into());
    let b = run_through(&bank, plan(2024), |_| "kubectl describe pod".into());
    assert_eq!(a, b, "same seed, same questions, same order");
    assert_eq!(a.len(), 5);
    let distinct: std::collections::HashSet<_> = a.iter().map(|(id, _)| id).collect();
    assert_eq!(distinct.len(), 5, "no question twice");
    let levels: Vec<Level> = a.iter().map(|(_, l)| *l).collect();
    let mut sorted = levels.clone();
    sorted.sort();
    assert_eq!(levels, sorted, "a fixed plan warms up, lowest level first");
    // Five questions from five different categories: selection spreads them.
    let cats: std::collections::HashSet<_> = a
        .iter()
        .map(|(id, _)| bank.find(id).unwrap().rubric.category.clone())
        .collect();
    assert_eq!(cats.len(), 5);
    let others: Vec<_> = (1..6)
        .map(|s| run_through(&bank, plan(s), |_| String::new()))
        .collect();
    assert!(others.iter().any(|o| *o != a), "seeds matter");

    // The whole scorecard is reproducible too.
    let card = |seed| {
        let mut iv = Interview::new(&bank, plan(seed)).unwrap();
        while let Some(q) = iv.next_question().unwrap() {
            let answer = model_answer(&bank, &q.id);
            iv.submit(&answer[..answer.len() / 2], secs(30)).unwrap();
            if iv.phase() == Phase::FollowUp {
                iv.answer_follow_up("kubectl describe and the events", secs(5))
                    .unwrap();
            }
        }
        iv.finish().unwrap()
    };
    assert_eq!(card(99), card(99));
}

#[test]
fn filters_are_honoured() {
    let bank = Bank::embedded().unwrap();
    let plan = Plan {
        count: 4,
        categories: vec!["Networking".into()],
        levels: vec![Level::Senior],
        seed: 5,
        ..Plan::default()
    };
    for (id, level) in run_through(&bank, plan, |_| String::new()) {
        assert_eq!(level, Level::Senior);
        assert_eq!(bank.find(&id).unwrap().rubric.category, "networking");
    }
}

#[test]
fn a_plan_that_selects_nothing_is_an_error() {
    let bank = test_bank();
    let err = Interview::new(
        &bank,
        Plan {
            categories: vec!["netwrking".into()],
            ..Plan::default()
        },
    )
    .unwrap_err();
    assert!(matches!(err, InterviewError::NoQuestions { .. }));
    assert_eq!(
        err.to_string(),
        "no question in the bank matches the plan (category `netwrking`; the bank has `networking`, `storage`, `testing`)"
    );
    let err = Interview::new(&bank, ids_plan(&["m99"])).unwrap_err();
    assert!(
        err.to_string().starts_with("unknown question `m99`"),
        "{err}"
    );
}

#[test]
fn adaptive_level_goes_up_after_strong_answers_and_down_after_weak_ones() {
    let bank = Bank::embedded().unwrap();
    let plan = Plan {
        count: 4,
        adaptive: true,
        seed: 11,
        ..Plan::default()
    };
    // Mid, senior, staff in the bank: start at senior.
    let strong = run_through(&bank, plan.clone(), |id| model_answer(&bank, id));
    assert_eq!(strong[0].1, Level::Senior);
    assert!(
        strong[1..].iter().all(|(_, l)| *l == Level::Staff),
        "{strong:?}"
    );
    let weak = run_through(&bank, plan.clone(), |_| "restart it".into());
    assert_eq!(weak[0].1, Level::Senior);
    assert!(weak[1..].iter().all(|(_, l)| *l == Level::Mid), "{weak:?}");
    // Lazily chosen, still deterministic.
    assert_eq!(
        strong,
        run_through(&bank, plan, |id| model_answer(&bank, id))
    );
}

#[test]
fn adaptive_falls_back_to_the_nearest_level_when_one_runs_out() {
    let bank = test_bank();
    let plan = Plan {
        count: 5,
        adaptive: true,
        ..Plan::default()
    };
    // One staff question only: after it, strong answers keep getting the nearest level.
    let asked = run_through(&bank, plan, |id| model_answer(&bank, id));
    assert_eq!(asked.len(), 5);
    assert_eq!(asked[0].1, Level::Senior);
    assert_eq!(asked[1].1, Level::Staff);
    assert_eq!(asked[2].1, Level::Senior);
}

// ---------------------------------------------------------------------------------------------
// Transcripts

/// Plays a scripted interview, calling `after_step` after every step (to save and resume).
fn scripted<'b>(
    bank: &'b Bank,
    mut after_step: impl FnMut(Interview<'b>) -> Interview<'b>,
) -> Transcript {
    let mut iv = Interview::new(bank, ids_plan(&["m01", "s01", "x01", "m02"])).unwrap();
    iv.set_candidate(Some("Ada".into()));
    let mut step = 0;
    loop {
        iv = after_step(iv);
        step += 1;
        match iv.phase() {
            Phase::Ready => {
                if iv.next_question().unwrap().is_none() {
                    iv.finish().unwrap();
                    return iv.into_transcript();
                }
            }
            Phase::Asking => {
                let id = iv.current_question().unwrap().id.clone();
                match id.as_str() {
                    "s01" if iv.current_hint().is_none() => {
                        iv.hint().unwrap();
                    }
                    "x01" => {
                        iv.skip().unwrap();
                    }
                    _ => {
                        iv.submit(answer_for(&id), secs(30 + step)).unwrap();
                    }
                }
            }
            Phase::FollowUp => {
                if iv.pending_follow_up().unwrap().concept == "readiness" {
                    iv.answer_follow_up("Pods that are not ready are left out.", secs(12))
                        .unwrap();
                } else {
                    iv.skip().unwrap();
                }
            }
            Phase::Finished => unreachable!("finish returns above"),
        }
    }
}

fn answer_for(id: &str) -> &'static str {
    match id {
        "m01" => "Compare the selector with the pod labels and run kubectl get endpoints. Otherwise restart kube-proxy.",
        "s01" => "Check ndots in resolv.conf and the conntrack race, and read the CoreDNS logs.",
        "m02" => "I would delete the claim and try again.",
        _ => "",
    }
}

#[test]
fn a_transcript_round_trips_and_resuming_after_every_step_changes_nothing() {
    let bank = test_bank();
    let straight = scripted(&bank, |iv| iv);
    assert!(straight.is_finished());
    assert_eq!(straight.turns.len(), 4);

    let tmp = temp_dir();
    let dir = tmp.path();
    let path = dir.join("session.json");
    let resumed = scripted(&bank, |iv| {
        iv.transcript().save_atomic(&path).unwrap();
        let loaded = Transcript::load(&path).unwrap();
        assert_eq!(&loaded, iv.transcript(), "save and load round-trip");
        Interview::resume(&bank, loaded).unwrap()
    });
    assert_eq!(resumed, straight);
    // The rename leaves no temporary file behind.
    let names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["session.json"]);
}

#[test]
fn resume_reasks_the_open_question_with_its_hint_still_charged() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01", "m02"])).unwrap();
    let q = iv.next_question().unwrap().unwrap();
    let hint = iv.hint().unwrap();
    let json = iv.transcript().to_json();

    let t = Transcript::from_json(&json, "<memory>").unwrap();
    let mut iv = Interview::resume(&bank, t).unwrap();
    assert_eq!(iv.phase(), Phase::Asking);
    assert_eq!(iv.current_question(), Some(&q));
    assert_eq!(iv.current_hint(), Some(&hint));
    let turn = iv.submit(M01_MODEL, secs(5)).unwrap().turn;
    assert_eq!(turn.score, 90.0);
}

#[test]
fn resume_keeps_a_pending_follow_up_pending() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    iv.next_question().unwrap();
    iv.submit("selector and kubectl get endpoints", secs(5))
        .unwrap();
    let t = iv.into_transcript();
    let mut iv = Interview::resume(&bank, t).unwrap();
    assert_eq!(iv.phase(), Phase::FollowUp);
    let turn = iv.answer_follow_up("not ready pods", secs(3)).unwrap();
    assert!(turn.follow_up.unwrap().hit);
}

#[test]
fn resuming_against_a_bank_without_the_question_is_an_error() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    iv.next_question().unwrap();
    let mut t = iv.into_transcript();
    t.plan.ids.clear();
    t.open.as_mut().unwrap().question.id = "zz9".into();
    let err = Interview::resume(&bank, t).unwrap_err();
    assert_eq!(
        err.to_string(),
        "cannot continue the interview: this transcript uses a different bank: question `zz9` is not in this one (pass the bank it was taken with as --rubrics DIR)"
    );
}

#[test]
fn corrupt_and_foreign_files_give_clear_errors_and_are_never_overwritten() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    iv.next_question().unwrap();
    let transcript = iv.transcript().clone();
    let json = transcript.to_json();
    let tmp = temp_dir();
    let dir = tmp.path();

    let cases: [(&str, String, &str); 5] = [
        (
            "truncated.json",
            json[..json.len() / 2].to_string(),
            "corrupt interview transcript",
        ),
        (
            "notes.md",
            "# My notes\n\n## g06\nsome text\n".into(),
            "not an interview transcript",
        ),
        (
            "other.json",
            r#"{"format": "something-else", "version": 1}"#.into(),
            "found `something-else`",
        ),
        (
            "newer.json",
            json.replace("\"version\": 1", "\"version\": 99"),
            "format version 99 is newer",
        ),
        (
            "broken-shape.json",
            json.replace("\"turns\": []", "\"turns\": 7"),
            "corrupt interview transcript: invalid type",
        ),
    ];
    for (name, content, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &content).unwrap();
        let err = Transcript::load(&path).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with(&path.display().to_string()), "{msg}");
        assert!(msg.contains(expected), "{name}: {msg}");
        let err = transcript.save_atomic(&path).unwrap_err();
        assert!(err.to_string().contains(expected), "{name}: {err}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            content,
            "{name} untouched"
        );
    }
    let missing = Transcript::load(dir.join("missing.json")).unwrap_err();
    assert!(matches!(missing, InterviewError::Io { .. }), "{missing:?}");

    // A transcript is replaced, atomically, by the next save.
    let path = dir.join("ok.json");
    transcript.save_atomic(&path).unwrap();
    transcript.save_atomic(&path).unwrap();
    assert_eq!(Transcript::load(&path).unwrap(), transcript);
}

// ---------------------------------------------------------------------------------------------
// Scorecards

fn snapshot_card() -> Scorecard {
    let bank = test_bank();
    Scorecard::from_transcript(&bank, &scripted(&bank, |iv| iv))
}

#[test]
fn scorecard_of_the_scripted_interview() {
    let card = snapshot_card();
    let scores: Vec<f32> = card.questions.iter().map(|q| q.score).collect();
    // m01: 60 % of the weight is 53.5 on the examiner's scale, − 15 (misconception) = 38.5,
    // + 10 from the follow-up = 48.5.
    // s01: 5 of 6 weight = 83.3 in one sentence of prose, which the scale for brief prose marks
    // 73.3 (strong only from 86 %), × 0.9 for the hint = 66.
    // x01: skipped. m02: nothing covered.
    assert_eq!(scores, [48.5, 66.0, 0.0, 0.0]);
    assert_eq!(card.overall, 28.6);
    assert_eq!(card.recommendation.verdict, Verdict::StrongNoHire);
    assert_eq!(card.candidate.as_deref(), Some("Ada"));
    let estimate = card.level_estimate.as_ref().unwrap();
    // Mid questions average weak (27.5): two levels below mid, floored at junior, even though
    // the one senior question went well.
    assert_eq!(estimate.level, Level::Junior, "{estimate:?}");
    // m01's missed `namespace` is studied; its `readiness` was recovered by the follow-up.
    assert!(card.study.iter().any(|s| s.concept_id == "namespace"));
    assert!(!card.study.iter().any(|s| s.concept_id == "readiness"));
    // x01's `snapshots` miss... x01 was skipped, so it is studied as a whole question.
    assert!(card
        .study
        .iter()
        .any(|s| s.question_id == "x01" && s.practice == ["x01"]));
    // m02's storage class is trained by no other question; its zone concept neither.
    let selector_trainers = Scorecard::from_notes(&test_bank(), "## m01\nnamespace\n", None)
        .unwrap()
        .study
        .into_iter()
        .find(|s| s.concept_id == "selector")
        .unwrap()
        .practice;
    assert_eq!(
        selector_trainers,
        ["x01"],
        "x01's model answer switches the selector"
    );

    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("scorecard_text", render::to_text(&card, Style::PLAIN));
        insta::assert_snapshot!("scorecard_markdown", render::to_markdown(&card));
        insta::assert_snapshot!("scorecard_json", render::to_json(&card));
    });
}

#[test]
fn the_html_scorecard_is_self_contained_and_printable() {
    let html = render::to_html(&snapshot_card());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    for external in ["<link", "src=", "url(", "@import", "href="] {
        assert!(!html.contains(external), "external asset: {external}");
    }
    // One chart for the categories, one for the levels, one per category; each drawn wide and
    // narrow (CSS shows one).
    assert_eq!(html.matches("<svg class=\"chart-wide\"").count(), 2 + 2);
    assert_eq!(html.matches("<svg class=\"chart-narrow\"").count(), 2 + 2);
    assert!(html.contains("Score by category"));
    assert!(html.contains("strong no hire"));
    // The only URL is the SVG namespace.
    assert_eq!(html.matches("http").count(), html.matches("<svg").count());
}

#[test]
fn colour_only_when_asked() {
    let card = snapshot_card();
    assert!(!render::to_text(&card, Style::PLAIN).contains('\x1b'));
    assert!(render::to_text(&card, Style::COLOR).contains("\x1b["));
}

#[test]
fn level_estimate_and_recommendation_follow_the_documented_rules() {
    let bank = Bank::embedded().unwrap();
    // Model answers to mid and senior questions: strong everywhere, senior is a floor.
    let mid = bank
        .rubrics()
        .find(|r| r.level == Level::Mid)
        .unwrap()
        .id
        .clone();
    let senior = bank
        .rubrics()
        .find(|r| r.level == Level::Senior)
        .unwrap()
        .id
        .clone();
    let notes = format!(
        "## {mid}\n{}\n\n## {senior}\n{}\n",
        model_answer(&bank, &mid),
        model_answer(&bank, &senior)
    );
    let card = Scorecard::from_notes(&bank, &notes, None).unwrap();
    assert_eq!(
        card.recommendation.verdict,
        Verdict::StrongHire,
        "{card:#?}"
    );
    let est = card.level_estimate.unwrap();
    assert_eq!((est.level, est.is_floor), (Level::Senior, true));

    // Nothing useful on senior questions: strong no hire, estimated two levels below (junior).
    let notes = format!("## {senior}\nrestart the pod\n");
    let card = Scorecard::from_notes(&bank, &notes, None).unwrap();
    assert_eq!(card.recommendation.verdict, Verdict::StrongNoHire);
    assert_eq!(card.level_estimate.unwrap().level, Level::Junior);
}

#[test]
fn an_empty_interview_is_no_hire_without_an_estimate() {
    let bank = test_bank();
    let mut iv = Interview::new(&bank, ids_plan(&["m01"])).unwrap();
    let card = iv.finish().unwrap();
    assert!(card.questions.is_empty());
    assert_eq!(card.recommendation.verdict, Verdict::NoHire);
    assert!(card.level_estimate.is_none());
    assert!(render::to_text(&card, Style::PLAIN).contains("no question was answered"));
}

// ---------------------------------------------------------------------------------------------
// Interviewer notes and kits

#[test]
fn notes_are_graded_section_by_section() {
    let bank = test_bank();
    let notes = "# Interview with Ada\n\nGeneral impressions are ignored.\n\n\
                 ## m01 — Service has no endpoints\n\
                 Said to compare the selector with the pod labels.\n\
                 ```\n## not a heading inside a fence\n```\n\n\
                 ## s01: DNS\n\n\
                 ## M02\n\
                 Checked the StorageClass and the events.\n";
    let card = Scorecard::from_notes(&bank, notes, Some("Ada")).unwrap();
    let ids: Vec<&str> = card.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["m01", "s01", "m02"]);
    assert_eq!(card.questions[1].outcome, Outcome::Skipped, "empty section");
    assert!(
        card.questions[0].follow_up.is_none(),
        "no follow-ups from notes"
    );
    assert!(
        card.questions[0].elapsed_secs.is_none(),
        "no timing from notes"
    );
    assert!(card.questions[2].score > 0.0);
    assert_eq!(card.candidate.as_deref(), Some("Ada"));
}

#[test]
fn a_filled_in_markdown_kit_is_a_notes_file() {
    let bank = test_bank();
    let kit = render::kit_to_markdown(&Kit::new(&bank, &["m01", "m02"]).unwrap());
    // The kit's checklist and model answer are not graded; only what is written under Notes.
    let filled = kit.replacen(
        "### Notes\n",
        "### Notes\n\nSaid to check the selector.\n",
        1,
    );
    let card = Scorecard::from_notes(&bank, &filled, None).unwrap();
    assert_eq!(card.questions.len(), 2);
    assert_eq!(card.questions[0].covered, 1);
    assert_eq!(
        card.questions[1].outcome,
        Outcome::Skipped,
        "nothing under m02's Notes"
    );
}

/// See: issue 11 (item 4): the notes are Markdown, parsed as such.
#[test]
fn notes_are_read_as_markdown() {
    let bank = test_bank();
    let notes = "Interview with Ada\n==================\n\n\
                 m01 — Service has no endpoints\n\
                 ------------------------------\n\
                 Said to compare the selector with the pod labels.\n\
                 ````text\n```\n## m02\n```\n````\n\
                 <!--\n## s01\n-->\n\
                 ~~~\n## s01\n~~~\n\n\
                 ## M02\n\
                 ### Listen for\n- [ ] StorageClass\n\
                 ### Answer\n\
                 Checked the StorageClass and the events.\n";
    let card = Scorecard::from_notes(&bank, notes, None).unwrap();
    let ids: Vec<&str> = card.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        ["m01", "m02"],
        "setext heading yes; fenced or commented headings no"
    );
    assert!(card.questions.iter().all(|q| q.score > 0.0));
}

#[test]
fn bad_notes_name_the_line() {
    let bank = test_bank();
    let err = Scorecard::from_notes(&bank, "just text\n", None).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("notes line 1: no `## <id>` section"),
        "{err}"
    );
    let err = Scorecard::from_notes(&bank, "## m01\nx\n\n## m09\ny\n", None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "notes line 4: unknown question `m09`; did you mean `m01`?"
    );
    let err = Scorecard::from_notes(&bank, "## m01\nx\n## —\ny\n", None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "notes line 3: a `## ` heading without a question id"
    );
    let err = Scorecard::from_notes(&bank, "## m01\nx\n## m01\ny\n", None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "notes line 3: question `m01` already has a section (line 1)"
    );
}

#[test]
fn kit_lists_concepts_by_importance_with_follow_ups_and_red_flags() {
    let bank = test_bank();
    let kit = Kit::new(&bank, &["m01", "t01", "m01"]).unwrap();
    assert_eq!(kit.questions.len(), 2, "a repeated id is listed once");
    let m01 = &kit.questions[0];
    let labels: Vec<&str> = m01.listen_for.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "selector matches pod labels",
            "only ready pods become endpoints",
            "inspect the endpoints",
            "same namespace"
        ]
    );
    assert_eq!(m01.follow_ups.len(), 2);
    assert_eq!(m01.red_flags[0].id, "kube-proxy");
    assert!(Kit::new(&bank, &["nope"]).is_err());

    let md = render::kit_to_markdown(&kit);
    let html = render::kit_to_html(&kit);
    assert!(!html.contains("<script") && html.contains("@media print"));
    assert!(html.contains("restarting kube-proxy creates endpoints"));
    util::snapshot_settings().bind(|| {
        insta::assert_snapshot!("kit_markdown", md);
    });
}

// ---------------------------------------------------------------------------------------------
// Practice

#[test]
fn practice_prefers_the_categories_practised_least() {
    let bank = test_bank();
    let mut log = PracticeLog::default();
    let networking = bank.find("m01").unwrap();
    let grade = rubric_grader::Grader::for_entry(&bank, networking)
        .unwrap()
        .grade("selector")
        .unwrap();
    for _ in 0..50 {
        log.record(networking, &grade);
    }
    let picks: Vec<String> = (0..40)
        .map(|seed| {
            log.pick(
                &bank,
                &Plan {
                    seed,
                    ..Plan::default()
                },
            )
            .unwrap()
            .rubric
            .category
            .clone()
        })
        .collect();
    let net = picks.iter().filter(|c| *c == "networking").count();
    assert!(net <= 4, "networking picked {net} of 40 times: {picks:?}");
    // Same seed, same pick.
    let plan = Plan {
        seed: 8,
        ..Plan::default()
    };
    assert_eq!(
        log.pick(&bank, &plan).unwrap().rubric.id,
        log.pick(&bank, &plan).unwrap().rubric.id
    );

    let tmp = temp_dir();
    let dir = tmp.path();
    let path = dir.join("practice.json");
    assert_eq!(
        PracticeLog::load_or_default(&path).unwrap(),
        PracticeLog::default()
    );
    log.save_atomic(&path).unwrap();
    assert_eq!(PracticeLog::load_or_default(&path).unwrap(), log);
    // A transcript is not a practice log, and is left alone.
    let t = dir.join("t.json");
    Transcript::new(Plan::default()).save_atomic(&t).unwrap();
    let err = PracticeLog::load_or_default(&t).unwrap_err();
    assert!(err.to_string().contains("not a practice log"), "{err}");
    assert!(log.save_atomic(&t).is_err());
    assert!(Transcript::load(&t).is_ok());
}
