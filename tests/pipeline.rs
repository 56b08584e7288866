//! The grading pipeline as one rule: every marked example of the bank keeps its score (pinned
//! by a snapshot), the follow-up probe, the hint and the kit name the same concept, and every
//! result type round-trips through serde.

mod util;

use std::time::Duration;

use rubric_grader::authoring::marked::{self, TestReport};
use rubric_grader::batch::Summary;
use rubric_grader::interview::{Interview, Kit, Plan};
use rubric_grader::{Bank, Explanation, Grade, Grader, WarningCode};

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

#[test]
fn a_follow_up_answer_is_graded_in_the_context_of_its_question() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "f01", title: "t", category: "demo", level: senior,
        question: "I deleted a pod. Why is it still receiving traffic?",
        model_answer: "Endpoint removal races SIGTERM; a preStop sleep hook of 5-10 seconds bridges the gap.",
        concepts: [
            (id: "prestop", label: "preStop hook that sleeps", weight: 3.0,
             matcher: Any(["preStop sleep", "preStop hook", "sleep before shutdown"]),
             hint: "Add a preStop sleep.",
             follow_up: "How long should the preStop sleep be, and how does it interact with terminationGracePeriodSeconds?"),
            (id: "grace", label: "grace period covers sleep and drain", weight: 1.0,
             matcher: AllOf(of: [Any(["grace period", "terminationGracePeriodSeconds"]), Any(["exceed", "longer than", "cover"])], within: Clause),
             hint: "The grace period must cover the sleep and the drain."),
        ])"#,
        "<f01>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let question = rubric.concepts[0].follow_up.clone().unwrap();
    let answer =
        "About 5 to 10 seconds, and the grace period has to exceed the sleep plus the drain time.";
    let alone = grader.grade(answer).unwrap();
    assert!(
        !alone.concepts[0].hit,
        "without its question the answer names no hook"
    );
    let in_context = grader
        .grade_follow_up(&question, "prestop", answer)
        .unwrap();
    assert!(in_context.concepts[0].hit, "{:?}", in_context.concepts[0]);
    assert!(in_context.concepts[1].hit);
    // Evidence indexes the answer, not the question.
    for e in in_context.concepts.iter().flat_map(|c| &c.evidence) {
        assert_eq!(&answer[e.start..e.end], e.text);
    }
    // The question alone earns nothing.
    for answer in [
        "I don't know how long the sleep should be.",
        "I would restart the deployment and check the dashboard.",
    ] {
        let g = grader
            .grade_follow_up(&question, "prestop", answer)
            .unwrap();
        assert!(
            g.concepts.iter().all(|c| !c.hit),
            "{answer}: {:?}",
            g.concepts
        );
    }
}

#[test]
fn a_belief_stated_as_a_denial_is_caught_with_negative_polarity() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n02", title: "t", category: "demo", level: mid, question: "Does IPVS use conntrack?",
        model_answer: "Yes: IPVS mode still relies on conntrack for NAT.",
        concepts: [(id: "uses", label: "IPVS uses conntrack", matcher: AllOf(of: [Any(["IPVS"]), Any(["conntrack"])], within: Clause), hint: "h")],
        misconceptions: [(id: "no-conntrack", label: "believes IPVS bypasses conntrack", polarity: negative,
            matcher: AllOf(of: [Any(["IPVS"]), Any(["use conntrack", "rely on conntrack"])], within: Clause),
            penalty: 20.0, correction: "IPVS still uses conntrack.", contradicts: ["uses"])])"#,
        "<n02>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let wrong = grader.grade("IPVS doesn't use conntrack at all.").unwrap();
    assert_eq!(wrong.misconceptions.len(), 1);
    assert_eq!(wrong.score, 0.0);
    let right = grader
        .grade("IPVS mode still relies on conntrack for NAT, so the table can fill up.")
        .unwrap();
    assert!(right.misconceptions.is_empty());
    assert_eq!(right.score, 100.0);
}

#[test]
fn a_function_word_is_never_a_piece_of_an_identifier() {
    // "not" in an Except list must not match the `Not` of `NotReady`.
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n03", title: "t", category: "demo", level: mid, question: "q", model_answer: "The node went NotReady.",
        concepts: [
            (id: "c", label: "c", matcher: Except(of: Any(["went NotReady"]), near: Any(["not"])), hint: "h"),
            (id: "d", label: "d", matcher: Any(["no"]), hint: "h"),
        ])"#,
        "<n03>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let g = grader
        .grade("The node went NotReady after a NoSchedule taint.")
        .unwrap();
    assert!(g.concepts[0].hit);
    assert!(
        !g.concepts[1].hit,
        "`No` of `NoSchedule` is not the word \"no\""
    );
}

#[test]
fn words_of_a_concept_inside_a_wrong_claim_earn_nothing() {
    // The misconception does not name `self-heal` in `contradicts`: its words are simply part
    // of the wrong claim, and a right statement elsewhere still counts.
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n04", title: "t", category: "demo", level: mid,
        question: "What does selfHeal do in Argo CD?",
        model_answer: "selfHeal reverts live changes to the state in Git; prune deletes what Git no longer has.",
        concepts: [
            (id: "self-heal", label: "selfHeal reverts live changes", matcher: Any(["selfHeal"]), hint: "h"),
            (id: "prune", label: "prune deletes removed resources", matcher: Any(["prune deletes"]), hint: "h"),
        ],
        misconceptions: [(id: "writes-git", label: "thinks Argo CD writes live changes to Git",
            matcher: AllOf(of: [Any(["selfHeal"]), Any(["back into Git", "back to Git"])], within: Clause),
            penalty: 10.0, correction: "Argo CD never writes to Git.")])"#,
        "<n04>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let wrong = grader
        .grade("selfHeal writes the live state back into Git. prune deletes old commits.")
        .unwrap();
    assert!(!wrong.concepts[0].hit);
    assert!(wrong.concepts[0].contradicted);
    assert!(
        wrong.concepts[1].hit,
        "a separate sentence is a separate claim"
    );
    assert!(wrong
        .warning(WarningCode::InWrongClaim)
        .is_some_and(|w| w.message.contains("selfHeal reverts")));
    // The same words in a right claim, next to the wrong one in another sentence, count.
    let mixed = grader
        .grade("selfHeal reverts any live edit within minutes. Some say selfHeal writes the live state back into Git.")
        .unwrap();
    assert!(mixed.concepts[0].hit);
    assert!(mixed.warning(WarningCode::InWrongClaim).is_none());
}

#[test]
fn a_wrong_central_claim_is_worth_at_most_the_cap() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n05", title: "t", category: "demo", level: mid, question: "What does exit code 137 mean?",
        model_answer: "137 is 128 + 9: the process was killed with SIGKILL, usually by the OOM killer.",
        concepts: [
            (id: "sigkill", label: "137 = SIGKILL", required: true, weight: 3.0, matcher: Any(["SIGKILL"]), hint: "h"),
            (id: "math", label: "128 + signal number", matcher: Any(["128"]), hint: "h"),
            (id: "oom", label: "usually the OOM killer", matcher: Any(["OOM killer"]), hint: "h"),
        ],
        misconceptions: [(id: "sigterm", label: "thinks 137 is SIGTERM", matcher: Any(["137 is SIGTERM"]),
            penalty: 5.0, correction: "137 is SIGKILL; 143 is SIGTERM.", contradicts: ["sigkill"])])"#,
        "<n05>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let g = grader
        .grade("137 is SIGTERM, which is 128 plus the signal, and the OOM killer sends it.")
        .unwrap();
    assert_eq!(g.score, rubric_grader::WRONG_CENTRAL_CLAIM_CAP);
    assert_eq!(rubric_grader::WRONG_CENTRAL_CLAIM_CAP, 10.0);
    // An answer that also asserts the contradicted concept on its own, in another sentence, and
    // is credited for most of the rest says both: below good, but not the central cap.
    let both = grader
        .grade("Some say 137 is SIGTERM. It is SIGKILL: 128 plus 9, and the OOM killer sends it.")
        .unwrap();
    assert!(both.concepts[0].contradicted && !both.concepts[0].hit);
    assert!(both.score > rubric_grader::WRONG_CENTRAL_CLAIM_CAP);
    assert!(both.band < rubric_grader::Band::Good, "{}", both.score);
    // Asserting it apart is not enough when little else is credited.
    let thin = grader
        .grade("137 is SIGTERM. It may also be SIGKILL, I am not sure.")
        .unwrap();
    assert!(
        thin.score <= rubric_grader::WRONG_CENTRAL_CLAIM_CAP,
        "{}",
        thin.score
    );
}

/// One wrong belief in an answer credited for two thirds of the rubric apart from what it
/// contradicts, which also asserts the contradicted concept on its own, is a slip: the belief
/// costs its penalty and the concept, and no contradiction cap applies. With less credited, or
/// two beliefs, the cap holds.
#[test]
fn one_slip_in_a_thorough_answer_costs_its_penalty_not_the_cap() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n06", title: "t", category: "demo", level: mid, question: "Why is a deleted pod still receiving traffic?",
        model_answer: "Endpoint removal and SIGTERM happen in parallel, so kube-proxy and load balancers still route to the pod for a moment; add a preStop sleep, keep the grace period above it, handle SIGTERM by draining, and check the readiness probe.",
        concepts: [
            (id: "parallel", label: "removal and SIGTERM in parallel", matcher: Any(["in parallel", "at the same time"]), hint: "h"),
            (id: "proxy", label: "kube-proxy lag", matcher: Any(["kube-proxy"]), hint: "h"),
            (id: "prestop", label: "preStop sleep", matcher: Any(["preStop"]), hint: "h"),
            (id: "grace", label: "grace period above the sleep", matcher: Any(["grace period"]), hint: "h"),
            (id: "drain", label: "drain on SIGTERM", matcher: Any(["drain", "draining"]), hint: "h"),
            (id: "lb", label: "load balancer lag", matcher: Any(["load balancer"]), hint: "h"),
        ],
        misconceptions: [
            (id: "sequential", label: "thinks traffic stops before SIGTERM", matcher: Any(["traffic stops before SIGTERM"]),
             penalty: 10.0, correction: "They happen in parallel.", contradicts: ["parallel"]),
            (id: "force", label: "recommends force deletion", matcher: Any(["force delete it"]),
             penalty: 10.0, correction: "Force deletion does not help."),
        ])"#,
        "<n06>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let thorough = "On most clusters traffic stops before SIGTERM. Endpoint removal and SIGTERM happen in parallel. \
        kube-proxy and the cloud load balancer take a moment to notice. Add a preStop sleep, keep the grace period above it, \
        and drain connections on SIGTERM.";
    let g = grader.grade(thorough).unwrap();
    assert!(g.concepts[0].contradicted && !g.concepts[0].hit);
    assert!(
        g.band >= rubric_grader::Band::Good,
        "a slip is not capped: {}",
        g.score
    );
    assert!(
        g.score < 100.0 - 10.0 + 0.1,
        "the penalty and the concept still cost: {}",
        g.score
    );
    // Two beliefs: no slip.
    let two = grader
        .grade(&format!("{thorough} Or just force delete it."))
        .unwrap();
    assert!(two.band < rubric_grader::Band::Good, "{}", two.score);
    // The belief held and little else credited: capped as before.
    let thin = grader
        .grade("Traffic stops before SIGTERM, although some say they happen in parallel; add a preStop sleep.")
        .unwrap();
    assert!(thin.band < rubric_grader::Band::Good, "{}", thin.score);
}

/// A long answer with many credited sentences that holds one wrong belief, and states the
/// contradicted concept in a sentence of its own, keeps that concept's credit (the belief still
/// costs its penalty); a short answer stating the same belief does not.
#[test]
fn a_thorough_answer_that_says_both_keeps_what_it_states_on_its_own() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n07", title: "t", category: "demo", level: mid, question: "What does exit code 137 mean and what do you check?",
        model_answer: "137 is SIGKILL, 128 plus 9, usually from the OOM killer; check the memory limit, the events, dmesg and the app's heap.",
        concepts: [
            (id: "sigkill", label: "137 = SIGKILL", required: true, weight: 3.0, matcher: Any(["SIGKILL"]), hint: "h"),
            (id: "math", label: "128 + signal number", matcher: Any(["128"]), hint: "h"),
            (id: "oom", label: "usually the OOM killer", matcher: Any(["OOM killer"]), hint: "h"),
            (id: "limit", label: "memory limit", matcher: Any(["memory limit"]), hint: "h"),
            (id: "events", label: "events", matcher: Any(["events"]), hint: "h"),
            (id: "dmesg", label: "dmesg", matcher: Any(["dmesg"]), hint: "h"),
            (id: "heap", label: "heap", matcher: Any(["heap"]), hint: "h"),
        ],
        misconceptions: [(id: "sigterm", label: "thinks 137 is SIGTERM", matcher: Any(["137 is SIGTERM"]),
            penalty: 10.0, correction: "137 is SIGKILL; 143 is SIGTERM.", contradicts: ["sigkill"])])"#,
        "<n07>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let long = "The container was stopped with SIGKILL. The code is 128 plus the signal number. \
        Most often the OOM killer sent it. Compare usage with the memory limit. Read the pod's events. \
        Look at dmesg on the node. Profile the heap. In my notes I once wrote that 137 is SIGTERM.";
    let g = grader.grade(long).unwrap();
    assert!(g.concepts[0].hit && !g.concepts[0].contradicted, "{g:?}");
    assert_eq!(g.misconceptions.len(), 1);
    assert!(g.score >= 80.0 && g.score <= 90.0, "{}", g.score);
    let short = grader
        .grade("137 is SIGTERM. It may be SIGKILL from the OOM killer, check the events.")
        .unwrap();
    assert!(short.concepts[0].contradicted && !short.concepts[0].hit);
    assert!(
        short.score <= rubric_grader::WRONG_CENTRAL_CLAIM_CAP,
        "{}",
        short.score
    );
}

#[test]
fn a_wrong_number_scores_at_least_15_below_the_right_one_on_g01() {
    let bank = rubric_grader::Bank::embedded().unwrap();
    let grader = Grader::for_entry(&bank, bank.find("g01").unwrap()).unwrap();
    let right = "Read kubectl describe for the last state: exit code 137 means SIGKILL, usually \
                 OOMKilled; exit code 143 means SIGTERM; exit code 139 is a segfault. Then read \
                 kubectl logs --previous.";
    let wrong = right
        .replace("137", "138")
        .replace("143", "144")
        .replace("139", "140");
    let (r, w) = (grader.grade(right).unwrap(), grader.grade(&wrong).unwrap());
    assert!(r.score - w.score >= 15.0, "{} vs {}", r.score, w.score);
}

#[test]
fn the_examiner_scale_keeps_the_ends_and_flattens_the_middle() {
    use rubric_grader::examiner_scale;
    assert_eq!(examiner_scale(0.0), 0.0);
    assert_eq!(examiner_scale(100.0), 100.0);
    assert_eq!(examiner_scale(15.0), 15.0);
    // A third to nearly three quarters of the rubric is partial, 40 to 60; the score then
    // climbs steeply to meet the share at 80.
    assert_eq!(examiner_scale(35.0), 40.0);
    assert!(examiner_scale(65.0) > 55.0 && examiner_scale(65.0) < 60.0);
    assert_eq!(examiner_scale(72.0), 60.0);
    assert_eq!(examiner_scale(76.0), 70.0);
    assert_eq!(examiner_scale(80.0), 80.0);
    assert_eq!(examiner_scale(90.0), 90.0);
    let mut last = -1.0;
    for k in 0..=1000 {
        let y = examiner_scale(k as f32 / 10.0);
        assert!(y >= last, "not monotone at {k}");
        last = y;
    }
}

#[test]
fn a_wrong_belief_in_an_answer_credited_for_little_else_is_worth_at_most_the_cap() {
    // The misconception contradicts nothing: without the rule the answer keeps 2 of 5 concepts
    // (38 %) less a small penalty.
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n07", title: "t", category: "demo", level: mid, question: "How does the kubelet back off a crashing container?",
        model_answer: "The kubelet restarts it with an exponential back-off, 10 s doubling to a cap of five minutes, reset after ten minutes of running; read the previous logs and the exit code.",
        concepts: [
            (id: "kubelet", label: "the kubelet restarts it", weight: 1.0, matcher: Any(["kubelet restarts"]), hint: "h"),
            (id: "exp", label: "exponential back-off", weight: 1.0, matcher: Any(["exponential"]), hint: "h"),
            (id: "cap", label: "capped at five minutes", weight: 1.0, matcher: Any(["five minutes"]), hint: "h"),
            (id: "reset", label: "reset after ten minutes", weight: 1.0, matcher: Any(["ten minutes"]), hint: "h"),
            (id: "logs", label: "previous logs", weight: 1.0, matcher: Any(["previous logs"]), hint: "h"),
        ],
        misconceptions: [(id: "registry", label: "thinks the registry does the back-off", matcher: Any(["registry does the back-off"]),
            penalty: 5.0, correction: "The kubelet does.")])"#,
        "<n07>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let wrong = grader
        .grade("The kubelet restarts it, but the registry does the back-off, which is exponential.")
        .unwrap();
    assert_eq!(wrong.score, rubric_grader::WRONG_CENTRAL_CLAIM_CAP);
    assert!(wrong
        .warnings
        .iter()
        .any(|w| w.message.contains("less than 40 % of the rubric")));
    // Credited for most of the rubric, the same wrong belief costs its penalty only.
    let mostly = grader
        .grade("The kubelet restarts it with an exponential delay up to five minutes, reset after ten minutes; the registry does the back-off.")
        .unwrap();
    assert!(mostly.score > 40.0, "{}", mostly.score);
    assert!(!mostly
        .warnings
        .iter()
        .any(|w| w.message.contains("less than 40 % of the rubric")));
}

#[test]
fn a_weak_answer_in_the_subjects_words_earns_the_engagement_floor_and_an_off_topic_one_does_not() {
    // The question shares almost no words with either answer; the model answer does.
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n06", title: "t", category: "demo", level: mid,
        question: "A pod restarts every few minutes with nothing printed. What do you do?",
        model_answer: "Read the container's last state and exit code with kubectl describe, fetch the previous logs, check the image's entrypoint and the memory limit, and debug with an ephemeral container.",
        concepts: [(id: "exit", label: "reads the exit code", matcher: Any(["exit code"]), hint: "h")])"#,
        "<n06>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let weak = grader
        .grade("Probably a bug in the image. I'd rebuild the container image, redeploy it and add more logs.")
        .unwrap();
    assert_eq!(weak.score, rubric_grader::ENGAGEMENT_FLOOR);
    let off = grader
        .grade("For a sourdough loaf, mix flour and water, rest it for an hour, then add the starter and salt and fold it four times.")
        .unwrap();
    assert_eq!(off.score, 0.0);
    // A good answer to another question that happens to use the question's words: no floor.
    let elsewhere = grader
        .grade("To expose the service I would put an Ingress in front of it with a TLS certificate from cert-manager, route by host and path to the backend Service, set sensible timeouts and body size limits on the controller, and add a NetworkPolicy so only the ingress controller namespace can reach the pods. Every few minutes cert-manager checks the certificate and renews it well before expiry; DNS points at the load balancer that the controller's Service of type LoadBalancer gets from the cloud provider, and I'd watch the controller's metrics for 4xx and 5xx rates per host.")
        .unwrap();
    assert!(elsewhere.concepts.iter().all(|c| !c.hit));
    assert_eq!(elsewhere.score, 0.0);
}

#[test]
fn an_answer_that_denies_or_argues_several_wrong_beliefs_earns_a_lower_floor() {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n08", title: "t", category: "demo", level: mid,
        question: "A pod restarts every few minutes with nothing printed. What do you do?",
        model_answer: "Read the container's last state and exit code with kubectl describe, fetch the previous logs, check the image's entrypoint and the memory limit, and debug with an ephemeral container.",
        concepts: [(id: "exit", label: "reads the exit code", matcher: Any(["exit code"]), hint: "h")],
        misconceptions: [
            (id: "pull", label: "empty logs mean the image was not pulled", matcher: Any(["never pulled"]), penalty: 5.0, correction: "c"),
            (id: "sidecar", label: "logs need a sidecar", matcher: Any(["logging sidecar"]), penalty: 5.0, correction: "c"),
        ])"#,
        "<n08>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    // One naive belief next to something right: a weak answer, which keeps at least the floor.
    let naive = grader
        .grade("The image was probably never pulled properly. I'd read the exit code, rebuild the container image, redeploy it and add more logs.")
        .unwrap();
    assert_eq!(naive.misconceptions.len(), 1);
    assert!(
        naive.score >= rubric_grader::ENGAGEMENT_FLOOR,
        "{}",
        naive.score
    );
    // The same belief as the answer's only recognisable claim: it engaged only to be wrong.
    let only_wrong = grader
        .grade("The image was probably never pulled properly. I'd rebuild the container image, redeploy it and add more logs.")
        .unwrap();
    assert_eq!(only_wrong.score, rubric_grader::WRONG_ENGAGEMENT_FLOOR);
    // The same belief hedged and wrapped in generic advice: vague, not confidently wrong.
    let hedged = grader
        .grade("The image was probably never pulled properly, I think. I'd rebuild the container image, redeploy it and add more logs.")
        .unwrap();
    assert_eq!(hedged.misconceptions.len(), 1);
    assert_eq!(hedged.score, rubric_grader::ENGAGEMENT_FLOOR);
    // Several wrong beliefs argued with conviction.
    let wrong = grader
        .grade("The image was never pulled, which is why the container prints nothing, and logs only show up through a logging sidecar, so rebuild the image.")
        .unwrap();
    assert!(wrong.misconceptions.len() >= rubric_grader::FLOORLESS_MISCONCEPTIONS);
    assert_eq!(wrong.score, rubric_grader::WRONG_ENGAGEMENT_FLOOR);
    // The credited concept denied.
    let denied = grader
        .grade("The exit code doesn't matter here; I'd rebuild the container image and redeploy it with more logs.")
        .unwrap();
    assert!(denied.concept("exit").unwrap().negated);
    assert_eq!(denied.score, rubric_grader::WRONG_ENGAGEMENT_FLOOR);
    const { assert!(rubric_grader::WRONG_ENGAGEMENT_FLOOR < rubric_grader::ENGAGEMENT_FLOOR) };
}

#[test]
fn an_uncredited_answer_fluent_in_the_subjects_words_earns_the_lower_floor_and_a_vague_one_does_not(
) {
    let rubric = rubric_grader::Rubric::from_ron(
        r#"(id: "n09", title: "t", category: "demo", level: mid,
        question: "A container in CrashLoopBackOff prints no logs. How do you find out why it keeps restarting?",
        model_answer: "Read the last termination state and exit code with kubectl describe pod; 137 means the kernel or kubelet killed it, often for memory, 1 is an application error. Fetch kubectl logs --previous for the crashed instance, check the events for image, probe and mount failures, and start a debug copy with kubectl debug when the entrypoint dies before logging.",
        concepts: [(id: "previous", label: "reads the previous logs", matcher: Any(["--previous"]), hint: "h")])"#,
        "<n09>",
    )
    .unwrap();
    let grader = Grader::new(&rubric).unwrap();
    // Vague but honest: a few of the subject's words.
    let vague = grader
        .grade("It keeps restarting because something is wrong with the container. I would look at it more closely and maybe restart it.")
        .unwrap();
    assert_eq!(vague.score, rubric_grader::ENGAGEMENT_FLOOR);
    // Confidently wrong in the subject's own words; no misconception names it, nothing credited.
    let fluent = grader
        .grade("No logs means the kubelet never pulled the image, so the container never started and the exit code in describe pod is 137 for an image error, which registries return whenever a tag was deleted upstream. The events only show probe failures after a memory mount is added to the deployment spec by an admission controller. Restarting the debug instance with kubectl delete pod fixes the entrypoint, because the scheduler then picks a fresh node with a clean cache.")
        .unwrap();
    assert!(fluent.concepts.iter().all(|c| !c.hit));
    assert!(fluent.misconceptions.is_empty());
    assert_eq!(fluent.score, rubric_grader::WRONG_ENGAGEMENT_FLOOR);
    // An answer that mostly echoes the question's and model answer's words, and says little
    // else, is vague rather than wrong.
    let echo = grader
        .grade("The container keeps restarting in CrashLoopBackOff with no logs. I would check the logs, the events, the exit code and the pod with kubectl describe pod, and debug the container to find out why it crashed.")
        .unwrap();
    assert!(echo.concepts.iter().all(|c| !c.hit));
    assert_eq!(echo.score, rubric_grader::ENGAGEMENT_FLOOR);
    assert!(!rubric_grader::is_fluent(12, 20) && rubric_grader::is_fluent(12, 24));
}

/// A rubric for "A container in CrashLoopBackOff prints no logs. How do you debug it?" with the
/// given model answer and concepts (RON, comma-terminated).
fn crash_loop_rubric(model_answer: &str, concepts: &str) -> rubric_grader::Rubric {
    rubric_grader::Rubric::from_ron(
        &format!(
            r#"(id: "n07", title: "t", category: "demo", level: mid,
            question: "A container in CrashLoopBackOff prints no logs. How do you debug it?",
            model_answer: {model_answer:?}, concepts: [{concepts}])"#
        ),
        "<n07>",
    )
    .unwrap()
}

#[test]
fn an_answer_that_rules_out_a_credited_concept_and_gets_little_else_is_capped_and_others_are_not() {
    let rubric = crash_loop_rubric(
        "Read the exit code in kubectl describe, then kubectl logs --previous, then debug a copy with kubectl debug, check the events and the node.",
        r#"(id: "exit", label: "reads the exit code", weight: 3.0, matcher: Any(["exit code"]), hint: "h"),
        (id: "previous", label: "reads the previous logs", weight: 1.0, matcher: Any(["--previous"]), hint: "h"),
        (id: "debug", label: "debugs a copy", weight: 3.0, matcher: Any(["kubectl debug"]), hint: "h"),
        (id: "events", label: "reads the events", weight: 1.0, matcher: Any(["events"]), hint: "h"),
        (id: "node", label: "checks the node", weight: 1.0, matcher: Any(["node"]), hint: "h"),"#,
    );
    let grader = Grader::new(&rubric).unwrap();
    let named =
        "Read the exit code in describe and start a copy with kubectl debug to look around.";
    let plain = grader.grade(named).unwrap();
    assert!(plain.score > rubric_grader::DENIAL_CAP, "{}", plain.score);
    // The same two points next to a denial of what the rubric credits: at most a low partial.
    let denying = grader
        .grade(&format!(
            "{named} Logs with --previous won't help, they never show anything."
        ))
        .unwrap();
    assert!(denying.concept("previous").unwrap().negated);
    assert_eq!(denying.score, rubric_grader::DENIAL_CAP);
    assert!(denying.warning(WarningCode::DeniedConcept).is_some());
    // Most of the rest right: a strong answer may rule one thing out.
    let broad = grader
        .grade(&format!("{named} Check the events and the node too. Logs with --previous won't help, they never show anything."))
        .unwrap();
    assert!(broad.score > rubric_grader::DENIAL_CAP, "{}", broad.score);
    assert!(broad.warning(WarningCode::DeniedConcept).is_none());
}

#[test]
fn a_short_answer_whose_sentences_mostly_earn_nothing_is_capped_and_others_are_not() {
    let rubric = crash_loop_rubric(
        "Read the exit code in kubectl describe, then kubectl logs --previous, then debug a copy with kubectl debug.",
        r#"(id: "exit", label: "reads the exit code", weight: 3.0, matcher: Any(["exit code"]), hint: "h"),
        (id: "previous", label: "reads the previous logs", weight: 1.0, matcher: Any(["--previous"]), hint: "h"),
        (id: "debug", label: "debugs a copy", weight: 1.0, matcher: Any(["kubectl debug"]), hint: "h"),"#,
    );
    let grader = Grader::new(&rubric).unwrap();
    // One credited concept in one of three sentences; the other two are claims it does not credit.
    let wrong = grader
        .grade("The exit code in describe is always 0 for this. Empty logs mean the image was never pulled from the registry. Fixing the pull secret makes the restarts stop.")
        .unwrap();
    // Its one point earns nothing: it scores like an on-topic answer that credits nothing.
    assert!(wrong.concept("exit").unwrap().hit);
    assert_eq!(wrong.score, rubric_grader::ENGAGEMENT_FLOOR);
    assert!(wrong.warning(WarningCode::ThinCredit).is_some());
    // Two concepts: a partial answer keeps its credit.
    let partial = grader
        .grade("Check the exit code in describe. Then read kubectl logs --previous for the crashed run. That usually shows the reason.")
        .unwrap();
    assert!(partial.score > 60.0, "{}", partial.score);
    assert!(partial.warning(WarningCode::ThinCredit).is_none());
    // A long answer is not measured this way.
    let long = grader
        .grade("The exit code in describe tells you how it died. We run many services. Most of them are written in Go. They log to stdout. Our team is on call every week. The cluster runs in three zones. We upgrade it twice a year.")
        .unwrap();
    assert!(long.score > 50.0, "{}", long.score);
}

/// Concepts of weight 1 as RON, each `(id, phrase)` matched by its one phrase.
fn equal_concepts(list: &[(&str, &str)]) -> String {
    list.iter()
        .map(|(id, phrase)| {
            format!(r#"(id: "{id}", label: "{id}", weight: 1.0, matcher: Any([{phrase:?}]), hint: "h"),"#)
        })
        .collect()
}

#[test]
fn a_longer_answer_whose_few_points_sit_among_claims_the_rubric_does_not_credit_earns_nothing() {
    let rubric = crash_loop_rubric(
        "Read the exit code in kubectl describe, then kubectl logs --previous, then debug a copy with kubectl debug, check the node's events and the probes.",
        &equal_concepts(&[
            ("exit", "exit code"),
            ("previous", "--previous"),
            ("debug", "kubectl debug"),
            ("events", "events"),
            ("probes", "liveness probe"),
        ]),
    );
    let grader = Grader::new(&rubric).unwrap();
    // Two concepts in one of five sentences; the other four are claims the rubric does not credit.
    let wrong = grader
        .grade("Check the exit code and the events. The kubelet deletes crashed containers at once, so nothing is left to read. The restart counter resets every hour by design. Crash loops come from the scheduler moving the pod between nodes. Pinning it with a nodeName stops them.")
        .unwrap();
    assert!(wrong.concept("exit").unwrap().hit && wrong.concept("events").unwrap().hit);
    assert_eq!(wrong.score, rubric_grader::ENGAGEMENT_FLOOR);
    let warning = wrong.warning(WarningCode::ThinCredit).expect("thin credit");
    assert!(
        warning.message.contains("only 1 of its 5 sentences"),
        "{}",
        warning.message
    );
    // The same two points stated in most of its sentences: a partial answer keeps its credit.
    let partial = grader
        .grade("Check the exit code in describe first. It tells you how the container died. Then read the events of the pod. They show restarts and back-off.")
        .unwrap();
    assert!(partial.warning(WarningCode::ThinCredit).is_none());
    assert!(partial.score >= 40.0, "{}", partial.score);
    // Half the rubric or more, in few sentences, is not measured this way either.
    let covered = grader
        .grade("Check the exit code, the events and kubectl logs --previous. We run many services. Most are written in Go. They log to stdout. Our team is on call every week.")
        .unwrap();
    assert!(covered.warning(WarningCode::ThinCredit).is_none());
    assert!(covered.score > 50.0, "{}", covered.score);
}

#[test]
fn the_long_thin_credit_rule_has_the_edges_its_docs_state() {
    use rubric_grader::scoring::is_thin;
    // Four sentences, one credited, three concepts, under 60 % of the rubric: thin.
    assert!(is_thin(4, 1, 3, 0.59));
    // Half of its sentences credited: a partial answer, not thin.
    assert!(!is_thin(4, 2, 3, 0.59));
    assert!(is_thin(5, 2, 3, 0.59));
    // 60 % of the rubric or four concepts: measured no further.
    assert!(!is_thin(5, 1, 3, 0.6));
    assert!(!is_thin(8, 1, 4, 0.3));
    // Three sentences are the short rule's: one concept in one sentence of three is thin, two are not.
    assert!(is_thin(3, 1, 1, 0.2));
    assert!(!is_thin(3, 1, 2, 0.3));
}

/// Five concepts of equal weight, each one word.
const FIVE_CONCEPTS: &str = r#"(id: "x", title: "x", category: "x", level: mid, question: "x",
    model_answer: "x", concepts: [
    (id: "a", label: "a", matcher: Any(["alpha"]), hint: "h"),
    (id: "b", label: "b", matcher: Any(["bravo"]), hint: "h"),
    (id: "c", label: "c", matcher: Any(["charlie"]), hint: "h"),
    (id: "d", label: "d", matcher: Any(["delta"]), hint: "h"),
    (id: "e", label: "e", matcher: Any(["echo"]), hint: "h"),
])"#;

/// A short paragraph that touches most of a rubric is marked below the same points in a full
/// answer or in notes; one that touches all of it still reaches the top.
#[test]
fn brief_prose_that_misses_points_is_not_strong() {
    let rubric = rubric_grader::Rubric::from_ron(FIVE_CONCEPTS, "<test>").unwrap();
    let grader = Grader::new(&rubric).unwrap();
    let score = |answer: &str| grader.grade(answer).unwrap().score;
    // Four of five points in forty words of prose: 80 % of the rubric.
    let brief = "The alpha step comes first because the rest of the system depends on it, and \
                 then bravo takes over once it is ready. The charlie part is what the users \
                 see, while delta is kept in the background for the case where it fails.";
    // The same four points as notes.
    let notes = "- alpha: first step -> the rest depends on it\n- bravo: takes over once ready\n\
                 - charlie = what users see\n- delta: background fallback";
    // All five points, as briefly.
    let all = "The alpha step comes first because the rest of the system depends on it, and \
               then bravo takes over once it is ready. The charlie part is what the users see, \
               while delta is kept in the background and echo reports what happened.";
    let (brief, notes, all) = (score(brief), score(notes), score(all));
    assert!(brief < 70.0, "brief prose scored {brief}");
    assert!(notes >= 80.0, "notes scored {notes}");
    assert!(all >= 95.0, "brief prose covering everything scored {all}");
}
