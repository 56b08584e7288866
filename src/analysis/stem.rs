//! Snowball (Porter2) English stemming with a per-thread cache.
//!
//! Expects lower-case, spelling-normalised input (see `normalize`). Stemming costs about 150 ns a
//! word, more than everything else the analyser does per token, while answers reuse a small
//! vocabulary; so stems are cached per thread (graders are shared across threads in batch mode).
//!
//! Porter2 merges some words that mean different things in this domain (`container` → `contain`,
//! `controller` → `control`, `finalizer` → `final`); those are protected and only lose a plural `s`.

use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Above this many cached stems the cache is cleared, so memory stays bounded on huge inputs.
const CACHE_LIMIT: usize = 50_000;

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    static CACHE: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
}

/// Domain words whose Snowball stem would collide with an unrelated everyday word.
const PROTECTED: &[&str] = &[
    "container",
    "controller",
    "finalizer",
    "readiness",
    "liveness",
    "operator",
    "scheduler",
    "informer",
    "capability",
    "authorization",
    "authorizer",
    "general",
    "provider",
    "limiter",
    "router",
    "replica",
    "ingress",
    "egress",
    "kubernetes",
    "status",
    "statefulset",
    "daemonset",
    "replicaset",
    "cilium",
    "calico",
    "istio",
    "prometheus",
];

/// The stem of a lower-case word.
pub fn stem(word: &str) -> Box<str> {
    with_stem(word, |s| Box::from(s))
}

/// Calls `f` with the stem of a lower-case word, without allocating when the stem is cached.
pub fn with_stem<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return f(word);
    }
    CACHE.with(|cache| {
        if let Some(s) = cache.borrow().get(word) {
            return f(s);
        }
        let stemmed = stem_uncached(word);
        let out = f(&stemmed);
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), stemmed);
        out
    })
}

fn stem_uncached(word: &str) -> Box<str> {
    let singular = singular_of(word);
    if PROTECTED.contains(&singular) {
        return singular.into();
    }
    // Porter2 keeps the `s` of words without a vowel; these are plural acronyms: pvcs, crds, pdbs.
    if let Some(base) = word.strip_suffix('s') {
        if base.len() >= 2 && !base.bytes().any(|b| b"aeiouy".contains(&b)) {
            return base.into();
        }
    }
    STEMMER.with(|s| s.stem(word).into_owned().into_boxed_str())
}

/// A crude singular, only used to look words up in `PROTECTED`.
fn singular_of(word: &str) -> &str {
    if let Some(base) = word.strip_suffix("ies") {
        if let Some(p) = PROTECTED.iter().find(|p| p.strip_suffix('y') == Some(base)) {
            return p;
        }
    }
    if word.ends_with("ss") {
        return word;
    }
    word.strip_suffix('s').unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn inflections_share_a_stem() {
        for group in [
            &["evicted", "evicting", "eviction", "evicts"][..],
            &["terminating", "termination", "terminated"],
            &["probes", "probing", "probe"],
            &["finalizer", "finalizers"],
            &["containers", "container"],
            &["capabilities", "capability"],
        ] {
            let first = stem(group[0]);
            for w in &group[1..] {
                assert_eq!(stem(w), first, "{w} vs {}", group[0]);
            }
        }
    }

    #[test]
    fn protected_words_do_not_collide() {
        assert_ne!(stem("container"), stem("contain"));
        assert_ne!(stem("controller"), stem("control"));
        assert_ne!(stem("finalizer"), stem("final"));
        assert_ne!(stem("readiness"), stem("ready"));
        // "so pods can be scheduled" does not name the scheduler
        assert_ne!(stem("scheduler"), stem("scheduled"));
        assert_eq!(stem("schedulers"), stem("scheduler"));
    }
}
