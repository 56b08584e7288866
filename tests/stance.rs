//! Stance at clause level, pinned by a table: sentences that deny a concept in many grammatical
//! forms, and look-alikes — symptoms, conditionals, corrections, pseudo-negations — that must
//! stay credited. Each row names its form; the table must cover at least 25 forms and 80
//! sentences, half of them denials.

mod util;

use std::collections::BTreeSet;

/// (form, sentence, phrase of the concept, credited?)
const TABLE: &[(&str, &str, &str, bool)] = &[
    (
        "a verdict's words split by a comma are no verdict",
        "When the recursive call is the very last thing the function does, nothing is left to do after it returns.",
        "recursive call",
        true,
    ),
    (
        "no room to do something names the case, not a denial of the operation",
        "Overflow: no space to push a new item onto the stack.",
        "push",
        true,
    ),
    (
        "no free slot to insert into",
        "The queue is full when there is no free slot to insert into.",
        "insert",
        true,
    ),
    (
        "no need to do something still denies it",
        "There's no need to drain the node first.",
        "drain",
        false,
    ),
    (
        "listed topics, then a dash and a dismissal with no object",
        "Database locks, connection pools, third-party APIs — I wouldn't bother looking.",
        "connection pools",
        false,
    ),
    (
        "listed topics, then a colon and a dismissal with no object",
        "Database locks, connection pools, third-party APIs: I wouldn't bother looking.",
        "connection pools",
        false,
    ),
    (
        "listed topics, then a hyphen and a dismissal with no object",
        "Database locks, connection pools, third-party APIs - I wouldn't bother looking.",
        "Database locks",
        false,
    ),
    (
        "listed topics, then a colon and 'I wouldn't bother'",
        "PDBs, probes, the autoscaler: I wouldn't bother.",
        "probes",
        false,
    ),
    (
        "listed topics, then a dash and 'don't bother checking'",
        "Node logs and kubelet events — don't bother checking.",
        "kubelet events",
        false,
    ),
    (
        "look-alike: listed topics, then a dash and a plan to look",
        "Database locks, connection pools, third-party APIs — I would look at all three first.",
        "connection pools",
        true,
    ),
    (
        "look-alike: listed topics, then a colon and a plan to look",
        "PDBs, probes, the autoscaler: I would look at each before the drain.",
        "probes",
        true,
    ),
    (
        "look-alike: a dismissal with no object after a conditional",
        "Check the PDB first — if it blocks the drain, you don't need to look.",
        "PDB",
        true,
    ),
    (
        "look-alike: a dismissal with no object in another clause",
        "Logs and events: the kubelet writes them so you don't have to check.",
        "kubelet",
        true,
    ),
    (
        "verdict: not what I'd focus on",
        "etcdctl snapshot save and etcdutl snapshot restore are not what I'd focus on.",
        "snapshot save",
        false,
    ),
    (
        "verdict: not what I would look at",
        "PodDisruptionBudgets are not what I would look at here.",
        "PodDisruptionBudgets",
        false,
    ),
    (
        "verdict: isn't really the question",
        "Multi-primary vs primary-remote isn't really the question here.",
        "primary-remote",
        false,
    ),
    (
        "verdict: beside the point",
        "The PDB is beside the point.",
        "PDB",
        false,
    ),
    (
        "verdict: just slow you down",
        "Dry-run flags and RBAC scoping just slow you down.",
        "RBAC",
        false,
    ),
    (
        "verdict: only slow you down",
        "Readiness gates only slow you down.",
        "Readiness gates",
        false,
    ),
    (
        "look-alike: not what blocks the drain, a correction",
        "The PDB is not what blocks the drain; the finalizer is.",
        "finalizer",
        true,
    ),
    (
        "look-alike: the question is whether",
        "The question is whether the PDB allows zero disruptions.",
        "PDB",
        true,
    ),
    (
        "look-alike: a limit only slows things down",
        "A CPU limit only slows things down; it never kills the container.",
        "CPU limit",
        true,
    ),
    (
        "look-alike: the question is not X but Y",
        "The question is not the PDB but the finalizer.",
        "finalizer",
        true,
    ),
    (
        "look-alike: what I'd focus on, affirmed",
        "What I'd focus on is the PDB, because it blocks the drain.",
        "PDB",
        true,
    ),
    (
        "look-alike: throttling just slows the process down",
        "CPU throttling just slows the process down, it doesn't kill it.",
        "CPU throttling",
        true,
    ),
    (
        "verdict: the last thing I'd think about",
        "RBAC for the script is the last thing I'd think about.",
        "RBAC",
        false,
    ),
    (
        "verdict: the last thing to care about",
        "Encryption at rest is the last thing to care about here.",
        "Encryption at rest",
        false,
    ),
    (
        "verdict: the last thing I would bother with",
        "Pod anti-affinity is the last thing I would bother with.",
        "anti-affinity",
        false,
    ),
    (
        "look-alike: the last thing I'd think about, put first",
        "The last thing I'd think about is the PDB, after the probes.",
        "PDB",
        true,
    ),
    (
        "look-alike: the last thing I would consider, put first",
        "The last thing I would consider is a bigger node pool.",
        "node pool",
        true,
    ),
    (
        "quantified pointer after a list: all of that",
        "Prometheus, the external metrics API, all of that has no effect on how fast a consumer reads.",
        "external metrics API",
        false,
    ),
    (
        "quantified pointer after a list: all of this",
        "Finalizers, owner references, all of this is irrelevant for an operator.",
        "owner references",
        false,
    ),
    (
        "quantified pointer after a list: both of them",
        "Requests, limits, both of them don't matter here.",
        "limits",
        false,
    ),
    (
        "quantified pointer after a list: all these",
        "Taints, affinity, PDBs, all these don't change anything here.",
        "affinity",
        false,
    ),
    (
        "look-alike: a quantified pointer in a claim",
        "Finalizers, owner references, all of that matters for a clean delete.",
        "owner references",
        true,
    ),
    (
        "look-alike: a quantified pointer with a verb of a claim",
        "Requests, limits, all of that feeds the scheduler's decision.",
        "limits",
        true,
    ),
    (
        "verdict: theoretical concerns",
        "Idempotency and status conditions are theoretical concerns.",
        "status conditions",
        false,
    ),
    (
        "look-alike: not a theoretical concern",
        "Idempotency is not a theoretical concern: the reconcile loop runs again after every failure.",
        "Idempotency",
        true,
    ),
    (
        "look-alike: beyond the theoretical concerns",
        "Beyond the theoretical concerns, the PDB blocks the drain in practice.",
        "PDB",
        true,
    ),
    (
        "parenthetical aside between subject and verdict: in my view",
        "CPU throttling, connection pools and external payment APIs have, in my view, nothing to do with it.",
        "connection pools",
        false,
    ),
    (
        "parenthetical aside between subject and verdict: in particular",
        "The ImagePolicyWebhook, in particular, seems to me superfluous.",
        "ImagePolicyWebhook",
        false,
    ),
    (
        "look-alike: a parenthetical aside in a claim",
        "The PDB, in my experience, is what blocks the drain most often.",
        "PDB",
        true,
    ),
    (
        "reply after an aside on whose view it is: their view was",
        "OOMKilled, probes, wrong entrypoint? Their view was none of those matter without logs.",
        "wrong entrypoint",
        false,
    ),
    (
        "reply after an aside on whose view it is: in their view",
        "podSelector and namespaceSelector? In their view you don't need them for this.",
        "namespaceSelector",
        false,
    ),
    (
        "look-alike: a reply after an aside that answers yes",
        "podSelector and namespaceSelector? In their view you need both, scoped to the namespace.",
        "namespaceSelector",
        true,
    ),
    (
        "verdict: too small to care about",
        "Encapsulation overhead is too small to care about.",
        "encapsulation overhead",
        false,
    ),
    (
        "look-alike: too small as a diagnosis",
        "The memory limit is too small for the JVM heap, so the container is OOM-killed.",
        "memory limit",
        true,
    ),
    (
        "verdict: a lot of faff",
        "TokenRequest and projected volumes are a lot of faff for nothing.",
        "projected volumes",
        false,
    ),
    (
        "verdict: doubtful that",
        "I am doubtful that an admission-time check is the right place.",
        "admission-time check",
        false,
    ),
    (
        "reply: I've never seen that cause it",
        "MTU mismatches between nodes? I've never seen that cause only occasional failures.",
        "MTU",
        false,
    ),
    (
        "reply: that has nothing to do with it, with an object",
        "Multiple ingress controllers? That has nothing to do with routing.",
        "multiple ingress controllers",
        false,
    ),
    (
        "reply pointing back at a run of questions",
        "Shared root CA? Remote secrets? East-west gateways? You don't need any of that for this.",
        "shared root CA",
        false,
    ),
    (
        "reply pointing back at a run of questions, the last one",
        "Shared root CA? Remote secrets? East-west gateways? You don't need any of that for this.",
        "east-west gateway",
        false,
    ),
    (
        "look-alike: a run of questions answered one at a time",
        "Shared root CA? Yes, both clusters need it. Remote secrets? You don't need them with a flat network.",
        "shared root CA",
        true,
    ),
    (
        "reply restricted to another situation",
        "CNI? That's only relevant when pods can't talk to each other, not for creating them.",
        "CNI",
        false,
    ),
    (
        "look-alike: a reply restricting the topic to where it applies",
        "CNI? That's where the pod IP comes from, so check the plugin logs.",
        "CNI",
        true,
    ),
    (
        "rhetorical question answered by belittling it",
        "Why would DaemonSets matter? They barely use CPU.",
        "DaemonSets",
        false,
    ),
    (
        "look-alike: a question about relevance answered with the reason it matters",
        "Why would DaemonSets matter? They reserve CPU on every node before your pods land.",
        "DaemonSets",
        true,
    ),
    (
        "verdict: won't tell you more",
        "And kubectl describe node won't tell you more than kubectl top already does.",
        "describe node",
        false,
    ),
    (
        "look-alike: won't tell you why, then a source that will",
        "The events won't tell you why, so check describe node for the allocatable CPU.",
        "describe node",
        true,
    ),
    (
        "verdict: too much work",
        "Admission policies won't change anything, and provenance attestations are too much work.",
        "provenance attestations",
        false,
    ),
    (
        "look-alike: too much as an amount",
        "Too much memory pressure makes the kubelet evict pods.",
        "memory pressure",
        true,
    ),
    (
        "pronoun verdict with a trailing hedge, in practice",
        "Exemplars are a metrics feature, so they don't help in practice.",
        "exemplars",
        false,
    ),
    (
        "pronoun verdict after a semicolon, in practice",
        "We added node affinity; it doesn't help in practice.",
        "node affinity",
        false,
    ),
    (
        "look-alike: a pronoun verdict placed in a location",
        "The sidecar is injected, but it doesn't do anything in the init phase.",
        "sidecar",
        true,
    ),
    (
        "advice: so don't rely on them",
        "Trace IDs are unreliable, so don't rely on them.",
        "trace IDs",
        false,
    ),
    (
        "advice: so don't trust it",
        "The cache is often stale, so don't trust it.",
        "cache",
        false,
    ),
    (
        "look-alike: don't rely on them alone",
        "Probes can be flaky, so don't rely on them alone; alert on errors too.",
        "probes",
        true,
    ),
    (
        "fronted topic, please ignore it, then a dismissive reason",
        "The schedulingGates field also, please ignore it, it never causes this.",
        "schedulingGates",
        false,
    ),
    (
        "look-alike: fronted topic, please check it, then a reason",
        "The schedulingGates field, please check it, it holds the pod back.",
        "schedulingGates",
        true,
    ),
    (
        "reply: a noun phrase, but they don't matter",
        "Kernel drop reasons in Hubble? Nice demos, but they don't matter for real incidents.",
        "Hubble",
        false,
    ),
    (
        "reply: cute, but they never help",
        "Exemplars? Cute, but they never help.",
        "exemplars",
        false,
    ),
    (
        "look-alike: reply, but they don't replace",
        "Exemplars? They link a metric to a trace, but they don't replace tracing.",
        "exemplars",
        true,
    ),
    (
        "fronted list, those flags never matter",
        "Lease duration and renew deadline, those flags never matter.",
        "renew deadline",
        false,
    ),
    (
        "fronted topic of eight words, I've never seen matter",
        "Connectivity between the API server and the webhook, I've never seen matter.",
        "webhook",
        false,
    ),
    (
        "fronted topic, I would not bother learning",
        "The difference between WasmPlugin and EnvoyFilter I would not bother learning.",
        "WasmPlugin",
        false,
    ),
    (
        "colon, irrelevant details",
        "EncryptionConfiguration and provider order: irrelevant details.",
        "provider order",
        false,
    ),
    (
        "verdict: an irrelevant detail",
        "Provider order is an irrelevant detail.",
        "provider order",
        false,
    ),
    (
        "verdict: plays no part",
        "The service account identity plays no part in the certificate.",
        "service account identity",
        false,
    ),
    (
        "look-alike: fronted list, those flags decide",
        "Lease duration and renew deadline, those flags decide how fast failover happens.",
        "renew deadline",
        true,
    ),
    (
        "look-alike: part of",
        "The service account identity is part of the certificate's SAN.",
        "service account identity",
        true,
    ),
    (
        "described: a distinction I would ignore",
        "Multi-primary vs primary-remote is a distinction I would ignore.",
        "primary-remote",
        false,
    ),
    (
        "described: a detail I'd skip",
        "The renew deadline is a detail I'd skip.",
        "renew deadline",
        false,
    ),
    (
        "described: something nobody ever reads",
        "Auditing access is something nobody ever reads.",
        "auditing",
        false,
    ),
    (
        "list, then aren't real challenges",
        "CIDR overlap, latency and DNS aren't real challenges here.",
        "CIDR overlap",
        false,
    ),
    (
        "look-alike: something nobody enjoys, but must be done",
        "Rotating the CA is something nobody enjoys, but it must be done before expiry.",
        "rotating the CA",
        true,
    ),
    (
        "look-alike: a distinction that decides",
        "Multi-primary vs primary-remote is a distinction that decides where istiod runs.",
        "primary-remote",
        true,
    ),
    (
        "look-alike: a real problem when",
        "CIDR overlap is a real problem when the clusters were built with the same pod range.",
        "CIDR overlap",
        true,
    ),
    (
        "restricted elsewhere, not a situation like this",
        "Owner references only matter for big operators, not a simple backup.",
        "owner references",
        false,
    ),
    (
        "restricted elsewhere, not for this",
        "Topology spread only matters at scale, not for this.",
        "topology spread",
        false,
    ),
    (
        "restricted elsewhere, not in a small cluster",
        "Topology spread only matters at scale, not in a three-node cluster.",
        "topology spread",
        false,
    ),
    (
        "look-alike: only matters for one role, not another",
        "Requests only matter for scheduling, not for throttling; limits throttle.",
        "requests",
        true,
    ),
    (
        "verdict: a fad",
        "CEL is a fad.",
        "CEL",
        false,
    ),
    (
        "verdict: the last thing I'd install",
        "Gatekeeper or Kyverno are the last thing I'd install.",
        "Kyverno",
        false,
    ),
    (
        "verdict: something nobody maintains",
        "AppArmor profiles are a pain nobody maintains.",
        "AppArmor",
        false,
    ),
    (
        "verdict: implementation trivia",
        "The retry budget is implementation trivia.",
        "retry budget",
        false,
    ),
    (
        "verdict: changes nothing",
        "Those settings change nothing.",
        "settings",
        false,
    ),
    (
        "reply: I haven't seen that matter in practice",
        "Node affinity? I haven't seen that matter in practice.",
        "node affinity",
        false,
    ),
    (
        "reply: both are the same",
        "Multi-primary versus primary-remote? Both are the same in practice.",
        "primary-remote",
        false,
    ),
    (
        "fronted topic, just ignore it",
        "The readiness probe too, just ignore it.",
        "readiness probe",
        false,
    ),
    (
        "look-alike: the last thing the kubelet does",
        "The last thing the kubelet does is send SIGKILL.",
        "SIGKILL",
        true,
    ),
    (
        "look-alike: install X to do Y",
        "Install Kyverno and write a policy that rejects hostNetwork.",
        "Kyverno",
        true,
    ),
    (
        "look-alike: changes how fast",
        "Raising the lease duration changes how fast a new leader takes over.",
        "lease duration",
        true,
    ),
    (
        "look-alike: both share",
        "Both multi-primary and primary-remote share one root of trust.",
        "primary-remote",
        true,
    ),
    (
        "look-alike: a list, all of them needed",
        "Requests, limits, quotas - all of them need to be set per namespace.",
        "quotas",
        true,
    ),
    (
        "look-alike: a finding, X lacks Y",
        "The StorageClass lacks allowVolumeExpansion, so the resize is rejected.",
        "allowVolumeExpansion",
        true,
    ),
    (
        "look-alike: a finding, the pods lack Y",
        "The pods lack a toleration for the GPU taint, so they stay Pending.",
        "toleration",
        true,
    ),
    (
        "denial: the speaker lacks the time for X",
        "We lack the time for a canary rollout here.",
        "canary rollout",
        false,
    ),
    (
        "reply: a red herring",
        "Overlay versus native routing? A red herring.",
        "native routing",
        false,
    ),
    (
        "dash list, then I've never seen any of those matter",
        "Placement groups, CPU pinning, NUMA — I've never seen any of those matter.",
        "CPU pinning",
        false,
    ),
    (
        "look-alike: dash list, then a claim with I've",
        "Placement groups, CPU pinning, NUMA — I've used all of those to cut tail latency.",
        "CPU pinning",
        true,
    ),
    (
        "verdict: plays no role",
        "The search domain list plays no role in this.",
        "search domain list",
        false,
    ),
    (
        "verdict: the last thing I'd enable",
        "Strict mTLS is the last thing I'd enable.",
        "Strict mTLS",
        false,
    ),
    (
        "verdict: things people over-engineer",
        "Sharding the collectors is one of those things people over-engineer.",
        "Sharding",
        false,
    ),
    (
        "verdict: neither changes anything",
        "Retries and timeouts, neither changes anything here.",
        "Retries",
        false,
    ),
    (
        "reply: no effect on anything",
        "Pod priority? No effect on anything.",
        "Pod priority",
        false,
    ),
    (
        "reply: a verdict noun alone",
        "Exemplars? A gimmick.",
        "Exemplars",
        false,
    ),
    (
        "reply: but it's never that",
        "The runtime socket? People blame it, but it's never that.",
        "runtime socket",
        false,
    ),
    (
        "look-alike: reply, but it's never optional",
        "The runtime socket? People forget it, but it's never optional to lock it down.",
        "runtime socket",
        true,
    ),
    (
        "look-alike: the first thing I'd enable",
        "Strict mTLS is the first thing I'd enable once every workload has a sidecar.",
        "Strict mTLS",
        true,
    ),
    (
        "look-alike: a reply that explains",
        "Exemplars? They link a metric sample to the trace that produced it.",
        "Exemplars",
        true,
    ),
    (
        "verdict: is no matter",
        "The restart count is no matter here.",
        "restart count",
        false,
    ),
    (
        "verdict: an old myth",
        "The MTU problem is an old myth.",
        "MTU",
        false,
    ),
    (
        "verdict: too much complexity",
        "A service mesh is too much complexity for two services.",
        "service mesh",
        false,
    ),
    (
        "verdict: too complicated",
        "NodeLocal DNSCache is too complicated for this.",
        "NodeLocal DNSCache",
        false,
    ),
    (
        "verdict: not worth it",
        "Audit logging is not worth it here.",
        "Audit logging",
        false,
    ),
    (
        "verdict: an edge case I wouldn't bother with",
        "Stale conntrack entries are an edge case I wouldn't bother with.",
        "conntrack entries",
        false,
    ),
    (
        "verdict: academic",
        "Whether kube-proxy runs in IPVS mode is purely academic.",
        "IPVS mode",
        false,
    ),
    (
        "verdict: isn't the way",
        "A bigger node isn't the way.",
        "bigger node",
        false,
    ),
    (
        "verdict: always fine",
        "The CoreDNS pods are always fine.",
        "CoreDNS",
        false,
    ),
    (
        "verdict: isn't a big deal",
        "Losing the etcd snapshot isn't a big deal.",
        "etcd snapshot",
        false,
    ),
    (
        "verdict: don't change anything",
        "Requests and limits don't change anything here.",
        "Requests",
        false,
    ),
    (
        "verdict: nobody calls",
        "The eviction API is something nobody calls directly.",
        "eviction API",
        false,
    ),
    (
        "verdict: something I'd never touch",
        "The kubelet config is something I'd never touch.",
        "kubelet config",
        false,
    ),
    (
        "reply: rhetorical without a question mark",
        "Pod anti-affinity? Why would that matter for a single replica.",
        "anti-affinity",
        false,
    ),
    (
        "terse note: comma, then no",
        "A PodDisruptionBudget, no.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "look-alike: no matter which",
        "No matter which node the pod lands on, the PVC follows it.",
        "PVC",
        true,
    ),
    (
        "look-alike: too complicated by hand, so use X",
        "Managing certificates by hand gets too complicated, so use cert-manager.",
        "cert-manager",
        true,
    ),
    (
        "look-alike: X is the way",
        "A readiness probe is the way to keep traffic off a pod that is starting.",
        "readiness probe",
        true,
    ),
    (
        "look-alike: comma and no inside the sentence",
        "The drain waits for the PodDisruptionBudget, and no pod is evicted beyond it.",
        "PodDisruptionBudget",
        true,
    ),
    (
        "look-alike: why question answered",
        "Why would a PDB matter? Because the drain evicts every replica at once without one.",
        "PDB",
        true,
    ),
    // ---- Denials: the concept must not be credited. ----
    (
        "colon, then an adverb before the verdict",
        "Retries: equally pointless.",
        "Retries",
        false,
    ),
    (
        "colon, then a stance adverb before the verdict",
        "The PodDisruptionBudget: honestly irrelevant.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "verdict: a rabbit hole",
        "Heap profiles are a rabbit hole and comparing two of them won't change anything.",
        "Heap profiles",
        false,
    ),
    (
        "verdict: overblown",
        "Honestly, the whole drift discussion is overblown here.",
        "drift",
        false,
    ),
    (
        "verdict: too noisy to be useful",
        "The kubelet logs are too noisy to be useful.",
        "kubelet logs",
        false,
    ),
    (
        "ranked last, plural",
        "Cilium and Pixie are the last things I'd look at.",
        "Pixie",
        false,
    ),
    (
        "list before a dash, then skip it",
        "port-forward and /debug/pprof — skip it.",
        "port-forward",
        false,
    ),
    (
        "list, comma, any of it",
        "The Sidecar resource, telemetry tuning, ambient mode, I wouldn't bother with any of it.",
        "ambient mode",
        false,
    ),
    (
        "list, comma, a negated dismissal of it: kept",
        "The Sidecar resource, telemetry tuning, ambient mode, I wouldn't skip any of it.",
        "ambient mode",
        true,
    ),
    (
        "verdict: should not happen",
        "An old leader cut off in the minority fails its writes, so two leaders both accepting writes should not happen.",
        "accepting writes",
        false,
    ),
    (
        "verdict: cannot happen",
        "Split brain cannot happen with a Raft quorum.",
        "Split brain",
        false,
    ),
    (
        "made sure cannot happen: kept",
        "Fencing makes sure a double attach cannot happen.",
        "Fencing",
        true,
    ),
    (
        "condition before a verdict: kept",
        "Without quorum, writes cannot happen, so the minority side stops.",
        "quorum",
        true,
    ),
    (
        "list ending in a setting name, colon, pointer",
        "Hub-and-spoke, ConversionReview, caBundle: you don't need any of it.",
        "caBundle",
        false,
    ),
    (
        "list, colon, pointer then 'for this'",
        "EndpointSlices, APF, NodeLocal DNSCache: you don't need any of it for this.",
        "NodeLocal DNSCache",
        false,
    ),
    (
        "setting name, colon, advice about it: kept",
        "caBundle: you don't need to set it by hand, cert-manager injects it.",
        "caBundle",
        true,
    ),
    (
        "second predicate with a relevance verdict",
        "Error budgets are a management concept and have nothing to do with alerting.",
        "Error budgets",
        false,
    ),
    (
        "second predicate with a dismissive verdict",
        "Multi-primary versus primary-remote is just naming and makes no difference.",
        "Multi-primary",
        false,
    ),
    (
        "second predicate that is a claim: kept",
        "The sidecar is injected by the webhook and never needs a restart of the control plane.",
        "sidecar",
        true,
    ),
    (
        "ranked last",
        "Leases and lock objects are the last thing I'd look at.",
        "lock objects",
        false,
    ),
    (
        "ranked last, put first: an order of steps, kept",
        "The last thing I'd check is the lease object, after the logs.",
        "lease object",
        true,
    ),
    (
        "setting name then a verdict",
        "hostPath: irrelevant.",
        "hostPath",
        false,
    ),
    (
        "colon then don't bother",
        "Timestamps: don't bother, it doesn't matter.",
        "Timestamps",
        false,
    ),
    (
        "colon then never seen them matter",
        "hostPath and hostPID: never seen them matter.",
        "hostPID",
        false,
    ),
    (
        "verdict: a theoretical problem",
        "Backpressure is a theoretical problem with a buffer this size.",
        "Backpressure",
        false,
    ),
    (
        "theoretical unless: kept",
        "Backpressure is only theoretical unless the consumers fall behind, so watch consumer lag.",
        "Backpressure",
        true,
    ),
    (
        "something you don't need",
        "Locking egress down with NetworkPolicies is something you don't need for this.",
        "NetworkPolicies",
        false,
    ),
    (
        "something you can forget about",
        "BGP peering with the underlay is something you can forget about, it configures itself.",
        "BGP peering",
        false,
    ),
    (
        "something nobody ever does",
        "Replaying logs from the buffer is something nobody ever does.",
        "Replaying logs",
        false,
    ),
    (
        "something you can't do without: kept",
        "A PodDisruptionBudget is something you can't drain safely without.",
        "PodDisruptionBudget",
        true,
    ),
    (
        "something you don't want to skip: kept",
        "A dry run is something you don't want to skip before deleting.",
        "dry run",
        true,
    ),
    (
        "only matters elsewhere, not here",
        "NAT gateways and static IPs only matter on-prem, not here.",
        "NAT gateways",
        false,
    ),
    (
        "only matters for a case: kept",
        "PDBs only matter for voluntary disruptions, not for node crashes.",
        "PDBs",
        true,
    ),
    (
        "without after an adjective that is no negation",
        "A hard limit without a memory request gets the limit copied into the request.",
        "memory request",
        false,
    ),
    (
        "without after 'hard to': a requirement, kept",
        "It is hard to tell what killed it without the previous logs.",
        "previous logs",
        true,
    ),
    (
        "list then pointer verdict: all the same",
        "Overlay or native routing, eBPF or iptables, it's all the same in practice.",
        "native routing",
        false,
    ),
    (
        "the same named as a fact: kept",
        "Native routing and the overlay use the same MTU, so lower it on both.",
        "native routing",
        true,
    ),
    (
        "verdict: over-engineering",
        "HA pairs, sharding and object storage are over-engineering.",
        "object storage",
        false,
    ),
    (
        "verdict: makes no difference",
        "The preStop hook makes no difference once the app drains on SIGTERM.",
        "preStop hook",
        false,
    ),
    (
        "over-engineering avoided: kept",
        "Sharding avoids over-engineering a single huge Prometheus.",
        "Sharding",
        true,
    ),
    (
        "verdict: plural non-issues",
        "Client-side balancing and DNS caching are non-issues too.",
        "DNS caching",
        false,
    ),
    (
        "verdict: plural red herrings",
        "Regex paths and merged Ingress objects are red herrings too.",
        "Ingress objects",
        false,
    ),
    (
        "verdict: just extra complexity",
        "Scoping with the Sidecar resource or going ambient is just extra complexity.",
        "Sidecar resource",
        false,
    ),
    (
        "reply whose first clause dismisses",
        "Reading the release notes? I wouldn't bother, minor versions never break anything.",
        "release notes",
        false,
    ),
    (
        "complexity named, not dismissed: kept",
        "Ambient mode removes the sidecar, which cuts extra complexity from every pod.",
        "Ambient mode",
        true,
    ),
    (
        "question answered in its first clause: kept",
        "Why read the release notes? Because minor versions remove deprecated APIs.",
        "release notes",
        true,
    ),
    (
        "verdict: impossible",
        "CPU throttling is impossible here, since usage never reaches the limit.",
        "CPU throttling",
        false,
    ),
    (
        "verdict: not possible",
        "A memory leak is not possible in this setup because the heap is capped.",
        "memory leak",
        false,
    ),
    (
        "verdict: the worst option",
        "Gateway mode is the worst option for tail sampling.",
        "Gateway mode",
        false,
    ),
    (
        "verdict: a poor choice",
        "For a stateful database a Deployment is a poor choice.",
        "Deployment",
        false,
    ),
    (
        "possibility verdict that goes on: kept",
        "Without a PodDisruptionBudget, a safe drain is impossible.",
        "PodDisruptionBudget",
        true,
    ),
    (
        "possibility verdict that goes on: kept",
        "It is impossible to see the crash without the previous logs, so fetch them.",
        "previous logs",
        true,
    ),
    (
        "possibility verdict that goes on: kept",
        "CPU throttling makes it impossible to meet the latency target.",
        "CPU throttling",
        true,
    ),
    (
        "verdict: the best option, kept",
        "Gateway mode is the best option for tail sampling.",
        "Gateway mode",
        true,
    ),
    (
        "list before a dash, pointer verdict",
        "The Proxy-Wasm sandbox, the WasmPlugin resource, OCI packaging — it's all hype that rarely matters.",
        "WasmPlugin",
        false,
    ),
    (
        "list before a dash, dismissal",
        "pprof is overrated for this; heap profiles, inuse_space, diffs between snapshots — I wouldn't bother.",
        "heap profiles",
        false,
    ),
    (
        "list before a dash, dismissal",
        "Sidecars, service meshes, mTLS — we don't need any of that.",
        "service meshes",
        false,
    ),
    (
        "relevance: adds nothing",
        "Rootless runtimes are overrated, user namespaces don't add meaningful protection.",
        "user namespaces",
        false,
    ),
    (
        "relevance: not real",
        "The networking limitations people talk about aren't real either.",
        "networking limitations",
        false,
    ),
    (
        "hype verdict",
        "Service meshes are all hype.",
        "service meshes",
        false,
    ),
    (
        "look-alike: list before a dash",
        "Check the PDB, the drain timeout and the eviction API — I did exactly that last week.",
        "eviction API",
        true,
    ),
    (
        "look-alike: list before a dash",
        "Requests, limits, probes — I wouldn't skip any of them.",
        "probes",
        true,
    ),
    (
        "look-alike: despite the hype",
        "Despite the hype, sidecars really do add latency on every hop.",
        "sidecars",
        true,
    ),
    (
        "look-alike: not a real boundary",
        "Containers aren't a real security boundary, so run a vulnerability scanner on the images.",
        "vulnerability scanner",
        true,
    ),
    (
        "not before",
        "We should not add a PodDisruptionBudget here.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "not before",
        "That is not a finalizer problem at all.",
        "finalizer",
        false,
    ),
    (
        "n't + advice verb",
        "I wouldn't use a preStop hook for this.",
        "preStop hook",
        false,
    ),
    (
        "n't + advice verb",
        "You don't need a readiness probe on the database.",
        "readiness probe",
        false,
    ),
    (
        "subject + doesn't help",
        "A PodDisruptionBudget doesn't help here.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "subject + doesn't help",
        "Retry budgets and circuit breakers don't help with a retry storm.",
        "circuit breakers",
        false,
    ),
    (
        "subject + isn't the cause",
        "The conntrack race isn't the cause.",
        "conntrack race",
        false,
    ),
    (
        "subject + isn't the cause",
        "Cardinality is not the problem with this Prometheus.",
        "cardinality",
        false,
    ),
    (
        "subject + isn't needed",
        "A preStop hook isn't needed.",
        "preStop hook",
        false,
    ),
    (
        "subject + isn't needed",
        "The eviction API is not required for a drain.",
        "eviction API",
        false,
    ),
    (
        "subject + won't fix",
        "Raising the MTU won't fix it.",
        "MTU",
        false,
    ),
    (
        "subject + won't fix",
        "A bigger node will not solve the OOM kills.",
        "bigger node",
        false,
    ),
    (
        "has nothing to do with",
        "The eviction API has nothing to do with the drain.",
        "eviction API",
        false,
    ),
    (
        "has nothing to do with",
        "SDS has nothing to do with certificate rotation.",
        "SDS",
        false,
    ),
    ("is a myth", "The ndots problem is a myth.", "ndots", false),
    (
        "more trouble than it's worth",
        "Pod Security Admission is more trouble than it's worth.",
        "Pod Security Admission",
        false,
    ),
    (
        "is just a buzzword",
        "BGP is just a buzzword in this context.",
        "BGP",
        false,
    ),
    (
        "can safely be ignored",
        "The runtime overhead can safely be ignored.",
        "overhead",
        false,
    ),
    (
        "only wastes",
        "Setting overhead on a RuntimeClass only wastes capacity.",
        "overhead",
        false,
    ),
    (
        "make no measurable difference",
        "Scoring strategies make no measurable difference.",
        "scoring strategies",
        false,
    ),
    (
        "elided verdict (won't either)",
        "The webhook configuration won't help here, and failurePolicy won't either.",
        "failurePolicy",
        false,
    ),
    (
        "framed as a common misconception",
        "A common misconception is that the PDB blocks the drain forever, but it only delays it.",
        "PDB",
        false,
    ),
    (
        "framed as the classic mistake",
        "The classic mistake is to think that raising ndots speeds up lookups.",
        "ndots",
        false,
    ),
    (
        "framed as what people think",
        "People often think the sidecar adds no latency; in fact every hop costs a millisecond or two.",
        "sidecar",
        false,
    ),
    (
        "the correction after a frame stays asserted",
        "People often think the sidecar adds no latency, but in fact every hop through the proxy costs a millisecond.",
        "proxy",
        true,
    ),
    (
        "a heading of mistakes",
        "Common mistakes: restarting the kubelet and deleting the PVC.",
        "PVC",
        false,
    ),
    (
        "a heading of wrong fixes",
        "Non-fixes: granting cluster-admin, running as root.",
        "cluster-admin",
        false,
    ),
    (
        "a heading of wrong moves",
        "Wrong moves: deleting the PVC, switching to ReadWriteMany.",
        "ReadWriteMany",
        false,
    ),
    (
        "a heading of anti-patterns",
        "Anti-patterns: rm -rf /var/lib/containerd on a live node.",
        "rm -rf",
        false,
    ),
    (
        "a heading of don'ts",
        "Don'ts: raising timeouts, adding retries.",
        "adding retries",
        false,
    ),
    (
        "a heading of steps is no frame",
        "Steps: cordon the node, then drain it with the PDB in place.",
        "PDB",
        true,
    ),
    (
        "a wrong heading word inside a sentence is no frame",
        "Wrong RBAC is why the controller needs a Role with list on pods.",
        "Role",
        true,
    ),
    (
        "resist the temptation",
        "Resist the temptation to just raise the timeouts.",
        "raise the timeouts",
        false,
    ),
    (
        "an anti-pattern verdict on a gerund subject",
        "Giving the controller cluster-admin is an anti-pattern.",
        "cluster-admin",
        false,
    ),
    (
        "the wrong reflex",
        "Adding more retries is the wrong reflex.",
        "more retries",
        false,
    ),
    (
        "a setting's value is no dismissal",
        "With failurePolicy: Ignore the API server admits the pod without a sidecar.",
        "admits the pod",
        true,
    ),
    (
        "a setting's value is no negation",
        "With restartPolicy: Never the kubelet leaves the failed container stopped.",
        "failed container",
        true,
    ),
    (
        "a list before a colon, then 'wouldn't bother with any of that'",
        "EndpointSlices, API Priority and Fairness, NodeLocal DNSCache: I wouldn't bother with any of that.",
        "NodeLocal DNSCache",
        false,
    ),
    (
        "a list before a colon, then 'I'd skip those'",
        "Exemplars and tail sampling: I'd skip those.",
        "tail sampling",
        false,
    ),
    (
        "a list before a colon kept by the verb",
        "PDBs and readiness gates: don't delete them during the migration.",
        "readiness gates",
        true,
    ),
    (
        "a plural pronoun dismissed in a later clause",
        "The node's conditions never say why, so don't bother reading them.",
        "conditions",
        false,
    ),
    (
        "a plural pronoun kept in a later clause",
        "The node's conditions show DiskPressure, so check them first.",
        "conditions",
        true,
    ),
    (
        "didn't change security",
        "Short-lived tokens didn't really change security.",
        "short-lived tokens",
        false,
    ),
    (
        "verdict: redundant",
        "A liveness probe is redundant here.",
        "liveness probe",
        false,
    ),
    (
        "verdict: no obstacle",
        "Overlay networks are no obstacle for the return path.",
        "Overlay networks",
        false,
    ),
    (
        "verdict: not a hurdle",
        "Source/destination checks aren't a real hurdle here.",
        "destination checks",
        false,
    ),
    (
        "an obstacle asserted",
        "Overlay networks are the main obstacle for the return path.",
        "Overlay networks",
        true,
    ),
    (
        "a symptom: no way past the barrier",
        "The replies can't get past the stateful firewall, which is the real barrier.",
        "stateful firewall",
        true,
    ),
    (
        "verdict: zero effect",
        "The PodDisruptionBudget has zero effect on a node drain.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "zero as a target, not a verdict",
        "The PodDisruptionBudget keeps zero-downtime drains possible, with zero dropped requests.",
        "PodDisruptionBudget",
        true,
    ),
    (
        "verdict: a gerund subject does nothing",
        "Tuning the conntrack table does nothing.",
        "conntrack table",
        false,
    ),
    (
        "verdict: the least of your worries",
        "The conntrack table is the least of your worries.",
        "conntrack table",
        false,
    ),
    (
        "verdict: a misdiagnosis",
        "Blaming the conntrack table is a misdiagnosis.",
        "conntrack table",
        false,
    ),
    (
        "does nothing said of something else",
        "Raise the conntrack table size, because a restart does nothing.",
        "conntrack table",
        true,
    ),
    (
        "verdict: a non-issue",
        "The conntrack table is a non-issue.",
        "conntrack table",
        false,
    ),
    (
        "verdict: achieves nothing",
        "Adding a PDB achieves nothing.",
        "PDB",
        false,
    ),
    (
        "verdict: only papers over",
        "A retry only papers over the problem.",
        "retry",
        false,
    ),
    (
        "reply: I doubt it",
        "Would a PDB help here? I doubt it.",
        "PDB",
        false,
    ),
    (
        "reply: not really",
        "Is the sidecar the cause? Not really.",
        "sidecar",
        false,
    ),
    (
        "rhetorical why",
        "Why would a preStop hook help here?",
        "preStop hook",
        false,
    ),
    (
        "rhetorical why answered",
        "Why a preStop hook? Because the endpoint removal races SIGTERM.",
        "preStop hook",
        true,
    ),
    (
        "negated omission",
        "Don't skip the NetworkPolicy.",
        "NetworkPolicy",
        true,
    ),
    (
        "negated omission with a modal",
        "No one should skip the readiness probe.",
        "readiness probe",
        true,
    ),
    (
        "negated negative verdict",
        "The PDB isn't useless; it blocks the eviction.",
        "PDB",
        true,
    ),
    (
        "far from a negative verdict",
        "The preStop hook is far from pointless.",
        "preStop hook",
        true,
    ),
    (
        "litotes: not a bad idea",
        "A PDB is not a bad idea.",
        "PDB",
        true,
    ),
    (
        "nothing beats X",
        "Nothing beats a readiness probe for this.",
        "readiness probe",
        true,
    ),
    (
        "no way around X",
        "There's no way around a preStop hook here.",
        "preStop hook",
        true,
    ),
    (
        "a negative question leans to yes",
        "Wouldn't a PDB solve this?",
        "PDB",
        true,
    ),
    (
        "don't waste time on X",
        "Don't waste time reading allocatable in kubectl describe node.",
        "allocatable",
        false,
    ),
    (
        "advise against",
        "I'd advise against a preStop hook here.",
        "preStop hook",
        false,
    ),
    (
        "no better than",
        "The HPA is no better than manual scaling here.",
        "HPA",
        false,
    ),
    (
        "out of the picture",
        "The HPA is out of the picture.",
        "HPA",
        false,
    ),
    (
        "doesn't explain",
        "The NetworkPolicy doesn't explain the 5 second delay.",
        "NetworkPolicy",
        false,
    ),
    (
        "a dismissal as the condition of a consequence",
        "Skip the preStop hook and you'll drop connections during the rollout.",
        "preStop hook",
        true,
    ),
    (
        "a dismissal followed by advice",
        "Skip the preStop hook and use a longer grace period instead.",
        "preStop hook",
        false,
    ),
    (
        "a verdict after a causative verb judges the object",
        "The PDB makes manual checks unnecessary.",
        "PDB",
        true,
    ),
    (
        "… and denies the object",
        "The PDB makes manual checks unnecessary.",
        "manual checks",
        false,
    ),
    (
        "an absence named as the cause",
        "No PDB was configured, which is why the drain evicted everything.",
        "PDB",
        true,
    ),
    (
        "an absence named as the root cause",
        "The lack of a PDB is the root cause.",
        "PDB",
        true,
    ),
    (
        "an absence that is not needed",
        "No PDB is needed, so the drain is fine.",
        "PDB",
        false,
    ),
    (
        "mistakes that happen are no frame",
        "Mistakes happen, so the PDB keeps two replicas up during the drain.",
        "PDB",
        true,
    ),
    (
        "a yes/no question answered no",
        "Does kubectl exec start a new container? No, it runs a process in the existing one.",
        "new container",
        false,
    ),
    (
        "the answer to a yes/no question stays asserted",
        "Does kubectl exec start a new container? No, it runs a process in the existing container.",
        "process",
        true,
    ),
    (
        "verdict: a bad idea",
        "Force-deleting the pod is a bad idea here.",
        "force-deleting",
        false,
    ),
    (
        "verdict: not the fix",
        "Raising the timeout is not the fix.",
        "timeout",
        false,
    ),
    (
        "verdict carried over (same for X)",
        "Capabilities can be ignored here. Same for hostPath and running as root, the container is isolated anyway.",
        "hostPath",
        false,
    ),
    (
        "verdict carried over (the same goes for X)",
        "The PDB is irrelevant to this. The same goes for the eviction API.",
        "eviction API",
        false,
    ),
    (
        "advice carried over stays asserted (same for X)",
        "Drop all capabilities. Same for hostPath: remove it.",
        "hostPath",
        true,
    ),
    (
        "symptom carried over stays asserted (same with X)",
        "The volume doesn't attach. Same with the second PVC.",
        "PVC",
        true,
    ),
    (
        "plural pronoun points back (same sentence)",
        "Exemplars are a metrics-only feature, so they don't help you find a trace.",
        "exemplars",
        false,
    ),
    (
        "plural pronoun points back (sentence before)",
        "Exemplars store an average per bucket. They don't help here.",
        "exemplars",
        false,
    ),
    (
        "plural pronoun, asserted outcome",
        "Exemplars link a bucket to a trace, so they help you find the slow request.",
        "exemplars",
        true,
    ),
    (
        "plural pronoun, describing what it does",
        "Retries with jitter spread the load, so they don't cause a storm.",
        "retries with jitter",
        true,
    ),
    (
        "rather than + a list of items",
        "Rather than chasing the CIDR settings, the CNI IPAM or ipFamilyPolicy, just disable IPv6 in the pod.",
        "IPAM",
        false,
    ),
    (
        "rather than, then a preferred list",
        "Rather than restarting, look at the IPAM logs, the node CIDRs and the CNI config.",
        "IPAM",
        true,
    ),
    (
        "instead of, then a described subject",
        "Instead of restarting pods, the IPAM pool, which is usually exhausted, needs checking.",
        "IPAM",
        true,
    ),
    (
        "isn't someone's concern",
        "Quorum, ordering of membership changes and finalizers aren't the operator's concern.",
        "finalizers",
        false,
    ),
    (
        "isn't someone's job",
        "Cleaning up the volume attachment isn't the kubelet's job.",
        "volume attachment",
        false,
    ),
    (
        "resolves to nothing",
        "From the east cluster, db.svc.cluster.local resolves to nothing.",
        "cluster.local resolves",
        false,
    ),
    (
        "returns nothing",
        "The readiness endpoint returns nothing while the cache warms.",
        "endpoint returns",
        false,
    ),
    (
        "resolves to something",
        "The headless name resolves to every ready pod's IP.",
        "name resolves",
        true,
    ),
    (
        "comparison, not a verdict",
        "Pod Security Admission is more predictable than PodSecurityPolicy was.",
        "Pod Security Admission",
        true,
    ),
    (
        "either as a choice",
        "Use either an egress gateway or a NAT gateway for the fixed address.",
        "egress gateway",
        true,
    ),
    (
        "is a myth",
        "Git as the source of truth is a myth in practice.",
        "source of truth",
        false,
    ),
    (
        "is overrated",
        "Backoff with jitter is overrated.",
        "jitter",
        false,
    ),
    (
        "is overrated",
        "Honestly, tail sampling is overrated.",
        "tail sampling",
        false,
    ),
    (
        "there's no need for",
        "There's no need for a readiness probe.",
        "readiness probe",
        false,
    ),
    (
        "there's no need for",
        "There is no need to run etcdctl defrag at all.",
        "etcdctl defrag",
        false,
    ),
    (
        "forget X",
        "Forget the finalizer, just restart the controller.",
        "finalizer",
        false,
    ),
    (
        "forget X",
        "Forget NodeLocal DNSCache; add more CoreDNS replicas.",
        "NodeLocal DNSCache",
        false,
    ),
    (
        "rather than X",
        "Rather than a preStop hook, just restart the pods.",
        "preStop hook",
        false,
    ),
    (
        "rather than X",
        "Scale the deployment rather than use a PodDisruptionBudget.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "instead of X",
        "Instead of a PodDisruptionBudget I'd scale the deployment.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "instead of X",
        "Bump the memory limit instead of fixing the cardinality.",
        "cardinality",
        false,
    ),
    (
        "not because of X but Y",
        "It fails not because of the finalizer but because of the webhook.",
        "finalizer",
        false,
    ),
    (
        "X, not Y",
        "Use a PDB, not a preStop hook.",
        "preStop hook",
        false,
    ),
    (
        "neither X nor Y",
        "Neither the readiness probe nor the preStop hook matters.",
        "preStop hook",
        false,
    ),
    (
        "neither X nor Y",
        "Neither label values nor pod churn matter for memory.",
        "pod churn",
        false,
    ),
    (
        "is irrelevant",
        "The terminationGracePeriodSeconds is irrelevant here.",
        "terminationGracePeriodSeconds",
        false,
    ),
    (
        "is irrelevant",
        "Protocol detection is irrelevant for TCP services.",
        "protocol detection",
        false,
    ),
    (
        "makes no difference",
        "Scoping the sidecar configuration makes no difference.",
        "sidecar configuration",
        false,
    ),
    (
        "is not involved (passive)",
        "The istio-agent isn't involved in certificates at all.",
        "istio-agent",
        false,
    ),
    (
        "is not involved (passive)",
        "kube-proxy is not involved in this path.",
        "kube-proxy",
        false,
    ),
    (
        "is pointless",
        "Image signing is pointless once the laptop is compromised.",
        "image signing",
        false,
    ),
    (
        "is a red herring",
        "The OOM killer is a red herring.",
        "OOM killer",
        false,
    ),
    (
        "can be ignored",
        "The ephemeral container can be ignored for this.",
        "ephemeral container",
        false,
    ),
    (
        "reply to a question",
        "Long-term storage? Nobody uses it.",
        "long-term storage",
        false,
    ),
    (
        "reply to a question",
        "Extra latency per hop? Not a factor.",
        "latency per hop",
        false,
    ),
    (
        "skip X",
        "Skip the managedFields timestamps entirely.",
        "managedFields",
        false,
    ),
    (
        "I'd ignore X",
        "I'd ignore the proxy's memory footprint.",
        "memory footprint",
        false,
    ),
    (
        "list: no X, Y or Z",
        "No preStop hook, readiness probe or PDB is required.",
        "readiness probe",
        false,
    ),
    (
        "list: don't use X, Y or Z",
        "Don't use hostPath, hostNetwork or privileged mode.",
        "hostNetwork",
        false,
    ),
    (
        "aren't the answer",
        "Admission policies like Kyverno aren't the answer either.",
        "Kyverno",
        false,
    ),
    (
        "is not a real issue",
        "Per-connection load balancing is not a real issue.",
        "per-connection load balancing",
        false,
    ),
    (
        "don't bother with",
        "Don't bother with the Sidecar resource.",
        "Sidecar resource",
        false,
    ),
    (
        "doesn't matter",
        "The scrape interval doesn't matter.",
        "scrape interval",
        false,
    ),
    (
        "is overkill",
        "Object storage for metrics is overkill.",
        "object storage",
        false,
    ),
    (
        "can't be the X",
        "The DNS cache can't be the cause.",
        "DNS cache",
        false,
    ),
    (
        "isn't worth it",
        "Defragmentation isn't worth doing.",
        "defragmentation",
        false,
    ),
    (
        "doesn't affect",
        "Cardinality doesn't affect Prometheus memory.",
        "cardinality",
        false,
    ),
    (
        "never X (advice)",
        "Never use a preStop hook for this.",
        "preStop hook",
        false,
    ),
    (
        "nobody needs X",
        "Nobody needs a service mesh for this.",
        "service mesh",
        false,
    ),
    (
        "list joined by and + negated verdict",
        "Dry-run mode and the 30-day check make no difference in a dev environment.",
        "dry-run",
        false,
    ),
    (
        "list joined by and + negated verdict",
        "Allocatable and the system reservations aren't what's blocking it either.",
        "allocatable",
        false,
    ),
    (
        "forget X and Y",
        "Forget NetworkPolicy and the whole default-deny-egress dance.",
        "default-deny-egress",
        false,
    ),
    (
        "forget X and Y",
        "Forget hostPID and the container runtime socket; that's textbook stuff.",
        "runtime socket",
        false,
    ),
    (
        "gerund subject + negation",
        "Adding SYS_ADMIN or SYS_PTRACE can't get you out of the container.",
        "SYS_ADMIN",
        false,
    ),
    (
        "gerund subject + negation",
        "Checking EndpointSlices, targetPort or the controller logs won't tell you anything.",
        "targetPort",
        false,
    ),
    (
        "gerund subject + negation",
        "Picking the AWS VPC CNI or Cilium won't change your latency in any way you can measure.",
        "Cilium",
        false,
    ),
    (
        "gerund subject + negation",
        "Auditing secret reads isn't something the cluster gets involved in.",
        "auditing",
        false,
    ),
    (
        "list, dash, none of that",
        "Scrape intervals, sidecar containers, memory-backed volumes, node-level OOM — none of that has anything to do with it.",
        "node-level OOM",
        false,
    ),
    (
        "list, dash, none of that",
        "DNS, network policies, the database Service's endpoints — none of those are worth checking.",
        "network policies",
        false,
    ),
    (
        "dismissive label",
        "Honestly, the namespace labels are basically cosmetic.",
        "namespace labels",
        false,
    ),
    (
        "dismissive label",
        "Node leases and certificates are just bookkeeping.",
        "node leases",
        false,
    ),
    (
        "dismissive label",
        "The CA's log messages are notoriously inaccurate.",
        "log messages",
        false,
    ),
    (
        "list, colon, negated verdict",
        "Overlay versus native VPC routing, eBPF versus iptables: not the bottleneck.",
        "native VPC routing",
        false,
    ),
    (
        "nobody needs",
        "Nobody actually needs dynamic credentials.",
        "dynamic credentials",
        false,
    ),
    (
        "speaker's advice + list",
        "I would not look at the leader, the raft term or the revisions.",
        "raft term",
        false,
    ),
    (
        "speaker's advice + list",
        "I would not define an OpenAPI schema or a status subresource.",
        "status subresource",
        false,
    ),
    (
        "speaker's advice + behaviour verb",
        "I would not register an APIService for this.",
        "APIService",
        false,
    ),
    (
        "not something X does",
        "Automatic renewal before expiry is not something Istio does.",
        "automatic renewal",
        false,
    ),
    (
        "skip X and Y",
        "I'd skip the ServiceEntry and the two-leg VirtualService.",
        "two-leg VirtualService",
        false,
    ),
    (
        "stacked modifiers + negated verdict",
        "Idempotent, level-triggered reconciliation has nothing to do with databases.",
        "idempotent",
        false,
    ),
    (
        "never any need to + list",
        "So there's never any need to check ports, MTU or route tables at all.",
        "route tables",
        false,
    ),
    (
        "X adds nothing",
        "Image signing is pointless here: the attacker owns the laptop, so cosign adds nothing.",
        "cosign",
        false,
    ),
    (
        "dismissal over a long object",
        "I'd skip checking whether the old node is powered off.",
        "powered off",
        false,
    ),
    (
        "dismissal over a list with commas",
        "I'd skip the enforce, warn and audit modes and the AdmissionConfiguration file.",
        "AdmissionConfiguration",
        false,
    ),
    (
        "reply: there are none",
        "CNI limitations? There are none worth mentioning.",
        "CNI limitations",
        false,
    ),
    (
        "reply: one dismissive word",
        "Envelope encryption? Marketing.",
        "envelope encryption",
        false,
    ),
    (
        "reply: a myth",
        "Tail sampling needing all spans in one place? A myth.",
        "tail sampling",
        false,
    ),
    (
        "reply: not relevant + condition",
        "Lock contention or pool exhaustion? Not relevant when the logs say 200 OK.",
        "pool exhaustion",
        false,
    ),
    (
        "list subject + never matter",
        "So seccomp, CNI choice and kernel patching never matter at all.",
        "kernel patching",
        false,
    ),
    (
        "dismissive label",
        "deletionTimestamp is meaningless here.",
        "deletionTimestamp",
        false,
    ),
    (
        "can't happen at all",
        "With CSI drivers, Multi-Attach errors can't happen at all.",
        "Multi-Attach",
        false,
    ),
    (
        "never a reason to + list",
        "There's never a reason to look at nftables or eBPF.",
        "eBPF",
        false,
    ),
    (
        "rarely needed",
        "LowNodeUtilization and RemovePodsViolatingNodeAffinity are rarely needed.",
        "LowNodeUtilization",
        false,
    ),
    (
        "X doesn't come into it",
        "Candidate nodes don't come into it.",
        "candidate nodes",
        false,
    ),
    (
        "anaphoric it + verdict",
        "The --previous flag only shows logs from another pod, so it won't help.",
        "--previous",
        false,
    ),
    (
        "X is not used",
        "Kubernetes RBAC is not used by either tool.",
        "RBAC",
        false,
    ),
    (
        "X isn't causing it",
        "The conntrack race isn't causing it.",
        "conntrack race",
        false,
    ),
    (
        "negation inside a when-clause, denied",
        "BestEffort when no container has requests or limits.",
        "has requests",
        false,
    ),
    // ---- Look-alikes: the concept must stay credited. ----
    (
        "gets no answer (absence)",
        "Five seconds is what the resolver waits when a lookup gets no answer before it retries.",
        "resolver",
        true,
    ),
    (
        "with no X, main clause",
        "With no virtual IP, looking up the name gives you the address of every ready pod.",
        "ready pod",
        true,
    ),
    (
        "list cue, then and + new clause",
        "Because nothing is forwarded across nodes, no SNAT is needed and the pod sees the caller's real address.",
        "real address",
        true,
    ),
    (
        "negation inside a relative clause",
        "A pod where no container asks for any CPU or memory is BestEffort.",
        "BestEffort",
        true,
    ),
    (
        "negation inside a when-clause",
        "When nothing is queued overnight KEDA can shut the workers down completely.",
        "shut the workers down",
        true,
    ),
    (
        "never cause + object (behaviour)",
        "Pods below the priority cutoff never cause a scale-up.",
        "priority cutoff",
        true,
    ),
    (
        "second predicate after and",
        "The window makes scale-up slower to avoid rebalances and is the same as the sync period.",
        "sync period",
        true,
    ),
    (
        "dismissal, then a new instruction",
        "Skip any Deployment in the list, and stop if more than ten would be deleted.",
        "deleted",
        true,
    ),
    (
        "list cue in a subordinate clause",
        "Once you're sure nothing needs the cleanup, edit the object and empty its finalizers.",
        "finalizers",
        true,
    ),
    (
        "semicolon, then an existential denial",
        "Change the label and the sidecars reconnect to the new istiod; there is no need to restart pods.",
        "new istiod",
        true,
    ),
    (
        "cannot … without (requirement)",
        "You cannot go back without reinstalling the old version from scratch.",
        "reinstalling",
        true,
    ),
    (
        "fact before an anaphoric verdict",
        "Latency between the regions is only around 5 ms, so it doesn't affect the database.",
        "5 ms",
        true,
    ),
    (
        "not … until (temporal)",
        "WaitForFirstConsumer means the PVC is not bound until a pod that uses it is scheduled.",
        "bound",
        true,
    ),
    (
        "without X means Y",
        "Timeouts without connection refused mean packets are being dropped somewhere.",
        "dropped",
        true,
    ),
    (
        "no X means Y",
        "No events usually means they have aged out after an hour.",
        "aged out",
        true,
    ),
    (
        "coordinated predicate before a denial",
        "Envelope encryption is as secure as a KMS and never needs a restart.",
        "envelope encryption",
        true,
    ),
    (
        "never … and only",
        "Those filters are never affected by upgrades and only apply to the control plane.",
        "control plane",
        true,
    ),
    (
        "interrogative which",
        "A certificate that says which service account it runs as.",
        "service account",
        true,
    ),
    (
        "dummy it + verdict with complement",
        "The PDB blocks the drain, so it doesn't matter how often you retry.",
        "PDB",
        true,
    ),
    (
        "can't happen, symptom with a reason",
        "The eviction can't happen because the PDB allows no disruptions.",
        "PDB",
        true,
    ),
    (
        "inability with a speaker, symptom",
        "I can't reach the API server from the pod, so I check the NetworkPolicy.",
        "API server",
        true,
    ),
    (
        "past behaviour, symptom",
        "The pod wouldn't start until the init container finished.",
        "init container",
        true,
    ),
    (
        "gerund subject, asserted",
        "Adding a preStop sleep gives the endpoints time to update.",
        "preStop",
        true,
    ),
    (
        "gerund subject, symptom after it",
        "Setting CPU limits that low means the pod can't keep up and gets throttled.",
        "CPU limits",
        true,
    ),
    (
        "plain and-list, asserted",
        "Dry-run mode and an age check make the cleanup safe to run.",
        "dry-run",
        true,
    ),
    (
        "conditional, real",
        "If kube-proxy is broken on that node, its Services stop working.",
        "kube-proxy",
        true,
    ),
    (
        "forget, then a new clause",
        "Forget the dashboard and check the kubelet logs for the eviction.",
        "kubelet logs",
        true,
    ),
    (
        "bookkeeping as a fact",
        "The VolumeAttachment object records which node the volume is attached to.",
        "VolumeAttachment",
        true,
    ),
    (
        "symptom: can't reach",
        "Pods can't reach CoreDNS.",
        "CoreDNS",
        true,
    ),
    (
        "symptom: can't reach",
        "The frontend cannot connect to the backend Service.",
        "backend Service",
        true,
    ),
    (
        "symptom: isn't scheduled because of",
        "The pod isn't scheduled because of the taint.",
        "taint",
        true,
    ),
    (
        "symptom: doesn't attach",
        "The volume doesn't attach to the new node.",
        "volume",
        true,
    ),
    (
        "symptom: isn't removed",
        "The endpoint isn't removed immediately, so kube-proxy still routes to it.",
        "kube-proxy",
        true,
    ),
    (
        "symptom: doesn't wait",
        "kube-proxy doesn't wait for the app to finish shutting down.",
        "kube-proxy",
        true,
    ),
    (
        "symptom: cannot mount",
        "The kubelet cannot mount the volume, so the pod stays in ContainerCreating.",
        "ContainerCreating",
        true,
    ),
    (
        "symptom: never removed",
        "The finalizer is never removed because the controller is down.",
        "finalizer",
        true,
    ),
    (
        "symptom: never removed",
        "The finalizer is never removed because the controller is down.",
        "controller",
        true,
    ),
    (
        "symptom: doesn't handle",
        "The app doesn't handle SIGTERM, which is why connections drop.",
        "SIGTERM",
        true,
    ),
    (
        "symptom: doesn't remove",
        "Kubernetes doesn't remove the finalizer for you; the controller must.",
        "finalizer",
        true,
    ),
    (
        "symptom: no idea",
        "Envoy has no idea which outbound call belongs to which inbound request.",
        "Envoy",
        true,
    ),
    (
        "conditional: without at the start",
        "Without a PDB, the drain evicts everything.",
        "PDB",
        true,
    ),
    (
        "conditional: without at the start",
        "Without a preStop hook the pod gets traffic after SIGTERM.",
        "preStop hook",
        true,
    ),
    (
        "conditional: if you don't",
        "If you don't set requests, the scheduler overcommits the node.",
        "requests",
        true,
    ),
    (
        "conditional: unless",
        "Unless the app handles SIGTERM, in-flight requests are dropped.",
        "SIGTERM",
        true,
    ),
    (
        "conditional: if … isn't",
        "If the readiness probe isn't configured, traffic arrives too early.",
        "readiness probe",
        true,
    ),
    (
        "conditional: while … not",
        "While the finalizers list is not empty, the API server won't remove the object.",
        "finalizers",
        true,
    ),
    (
        "consequence: the outcome it denies stays denied",
        "While the finalizers list is not empty, the API server won't remove the object.",
        "remove the object",
        false,
    ),
    (
        "conditional: as long as … isn't",
        "As long as the endpoint isn't removed, kube-proxy keeps sending traffic to it.",
        "endpoint",
        true,
    ),
    (
        "consequence: the outcome it denies stays denied",
        "If switch Y is open, bulb A does not light up.",
        "light up",
        false,
    ),
    (
        "verdict: has no effect / no bearing",
        "The readiness probe has no effect on this.",
        "readiness probe",
        false,
    ),
    (
        "verdict: has no effect / no bearing",
        "Honestly, the PodDisruptionBudget has no bearing on the drain here.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "look-alike: takes effect, not before",
        "The readiness probe takes effect only after the initial delay, not before.",
        "readiness probe",
        true,
    ),
    (
        "look-alike: a clause of time after the denial",
        "No traffic arrives before the readiness probe succeeds.",
        "readiness probe",
        true,
    ),
    (
        "look-alike: a clause of time after the denial",
        "The endpoint isn't removed until the readiness probe fails, and traffic stops when the readiness probe fails.",
        "readiness probe",
        true,
    ),
    (
        "look-alike: a clause of place after the denial",
        "The scheduler won't place a pod where the gap between the fullest and the emptiest zone would exceed one.",
        "gap between",
        true,
    ),
    (
        "look-alike: a clause of condition after the denial (whenever)",
        "The load balancer doesn't send traffic to a node whenever its health check fails.",
        "health check",
        true,
    ),
    (
        "denial before a clause of place",
        "A PodDisruptionBudget won't help where the node is already gone.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "look-alike: 'fail over' is a verb and its particle, not a preference",
        "Locality-aware balancing prefers local endpoints and fails over to the other cluster using outlier detection.",
        "outlier detection",
        true,
    ),
    (
        "preference: Y over X",
        "I'd prefer a Gateway over an Ingress for this.",
        "Ingress",
        false,
    ),
    (
        "double negation: never without",
        "Never ship a web service without a readiness probe.",
        "readiness probe",
        true,
    ),
    (
        "double negation: not optional, no substitute",
        "The readiness probe isn't optional here: you need it.",
        "readiness probe",
        true,
    ),
    (
        "double negation: not optional, no substitute",
        "There's no substitute for a readiness probe.",
        "readiness probe",
        true,
    ),
    (
        "conditional consequence: advice still denies",
        "If it's a crash loop, I wouldn't bother with --previous.",
        "--previous",
        false,
    ),
    (
        "conditional consequence: a verdict still denies",
        "If it's a crash loop, --previous won't help here.",
        "--previous",
        false,
    ),
    (
        "conditional consequence: a verdict still denies",
        "If the node is gone, a PodDisruptionBudget doesn't matter at all.",
        "PodDisruptionBudget",
        false,
    ),
    (
        "conditional consequence: a verdict still denies",
        "When the pod is stuck like this, the finalizer has nothing to do with it.",
        "finalizer",
        false,
    ),
    (
        "conditional: otherwise",
        "Set a grace period, otherwise the kubelet sends SIGKILL too early.",
        "grace period",
        true,
    ),
    (
        "correction: it's not X, it's Y",
        "It's not the cache, it's the conntrack race.",
        "conntrack race",
        true,
    ),
    (
        "correction: not X but Y",
        "The fix is not a bigger node but a lower cardinality.",
        "cardinality",
        true,
    ),
    (
        "correction: not because of X but Y",
        "It fails not because of the finalizer but because of the webhook.",
        "webhook",
        true,
    ),
    (
        "correction: X, not Y",
        "Use a PDB, not a preStop hook.",
        "PDB",
        true,
    ),
    (
        "correction: rather than X, Y",
        "Rather than restarting, add a preStop hook.",
        "preStop hook",
        true,
    ),
    (
        "correction: instead of X, Y",
        "Instead of deleting the pod, remove the finalizer.",
        "finalizer",
        true,
    ),
    (
        "pseudo-negation: not only",
        "Not only the preStop hook matters but also the grace period.",
        "preStop hook",
        true,
    ),
    (
        "pseudo-negation: don't forget",
        "Don't forget the preStop hook.",
        "preStop hook",
        true,
    ),
    (
        "pseudo-negation: no doubt",
        "No doubt the finalizer is the culprit.",
        "finalizer",
        true,
    ),
    (
        "pseudo-negation: no matter",
        "No matter what, the PDB protects the quorum.",
        "PDB",
        true,
    ),
    (
        "negation ends at a terminator",
        "Nothing reaches the pod until the readiness probe passes.",
        "readiness probe",
        true,
    ),
    (
        "negation ends at a terminator",
        "Image pulls can't complete without credentials, so check the pull secret.",
        "pull secret",
        true,
    ),
    (
        "negation ends at a clause",
        "It was not the network; the conntrack table was full.",
        "conntrack table",
        true,
    ),
    (
        "negation ends at a new subject",
        "The old node never got to detach it, and the attach/detach controller still records it.",
        "attach/detach controller",
        true,
    ),
    (
        "identifier piece",
        "The node reports NotReady after the kubelet stops posting status.",
        "NotReady",
        true,
    ),
    (
        "identifier piece",
        "Set runAsNonRoot on every container.",
        "runAsNonRoot",
        true,
    ),
    (
        "plain assertion",
        "A PodDisruptionBudget blocks the eviction.",
        "PodDisruptionBudget",
        true,
    ),
    (
        "plain assertion",
        "The preStop hook sleeps for ten seconds.",
        "preStop hook",
        true,
    ),
    (
        "the denial is about something else",
        "The PDB doesn't help, but a preStop hook does.",
        "preStop hook",
        true,
    ),
    (
        "the denial is about something else",
        "Restarting won't fix it; the finalizer has to be removed.",
        "finalizer",
        true,
    ),
    (
        "gerund subject, asserted",
        "Checking the EndpointSlices shows that the Service has no ready endpoints.",
        "EndpointSlices",
        true,
    ),
    (
        "gerund subject, asserted",
        "Running tcpdump on the node showed the SYN retransmits but no reply.",
        "tcpdump",
        true,
    ),
    (
        "gerund subject, symptom after it",
        "Setting a memory limit below the JVM heap means the container can't start.",
        "memory limit",
        true,
    ),
    (
        "none of + noun, asserted",
        "None of the pods were scheduled because the taint blocks them.",
        "taint",
        true,
    ),
    (
        "dismissive word as a fact",
        "The namespace labels are what Pod Security Admission reads to pick a level.",
        "namespace labels",
        true,
    ),
    (
        "dismissive word as a fact",
        "Node leases are how the kubelet reports its heartbeat cheaply.",
        "node leases",
        true,
    ),
    (
        "skip X and a new clause",
        "Skip the TLS check and curl -k shows whether the backend answers.",
        "curl",
        true,
    ),
    (
        "gerund subject, asserted",
        "Enabling the static CPU manager policy pins Guaranteed pods to exclusive cores.",
        "static CPU manager",
        true,
    ),
    (
        "conditional: without opening a clause",
        "Keep the EnvoyFilter scoped: without a label selector it applies to every workload in the namespace, and in the root namespace it applies mesh-wide.",
        "every workload in the namespace",
        true,
    ),
    (
        "conditional: without opening a clause",
        "Resizing needs the StorageClass flag: without allowVolumeExpansion set to true the edit is rejected at the API.",
        "allowVolumeExpansion",
        true,
    ),
    (
        "conditional: without opening a clause",
        "Pin the version; without a digest the node may pull a different image on restart.",
        "different image",
        true,
    ),
    (
        "without inside a list item",
        "Causes I see most: wrong targetPort, app listening on localhost, HTTPS backend without the backend-protocol annotation, idle keepalive timeout mismatch, too big headers for proxy-buffer-size.",
        "keepalive timeout",
        true,
    ),
    (
        "without inside a list item",
        "Causes I see most: wrong targetPort, app listening on localhost, HTTPS backend without the backend-protocol annotation, idle keepalive timeout mismatch, too big headers for proxy-buffer-size.",
        "proxy-buffer-size",
        true,
    ),
    (
        "without inside a list item",
        "Usual suspects: a Service with the wrong selector, a pod without a readiness probe, a NetworkPolicy blocking the port.",
        "NetworkPolicy",
        true,
    ),
    (
        "without inside a subject",
        "With Local, nodes without a pod fail the health check and load is balanced per node, not per pod.",
        "health check",
        true,
    ),
    (
        "without inside a subject",
        "With Local, nodes without a pod fail the health check and load is balanced per node, not per pod.",
        "balanced per node",
        true,
    ),
    (
        "without inside a subject",
        "In practice, pods without a limit share the node's spare CPU with everyone else.",
        "spare CPU",
        true,
    ),
    (
        "without inside a list item",
        "In practice, pods without a limit share the node's spare CPU with everyone else.",
        "limit",
        false,
    ),
    (
        "without, then and + new clause",
        "With failurePolicy: Fail the pod is let through without a sidecar, and with Ignore the API server keeps retrying until injection works.",
        "API server keeps retrying",
        true,
    ),
    (
        "without, then and + new clause",
        "The job finishes without a retry, and after that the controller will mark it complete.",
        "mark it complete",
        true,
    ),
    (
        "without + gerund, then a participle",
        "The conversion has to be reversible without losing anything, keeping extra fields in annotations, usually with v1 as the central version.",
        "keeping extra fields in annotations",
        true,
    ),
    (
        "without + gerund, then a participle",
        "The conversion has to be reversible without losing anything, keeping extra fields in annotations, usually with v1 as the central version.",
        "central version",
        true,
    ),
    (
        "cue, then and + new subject",
        "Some providers don't support UDP on every load balancer type, and large packets can get fragmented.",
        "large packets",
        true,
    ),
    (
        "cue, then and + new subject",
        "No UDP on some load balancer types, and large packets can get fragmented.",
        "fragmented",
        true,
    ),
    (
        "cue, then and + new subject",
        "No UDP on some load balancer types, and large packets can get fragmented.",
        "UDP",
        false,
    ),
    (
        "list cue, then and + instruction",
        "List only secrets in the encryption config so nothing else gets encrypted, and use the kms provider so keys live in the cloud's key service.",
        "kms provider",
        true,
    ),
    (
        "list cue, then and + instruction",
        "Nothing else needs a restart, and roll the nodes one at a time afterwards.",
        "roll the nodes",
        true,
    ),
    (
        "parallel list: each item its own cue",
        "You lose request-level features: no routing on headers or paths, no per-request retries or timeouts, load balancing happens per connection instead of per request, and there are no status-code metrics or traces.",
        "load balancing",
        true,
    ),
    (
        "parallel list: each item its own cue",
        "You lose request-level features: no routing on headers or paths, no per-request retries or timeouts, load balancing happens per connection instead of per request, and there are no status-code metrics or traces.",
        "retries",
        false,
    ),
    (
        "parallel list: each item its own cue",
        "With hostNetwork you get no isolation, no per-pod IP, ports can clash between pods on the same node.",
        "ports can clash",
        true,
    ),
    (
        "parallel list: each item its own cue",
        "With hostNetwork you get no isolation, no per-pod IP, ports can clash between pods on the same node.",
        "per-pod IP",
        false,
    ),
    (
        "list item with its own verb",
        "There is no readiness probe, the Service keeps sending traffic to the pod.",
        "keeps sending traffic",
        true,
    ),
    (
        "scope ends at a dash",
        "Cap the replicas at the topic's partition count — a consumer with no partition does nothing — and add a scale-down stabilization window so you don't trigger constant rebalancing.",
        "stabilization window",
        true,
    ),
    (
        "scope ends at a dash",
        "Cap the replicas at the topic's partition count — a consumer with no partition does nothing — and add a scale-down stabilization window so you don't trigger constant rebalancing.",
        "partition count",
        true,
    ),
    (
        "scope ends at a dash",
        "Keep one replica per zone — no zone gets more than one — and spread the rest evenly.",
        "spread the rest evenly",
        true,
    ),
    (
        "conditional: but no … inside an if-clause",
        "If the traces show time inside one service but no child spans, a wall-clock or off-CPU profile of that service will show what it's blocked on.",
        "off-CPU profile",
        true,
    ),
    (
        "conditional: but no … inside an if-clause",
        "If the pod has a memory limit but no request, the scheduler uses the limit as the request.",
        "scheduler uses the limit",
        true,
    ),
    (
        "X rather than Y: only Y",
        "A timeout rather than a refusal tells me the packets are going missing somewhere, not that something is rejecting them.",
        "packets are going missing",
        true,
    ),
    (
        "X rather than Y: only Y",
        "A timeout rather than a refusal tells me the packets are going missing somewhere, not that something is rejecting them.",
        "refusal",
        false,
    ),
    (
        "X rather than Y: only Y",
        "An OOMKill instead of a clean exit means the container hit its memory limit.",
        "memory limit",
        true,
    ),
    (
        "comma splice: it doesn't do X on Y",
        "Force delete just makes the API server stop waiting for the kubelet, it doesn't do anything on the node.",
        "force delete",
        true,
    ),
    (
        "comma splice: it doesn't do X on Y",
        "Cordoning only marks the node unschedulable, it doesn't do anything to the running pods.",
        "unschedulable",
        true,
    ),
    (
        "pronoun subject: it has nothing to do with Y",
        "Pruning removes objects you deleted from git; it has nothing to do with the count.",
        "pruning removes objects",
        true,
    ),
    (
        "pronoun subject: it has nothing to do with Y",
        "Pruning removes objects you deleted from git; it has nothing to do with the count.",
        "count",
        false,
    ),
    (
        "pronoun subject: it has nothing to do with Y",
        "The scheduler filters nodes by taints; it has nothing to do with the image size.",
        "filters nodes",
        true,
    ),
    (
        "dismissal, then a clause of its own",
        "You can skip several minor versions, that's fine.",
        "fine",
        true,
    ),
    (
        "dismissal, then a clause of its own",
        "Skip the dashboard, it's usually stale, and read the events.",
        "usually stale",
        true,
    ),
    (
        "negated relative clause",
        "Skip injection for pods that don't need the mesh, and exclude heavy ports from capture.",
        "skip injection",
        true,
    ),
    (
        "negated relative clause",
        "Skip injection for pods that don't need the mesh, and exclude heavy ports from capture.",
        "exclude heavy ports",
        true,
    ),
    (
        "negated relative clause",
        "To save memory, keep the sidecar off workloads that don't need it, or switch to ambient mode.",
        "keep the sidecar off",
        true,
    ),
    (
        "negated relative clause",
        "To save memory, keep the sidecar off workloads that don't need it, or switch to ambient mode.",
        "ambient mode",
        true,
    ),
    (
        "negated relative clause",
        "You can cut the decision time by disabling scoring plugins it doesn't need and reducing how many nodes it looks at per pod.",
        "disabling scoring plugins",
        true,
    ),
    (
        "negated relative clause",
        "You can cut the decision time by disabling scoring plugins it doesn't need and reducing how many nodes it looks at per pod.",
        "reducing how many nodes",
        true,
    ),
    (
        "negated relative clause",
        "Code we don't trust runs on separate worker nodes kept apart with taints.",
        "taints",
        true,
    ),
    (
        "negated relative clause",
        "To cut the load on the API server, skip objects it doesn't care about with selectors.",
        "skip objects",
        true,
    ),
    (
        "negated relative clause",
        "To cut the load on the API server, skip objects it doesn't care about with selectors.",
        "selectors",
        true,
    ),
    (
        "negated relative clause",
        "Turn off expensive checks you don't need — inter-pod affinity and spread constraints are the worst — and avoid slow HTTP extenders.",
        "turn off expensive checks",
        true,
    ),
    (
        "negated relative clause",
        "The build signs each image, and the cluster should check that stamp when a pod is created and refuse anything that lacks it.",
        "refuse anything",
        true,
    ),
    (
        "negated relative clause",
        "Gatekeeper then sits in front of the API server as a webhook and refuses Ingresses that lack it.",
        "webhook",
        true,
    ),
    (
        "negated relative clause",
        "Drop the capabilities a container doesn't use and run it as non-root.",
        "drop the capabilities",
        true,
    ),
    (
        "negated relative clause",
        "Label the namespaces that shouldn't get sidecars and let the webhook skip them.",
        "label the namespaces",
        true,
    ),
    (
        "unneeded before its noun",
        "You can speed up scheduling by disabling unneeded scoring plugins and reducing the nodes scored per pod.",
        "disabling unneeded scoring plugins",
        true,
    ),
    (
        "unneeded before its noun",
        "You can speed up scheduling by disabling unneeded scoring plugins and reducing the nodes scored per pod.",
        "reducing",
        true,
    ),
    (
        "unneeded before its noun",
        "To cut mesh overhead, tune proxy resources and turn off unneeded telemetry.",
        "turn off unneeded telemetry",
        true,
    ),
    (
        "unneeded before its noun",
        "Trim memory by removing unnecessary sidecars from batch jobs.",
        "removing unnecessary sidecars",
        true,
    ),
    (
        "attribute negated, not the thing",
        "CPU: not fixed; it rises with request rate.",
        "CPU",
        true,
    ),
    (
        "attribute negated, not the thing",
        "Memory use: not fixed either, it grows with the number of series.",
        "memory use",
        true,
    ),
    (
        "negation inside a when-clause",
        "The candidates watch the lease, and only when it hasn't been refreshed for a lease period do they write their own name into it.",
        "lease period",
        true,
    ),
    (
        "negation inside a when-clause",
        "When a node hasn't reported for the grace period the controller taints it unreachable.",
        "grace period",
        true,
    ),
    (
        "imperative don't + list",
        "Don't look at upstream response times, security groups or keep-alive settings either.",
        "security groups",
        false,
    ),
    (
        "imperative don't + list",
        "Don't look at upstream response times, security groups or keep-alive settings either.",
        "keep-alive settings",
        false,
    ),
    (
        "imperative don't + list",
        "Do not touch the etcd flags, the API server manifest or the kubelet config.",
        "kubelet config",
        false,
    ),
    (
        "nothing + predicate",
        "The plugins run out of tree, so nothing gets compiled into Kubernetes itself.",
        "compiled into Kubernetes",
        false,
    ),
    (
        "nothing + predicate",
        "With a CSI driver nothing reaches the in-tree volume code any more.",
        "in-tree volume code",
        false,
    ),
    (
        "no need for X, and + new clause",
        "There's no need for document IDs, and Kafka holds the buffer in broker memory.",
        "Kafka holds the buffer",
        true,
    ),
    (
        "no need for X, and + new clause",
        "There's no need for document IDs, and Kafka holds the buffer in broker memory.",
        "document IDs",
        false,
    ),
    (
        "conjunction + conditional without",
        "But without --target it gets its own network namespace and IP.",
        "own network namespace",
        true,
    ),
    (
        "conjunction + conditional without",
        "And without a PDB the drain evicts every replica at once.",
        "drain evicts",
        true,
    ),
    (
        "with no X modifier",
        "A 500 with no response flag came from the app itself, so I'd check its logs.",
        "came from the app",
        true,
    ),
    (
        "with no X modifier",
        "A node with no taints accepts the batch pods as well.",
        "accepts the batch pods",
        true,
    ),
    (
        "X instead of Y (Y denied)",
        "A timeout without any connection refused means the packets are being dropped somewhere instead of answered.",
        "packets are being dropped",
        true,
    ),
    (
        "indefinite subject + negated verb (a diagnosis)",
        "If the trace is broken in pieces, some service isn't forwarding the trace headers.",
        "forwarding the trace headers",
        true,
    ),
    (
        "indefinite subject + negated verb (a diagnosis)",
        "Something isn't releasing its database connections, so the pool runs dry.",
        "releasing its database connections",
        true,
    ),
    (
        "cue inside a short quotation",
        "The client is set to \"no TLS\", so the server rejects the connection.",
        "TLS",
        true,
    ),
    (
        "cue inside a short quotation",
        "The node shows \"not ready\" in the conditions, so I'd read the kubelet's log.",
        "kubelet's log",
        true,
    ),
    (
        "cue before a quoted name",
        "There is no \"PodDisruptionBudget\" problem here at all.",
        "PodDisruptionBudget",
        false,
    ),
    // ---- Forms added in the ninth session (harm from omissions, hedges, terse notes, …) ----
    (
        "extraposed mistake",
        "It would be a mistake to add a PDB here.",
        "PDB",
        false,
    ),
    (
        "harm from an omission",
        "It's a mistake to skip the readiness probe.",
        "readiness probe",
        true,
    ),
    (
        "harm from an omission",
        "It would be a mistake not to set a PDB.",
        "PDB",
        true,
    ),
    (
        "harm from an omission",
        "Skipping the readiness probe is a bad idea.",
        "readiness probe",
        true,
    ),
    (
        "harm from an omission",
        "Not having a PDB is a mistake.",
        "PDB",
        true,
    ),
    (
        "harm from an omission",
        "Running without a PDB is a bad idea.",
        "PDB",
        true,
    ),
    (
        "irrelevant absence",
        "Not having a PDB doesn't matter here.",
        "PDB",
        false,
    ),
    (
        "harm verdict",
        "Adding a PDB is a mistake.",
        "PDB",
        false,
    ),
    (
        "harm from an omission",
        "A common mistake is forgetting the PDB entirely.",
        "PDB",
        true,
    ),
    (
        "hedged verdict",
        "The HPA barely makes a difference for queue workers.",
        "HPA",
        false,
    ),
    (
        "hedged verdict",
        "CoreDNS is rarely the culprit in these timeouts.",
        "CoreDNS",
        false,
    ),
    (
        "hedged verdict",
        "It's unlikely that conntrack is involved.",
        "conntrack",
        false,
    ),
    (
        "harm verdict",
        "A bigger PDB would make it worse.",
        "PDB",
        false,
    ),
    (
        "harm from an omission",
        "Removing the preStop hook would make it worse.",
        "preStop hook",
        true,
    ),
    (
        "last thing you want",
        "The last thing you want is a liveness probe that checks the database.",
        "liveness probe",
        false,
    ),
    (
        "against",
        "I'm against adding an HPA for this.",
        "HPA",
        false,
    ),
    (
        "cleft",
        "The sidecar is not what's causing the latency.",
        "sidecar",
        false,
    ),
    (
        "harm from an omission",
        "Turning off the liveness probe is a terrible idea.",
        "liveness probe",
        true,
    ),
    (
        "harm from an omission",
        "I think dropping the preStop hook would be counterproductive.",
        "preStop hook",
        true,
    ),
    (
        "extraposed mistake",
        "It's wrong to blame the CNI for this.",
        "CNI",
        false,
    ),
    (
        "hedged verdict",
        "The NetworkPolicy is unlikely to help with DNS.",
        "NetworkPolicy",
        false,
    ),
    (
        "rhetorical question",
        "What would a readiness probe even change?",
        "readiness probe",
        false,
    ),
    (
        "rhetorical question",
        "How would a NetworkPolicy fix a DNS timeout?",
        "NetworkPolicy",
        false,
    ),
    (
        "question answered",
        "How does a readiness probe help? Traffic stops until the pod is ready.",
        "readiness probe",
        true,
    ),
    (
        "question answered",
        "How would a PDB help? It caps how many pods a drain evicts at once.",
        "PDB",
        true,
    ),
    (
        "dismissal",
        "Leave the readiness probe alone.",
        "readiness probe",
        false,
    ),
    (
        "dismissal look-alike",
        "Leave the node in place and add a readiness probe.",
        "readiness probe",
        true,
    ),
    (
        "terse note",
        "Sidecar: no.",
        "Sidecar",
        false,
    ),
    (
        "terse note",
        "PDB: n/a",
        "PDB",
        false,
    ),
    (
        "terse note look-alike",
        "- preStop hook: yes, sleep 10s",
        "preStop hook",
        true,
    ),
    (
        "terse note look-alike",
        "Cause: missing preStop hook, no drain.",
        "preStop hook",
        true,
    ),
    (
        "terse note look-alike",
        "Fix: add a PDB",
        "PDB",
        true,
    ),
    (
        "terse note",
        "Taints => nope",
        "Taints",
        false,
    ),
    (
        "dismissal",
        "Scrap the HPA idea.",
        "HPA",
        false,
    ),
    (
        "hedged verdict",
        "I'd be sceptical that a PDB matters here.",
        "PDB",
        false,
    ),
    (
        "hedged verdict",
        "Honestly, I'm skeptical of the HPA for queue workers.",
        "HPA",
        false,
    ),
    (
        "verdict on a pointer",
        "People reach for a bigger ndots value, but that's a red herring.",
        "ndots",
        false,
    ),
    (
        "hedged verdict",
        "The leases hardly matter here.",
        "leases",
        false,
    ),
    (
        "hedged verdict",
        "A sidecar won't move the needle.",
        "sidecar",
        false,
    ),
    (
        "harm from an omission",
        "Some teams skip the readiness probe, but that's a mistake.",
        "readiness probe",
        true,
    ),
    (
        "verdict explained after a colon",
        "The controllers use a Lease, which is a red herring: they only race to update a Lease.",
        "race",
        true,
    ),
    (
        "hedged verdict look-alike",
        "The sceptical reader checks the conntrack table first.",
        "conntrack table",
        true,
    ),
    (
        "prefer Y over X",
        "I'd prefer a bigger node pool over the cluster autoscaler any day.",
        "cluster autoscaler",
        false,
    ),
    (
        "prefer Y over X",
        "I'd prefer a bigger node pool over the cluster autoscaler any day.",
        "node pool",
        true,
    ),
    (
        "prefer Y over X look-alike",
        "The client retries over the service mesh network.",
        "service mesh",
        true,
    ),
    (
        "prefer Y over X",
        "Pick IPVS over iptables when you have thousands of Services.",
        "IPVS",
        true,
    ),
    (
        "bracketed verdict",
        "Preferred (not required) affinity for hardware=ssd with a weight.",
        "weight",
        true,
    ),
    (
        "relative which",
        "kubectl top shows real usage, which doesn't matter for scheduling.",
        "kubectl top",
        true,
    ),
    (
        "fronted topic",
        "The PDB I would not touch.",
        "PDB",
        false,
    ),
    (
        "fronted topic",
        "Kubelet logs I don't trust.",
        "Kubelet logs",
        false,
    ),
    (
        "fronted topic",
        "As for the sidecar, forget it.",
        "sidecar",
        false,
    ),
    (
        "fronted topic",
        "When it comes to taints, I wouldn't bother.",
        "taints",
        false,
    ),
    (
        "fronted topic look-alike",
        "Requests you can't skip.",
        "Requests",
        true,
    ),
    (
        "fronted topic look-alike",
        "The PDB we didn't have, which is why the drain evicted everything.",
        "PDB",
        true,
    ),
    (
        "fronted topic look-alike",
        "The readiness probe I'd definitely keep.",
        "readiness probe",
        true,
    ),
    (
        "fronted topic look-alike",
        "Trim the profile: disable plugins you don't need.",
        "plugins",
        true,
    ),
    (
        "an interviewer's note: 'did not mention' a list",
        "Did not mention the data corruption risk, VolumeAttachment objects or the out-of-service taint.",
        "out-of-service taint",
        false,
    ),
    (
        "an interviewer's note: 'no mention of' a list with a serial comma",
        "No mention of fencing, VolumeAttachment objects, or the out-of-service taint.",
        "out-of-service taint",
        false,
    ),
    (
        "an interviewer's note: 'couldn't explain' a list",
        "Couldn't explain VolumeAttachment objects, fencing or the out-of-service taint.",
        "fencing",
        false,
    ),
    (
        "an interviewer's note: 'never talked about' a list",
        "Never talked about VolumeAttachment objects, fencing or the out-of-service taint.",
        "out-of-service taint",
        false,
    ),
    (
        "an interviewer's note: 'did not mention' a long list",
        "He did not mention the data-corruption risk, VolumeAttachment objects or any supported mechanism like the out-of-service taint.",
        "out-of-service taint",
        false,
    ),
    (
        "'no need for' a list with a serial comma",
        "There's no need for a PDB, a preStop hook, or the out-of-service taint here.",
        "out-of-service taint",
        false,
    ),
    (
        "look-alike: a note of what was left out, then a new clause with its own subject",
        "He never mentioned fencing, and he deleted the VolumeAttachment by hand.",
        "VolumeAttachment",
        true,
    ),
    (
        "look-alike: an inability that describes a failure, not a note",
        "The node can't detach the volume, so the VolumeAttachment stays.",
        "VolumeAttachment",
        true,
    ),
    (
        "look-alike: 'no' list closed by a new subject with a verb",
        "No fencing is needed, and the VolumeAttachment is removed by the controller.",
        "VolumeAttachment",
        true,
    ),
    (
        "look-alike: logs that don't mention something, then a new clause",
        "The application logs don't mention the kill, so check dmesg for the oom-killer.",
        "dmesg",
        true,
    ),
    (
        "look-alike: 'don't forget to mention'",
        "Don't forget to mention fencing before any force detach.",
        "fencing",
        true,
    ),
];

#[test]
fn stance_table() {
    let mut failures = Vec::new();
    for &(form, sentence, phrase, credited) in TABLE {
        let grader = util::one_concept(&format!("Any([{phrase:?}])"), "positive");
        let grade = grader.grade(sentence).expect("grades");
        let c = &grade.concepts[0];
        if c.hit != credited {
            failures.push(format!(
                "[{form}] {sentence:?} → \"{phrase}\" {} (expected {})",
                if c.hit { "credited" } else { "not credited" },
                if credited { "credited" } else { "not credited" },
            ));
        }
        // A denied concept is reported as such, so feedback can say "you ruled it out".
        if !credited && !c.hit {
            assert!(
                c.negated || c.evidence.is_empty(),
                "[{form}] {sentence:?}: rejected without a denial flag"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_covers_enough_forms() {
    let forms: BTreeSet<&str> = TABLE.iter().map(|r| r.0).collect();
    let denials = TABLE.iter().filter(|r| !r.3).count();
    assert!(TABLE.len() >= 80, "{} sentences", TABLE.len());
    assert!(forms.len() >= 25, "{} forms", forms.len());
    // Half denials, half look-alikes (within a few).
    assert!(denials * 10 >= TABLE.len() * 4 && denials * 10 <= TABLE.len() * 6);
}

#[test]
fn explain_names_the_cue_and_the_rule() {
    let grader = util::one_concept(r#"Any(["PodDisruptionBudget"])"#, "positive");
    let e = grader
        .explain("A PodDisruptionBudget doesn't help here.")
        .unwrap();
    let reason = &e.concepts[0].matchers[0].near_misses[0].reason;
    let json = serde_json::to_string(reason).unwrap();
    assert!(json.contains("\"cue\":\"doesn't\""), "{json}");
    assert!(json.contains("\"rule\":\"subject\""), "{json}");
}

#[test]
fn an_indirect_question_stays_in_its_clause() {
    let grader = util::one_concept(
        r#"AllOf(of: [Any(["certificate"]), Any(["service account"])], within: Clause)"#,
        "positive",
    );
    let g = grader
        .grade("Each proxy gets a certificate that says which service account it runs as.")
        .unwrap();
    assert!(g.concepts[0].hit);
    // A relative "which" still opens a clause of its own.
    let g = grader
        .grade("The proxy rotates its certificate, which the service account never sees.")
        .unwrap();
    assert!(!g.concepts[0].hit);
}

#[test]
fn an_answer_may_end_on_the_first_word_of_any_rule() {
    // Every rule that looks ahead of its cue must stop at the end of the answer: "The PDB is
    // irrelevant. The" once read past the last token.
    let grader = util::one_concept(r#"Any(["PDB"])"#, "positive");
    for &(_, sentence, _, _) in TABLE {
        for tail in [
            "The",
            "Same",
            "The same",
            "Same for",
            "Likewise",
            "Does",
            "Does it?",
            "No",
            "People",
            "People think",
            "A common",
            "A common myth",
            "Common mistakes:",
            "Not",
            "Forget",
        ] {
            grader.grade(&format!("{sentence} {tail}")).expect("grades");
            grader.grade(tail).expect("grades");
        }
    }
}

/// The red-team list (`tests/fixtures/stance-redteam.tsv`): denials in about 40 grammatical
/// forms and look-alikes that must stay credited, written against the engine. Not every form is
/// handled; the shares the engine gets right are pinned so a change cannot lose ground unseen.
/// 328 / 371 and 162 / 176 when pinned (167 and 131 before the rules written from the list).
#[test]
fn the_red_team_list_holds_its_ground() {
    red_team(
        "fixtures/stance-redteam.tsv",
        include_str!("fixtures/stance-redteam.tsv"),
        (371, 176),
        (328, 162),
    );
}

/// The second list, written after the rules from the first and never tuned on: how the rules
/// generalise. 199 / 250 and 125 / 150 when pinned (156 and 101 when the list was written).
#[test]
fn the_second_red_team_list_holds_its_ground() {
    red_team(
        "fixtures/stance-redteam-2.tsv",
        include_str!("fixtures/stance-redteam-2.tsv"),
        (250, 150),
        (199, 125),
    );
}

/// The third list, written while the ninth session's rules (harm from omissions, hedges, terse
/// notes, verdicts on a pointer, "prefer Y over X") were being written, and never tuned on.
/// 189 / 260 and 144 / 160 when pinned (182 and 144 before those rules).
#[test]
fn the_third_red_team_list_holds_its_ground() {
    red_team(
        "fixtures/stance-redteam-3.tsv",
        include_str!("fixtures/stance-redteam-3.tsv"),
        (260, 160),
        (189, 144),
    );
}

/// Grades a red-team list of `size` (denials, look-alikes) and checks that at least `pinned`
/// (denials recognised, look-alikes kept) are right.
fn red_team(name: &str, text: &str, size: (usize, usize), pinned: (usize, usize)) {
    let (mut denials, mut denied) = (0usize, 0usize);
    let (mut lookalikes, mut kept) = (0usize, 0usize);
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{line}");
        let (sentence, phrase, expected) = (cols[1], cols[2], cols[3]);
        let grader = util::one_concept(&format!("Any([{phrase:?}])"), "positive");
        let hit = grader.grade(sentence).expect("grades").concepts[0].hit;
        match expected {
            "DENY" => {
                denials += 1;
                denied += usize::from(!hit);
            }
            "CREDIT" => {
                lookalikes += 1;
                kept += usize::from(hit);
            }
            other => panic!("unknown expectation {other}"),
        }
    }
    assert_eq!((denials, lookalikes), size, "{name}");
    assert!(
        denied >= pinned.0,
        "{name}: denials recognised: {denied} of {denials}"
    );
    assert!(
        kept >= pinned.1,
        "{name}: look-alikes kept: {kept} of {lookalikes}"
    );
}

#[test]
fn a_mention_in_the_reason_for_a_denial_is_part_of_the_denial() {
    let grader = util::one_concept(r#"Any(["previous"])"#, "positive");
    for denied in [
        "kubectl logs --previous won't help because the previous container never existed.",
        "Forget --previous, since previous containers are deleted immediately.",
        // A dash gives the reason too.
        "Forget --previous — previous containers are deleted immediately.",
    ] {
        let g = grader.grade(denied).unwrap();
        assert!(!g.concepts[0].hit, "{denied}");
    }
    for kept in [
        // A contrast between the two: the second is a claim of its own.
        "kubectl logs won't help, but the previous container's logs will, because they survive the restart.",
        "kubectl logs won't help — but the previous container's logs will.",
        // No denial before it.
        "Read the previous container's logs because the current one has just started.",
        // A plain negation, not a dismissal: its reason is a claim of its own.
        "The current logs do not show the previous crash, since the previous container is gone.",
    ] {
        let g = grader.grade(kept).unwrap();
        assert!(g.concepts[0].hit, "{kept}");
    }
}

#[test]
fn a_rule_stated_with_a_negation_counts_but_a_dismissal_does_not() {
    // `polarity: either` credits a concept stated as a rule ("must not overlap"), which reads
    // as a negation; a reply or verdict that rules the topic out is not that rule.
    let grader = util::one_concept(r#"Any(["CIDR overlap", "overlapping CIDRs"])"#, "either");
    for credited in [
        "Plan the ranges so there is no CIDR overlap between the clusters.",
        "The clusters must never have overlapping CIDRs.",
        "Overlapping CIDRs make direct routing impossible.",
    ] {
        assert!(
            grader.grade(credited).unwrap().concepts[0].hit,
            "{credited}"
        );
    }
    for dismissed in [
        "CIDR overlap? Not something you need to think about.",
        "Overlapping CIDRs are irrelevant here.",
        "Forget overlapping CIDRs, just use a public IP.",
    ] {
        assert!(
            !grader.grade(dismissed).unwrap().concepts[0].hit,
            "{dismissed}"
        );
    }
}
