//! Matching: every equivalence the analyser promises, checked through real grading, and
//! negation scopes. Tables of cases, one macro per topic.

mod util;

use util::{one_concept, phrase_hits};

macro_rules! equal {
    ($name:ident: $rubric:expr => [$($answer:expr),+ $(,)?]) => {
        #[test]
        fn $name() {
            for answer in [$($answer),+] {
                assert!(phrase_hits($rubric, answer), "rubric {:?} should match answer {:?}", $rubric, answer);
            }
        }
    };
}

macro_rules! distinct {
    ($name:ident: $rubric:expr => [$($answer:expr),+ $(,)?]) => {
        #[test]
        fn $name() {
            for answer in [$($answer),+] {
                assert!(!phrase_hits($rubric, answer), "rubric {:?} must not match answer {:?}", $rubric, answer);
            }
        }
    };
}

// Identifiers written every way.
equal!(prestop_spellings: "preStop" => ["pre-stop", "pre stop", "prestop", "PRESTOP", "pre_stop", "PreStop hook", "a preStop."]);
equal!(prestop_written_as_one_word: "prestop" => ["preStop", "pre-stop", "pre stop", "PRE_STOP"]);
equal!(flags: "--grace-period=0" => ["grace period 0", "--grace-period 0", "grace-period=0", "a grace period of 0"]);
equal!(resolver_options: "ndots:5" => ["ndots 5", "ndots=5", "NDOTS: 5", "ndots:5"]);
equal!(field_path_tail: "metadata.finalizers" => ["finalizers", "metadata.finalizers", "the finalizers list"]);
equal!(field_path_whole: "finalizers" => ["metadata.finalizers"]);
equal!(capabilities: "CAP_SYS_ADMIN" => ["cap sys admin", "cap_sys_admin", "CAP-SYS-ADMIN"]);
equal!(camel_case_phrase: "terminationGracePeriodSeconds" => ["termination grace period seconds", "TERMINATION_GRACE_PERIOD_SECONDS"]);
equal!(acronym_then_word: "HTTPRoute" => ["http route", "HttpRoute", "HTTP routes"]);

// Inflections and spelling.
equal!(inflections: "eviction" => ["evicted", "evicting", "evicts", "Evictions"]);
equal!(british_finalizer: "finalizer" => ["finaliser", "finalisers", "Finalizers"]);
equal!(british_prioritize: "prioritize" => ["prioritise", "prioritised", "prioritising"]);
equal!(british_behavior: "behavior" => ["behaviour", "behaviours"]);
equal!(phrase_gap: "exit code 137" => ["exit code was 137", "Exit Code: 137", "exit-code 137"]);

// Typos, length-aware.
equal!(typo_one_edit: "termination" => ["termnation", "terminaton", "temrination"]);
equal!(typo_two_edits_long_word: "kubernetes" => ["kubernets", "kuberentes", "kubernettes"]);
equal!(typo_in_phrase: "readiness probe" => ["readines probe", "readiness prbe"]);
distinct!(no_typos_in_short_words: "pdb" => ["pdf", "pda"]);
distinct!(no_typos_in_four_letters: "taint" => ["paint"]);
distinct!(typo_limit_respected: "evict" => ["exist", "evade"]);
distinct!(first_letter_must_agree: "pending" => ["sending", "bending"]);

// Numbers, codes and addresses: exact only.
distinct!(exit_codes_are_exact: "exit code 137" => ["exit code 138", "exit code 1370", "exit code 13"]);
distinct!(ports_are_exact: "4789" => ["4788", "47890"]);
distinct!(cidrs_are_exact: "172.16.0.0/12" => ["172.16.0.0/16", "172.16.0.1/12"]);
distinct!(regions_are_exact: "us-east-1" => ["us-east-2", "us-west-1"]);
distinct!(versions_are_exact: "v1.29" => ["v1.28", "v1.2"]);
equal!(numbers_match_themselves: "exit code 137" => ["exit code 137", "EXIT CODE 137"]);
equal!(cidr_matches_itself: "172.16.0.0/12" => ["the range 172.16.0.0/12.", "(172.16.0.0/12)"]);

// Stemming collisions that would be wrong in this domain.
distinct!(container_is_not_contain: "container" => ["it contains the image"]);
distinct!(controller_is_not_control: "controller" => ["we control access"]);
distinct!(finalizer_is_not_final: "finalizer" => ["the final step"]);

fn hit(matcher: &str, polarity: &str, answer: &str) -> (bool, bool) {
    let g = one_concept(matcher, polarity);
    let c = &g.grade(answer).expect("grades").concepts[0];
    (c.hit, c.negated)
}

macro_rules! negation {
    ($name:ident: $($answer:expr => $hit:expr),+ $(,)?) => {
        #[test]
        fn $name() {
            for (answer, want) in [$(($answer, $hit)),+] {
                let (got, _) = hit(r#"Any(["preStop hook"])"#, "positive", answer);
                assert_eq!(got, want, "answer {answer:?}");
            }
        }
    };
}

negation!(plain_mentions_count:
    "Use a preStop hook." => true,
    "The fix is a preStop hook that sleeps." => true,
);
negation!(negation_triggers:
    "You don't need a preStop hook." => false,
    "I would not add a preStop hook." => false,
    "There is no preStop hook involved." => false,
    "Never bother with a preStop hook." => false,
    "Restart it instead of adding a preStop hook." => false,
    "Scale up rather than use a preStop hook." => false,
    "It works without any preStop hook at all." => false,
    "Avoid the preStop hook." => false,
    "A preStop hook is not needed here." => false,
    "A preStop hook is unnecessary." => false,
    "There is no way a preStop hook would matter." => false,
    "dont use a preStop hook" => false,
);
negation!(scope_ends:
    "It is not the kubelet, the fix is a preStop hook." => true,
    "Not the kubelet but a preStop hook is what you need." => true,
    "No restart is needed. Add a preStop hook." => true,
    "Nothing else matters; a preStop hook fixes it." => true,
);
negation!(figures_of_speech:
    "Not only a preStop hook but also a longer grace period." => true,
    "Don't forget the preStop hook." => true,
    "If you don't have a preStop hook, the app exits too early." => true,
    "Without a preStop hook, requests hit a dead pod." => true,
);

#[test]
fn negated_mentions_are_reported() {
    let (got, negated) = hit(
        r#"Any(["preStop hook"])"#,
        "positive",
        "You do not need a preStop hook.",
    );
    assert!(!got);
    assert!(negated);
}

#[test]
fn negative_concepts_need_the_negation() {
    let m = r#"Any(["privileged"])"#;
    assert!(hit(m, "negative", "Never run containers privileged.").0);
    assert!(hit(m, "negative", "Containers should be non-privileged.").0);
    assert!(!hit(m, "negative", "Run the container privileged.").0);
    assert!(hit(m, "either", "Run the container privileged.").0);
}

#[test]
fn all_of_respects_windows() {
    let sentence = r#"AllOf(of: [Any(["SIGTERM"]), Any(["endpoints"])], within: Sentence)"#;
    assert!(
        hit(
            sentence,
            "positive",
            "SIGTERM is sent while endpoints are removed."
        )
        .0
    );
    assert!(
        !hit(
            sentence,
            "positive",
            "SIGTERM is sent.\nEndpoints are removed."
        )
        .0
    );
    let near = r#"AllOf(of: [Any(["SIGTERM"]), Any(["endpoints"])], within: Tokens(3))"#;
    assert!(hit(near, "positive", "SIGTERM and endpoints").0);
    assert!(
        !hit(
            near,
            "positive",
            "SIGTERM goes to the app long before anything touches the endpoints"
        )
        .0
    );
    let anywhere = r#"AllOf(of: [Any(["SIGTERM"]), Any(["endpoints"])], within: Answer)"#;
    assert!(hit(anywhere, "positive", "SIGTERM.\n\nLater: endpoints.").0);
}

#[test]
fn regex_runs_on_original_text_case_insensitively() {
    let m = r#"Regex("exit (code|status) 13[79]")"#;
    assert!(hit(m, "positive", "EXIT STATUS 139 means segfault").0);
    assert!(!hit(m, "positive", "exit code 138").0);
}

#[test]
fn evidence_spans_point_into_the_answer() {
    let g = util::fixture_grader();
    let answer = "Ünïcødé first. Add a pre-stop sleep hook and a PDB.";
    let grade = g.grade(answer).expect("grades");
    for c in grade.concepts.iter().filter(|c| c.hit) {
        for e in &c.evidence {
            assert_eq!(&answer[e.start..e.end], e.text, "{}", c.id);
        }
    }
    let prestop = grade.concept("prestop").expect("concept");
    assert!(prestop.hit);
    assert_eq!(prestop.evidence[0].text, "pre-stop sleep hook");
}

// Regressions from rubric authors' reports (helper review of g01, g02, g08, g11, g17).
distinct!(dotted_names_keep_their_dots: "memory.high" => ["high cardinality", "a high memory"]);
distinct!(one_letter_flags_do_not_join: "conntrack -S" => ["the conntrack table is full"]);
equal!(hard_wrapped_lines_continue_the_sentence: "pool connections" => ["make the app pool its\nconnections"]);

#[test]
fn a_cue_inside_the_hit_does_not_negate_it() {
    assert!(
        hit(
            r#"Any(["runAsNonRoot"])"#,
            "positive",
            "Defences: run as non-root, use seccomp."
        )
        .0
    );
}

negation!(lists_after_a_list_cue:
    "It has nothing to do with capabilities, hostPath or a preStop hook." => false,
    "No PDB, no readiness probe, no preStop hook." => false,
    "Seccomp and a preStop hook and Pod Security Admission are not needed." => false,
    "A preStop hook is not useful here." => false,
);
negation!(commas_still_end_plain_not:
    "It is not the kubelet, a preStop hook fixes it." => true,
);

// Regressions from rubric authors' reports on q001–q015, q046–q060 and the guide rubrics.
#[test]
fn identifier_pieces_are_not_negation_cues() {
    let m = r#"Any(["containerd"])"#;
    assert!(
        hit(
            m,
            "positive",
            "The node shows NotReady when containerd is down."
        )
        .0
    );
    assert!(hit(m, "positive", "NO_PROXY excludes containerd mirrors.").0);
}

negation!(failures_are_described_not_denied:
    "The pod can't reach the preStop hook endpoint." => true,
    "kube-proxy doesn't wait for the preStop hook." => true,
    "The endpoint isn't removed until the preStop hook ends." => true,
    "You don't need a preStop hook." => false,
    "Never use a preStop hook." => false,
);

#[test]
fn naming_the_faulty_thing_is_not_denying_it() {
    assert!(
        hit(
            r#"Any(["MTU"])"#,
            "positive",
            "The overlay MTU is wrong so large frames vanish."
        )
        .0
    );
}

#[test]
fn phrases_that_contain_a_negation_match() {
    assert!(
        hit(
            r#"Any(["no overlay"])"#,
            "positive",
            "Pods get VPC IPs, so there is no overlay."
        )
        .0
    );
    assert!(
        hit(
            r#"Any(["command not found"])"#,
            "positive",
            "The log says: command not found"
        )
        .0
    );
}

#[test]
fn negative_misconceptions_can_fire() {
    let ron = r#"(id: "x", title: "x", category: "x", level: mid, question: "x", model_answer: "x",
        concepts: [(id: "c", label: "c", matcher: Any(["VPC CNI"]), hint: "h")],
        misconceptions: [(id: "m", label: "m", matcher: Any(["does not support network policies"]), penalty: 10.0, correction: "It does.")])"#;
    let g =
        rubric_grader::Grader::new(&rubric_grader::Rubric::from_ron(ron, "<t>").unwrap()).unwrap();
    let grade = g
        .grade("The VPC CNI does not support network policies.")
        .unwrap();
    assert_eq!(grade.misconceptions.len(), 1);
}

distinct!(identifier_pieces_keep_together: "CreateSnapshot" => ["create a VolumeSnapshot"]);
equal!(identifier_written_apart: "CreateSnapshot" => ["create snapshot", "create-snapshot", "CREATE_SNAPSHOT"]);
distinct!(identifier_is_not_a_prefix_of_a_longer_one: "VolumeSnapshot" => ["VolumeSnapshotContent is cluster-scoped"]);
equal!(identifier_inside_prose: "VolumeSnapshot" => ["a VolumeSnapshot object", "the volume snapshot"]);
distinct!(a_phrase_does_not_end_inside_an_identifier: "own scheduler" => ["each profile has its own schedulerName"]);
distinct!(a_phrase_gap_does_not_land_inside_an_identifier: "fail policy" => ["the call failed and failurePolicy let it through"]);
distinct!(a_phrase_gap_does_not_leave_an_identifier_mid_way: "privileged: false" => ["set allowPrivilegeEscalation false"]);
equal!(a_phrase_inside_one_identifier_may_end_anywhere: "scheduler configuration" => ["the KubeSchedulerConfiguration file", "the scheduler configuration"]);
equal!(a_phrase_may_end_at_an_identifier_s_end: "failure policy" => ["set failurePolicy to Fail", "the failure policy"]);
distinct!(no_gap_between_numbers: "1/2" => ["1 pod and 2"]);
equal!(plural_acronyms: "PVC" => ["The PVCs are retained", "pvcs"]);
equal!(plural_acronyms_glossary: "PDB" => ["Respect PDBs."]);
distinct!(joined_variants_are_exact: "upgrade rings" => ["Upgrades should be planned."]);
distinct!(real_words_are_not_typos: "tracing" => ["trading systems"]);
distinct!(real_words_are_not_typos_either: "quota" => ["quote"]);

#[test]
fn none_as_a_value_is_not_a_negation() {
    let m = r#"Any(["A records"])"#;
    assert!(
        hit(
            m,
            "positive",
            "With clusterIP: None, DNS returns A records for every pod."
        )
        .0
    );
    assert!(!hit(m, "positive", "None of the A records change.").0);
}

#[test]
fn semicolons_keep_the_sentence() {
    let m = r#"AllOf(of: [Any(["RequireDualStack"]), Any(["IPv4"])], within: Sentence)"#;
    assert!(hit(m, "positive", "Set ipFamilyPolicy: RequireDualStack on the Service; that gives it an IPv4 address too.").0);
}

equal!(acronym_verbs: "SNAT" => ["the traffic is SNATed", "SNATing at the node"]);

equal!(mixed_case_brand_names: "nvme" => ["NVMe drives", "nvme"]);
equal!(typo_in_long_word_with_short_stem: "admission" => ["admision controller"]);

#[test]
fn phrase_gaps_never_skip_a_negation() {
    // See: q019's misconception "BGP encapsulates" fired on "advertised with BGP, no encapsulation".
    assert!(!phrase_hits(
        "BGP encapsulates",
        "routes are advertised with BGP, no encapsulation"
    ));
}

equal!(joined_identifier_with_plural: "VolumeAttachment" => ["kubectl get volumeattachments"]);

negation!(a_new_subject_ends_the_scope:
    "Cluster B has no istiod and its proxies get a preStop hook from cluster A." => true,
    "There is no PDB and no preStop hook." => false,
);

negation!(advice_against_a_list:
    "Don't use selfHeal, prune or a preStop hook." => false,
);
distinct!(gaps_stay_in_the_clause: "mesh gateway" => ["it is a mesh; an API gateway is different"]);
// A gap never skips a negation word or a number, whatever stance made of it (here "no" is read
// as describing the pod, not denying the claim).
distinct!(gaps_never_skip_a_negation_word: "has requests" => ["a pod that has no requests is BestEffort"]);
distinct!(gaps_never_skip_a_number: "one replica per message" => ["one replica per 20 waiting messages"]);
equal!(gaps_still_skip_plain_words: "one replica per message" => ["one replica per queued message"]);

#[test]
fn except_judges_each_alternative_and_each_combination() {
    // The first combination of the claim is voided ("never"); the second, in another sentence,
    // still counts — also when the claim is one alternative of an AnyOf.
    for matcher in [
        r#"Except(of: AllOf(of: [Any(["Argo CD"]), Any(["writes"]), Any(["Git"])], within: Clause), near: Any(["never"]))"#,
        r#"Except(of: AnyOf([AllOf(of: [Any(["Argo CD"]), Any(["writes"]), Any(["Git"])], within: Clause), Any(["pushes to the repo"])]), near: Any(["never"]))"#,
    ] {
        let g = one_concept(matcher, "positive");
        let answer = "Argo CD never writes to Git on its own. With auto-sync, Argo CD writes the live count back into Git.";
        assert!(g.grade(answer).unwrap().concepts[0].hit, "{matcher}");
        let voided = "Argo CD never writes to Git.";
        assert!(!g.grade(voided).unwrap().concepts[0].hit, "{matcher}");
    }
}

#[test]
fn literal_regexes_keep_regex_semantics() {
    let dotted = r#"Regex("memory\\.high")"#;
    assert!(hit(dotted, "positive", "set MEMORY.HIGH below the limit").0);
    assert!(!hit(dotted, "positive", "memory high").0);
    let bounded = r#"Regex("\\bS3\\b")"#;
    assert!(hit(bounded, "positive", "ship logs to S3 buckets").0);
    assert!(!hit(bounded, "positive", "the S3x tier").0);
    let real = r#"Regex("exit (code|status) 13[79]")"#;
    assert!(hit(real, "positive", "exit status 139").0);
}
equal!(typos_in_joined_identifiers: "OOMKilled" => ["OOMKILED", "oomkiled"]);
distinct!(everyday_field_path_tails_do_not_stand_alone: "status.conditions" => ["under these conditions"]);
distinct!(two_word_field_path_tails_do_not_stand_alone: "status.loadBalancer" => ["a load balancer"]);

#[test]
fn a_negation_inside_a_regex_hit_denies_it_unless_the_pattern_names_it() {
    // See: rubric authors' report on q018 (a misconception regex fired on its own denial).
    let g = util::one_concept(
        r#"Regex(r"\b502\b.*(means|comes from).*kube-proxy")"#,
        "positive",
    );
    let hit = |a: &str| g.grade(a).unwrap().concepts[0].hit;
    assert!(hit("A 502 comes from kube-proxy dropping the connection."));
    assert!(!hit(
        "A 502 never comes from kube-proxy; it comes from the ingress controller."
    ));
    // A pattern that states the negation itself matches it.
    let g = util::one_concept(r#"Regex(r"doesn'?t need (cpu )?requests")"#, "positive");
    assert!(
        g.grade("A pod doesn't need requests at all.")
            .unwrap()
            .concepts[0]
            .hit
    );
    // `non` inside an identifier the pattern names is part of the name.
    let g = util::one_concept(r#"Regex(r"runAsNonRoot:\s*true")"#, "positive");
    assert!(
        g.grade("Set runAsNonRoot: true on every pod.")
            .unwrap()
            .concepts[0]
            .hit
    );
}

#[test]
fn all_of_tries_another_hit_when_the_first_takes_a_later_parts_words() {
    let g = util::one_concept(
        r#"AllOf(of: [Any(["alpha"]), Any(["bravo charlie", "delta"]), Any(["charlie"])], within: Sentence)"#,
        "positive",
    );
    // "bravo charlie" would take the only "charlie"; "delta" leaves it to the last part.
    assert!(g.grade("alpha bravo charlie delta").unwrap().concepts[0].hit);
    // No two parts ever share words.
    assert!(!g.grade("alpha bravo charlie").unwrap().concepts[0].hit);
}

#[test]
fn ordered_claims_read_connectives() {
    let m = r#"Ordered(of: [Any(["init containers"]), Any(["app starts", "app container starts", "app is up"])], within: Sentence)"#;
    for yes in [
        "The init containers finish before the app starts.",
        "The app starts after the init containers finish.",
        "Before the app starts, the init containers run to completion.",
        "The init containers run, then the app starts.",
    ] {
        assert!(hit(m, "positive", yes).0, "{yes}");
    }
    for no in [
        "The init containers start after the app is up.",
        "The app starts before the init containers.",
        "The app starts and the init containers run beside it.",
    ] {
        assert!(!hit(m, "positive", no).0, "{no}");
    }
}

#[test]
fn a_second_after_clause_is_parallel_not_later() {
    let m = r#"Ordered(of: [Any(["admission"]), Any(["authenticated", "authentication"])], within: Sentence)"#;
    // Both after-clauses come before the main one; neither claims admission runs first.
    assert!(!hit(
        m,
        "positive",
        "After a request is authenticated and authorized, and after mutating admission, the API server runs validating admission."
    )
    .0);
    // One "after" between the two still reverses them.
    assert!(
        hit(
            m,
            "positive",
            "The request is authenticated after admission has run."
        )
        .0
    );
}

#[test]
fn waiting_reverses_only_for_what_waits() {
    // "X waits until Y": Y happens first.
    let m = r#"Ordered(of: [Any(["new pod is ready"]), Any(["old pod is deleted", "deleting the old pod"])], within: Sentence)"#;
    assert!(
        hit(
            m,
            "positive",
            "Deleting the old pod waits until the new pod is ready."
        )
        .0
    );
    // A story told in order: the controller deletes the old pod, recreates it, and waits until
    // the new one is ready — the waiting is a later step, not a claim that the new pod came first.
    assert!(!hit(
        m,
        "positive",
        "For each pod the controller deletes the old pod, recreates it with the same name, and waits until the new pod is ready."
    )
    .0);
}

#[test]
fn a_camelcase_setting_and_its_value_share_a_clause() {
    let m = r#"AllOf(of: [Any(["Local"]), Any(["client IP"])], within: Clause)"#;
    assert!(
        hit(
            m,
            "positive",
            "externalTrafficPolicy: Local keeps the client IP."
        )
        .0
    );
    // a heading's colon still ends its clause
    assert!(!hit(m, "positive", "Local: the client IP is lost.").0);
}
