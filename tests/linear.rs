//! Every stage is linear in the answer's length: negation scopes, subject denials, replies,
//! proximity windows, typo candidates, the salad and dump checks. Measured by growth: ten times
//! the text must cost at most about ten times the work (the bound allows for timer noise).

use std::time::{Duration, Instant};

use rubric_grader::{Bank, Grader};

/// Repeats `pattern` to `bytes` bytes.
fn text(pattern: &str, bytes: usize) -> String {
    pattern.repeat(bytes / pattern.len() + 1)[..bytes]
        .trim_end_matches(|c: char| !c.is_ascii())
        .to_string()
}

fn best_of_three(grader: &Grader, answer: &str) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            grader.grade(answer).expect("grades");
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Text shapes that once made some stage quadratic, or could.
const HOSTILE: &[&str] = &[
    "not preStop ",
    "avoid ",
    "no need for a PDB, a readiness probe, ",
    "The PDB doesn't help. ",
    "Long-term storage? Nobody uses it. ",
    "forget it and skip it and ",
    "If you don't set it, ",
    "kubectl kubectl kubectl ",
    "preStop SIGTERM endpoints kube-proxy race ",
    "terminationGracePeriodSeconds exit code 138 ",
    "prestpo hokk sigtrem endpiont ",
    "init containers start after the app, then ",
    "rather than the CIDR, the IPAM, ",
    "people think ",
    "myth that ",
    "myth is ",
    "a common myth is that ",
    "many assume ",
    "not many assume ",
    "Same for the PDB, ",
    "exemplars and they don't help ",
    "Exemplars are a metrics feature. They don't help ",
    "Does the PDB help? No, ",
    "only matters at scale, not in a ",
    "is a detail I'd skip, something nobody ever ",
    "so don't rely on them, ",
];

#[test]
fn grading_time_grows_linearly() {
    let bank = Bank::embedded().unwrap();
    let grader = Grader::for_entry(&bank, bank.find("g06").unwrap()).unwrap();
    let (small, large) = (20_000, 200_000);
    for pattern in HOSTILE {
        let a = best_of_three(&grader, &text(pattern, small));
        let b = best_of_three(&grader, &text(pattern, large));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
        assert!(
            ratio < 25.0,
            "{pattern:?}: {small} bytes in {a:?}, {large} bytes in {b:?} ({ratio:.1}×)"
        );
    }
}
