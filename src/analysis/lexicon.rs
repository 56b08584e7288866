//! Small closed word lists: function words and negation cues.
//!
//! All entries are lower-case and compared after case folding but before spelling
//! normalisation and stemming.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// Words that carry grammar rather than content. Real explanations are full of them ("because",
/// "so", "which", "when"); a bare list of keywords has almost none, which is what the
/// keyword-salad guard measures.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "else",
    "enough",
    "even",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "neither",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "often",
    "on",
    "onto",
    "once",
    "only",
    "or",
    "other",
    "otherwise",
    "our",
    "over",
    "own",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "upon",
    "us",
    "usually",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "whenever",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "it's",
    "that's",
    "there's",
    "don't",
    "doesn't",
    "isn't",
    "aren't",
    "won't",
    "can't",
    "i'd",
    "i'll",
    "i'm",
    "we'd",
    "we'll",
    "we're",
    "you'd",
    "you'll",
    "you're",
    "they're",
    "let's",
    "instead",
    "rather",
    "unless",
    "whereas",
    "hence",
    "ie",
    "eg",
    "etc",
    "already",
    "always",
    "sometimes",
    "really",
    "actually",
    "basically",
    "probably",
    "maybe",
    "finally",
];

/// Words that open a negation scope on what follows in their clause.
pub(crate) const NEGATION_TRIGGERS: &[&str] = &[
    "not", "no", "never", "without", "cannot", "nor", "neither", "none", "nothing", "nobody",
    "avoid", "avoids", "avoided", "avoiding", "lack", "lacks", "lacking", "dont", "doesnt", "isnt",
    "arent", "wasnt", "werent", "wont", "cant", "shouldnt", "wouldnt", "couldnt", "didnt", "hasnt",
    "havent", "mustnt", "neednt", "ain't",
];

/// Words that close a negation scope early: "not A but B" must not negate B.
const SCOPE_TERMINATORS: &[&str] = &[
    "but",
    "however",
    "although",
    "though",
    "yet",
    "except",
    "which",
    "whereas",
    "while",
    "so",
    "because",
    "since",
    "then",
    "instead",
    "until",
    "unless",
    "otherwise",
    "therefore",
    "thus",
    // "No events *means* they aged out": what a missing thing means is asserted.
    "means",
    "mean",
    "indicates",
    "implies",
];

/// Words that, after a trigger, make it a figure of speech rather than a negation:
/// "not only", "don't forget", "no doubt".
const PSEUDO_NEGATION_FOLLOWERS: &[&str] = &[
    "only",
    "just",
    "forget",
    "doubt",
    "matter",
    "hesitate",
    "merely",
    "simply",
    "least",
    // "isn't optional", "not negotiable", "no substitute for": the thing is required.
    "optional",
    "negotiable",
    "substitute",
];

fn set(words: &'static [&'static str]) -> FxHashSet<&'static str> {
    words.iter().copied().collect()
}

/// Whether `word` (lower-case) is a function word.
pub fn is_function_word(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(FUNCTION_WORDS)).contains(word)
}

/// Every function word (lower-case), in no particular order.
pub(crate) fn function_words() -> &'static [&'static str] {
    FUNCTION_WORDS
}

/// Whether `word` (lower-case) opens a negation scope on its own.
pub fn is_negation_trigger(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(NEGATION_TRIGGERS)).contains(word) || word.ends_with("n't")
}

/// Whether `word` (lower-case) ends a negation scope.
pub fn is_scope_terminator(word: &str) -> bool {
    SCOPE_TERMINATORS.contains(&word)
}

/// Whether `word` turns a preceding trigger into a figure of speech.
pub fn is_pseudo_negation_follower(word: &str) -> bool {
    PSEUDO_NEGATION_FOLLOWERS.contains(&word)
}

/// Lower-case English words of four letters or more (SCOWL, see `LICENSE-SCOWL`).
const ENGLISH_WORDS: &str = include_str!("english-words.txt");

/// Whether `word` (lower-case, American spelling) is a correctly spelt English word. A typo
/// almost always makes a non-word, so real words are never matched through typo tolerance:
/// `quote` is not a typo of `quota`, nor `sending` of `pending`.
pub fn is_english_word(word: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ENGLISH_WORDS.lines().collect())
        .contains(word)
}

/// Whether `word` or one of the base forms its ending suggests passes `listed`: the dictionary
/// and the rubric list base forms, so "templates", "replayed", "natively", "tidiness" and
/// "stopped" are looked up as "template", "replay", "native", "tidy" and "stop".
pub(crate) fn base_forms(word: &str, listed: impl Fn(&str) -> bool) -> bool {
    const ENDINGS: &[(&str, &str)] = &[
        ("iness", "y"),
        ("ies", "y"),
        ("ied", "y"),
        ("ily", "y"),
        ("ness", ""),
        ("ment", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ers", ""),
        ("ers", "e"),
        ("es", ""),
        ("ed", ""),
        ("ed", "e"),
        ("er", ""),
        ("er", "e"),
        ("ly", ""),
        ("s", ""),
    ];
    if listed(word) {
        return true;
    }
    let mut base = String::with_capacity(word.len());
    for (ending, replacement) in ENDINGS {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        if stem.len() < 3 {
            continue;
        }
        base.clear();
        base.push_str(stem);
        base.push_str(replacement);
        if listed(&base) {
            return true;
        }
        // "stopped", "running": a doubled final consonant.
        let b = stem.as_bytes();
        if replacement.is_empty()
            && b.len() >= 2
            && b[b.len() - 1] == b[b.len() - 2]
            && listed(&stem[..stem.len() - 1])
        {
            return true;
        }
    }
    false
}

/// Conjunctions that open a clause of their own: a claim on one side is not a claim on the
/// other ("the PDB blocks the drain *because* …", "not X *but* Y").
#[inline]
pub(crate) fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "but"
            | "because"
            | "which"
            | "whereas"
            | "while"
            | "although"
            | "though"
            | "however"
            | "therefore"
            | "otherwise"
            | "unless"
            | "so"
    )
}
