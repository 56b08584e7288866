//! The keyword-salad guard.
//!
//! A real explanation, in prose or in bullets, is held together by function words ("because",
//! "so", "when", "the", "to"): about 40 % of the words of ordinary English and rarely under 20 %
//! of a terse but explained bullet list. A bare list of terms has almost none, and sits in short
//! fragments. Both signals must agree before an answer is flagged, so a crisp bullet list whose
//! points are explained is not penalised.

use crate::analysis::Analysis;

/// Credit is multiplied by this for a keyword salad (and capped below the partial band):
/// examiners give a bare list of the right terms 0–15 or 0–20, so a list that names every concept
/// earns at most 15. (At 0.2, 13 of 24 salads of three sets written later scored 16–20, above
/// their writers' 0–15; the guard flags nothing else but one terse answer in 9,640.)
pub(crate) const SALAD_FACTOR: f32 = 0.15;

/// The most words after its tool a command without a flag has (`kubectl label ns payments
/// istio-injection=enabled` has four; `kubectl rollout restart deployment web -n shop` six). A
/// tool named second in a longer run of terms (`kubernetes python client load_kube_config
/// CoreV1Api …`) heads a list, not a command.
const COMMAND_MAX_WORDS: usize = 7;

/// Words a command's flags and their values may add to [`COMMAND_MAX_WORDS`] when the clause does
/// not open with a tool (`set --grace-period=30 on the pod`).
const FLAG_WORDS: usize = 4;

/// Command-line tools whose invocations are steps of an answer, not keywords.
const CLI_TOOLS: &[&str] = &[
    "kubectl",
    "helm",
    "istioctl",
    "linkerd",
    "cilium",
    "calicoctl",
    "docker",
    "crictl",
    "ctr",
    "nerdctl",
    "curl",
    "wget",
    "dig",
    "nslookup",
    "tcpdump",
    "iptables",
    "ipvsadm",
    "conntrack",
    "etcdctl",
    "kubeadm",
    "journalctl",
    "systemctl",
    "openssl",
    "cosign",
    "aws",
    "gcloud",
    "az",
    "eksctl",
    "kustomize",
    "argocd",
    "flux",
    "git",
    "ssh",
    "strace",
    "perf",
    "ip",
    "ss",
    "netstat",
    "nsenter",
    "promtool",
    "velero",
    "kubens",
    "kubectx",
    "stern",
    "k9s",
    "python",
    "pip",
    "go",
];

/// Whether `word` (lower-case) is one of [`CLI_TOOLS`]: one hash lookup, asked for the first two
/// words of every clause.
fn is_cli_tool(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| CLI_TOOLS.iter().copied().collect())
        .contains(word)
}

/// Whether `analysis` of `text` reads as a bare list of keywords.
///
/// Lines that are commands (they name a CLI tool or carry a `--flag`) are steps, not keywords;
/// they are set aside and only the rest is judged. Too little prose left means no verdict; bare
/// prose around them is a list of commands and terms, not a procedure.
pub(crate) fn is_keyword_salad(analysis: &Analysis, text: &str) -> bool {
    let tokens = analysis.tokens();
    let bytes = text.as_bytes();
    // `-n`, `--force`; not a negative number (`oom_score_adj -997`).
    let is_flag = |t: &crate::analysis::Token| {
        let s = t.span.start;
        s >= 2
            && bytes[s - 1] == b'-'
            && (bytes[s - 2] == b'-' || bytes[s - 2].is_ascii_whitespace())
            && bytes.get(s).is_some_and(u8::is_ascii_alphabetic)
    };
    // A clause that starts with a CLI tool and goes on (`kubectl label ns payments …`), or holds
    // a `--flag`, is a command: a step of a procedure. A tool named as a list item
    // (`iptables,`) is not, nor one that heads a long run of terms (`cosign Sigstore SLSA
    // provenance SBOM Kyverno …`): a command without a flag is a few words.
    let mut command_clauses: Vec<u32> = Vec::new();
    let mut clause_start = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && tokens[i - 1].clause != t.clause {
            clause_start = i;
        }
        let word_in_clause = t.word - tokens[clause_start].word;
        let clause_words_after = || {
            let rest = tokens[i + 1..].iter().take_while(|u| u.clause == t.clause);
            rest.map(|u| u.word)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        };
        // A flag makes its clause a command when the clause is command-sized or opens with a
        // tool; a flag inside a long run of terms (`… ephemeral container --target port-forward
        // flame graph …`) is one more term.
        let flag_command = || {
            is_flag(t) && {
                let clause_tokens = tokens[clause_start..]
                    .iter()
                    .take_while(|u| u.clause == t.clause);
                let words = clause_tokens
                    .map(|u| u.word)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                let tool_first = (clause_start..tokens.len())
                    .take_while(|&k| tokens[k].clause == t.clause)
                    .find(|&k| tokens[k].kind == crate::analysis::TokenKind::Word)
                    .is_some_and(|k| is_cli_tool(analysis.lower(k)));
                // A flag that opens an item of a comma-separated list (`…, --target,
                // --profile=netadmin, …`) is a term of the list, not a step.
                let list_item = tokens[clause_start].after_comma && is_flag(&tokens[clause_start]);
                tool_first || (words <= COMMAND_MAX_WORDS + FLAG_WORDS && !list_item)
            }
        };
        // The tool is a word of its own: `client-go` names a library.
        let starts_word = i == 0 || tokens[i - 1].word != t.word;
        let command = (word_in_clause <= 1
            && starts_word
            && is_cli_tool(analysis.lower(i))
            && (2..=COMMAND_MAX_WORDS).contains(&clause_words_after()))
            || flag_command();
        if command && command_clauses.last() != Some(&t.clause) {
            command_clauses.push(t.clause);
        }
    }
    let in_command = |t: &crate::analysis::Token| command_clauses.binary_search(&t.clause).is_ok();
    // Commands are judged by what is around them: a procedure explains its steps in prose
    // ("run …, then check …"); a list of bare commands and terms is a list, however many of its
    // items are commands.
    let prose = |t: &crate::analysis::Token| !in_command(t);
    // Count function words per word (not per token: `preStop` is one word).
    let mut words = 0usize;
    let mut function_words = 0usize;
    let mut last_word = u32::MAX;
    // Fragments: clauses of at most four words with no function word in them, and long runs of
    // words with almost none — a list written without commas ("ndots:5 search domains
    // resolv.conf glibc timeout 5s A AAAA conntrack race …").
    let mut fragment_words = 0usize;
    let mut clause = u32::MAX;
    let mut clause_words = 0usize;
    let mut clause_function_words = 0usize;
    let close = |clause_words: usize, function_words: usize, fragment_words: &mut usize| {
        let short_bare = clause_words > 0 && clause_words <= 4 && function_words == 0;
        if short_bare || is_run_on_list(clause_words, function_words) {
            *fragment_words += clause_words;
        }
    };
    // Numbers (list markers, values) are neither prose nor keywords.
    for t in tokens
        .iter()
        .filter(|t| prose(t) && t.kind == crate::analysis::TokenKind::Word)
    {
        if t.clause != clause {
            close(clause_words, clause_function_words, &mut fragment_words);
            clause = t.clause;
            clause_words = 0;
            clause_function_words = 0;
        }
        if t.word != last_word {
            last_word = t.word;
            words += 1;
            clause_words += 1;
            if t.function_word {
                function_words += 1;
                clause_function_words += 1;
            }
        }
    }
    close(clause_words, clause_function_words, &mut fragment_words);
    if words < 4 {
        return false;
    }
    let function_ratio = function_words as f32 / words as f32;
    let fragment_ratio = fragment_words as f32 / words as f32;
    let bare = function_ratio < 0.10 || (function_ratio < 0.2 && fragment_ratio > 0.6);
    if !bare {
        return false;
    }
    // Notes relate their terms with labels and arrows ("Overlay (VXLAN): pod packets in UDP;
    // ~50B overhead", "kubectl -> API server -> kubelet"); a keyword list has none, or one
    // heading ("Keywords: …").
    if relations(text) >= NOTES_MIN_RELATIONS {
        return false;
    }
    let explained = explained_shares(analysis, text);
    // Terse notes list the checks under a point they explain (`checks: crictl info, CNI pod
    // logs, lease renewTime`): many of their items only name, but nearly every line relates
    // things. A keyword list in bullets relates nothing on any line.
    let explained_lines = explained.lines >= 3 && explained.line_share >= 0.75;
    explained.item_share < 0.5 && !explained_lines
}

/// Text with at least this many relating marks (see [`relations`]) is notes, not a keyword list.
/// Measured on the development sets: every terse answer has two or more (nearly all four or
/// more), no keyword list more than one.
const NOTES_MIN_RELATIONS: usize = 3;

/// Whether `text` is written as notes rather than prose: a list of three or more bulleted or
/// numbered lines, or at least [`NOTES_MIN_RELATIONS`] relating marks (arrows, labels, `=`,
/// `;`). Notes are marked on what they state; only prose is held to the depth of its sentences
/// (see `is_brief_prose`).
pub(crate) fn reads_as_notes(text: &str) -> bool {
    let list_lines = text
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with(['-', '*', '\u{2022}'])
                || l.split_once(['.', ')']).is_some_and(|(n, _)| {
                    !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
                })
        })
        .count();
    list_lines >= 3 || relations(text) >= NOTES_MIN_RELATIONS
}

/// How many relating marks the text has: a label's colon before a space, an arrow, an equals
/// sign, a semicolon, a plus between spaces ("Fulcio cert + Rekor"). A colon after a camelCase
/// field (`failurePolicy: Fail`) sets a value and relates nothing: a list of settings is still a
/// list (its items are judged one by one in [`explained_shares`]).
fn relations(text: &str) -> usize {
    // One pass over the bytes (every mark is ASCII or a three-byte arrow); "=>" counts once, as
    // its "=".
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b':' if b.get(i + 1) == Some(&b' ') && !after_camel_case_field(&text[..i]) => n += 1,
            b'-' if b.get(i + 1) == Some(&b'>') => n += 1,
            b'=' | b';' => n += 1,
            // "→" (E2 86 92) and "⇒" (E2 87 92).
            0xE2 if b.get(i + 2) == Some(&0x92) && matches!(b.get(i + 1), Some(0x86 | 0x87)) => {
                n += 1
            }
            b' ' if b.get(i + 1) == Some(&b'+') && b.get(i + 2) == Some(&b' ') => {
                n += 1;
                // Matches do not overlap: " + + " is one.
                i += 3;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    n
}

/// Whether `before` ends in a camelCase word (`failurePolicy`, `timeoutSeconds`).
fn after_camel_case_field(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    crate::analysis::is_camel_case(word)
}

/// A run of at least this many words can be a list written without commas.
const RUN_ON_MIN_WORDS: usize = 8;

/// Whether a clause or item of `words` words, `function_words` of them function words, is a list
/// run on without commas: long, and with function words under one in seven (prose has about
/// two in five; terse notes rarely fewer than one in five).
fn is_run_on_list(words: usize, function_words: usize) -> bool {
    words >= RUN_ON_MIN_WORDS && function_words * 7 < words
}

/// How much of a text relates things rather than names them, by item and by line.
struct ExplainedShares {
    /// Share of items (comma-separated pieces of a line) that are explained.
    item_share: f32,
    /// Lines (newline-separated) with at least one item.
    lines: usize,
    /// Share of those lines with at least one explained item.
    line_share: f32,
}

/// Which items relate things rather than name them: terse notes say `problem: IP exhaustion`,
/// `zero overlay -> lowest latency`, `Argo = helm template`, `Ready ≠ kubelet up`, `runs with
/// the kubelet`; a keyword list only names.
fn explained_shares(analysis: &Analysis, text: &str) -> ExplainedShares {
    let tokens = analysis.tokens();
    let (mut items, mut explained) = (0usize, 0usize);
    let (mut lines, mut explained_lines) = (0usize, 0usize);
    // How far the text has been scanned for newlines, and whether any item of the current
    // line was explained.
    let mut scanned = 0usize;
    let mut line_explained = false;
    let mut i = 0;
    while i < tokens.len() {
        // An item ends at a comma, a sentence's end or a line's: a list written one term per
        // line is items, whether or not the analyser ends a sentence at each line.
        let starts_item = |k: usize| {
            k == i
                || tokens[k].after_comma
                || tokens[k].sentence != tokens[k - 1].sentence
                || text[tokens[k - 1].span.end..tokens[k].span.start].contains('\n')
        };
        let j = (i + 1..tokens.len())
            .find(|&k| starts_item(k))
            .unwrap_or(tokens.len());
        if tokens[i..j]
            .iter()
            .any(|t| t.kind == crate::analysis::TokenKind::Word)
        {
            items += 1;
            // A newline since the previous item starts a new line (scanned once, in order).
            let start = tokens[i].span.start;
            let new_line = lines == 0 || text[scanned..start].contains('\n');
            scanned = start;
            if new_line {
                lines += 1;
                explained_lines += usize::from(line_explained);
                line_explained = false;
            }
            // Between the item's first and last token, so a bullet dash or a trailing `:` does
            // not count.
            let inner = &text[tokens[i].span.end..tokens[j - 1].span.start.max(tokens[i].span.end)];
            let relates = [
                "->", "=>", "\u{2192}", "\u{21D2}", "\u{2260}", "=", ": ", " vs ",
            ]
            .iter()
            .any(|r| inner.contains(r));
            // A function word explains a short item ("runs with the kubelet"); a long one needs
            // its share of them, or it is a list run on without commas.
            let mut item_words = 0usize;
            let mut item_function_words = 0usize;
            let mut last = u32::MAX;
            for t in &tokens[i..j] {
                if t.kind == crate::analysis::TokenKind::Word && t.word != last {
                    last = t.word;
                    item_words += 1;
                    item_function_words += usize::from(t.function_word);
                }
            }
            // A list run on without commas is not explained by one mark inside it
            // (`… creationTimestamp timedelta(days=30) delete_namespaced_deployment …`).
            let run_on = is_run_on_list(item_words, item_function_words);
            if !run_on && (relates || item_function_words > 0) {
                explained += 1;
                line_explained = true;
            }
        }
        i = j;
    }
    explained_lines += usize::from(line_explained);
    let share = |part: usize, whole: usize| {
        if whole == 0 {
            0.0
        } else {
            part as f32 / whole as f32
        }
    };
    ExplainedShares {
        item_share: share(explained, items),
        lines,
        line_share: share(explained_lines, lines),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn salad(text: &str) -> bool {
        is_keyword_salad(&Analyzer::new().analyze(text), text)
    }

    #[test]
    fn a_list_without_commas_is_a_list() {
        assert!(salad(
            "ndots:5 search domains svc.cluster.local resolv.conf glibc timeout 5s A AAAA \
             parallel UDP conntrack race insert_failed DNAT CoreDNS NodeLocal DNSCache"
        ));
        // A long sentence of prose is not: it has its function words.
        assert!(!salad(
            "The resolver waits for its five second timeout when one of the parallel A and \
             AAAA queries is dropped by the conntrack race in the kernel."
        ));
    }

    #[test]
    fn a_list_headed_by_a_tool_name_is_a_list() {
        // A tool first, then a long run of terms: not a command.
        assert!(salad(
            "cosign Sigstore SLSA provenance SBOM Kyverno admission digest OIDC CI registry \
             branch protection signed commits Trivy Rekor Fulcio attestation"
        ));
        // A flag among many terms is one more term.
        assert!(salad(
            "pprof perf kubectl debug ephemeral container --target port-forward flame graph \
             /proc/pid/root CAP_SYS_ADMIN perf_event_paranoid sidecar shareProcessNamespace eBPF \
             symbols"
        ));
        assert!(salad(
            "EncryptionConfiguration resources secrets kms apiVersion v2 endpoint unix socket \
             identity --encryption-provider-config kube-apiserver DEK KEK envelope etcdctl kubectl \
             replace"
        ));
        // A negative number is no flag.
        assert!(salad(
            "Guaranteed Burstable BestEffort requests limits eviction kubelet memory.available \
             PriorityClass usage over request oom_score_adj -997 1000 OOM killer cgroup"
        ));
        // A command of a few words still is one.
        assert!(!salad(
            "kubectl label namespace payments istio-injection enabled"
        ));
    }

    #[test]
    fn relations_counts_each_mark_once() {
        // The marks as separate substring counts ("=>" counted once, as its "=").
        let reference = |text: &str| {
            let labels = text
                .match_indices(": ")
                .filter(|&(at, _)| !after_camel_case_field(&text[..at]))
                .count();
            labels
                + ["->", "=>", "\u{2192}", "\u{21D2}", "=", ";", " + "]
                    .iter()
                    .map(|r| text.matches(r).count())
                    .sum::<usize>()
                - text.matches("=>").count()
        };
        for text in [
            "a -> b => c \u{2192} d \u{21D2} e = f; g + h",
            "failurePolicy: Fail, timeoutSeconds: 5, label: value",
            " + + + ",
            "x==y, a=>b=>c, -->, :: , \u{2190} \u{21D0}",
            "prose without any mark at all",
        ] {
            assert_eq!(relations(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn notes_and_prose_are_told_apart() {
        assert!(reads_as_notes("- one point\n- another\n- a third"));
        assert!(reads_as_notes("1. drain\n2) cordon\n3. upgrade"));
        assert!(reads_as_notes(
            "delete -> deletionTimestamp; finalizers = keys: cleanup"
        ));
        assert!(!reads_as_notes(
            "The kubelet restarts the container and waits longer each time, so the pod sits \
             in back-off between attempts."
        ));
        // Two bullets are not yet a list.
        assert!(!reads_as_notes(
            "- one point\n- another, then prose follows."
        ));
    }

    #[test]
    fn one_term_per_line_is_a_list() {
        // Lines without end punctuation are items even where the analyser reads one sentence:
        // a flag with a value or a function word on two lines does not explain the other nine.
        assert!(salad(
            "NetworkPolicy deprecated nothing\nCiliumNetworkPolicy\npolicyTypes Ingress Egress\n\
             podSelector / namespaceSelector\nipBlock except\ndefault-deny\n\
             kubectl get netpol --all\n--policy-audit-mode=true\nHubble observe\n\
             endPort\nkube-dns egress"
        ));
        // Notes that relate their terms on most lines are still notes.
        assert!(!salad(
            "default deny first -> then allow per app\nDNS egress: kube-dns on 53\n\
             ipBlock = CIDRs outside the cluster\nnamespaceSelector for the other team"
        ));
    }

    #[test]
    fn labelled_notes_are_not_a_list() {
        assert!(!salad(
            "Overlay (VXLAN): pod packets encapsulated in UDP between node IPs; underlay \
             unaware of pod CIDRs; ~50B overhead, lower MTU, encap CPU. Routing (BGP): nodes \
             advertise pod CIDRs, native packets, full MTU. Hybrid: cross-subnet encapsulation."
        ));
        assert!(!salad(
            "kubectl -> API server: pods/exec, upgrade to WebSocket. API server -> kubelet \
             :10250 -> CRI Exec -> runc exec, PTY, streams."
        ));
        // One heading does not make a list notes.
        assert!(salad(
            "Keywords: VXLAN, BGP, MTU, encapsulation, overlay, underlay, pod CIDR, route \
             reflector, Calico, Cilium, Flannel"
        ));
    }

    #[test]
    fn lists_of_flags_and_settings_are_lists() {
        // Flags as the items of a comma-separated list are terms, not steps.
        assert!(salad(
            "kubectl exec -it, --container, --stdin, --tty=true, strace, gdb, /proc/1/maps, \
             CAP_SYS_PTRACE, seccomp, crictl inspect, pid namespace"
        ));
        // A colon after a camelCase field sets a value; it is no label of a note.
        assert!(salad(
            "PodDisruptionBudget, minAvailable: 2, maxUnavailable: 1, unhealthyPodEvictionPolicy: \
             AlwaysAllow, eviction API, 429, drain, cordon, topologySpreadConstraints, replicas"
        ));
        // One mark inside a list run on without commas does not explain it.
        assert!(salad(
            "client-go informer SharedIndexInformer resyncPeriod ListWatch workqueue \
             RateLimitingInterface maxRetries(n=5) leader election Lease RBAC"
        ));
        // Settings each given as an item of their own relate: notes of a configuration.
        assert!(!salad(
            "maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: \
             DoNotSchedule, labelSelector: app=web"
        ));
        // A command with its flags is a step.
        assert!(!salad(
            "kubectl drain node-3 --ignore-daemonsets --delete-emptydir-data, then kubectl \
             uncordon node-3 once it is back"
        ));
    }

    #[test]
    fn a_list_of_bare_commands_and_terms_is_a_list() {
        assert!(salad(
            "ImagePullBackOff\nkubectl describe pod web-1\nkubectl get events --sort-by=.lastTimestamp\n\
             kubectl get secret -n shop\ncrictl pull registry.example.com/app:1.4\n\
             imagePullSecrets, 401 Unauthorized, manifest unknown"
        ));
        // A procedure explains its steps around the commands.
        assert!(!salad(
            "Run kubectl describe pod to read the pull error in the events, then kubectl get \
             secret to check that the pull secret exists in the pod's namespace, and crictl pull \
             on the node to see whether the registry answers at all."
        ));
    }

    #[test]
    fn bare_lists_are_salad() {
        assert!(salad(
            "preStop, SIGTERM, endpoints, iptables, kube-proxy, race condition, sleep"
        ));
        assert!(salad(
            "- preStop\n- SIGTERM\n- endpoints\n- kube-proxy\n- terminationGracePeriodSeconds"
        ));
    }

    #[test]
    fn terse_notes_that_relate_on_every_line_are_not() {
        // Many items only name checks, but each line relates something.
        assert!(!salad(
            "Ready \u{2260} process up; False vs Unknown\n\
             - runtime down (containerd, CRI socket), 'PLEG is not healthy'\n\
             - CNI missing: agent pod crashed, config dir empty\n\
             - lease not renewed: API unreachable, firewall, expired cert, clock skew\n\
             checks: crictl info, agent logs, renewTime, cert dates, timedatectl"
        ));
        // A bullet list whose lines only name stays a keyword list.
        assert!(salad(
            "- containerd, CRI socket\n- CNI, config dir\n- lease, renewTime\n- cert, clock skew"
        ));
    }

    #[test]
    fn command_steps_are_not() {
        // See: helper report on q088 (a strong numbered answer flagged as a keyword list).
        assert!(!salad(
            "1. helm upgrade istio-base (CRDs), check version skew\n\
             2. helm install istiod-1-18 istio/istiod --set revision=1-18-0\n\
             3. istioctl tag set prod-canary --revision 1-18-0\n\
             4. kubectl label ns payments istio.io/rev=prod-canary --overwrite"
        ));
    }

    #[test]
    fn explained_bullets_and_prose_are_not() {
        assert!(!salad(
            "- the kubelet sends SIGTERM while the endpoints controller removes the pod IP\n\
             - kube-proxy is slower, so traffic still arrives for a few seconds\n\
             - fix: a preStop hook that sleeps 10s so the app keeps serving until rules converge"
        ));
        assert!(!salad("Deleting a pod starts two things at once, and the app may exit before the rules are gone."));
    }
}
