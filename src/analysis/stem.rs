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

use super::lexicon::{base_forms, is_english_word};

/// Above this many cached stems the cache is cleared, so memory stays bounded on huge inputs.
const CACHE_LIMIT: usize = 50_000;

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    static CACHE: RefCell<FxHashMap<Box<str>, Cached>> = RefCell::new(FxHashMap::default());
}

/// What the cache keeps for a word: its stem and what the dictionary says of it, so that a word
/// an answer repeats, or that many answers share, is looked up once.
struct Cached {
    stem: Box<str>,
    words: Words,
}

/// What the English dictionary (see [`is_english_word`]) says of a lower-case word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Words {
    /// The word itself is listed.
    pub english: bool,
    /// The word or a base form its ending suggests is listed (see [`base_forms`]).
    pub dictionary: bool,
}

impl Words {
    fn of(word: &str) -> Words {
        let english = is_english_word(word);
        Words {
            english,
            dictionary: english || base_forms(word, is_english_word),
        }
    }
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
    with_word(word, |stem, _| f(stem))
}

/// Calls `f` with the stem of a lower-case word and what the dictionary says of it, without
/// allocating or looking anything up when the word is cached. Words of fewer than three letters
/// and words that are not plain lower-case letters are their own stem and in no dictionary (it
/// lists words of four letters or more).
pub(crate) fn with_word<R>(word: &str, f: impl FnOnce(&str, Words) -> R) -> R {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return f(word, Words::default());
    }
    CACHE.with(|cache| {
        if let Some(c) = cache.borrow().get(word) {
            return f(&c.stem, c.words);
        }
        let c = Cached {
            stem: stem_uncached(word),
            words: Words::of(word),
        };
        let out = f(&c.stem, c.words);
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(word.into(), c);
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
    use super::{stem, with_word, Words};

    #[test]
    fn the_cache_tells_dictionary_words() {
        let words = |w: &str| with_word(w, |_, words| words);
        assert_eq!(
            words("template"),
            Words {
                english: true,
                dictionary: true
            }
        );
        assert_eq!(
            words("templates"),
            Words {
                english: false,
                dictionary: true
            }
        );
        // Asked twice: the second answer comes from the cache.
        assert_eq!(
            words("templates"),
            Words {
                english: false,
                dictionary: true
            }
        );
        assert_eq!(words("kubelet"), Words::default());
        assert_eq!(
            words("pod"),
            Words::default(),
            "the dictionary starts at four letters"
        );
        assert_eq!(
            words("Template"),
            Words::default(),
            "callers pass lower-case words"
        );
    }

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
