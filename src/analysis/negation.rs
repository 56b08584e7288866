//! NegEx-style negation scopes over analysed tokens.
//!
//! A trigger ("not", "never", "without", "instead of", "rather than", "n't" …) negates the words
//! after it, up to [`SCOPE_WORDS`] words, the end of its clause, or a terminator ("but",
//! "however", "because" …). A few post-triggers ("… is not needed", "… is unnecessary",
//! "… is a myth") negate the words before them in the clause. Two figures of speech are left
//! alone: pseudo-negations ("not only", "don't forget") and conditionals that explain *why*
//! something is needed ("If you don't have a preStop hook, …", "Without a PDB, …").

use super::lexicon::{is_negation_trigger, is_pseudo_negation_follower, is_scope_terminator};
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::token::Token;

/// How many words after its trigger a negation reaches.
pub const SCOPE_WORDS: u32 = 6;

/// How far list-style cues ("no", "without", "never" …) reach, across commas.
const LIST_SCOPE_WORDS: u32 = 9;

/// How many words before a post-trigger it reaches.
const POST_SCOPE_WORDS: u32 = 8;

fn negate(t: &mut Token, trigger: usize) {
    if !t.negated {
        t.negated = true;
        t.negated_by = trigger as u32;
    }
}

/// Marks `negated` on every token inside a negation scope.
///
/// `lower(i)` gives the lower-cased surface text of token `i`.
pub fn mark<'a>(tokens: &mut [Token], lower: impl Fn(usize) -> &'a str) {
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let w = lower(i);
        let (is_trigger, scope_start) = trigger_at(tokens, &lower, i, w);
        // A cue that is only one piece of an identifier (`NotReady`, `NO_PROXY`) is a name, not a
        // negation; `non-` is the exception and negates the rest of its own word.
        let inside_identifier = w != "non"
            && (i > 0 && tokens[i - 1].word == tokens[i].word
                || i + 1 < n && tokens[i + 1].word == tokens[i].word);
        let verb = first_content(tokens, &lower, scope_start);
        if is_trigger && !inside_identifier && !is_figure_of_speech(tokens, &lower, i, scope_start)
        {
            if let Some(v) = verb.filter(|&v| narrows(w, lower(v))) {
                // "can't reach CoreDNS", "isn't removed immediately", "doesn't wait for the
                // endpoints": these describe what fails; only the verb is negated, not the
                // things named around it.
                let word = tokens[v].word;
                for t in tokens[scope_start..]
                    .iter_mut()
                    .take_while(|t| t.word <= word)
                {
                    negate(t, i);
                }
            } else if w == "non" {
                // non-root, non-privileged: only the rest of the word.
                let word = tokens[i].word;
                let mut j = scope_start;
                while j < n && tokens[j].word == word {
                    negate(&mut tokens[j], i);
                    j += 1;
                }
            } else {
                // "no PDB, readiness probe or preStop hook": list-style cues reach across commas.
                // So do "don't use / need / set …": advice against a list of things.
                let lists = matches!(
                    w,
                    "no" | "without" | "nothing" | "neither" | "nor" | "never" | "none"
                ) || verb.is_some_and(|v| is_advice_verb(lower(v)));
                let last_word = tokens[i].word + if lists { LIST_SCOPE_WORDS } else { SCOPE_WORDS };
                let sentence = tokens[i].sentence;
                let mut clause = tokens[i].clause;
                let mut j = scope_start;
                while j < n && tokens[j].sentence == sentence && tokens[j].word <= last_word {
                    if tokens[j].clause != clause {
                        if !(lists && tokens[j].after_comma) {
                            break;
                        }
                        clause = tokens[j].clause;
                    }
                    if is_scope_terminator(lower(j)) || starts_new_clause(&lower, j, n) {
                        break;
                    }
                    negate(&mut tokens[j], i);
                    j += 1;
                }
            }
        }
        if let Some(len) = post_trigger_at(&lower, i, n) {
            let clause = tokens[i].clause;
            let first_word = tokens[i].word.saturating_sub(POST_SCOPE_WORDS);
            let mut j = i;
            while j > 0 {
                j -= 1;
                if tokens[j].clause != clause
                    || tokens[j].word < first_word
                    || is_scope_terminator(lower(j))
                {
                    break;
                }
                tokens[j].negated = true;
            }
            i += len;
            continue;
        }
        i += 1;
    }
}

/// Adverbs that may stand between a cue and its verb ("doesn't *immediately* update").
const ADVERBS: &[&str] = &[
    "always",
    "immediately",
    "yet",
    "even",
    "really",
    "necessarily",
    "actually",
    "just",
    "instantly",
    "automatically",
    "properly",
    "correctly",
    "fully",
    "ever",
    "be",
    "been",
    "get",
    "being",
];

/// The first token at or after `start` that is not an adverb.
fn first_content<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
) -> Option<usize> {
    (start..tokens.len().min(start + 3)).find(|&j| !ADVERBS.contains(&lower(j)))
}

/// Whether cue `w` followed by `next` negates only that verb: always for an inability ("can't",
/// "unable"), and for a plain negation of a verb that describes behaviour rather than advice.
fn narrows(w: &str, next: &str) -> bool {
    const ABILITY: &[&str] = &["can't", "cannot", "cant", "couldn't", "couldnt", "unable"];
    const BEHAVIOUR: &[&str] = &[
        "reach",
        "connect",
        "resolv",
        "pull",
        "attach",
        "detach",
        "start",
        "find",
        "found",
        "wait",
        "updat",
        "remov",
        "send",
        "sent",
        "receiv",
        "respond",
        "see",
        "schedul",
        "fit",
        "bind",
        "bound",
        "exit",
        "terminat",
        "propagat",
        "load",
        "read",
        "writ",
        "open",
        "access",
        "talk",
        "come",
        "becom",
        "work",
        "succeed",
        "complet",
        "finish",
        "pass",
        "drain",
        "serv",
        "rout",
        "forward",
        "stop",
        "kill",
        "recover",
        "match",
        "exist",
        "happen",
        "know",
        "notice",
        "reflect",
        "show",
        "appear",
        "return",
        "get",
        "got",
        "reconcil",
        "converg",
        "delet",
        "releas",
        "free",
        "clean",
        "scale",
        "evict",
        "honor",
        "respect",
        "trigger",
        "fire",
        "catch",
        "handl",
        "shut",
        "listen",
        "accept",
        "close",
        "flush",
        "sync",
        "register",
        "deregister",
    ];
    let w = w.trim_end_matches('\'');
    ABILITY.contains(&w)
        || (w != "no"
            && w != "never"
            && w != "without"
            && BEHAVIOUR.iter().any(|b| next.starts_with(b)))
}

/// "… has no istiod *and its* proxies are …": a conjunction followed by a new subject starts a
/// new clause, which the negation does not reach.
fn starts_new_clause<'a>(lower: &impl Fn(usize) -> &'a str, j: usize, n: usize) -> bool {
    matches!(lower(j), "and" | "or")
        && j + 1 < n
        && matches!(
            lower(j + 1),
            "it" | "its"
                | "they"
                | "their"
                | "we"
                | "you"
                | "i"
                | "this"
                | "that"
                | "these"
                | "those"
                | "there"
                | "he"
                | "she"
        )
}

/// Verbs of advice: "don't *use* X, Y or Z" rules out the whole list.
fn is_advice_verb(w: &str) -> bool {
    matches!(
        w,
        "use"
            | "need"
            | "set"
            | "enable"
            | "add"
            | "run"
            | "install"
            | "deploy"
            | "configure"
            | "mount"
            | "grant"
            | "require"
            | "rely"
            | "bother"
            | "recommend"
            | "touch"
            | "allow"
    )
}

/// Whether token `i` opens a negation scope, and where the scope starts.
fn trigger_at<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    w: &str,
) -> (bool, usize) {
    let next = |k: usize| {
        if i + k < tokens.len() {
            lower(i + k)
        } else {
            ""
        }
    };
    match w {
        "instead" if next(1) == "of" => (true, i + 2),
        "rather" if next(1) == "than" => (true, i + 2),
        "opposed" if next(1) == "to" => (true, i + 2),
        "non" => (true, i + 1),
        // `clusterIP: None` is a value; only "none of …" negates.
        "none" => (next(1) == "of", i + 1),
        _ if is_negation_trigger(w) => (true, i + 1),
        _ => (false, i + 1),
    }
}

fn is_figure_of_speech<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    scope_start: usize,
) -> bool {
    if scope_start < tokens.len() && is_pseudo_negation_follower(lower(scope_start)) {
        return true;
    }
    // Conditionals and counterfactuals explain a consequence; they do not deny the concept.
    let sentence = tokens[i].sentence;
    let mut j = i;
    let mut first_in_sentence = true;
    while j > 0 {
        j -= 1;
        if tokens[j].sentence != sentence {
            break;
        }
        first_in_sentence = false;
        if matches!(lower(j), "if" | "unless" | "whenever" | "otherwise") {
            return true;
        }
    }
    first_in_sentence && matches!(lower(i), "without")
}

/// Post-triggers: word sequences that negate what comes before them in the clause.
const POST: &[&[&str]] = &[
    &["not", "needed"],
    &["not", "necessary"],
    &["not", "required"],
    &["unnecessary"],
    &["irrelevant"],
    &["pointless"],
    &["useless"],
    &["a", "myth"],
    &["doesn't", "matter"],
    &["don't", "matter"],
    &["do", "not", "matter"],
    &["does", "not", "matter"],
    &["won't", "help"],
    &["doesn't", "help"],
    &["does", "not", "help"],
    &["is", "irrelevant"],
    &["not", "useful"],
    &["not", "helpful"],
    &["not", "relevant"],
    &["not", "a", "thing"],
    &["never", "helps"],
    &["never", "matters"],
    &["does", "not", "apply"],
    &["doesn't", "apply"],
];

/// A post-trigger starting at `i`, as its length in tokens.
fn post_trigger_at<'a>(lower: &impl Fn(usize) -> &'a str, i: usize, n: usize) -> Option<usize> {
    // Nearly every token starts no pattern; reject those with one set lookup.
    static FIRST: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    if !FIRST
        .get_or_init(|| POST.iter().map(|p| p[0]).collect())
        .contains(lower(i))
    {
        return None;
    }
    POST.iter()
        .find(|p| i + p.len() <= n && p.iter().enumerate().all(|(k, w)| lower(i + k) == *w))
        .map(|p| p.len())
}
