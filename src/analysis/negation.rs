//! Stance: which words of an answer it denies, found by NegEx/ConText-style rules over clauses.
//!
//! Every token gets a stance: asserted (the default) or denied, and for a denied token the cue
//! that denied it and the [`DenialRule`] that applied, so `rubric explain` can say why a mention
//! did not count. The rules, each a precise version of "a cue in the clause denies it":
//!
//! - **Cue scope** ([`DenialRule::Cue`], [`DenialRule::List`]): "not", "never", "without",
//!   "instead of", "rather than", "no need for", "don't use", "neither … nor" deny the words
//!   after them, up to a few words, the end of the clause, or a terminator ("but", "because" …).
//!   List-style cues and advice verbs ("don't use X, Y or Z") reach across commas.
//! - **Subject of a negated verdict** ([`DenialRule::Subject`]): "X doesn't help", "X isn't the
//!   cause", "X aren't needed", "X won't fix it", "X has nothing to do with it", "X makes no
//!   difference": the cue is followed by a predicate about relevance, so the clause's subject —
//!   the words *before* the cue — is denied.
//! - **Dismissive verdict** ([`DenialRule::Verdict`]): "X is overrated / a myth / irrelevant /
//!   pointless / overkill / a red herring / a waste of time", "X can be ignored": no cue word,
//!   but the subject is denied all the same.
//! - **Dismissal** ([`DenialRule::Dismissal`]): "forget X", "skip X", "I'd ignore X".
//! - **Reply** ([`DenialRule::Reply`]): "Long-term storage? Nobody uses it." A short denial
//!   answering a question denies the question.
//! - **Framed** ([`DenialRule::Framed`]): "A common misconception is that X", "people often think
//!   X", "Common mistakes: X": a belief framed as someone else's is denied up to the correction
//!   ("but", "in fact"). A verdict carries over to "Same for X"; a yes/no question answered "No"
//!   is a reply.
//!
//! What stays asserted: descriptions of a failure ("pods can't reach CoreDNS", "the volume
//! doesn't attach": the cue narrows to its verb), conditionals that explain why something
//! matters ("if you don't set requests …", "without a PDB, the drain …"), pseudo-negations ("not
//! only", "don't forget"), and the corrected half of a contrast ("not X but Y", "it's not X, it's
//! Y", "not because of X but because of Y").
//!
//! Every rule looks a bounded number of words around its cue, so marking is linear in the
//! length of the answer.

use super::lexicon::{is_negation_trigger, is_pseudo_negation_follower, is_scope_terminator};
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::token::Token;

/// How many words after its trigger a negation reaches.
pub const SCOPE_WORDS: u32 = 6;

/// How far list-style cues ("no", "without", "never" …) reach, across commas: "no need to go
/// to the node or read the kubelet logs" is twelve words.
const LIST_SCOPE_WORDS: u32 = 12;

/// How far a negated verb of saying reaches, across commas: "did not mention the data corruption
/// risk, VolumeAttachment objects or any supported mechanism like the out-of-service taint".
const REPORT_SCOPE_WORDS: u32 = 24;

/// How many words before a post-trigger or a negated verdict it reaches.
const SUBJECT_WORDS: u32 = 14;

/// A reply ("Not a factor.") is at most this many tokens long.
const REPLY_TOKENS: usize = 6;

/// The end of `start..end` without trailing hedges ("in practice", "honestly", "here").
fn trim_hedges<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> usize {
    let mut end = end;
    loop {
        // At least one word of the reply stays before what is trimmed.
        let two = end > start + 2 && {
            let (a, b) = (lower(end - 2), lower(end - 1));
            a == "in" && matches!(b, "practice" | "reality" | "general") || a == "to" && b == "me"
        };
        if two {
            end -= 2;
        } else if end > start + 1
            && matches!(
                lower(end - 1),
                "honestly" | "here" | "really" | "anyway" | "either" | "frankly"
            )
        {
            end -= 1;
        } else {
            return end;
        }
    }
}

/// Why a token is denied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DenialRule {
    /// In the scope of a cue before it: "not X", "never X", "instead of X", "no need for X".
    Cue,
    /// In the scope of a list-style cue or advice verb, across commas: "don't use X, Y or Z".
    List,
    /// The subject of a negated verdict: "X doesn't help", "X isn't the cause".
    Subject,
    /// The subject of a dismissive verdict: "X is overrated", "X is a myth".
    Verdict,
    /// The object of a dismissal: "forget X", "skip X", "I'd ignore X".
    Dismissal,
    /// A question answered by a short denial: "X? Not a factor."
    Reply,
    /// Framed as someone's wrong belief: "a common misconception is that X", "people often
    /// think X".
    Framed,
}

impl DenialRule {
    /// How the rule reads in an explanation.
    pub fn describe(self) -> &'static str {
        match self {
            DenialRule::Cue => "in the scope of a negation",
            DenialRule::List => "in a list ruled out by a negation",
            DenialRule::Subject => "the subject of a negated verdict (\"X doesn't help\")",
            DenialRule::Verdict => "the subject of a dismissive verdict (\"X is overrated\")",
            DenialRule::Dismissal => "dismissed (\"forget X\", \"skip X\")",
            DenialRule::Reply => "a question answered by a denial (\"X? Not needed.\")",
            DenialRule::Framed => "framed as a wrong belief (\"a common misconception is that X\")",
        }
    }

    fn code(self) -> u8 {
        self as u8 + 1
    }

    pub(crate) fn from_code(code: u8) -> Option<DenialRule> {
        Some(match code {
            1 => DenialRule::Cue,
            2 => DenialRule::List,
            3 => DenialRule::Subject,
            4 => DenialRule::Verdict,
            5 => DenialRule::Dismissal,
            6 => DenialRule::Reply,
            7 => DenialRule::Framed,
            _ => return None,
        })
    }
}

fn negate(t: &mut Token, trigger: usize, rule: DenialRule) {
    if !t.negated {
        t.negated = true;
        t.negated_by = trigger as u32;
        t.denial = rule.code();
    }
}

/// Marks `negated` (with its cue and rule) on every token the answer denies.
///
/// `text` is the analysed text and `lower(i)` the lower-cased surface text of token `i`.
pub fn mark<'a>(tokens: &mut [Token], text: &str, lower: impl Fn(usize) -> &'a str) {
    let n = tokens.len();
    let conditional = conditional_clauses(tokens, text, &lower);
    let mut i = 0;
    while i < n {
        let w = lower(i);
        // Nearly every word is no cue at all: one lookup skips it, and a word that can only
        // start a verdict ("is", "would", "the" …) goes straight to the verdict check.
        let kind = tokens[i].cue;
        if kind == CueKind::None {
            i += 1;
            continue;
        }
        let full = kind == CueKind::Full;
        if matches!(w, "don't" | "dont") {
            deny_reliance(tokens, &lower, i);
        }
        if full && w == "over" {
            // "I'd prefer Y *over* X", "pick Y over X any day": X is ruled out. Not the particle
            // of a verb: "prefers local endpoints and *fails over* to the remote cluster using
            // outlier detection" rules nothing out.
            let clause = tokens[i].clause;
            let particle = i > 0 && is_over_verb(lower(i - 1));
            if !particle
                && (i.saturating_sub(8)..i).any(|k| {
                    tokens[k].clause == clause
                        && matches!(
                            lower(k),
                            "prefer"
                                | "prefers"
                                | "preferred"
                                | "preferring"
                                | "choose"
                                | "chose"
                                | "pick"
                                | "picked"
                                | "favor"
                                | "favour"
                                | "favors"
                                | "favours"
                        )
                })
            {
                deny_forward(tokens, &lower, i, i + 1, DenialRule::Cue, Reach::List);
            }
            i += 1;
            continue;
        }
        if is_field_value(tokens, text, i) && verdict_at(tokens, &lower, i, n).is_none() {
            // `failurePolicy: Ignore`, `restartPolicy: Never`: a setting's value, not a cue; but
            // "hostPath: irrelevant" is a verdict on the setting.
            i += 1;
            continue;
        }
        if full
            && (FRAMING_NOUNS.contains(&w)
                || BELIEVING.contains(&w)
                || WRONG_HEADINGS.iter().any(|h| h[0] == w))
        {
            deny_framed(tokens, text, &lower, i);
        }
        let (is_trigger, scope_start) = if full {
            trigger_at(tokens, &lower, i, w)
        } else {
            (false, i + 1)
        };
        // A cue that is only one piece of an identifier (`NotReady`, `NO_PROXY`) is a name, not a
        // negation; `non-` is the exception and negates the rest of its own word.
        let inside_identifier = w != "non"
            && (i > 0 && tokens[i - 1].word == tokens[i].word
                || i + 1 < n && tokens[i + 1].word == tokens[i].word);
        let figure = is_trigger
            && !inside_identifier
            && (is_figure_of_speech(tokens, &lower, conditional[i], i, scope_start)
                || cancels_out(tokens, &lower, i, scope_start)
                || w.ends_with("n't") && opens_question(tokens, text, i)
                || w == "without" && negated_before(tokens, &lower, i)
                // "*some service* isn't forwarding the trace headers": a negated verb after an
                // indefinite subject is a diagnosis — something somewhere fails to do what it
                // should — and rules nothing out.
                || (w.ends_with("n't") || w == "not") && indefinite_subject(tokens, &lower, i)
                // "The StorageClass *lacks* allowVolumeExpansion", "the pods *lack* a
                // toleration": a thing that lacks something is a finding, like "is missing" —
                // the cause of the failure — and rules nothing out.
                || matches!(w, "lacks" | "lack") && has_subject_before(tokens, &lower, i)
                || in_short_quote(tokens, text, i));
        if is_trigger
            && !inside_identifier
            && !figure
            && relative_clause(tokens, text, &lower, i, w)
        {
            // "pods *that don't* need the mesh", "plugins *it doesn't* need": the clause only
            // describes a noun, so it negates its own verb and nothing around it.
            if let Some(v) = first_content(tokens, &lower, scope_start) {
                deny_through(tokens, i, scope_start, v);
            }
            // Unless the noun is "something" after a copula: "X is something you don't need".
            deny_described(tokens, &lower, i, DenialRule::Subject);
        } else if is_trigger && !inside_identifier && !figure {
            // "cluster.local from the other cluster *resolves to nothing*", "the probe *returns
            // nothing*": "nothing" as the object denies the verb before it.
            if w == "nothing" {
                deny_verb_before(tokens, &lower, i);
            }
            let pointer = points_back(tokens, &lower, i);
            let relevance = relevance_predicate_after(tokens, &lower, i);
            if pointer || relevance || gerund_subject(tokens, &lower, i) {
                // "X doesn't help", "X isn't the cause": the subject before the cue is denied,
                // and so is the verdict after it.
                deny_subject(tokens, &lower, i, DenialRule::Subject, pointer, relevance);
            }
            if relevance {
                deny_antecedent(tokens, &lower, i, false);
            }
            deny_listed_before_colon(tokens, text, &lower, i);
            deny_described(tokens, &lower, i, DenialRule::Subject);
            deny_restricted(tokens, &lower, i);
            if !ends_clause(tokens, text, i, scope_start) {
                forward_scope(tokens, &lower, i, w, scope_start);
            }
        }
        if !inside_identifier && !conditional[i] {
            if let Some(len) = verdict_at(tokens, &lower, i, n).filter(|&len| {
                !attributive(tokens, &lower, i, len)
                    && !verdict_negated(tokens, &lower, i)
                    && !verdict_goes_on(tokens, &lower, i, len)
            }) {
                // "*Skipping* the readiness probe is a bad idea", "it's a mistake *to drop* the
                // PDB": harm done by leaving something out says the thing matters.
                let harm = is_harm_verdict(&lower, i, len);
                let kept = harm && omission_subject(tokens, &lower, i);
                if !kept && !deny_causative_object(tokens, &lower, i) {
                    deny_subject(tokens, &lower, i, DenialRule::Verdict, false, true);
                }
                // "Preferred (not required) affinity": a verdict in brackets judges the word
                // before them, not what follows.
                let bracketed = i > 0
                    && text
                        .get(tokens[i - 1].span.end..tokens[i].span.start)
                        .is_some_and(|between| between.contains('('));
                // "People reach for X, *but that's a red herring*": a verdict on a pointer
                // judges the clause before (unless it left something out: "some skip the PDB,
                // but that's a mistake").
                let pointer = points_at_clause_before(tokens, &lower, i);
                if pointer && !(harm && omission_before(tokens, &lower, i)) {
                    deny_antecedent(tokens, &lower, i, true);
                }
                // "…, which is a red herring: they only race for a Lease": what follows the
                // colon explains the verdict.
                let explained = i + len < n
                    && text
                        .get(tokens[i + len - 1].span.end..tokens[i + len].span.start)
                        .is_some_and(|between| between.contains(':'));
                let judges_before = has_content_before(tokens, &lower, i)
                    || bracketed
                    || explained
                    || pointer
                    || harm && omission_follows(tokens, &lower, i + len);
                if !judges_before && !ranks_last(&lower, i, len) {
                    // "Pointless to tune X": nothing before the verdict, so it judges what follows.
                    // The scope is counted from the verdict's last word: "the last thing you
                    // want is *a liveness probe*".
                    deny_forward(
                        tokens,
                        &lower,
                        i + len - 1,
                        i + len,
                        DenialRule::Verdict,
                        Reach::Clause,
                    );
                }
                i += len;
                continue;
            }
            if is_dismissal(tokens, &lower, i) {
                deny_dismissed(tokens, text, &lower, i);
                deny_listed_before_colon(tokens, text, &lower, i);
            }
        }
        i += 1;
    }
    mark_replies(tokens, text, &lower);
}

/// "Trace IDs are unreliable, so *don't rely on them*": advice not to rely on a pronoun that
/// ends its clause, in a later clause of the sentence, rules out the sentence's subject.
fn deny_reliance<'a>(tokens: &mut [Token], lower: &impl Fn(usize) -> &'a str, cue: usize) {
    let n = tokens.len();
    let word = |k: usize| if k < n { lower(k) } else { "" };
    let pronoun = match (word(cue + 1), word(cue + 2)) {
        ("rely" | "count" | "depend", "on") => cue + 3,
        ("trust", _) => cue + 2,
        _ => return,
    };
    let clause = tokens[cue].clause;
    if pronoun >= n
        || !matches!(lower(pronoun), "them" | "it" | "those")
        || tokens[pronoun].clause != clause
        || (pronoun + 1 < n && tokens[pronoun + 1].clause == clause)
        || cue == 0
        || tokens[cue - 1].sentence != tokens[cue].sentence
        || tokens[cue - 1].clause == clause && cue >= 2 && tokens[cue - 2].clause == clause
    {
        return;
    }
    if let Some(first) = near_sentence_start(tokens, cue, CLAUSE_REACH) {
        deny_leading_subject(tokens, lower, first, cue);
    }
}

/// Nouns that name a wrong belief when framed: "a common *misconception* is that X".
const FRAMING_NOUNS: &[&str] = &[
    "misconception",
    "misconceptions",
    "mistake",
    "mistakes",
    "myth",
    "myths",
    "misunderstanding",
    "fallacy",
    "trap",
    "traps",
    "pitfall",
    "pitfalls",
];

/// Headings that label the list after their colon as wrong: "Non-fixes: X, Y", "Wrong moves:
/// X", "Anti-patterns: X". A hyphenated word is two pieces.
const WRONG_HEADINGS: &[&[&str]] = &[
    &["non", "fixes"],
    &["nonfixes"],
    &["not", "fixes"],
    &["wrong", "fixes"],
    &["wrong", "moves"],
    &["wrong", "answers"],
    &["wrong", "approaches"],
    &["bad", "fixes"],
    &["bad", "moves"],
    &["bad", "ideas"],
    &["don'ts"],
    &["donts"],
    &["dont's"],
    &["anti", "patterns"],
    &["antipatterns"],
    &["avoid"],
    &["red", "herrings"],
    &["what", "not", "to", "do"],
    &["what", "doesn't", "work"],
    &["what", "does", "not", "work"],
    &["wrong"],
    &["incorrect"],
];

/// Who holds a framed belief: "*people* often think X", "*many* assume X".
const BELIEVERS: &[&str] = &[
    "people",
    "many",
    "folks",
    "candidates",
    "beginners",
    "juniors",
    "newcomers",
    "everyone",
    "devs",
    "developers",
    "engineers",
    "teams",
];

/// Verbs of holding a belief: "people often *think* X".
const BELIEVING: &[&str] = &["think", "believe", "assume", "expect", "imagine", "confuse"];

/// Words that end a framed belief and start the correction: "… X, *but* actually Y".
const CORRECTION_STARTS: &[&str] = &[
    "but", "however", "whereas", "actually", "yet", "instead", "while", "really", "fact",
];

/// Denies a belief framed as someone else's mistake by the word at `i`: "A common
/// misconception is that X", "The classic mistake is to think X", "People often think X", "Many
/// assume X", "Common mistakes: X". The belief runs from the frame to the end of its sentence or
/// the start of the correction ("but", "in fact" …). A frame is recognised from a fixed word and
/// at most three words either side, and a belief ends at its sentence's end, so marking stays
/// linear.
fn deny_framed<'a>(tokens: &mut [Token], text: &str, lower: &impl Fn(usize) -> &'a str, i: usize) {
    let w = lower(i);
    let start = if FRAMING_NOUNS.contains(&w) {
        framed_by_noun(tokens, text, lower, i)
    } else if BELIEVING.contains(&w) {
        framed_by_believer(tokens, lower, i)
    } else {
        framed_by_heading(tokens, text, lower, i)
    };
    let Some(from) = start else {
        return;
    };
    // "The classic mistake is *forgetting* the PDB", "a common mistake is *to skip* the
    // probe": a mistake of leaving something out says it matters. Only a mistake (something
    // people do), never a misconception or myth (something they believe: "a common
    // misconception is that --force bypasses finalizers" stays a framed belief), and only when
    // the omission opens what is framed.
    if matches!(
        w,
        "mistake" | "mistakes" | "pitfall" | "pitfalls" | "trap" | "traps"
    ) {
        let mut k = from;
        if k < tokens.len() && matches!(lower(k), "to" | "simply" | "just") {
            k += 1;
        }
        if k < tokens.len()
            && tokens[k].sentence == tokens[from].sentence
            && (is_omission_verb(lower, k, tokens.len())
                || lower(k) == "not" && k + 1 < tokens.len() && lower(k + 1).ends_with("ing"))
        {
            return;
        }
    }
    // The belief's own sentence: after a heading's colon it may be the next one.
    let sentence = tokens[from].sentence;
    let framed = DenialRule::Framed.code();
    let mut k = from;
    // A belief already framed from an earlier frame runs to the same end: stop there, so each
    // word is marked once however many frames a sentence holds.
    while k < tokens.len()
        && tokens[k].sentence == sentence
        && tokens[k].denial != framed
        && !CORRECTION_STARTS.contains(&lower(k))
    {
        negate(&mut tokens[k], i, DenialRule::Framed);
        k += 1;
    }
}

/// "A common misconception is (that) X", "The classic mistake is to think X", "A myth: X":
/// where X begins, for the framing noun at `i`.
fn framed_by_noun<'a>(
    tokens: &[Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> Option<usize> {
    // The noun opens its sentence, after at most an article and an adjective or two.
    near_sentence_start(tokens, i, 3)?;
    let n = tokens.len();
    let mut k = i + 1;
    if k < n && matches!(lower(k), "is" | "was" | "here" | "being") {
        k += 1;
    }
    if k < n && lower(k) == "that" {
        k += 1;
    } else if k + 1 < n && lower(k) == "to" && BELIEVING.contains(&lower(k + 1)) {
        k += 2;
        if k < n && lower(k) == "that" {
            k += 1;
        }
    } else if k == i + 1 {
        // "Common mistakes: X, Y" frames what follows its colon; "mistakes happen" frames
        // nothing.
        let colon = tokens.get(k).is_some_and(|next| {
            text.get(tokens[i].span.end..next.span.start)
                .is_some_and(|between| between.contains(':'))
        });
        if !colon {
            return None;
        }
    }
    (k < n && tokens[k].sentence <= tokens[i].sentence + 1).then_some(k)
}

/// "Non-fixes: X, Y", "Wrong moves: X": where X begins, for a heading of [`WRONG_HEADINGS`]
/// opening its sentence at `i` and ending in a colon.
fn framed_by_heading<'a>(
    tokens: &[Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> Option<usize> {
    near_sentence_start(tokens, i, 0)?;
    let n = tokens.len();
    let len = WRONG_HEADINGS
        .iter()
        .filter(|h| i + h.len() < n && h.iter().enumerate().all(|(d, w)| lower(i + d) == *w))
        .map(|h| h.len())
        .max()?;
    let (last, next) = (&tokens[i + len - 1], &tokens[i + len]);
    let colon = text
        .get(last.span.end..next.span.start)
        .is_some_and(|between| between.trim() == ":");
    (colon && next.sentence <= last.sentence + 1).then_some(i + len)
}

/// The start of token `i`'s sentence, if it is at most `within` tokens before `i` (looked for no
/// further, so a long sentence costs nothing).
fn near_sentence_start(tokens: &[Token], i: usize, within: usize) -> Option<usize> {
    let sentence = tokens[i].sentence;
    let mut first = i;
    while first > 0 && tokens[first - 1].sentence == sentence {
        if i - first == within {
            return None;
        }
        first -= 1;
    }
    Some(first)
}

/// "People (often) think (that) X", "Many (engineers) assume X": where X begins, for the verb of
/// belief at `i`.
fn framed_by_believer<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> Option<usize> {
    let first = near_sentence_start(tokens, i, 5)?;
    // A believer within the three words before the verb, at the start of the sentence: "people
    // often think", "many engineers still assume", "a lot of people think".
    let from = i.saturating_sub(3).max(first);
    if !(from..i).any(|k| BELIEVERS.contains(&lower(k))) {
        return None;
    }
    let n = tokens.len();
    let mut k = i + 1;
    if k < n && lower(k) == "that" {
        k += 1;
    }
    (k < n && tokens[k].sentence == tokens[i].sentence).then_some(k)
}

/// The object of a dismissal, up to the end of its clause or an "and"/"or" ("skip that *and*
/// Jaeger shows a trace per hop" is a consequence, not a second dismissal).
fn deny_dismissed<'a>(
    tokens: &mut [Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) {
    // A dismissal rules out a list: "skip the enforce, warn and audit modes and the …".
    let last_word = tokens[i].word + LIST_SCOPE_WORDS;
    let sentence = tokens[i].sentence;
    let mut clause = tokens[i].clause;
    let mut j = i + 1;
    while j < tokens.len() && tokens[j].sentence == sentence && tokens[j].word <= last_word {
        if tokens[j].clause != clause {
            // "You can skip several minor versions, *that's fine*": a clause of its own.
            if !tokens[j].after_comma
                || opens_new_subject(tokens, lower, j)
                || has_finite_verb(tokens, lower, j)
            {
                break;
            }
            clause = tokens[j].clause;
        }
        let w = lower(j);
        if is_scope_terminator(w)
            || matches!(w, "and" | "or")
                && (j + 1 < tokens.len() && is_imperative(lower(j + 1))
                    || verb_follows(tokens, lower, j))
        {
            break;
        }
        j += 1;
    }
    // "Skip injection for pods *that don't need* the mesh", "skip objects *it doesn't care
    // about*": an object narrowed by a negated relative clause is a selection, not a dismissal.
    if (i + 1..j)
        .any(|k| could_be_cue(lower(k)) && relative_clause(tokens, text, lower, k, lower(k)))
    {
        return;
    }
    for t in &mut tokens[i + 1..j] {
        negate(t, i, DenialRule::Dismissal);
    }
    deny_described(tokens, lower, i, DenialRule::Dismissal);
}

/// "BGP peering is *something you can forget about*", "locking it down is *something you don't
/// need*", "replaying logs is *something nobody ever does*": a cue or dismissal with no object
/// of its own, in a clause describing "something" after a copula, judges the copula's subject.
fn deny_described<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
    rule: DenialRule,
) {
    let clause = tokens[cue].clause;
    let pronoun = if matches!(lower(cue), "nobody" | "no-one" | "noone") {
        cue
    } else {
        let mut k = cue;
        while k > 0
            && tokens[k - 1].clause == clause
            && (is_auxiliary(lower(k - 1)) || ADVERBS.contains(&lower(k - 1)))
        {
            k -= 1;
        }
        if k == 0
            || tokens[k - 1].clause != clause
            || !matches!(
                lower(k - 1),
                "i" | "you" | "we" | "i'd" | "we'd" | "you'd" | "people" | "nobody"
            )
        {
            return;
        }
        k - 1
    };
    let Some(copula) = described_by(tokens, lower, pronoun) else {
        return;
    };
    // No object: at most the verb itself after the cue ("don't *need* for this").
    let content_after = (cue + 1..tokens.len())
        .take_while(|&k| tokens[k].clause == clause)
        .filter(|&k| !tokens[k].function_word && !ADVERBS.contains(&lower(k)))
        .count();
    // "A PDB is something you can't drain *without*": a requirement.
    if (cue + 1..tokens.len())
        .take_while(|&k| tokens[k].clause == clause)
        .any(|k| lower(k) == "without")
    {
        return;
    }
    let verb_cue = DISMISSALS.contains(&lower(cue)) || lower(cue) == "nobody";
    // "something *nobody* ever reads": "nobody" is the subject, and a verb of neglect may
    // follow it ("something nobody enjoys" is no verdict on its use).
    let neglected = lower(cue) == "nobody"
        && (cue + 1..tokens.len())
            .take_while(|&k| tokens[k].clause == clause)
            .find(|&k| !ADVERBS.contains(&lower(k)))
            .is_some_and(|k| {
                matches!(
                    lower(k),
                    "reads"
                        | "uses"
                        | "checks"
                        | "maintains"
                        | "touches"
                        | "tunes"
                        | "configures"
                        | "needs"
                        | "sets"
                        | "calls"
                        | "runs"
                        | "monitors"
                        | "watches"
                        | "looks"
                        | "updates"
                        | "cares"
                        | "opens"
                )
            });
    let allowed = usize::from(!verb_cue) + usize::from(neglected);
    if content_after <= allowed {
        deny_subject(tokens, lower, copula, rule, false, false);
    }
}

/// Whether the clause starting at `start` follows a comma-separated list of at least three items
/// in its sentence ("The Sidecar resource, telemetry tuning, ambient mode, *I wouldn't …*").
fn after_list(tokens: &[Token], start: usize) -> bool {
    let sentence = tokens[start].sentence;
    (0..start)
        .rev()
        .take_while(|&k| tokens[k].sentence == sentence)
        .filter(|&k| tokens[k + 1].after_comma && tokens[k + 1].clause != tokens[k].clause)
        .count()
        >= 2
        && tokens[start].after_comma
}

/// "NAT gateways only matter on-prem, *not here*": a relevance restricted elsewhere, then
/// "not here" (or "not in this case"), denies the subject of the restricted clause.
fn deny_restricted<'a>(tokens: &mut [Token], lower: &impl Fn(usize) -> &'a str, cue: usize) {
    let here = |k: usize| k < tokens.len() && tokens[k].sentence == tokens[cue].sentence;
    let restricted_here = lower(cue) == "not"
        && here(cue + 1)
        && (lower(cue + 1) == "here"
            || here(cue + 3)
                && matches!(lower(cue + 1), "in" | "for")
                && matches!(lower(cue + 2), "this" | "our" | "your")
                && matches!(lower(cue + 3), "case" | "cluster" | "scenario" | "one")
            // "…, not for this", "…, not for us"
            || matches!(lower(cue + 1), "for")
                && here(cue + 2)
                && matches!(lower(cue + 2), "this" | "us" | "you" | "me")
                && !here(cue + 3)
            // "…, not a simple backup", "…, not in a three-node cluster": a situation like
            // this one, named by its kind
            || situation_after(tokens, lower, cue));
    if !restricted_here || cue == 0 || !tokens[cue].after_comma {
        return;
    }
    let sentence = tokens[cue].sentence;
    let only = (cue.saturating_sub(CLAUSE_REACH)..cue)
        .rev()
        .take_while(|&k| tokens[k].sentence == sentence)
        .find(|&k| {
            lower(k) == "only"
                && k + 1 < cue
                && matches!(
                    lower(k + 1),
                    "matter" | "matters" | "apply" | "applies" | "helps" | "help" | "relevant"
                )
        });
    if let Some(only) = only {
        deny_subject(tokens, lower, only, DenialRule::Subject, false, false);
    }
}

/// Whether "not" at `cue` is followed, to the end of its sentence, by a situation named by its
/// kind: "(in/for/on) a/an/our … cluster|setup|backup|app|service|team|project|workload|job".
fn situation_after<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, cue: usize) -> bool {
    const KINDS: &[&str] = &[
        "cluster",
        "clusters",
        "setup",
        "backup",
        "app",
        "apps",
        "service",
        "team",
        "teams",
        "project",
        "workload",
        "job",
        "startup",
        "company",
        "shop",
        "environment",
    ];
    // The sentence must end within a few words (looked for no further, so a huge run-on
    // sentence costs no more per "not").
    let sentence = tokens[cue].sentence;
    let reach = tokens.len().min(cue + 8);
    let Some(end) =
        (cue + 1..=reach).find(|&k| k == tokens.len() || tokens[k].sentence != sentence)
    else {
        return false;
    };
    let mut k = cue + 1;
    if k < end && matches!(lower(k), "in" | "for" | "on") {
        k += 1;
    }
    if k >= end || !matches!(lower(k), "a" | "an" | "our" | "my" | "your") {
        return false;
    }
    end - k <= 5 && KINDS.contains(&lower(end - 1))
}

/// "X is *something* (that) *you* …", "X is *a thing nobody* …": when the pronoun at `pronoun`
/// opens a clause describing "something" after a copula, the copula's position; the clause's
/// verdict is a verdict on X.
fn described_by<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    pronoun: usize,
) -> Option<usize> {
    let clause = tokens[pronoun].clause;
    let mut k = pronoun;
    if k > 0 && matches!(lower(k - 1), "that" | "which") {
        k -= 1;
    }
    // "something / a thing / a detail / a distinction I'd ignore"
    if k == 0
        || !matches!(
            lower(k - 1),
            "something"
                | "thing"
                | "anything"
                | "distinction"
                | "detail"
                | "nicety"
                | "luxury"
                | "knob"
                | "topic"
        )
    {
        return None;
    }
    k -= 1;
    if k > 0 && matches!(lower(k - 1), "a" | "one" | "the") {
        k -= 1;
    }
    (k > 0 && tokens[k - 1].clause == clause && is_copula(lower(k - 1))).then_some(k - 1)
}

/// Verbs that open an instruction of their own after "and": "forget the dashboard *and check*
/// the kubelet logs".
fn is_imperative(w: &str) -> bool {
    matches!(
        w,
        "check"
            | "look"
            | "use"
            | "run"
            | "set"
            | "add"
            | "restart"
            | "delete"
            | "go"
            | "fix"
            | "start"
            | "read"
            | "inspect"
            | "watch"
            | "scale"
            | "describe"
            | "get"
            | "just"
            | "then"
            | "focus"
            | "move"
            | "put"
            | "make"
            | "try"
            | "write"
            | "configure"
            | "enable"
            | "install"
            | "deploy"
            | "find"
            | "compare"
            | "open"
            | "grep"
            | "tail"
            | "verify"
            | "confirm"
            | "test"
            | "see"
            | "stop"
            | "skip"
            | "keep"
            | "wait"
            | "retry"
            | "abort"
            | "log"
            | "print"
            | "return"
            | "continue"
            | "fail"
            | "alert"
            | "page"
            | "drain"
            | "cordon"
            | "patch"
            | "edit"
            | "remove"
            | "apply"
            | "roll"
    )
}

/// Whether the words after the conjunction at `j` hold a verb of their own before the clause
/// ends: "skip that and Jaeger *shows* a trace" is a second clause, "forget NetworkPolicy and
/// the whole default-deny dance" is one list.
fn verb_follows<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    verb_ahead(tokens, lower, j, j + 1, is_scope_terminator, |w| {
        w == "still" || is_finite_verb(w)
    })
}

/// Whether a token from `from` up to `j + 8`, in the clause of token `j` and before a word that
/// `stop` accepts, is a verb by `is_verb`.
fn verb_ahead<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    j: usize,
    from: usize,
    stop: impl Fn(&str) -> bool,
    is_verb: impl Fn(&str) -> bool,
) -> bool {
    let clause = tokens[j].clause;
    (from..tokens.len().min(j + 8))
        .take_while(|&k| tokens[k].clause == clause && !stop(lower(k)))
        .any(|k| is_verb(lower(k)))
}

/// Whether the clause at `j` opens with an instruction: an imperative verb and its object ("do
/// not restart the pod, *check the* exit code").
fn opens_instruction<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    is_imperative(lower(j))
        && j + 1 < tokens.len()
        && tokens[j + 1].clause == tokens[j].clause
        && matches!(
            lower(j + 1),
            "the" | "a" | "an" | "your" | "its" | "their" | "that"
        )
}

/// Whether `w` is a finite verb for these rules: a copula, auxiliary or modal, a negated verb,
/// a pronoun's contracted "is" ("that's"), or a common verb in the third person or the past
/// tense that marks a clause of its own ("…, and Kafka *holds* the buffer", "a 500 with no flag
/// *came* from the app"). Forms that are as often plural nouns in technical prose ("checks",
/// "restarts", "mounts", "writes", "updates") are left out: reading a list item as a clause would
/// end a denial early.
fn is_finite_verb(w: &str) -> bool {
    is_auxiliary(w)
        || w.ends_with("n't")
        || matches!(
            w,
            "that's" | "there's" | "here's" | "what's" | "he's" | "she's"
        )
        || matches!(
            w,
            "gets"
                | "keeps"
                | "shows"
                | "sees"
                | "sends"
                | "takes"
                | "makes"
                | "gives"
                | "tells"
                | "runs"
                | "works"
                | "needs"
                | "handles"
                | "returns"
                | "happens"
                | "means"
                | "fails"
                | "goes"
                | "comes"
                | "stays"
                | "lets"
                | "puts"
                | "holds"
                | "uses"
                | "creates"
                | "adds"
                | "removes"
                | "deletes"
                | "requires"
                | "contains"
                | "includes"
                | "provides"
                | "manages"
                | "applies"
                | "selects"
                | "evicts"
                | "kills"
                | "becomes"
                | "accepts"
                | "rejects"
                | "allows"
                | "knows"
                | "owns"
                | "serves"
                | "waits"
                | "fires"
                | "prevents"
                | "ensures"
                | "tries"
                | "terminates"
                | "listens"
                | "assigns"
                | "allocates"
                | "resolves"
                | "rewrites"
                | "injects"
                | "intercepts"
                | "scrapes"
                | "came"
                | "went"
                | "got"
                | "took"
                | "sent"
                | "kept"
                | "held"
                | "ran"
                | "made"
                | "saw"
                | "gave"
                | "told"
                | "found"
                | "wrote"
                | "knew"
                | "lost"
                | "became"
                | "began"
                | "broke"
                | "brought"
                | "chose"
                | "fell"
                | "left"
                | "meant"
        )
}

/// Whether the clause that token `j` opens holds a finite verb of its own (within eight tokens,
/// before any "and"/"or"): "…, *load balancing happens* per connection" is a clause, not another
/// item of a list; "…, readiness probe or PDB *is* required" closes the list.
fn has_finite_verb<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    verb_ahead(tokens, lower, j, j, is_coordinator, is_finite_verb)
}

fn is_coordinator(w: &str) -> bool {
    matches!(w, "and" | "or" | "nor")
}

fn is_gerund(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && !matches!(
            w,
            "nothing" | "something" | "anything" | "everything" | "during" | "morning" | "string"
        )
}

/// "without losing anything, *keeping* extra fields in annotations": after a scope that is an
/// action (a gerund and its object), an item opening with another gerund is a participle clause
/// of its own, unless it closes a list of actions ("…, cordoning it or deleting pods").
fn participle_clause<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
    j: usize,
) -> bool {
    let clause = tokens[j].clause;
    let action = is_gerund(lower(start))
        && start + 1 < tokens.len()
        && tokens[start + 1].clause == tokens[start].clause;
    action
        && is_gerund(lower(j))
        && !(j..tokens.len())
            .take_while(|&k| tokens[k].clause == clause)
            .any(|k| is_coordinator(lower(k)))
}

/// "nodes without a pod *fail* the health check": a word between two content words, just
/// before a determiner, is a verb, and ends the noun phrase a "without" or "rather than" opened.
fn verb_between_nouns<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    let content = |k: usize| tokens[k].kind == super::TokenKind::Word && !tokens[k].function_word;
    j > 0
        && j + 1 < tokens.len()
        && tokens[j - 1].clause == tokens[j].clause
        && tokens[j + 1].clause == tokens[j].clause
        && content(j - 1)
        && content(j)
        && matches!(lower(j + 1), "the" | "a" | "an")
}

/// Whether the possibility verdict of `len` words at `i` goes on to say what is impossible:
/// "a safe drain is impossible *without* a PDB", "it is impossible *to* see the crash", "makes
/// a clean handover possible", "the risk is only theoretical *unless* …" — the words before it
/// are not what it dismisses; nor is what something "makes sure cannot happen". Nor does a
/// verdict that goes on to its cause: "the HPA does nothing *because* metrics-server is down"
/// reports a symptom, where "tuning it does nothing" judges.
fn verdict_goes_on<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    len: usize,
) -> bool {
    if len == 2 && lower(i) == "does" && lower(i + 1) == "nothing" {
        let next = i + 2;
        return next < tokens.len()
            && tokens[next].sentence == tokens[i].sentence
            && matches!(
                lower(next),
                "because"
                    | "since"
                    | "until"
                    | "unless"
                    | "when"
                    | "while"
                    | "if"
                    | "without"
                    | "as"
            );
    }
    let last = lower(i + len - 1);
    if last == "happen" {
        // "Fencing makes sure a double attach cannot happen": what is prevented is the object
        // of a claim, which the verdict does not dismiss.
        let clause = tokens[i].clause;
        return (clause_start(tokens, i)..i).any(|k| {
            tokens[k].clause == clause
                && matches!(
                    lower(k),
                    "sure"
                        | "ensure"
                        | "ensures"
                        | "ensuring"
                        | "guarantee"
                        | "guarantees"
                        | "guaranteeing"
                        | "that"
                        | "prevent"
                        | "prevents"
                        | "because"
                )
        });
    }
    if last != "impossible"
        && last != "possible"
        && !(i..i + len).any(|k| lower(k) == "theoretical")
    {
        return false;
    }
    let clause = tokens[i].clause;
    let next = i + len;
    next < tokens.len()
        && (tokens[next].clause == clause && matches!(lower(next), "to" | "for" | "without")
            || tokens[next].sentence == tokens[i].sentence
                && matches!(lower(next), "unless" | "if" | "once" | "until" | "when"))
        || i > 0 && tokens[i - 1].clause == clause && matches!(lower(i - 1), "it" | "that")
}

/// Verbs that dismiss their object when used as advice: "forget X", "skip X", "I'd ignore X".
const DISMISSALS: &[&str] = &[
    "forget",
    "ignore",
    "skip",
    "ditch",
    "disregard",
    "dismiss",
    "scrap",
    // only with "alone" or "out" ahead: "leave the readiness probe alone"
    "leave",
];

/// What a word can be to [`mark`]: nothing, only the first word of a verdict, or any cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum CueKind {
    #[default]
    None,
    VerdictOnly,
    Full,
}

pub(crate) fn cue_kind(w: &str) -> CueKind {
    static KINDS: OnceLock<FxHashMap<&'static str, CueKind>> = OnceLock::new();
    if w.ends_with("n't") {
        return CueKind::Full;
    }
    let kinds = KINDS.get_or_init(|| {
        let mut map: FxHashMap<&'static str, CueKind> = VERDICTS
            .iter()
            .map(|v| (v[0], CueKind::VerdictOnly))
            .collect();
        // The negation triggers, the alternatives, the dismissals and the frames of a belief
        // are full cues: one lookup per word decides.
        let full = ["instead", "rather", "opposed", "non", "none", "over"]
            .into_iter()
            .chain(DISMISSALS.iter().copied())
            .chain(super::lexicon::NEGATION_TRIGGERS.iter().copied())
            .chain(FRAMING_NOUNS.iter().chain(BELIEVING).copied())
            .chain(WRONG_HEADINGS.iter().map(|h| h[0]));
        for w in full {
            map.insert(w, CueKind::Full);
        }
        map
    });
    kinds.get(w).copied().unwrap_or(CueKind::None)
}

fn could_be_cue(w: &str) -> bool {
    cue_kind(w) != CueKind::None
}

/// For each token, whether it sits in a conditional clause ("if you don't set requests, …"),
/// computed in one pass: a conditional word opens it, the end of the clause closes it. A
/// conjunction with no punctuation before it continues the condition ("if the traces show time
/// inside one service *but no* child spans, …"). A sentence that opens with a condition of time
/// ("while the finalizers list is not empty", "until", "as long as") is conditional too. The
/// clause after a condition is not: what it denies is the claim itself ("if switch Y is open,
/// bulb A does *not* light"; "…, --previous won't help").
fn conditional_clauses<'a>(
    tokens: &[Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut open: Option<u32> = None;
    let mut otherwise: Option<u32> = None;
    for (i, t) in tokens.iter().enumerate() {
        if let Some(c) = open.filter(|&c| c != t.clause) {
            let continued = i > 0
                && tokens[i - 1].clause == c
                && tokens[i - 1].sentence == t.sentence
                && text
                    .get(tokens[i - 1].span.end..t.span.start)
                    .is_some_and(|gap| gap.chars().all(char::is_whitespace));
            open = continued.then_some(t.clause);
        }
        if otherwise.is_some_and(|s| s != t.sentence) {
            otherwise = None;
        }
        if i == 0 || tokens[i - 1].sentence != t.sentence {
            let as_long_as = lower(i) == "as"
                && i + 2 < tokens.len()
                && lower(i + 1) == "long"
                && lower(i + 2) == "as";
            if matches!(lower(i), "while" | "until") || as_long_as {
                open = Some(t.clause);
            }
        }
        out[i] = open.is_some() || otherwise.is_some();
        match lower(i) {
            "if" | "unless" | "whenever" => open = Some(t.clause),
            // A counterfactual reaches the end of its sentence.
            "otherwise" => otherwise = Some(t.sentence),
            _ => {}
        }
    }
    out
}

fn forward_scope<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    w: &str,
    scope_start: usize,
) {
    let n = tokens.len();
    let verb = first_content(tokens, lower, scope_start);
    // "It can't be a short spike", "it cannot be the cause": an inability of *being* something
    // denies that thing; "can't be reached" still describes a failure.
    let is_not_a = scope_start + 1 < n
        && lower(scope_start) == "be"
        && matches!(
            lower(scope_start + 1),
            "a" | "an" | "the" | "that" | "this" | "due" | "caused" | "related" | "because" | "it"
        );
    let no_way_to = w == "no"
        && scope_start + 1 < n
        && lower(scope_start) == "way"
        && matches!(lower(scope_start + 1), "to" | "of");
    // "I wouldn't look at X, Y or Z", "we would not register an APIService": the speaker's own
    // advice against doing something rules out what follows, across a list; it describes no
    // failure.
    let advice = speaker_advice(tokens, lower, i, w);
    // "only when it *hasn't been refreshed* for a lease period": a negated verb in a clause of
    // time describes an event, like a failure.
    let event = w.ends_with("n't") && in_clause_of_time(tokens, lower, i);
    if let Some(v) =
        verb.filter(|&v| !is_not_a && !advice && (no_way_to || event || narrows(w, lower(v))))
    {
        // "is not bound *until* a pod is scheduled", "doesn't start until the init containers
        // finish": a condition in time, not a denial; nothing is negated.
        if (v + 1..tokens.len().min(v + 3)).any(|k| lower(k) == "until") {
            return;
        }
        // "can't reach CoreDNS", "isn't removed immediately", "doesn't wait for the endpoints":
        // these describe what fails; only the verb is negated, not the things named around it.
        deny_through(tokens, i, scope_start, v);
    } else if w == "non" {
        // non-root, non-privileged: only the rest of the word.
        let word = tokens[i].word;
        let mut j = scope_start;
        while j < n && tokens[j].word == word {
            negate(&mut tokens[j], i, DenialRule::Cue);
            j += 1;
        }
    } else {
        // "no PDB, readiness probe or preStop hook": list-style cues reach across commas. So do
        // "don't use / need / set …": advice against a list of things.
        // "never" lists only as advice ("never use X, Y or Z"); "never got to unplug it, and …"
        // describes what happened.
        let lists = matches!(w, "no" | "nothing" | "neither" | "nor" | "none")
            // "HTTPS backend without the annotation, idle timeouts, …": a "without" inside a
            // list item describes that item's noun and stays in it.
            || w == "without" && !item_modifier(tokens, lower, i)
            || advice
            // "never a reason to look at X or Y", "never any point in X, Y or Z"
            || w == "never" && relevance_predicate_after(tokens, lower, i)
            || verb.is_some_and(|v| is_advice_verb(lower(v)));
        // "Did not mention X, Y or Z", "never explained X, Y or Z": an interviewer's note of
        // what was left out covers the whole list.
        let reporting = verb.is_some_and(|v| is_reporting_verb(lower(v)));
        let lists = lists || reporting;
        let rule = if lists {
            DenialRule::List
        } else {
            DenialRule::Cue
        };
        // "No space to push", "no free slot to insert into": what is missing is the room, not
        // the operation it would be for, which the answer names as the case it describes.
        if let Some(noun) = missing_room(tokens, lower, i, scope_start) {
            for t in &mut tokens[scope_start..=noun] {
                negate(t, i, rule);
            }
            return;
        }
        // "Rather than chasing upstream errors in the nginx logs or comparing targetPorts, …":
        // an alternative runs to the end of its clause.
        let alternative = matches!(w, "instead" | "rather" | "opposed" | "over");
        let reach = if reporting {
            Reach::Report
        } else if lists || alternative {
            Reach::List
        } else {
            Reach::Clause
        };
        deny_forward(tokens, lower, i, scope_start, rule, reach);
        // "I wouldn't bother with any of that": the scope names nothing but points back, so
        // what it points at — the clause before — is denied.
        if anaphoric_scope(tokens, lower, scope_start) {
            deny_subject(tokens, lower, i, rule, true, false);
        }
    }
}

/// For "no" at `cue`, the room or capacity noun it denies when an infinitive of what the room
/// would be for follows it ("no (more) space to push", "no free slot to insert into", "no items
/// to pop"): only that noun is denied. Nouns of need or reason ("no need to restart", "no reason
/// to use X") are not room, and deny the infinitive too.
fn missing_room<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
    start: usize,
) -> Option<usize> {
    const ROOM: &[&str] = &[
        "space",
        "room",
        "memory",
        "capacity",
        "slot",
        "slots",
        "item",
        "items",
        "element",
        "elements",
        "entry",
        "entries",
        "data",
        "value",
        "values",
        "node",
        "nodes",
        "storage",
        "cell",
        "cells",
        "position",
        "positions",
    ];
    const SIZE: &[&str] = &[
        "more",
        "free",
        "empty",
        "available",
        "spare",
        "extra",
        "further",
    ];
    if lower(cue) != "no" {
        return None;
    }
    let n = tokens.len();
    let mut j = start;
    while j < n && j < start + 2 && SIZE.contains(&lower(j)) {
        j += 1;
    }
    let same = |k: usize| k < n && tokens[k].clause == tokens[cue].clause;
    (same(j) && ROOM.contains(&lower(j)) && same(j + 1) && lower(j + 1) == "to").then_some(j)
}

/// Whether the clause of the cue at `i` opens with an indefinite subject ("some service",
/// "something", "one of the pods") no more than four tokens before it.
fn indefinite_subject<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    // Looks back at most four tokens (never to the start of a long clause: this runs for every
    // cue, and a clause may be the whole answer).
    let clause = tokens[i].clause;
    (i.saturating_sub(4)..i)
        .find(|&k| tokens[k].clause == clause && (k == 0 || tokens[k - 1].clause != clause))
        .is_some_and(|start| {
            matches!(
                lower(start),
                "some" | "something" | "someone" | "somebody" | "somewhere"
            )
        })
}

/// Whether "when", "whenever" or "once" stands up to three words before the cue, in its clause.
fn in_clause_of_time<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    (i.saturating_sub(3)..i)
        .filter(|&k| tokens[k].clause == tokens[i].clause)
        .any(|k| matches!(lower(k), "when" | "whenever" | "once"))
}

/// Whether the cue at `i` is the last word of its clause ("a consumer with no partition does
/// *nothing* — and add …"): its scope, at `start`, would lie past the break. An opening quote is
/// no such break ("has no \"last updated\" timestamp").
fn ends_clause(tokens: &[Token], text: &str, i: usize, start: usize) -> bool {
    start == i + 1
        && tokens
            .get(start)
            .is_some_and(|t| t.clause != tokens[i].clause && t.sentence == tokens[i].sentence)
        && !text
            .get(tokens[i].span.end..tokens[start].span.start)
            .is_some_and(|gap| gap.contains(['"', '\u{201c}', '\'', '`']))
}

/// Denies the words from `start` through the word of token `verb`: the cue negates only its verb.
fn deny_through(tokens: &mut [Token], cue: usize, start: usize, verb: usize) {
    let word = tokens[verb].word;
    for t in tokens[start..].iter_mut().take_while(|t| t.word <= word) {
        negate(t, cue, DenialRule::Cue);
    }
}

/// Whether the cue at `i` negates a relative clause that describes a noun: "pods *that don't*
/// need the mesh", "plugins *it doesn't* need", "code *we don't* trust". Only verbal cues; not
/// after a verb of saying or thinking ("I think *that doesn't* help", "I guess *we don't* need
/// it"), nor after an adverb or a preposition's object ("in practice *we don't* use it").
fn relative_clause<'a>(
    tokens: &[Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    w: &str,
) -> bool {
    let verbal = w.ends_with("n't")
        || matches!(
            w,
            "not" | "never" | "cannot" | "lack" | "lacks" | "dont" | "doesnt"
        );
    if !verbal || i < 2 {
        return false;
    }
    let clause = tokens[i].clause;
    let (noun, marker) = (i - 2, i - 1);
    if tokens[noun].clause != clause || tokens[noun].kind != super::TokenKind::Word {
        return false;
    }
    // "caBundle: you don't need any of it": a setting name's colon, not a relative clause.
    if text
        .get(tokens[noun].span.end..tokens[marker].span.start)
        .is_some_and(|between| !between.trim().is_empty())
    {
        return false;
    }
    let n = lower(noun);
    let is_noun = (!tokens[noun].function_word
        || matches!(n, "anything" | "something" | "everything"))
        && !n.ends_with("ly")
        && !matches!(
            n,
            "think"
                | "thinks"
                | "say"
                | "says"
                | "said"
                | "know"
                | "knows"
                | "believe"
                | "guess"
                | "mean"
                | "means"
                | "sure"
                | "hope"
                | "assume"
                | "suppose"
                | "feel"
                | "agree"
                | "found"
                | "noticed"
        );
    let after_preposition = noun > 0
        && tokens[noun - 1].clause == clause
        && matches!(
            lower(noun - 1),
            "in" | "on" | "at" | "for" | "by" | "with" | "during" | "after" | "before"
        );
    is_noun
        && match lower(marker) {
            "that" | "who" => true,
            "it" | "we" | "you" | "they" => !after_preposition,
            _ => false,
        }
}

/// Whether the "without" at `i` stands inside a comma-separated item after the noun it
/// describes ("…, HTTPS backend *without* the annotation, …", "With Local, nodes *without* a pod
/// fail the check").
fn item_modifier<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    tokens[clause_start(tokens, i)].after_comma && has_content_before(tokens, lower, i)
}

/// Whether the list-style cue at `cue` opens an item of a list whose items each carry the same
/// cue ("no routing on headers, *no* per-request retries, …"): every item then has its own
/// cue, and none reaches into the next.
fn parallel_item<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, cue: usize) -> bool {
    let start = clause_start(tokens, cue);
    start == cue
        && tokens[cue].after_comma
        && cue > 0
        && lower(clause_start(tokens, cue - 1)) == lower(cue)
}

/// Whether the single-word verdict at `i` is an adjective before its noun ("by disabling
/// *unneeded* scoring plugins"): it describes what is removed and judges nothing.
fn attributive<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    len: usize,
) -> bool {
    let clause = tokens[i].clause;
    let noun_after = tokens.get(i + 1).is_some_and(|t| {
        t.clause == clause && t.kind == super::TokenKind::Word && !t.function_word
    });
    let copula_before = i > 0 && tokens[i - 1].clause == clause && is_copula(lower(i - 1));
    len == 1 && noun_after && !copula_before
}

/// Whether the cue at `i` negates the speaker's (or listener's) own choice: "I wouldn't",
/// "we should not", "you'd never", or an imperative ("Don't look at X", "Do not use X"). An
/// inability ("I can't reach it") is a symptom, not advice.
fn speaker_advice<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    w: &str,
) -> bool {
    if matches!(
        w,
        "can't" | "cannot" | "cant" | "couldn't" | "couldnt" | "unable"
    ) {
        return false;
    }
    let clause = tokens[i].clause;
    let before = |k: usize| (i >= k && tokens[i - k].clause == clause).then(|| lower(i - k));
    let person = |p: &str| matches!(p, "i" | "we" | "you");
    match w {
        // "Don't look at …": an imperative opening its clause.
        "don't" | "dont" => before(1).is_none_or(person),
        // "I wouldn't", "we shouldn't", "you don't"
        _ if w.ends_with("n't") => before(1).is_some_and(person),
        // "I would not", "we should never", "I'd not", "I'd never", "Do not …"
        _ => match before(1) {
            Some("i'd" | "we'd" | "you'd") => true,
            Some("do") => before(2).is_none() && w == "not",
            Some("would" | "should" | "must" | "will") => before(2).is_some_and(person),
            _ => false,
        },
    }
}

/// Verbs whose "over" is a particle ("fail over", "take over", "hand over", "roll over"), not
/// the "Y over X" of a preference.
fn is_over_verb(w: &str) -> bool {
    matches!(
        w,
        "fail"
            | "fails"
            | "failed"
            | "failing"
            | "take"
            | "takes"
            | "took"
            | "taken"
            | "taking"
            | "hand"
            | "hands"
            | "handed"
            | "handing"
            | "roll"
            | "rolls"
            | "rolled"
            | "rolling"
            | "switch"
            | "switches"
            | "switched"
            | "switching"
            | "cut"
            | "cuts"
            | "cutting"
            | "carry"
            | "carries"
            | "carried"
            | "spill"
            | "spills"
            | "spilled"
            | "move"
            | "moves"
            | "moved"
            | "moving"
            | "flip"
            | "flips"
            | "flipped"
            | "fall"
            | "falls"
            | "fell"
    )
}

/// Words that end a forward denial, though not a subject's: a clause of time states when and
/// denies nothing in it ("no traffic arrives *before* the readiness probe passes"), and going
/// without something is itself a denial, so denying it asserts the thing ("never ship *without*
/// a readiness probe"). Before a cue they are part of the subject ("automatic renewal before
/// expiry is not something Istio does"). A clause of place or condition is no part of the denial
/// either: "the scheduler won't place a pod *where* the gap between zones would exceed one"
/// states the gap rule.
fn ends_forward_scope(w: &str) -> bool {
    matches!(
        w,
        "before" | "after" | "when" | "whenever" | "where" | "wherever" | "without"
    )
}

/// How far a forward scope reaches.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// To the end of the clause, up to [`SCOPE_WORDS`].
    Clause,
    /// Across the commas of a list, up to [`LIST_SCOPE_WORDS`].
    List,
    /// A note of what was left out ("did not mention X, Y, Z or W"): a list, up to
    /// [`REPORT_SCOPE_WORDS`].
    Report,
}

/// Denies the words from `start` on, to the end of the clause (across commas for lists), a
/// terminator, or the word limit of `reach`.
fn deny_forward<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
    start: usize,
    rule: DenialRule,
    reach: Reach,
) {
    let n = tokens.len();
    if start >= n {
        return;
    }
    let lists = reach != Reach::Clause;
    let last_word = tokens[cue].word
        + match reach {
            Reach::Clause => SCOPE_WORDS,
            Reach::List => LIST_SCOPE_WORDS,
            Reach::Report => REPORT_SCOPE_WORDS,
        };
    let sentence = tokens[cue].sentence;
    let mut clause = tokens[start.min(n - 1)].clause;
    // A cue inside a relative or subordinate clause ("a pod *where no* container asks for CPU
    // *is* BestEffort", "when nothing is queued KEDA *can* …") ends where the main clause's
    // verb begins.
    let embedded = (1..=2).any(|d| {
        cue >= d
            && tokens[cue - d].clause == tokens[cue].clause
            && matches!(
                lower(cue - d),
                "where" | "that" | "which" | "who" | "whose" | "when" | "whenever" | "once" | "if"
            )
    });
    let w = lower(cue);
    let alternative = matches!(w, "instead" | "rather" | "opposed" | "over");
    // "nodes without a pod fail …", "a timeout rather than a refusal tells me …": a "without"
    // or a mid-clause alternative denies a noun phrase, which ends at the next verb.
    // "a 500 *with no* response flag came from the app": so does "with no", a modifier of the
    // noun before it.
    let with_no = w == "no" && cue > 0 && lower(cue - 1) == "with";
    let noun_phrase =
        w == "without" || with_no || alternative && has_content_before(tokens, lower, cue);
    // "no routing on headers, no retries, …": each item has its own cue.
    let parallel = lists && parallel_item(tokens, lower, cue);
    let mut j = start;
    // Content words passed: the embedded clause's own subject and verb come first ("when no
    // container *has* requests"), the main verb only after them.
    let mut passed = 0;
    // Commas crossed into further items of a list.
    let mut items = 0;
    while j < n && tokens[j].sentence == sentence && tokens[j].word <= last_word {
        if embedded && passed >= 2 && is_main_verb(lower(j))
            || noun_phrase
                && j > start
                && (is_finite_verb(lower(j)) || verb_between_nouns(tokens, lower, j))
        {
            break;
        }
        if !tokens[j].function_word && !is_copula(lower(j)) {
            passed += 1;
        }
        // "…, VolumeAttachment objects, or the out-of-service taint": the last item of a list of
        // three or more, after a serial comma and with an article, not a new subject (no verb of
        // its own). After one item ("nothing restarts, and the container shares …") it is one.
        let last_item = lists
            && items >= 1
            && matches!(lower(j), "and" | "or")
            && j + 2 < n
            && matches!(lower(j + 1), "the" | "a" | "an" | "any" | "your" | "our")
            && !verb_ahead(tokens, lower, j, j + 2, |_| false, is_finite_verb);
        if tokens[j].clause != clause {
            // A list continues across a comma; a new clause ("…, and Kubernetes still has it",
            // "…, load balancing happens per connection") does not, nor does the main clause
            // after a subordinate one ("once you're sure nothing needs it, edit the object"),
            // nor the next item of a list whose items carry their own cue.
            if !(lists && tokens[j].after_comma)
                || alternative && !alternative_list_item(tokens, lower, j)
                || parallel
                || lower(j) == w
                || opens_new_subject(tokens, lower, j) && !last_item
                || has_finite_verb(tokens, lower, j)
                || opens_instruction(tokens, lower, j)
                || participle_clause(tokens, lower, start, j)
                || subordinate(tokens, lower, cue)
            {
                break;
            }
            clause = tokens[j].clause;
            items += 1;
        }
        if is_scope_terminator(lower(j))
            || ends_forward_scope(lower(j))
            || starts_new_clause(lower, j, n)
            // "no SNAT is needed *and the pod sees* …": a new subject with its own verb.
            || lists && lower(j) == "and" && verb_follows(tokens, lower, j)
        {
            break;
        }
        negate(&mut tokens[j], cue, rule);
        j += 1;
    }
}

/// "Rather than chasing the CIDR settings, *the CNI IPAM or ipFamilyPolicy*, just disable
/// IPv6": after an alternative, a short segment without a verb that another segment follows is
/// the next item of what the alternative rules out, not the clause it prefers.
fn alternative_list_item<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    mut j: usize,
) -> bool {
    // A list closes with "or" / "and" in its last item ("X, Y or Z"); until then each item is
    // followed by another. Items are looked at one after another, a few at most.
    for _ in 0..ALTERNATIVE_LIST_ITEMS {
        let (sentence, clause) = (tokens[j].sentence, tokens[j].clause);
        let end = (j..tokens.len())
            .find(|&k| tokens[k].clause != clause || tokens[k].sentence != sentence)
            .unwrap_or(tokens.len());
        let item = end < tokens.len()
            && tokens[end].sentence == sentence
            && tokens[end].after_comma
            && tokens[end - 1].word - tokens[j].word < 6
            && !has_finite_verb(tokens, lower, j)
            && !is_imperative(lower(j))
            && !matches!(
                lower(j),
                "just" | "simply" | "then" | "so" | "first" | "i" | "we" | "you" | "which" | "that"
            );
        if !item {
            return false;
        }
        if (j..end).any(|k| is_coordinator(lower(k))) {
            return true;
        }
        j = end;
    }
    false
}

/// How many items after an alternative ("rather than X, Y, …") are looked at for the one that
/// closes the list.
const ALTERNATIVE_LIST_ITEMS: usize = 8;

/// A copula or auxiliary: after an embedded clause, the start of the main predicate.
fn is_main_verb(w: &str) -> bool {
    is_auxiliary(w) || w == "gets"
}

/// A copula, auxiliary or modal: the mark of a finite verb, which is all these rules need to
/// tell a new predicate from a list of nouns.
fn is_auxiliary(w: &str) -> bool {
    is_copula(w)
        || matches!(
            w,
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "may"
                | "might"
                | "does"
                | "do"
                | "did"
        )
}

/// Whether the clause of token `cue` opens with a subordinating word ("once", "when", "after"
/// …): its comma ends it, and what follows is the main clause.
fn subordinate<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, cue: usize) -> bool {
    matches!(
        lower(clause_start(tokens, cue)),
        "once"
            | "when"
            | "whenever"
            | "after"
            | "before"
            | "if"
            | "unless"
            | "until"
            | "as"
            | "because"
            | "since"
            | "with"
    )
}

/// Whether the clause at `j` (after a comma) starts with a conjunction and a new subject: "…,
/// and Kubernetes still has it", "…, but the kubelet …", "…, so it …".
fn opens_new_subject<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    if !matches!(lower(j), "and" | "but" | "so" | "or" | "then" | "while") {
        return false;
    }
    let Some(next) = tokens.get(j + 1) else {
        return false;
    };
    let w = lower(j + 1);
    // "…, and use the kms provider", "…, or switch to ambient mode": an instruction of its own.
    is_imperative(w)
        || is_subject_pronoun(w)
        || matches!(
            w,
            "the" | "a" | "an" | "kubernetes" | "k8s" | "our" | "your"
        )
        || next.kind == super::TokenKind::Word
            && !next.function_word
            && j + 2 < tokens.len()
            && (lower(j + 2) == "still" || is_finite_verb(lower(j + 2)))
}

/// Denies the subject of the clause that token `cue` judges: the words before it, back to the
/// start of the clause (or, when the clause holds nothing before the cue, the clause before a
/// colon or dash: "Retries: pointless"). With `list`, the subject may be a comma-separated list.
fn deny_subject<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
    rule: DenialRule,
    list: bool,
    relevance: bool,
) {
    let before = cue;
    // "You don't need …", "we don't care about …": the subject is the speaker or listener, not
    // a thing the answer could be credited for; what follows the cue is its scope.
    let mut k = cue;
    while k > 0 && tokens[k - 1].clause == tokens[cue].clause && ADVERBS.contains(&lower(k - 1)) {
        k -= 1;
    }
    if k > 0
        && tokens[k - 1].clause == tokens[cue].clause
        && matches!(
            lower(k - 1),
            "i" | "you" | "we" | "one" | "people" | "nobody"
        )
    {
        return;
    }
    let sentence = tokens[cue].sentence;
    let mut clause = tokens[cue].clause;
    let first_word = tokens[cue].word.saturating_sub(SUBJECT_WORDS);
    // "Prometheus, the adapter, *all of that* has no effect": a quantified pointer that opens
    // the clause after a list is the list itself, which the walk below borrows.
    let quantified = quantifies_list(tokens, lower, clause_start(tokens, cue), cue);
    // "…; *it* has nothing to do with the count": a pronoun is the subject, and what it points
    // at is for `deny_antecedent` to judge; the clause before is not borrowed.
    let pronoun = !quantified
        && (clause_start(tokens, cue)..cue).any(|k| {
            matches!(
                lower(k),
                "it" | "this" | "that" | "they" | "these" | "those"
            )
        });
    // A cue that points back ("none of that", "any of it") judges a whole list.
    let mut extended = list || quantified;
    // Whether the walk has already left the cue's clause: only an empty clause borrows across a
    // colon or dash, and only once.
    let mut crossed = false;
    let mut j = before;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.sentence != sentence || t.word < first_word {
            break;
        }
        if t.clause != clause {
            // An empty clause borrows its subject from the one before a colon or dash ("Retries:
            // pointless"); a subject that is a list reaches back over its short, comma-separated
            // items ("Per-pod records, client-side balancing, stale caches: none of that
            // matters"). Anything longer before a comma is a clause of its own.
            // "…; there is no need to restart pods": an existential clause judges what follows
            // it, never the clause before.
            let existential = (j + 1..before).any(|k| matches!(lower(k), "there" | "there's"));
            let empty = !existential && !has_content_between(tokens, lower, j + 1, before);
            let borrowed = if tokens[j + 1].after_comma {
                short_segment(tokens, j)
                    && (empty
                        || extended
                        || list_subject(lower, j + 1, before)
                        || leading_modifier(tokens, j))
            } else {
                empty && !crossed
            };
            // "*Without quorum*, writes cannot happen": a condition is not the subject.
            let condition = matches!(
                lower(clause_start(tokens, j)),
                "without" | "if" | "unless" | "when" | "once"
            );
            if !borrowed || pronoun || condition {
                break;
            }
            extended = true;
            crossed = true;
            clause = t.clause;
        }
        if is_scope_terminator(lower(j)) || matches!(lower(j), "if" | "unless") {
            break;
        }
        // "It is as secure as a KMS *and* never needs rotation": the cue judges a second
        // predicate of the same subject, not what the first predicate says. A verdict on
        // relevance is the exception: "Error budgets are a management concept *and have
        // nothing to do with* alerting" judges the subject the two predicates share.
        if matches!(lower(j), "and" | "or")
            && predicate_before(tokens, lower, j)
            && !(relevance
                && bare_predicate(lower, j + 1, before)
                && judges_relevance(lower, before, tokens.len()))
        {
            break;
        }
        negate(&mut tokens[j], cue, rule);
    }
}

/// "The last thing I'd look at": a verdict that ranks what comes before it last; put first
/// ("the last thing I'd check is the lease") it orders steps and dismisses nothing.
fn ranks_last<'a>(lower: &impl Fn(usize) -> &'a str, i: usize, len: usize) -> bool {
    lower(i) == "the"
        && lower(i + 1) == "last"
        && matches!(
            lower(i + len - 1),
            "look"
                | "check"
                | "suspect"
                | "blame"
                | "touch"
                | "worry"
                | "think"
                | "care"
                | "bother"
                | "consider"
                | "spend"
        )
}

/// Whether the cue or verdict at `cue` judges only relevance, with no object of a claim: "has
/// *nothing to do with*", "makes *no difference*", "*doesn't matter*", "*won't help*" (but not
/// "never *needs* a restart", a claim about the subject).
fn judges_relevance<'a>(lower: &impl Fn(usize) -> &'a str, cue: usize, n: usize) -> bool {
    (cue..n.min(cue + 3)).any(|k| {
        let w = lower(k);
        w == "nothing"
            || [
                "matter",
                "help",
                "differen",
                "relevan",
                "related",
                "irrelevant",
                "affect",
                "impact",
                "effect",
                "bearing",
                "role",
                "factor",
                "involv",
                "pointless",
                "useless",
                "overkill",
                "overrated",
                "herring",
                "myth",
                "waste",
            ]
            .iter()
            .any(|p| w.starts_with(p))
    })
}

/// Whether tokens `from..cue` are only the verb of a second predicate, with no subject of its
/// own: "and *has* nothing to do with", "and *really makes* no difference", "and *won't*".
fn bare_predicate<'a>(lower: &impl Fn(usize) -> &'a str, from: usize, cue: usize) -> bool {
    (from..cue).all(|k| {
        let w = lower(k);
        is_auxiliary(w)
            || ADVERBS.contains(&w)
            || matches!(
                w,
                "make" | "makes" | "made" | "honestly" | "simply" | "also"
            )
    })
}

/// "The --previous flag only shows another pod's logs, *so it won't help*": a verdict whose
/// subject is only a pronoun judges what the clause before it named. Not when the verdict has a
/// complement ("it doesn't matter *how often* you retry": a dummy "it").
fn deny_antecedent<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
    verdict: bool,
) {
    let clause = tokens[cue].clause;
    let sentence = tokens[cue].sentence;
    let start = clause_start(tokens, cue);
    let Some(subject) = pointer_subject(tokens, lower, cue) else {
        return;
    };
    let (pronoun, plural) = (subject.it || subject.demonstrative, subject.plural);
    if !pronoun && !plural {
        return;
    }
    let complement = (cue + 1..tokens.len().min(cue + 6))
        .take_while(|&k| tokens[k].clause == clause)
        .any(|k| {
            matches!(lower(k), "how" | "whether" | "what" | "why" | "who")
                // "it doesn't matter *if*/*when* …", "it isn't needed *to* …"; a dismissive
                // verdict keeps its antecedent whatever condition follows ("that's a red
                // herring *when* Envoy records the spans").
                || !verdict && matches!(lower(k), "if" | "to" | "that" | "when" | "which")
                || !verdict
                // "it doesn't do anything *on* the node": where it acts, not whether it
                // matters; a verdict is placed, not narrowed ("that's a red herring *in*
                // Kubernetes").
                && matches!(lower(k), "on" | "in" | "inside" | "at")
                // "in practice", "in reality", "in general": a hedge on the whole claim, not
                // where it acts ("I haven't seen that matter *in practice*").
                && !(lower(k) == "in"
                    && k + 1 < tokens.len()
                    && matches!(lower(k + 1), "practice" | "reality" | "general" | "real"))
        });
    if complement {
        return;
    }
    if plural {
        // "Exemplars are a metrics feature, so *they* don't help": a plural pronoun points at
        // things, not at a fact — the subject of its sentence, or of the sentence before when
        // it opens one ("Exemplars store averages. *They* don't help.").
        // (Not in a run-on sentence whose start is more than a clause's reach away.)
        if let Some(first) = start
            .checked_sub(1)
            .and_then(|k| near_sentence_start(tokens, k, CLAUSE_REACH))
        {
            deny_leading_subject(tokens, lower, first, cue);
        }
        return;
    }
    if start == 0 || tokens[start - 1].sentence != sentence {
        return;
    }
    // The clause before, back to its own start (at most the usual subject reach). Not when it
    // states what something *is* ("latency is only 5 ms, so it doesn't matter"): the pronoun
    // may point at the fact, and the fact stays asserted.
    let before = tokens[start - 1].clause;
    let first_word = tokens[cue].word.saturating_sub(SUBJECT_WORDS);
    if (start.saturating_sub(CLAUSE_REACH)..start)
        .rev()
        .take_while(|&k| tokens[k].clause == before)
        .any(|k| is_copula(lower(k)))
    {
        return;
    }
    let mut j = start;
    while j > 0 {
        j -= 1;
        let t = &tokens[j];
        if t.sentence != sentence || t.clause != before || t.word < first_word {
            break;
        }
        negate(&mut tokens[j], cue, DenialRule::Subject);
    }
}

/// "EndpointSlices, APF, NodeLocal DNSCache: I wouldn't bother with *any of that*", "X and Y:
/// I'd skip *those*": a clause after a colon that rules out a pronoun ending it rules out what
/// the colon introduced — the items before it, back to the start of the sentence (at most
/// [`CLAUSE_REACH`] tokens).
fn deny_listed_before_colon<'a>(
    tokens: &mut [Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
) {
    let clause = tokens[cue].clause;
    let sentence = tokens[cue].sentence;
    let colon_after = |k: usize| {
        text.get(tokens[k].span.end..tokens[k + 1].span.start)
            .is_some_and(|between| between.contains(':'))
    };
    // A setting name's colon keeps its clause going (`caBundle: you don't need any of it`).
    let start = (clause_start(tokens, cue)..cue)
        .rev()
        .find(|&k| k + 1 < cue && colon_after(k))
        .map_or_else(|| clause_start(tokens, cue), |k| k + 1);
    if start == 0 || tokens[start - 1].sentence != sentence {
        return;
    }
    // A dash introduces as a colon does: "port-forward and /debug/pprof — skip it".
    let colon = colon_after(start - 1) || dash_between(tokens, text, start - 1, start);
    // The pronoun ends the clause, within a few words of the cue.
    let mut end = cue + 1;
    while end < tokens.len() && end < cue + 8 && tokens[end].clause == clause {
        end += 1;
    }
    if end == cue + 1 || end < tokens.len() && tokens[end].clause == clause {
        return;
    }
    // The pronoun, before a closing "here", "for this" or "at all".
    let mut last = end - 1;
    if matches!(lower(last), "here" | "anyway") {
        last -= 1;
    } else if last >= cue + 3
        && matches!(
            (lower(last - 1), lower(last)),
            ("for", "this" | "that") | ("at", "all")
        )
    {
        last -= 2;
    }
    // "Locks, pools, third-party APIs — I wouldn't bother (looking)": after a colon or dash, a
    // verb of looking or caring that ends the clause with no object judges what was listed.
    let bare = colon
        && matches!(
            lower(last),
            "bother" | "look" | "looking" | "check" | "checking"
        );
    if last <= cue
        || !bare
            && !matches!(
                lower(last),
                "that" | "those" | "them" | "these" | "it" | "all"
            )
    {
        return;
    }
    // Without a colon only a plural pronoun points back at things, the subject that opens the
    // sentence: "The node's conditions never say why, so don't bother reading *them*".
    // "Any of it", "all of that" after a comma-separated list quantify the list.
    let plural = matches!(lower(last), "them" | "those" | "these")
        || last > 0 && lower(last - 1) == "of" && after_list(tokens, start);
    if !colon && !plural {
        return;
    }
    // A negated verb rules the items out only when it is a verb of using or caring ("I
    // wouldn't *bother with* any of that"); "PDBs: don't *delete* them" keeps them.
    let dismissal = DISMISSALS.contains(&lower(cue));
    if !dismissal
        && !(cue + 1..=last).any(|k| {
            matches!(
                lower(k),
                "bother"
                    | "need"
                    | "use"
                    | "recommend"
                    | "want"
                    | "care"
                    | "worry"
                    | "trust"
                    | "read"
                    | "reading"
                    | "check"
                    | "checking"
                    | "look"
                    | "looking"
            )
        })
    {
        return;
    }
    if !colon {
        if let Some(first) = near_sentence_start(tokens, start - 1, CLAUSE_REACH) {
            deny_leading_subject(tokens, lower, first, cue);
        }
        return;
    }
    let mut j = start;
    while j > 0 && tokens[j - 1].sentence == sentence && start - j < CLAUSE_REACH {
        j -= 1;
        negate(&mut tokens[j], cue, DenialRule::Subject);
    }
}

/// Denies the content word right before the object "nothing" at `cue` (or before "to
/// nothing"), in its clause: "resolves to nothing" is "does not resolve".
fn deny_verb_before<'a>(tokens: &mut [Token], lower: &impl Fn(usize) -> &'a str, cue: usize) {
    let mut v = cue;
    if v > 0 && tokens[v - 1].clause == tokens[cue].clause && lower(v - 1) == "to" {
        v -= 1;
    }
    if v == 0 {
        return;
    }
    let verb = v - 1;
    let t = &tokens[verb];
    if t.clause == tokens[cue].clause
        && t.kind == super::TokenKind::Word
        && !t.function_word
        && !is_copula(lower(verb))
    {
        negate(&mut tokens[verb], cue, DenialRule::Cue);
    }
}

/// Denies the subject that opens the sentence starting at `from`: its content words up to the
/// first function word after them ("*Exemplars* are …", "the *sidecar proxies* add …").
fn deny_leading_subject<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    from: usize,
    cue: usize,
) {
    let sentence = tokens[from].sentence;
    let mut j = from;
    while j < cue && tokens[j].sentence == sentence && tokens[j].function_word {
        j += 1;
    }
    let mut denied = 0;
    while j < cue
        && tokens[j].sentence == sentence
        && !tokens[j].function_word
        && denied < SUBJECT_WORDS as usize
    {
        if matches!(lower(j), "if" | "when" | "while") {
            return;
        }
        negate(&mut tokens[j], cue, DenialRule::Subject);
        denied += 1;
        j += 1;
    }
}

/// Whether the clause holds a verb before the conjunction at `j` ("X *is* … and never …").
fn predicate_before<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, j: usize) -> bool {
    let clause = tokens[j].clause;
    (j.saturating_sub(CLAUSE_REACH)..j)
        .rev()
        .take_while(|&k| tokens[k].clause == clause)
        .any(|k| is_auxiliary(lower(k)))
}

/// Whether the clause `start..cue` opens with a pointer that quantifies the comma-separated list
/// before it: "…, the adapter, *all of that* has no effect", "…, *all these* don't matter",
/// "…, *both of them* are irrelevant".
fn quantifies_list<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
    cue: usize,
) -> bool {
    let pointer = |k: usize| {
        matches!(
            lower(k),
            "that" | "this" | "those" | "these" | "them" | "it"
        )
    };
    let opens = match lower(start) {
        "all" | "each" | "both" => {
            start + 1 < cue
                && (pointer(start + 1)
                    || start + 2 < cue && lower(start + 1) == "of" && pointer(start + 2))
        }
        _ => false,
    };
    opens && after_list(tokens, start)
}

/// "…, node-level OOM — *none of that* matters": "none of" a pointer denies what it points at,
/// the clause (or list) before it.
fn points_back<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    lower(i) == "none"
        && i + 2 < tokens.len()
        && lower(i + 1) == "of"
        && matches!(
            lower(i + 2),
            "that" | "those" | "these" | "them" | "this" | "it"
        )
}

/// "*Checking EndpointSlices or targetPort* won't tell you anything", "*adding SYS_ADMIN* can't
/// get you out": a clause whose subject is an action (a gerund and its object) and whose verb is
/// negated says the action is no use, so the action and its object are denied. Only when nothing
/// but the gerund phrase stands before the cue ("setting limits that low *means* the pod can't
/// keep up" describes a consequence).
fn gerund_subject<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    let mut start = i;
    while start > 0 && tokens[start - 1].clause == clause && i - start < 12 {
        start -= 1;
    }
    if start > 0 && tokens[start - 1].clause == clause {
        return false; // the subject is longer than a short phrase
    }
    // Leading adverbs: "honestly, just adding …", "even checking …".
    while start < i
        && matches!(
            lower(start),
            "just" | "simply" | "even" | "honestly" | "merely"
        )
    {
        start += 1;
    }
    let is_gerund = is_gerund(lower(start));
    // The negated verb judges the action's use ("can't *get* you out", "won't *change* the
    // latency", "isn't *something* …"), not what it does ("switching storage doesn't *rewrite*
    // old objects" is a fact about the switch).
    let judged = (i + 1..tokens.len().min(i + 3)).any(|v| {
        matches!(
            lower(v),
            "get"
                | "change"
                | "improve"
                | "stop"
                | "prevent"
                | "protect"
                | "save"
                | "buy"
                | "speed"
                | "reduce"
                | "cure"
                | "address"
                | "resolve"
                | "make"
                | "something"
                | "anything"
                | "work"
                | "what"
                | "what's"
        )
    });
    // The gerund has an object, and nothing verb-like stands between it and the cue.
    is_gerund
        && judged
        && i > start + 1
        && (start + 1..i).all(|k| {
            let w = lower(k);
            !is_copula(w)
                && !matches!(
                    w,
                    "means" | "makes" | "causes" | "that" | "so" | "when" | "then" | "leads"
                )
        })
}

/// Whether a forward scope holds only words pointing back ("any of that", "all of them", "it").
fn anaphoric_scope<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, start: usize) -> bool {
    let clause = match tokens.get(start) {
        Some(t) => t.clause,
        None => return false,
    };
    let mut k = start;
    let mut pointer = false;
    // Skip the verb of advice itself ("bother with", "need", "use").
    while k < tokens.len() && tokens[k].clause == clause && k < start + 8 {
        let w = lower(k);
        match w {
            "that" | "those" | "them" | "these" | "this" | "it" => pointer = true,
            "any" | "all" | "of" | "with" | "about" | "for" | "on" | "either" | "really" => {}
            _ if is_advice_verb(w) || matches!(w, "bother" | "need" | "needs" | "worry") => {}
            _ => return false,
        }
        k += 1;
    }
    pointer
}

/// Whether the comma-separated segment ending at token `end` is a short list item (at most six
/// words, back to the previous clause break).
fn short_segment(tokens: &[Token], end: usize) -> bool {
    tokens[end].word - tokens[clause_start(tokens, end)].word < 6
}

/// The first token of the clause of token `i`.
fn clause_start(tokens: &[Token], i: usize) -> usize {
    let clause = tokens[i].clause;
    let mut k = i;
    // Looked for at most CLAUSE_REACH tokens back: every cue of a run-on clause of thousands of
    // words would otherwise walk it again.
    while k > 0 && tokens[k - 1].clause == clause && i - k < CLAUSE_REACH {
        k -= 1;
    }
    k
}

/// How far back a rule looks for the start of its clause; no real clause is this long.
const CLAUSE_REACH: usize = 64;

/// Whether the segment ending at `end` opens its sentence with one or two words before a comma:
/// a stacked modifier of the subject ("*Idempotent,* level-triggered reconciliation …").
fn leading_modifier(tokens: &[Token], end: usize) -> bool {
    let k = clause_start(tokens, end);
    (k == 0 || tokens[k - 1].sentence != tokens[end].sentence)
        && tokens[end].word - tokens[k].word < 2
}

/// Whether the subject between `from` and `to` ends a list ("…, targetPort or the controller
/// logs"): it holds "or", "and" or "nor".
fn list_subject<'a>(lower: &impl Fn(usize) -> &'a str, from: usize, to: usize) -> bool {
    (from..to).any(|k| matches!(lower(k), "or" | "and" | "nor"))
}

fn has_content_before<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    let mut j = i;
    while j > 0 {
        j -= 1;
        if tokens[j].clause != clause {
            return false;
        }
        if !tokens[j].function_word && !is_copula(lower(j)) {
            return true;
        }
    }
    false
}

fn has_content_between<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    from: usize,
    to: usize,
) -> bool {
    (from..to).any(|k| {
        !tokens[k].function_word
            && !is_copula(lower(k))
            && !matches!(
                lower(k),
                "also" | "too" | "equally" | "likewise" | "honestly"
            )
    })
}

fn is_copula(w: &str) -> bool {
    matches!(
        w,
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "it's" | "its" | "they're"
    )
}

/// Adverbs that may stand between a cue and its verb ("doesn't *immediately* update").
const ADVERBS: &[&str] = &[
    "always",
    "any",
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
    // "has no idea which request caused it", "no clue": an inability, not a denial ("no way
    // to know" is handled by the caller; "no way X would matter" denies X).
    if w == "no" && matches!(next, "idea" | "clue" | "visibility") {
        return true;
    }
    // "couldn't explain X or Y": an interviewer's note of what was left out, not a failure.
    ABILITY.contains(&w) && !is_reporting_verb(next)
        || (!matches!(w, "no" | "never" | "without" | "nothing")
            && BEHAVIOUR.iter().any(|b| next.starts_with(b)))
}

/// Words that may stand between a cue and a verdict about relevance ("isn't *really the*
/// cause", "aren't *a real* issue").
const VERDICT_FILLER: &[&str] = &[
    "a",
    "an",
    "the",
    "any",
    "really",
    "actually",
    "even",
    "necessarily",
    "strictly",
    "truly",
    "ever",
    "at",
    "all",
    "much",
    "very",
    "that",
    "so",
    "real",
    "big",
    "main",
    "root",
    "actual",
    "going",
    "to",
    "be",
    "been",
    "have",
    "has",
    "play",
    "plays",
    "make",
    "makes",
    "made",
    "of",
    "our",
    "your",
    "my",
    "the",
    "here",
    "likely",
    "remotely",
    "particularly",
    "what",
    "what's",
    "whats",
    "measurable",
    "noticeable",
    "meaningful",
    "significant",
    "practical",
    "real",
];

/// Stems of verdicts about relevance: after a cue, they deny the clause's subject.
const RELEVANCE: &[&str] = &[
    "help",
    "matter",
    "need",
    "necessar",
    "requir",
    "cause",
    "causing",
    "culprit",
    "reason",
    "answer",
    "fix",
    "solv",
    "solution",
    "issue",
    "problem",
    "challenge",
    "factor",
    "involv",
    "relevan",
    "related",
    "useful",
    "important",
    "worth",
    "apply",
    "applies",
    "concern",
    "difference",
    "role",
    "risk",
    "option",
    "point",
    "bottleneck",
    "source",
    "responsib",
    "affect",
    "impact",
    "effect",
    "bearing",
    "influenc",
    "contribut",
    "explain",
    "to do with",
    "thing",
    "something",
    "used",
    "blocking",
    "factor",
    "concern",
    "obstacle",
    "hurdle",
    "barrier",
    "blocker",
    "showstopper",
    "dealbreaker",
];

/// Whether the cue at `i` is followed by a verdict about relevance ("doesn't help", "isn't the
/// cause", "has nothing to do with").
fn relevance_predicate_after<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> bool {
    let w = lower(i);
    // "non-" and the list cues that name what is missing ("without X") judge nothing.
    // Nor do alternatives: "dropped *instead of answered*" prefers one thing to another.
    if matches!(
        w,
        "non"
            | "without"
            | "neither"
            | "nor"
            | "avoid"
            | "avoids"
            | "instead"
            | "rather"
            | "opposed"
    ) {
        return false;
    }
    let clause = tokens[i].clause;
    let end = tokens.len().min(i + 6);
    let mut j = i + 1;
    while j < end && tokens[j].clause == clause {
        let v = lower(j);
        if w == "nothing" && v == "to" && j + 2 < tokens.len() && lower(j + 1) == "do" {
            return true; // "has nothing to do with"
        }
        // "… won't either", "… doesn't either": the verdict of the clause before, elided.
        if v == "either" && j == i + 1 && (j + 1 == tokens.len() || tokens[j + 1].clause != clause)
        {
            return true;
        }
        if w == "no" && j == i + 1 && v == "matter" {
            return false; // "no matter what"
        }
        if w == "no" && j == i + 1 && matches!(v, "answer" | "answers" | "reply" | "response") {
            return false; // "gets no answer": an absence, not a verdict
        }
        if matches!(v, "come" | "comes") && j + 1 < tokens.len() && lower(j + 1) == "into" {
            return true; // "doesn't come into it"
        }
        if v.starts_with("caus") {
            // "isn't the cause", "isn't causing it": a verdict; "never cause a scale-up"
            // describes what something does.
            let noun = j > 0 && matches!(lower(j - 1), "the" | "a" | "root" | "main" | "real");
            let next = if j + 1 < tokens.len() && tokens[j + 1].clause == clause {
                lower(j + 1)
            } else {
                ""
            };
            return noun
                || matches!(
                    next,
                    "" | "it" | "this" | "that" | "here" | "these" | "those"
                );
        }
        // "CPU: not fixed; it rises with load": the adjective (constant), not a verdict.
        if v == "fixed" && !(j + 1 < tokens.len() && lower(j + 1) == "by") {
            return false;
        }
        // "isn't part of it" (but not "partition"); "the limitations aren't real" (a predicate
        // that ends its clause, not "isn't a real boundary", "not real usage").
        let ends_clause = j + 1 >= tokens.len()
            || tokens[j + 1].clause != clause
            || matches!(lower(j + 1), "either" | "anyway" | "at");
        if RELEVANCE.iter().any(|r| v.starts_with(r))
            || matches!(v, "part" | "parts")
            || v == "real" && ends_clause
        {
            return true;
        }
        // "won't tell you anything", "doesn't change much", "won't buy you anything".
        if matches!(
            v,
            "tell"
                | "show"
                | "change"
                | "do"
                | "add"
                | "give"
                | "reveal"
                | "buy"
                | "bring"
                | "gain"
        ) && (j + 1..tokens.len().min(j + 4))
            .take_while(|&k| tokens[k].clause == clause)
            .any(|k| {
                matches!(
                    lower(k),
                    "anything"
                        | "much"
                        | "nothing"
                        | "security"
                        | "performance"
                        | "thing"
                        | "protection"
                        | "value"
                        | "benefit"
                        | "meaningful"
                )
            })
        {
            return true;
        }
        // "aren't *the operator's* concern", "isn't the kubelet's job": whose verdict it is.
        if v.ends_with("'s") || v.ends_with("\u{2019}s") {
            if j + 1 < end && tokens[j + 1].clause == clause && lower(j + 1) == "job" {
                return true;
            }
            j += 1;
            continue;
        }
        if !VERDICT_FILLER.contains(&v) {
            return false;
        }
        j += 1;
    }
    false
}

/// Dismissive verdicts: the words before them (their subject) are denied without any cue.
const VERDICTS: &[&[&str]] = &[
    &["not", "needed"],
    &["not", "necessary"],
    &["not", "required"],
    &["unnecessary"],
    &["unneeded"],
    &["irrelevant"],
    &["pointless"],
    &["useless"],
    &["overrated"],
    &["overhyped"],
    &["all", "hype"],
    &["just", "hype"],
    &["mostly", "hype"],
    &["pure", "hype"],
    &["overkill"],
    &["negligible"],
    &["nonsense"],
    &["superfluous"],
    &["moot"],
    &["unrelated"],
    &["a", "myth"],
    &["myth"],
    &["a", "red", "herring"],
    &["red", "herring"],
    &["a", "waste", "of"],
    &["waste", "of", "time"],
    &["a", "distraction"],
    &["a", "non-issue"],
    &["non-issue"],
    &["not", "a", "factor"],
    &["not", "a", "thing"],
    &["doesn't", "matter"],
    &["don't", "matter"],
    &["do", "not", "matter"],
    &["does", "not", "matter"],
    &["never", "helps"],
    &["never", "matters"],
    &["can", "be", "ignored"],
    &["can", "be", "skipped"],
    &["can", "be", "ruled", "out"],
    &["be", "ruled", "out"],
    &["safe", "to", "ignore"],
    &["ruled", "out"],
    &["folklore"],
    &["cosmetic"],
    &["meaningless"],
    &["adds", "nothing"],
    &["add", "nothing"],
    &["buys", "nothing"],
    &["buys", "you", "nothing"],
    &["changes", "nothing"],
    &["solves", "nothing"],
    &["fixes", "nothing"],
    &["never", "matter"],
    &["never", "help"],
    &["rarely", "needed"],
    &["rarely", "necessary"],
    &["rarely", "matters"],
    &["rarely", "matter"],
    &["rarely", "useful"],
    &["seldom", "needed"],
    &["can't", "happen", "at", "all"],
    &["cannot", "happen", "at", "all"],
    &["never", "happens"],
    &["just", "bookkeeping"],
    &["only", "bookkeeping"],
    &["notoriously", "inaccurate"],
    &["notoriously", "unreliable"],
    &["just", "noise"],
    &["a", "gimmick"],
    &["just", "hype"],
    &["security", "theater"],
    &["security", "theatre"],
    &["snake", "oil"],
    &["cargo", "cult"],
    &["more", "trouble", "than"],
    &["buzzword"],
    &["a", "buzzword"],
    &["just", "a", "buzzword"],
    &["can", "safely", "be", "ignored"],
    &["can", "be", "safely", "ignored"],
    &["only", "wastes"],
    &["just", "wastes"],
    &["a", "bad", "idea"],
    &["bad", "idea"],
    &["a", "terrible", "idea"],
    // a hyphenated word is two pieces: "anti-pattern" is `anti` `pattern`
    &["an", "anti", "pattern"],
    &["anti", "pattern"],
    &["an", "antipattern"],
    &["antipattern"],
    &["the", "wrong", "fix"],
    &["the", "wrong", "tool"],
    &["the", "wrong", "choice"],
    &["the", "wrong", "option"],
    &["the", "worst", "option"],
    &["the", "worst", "choice"],
    &["a", "poor", "choice"],
    &["a", "bad", "choice"],
    &["a", "poor", "fit"],
    &["a", "bad", "fit"],
    // "X is impossible here", "X isn't possible in this setup" (not "impossible to debug
    // without X": see `verdict_goes_on`).
    &["is", "impossible"],
    &["are", "impossible"],
    &["was", "impossible"],
    &["be", "impossible"],
    &["is", "not", "possible"],
    &["isn't", "possible"],
    &["are", "not", "possible"],
    &["aren't", "possible"],
    &["the", "wrong", "reflex"],
    &["redundant"],
    &["counterproductive"],
    &["unhelpful"],
    &["ineffective"],
    &["immaterial"],
    &["unwarranted"],
    &["out", "of", "scope"],
    &["beyond", "the", "scope"],
    &["of", "no", "use"],
    &["of", "little", "use"],
    &["is", "no", "use"],
    &["is", "no", "good"],
    &["are", "no", "good"],
    &["no", "longer", "needed"],
    &["no", "longer", "relevant"],
    &["a", "non", "issue"],
    &["non", "issue"],
    &["non", "issues"],
    &["red", "herrings"],
    &["just", "extra", "complexity"],
    &["only", "extra", "complexity"],
    &["just", "more", "complexity"],
    &["just", "added", "complexity"],
    &["needless", "complexity"],
    &["unnecessary", "complexity"],
    &["a", "non", "factor"],
    &["a", "non", "starter"],
    &["a", "dead", "end"],
    &["a", "false", "lead"],
    &["a", "wild", "goose", "chase"],
    &["a", "band", "aid"],
    &["a", "no", "op"],
    &["off", "the", "table"],
    &["out", "of", "the", "question"],
    &["achieves", "nothing"],
    &["achieve", "nothing"],
    &["accomplishes", "nothing"],
    &["gets", "you", "nowhere"],
    &["get", "you", "nowhere"],
    &["does", "nothing", "here"],
    &["does", "nothing"],
    &["the", "least", "of", "your", "worries"],
    &["the", "least", "of", "our", "worries"],
    &["the", "least", "of", "your", "problems"],
    &["the", "least", "of", "the", "problems"],
    &["a", "misdiagnosis"],
    &["would", "do", "nothing"],
    &["only", "papers", "over"],
    &["just", "papers", "over"],
    &["just", "masks"],
    &["only", "masks"],
    &["just", "hides"],
    &["only", "hides"],
    &["not", "to", "blame"],
    &["not", "at", "fault"],
    &["off", "the", "hook"],
    &["hardly", "matters"],
    &["barely", "matters"],
    &["makes", "little", "difference"],
    &["zero", "effect"],
    &["zero", "impact"],
    &["zero", "bearing"],
    &["zero", "relevance"],
    &["zero", "difference"],
    &["zero", "influence"],
    &["makes", "no", "difference"],
    &["make", "no", "difference"],
    &["all", "the", "same", "in", "practice"],
    &["all", "the", "same", "anyway"],
    // "over" is a cue of its own ("Y over X") and a hyphen's first piece no word of its own:
    // "over-engineering" is found from its copula.
    &["is", "over", "engineering"],
    &["are", "over", "engineering"],
    &["is", "over", "engineered"],
    &["are", "over", "engineered"],
    &["overengineering"],
    &["overengineered"],
    &["makes", "zero", "difference"],
    &["plays", "little", "role"],
    &["the", "least", "likely", "cause"],
    &["the", "least", "of", "our", "worries"],
    &["unlikely", "to", "be", "the", "cause"],
    &["a", "side", "issue"],
    &["no", "better", "than"],
    &["no", "more", "reliable", "than"],
    &["only", "makes", "things", "worse"],
    &["just", "makes", "things", "worse"],
    &["out", "of", "the", "picture"],
    &["isn't", "in", "the", "picture"],
    &["isn't", "even", "in", "the", "picture"],
    &["not", "in", "the", "picture"],
    &["isn't", "in", "play"],
    &["not", "in", "play"],
    &["doesn't", "enter", "into", "it"],
    &["not", "recommended"],
    &["discouraged"],
    &["not", "called", "for"],
    &["advise", "against"],
    &["steer", "clear", "of"],
    &["stay", "away", "from"],
    &["be", "wary", "of"],
    &["can", "be", "discounted"],
    &["has", "been", "excluded"],
    &["was", "excluded", "as"],
    &["was", "eliminated", "as"],
    &["has", "been", "ruled", "out"],
    &["was", "ruled", "out"],
    &["a", "no", "go"],
    &["a", "hard", "no"],
    &["won't", "cut", "it"],
    &["not", "the", "way", "to", "go"],
    &["not", "what", "you", "want"],
    &["the", "wrong", "place", "to", "look"],
    &["isn't", "a", "must"],
    &["not", "a", "must"],
    &["not", "mandatory"],
    &["a", "later", "concern"],
    &["has", "no", "place"],
    &["nowhere", "near"],
    &["solve", "nothing"],
    &["fix", "nothing"],
    &["make", "zero", "difference"],
    &["make", "little", "difference"],
    &["of", "no", "importance"],
    &["not", "applicable"],
    &["doesn't", "belong", "here"],
    &["wouldn't", "make", "sense"],
    &["has", "been", "superseded"],
    &["something", "i'd", "skip"],
    &["not", "so", "important"],
    &["not", "so", "much", "important"],
    &["i", "doubt"],
    &["i", "question", "whether"],
    &["i", "fail", "to", "see"],
    &["i", "can't", "see"],
    &["an", "unlikely", "culprit"],
    &["the", "wrong", "move"],
    &["the", "wrong", "approach"],
    &["resist", "the", "temptation", "to"],
    &["resist", "the", "urge", "to"],
    &["not", "the", "fix"],
    &["not", "a", "fix"],
    // hedged and quantified: "the HPA *barely makes a difference*", "CoreDNS is *seldom the
    // cause*", "a PDB is *unlikely to help*"
    &["hardly", "helps"],
    &["hardly", "help"],
    &["barely", "helps"],
    &["barely", "help"],
    &["hardly", "ever", "helps"],
    &["hardly", "ever", "help"],
    &["hardly", "makes", "a", "difference"],
    &["barely", "makes", "a", "difference"],
    &["hardly", "make", "a", "difference"],
    &["barely", "make", "a", "difference"],
    &["hardly", "changes", "anything"],
    &["barely", "changes", "anything"],
    &["hardly", "relevant"],
    &["barely", "relevant"],
    &["hardly", "the", "cause"],
    &["hardly", "the", "culprit"],
    &["seldom", "the", "cause"],
    &["rarely", "the", "cause"],
    &["seldom", "the", "culprit"],
    &["rarely", "the", "culprit"],
    &["seldom", "the", "problem"],
    &["rarely", "the", "problem"],
    &["rarely", "the", "issue"],
    &["rarely", "to", "blame"],
    &["seldom", "to", "blame"],
    &["rarely", "helps"],
    &["seldom", "helps"],
    &["unlikely", "to", "help"],
    &["unlikely", "to", "matter"],
    &["unlikely", "to", "fix"],
    &["unlikely", "to", "be", "involved"],
    &["unlikely", "to", "be", "the", "culprit"],
    &["unlikely", "to", "be", "relevant"],
    &["unlikely", "to", "make", "a", "difference"],
    // extraposed: "*it's unlikely that* etcd is involved", "*it would be a mistake to* add a
    // PDB", "*it's wrong to blame* the CNI"
    &["unlikely", "that"],
    &["is", "a", "mistake"],
    &["be", "a", "mistake"],
    &["it's", "a", "mistake"],
    &["was", "a", "mistake"],
    &["wrong", "to", "blame"],
    // consequences: "a bigger PDB *would make it worse*"
    &["would", "make", "it", "worse"],
    &["would", "only", "make", "it", "worse"],
    &["makes", "it", "worse"],
    &["make", "it", "worse"],
    &["would", "make", "things", "worse"],
    &["make", "things", "worse"],
    &["makes", "things", "worse"],
    // exoneration and preference: "the sidecar *is innocent here*", "*I'm against* an HPA",
    // "the last thing you want is X", "taints are *not what you need*"
    &["is", "innocent"],
    &["are", "innocent"],
    &["i'm", "against"],
    &["i", "am", "against"],
    &["we're", "against"],
    &["the", "last", "thing", "you", "want"],
    &["the", "last", "thing", "you", "need"],
    &["the", "last", "thing", "i'd", "want"],
    &["the", "last", "thing", "we", "want"],
    &["the", "last", "thing", "we", "need"],
    // ranked last, which judges only what comes before: "leases are *the last thing I'd look
    // at*" (but "the last thing I'd check is the lease" is an order of steps)
    &["the", "last", "thing", "i'd", "look"],
    &["the", "last", "thing", "i'd", "check"],
    &["the", "last", "thing", "i'd", "suspect"],
    &["the", "last", "thing", "i'd", "blame"],
    &["the", "last", "thing", "i'd", "touch"],
    &["the", "last", "thing", "i'd", "worry"],
    &["the", "last", "thing", "i", "would", "look"],
    &["the", "last", "thing", "i", "would", "check"],
    &["the", "last", "thing", "i", "would", "suspect"],
    &["the", "last", "thing", "i", "would", "worry"],
    &["the", "last", "thing", "to", "look"],
    &["the", "last", "thing", "to", "check"],
    &["the", "last", "thing", "to", "suspect"],
    &["the", "last", "thing", "to", "blame"],
    &["the", "last", "thing", "to", "worry"],
    // blind-12's: "RBAC is *the last thing I'd think about*", "… *the last thing to care
    // about*", "idempotency is *a theoretical concern*"
    &["the", "last", "thing", "i'd", "think"],
    &["the", "last", "thing", "i", "would", "think"],
    &["the", "last", "thing", "we'd", "think"],
    &["the", "last", "thing", "to", "think"],
    &["the", "last", "thing", "i'd", "care"],
    &["the", "last", "thing", "i", "would", "care"],
    &["the", "last", "thing", "we'd", "care"],
    &["the", "last", "thing", "to", "care"],
    &["the", "last", "thing", "i'd", "bother"],
    &["the", "last", "thing", "i", "would", "bother"],
    &["the", "last", "thing", "we'd", "bother"],
    &["the", "last", "thing", "to", "bother"],
    &["the", "last", "thing", "i'd", "consider"],
    &["the", "last", "thing", "i", "would", "consider"],
    &["the", "last", "thing", "we'd", "consider"],
    &["the", "last", "thing", "to", "consider"],
    &["the", "last", "thing", "i'd", "spend"],
    &["the", "last", "thing", "i", "would", "spend"],
    &["the", "last", "thing", "we'd", "spend"],
    &["the", "last", "thing", "to", "spend"],
    &["theoretical", "concerns"],
    &["theoretical", "concern"],
    // blind-13's: "snapshots are *not what I'd focus on*", "multi-primary *isn't really the
    // question*", "beside the point", "dry-run flags *just slow you down*"
    &["not", "what", "i'd", "focus"],
    &["not", "what", "i'd", "look"],
    &["not", "what", "i'd", "worry"],
    &["not", "what", "i'd", "check"],
    &["not", "what", "i'd", "prioritize"],
    &["not", "what", "i'd", "prioritise"],
    &["not", "what", "i", "would", "focus"],
    &["not", "what", "i", "would", "look"],
    &["not", "what", "i", "would", "worry"],
    &["not", "what", "i", "would", "check"],
    &["not", "what", "i", "would", "prioritize"],
    &["not", "what", "i", "would", "prioritise"],
    &["not", "what", "we'd", "focus"],
    &["not", "what", "we'd", "look"],
    &["not", "what", "we'd", "worry"],
    &["not", "what", "we'd", "check"],
    &["not", "what", "we'd", "prioritize"],
    &["not", "what", "we'd", "prioritise"],
    &["isn't", "the", "question"],
    &["isn't", "really", "the", "question"],
    &["is", "not", "the", "question"],
    &["is", "not", "really", "the", "question"],
    &["aren't", "the", "question"],
    &["aren't", "really", "the", "question"],
    &["are", "not", "the", "question"],
    &["are", "not", "really", "the", "question"],
    &["beside", "the", "point"],
    &["just", "slow", "you", "down"],
    &["just", "slows", "you", "down"],
    &["only", "slow", "you", "down"],
    &["only", "slows", "you", "down"],
    &["the", "last", "place", "i'd", "look"],
    &["the", "last", "place", "to", "look"],
    // "Timestamps: *don't bother*", "hostPath? *Never seen it matter*"
    &["don't", "bother"],
    &["never", "seen", "it", "matter"],
    &["never", "seen", "them", "matter"],
    &["never", "seen", "that", "matter"],
    &["never", "seen", "this", "matter"],
    &["never", "seen", "any", "of", "it", "matter"],
    &["never", "seen", "any", "of", "that", "matter"],
    &["never", "seen", "any", "of", "them", "matter"],
    &["never", "seen", "any", "of", "those", "matter"],
    &["never", "seen", "any", "of", "these", "matter"],
    &["never", "seen", "it", "make", "a", "difference"],
    &["never", "seen", "them", "make", "a", "difference"],
    // "two leaders accepting writes *should not happen*" (not "fencing makes sure a double
    // attach *cannot happen*": see `verdict_goes_on`)
    &["should", "not", "happen"],
    &["shouldn't", "happen"],
    &["cannot", "happen"],
    &["can't", "happen"],
    &["can", "not", "happen"],
    &["won't", "happen"],
    &["will", "not", "happen"],
    // "heap profiles are *a rabbit hole*", "the drift discussion is *overblown*", "X, also *not
    // important*", "the kubelet logs are *too noisy to be useful*"
    &["a", "rabbit", "hole"],
    &["rabbit", "hole"],
    &["overblown"],
    &["overstated"],
    &["not", "important"],
    &["not", "that", "important"],
    &["unimportant"],
    &["too", "noisy", "to", "be", "useful"],
    &["too", "noisy", "to", "help"],
    &["the", "last", "things", "i'd", "look"],
    &["the", "last", "things", "i'd", "check"],
    &["the", "last", "things", "to", "check"],
    // "backpressure is *a theoretical problem*" (not "… unless the disk fills")
    &["a", "theoretical", "problem"],
    &["a", "theoretical", "concern"],
    &["a", "theoretical", "risk"],
    &["purely", "theoretical"],
    &["only", "theoretical"],
    &["mostly", "theoretical"],
    &["not", "what's", "causing"],
    &["not", "what", "is", "causing"],
    &["isn't", "what's", "causing"],
    &["aren't", "what's", "causing"],
    &["not", "what", "you", "need"],
    &["isn't", "what", "you", "need"],
    &["aren't", "what", "you", "need"],
    &["not", "what's", "needed"],
    &["sceptical", "that"],
    &["skeptical", "that"],
    &["sceptical", "of"],
    &["skeptical", "of"],
    &["sceptical", "about"],
    &["skeptical", "about"],
    &["hardly", "matter"],
    &["barely", "matter"],
    &["won't", "move", "the", "needle"],
    &["doesn't", "move", "the", "needle"],
    &["not", "move", "the", "needle"],
    // blind-7's forms: "the search domain list *is no matter*", "*an old myth*", "*too much
    // complexity*, *no worth it*", "*an edge case I wouldn't bother with*", "*academic*", "*isn't
    // the way*", "*always fine*", "*isn't a big deal*", "*don't change anything*", "an API
    // *nobody calls*", "*something I'd never touch*", "*something people install and then
    // forget*", "*never seen it show anything useful*"
    &["is", "no", "matter"],
    &["are", "no", "matter"],
    &["old", "myth"],
    &["too", "much", "complexity"],
    &["too", "complicated"],
    &["no", "worth", "it"],
    &["not", "worth", "it"],
    &["an", "edge", "case", "i", "wouldn't"],
    &["an", "edge", "case", "i", "would", "not"],
    &["is", "academic"],
    &["are", "academic"],
    &["purely", "academic"],
    &["mostly", "academic"],
    &["isn't", "the", "way"],
    &["is", "not", "the", "way"],
    &["is", "always", "fine"],
    &["are", "always", "fine"],
    &["isn't", "a", "big", "deal"],
    &["not", "a", "big", "deal"],
    &["no", "big", "deal"],
    &["don't", "change", "anything"],
    &["doesn't", "change", "anything"],
    &["won't", "change", "anything"],
    &["nobody", "calls"],
    &["nobody", "uses"],
    &["nobody", "needs"],
    &["no", "one", "uses"],
    &["something", "i'd", "never", "touch"],
    &["something", "i", "would", "never", "touch"],
    &["something", "i", "wouldn't", "bother"],
    &["install", "and", "then", "forget"],
    &["install", "and", "forget"],
    &["never", "seen", "it", "show", "anything"],
    &["never", "seen", "it", "do", "anything"],
    &["never", "seen", "it", "help"],
    &["never", "seen", "them", "help"],
    // blind-8's: "ndots *plays no role*", "a legacy setting *nobody touches*", "STRICT mode is
    // *the last thing I'd enable*", "things *people over-engineer*", "I've *never seen it
    // tell* me anything", "*neither changes anything*", "*no effect on anything*"
    &["plays", "no", "role"],
    &["play", "no", "role"],
    &["nobody", "touches"],
    &["the", "last", "thing", "i'd", "enable"],
    &["the", "last", "thing", "i", "would", "enable"],
    &["the", "last", "thing", "i'd", "turn", "on"],
    &["people", "over", "engineer"],
    &["never", "seen", "it", "tell"],
    &["never", "seen", "them", "tell"],
    &["never", "seen", "those", "help"],
    &["never", "seen", "those", "matter"],
    &["neither", "changes", "anything"],
    &["no", "effect", "on", "anything"],
    &["has", "no", "effect", "in", "practice"],
    // blind-9's: "CEL is *a fad*", "Kyverno is *the last thing I'd install*", "profiles *nobody
    // maintains*", "implementation *trivia*", "settings that *change nothing*", "I *haven't seen
    // that matter*"
    &["a", "fad"],
    &["just", "a", "fad"],
    &["the", "last", "thing", "i'd", "install"],
    &["the", "last", "thing", "i", "would", "install"],
    &["the", "last", "thing", "i'd", "add"],
    &["the", "last", "thing", "i", "would", "add"],
    &["the", "last", "thing", "i'd", "deploy"],
    &["the", "last", "thing", "i'd", "use"],
    &["the", "last", "thing", "i'd", "reach", "for"],
    &["nobody", "maintains"],
    &["is", "trivia"],
    &["are", "trivia"],
    &["implementation", "trivia"],
    &["change", "nothing"],
    &["changes", "nothing"],
    &["haven't", "seen", "that", "matter"],
    &["haven't", "seen", "it", "matter"],
    &["haven't", "seen", "this", "matter"],
    &["not", "seen", "that", "matter"],
    &["not", "seen", "it", "matter"],
    &["irrelevant", "details"],
    &["irrelevant", "detail"],
    &["plays", "no", "part"],
    &["play", "no", "part"],
    // blind-11's: "*too small to care about*", "*a lot of faff*", "*doubtful that* X is the
    // right place"
    &["too", "small", "to", "care"],
    &["too", "small", "to", "matter"],
    &["too", "small", "to", "notice"],
    &["faff"],
    &["doubtful", "that"],
    &["doubtful", "about"],
    // blind-10's: "*too much work*", "describe node *won't tell you more*", "all of that *is
    // overthinking*", "I've *never seen that cause* it"
    &["too", "much", "work"],
    &["too", "much", "effort"],
    &["too", "much", "hassle"],
    &["too", "much", "trouble"],
    &["won't", "tell", "you", "more"],
    &["won't", "tell", "you", "anything"],
    &["doesn't", "tell", "you", "anything"],
    &["don't", "tell", "you", "anything"],
    &["tells", "you", "nothing"],
    &["tell", "you", "nothing"],
    &["is", "overthinking"],
    &["are", "overthinking"],
    &["never", "seen", "that", "cause"],
    &["never", "seen", "it", "cause"],
    &["never", "seen", "them", "cause"],
    &["never", "seen", "this", "cause"],
];

/// Words that make a verdict a judgement of harm ("a mistake", "a bad idea", "counterproductive",
/// "makes it worse"), which leaving something out turns into advice to keep it.
const HARM_WORDS: &[&str] = &[
    "mistake",
    "bad",
    "terrible",
    "counterproductive",
    "wrong",
    "worse",
    "anti",
    "antipattern",
];

/// Whether the verdict of `len` tokens at `i` judges harm (see [`HARM_WORDS`]).
fn is_harm_verdict<'a>(lower: &impl Fn(usize) -> &'a str, i: usize, len: usize) -> bool {
    (i..i + len).any(|k| HARM_WORDS.contains(&lower(k)))
}

/// Verbs of leaving something out, in every form an answer uses them: "*skipping* the probe",
/// "to *omit* the PDB", "*turning off* the hook". "Drop", "remove" and "turn" leave out only
/// what they take as a plain object ("dropping *the* preStop hook"); "dropping all
/// capabilities" or "force-deleting the pod" is itself the action judged.
fn is_omission_verb<'a>(lower: &impl Fn(usize) -> &'a str, k: usize, n: usize) -> bool {
    const STEMS: &[&str] = &[
        "skip", "omit", "ignor", "forget", "forgott", "neglect", "bypass", "disabl", "leav",
    ];
    const WITH_OBJECT: &[&str] = &["drop", "remov", "turn"];
    let w = lower(k);
    let next = if k + 1 < n { lower(k + 1) } else { "" };
    STEMS.iter().any(|s| w.starts_with(s)) && w != "leaves"
        || WITH_OBJECT.iter().any(|s| w.starts_with(s))
            && matches!(next, "the" | "a" | "an" | "your" | "its" | "their" | "off")
}

/// Whether the subject of the verdict at `i` leaves something out: its clause opens (within
/// four words) with an omission verb ("*Skipping* the probe is a bad idea"), with "not" or
/// "never" before a gerund ("*Not having* a PDB is a mistake"), or with "without", "lacking",
/// "no" ("Running *without* a PDB is a mistake").
fn omission_subject<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    let mut start = i;
    while start > 0 && tokens[start - 1].clause == clause && i - start < CLAUSE_REACH {
        start -= 1;
    }
    (start..i.min(start + 4)).any(|k| {
        let w = lower(k);
        is_omission_verb(lower, k, tokens.len()) && (w.ends_with("ing") || k == start)
            || matches!(w, "not" | "never") && k + 1 < i && lower(k + 1).ends_with("ing")
            || matches!(w, "without" | "lacking" | "no")
    })
}

/// Whether the cue at `i` opens (within four words of its clause's start) an absence as a
/// subject: "*not* having", "*never* setting", "*without* a PDB", "*no* requests".
fn omission_cue<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    let near_start = (1..=4).any(|d| i < d || tokens[i - d].clause != clause);
    let w = lower(i);
    near_start
        && (matches!(w, "without" | "lacking" | "no")
            || matches!(w, "not" | "never")
                && i + 1 < tokens.len()
                && lower(i + 1).ends_with("ing"))
}

/// Whether the clause of the verdict at `i` has only a pointer to what came before as its
/// subject: "*that's* a red herring", "but *this* is pointless" (a relative "which" describes
/// more often than it dismisses).
fn points_at_clause_before<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> bool {
    pointer_subject(tokens, lower, i)
        .is_some_and(|p| p.demonstrative && !p.it && !p.plural && !p.linked)
}

/// What the words of a clause before `cue` are, when they are nothing but pointers and fillers
/// ("so *it* …", "but *that's* …", "*they* …").
#[derive(Clone, Copy, Default)]
struct PointerSubject {
    /// "it".
    it: bool,
    /// "that", "this", "that's".
    demonstrative: bool,
    /// "they", "these", "those".
    plural: bool,
    /// A linking word ("which", "then", "thus", "therefore") stands among them.
    linked: bool,
}

/// The clause's words before `cue`, when they are only pointers and fillers (else `None`).
fn pointer_subject<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    cue: usize,
) -> Option<PointerSubject> {
    let mut subject = PointerSubject::default();
    for k in clause_start(tokens, cue)..cue {
        match lower(k) {
            "it" => subject.it = true,
            "that" | "this" | "that's" | "thats" => subject.demonstrative = true,
            "they" | "these" | "those" => subject.plural = true,
            "which" | "then" | "thus" | "therefore" => subject.linked = true,
            "so" | "and" | "but" | "is" | "was" | "would" | "be" | "just" | "really" | "all"
            | "honestly" => {}
            _ => return None,
        }
    }
    Some(subject)
}

/// Whether an omission verb stands in the dozen tokens of the sentence before `i`: "some *skip*
/// the PDB, but that's a mistake".
fn omission_before<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    (i.saturating_sub(12)..i)
        .filter(|&k| tokens[k].sentence == tokens[i].sentence)
        .any(|k| is_omission_verb(lower, k, tokens.len()))
}

/// Whether what an extraposed verdict judges, starting at `from`, is an omission: "it's a mistake
/// *to skip* the PDB", "it would be counterproductive *not to* set requests".
fn omission_follows<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, from: usize) -> bool {
    (from..tokens.len().min(from + 3))
        .take_while(|&k| tokens[k].sentence == tokens[from].sentence)
        .any(|k| is_omission_verb(lower, k, tokens.len()) || lower(k) == "not")
}

/// Whether a harm verdict follows the cue at `i` in its sentence, within a dozen tokens: "*Not*
/// having a PDB is a mistake", "running *without* a PDB is a bad idea".
fn harm_verdict_ahead<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let n = tokens.len();
    let sentence = tokens[i].sentence;
    (i + 1..n.min(i + 12))
        .take_while(|&k| tokens[k].sentence == sentence)
        .any(|k| verdict_at(tokens, lower, k, n).is_some_and(|len| is_harm_verdict(lower, k, len)))
}

/// "The PDB *makes* manual checks *unnecessary*", "a readiness probe *renders* the sleep
/// *redundant*": a verdict after a causative verb judges the verb's object, not its subject —
/// the subject is what makes the object unnecessary, and stays asserted. Denies the object
/// (the words between the verb and the verdict at `i`) and returns true, when the verdict's
/// clause holds such a verb within a few words before it.
fn deny_causative_object<'a>(
    tokens: &mut [Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
) -> bool {
    let clause = tokens[i].clause;
    let Some(verb) = (i.saturating_sub(8)..i)
        .rev()
        .take_while(|&k| tokens[k].clause == clause)
        .find(|&k| {
            matches!(
                lower(k),
                "makes" | "make" | "made" | "making" | "renders" | "render" | "rendered"
            )
        })
    else {
        return false;
    };
    for t in &mut tokens[verb + 1..i] {
        negate(t, i, DenialRule::Verdict);
    }
    true
}

/// Whether the verdict starting at `i` is itself negated ("isn't *useless*", "is far from
/// *pointless*", "never *a bad idea*"): then it judges nothing.
fn verdict_negated<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    let mut k = i;
    while k > 0
        && tokens[k - 1].clause == clause
        && matches!(
            lower(k - 1),
            "a" | "an" | "so" | "really" | "entirely" | "at" | "all"
        )
    {
        k -= 1;
    }
    if k == 0 || tokens[k - 1].clause != clause {
        return false;
    }
    let w = lower(k - 1);
    w.ends_with("n't")
        || matches!(w, "not" | "never")
        || w == "from" && k >= 2 && lower(k - 2) == "far"
}

/// The verdicts grouped by their first word, and each first word's group.
struct VerdictGroups {
    of_word: FxHashMap<&'static str, u16>,
    groups: Vec<Vec<&'static [&'static str]>>,
    /// Per group, the second words of its verdicts, or `None` when one of them is a single word:
    /// "a" and "the" start a score of verdicts each, and one lookup of the next word rules
    /// nearly all of them out.
    seconds: Vec<Option<FxHashSet<&'static str>>>,
}

/// The group of verdicts that start with no word.
pub(crate) const NO_VERDICT: u16 = u16::MAX;

fn verdict_groups() -> &'static VerdictGroups {
    static GROUPS: OnceLock<VerdictGroups> = OnceLock::new();
    GROUPS.get_or_init(|| {
        let mut g = VerdictGroups {
            of_word: FxHashMap::default(),
            groups: Vec::new(),
            seconds: Vec::new(),
        };
        for p in VERDICTS {
            let next = g.groups.len() as u16;
            let id = *g.of_word.entry(p[0]).or_insert(next);
            if id == next {
                g.groups.push(Vec::new());
            }
            g.groups[id as usize].push(p);
        }
        g.seconds = g
            .groups
            .iter()
            .map(|group| group.iter().map(|p| p.get(1).copied()).collect())
            .collect();
        g
    })
}

/// The group of the verdicts that start with the lower-case word `w` ([`NO_VERDICT`] if none
/// does), worked out once per word by the analyser's cache.
pub(crate) fn verdict_group(w: &str) -> u16 {
    verdict_groups()
        .of_word
        .get(w)
        .copied()
        .unwrap_or(NO_VERDICT)
}

/// A dismissive verdict starting at token `i`, as its length in tokens.
fn verdict_at<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    n: usize,
) -> Option<usize> {
    // Nearly every token starts no verdict, which the analyser has already told; only the
    // verdicts that start with the word are compared.
    let group = tokens[i].verdicts;
    if group == NO_VERDICT {
        return None;
    }
    let groups = verdict_groups();
    if let Some(seconds) = &groups.seconds[group as usize] {
        if i + 1 >= n || !seconds.contains(lower(i + 1)) {
            return None;
        }
    }
    // The longest verdict that starts here ("irrelevant details", not "irrelevant"), its words
    // never split by punctuation: "the last thing the function does, nothing is left to do" is
    // no "does nothing".
    let joined = |k: usize| {
        let (prev, next) = (&tokens[i + k - 1], &tokens[i + k]);
        prev.clause == next.clause
            || !(next.after_comma
                || next.after_wrap
                || next.sentence != prev.sentence
                || next.span.start > prev.span.end + 1)
    };
    groups.groups[group as usize]
        .iter()
        .filter(|p| {
            i + p.len() <= n
                && p.iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| lower(i + k) == *w && joined(k))
        })
        .map(|p| p.len())
        .max()
}

/// Verbs that dismiss their object when used as advice: "forget X", "I'd skip X".
fn is_dismissal<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    if !DISMISSALS.contains(&lower(i)) {
        return false;
    }
    // "Leave X alone", "leave X out (of it)"; "leave the node in place" keeps it.
    if lower(i) == "leave"
        && !(i + 2..tokens.len().min(i + 8))
            .take_while(|&k| tokens[k].sentence == tokens[i].sentence)
            .any(|k| matches!(lower(k), "alone" | "out"))
    {
        return false;
    }
    // An imperative at the start of its clause, or advice ("I'd ignore", "just skip"); never
    // after a cue ("don't forget X" asks for X, "no one should skip X" too) nor as a
    // description ("kube-proxy ignores …"), nor as the condition of a consequence ("Skip the
    // preStop hook *and you'll* drop connections").
    let clause = tokens[i].clause;
    let sentence = tokens[i].sentence;
    let consequence = (i + 1..tokens.len().min(i + 12))
        .take_while(|&k| tokens[k].sentence == sentence)
        .any(|k| {
            lower(k) == "and"
                && k + 1 < tokens.len()
                && matches!(
                    lower(k + 1),
                    "you'll" | "you" | "it'll" | "traffic" | "your" | "clients" | "users"
                )
        });
    if consequence {
        return false;
    }
    if (i.saturating_sub(3)..i).any(|k| {
        tokens[k].clause == clause && {
            let w = lower(k);
            w.ends_with("n't") || matches!(w, "no" | "never" | "nobody" | "not")
        }
    }) {
        return false;
    }
    let prev = (i > 0 && tokens[i - 1].clause == clause).then(|| lower(i - 1));
    match prev {
        None => true,
        Some(p) => matches!(
            p,
            "i'd"
                | "we'd"
                | "you'd"
                | "i"
                | "we"
                | "would"
                | "just"
                | "simply"
                | "should"
                | "can"
                | "could"
                | "then"
                | "so"
                | "and"
                | "safely"
                | "totally"
                | "completely"
        ),
    }
}

/// Whether token `i` is the value of a setting written `field: value` or `field=value` with a
/// camelCase field name (`failurePolicy: Ignore`, `restartPolicy: Never`, `--foo=none` is not
/// camelCase and stays a cue only where it was one).
fn is_field_value(tokens: &[Token], text: &str, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let (prev, this) = (&tokens[i - 1], &tokens[i]);
    let separator = text
        .get(prev.span.end..this.span.start)
        .is_some_and(|between| matches!(between.trim(), ":" | "="));
    // The field is the whole chunk before the separator: its pieces share one word.
    let mut first = i - 1;
    while first > 0 && tokens[first - 1].word == prev.word {
        first -= 1;
    }
    separator
        && text
            .get(tokens[first].span.start..prev.span.end)
            .is_some_and(super::segment::is_camel_case)
}

/// "Long-term storage? Nobody uses it." — a short denial right after a question denies the
/// question. One pass over sentences.
fn mark_replies<'a>(tokens: &mut [Token], text: &str, lower: &impl Fn(usize) -> &'a str) {
    let n = tokens.len();
    let mut start = 0;
    let mut prev: Option<(usize, usize)> = None;
    // Where a run of short questions naming a topic each ("Shared root CA? Remote secrets?")
    // begins, when the sentence before `prev` ends one.
    let mut run: Option<usize> = None;
    while start < n {
        let sentence = tokens[start].sentence;
        let mut end = start;
        while end < n && tokens[end].sentence == sentence {
            end += 1;
        }
        deny_terse_verdict(
            tokens,
            text,
            lower,
            prev.map_or(start, |(ps, _)| ps),
            start,
            end,
        );
        deny_fronted_topic(tokens, text, lower, start, end);
        if let Some((ps, pe)) = prev {
            let asked = text
                .get(tokens[pe - 1].span.end..tokens[start].span.start)
                .is_some_and(|between| between.contains('?'));
            let short_question = asked
                && pe - ps <= 12
                && !matches!(
                    lower(ps),
                    "why"
                        | "how"
                        | "what"
                        | "when"
                        | "where"
                        | "which"
                        | "who"
                        | "is"
                        | "are"
                        | "does"
                        | "do"
                        | "can"
                        | "will"
                        | "would"
                        | "should"
                        | "did"
                );
            // Only a sentence after a question can be a reply.
            if asked && is_denying_reply(tokens, lower, (ps, pe), short_question, start, end) {
                // "Shared root CA? Remote secrets? East-west gateways? *You don't need any of
                // that*": a reply that points back at everything asked denies the whole run.
                let from = match run {
                    Some(first) if reply_points_back(lower, start, end) => first,
                    _ => ps,
                };
                for t in &mut tokens[from..pe] {
                    negate(t, start, DenialRule::Reply);
                }
            }
            // (`short_question` holds only after a question mark.)
            run = (short_question && pe - ps <= RUN_QUESTION_TOKENS).then(|| run.unwrap_or(ps));
            // "Why would a PDB help here?" — a rhetorical question, unless the next sentence
            // answers it ("Why a PDB? Because …") — and an answer that only belittles it
            // ("Why would DaemonSets matter? *They barely use CPU.*") is no answer.
            if asked
                && rhetorical(lower, ps, pe)
                && (!answers_why(lower(start)) || belittles(lower, ps, pe, start, end))
            {
                for t in &mut tokens[ps..pe] {
                    negate(t, ps, DenialRule::Reply);
                }
            }
            // "Capabilities can be ignored here. *Same for* hostPath and running as root.": the
            // verdict of the sentence before, carried over to a new list of subjects.
            if let Some(from) = carries_over(lower, start, end) {
                let denied = (ps..pe).find_map(|k| {
                    let rule = DenialRule::from_code(tokens[k].denial)?;
                    matches!(
                        rule,
                        DenialRule::Subject
                            | DenialRule::Verdict
                            | DenialRule::Dismissal
                            | DenialRule::List
                    )
                    .then_some((tokens[k].negated_by as usize, rule))
                });
                if let Some((cue, rule)) = denied {
                    let clause = tokens[from].clause;
                    for t in tokens[from..end]
                        .iter_mut()
                        .take_while(|t| t.clause == clause)
                    {
                        negate(t, cue, rule);
                    }
                }
            }
        }
        prev = Some((start, end));
        start = end;
    }
    if let Some((ps, pe)) = prev {
        let asked = text
            .get(tokens[pe - 1].span.end..)
            .is_some_and(|after| after.trim_start().starts_with('?'));
        if asked && rhetorical(lower, ps, pe) {
            for t in &mut tokens[ps..pe] {
                negate(t, ps, DenialRule::Reply);
            }
        }
    }
}

/// Whether the sentence `start..end`, which follows the question `ps..pe`, is a reply that
/// denies what the question names: "MTU? I've never seen that cause it", "Does exec start a new
/// container? No, …", "hostPath? People blame it, but it's never that".
fn is_denying_reply<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    (ps, pe): (usize, usize),
    short_question: bool,
    start: usize,
    end: usize,
) -> bool {
    let dismissed = matches!(
        lower(start),
        "skip"
            | "forget"
            | "ignore"
            | "nope"
            | "no"
            | "never"
            | "nobody"
            | "none"
            | "irrelevant"
            | "pointless"
            | "useless"
            | "overkill"
            | "overrated"
            | "not"
            | "marketing"
            | "hype"
            | "meaningless"
            | "myth"
            | "nonsense"
            | "nah"
            | "unlikely"
            | "hardly"
            | "waste"
    ) || lower(start) == "a" && start + 1 < end && lower(start + 1) == "myth";
    // "Does exec start a new container? No, …", "Would a PDB help? I doubt it.": a
    // yes/no question answered "no".
    let answered_no = pe - ps <= 16
        && matches!(
            lower(ps),
            "is" | "are" | "does" | "do" | "can" | "will" | "would" | "should" | "did"
        )
        && (matches!(lower(start), "no" | "nope") || is_no_reply(lower, start, end));
    // The reply's first clause is the reply ("I wouldn't bother, minor versions never
    // break anything").
    let reply_end = (start..end)
        .find(|&k| tokens[k].clause != tokens[start].clause)
        .unwrap_or(end);
    // A hedge at the end of the reply is not part of it ("I haven't seen that matter
    // *in practice*").
    let core = trim_hedges(lower, start, end);
    short_question
        && (core - start <= REPLY_TOKENS && is_denial_reply(lower, start, core)
            || reply_end < end
                && reply_end - start <= REPLY_TOKENS
                && is_denial_reply(lower, start, reply_end)
            || doubting_reply(lower, start, end)
            || dismissed_pronoun_reply(tokens, lower, start, end)
            || lead_denial_reply(lower, skip_lead_hedge(lower, start, reply_end), reply_end)
            || restricted_reply(lower, start, end)
            // "Audience binding? *Why would that matter* inside a cluster." — a
            // rhetorical reply, with or without its question mark
            || rhetorical(lower, start, end)
            // "hostPath? People blame it, *but it's never that*."
            || but_never_that(tokens, lower, start, end)
            || dismissed)
        || answered_no
}

/// Whether a dash used as punctuation — an em or en dash, or a hyphen between spaces — stands
/// between tokens `a` and `b` of `text` ("port-forward and pprof *—* skip it").
pub(crate) fn dash_between(tokens: &[Token], text: &str, a: usize, b: usize) -> bool {
    text.get(tokens[a].span.end..tokens[b].span.start)
        .is_some_and(|gap| {
            gap.contains('\u{2014}') || gap.contains('\u{2013}') || gap.contains(" - ")
        })
}

/// Whether the verb at `i` has a noun subject before it in its clause ("the pods lack …"), not
/// a speaker ("we lack the time to …") or nothing at all.
fn has_subject_before<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    i > 0
        && tokens[i - 1].clause == tokens[i].clause
        && tokens[i - 1].kind == super::TokenKind::Word
        && !tokens[i - 1].function_word
        && !is_subject_pronoun(lower(i - 1))
}

/// Terse notes that rule their subject out: "Sidecar: no.", "PDB — n/a", "Taints => nope". The
/// sentence `start..end` ends with a separator (colon, dash, arrow) and at most two words of
/// refusal after it; the words before are denied. A
/// camelCase setting's value (`hostNetwork: no`) is a setting, not a note. A short heading
/// before a colon is a sentence of its own ("Sidecar:" then "no."): `prev` is where the sentence
/// before this one starts (or `start` when there is none).
fn deny_terse_verdict<'a>(
    tokens: &mut [Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    prev: usize,
    start: usize,
    end: usize,
) {
    // The note's key in a sentence of its own: a refusal of one or two words after it.
    let start = if prev < start && start - prev <= 6 && end - start <= 2 {
        prev
    } else {
        start
    };
    let key_end = (end.saturating_sub(3).max(start + 1)..end).find(|&k| {
        let between = text
            .get(tokens[k - 1].span.end..tokens[k].span.start)
            .unwrap_or("");
        let refusal = match end - k {
            1 => matches!(
                lower(k),
                "no" | "nope" | "nah" | "skip" | "irrelevant" | "unnecessary" | "none"
            ),
            2 => matches!(
                (lower(k), lower(k + 1)),
                ("not", "needed" | "relevant" | "necessary" | "required")
                    | ("n", "a")
                    | ("no", "need" | "way")
            ),
            _ => false,
        };
        // "Firewall for VXLAN ports, no.": a bare "no" after a comma ends the note too.
        let comma_no =
            end - k == 1 && matches!(lower(k), "no" | "nope" | "nah") && between.contains(',');
        refusal
            && k - start <= 6
            && (["\u{2014}", "\u{2013}", ":", "=>", "->", " - "]
                .iter()
                .any(|sep| between.contains(sep))
                || comma_no)
            && !is_field_value(tokens, text, k)
    });
    if let Some(key_end) = key_end {
        for t in &mut tokens[start..key_end] {
            negate(t, key_end, DenialRule::Verdict);
        }
    }
}

/// A reply whose last clause turns on the question and rules it out through a pronoun: "People
/// blame them, *but it's never that*", "Everyone mentions it, *but it isn't it*" (the clause opens
/// with "but", holds a negation, and ends on the pronoun; "… but it's never optional" does not).
fn but_never_that<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
    end: usize,
) -> bool {
    let Some(last) = (start + 1..end)
        .rev()
        .find(|&k| tokens[k].clause != tokens[k - 1].clause)
    else {
        return false;
    };
    let end_core = trim_hedges(lower, last, end);
    lower(last) == "but"
        && end - last <= REPLY_TOKENS + 4
        && is_denial_reply(lower, last, end)
        && (matches!(lower(end - 1), "that" | "it" | "them" | "those" | "this")
            && end - last <= REPLY_TOKENS + 1
            // "Nice demos, *but they don't matter* (for real incidents)": the pronoun is the
            // subject, and the verb judges relevance.
            || last + 3 < end_core
                && matches!(lower(last + 1), "they" | "it" | "those" | "these")
                && matches!(lower(last + 2), "don't" | "doesn't" | "won't" | "never" | "rarely")
                && matches!(lower(last + 3), "matter" | "help" | "matters" | "helps"))
}

/// A question in a run of short questions ([`RUN_QUESTION_TOKENS`] tokens at most) that a reply
/// pointing back can deny together.
const RUN_QUESTION_TOKENS: usize = 6;

/// Whether a reply points back at more than one thing asked: "any of that", "none of them",
/// "all of those", "either of these".
fn reply_points_back<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    (start + 1..end).any(|k| {
        lower(k - 1) == "of"
            && matches!(lower(k), "that" | "them" | "these" | "those" | "it")
            && k >= start + 2
            && matches!(lower(k - 2), "any" | "none" | "all" | "either" | "neither")
    })
}

/// A reply whose first clause (at most twelve tokens) opens on a denial and points back at the
/// question: "MTU mismatches? *I've never seen that* cause only occasional failures", "Ingress
/// classes? *That has nothing to do* with routing", "Remote secrets? *You don't need any of
/// that* for this". The denial must come within the clause's first three words.
fn lead_denial_reply<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    end - start <= 12
        && is_denial_reply(lower, start, end.min(start + 3))
        && (start..end).any(|k| {
            matches!(
                lower(k),
                "it" | "that" | "this" | "them" | "those" | "that's" | "it's"
            )
        })
}

/// Where a reply starts after a leading aside on whose view it is: "*In their view* you don't
/// need them", "*Their view was* none of those matter", "*They said* …", "*Honestly*, …".
fn skip_lead_hedge<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> usize {
    let at = |d: usize| word_at(lower, start, end, d);
    let owner = |w: &str| matches!(w, "my" | "their" | "his" | "her" | "our");
    let skip = match (at(0), at(1), at(2)) {
        ("in", o, "view" | "opinion" | "experience") if owner(o) => 3,
        (o, "view" | "answer" | "opinion", "was" | "is") if owner(o) => 3,
        ("they" | "he" | "she", "said" | "say" | "says" | "thought" | "think", _) => 2,
        ("i", "think" | "believe" | "guess", _) => 2,
        ("honestly" | "frankly" | "personally", _, _) => 1,
        _ => 0,
    };
    // At least a word of the reply stays after the aside.
    if start + skip < end {
        start + skip
    } else {
        start
    }
}

/// A reply restricting the topic to another situation, then ruling it out here: "CNI? *That's
/// only relevant when* pods can't talk to each other, *not for* creating them."
fn restricted_reply<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    let at = |d: usize| word_at(lower, start, end, d);
    let rest = match (at(0), at(1), at(2)) {
        ("that's" | "it's" | "that" | "it", "only", _) => 2,
        ("that" | "it", "is", "only") => 3,
        _ => return false,
    };
    matches!(
        at(rest),
        "relevant" | "matters" | "matter" | "applies" | "useful" | "needed" | "helps"
    ) && (start + rest + 1..end).any(|k| lower(k) == "not")
}

/// Whether the sentence `start..end` answering the rhetorical question `ps..pe` about relevance
/// ("Why would X matter / help?") only belittles it: "They barely use CPU.", "It never
/// changes.", "They're tiny."
fn belittles<'a>(
    lower: &impl Fn(usize) -> &'a str,
    ps: usize,
    pe: usize,
    start: usize,
    end: usize,
) -> bool {
    (ps..pe).any(|k| matches!(lower(k), "matter" | "help" | "care"))
        && end - start <= 10
        && (start..end).any(|k| {
            matches!(
                lower(k),
                "barely" | "hardly" | "rarely" | "never" | "tiny" | "negligible" | "nothing"
            ) || lower(k).ends_with("n't")
        })
}

/// A reply of doubt about the question through a pronoun: "Querying the database? *I'd be
/// sceptical that it matters*", "Raising the limit? *I doubt that helps*" (at most ten words).
fn doubting_reply<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    end - start <= 10
        && (start..end).any(|k| {
            matches!(
                lower(k),
                "sceptical" | "skeptical" | "doubt" | "doubtful" | "hardly" | "barely"
            )
        })
        && (start..end).any(|k| matches!(lower(k), "it" | "that" | "this" | "they"))
}

/// A short reply that dismisses the question through a pronoun: "Header propagation in the app?
/// *I'd skip that*", "Bigger nodes? *That's overkill*" (at most twelve words, the pronoun already
/// denied by a dismissal or a verdict).
fn dismissed_pronoun_reply<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
    end: usize,
) -> bool {
    end - start <= 12
        && (start..end).any(|k| {
            tokens[k].negated
                && matches!(
                    DenialRule::from_code(tokens[k].denial),
                    Some(DenialRule::Dismissal | DenialRule::Verdict | DenialRule::Subject)
                )
                && matches!(
                    lower(k),
                    "it" | "that" | "this" | "them" | "those" | "it's" | "that's"
                )
        })
}

/// A topic put first and then ruled out by a predicate with no object of its own: "The PDB I
/// would not touch.", "Taints I wouldn't bother with.", "The sidecar we don't need at all.",
/// "NetworkPolicies, I wouldn't touch them.", "As for the sidecar, forget it.", "When it comes
/// to taints, I wouldn't bother." The topic (one to five words) is denied. A negated omission
/// keeps it ("Requests you can't skip."), and so does a predicate that goes on to an object or a
/// clause of its own ("The PDB we didn't have, which is why …").
fn deny_fronted_topic<'a>(
    tokens: &mut [Token],
    text: &str,
    lower: &impl Fn(usize) -> &'a str,
    start: usize,
    end: usize,
) {
    // Where the predicate starts: a speaker ("I", "we'd" …) or, after a comma, an imperative
    // dismissal ("…, forget it").
    let Some(p) = (start + 1..end.min(start + 18)).find(|&k| {
        matches!(
            lower(k),
            "i" | "we" | "you" | "i'd" | "we'd" | "you'd" | "i'll" | "we'll" | "i've" | "we've"
        ) || tokens[k].after_comma && DISMISSALS.contains(&lower(k))
            // "Lease duration and renew deadline, *those* flags never matter"
            || tokens[k].after_comma && matches!(lower(k), "those" | "these" | "they")
            // "The readiness probe too, *just* ignore it", "…, *please* skip them": the
            // predicate starts at the adverb
            || tokens[k].after_comma
                && matches!(lower(k), "just" | "please" | "simply" | "kindly")
                && k + 1 < end
                && DISMISSALS.contains(&lower(k + 1))
    }) else {
        return;
    };
    // "heap profiles, inuse_space, diffs between snapshots — I wouldn't bother": a list put
    // before a dash, from the last break that is not a comma (a semicolon, a colon, the start).
    let dashed = p > start && dash_between(tokens, text, p - 1, p);
    let topic_start = if dashed {
        (start + 1..p)
            .rev()
            .find(|&k| tokens[k].clause != tokens[k - 1].clause && !tokens[k].after_comma)
            .unwrap_or(start)
    } else {
        match (lower(start), word_at(lower, start, end, 1)) {
            ("as", "for") => start + 2,
            ("when", "it") => (start..p)
                .find(|&k| lower(k) == "to")
                .map_or(start, |k| k + 1),
            _ => start,
        }
    };
    // A short predicate, one clause to the end of the sentence — or followed by one more clause
    // that gives a dismissive reason through a pronoun ("…, please ignore them, *they never
    // cause this*"), which ends the predicate.
    let end = match (p..end).find(|&k| tokens[k].clause != tokens[p].clause) {
        Some(b)
            if b + 2 < end
                && matches!(lower(b), "they" | "it" | "those" | "that")
                && (b + 1..(b + 3).min(end)).any(|k| {
                    let w = lower(k);
                    w.ends_with("n't") || matches!(w, "never" | "not")
                })
                && (b..end).all(|k| tokens[k].clause == tokens[b].clause) =>
        {
            b
        }
        _ => end,
    };
    if topic_start >= p
        || p - topic_start > if dashed { 16 } else { 8 }
        || end - p > 8
        || (p..end).any(|k| tokens[k].clause != tokens[p].clause)
    {
        return;
    }
    // The topic is a noun phrase in one piece (or, before a dash, a list of them): no verb of
    // its own, no clause break inside but a list's commas, not an instruction ("Trim the
    // profile: disable plugins you don't need" is a relative clause).
    if (topic_start..p).any(|k| {
        is_finite_verb(lower(k))
            || is_copula(lower(k))
            || k > topic_start
                && tokens[k].clause != tokens[k - 1].clause
                && !(dashed && tokens[k].after_comma)
    }) || is_imperative(lower(topic_start))
    {
        return;
    }
    let negation = (p..end).any(|k| {
        let w = lower(k);
        w.ends_with("n't") || matches!(w, "not" | "never" | "cannot")
    });
    let dismissal = (p..end).any(|k| DISMISSALS.contains(&lower(k)));
    if !(negation || dismissal) || negation && (p..end).any(|k| OMISSIONS.contains(&lower(k))) {
        return;
    }
    // Nothing after the predicate's verb but particles and pronouns pointing back.
    let Some(v) = (p..end).rev().find(|&k| {
        let w = lower(k);
        DISMISSALS.contains(&w)
            || matches!(
                w,
                "touch"
                    | "need"
                    | "bother"
                    | "use"
                    | "want"
                    | "add"
                    | "recommend"
                    | "trust"
                    | "keep"
                    | "delete"
                    | "care"
                    | "worry"
                    // "… — I've never seen any of those matter"
                    | "matter"
            )
    }) else {
        return;
    };
    let tail_is_empty = (v + 1..end).all(|k| {
        matches!(
            lower(k),
            "with"
                | "out"
                | "alone"
                | "at"
                | "all"
                | "here"
                | "either"
                | "them"
                | "it"
                | "that"
                | "this"
                | "too"
                | "about"
                | "anyway"
                | "really"
                | "now"
                | "any"
                | "of"
                | "those"
                | "these"
                // "… I would not bother *learning*"
                | "learning"
                | "checking"
                | "reading"
                | "tuning"
                | "configuring"
        )
    });
    if !tail_is_empty {
        return;
    }
    for t in &mut tokens[topic_start..p] {
        negate(t, v, DenialRule::Dismissal);
    }
}

/// The `d`-th word of the span `start..end`, or "" past its end.
fn word_at<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize, d: usize) -> &'a str {
    if start + d < end {
        lower(start + d)
    } else {
        ""
    }
}

/// A short reply that says no: "I doubt it", "Unlikely", "Not really", "Nah", "I don't think
/// so", "I'd say no", "Probably not", "Not needed", "Waste of time".
fn is_no_reply<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    if end - start > 6 {
        return false;
    }
    let at = |d: usize| word_at(lower, start, end, d);
    matches!(at(0), "nah" | "unlikely" | "hardly" | "doubtful")
        || matches!(
            (at(0), at(1)),
            ("not", "really" | "at" | "needed" | "necessary")
        )
        || matches!(
            (at(0), at(1)),
            ("i", "doubt") | ("doubt", "it") | ("probably", "not")
        )
        || (at(0), at(1), at(2)) == ("i", "don't", "think")
        || (at(0), at(1)) == ("i", "wouldn't")
        || (at(0), at(1), at(2)) == ("i'd", "say", "no")
        || (at(0), at(1), at(2)) == ("waste", "of", "time")
}

/// Whether the question `start..end` is rhetorical, asking why anyone would bother: "Why would
/// X help?", "Why bother with X?", "Why add X at all?", "What's the point of X?", "Who needs X?",
/// "What good would X do?".
fn rhetorical<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    let at = |d: usize| word_at(lower, start, end, d);
    let has = |words: &[&str]| (start..end).any(|k| words.contains(&lower(k)));
    // "What would X *even change*?", "How would X *fix* a DNS timeout?": what it could achieve.
    let achieves = || {
        has(&[
            "even", "change", "fix", "solve", "achieve", "buy", "help", "matter", "prevent",
        ])
    };
    match at(0) {
        "why" => matches!(
            at(1),
            "would" | "bother" | "add" | "use" | "should" | "do" | "on"
        ),
        "what's" => at(1) == "the" && at(2) == "point" || has(&["going"]) && has(&["do"]),
        "what" => {
            at(1) == "good"
                || matches!(at(1), "would" | "could" | "will")
                    && !is_subject_pronoun(at(2))
                    && (achieves() || word_at(lower, start, end, end - start - 1) == "do")
        }
        // "How would X help?" — hypothetical, never "How does X help?", which an answer asks
        // to explain it.
        "how" => {
            matches!(at(1), "would" | "could")
                && !is_subject_pronoun(at(2))
                && has(&["help", "fix", "solve", "matter", "change", "prevent"])
        }
        "who" => at(1) == "needs",
        _ => false,
    }
}

/// Whether a sentence opening with `w` answers the question before it ("Because …", "To …").
fn answers_why(w: &str) -> bool {
    matches!(
        w,
        "because" | "since" | "to" | "so" | "yes" | "it" | "that" | "they"
    )
}

/// Where the subjects begin in a sentence `start..end` that opens by carrying over the verdict
/// of the one before: "Same for X", "Same with X", "(The) same goes for X", "Same thing for X",
/// "Likewise X", "Ditto X".
fn carries_over<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> Option<usize> {
    let mut k = start;
    if lower(k) == "the" {
        k += 1;
    }
    if k >= end {
        return None; // a sentence that is only "The"
    }
    let opener = match lower(k) {
        "likewise" | "ditto" => k + 1,
        "same" => {
            let mut j = k + 1;
            if j < end && matches!(lower(j), "goes" | "thing" | "story") {
                j += 1;
            }
            if j < end && matches!(lower(j), "for" | "with") {
                j + 1
            } else {
                return None;
            }
        }
        _ => return None,
    };
    (opener < end).then_some(opener)
}

fn is_denial_reply<'a>(lower: &impl Fn(usize) -> &'a str, start: usize, end: usize) -> bool {
    (start..end).any(|k| {
        let w = lower(k);
        matches!(
            w,
            "no" | "not"
                | "nope"
                | "never"
                | "nobody"
                | "nothing"
                | "pointless"
                | "useless"
                | "irrelevant"
                | "overrated"
                | "overkill"
                | "unnecessary"
                | "negligible"
                | "none"
                | "gimmick"
                | "herring"
                | "distraction"
                | "hype"
                | "academic"
                | "overengineering"
                | "overblown"
                | "overstated"
                | "fad"
                | "trivia"
        ) || w.ends_with("n't")
            // "X versus Y? *Both are the same* (in practice)": no difference worth stating.
            || w == "same" && k > start && matches!(lower(k - 1), "the" | "all") && (start..k).any(|j| matches!(lower(j), "both" | "they're" | "they" | "it's" | "all"))
    })
}

/// "… has no istiod *and its* proxies are …": a conjunction followed by a new subject starts a
/// new clause, which the negation does not reach.
fn starts_new_clause<'a>(lower: &impl Fn(usize) -> &'a str, j: usize, n: usize) -> bool {
    matches!(lower(j), "and" | "or")
        && j + 1 < n
        && (is_subject_pronoun(lower(j + 1))
            // "… never affected by upgrades *and only* apply to …": a second predicate.
            || matches!(
                lower(j + 1),
                "only"
                    | "also"
                    | "then"
                    | "still"
                    | "just"
                    | "instead"
                    | "simply"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "has"
                    | "have"
                    | "does"
                    | "can"
            ))
}

/// Words that open a clause's subject: "and *it* …", "but *they* …".
fn is_subject_pronoun(w: &str) -> bool {
    matches!(
        w,
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
            | "waste"
            | "worry"
            | "care"
            | "trust"
            | "tune"
    )
}

/// Verbs of saying, in an interviewer's note of what a candidate left out: "did not mention X, Y
/// or Z", "never explained X or Y". Negated, they rule out a whole list, as advice verbs do.
fn is_reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "mention"
            | "mentioned"
            | "explain"
            | "explained"
            | "cover"
            | "covered"
            | "discuss"
            | "discussed"
            | "address"
            | "addressed"
            | "describe"
            | "described"
            | "name"
            | "named"
            | "raise"
            | "raised"
            | "talk"
            | "talked"
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
        // "not because of X but because of Y", "not due to X": the reason after it is denied.
        _ if is_negation_trigger(w) && next(1) == "because" => {
            (true, if next(2) == "of" { i + 3 } else { i + 2 })
        }
        _ if is_negation_trigger(w) && next(1) == "due" && next(2) == "to" => (true, i + 3),
        _ if is_negation_trigger(w) => (true, i + 1),
        _ => (false, i + 1),
    }
}

/// Whether token `i` stands inside a short quotation ("the client sends \"no TLS\" or \"one-way
/// TLS\"", a message like `"not ready"`): quoted words are a name, a value or a message, and a cue
/// among them denies nothing of the answer. A quotation opens with a quote mark right before a
/// word and closes with one right after a word, at most [`QUOTE_TOKENS`] tokens either side.
fn in_short_quote(tokens: &[Token], text: &str, i: usize) -> bool {
    const QUOTES: &[char] = &['"', '\u{201C}', '\u{201D}', '`'];
    // The text between token `k` and the next token (or the end of the text).
    let after = |k: usize| {
        let to = tokens.get(k + 1).map_or(text.len(), |t| t.span.start);
        text.get(tokens[k].span.end..to).unwrap_or("")
    };
    let before = |k: usize| {
        if k == 0 {
            text.get(..tokens[0].span.start).unwrap_or("")
        } else {
            after(k - 1)
        }
    };
    let sentence = tokens[i].sentence;
    let in_sentence = |k: &usize| tokens[*k].sentence == sentence;
    // The nearest quote mark before the cue must open (sit right before a word), the nearest one
    // after it must close (sit right after a word).
    let opened = (i.saturating_sub(QUOTE_TOKENS)..=i)
        .rev()
        .take_while(in_sentence)
        .find(|&k| before(k).contains(QUOTES))
        .is_some_and(|k| before(k).ends_with(QUOTES));
    let closed = (i..tokens.len().min(i + 1 + QUOTE_TOKENS))
        .take_while(in_sentence)
        .find(|&k| after(k).contains(QUOTES))
        .is_some_and(|k| after(k).starts_with(QUOTES));
    opened && closed
}

/// How far a short quotation reaches either side of a cue, in tokens.
const QUOTE_TOKENS: usize = 6;

/// "You cannot go back *without* reinstalling", "it is impossible to see the crash *without*
/// the previous logs": a negation before "without" in its clause makes what follows a
/// requirement, not something ruled out.
fn negated_before<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    let clause = tokens[i].clause;
    (i.saturating_sub(8)..i)
        .filter(|&k| tokens[k].clause == clause)
        .any(|k| {
            let w = lower(k);
            w.ends_with("n't")
                || matches!(w, "not" | "cannot" | "never" | "no" | "impossible" | "unable")
                // "hard to tell *without* the logs", not a "hard limit *without* a request".
                || w == "hard" && k + 1 < i && lower(k + 1) == "to"
        })
}

/// Omissions and dismissals that a negation turns into advice to keep the thing: "don't
/// *skip* the PDB", "never *ignore* X", "no one should *overlook* X".
const OMISSIONS: &[&str] = &[
    "skip",
    "ignore",
    "overlook",
    "underestimate",
    "neglect",
    "omit",
    "dismiss",
    "discount",
    "forget",
    "mention",
    "call",
    "consider",
];

/// Negative verdicts a negation cancels: "the PDB isn't *useless*", "not a *bad* idea", "it
/// doesn't *hurt* to add X", "not *uncommon*".
const CANCELLED_VERDICTS: &[&str] = &[
    "bad",
    "useless",
    "pointless",
    "irrelevant",
    "unnecessary",
    "overkill",
    "moot",
    "redundant",
    "uncommon",
    "unusual",
    "red",
    "myth",
    "mistake",
    "hurt",
];

/// Whether the negation at `i` cancels against what follows it, so nothing is denied: a
/// negated omission or negative verdict (litotes: "don't skip X", "X isn't useless", "not a bad
/// idea"), or "nothing/no" before a word that crowns what follows ("nothing *beats* X", "no
/// amount of retries *replaces* X", "there's no way *around* X", "no *better* fix than X").
fn cancels_out<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    i: usize,
    scope_start: usize,
) -> bool {
    let clause = tokens[i].clause;
    let cue = lower(i);
    if matches!(cue, "no" | "lack" | "not")
        && !relevance_predicate_after(tokens, lower, i)
        && names_a_cause(tokens, lower, i)
    {
        return true;
    }
    // "*Not* having a PDB is a mistake", "running *without* a readiness probe is a bad idea",
    // "it's a mistake *not* to set requests": harm from the absence.
    if matches!(cue, "not" | "never" | "without" | "lacking" | "no")
        && (harm_verdict_ahead(tokens, lower, i) && omission_cue(tokens, lower, i)
            || cue == "not"
                && (i.saturating_sub(3)..i)
                    .any(|k| tokens[k].clause == clause && HARM_WORDS.contains(&lower(k))))
    {
        return true;
    }
    let end = tokens.len().min(scope_start + 4);
    let mut k = scope_start;
    while k < end
        && tokens[k].clause == clause
        && matches!(
            lower(k),
            "one"
                | "should"
                | "ever"
                | "you"
                | "we"
                | "i"
                | "must"
                | "be"
                | "to"
                | "a"
                | "an"
                | "so"
                | "that"
                | "really"
                | "entirely"
                | "at"
                | "all"
                | "is"
                | "would"
        )
    {
        k += 1;
    }
    if k >= end || tokens[k].clause != clause {
        return false;
    }
    let next = lower(k);
    if matches!(cue, "nothing" | "no" | "none" | "nobody") {
        // "no one should skip X", "nobody should ignore X"; but "no mention of X" is an
        // interviewer's note that X was left out.
        let noun = k + 1 < end && matches!(lower(k + 1), "of" | "about");
        if matches!(cue, "no" | "nobody") && OMISSIONS.contains(&next) && !noun {
            return true;
        }
        return (scope_start..end.min(scope_start + 3))
            .take_while(|&j| tokens[j].clause == clause)
            .any(|j| {
                matches!(
                    lower(j),
                    "beats" | "beat" | "replaces" | "replace" | "substitutes" | "rivals" | "better"
                ) || lower(j) == "around" && j > 0 && lower(j - 1) == "way"
                    || lower(j) == "more"
                        && j + 1 < tokens.len()
                        && matches!(lower(j + 1), "important" | "useful" | "reliable")
            });
    }
    let negation = cue.ends_with("n't") || matches!(cue, "not" | "never" | "cannot");
    // An omission is cancelled by advice ("don't skip X", "you can't skip X", "I'd never skip
    // X"), not by a description of what something does ("Local doesn't skip the LB").
    let advice = matches!(
        cue,
        "don't" | "never" | "shouldn't" | "mustn't" | "wouldn't" | "can't" | "cannot"
    ) || cue == "not"
        && !(i > 0 && matches!(lower(i - 1), "does" | "did" | "is" | "was" | "will"));
    negation && (advice && OMISSIONS.contains(&next) || CANCELLED_VERDICTS.contains(&next))
}

/// "The lack of a PDB is the root cause", "No PDB was configured, which is why the drain
/// evicted everything", "Not having a readiness probe is what caused the errors": an absence
/// named as the cause of what went wrong says the thing matters. The cue opens its sentence (at
/// most three words in), and the sentence names a cause within a dozen words (a bare "so …" is
/// not enough: "UDP has no handshake, so the LB …" states a fact).
fn names_a_cause<'a>(tokens: &[Token], lower: &impl Fn(usize) -> &'a str, i: usize) -> bool {
    if near_sentence_start(tokens, i, 3).is_none() {
        return false;
    }
    let sentence = tokens[i].sentence;
    let mut end = i + 1;
    while end < tokens.len().min(i + 14) && tokens[end].sentence == sentence {
        end += 1;
    }
    let words = i + 1..end;
    // "No PDB is needed, so the drain is fine" rules the PDB out.
    if words.clone().any(|k| {
        matches!(
            lower(k),
            "needed" | "necessary" | "required" | "need" | "matter" | "matters" | "help" | "helps"
        )
    }) {
        return false;
    }
    words.clone().any(|k| {
        matches!(lower(k), "caused" | "causes" | "hence" | "therefore")
            || k + 1 < end
                && matches!(
                    (lower(k), lower(k + 1)),
                    ("root", "cause") | ("is", "why") | ("that's", "why") | ("led", "to")
                )
    })
}

/// Whether the word at `i` opens a question ("*Isn't* the readiness probe the obvious fix?",
/// "*Wouldn't* a PDB solve this?"): a negative question leans towards yes. The sentence is
/// walked once, from its first word.
fn opens_question(tokens: &[Token], text: &str, i: usize) -> bool {
    if near_sentence_start(tokens, i, 0).is_none() {
        return false;
    }
    let sentence = tokens[i].sentence;
    let mut last = i;
    while last + 1 < tokens.len() && tokens[last + 1].sentence == sentence {
        last += 1;
    }
    let to = tokens.get(last + 1).map_or(text.len(), |t| t.span.start);
    text.get(tokens[last].span.end..to)
        .is_some_and(|after| after.trim_start().starts_with('?'))
}

fn is_figure_of_speech<'a>(
    tokens: &[Token],
    lower: &impl Fn(usize) -> &'a str,
    conditional: bool,
    i: usize,
    scope_start: usize,
) -> bool {
    // "no matter what" is a figure of speech; "route reflectors won't matter" is a verdict.
    if scope_start < tokens.len()
        && is_pseudo_negation_follower(lower(scope_start))
        && (lower(scope_start) != "matter" || lower(i) == "no")
    {
        return true;
    }
    // Conditionals and counterfactuals explain a consequence; they do not deny the concept.
    if conditional {
        return true;
    }
    // "Without a PDB, the drain …", "Keep it scoped: without a selector it applies to …": a
    // "without" opening its sentence or a clause after a colon, semicolon or dash states a
    // condition.
    // A leading conjunction or adverb does not change that ("*But* without --target it gets its
    // own network namespace").
    if lower(i) != "without" {
        return false;
    }
    let start = clause_start(tokens, i);
    (start..i).all(|k| {
        matches!(
            lower(k),
            "and" | "but" | "so" | "yet" | "or" | "even" | "also" | "then" | "still" | "plus"
        )
    }) && (start == 0 || !tokens[start].after_comma)
}
