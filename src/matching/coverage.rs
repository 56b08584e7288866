//! Content-word coverage of reference answers: the fallback credit a drafted rubric gives an
//! answer that states the reference's idea in its own order and words (see
//! [`Coverage`](crate::rubric::Coverage)).
//!
//! Compiled once per rubric: each reference becomes a list of content-word stems with a weight
//! (demoted when the question already uses the word) and a stance (asserted or denied in the
//! reference). An answer is analysed once by the grader; its stems, split by stance, are looked
//! up here. Numbers and identifiers compare by their exact normalised text, as elsewhere.
//!
//! A reference word counts when the answer states it, a synonym, or — for a common gradable
//! adjective — another degree of it ("higher" for "high pitch"), with the reference's stance, or
//! denies its antonym or opposite comparison ("not in the same path" for "in different paths");
//! a word of its family ("heater" for "heat") earns half. Comparison words count even where the
//! analyser calls them function words ("the same path"), at half weight. A
//! word the answer contradicts (states with the other stance, or replaces by an antonym or the
//! opposite comparison, "different" for "same") earns nothing; with several references, the share of the most contradicted one is also taken off
//! at [`CROSS_REFERENCE_CONTRADICTION`], so agreeing with one reference does not excuse denying
//! what another asserts. Words that references state with both stances settle nothing and are
//! not counted against the answer. A number that no reference or the question has contradicts
//! the reference numbers the answer does not state, and each such number takes
//! [`WRONG_NUMBER_PENALTY`] times its weight off. An order of growth (`O(n log n)`, see
//! [`growth_terms`]) is one word, stated by any notation of it and contradicted by another; a
//! queue's order (first in, first out; FIFO) contradicts the words that state a stack's (last
//! in, first out; LIFO), and the reverse.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use super::growth::{growth_terms, loose_growth_terms, Growth};
use crate::analysis::{Analysis, Analyzer, Token, TokenKind};
use crate::rubric::{Coverage, DEMOTED_WORD_WEIGHT};

/// With several references: how much of the most contradicted reference's contradicted share
/// comes off the best recall. Chosen on the SemEval-2013 training splits.
pub const CROSS_REFERENCE_CONTRADICTION: f32 = 0.5;

/// The share of a reference word's weight that a word of the same family earns ("heater" for
/// "heat", "pathway" for "path", "tighten" for "tighter"; see `related`). Chosen on the
/// SemEval-2013 training splits.
pub const RELATED_WORD_CREDIT: f32 = 0.5;

/// The weight of a reference word that the question's setup already uses, but not what it asks
/// (see `demoted_weights`). Chosen on the SemEval-2013 training splits.
pub const CONTEXT_WORD_WEIGHT: f32 = 0.5;

/// The most an order of growth (`O(n log n)`) of a reference weighs, in content words: as much as
/// the reference's other words, up to this ("O(n log n) in the best, average and worst case" is
/// half about its order of growth; "… contiguous memory, fixed size and constant-time indexing
/// …" is not). Not tuned: SemEval-2013 has none.
const GROWTH_WEIGHT: f32 = 4.0;

/// How many times its weight a reference number that the answer contradicts — stating another
/// number, one no reference or the question has, instead — takes off the recall. Chosen on the
/// SemEval-2013 training splits (SciEntsBank / Beetle train 0.508 / 0.597 without it, 0.511 /
/// 0.599 at 1, 0.511 / 0.600 at 2, 0.511 / 0.601 at 3).
pub const WRONG_NUMBER_PENALTY: f32 = 2.0;

/// The weight of a comparison word that the analyser counts as a function word ("same",
/// "more"), against 1 for a content word.
const COMPARISON_WORD_WEIGHT: f32 = 0.5;

/// Comparison words (stemmed) and their opposites: a short answer turns on them ("in the same
/// path" against "in different paths"), so coverage counts them even where the analyser treats
/// them as function words, and stating the opposite contradicts the reference.
const COMPARISONS: &[(&str, &[&str])] = &[
    ("same", &["differ"]),
    ("differ", &["same"]),
    ("more", &["less", "fewer"]),
    ("less", &["more"]),
    ("fewer", &["more"]),
    ("most", &["least"]),
    ("least", &["most"]),
    ("increas", &["decreas"]),
    ("decreas", &["increas"]),
];

/// The opposites of a comparison word's stem, if it is one.
fn comparison(stem: &str) -> Option<&'static [&'static str]> {
    COMPARISONS
        .iter()
        .find(|(w, _)| *w == stem)
        .map(|(_, opposites)| *opposites)
}

/// What an answer earned from a rubric's content-word coverage, with the words behind it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageResult {
    /// The share of the coverage weight earned, 0–1 (after the saturating curve).
    pub credit: f32,
    /// Points of the 100 it adds to the score (before penalties and caps).
    pub points: f32,
    /// The most points coverage can add.
    pub max_points: f32,
    /// Weighted recall of the best-matching reference's words, 0–1, less contradictions.
    pub recall: f32,
    /// The best-matching reference (0 is the model answer).
    pub reference: usize,
    /// Its words the answer states (directly, by a synonym or another degree, or by denying an
    /// antonym).
    pub covered: Vec<String>,
    /// Its words the answer does not state.
    pub missing: Vec<String>,
    /// Its words the answer contradicts (states with the other stance, or by an antonym).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub contradicted: Vec<String>,
    /// Its words the answer states only by a word of the same family ("tighten" for "tighter",
    /// "magnetic" for "magnet"), for [`RELATED_WORD_CREDIT`] of their weight.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub related: Vec<String>,
    /// Covered or missing words that the question already uses (they count a fifth).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub demoted: Vec<String>,
    /// Contradicted words that the answer says of the wrong one of the things the question sets
    /// side by side, swapping what the reference says of each ("BFS uses a stack and DFS a
    /// queue"; see `Placement`).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub swapped: Vec<String>,
}

/// One reference word: its stem and the stems that also state it.
#[derive(Clone, Debug)]
struct RefWord {
    /// As the reference writes it, lower-case.
    word: String,
    /// As coverage results list it: the word, or "not " and the word when the reference denies it.
    label: String,
    stems: Vec<String>,
    antonyms: Vec<String>,
    weight: f32,
    demoted: bool,
    denied: bool,
    /// Some reference asserts it and some denies it: its stance settles nothing on its own.
    mixed: bool,
    /// Written in capitals, 2–6 letters ("LIFO"): an answer may spell it out.
    acronym: bool,
    /// An asserted word of four letters or more: a word of its family earns part of its weight.
    family: bool,
    /// An order of growth (`O(n log n)`), compared by its key (see [`growth_terms`]).
    growth: bool,
    /// A number ("terminal 4").
    number: bool,
}

/// A reference's words in order, by first letter, for acronyms: the index of each token's
/// [`RefWord`] when it is one.
type Initials = Vec<(char, Option<usize>)>;

/// Where an acronym of 3–6 letters spells out reference words: per reference, the indices of the
/// [`RefWord`]s it covers.
type Spellings = FxHashMap<String, Vec<(usize, Vec<usize>)>>;

/// How an answer states a stem: asserted, denied or both.
const ASSERTED: u8 = 1;
const DENIED: u8 = 2;
/// The same for an antonym of the reference word (shifted past the two above).
const ANTONYM: u8 = 2;
/// An acronym of the answer spells the reference word out.
const SPELLED: u8 = 16;

/// A 4,096-bit sieve over cheap fingerprints of words (first, second and last byte, length) or
/// of 4-byte keys: a lookup that rules almost every other word out before it is hashed (a
/// first-letter-and-length filter let through every word that starts with a common letter).
#[derive(Clone, Debug)]
struct Sieve(Box<[u64; 64]>);

impl Sieve {
    fn new() -> Sieve {
        Sieve(Box::new([0; 64]))
    }

    /// The fingerprint of a word.
    fn of_word(word: &str) -> u32 {
        let b = word.as_bytes();
        match (b.first(), b.last()) {
            (Some(&first), Some(&last)) => u32::from_le_bytes([
                first,
                b.get(1).copied().unwrap_or(0),
                last,
                b.len().min(255) as u8,
            ]),
            _ => 0,
        }
    }

    /// The bit of a fingerprint (Fibonacci hashing down to 12 bits).
    fn slot(x: u32) -> (usize, u64) {
        let h = (x.wrapping_mul(0x9E37_79B1) >> 20) as usize;
        (h >> 6, 1 << (h & 63))
    }

    /// The two fingerprints a word one typo away from a `len`-byte word shares with it: its
    /// first two bytes, or its first and last (one edit, after the first letter, of a word of
    /// five letters or more, cannot change both the second and the last byte). Tagged in the
    /// top bit so that they never meet [`Sieve::of_word`]'s.
    fn typo_keys(word: &str, len: usize) -> [u32; 2] {
        let b = word.as_bytes();
        let (first, second, last) = (
            b.first().copied().unwrap_or(0),
            b.get(1).copied().unwrap_or(0),
            b.last().copied().unwrap_or(0),
        );
        let len = (len.min(127) as u8) | 0x80;
        [
            u32::from_le_bytes([first, second, 0, len]),
            u32::from_le_bytes([first, 0, last, len]),
        ]
    }

    fn insert(&mut self, x: u32) {
        let (i, bit) = Sieve::slot(x);
        self.0[i] |= bit;
    }

    fn may_contain(&self, x: u32) -> bool {
        let (i, bit) = Sieve::slot(x);
        self.0[i] & bit != 0
    }
}

/// The answer's stems that are one letter longer, shorter or different from a reference word's
/// five-letter-or-longer stem, with how each is stated: the candidates of the typo check.
struct NearStems<'a>(Vec<(&'a str, u8)>);

impl NearStems<'_> {
    /// How the stems that are `stem` with one typo are stated: ASSERTED, DENIED, both or
    /// neither (0).
    fn typo_sides(&self, stem: &str) -> u8 {
        if stem.len() < 5 {
            return 0;
        }
        self.0
            .iter()
            .filter(|x| is_typo(stem, x.0))
            .fold(0, |sides, x| sides | x.1)
    }
}

/// How an answer stands to one reference word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stand {
    Covered,
    /// Stated only by a word of the same family.
    Related,
    Missing,
    Contradicted,
}

/// The weight of each content word of the `demote` text (the question): a fifth
/// ([`DEMOTED_WORD_WEIGHT`]) in what it asks — its last sentence and any sentence ending in a
/// question mark — and [`CONTEXT_WORD_WEIGHT`] in the setup before it ("Denise made a circuit
/// … What will happen to the bulb?"), whose words an answer explains with rather than repeats.
fn demoted_weights(a: &Analysis, text: &str) -> FxHashMap<String, f32> {
    let tokens = a.tokens();
    let last = tokens.last().map_or(0, |t| t.sentence);
    let asks = |sentence: u32| {
        sentence == last
            || tokens
                .iter()
                .rfind(|t| t.sentence == sentence)
                .and_then(|t| text.get(t.span.end..))
                .is_some_and(|rest| rest.trim_start().starts_with('?'))
    };
    let mut asking: Vec<Option<bool>> = Vec::new();
    let mut out: FxHashMap<String, f32> = FxHashMap::default();
    for t in tokens.iter().filter(|t| is_content(a, t)) {
        let s = t.sentence as usize;
        if asking.len() <= s {
            asking.resize(s + 1, None);
        }
        let asked = *asking[s].get_or_insert_with(|| asks(t.sentence));
        let weight = if asked {
            DEMOTED_WORD_WEIGHT
        } else {
            CONTEXT_WORD_WEIGHT
        };
        let entry = out.entry(a.stem(t).to_string()).or_insert(weight);
        *entry = entry.min(weight);
    }
    out
}

/// The stems of the analyser's function words, computed once.
fn function_word_stems() -> &'static [Box<str>] {
    static STEMS: OnceLock<Vec<Box<str>>> = OnceLock::new();
    STEMS.get_or_init(|| {
        let analyzer = Analyzer::new();
        let mut stems: Vec<Box<str>> = Vec::new();
        for word in crate::analysis::function_words() {
            let a = analyzer.analyze(word);
            stems.extend(
                a.tokens()
                    .iter()
                    .filter(|t| t.function_word)
                    .map(|t| a.stem(t).into()),
            );
        }
        stems.sort_unstable();
        stems.dedup();
        stems
    })
}

/// Whether no function word can count for or against any reference word: none is in `index`
/// (as a reference word, a synonym, another degree or an antonym: comparison words such as
/// "same" and "more" are), none is a typo of one, and none is of a reference word's family.
/// Function words are compared in lower case, before stemming, so an answer's function word has
/// the stem it has on its own; when this holds, grading skips them (about half of an answer's
/// words) with the same result.
fn function_words_inert(
    references: &[Vec<RefWord>],
    index: &FxHashMap<Box<str>, Vec<(u32, bool)>>,
) -> bool {
    function_word_stems().iter().all(|stem| {
        !index.contains_key(stem)
            && (stem.len() < 4
                || !references.iter().flatten().any(|w| {
                    let own = w.stems[0].as_str();
                    (own.len() >= 5 && is_typo(own, stem)) || (w.family && related(own, stem))
                }))
    })
}

/// The stem coverage gives an order of growth of key `key`: no analysed word has one like it.
fn growth_stem(key: &str) -> String {
    format!("o({key})")
}

/// The order in which a collection gives its items back: a stack's or a queue's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// Last in, first out (also "first in, last out").
    Lifo,
    /// First in, first out.
    Fifo,
}

impl Order {
    fn opposite(self) -> Order {
        match self {
            Order::Lifo => Order::Fifo,
            Order::Fifo => Order::Lifo,
        }
    }

    /// Its acronym, lower-case.
    fn acronym(self) -> &'static str {
        match self {
            Order::Lifo => "lifo",
            Order::Fifo => "fifo",
        }
    }

    /// The orders `text` states, as an acronym or spelled out.
    fn stated(text: &str) -> Vec<Order> {
        let lower = text.to_lowercase();
        if !(lower.contains("fo") || lower.contains("first")) {
            return Vec::new();
        }
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let joined = words.concat();
        let mut out = Vec::new();
        let has = |w: &str| words.contains(&w);
        if has("lifo")
            || has("filo")
            || joined.contains("lastinfirstout")
            || joined.contains("firstinlastout")
        {
            out.push(Order::Lifo);
        }
        if has("fifo") || joined.contains("firstinfirstout") {
            out.push(Order::Fifo);
        }
        out
    }
}

/// The first four bytes of a stem, the key of its word family.
fn family_key(stem: &str) -> Option<u32> {
    Some(u32::from_le_bytes(
        stem.as_bytes().get(..4)?.try_into().ok()?,
    ))
}

/// Whether two different stems are of one family: the shorter (four letters or more) begins the
/// longer ("heat" → "heater", "path" → "pathway"), or does but for its last letter when it has
/// six or more ("tighter" → "tighten"). "array" and "arrange" are not one family.
fn related(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let shorter = a.len().min(b.len());
    common >= 4 && (common == shorter || (shorter >= 6 && common + 1 == shorter))
}

/// The stems of the words that the comparison operators of `text` state: `>=` and `≥` "greater
/// (larger, more) … equal", `<=` and `≤` "less (smaller, fewer) … equal", and `>` and `<` written
/// between spaces (so that `->`, `<<`, `vector<int>` and `<br>` are none).
fn comparison_operators(text: &str) -> Vec<&'static str> {
    const GREATER: &[&str] = &["greater", "larger", "bigger", "more", "higher"];
    const LESS: &[&str] = &["less", "smaller", "fewer", "lower"];
    let mut out: Vec<&'static str> = Vec::new();
    let mut add = |words: &[&'static str], equal: bool| {
        for w in words {
            if !out.contains(w) {
                out.push(w);
            }
        }
        if equal && !out.contains(&"equal") {
            out.push("equal");
        }
    };
    if text.contains(">=") || text.contains('≥') {
        add(GREATER, true);
    }
    if text.contains("<=") || text.contains('≤') {
        add(LESS, true);
    }
    if text.contains(" > ") {
        add(GREATER, false);
    }
    if text.contains(" < ") {
        add(LESS, false);
    }
    out
}

/// The hyphenated compounds of `a`, analysed from `text` ("in-order", "sub-tree": two or more
/// word tokens of one word, each joined to the next by a hyphen), each with the stem of the word
/// written solid and its tokens.
fn compounds<'a>(a: &'a Analysis, text: &str) -> Vec<(String, &'a [Token])> {
    let tokens = a.tokens();
    let mut out = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len()
            && tokens[end].word == tokens[start].word
            && tokens[end - 1].span.end + 1 == tokens[end].span.start
            && text.as_bytes().get(tokens[end - 1].span.end) == Some(&b'-')
        {
            end += 1;
        }
        let parts = &tokens[start..end];
        if parts.len() >= 2 && parts.iter().all(|t| t.kind == TokenKind::Word) {
            let solid: String = parts.iter().map(|t| a.norm(t)).collect();
            out.push((crate::analysis::stem(&solid).into(), parts));
        }
        start = end;
    }
    out
}

/// A [`Coverage`] compiled for one rubric.
#[derive(Clone, Debug)]
pub struct WordCoverage {
    references: Vec<Vec<RefWord>>,
    /// Where each reference's words start in the list of all references' words.
    offsets: Vec<usize>,
    /// Every stem that states a reference word (its own, a synonym's, another degree's) or
    /// contradicts it (an antonym's) → (index among all references' words, whether antonym).
    index: FxHashMap<Box<str>, Vec<(u32, bool)>>,
    /// The fingerprints of `index`'s stems.
    index_sieve: Sieve,
    /// The [`Sieve::typo_keys`] of the answer stems that may be a typo of a reference word.
    typo_sieve: Sieve,
    /// The family keys of reference words that a related word may state.
    families: FxHashSet<u32>,
    /// The fingerprints of `families`, checked before hashing.
    family_sieve: Sieve,
    /// Acronyms that spell out reference words ("lifo" for "last in, first out").
    spellings: Spellings,
    /// The fingerprints of `spellings`' acronyms.
    spelling_sieve: Sieve,
    /// Whether some reference word is itself an acronym (written in capitals).
    any_acronym: bool,
    /// Whether some reference states an order of growth: answers are then read for theirs.
    any_growth: bool,
    /// The references that state a removal order (last in, first out): reference, order, and
    /// the indices of the words that state it.
    orders: Vec<(usize, Order, Vec<usize>)>,
    /// The references' and the question's numbers, when some reference has one (else empty): an
    /// answer's other numbers are wrong ones.
    numbers: FxHashSet<String>,
    /// Whether no function word of an answer can state, contradict or relate to a reference
    /// word (see [`function_words_inert`]): the answer's function words are then not looked at.
    function_words_inert: bool,
    /// References that say one thing of each thing the question names ("BFS … a queue; DFS … a
    /// stack"), for answers that swap what they say (see [`Placement`]).
    placements: Vec<Placement>,
    full: f32,
    curve: f32,
}

/// What a reference says of each of the things a question sets side by side: "BFS visits
/// level by level using a queue; DFS goes deep, using a stack" says "queue" of BFS and "stack"
/// of DFS. The reference is cut into parts at sentences, semicolons and the conjunctions that
/// join two statements ("and", "but", "whereas", "while"); a part's anchor is its first word
/// that the question uses and no other part has, and a part without one belongs to the part
/// before it. An answer that says a word of one part after another part's anchor, and a word of
/// that part after the first part's anchor, has swapped them ("BFS uses a stack and DFS uses a
/// queue"): the swapped words are contradicted, unless the answer also says them of their own
/// anchor. A swap in one direction only is no evidence ("a stack removes from the top" uses a
/// word the reference happened to say of the queue).
#[derive(Clone, Debug, Default)]
struct Placement {
    /// The reference, by its index among the kept references.
    reference: usize,
    /// Anchor words (their stems: an answer names an anchor by its own word, never a synonym)
    /// and their part.
    anchors: Vec<(Box<str>, u8)>,
    /// Words that one part alone has (index among all references' words) and that part.
    placed: Vec<(u32, u8)>,
}

/// The most sentences and semicolon-separated statements a reference may have for
/// [`Placement`]: a key that compares a few things, not a paragraph that explains one.
const MAX_PLACEMENT_STATEMENTS: usize = 3;

/// A reference's words that one part alone has (stem, part) and its parts' anchors (stems).
type ReferenceParts = (Vec<(String, u8)>, Vec<String>);

/// Cuts an analysed reference into parts and finds their anchors (see [`Placement`]): for each
/// content token, its part after merging parts without an anchor, and the anchor tokens' stems.
/// `None` when fewer than two parts have an anchor.
fn reference_parts(
    a: &Analysis,
    text: &str,
    asked: &FxHashMap<String, f32>,
    growth: &[Growth],
) -> Option<ReferenceParts> {
    let tokens = a.tokens();
    let mut part_of: Vec<usize> = Vec::with_capacity(tokens.len());
    // Whether each part opens a sentence or follows a semicolon (rather than a conjunction).
    let mut opens = vec![true];
    let mut part = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 {
            let prev = &tokens[k - 1];
            let gap = text.get(prev.span.end..t.span.start).unwrap_or_default();
            let strong = t.sentence != prev.sentence || gap.contains(';');
            if strong || matches!(a.norm(t), "and" | "but" | "whereas" | "while") {
                part += 1;
                opens.push(strong);
            }
        }
        part_of.push(part);
    }
    let parts = part + 1;
    // A key that compares a few things, not a paragraph that explains one.
    if parts < 2 || opens.iter().filter(|o| **o).count() > MAX_PLACEMENT_STATEMENTS {
        return None;
    }
    let content: Vec<usize> = (0..tokens.len())
        .filter(|&k| is_content(a, &tokens[k]))
        .collect();
    let stem = |k: usize| a.stem(&tokens[k]).to_string();
    // How many parts hold each stem.
    let mut holders: FxHashMap<&str, FxHashSet<usize>> = FxHashMap::default();
    for &k in &content {
        holders
            .entry(a.stem(&tokens[k]))
            .or_default()
            .insert(part_of[k]);
    }
    let one_part = |st: &str| holders.get(st).is_some_and(|h| h.len() == 1);
    // Each part's anchor: its first asked word that no other part has; for a part that opens a
    // sentence or follows a semicolon, failing that, its first word no other part has (the
    // subject: "BFS …; DFS …" where the question says "breadth-first search").
    let mut anchor: Vec<Option<String>> = vec![None; parts];
    for asked_only in [true, false] {
        for &k in &content {
            let p = part_of[k];
            let st = stem(k);
            if anchor[p].is_none()
                && (asked_only || opens[p])
                && tokens[k].kind == TokenKind::Word
                && (!asked_only || asked.contains_key(&st))
                && one_part(&st)
            {
                anchor[p] = Some(st);
            }
        }
    }
    // Parts without an anchor join the part before them (the first ones, the next anchored).
    let mut anchored = 0u8;
    let merged: Vec<u8> = anchor
        .iter()
        .map(|x| {
            anchored += u8::from(x.is_some());
            anchored.saturating_sub(1)
        })
        .collect();
    let anchors: Vec<String> = anchor.into_iter().flatten().collect();
    if anchors.len() < 2 {
        return None;
    }
    // Words one merged part alone has.
    let mut owner: FxHashMap<String, Option<u8>> = FxHashMap::default();
    let mut own = |st: String, m: u8| {
        owner
            .entry(st)
            .and_modify(|o| {
                if *o != Some(m) {
                    *o = None;
                }
            })
            .or_insert(Some(m));
    };
    for &k in &content {
        own(stem(k), merged[part_of[k]]);
    }
    // An order of growth belongs to the part it is written in ("Array: O(1) …; list: O(n)").
    for g in growth {
        let k = tokens.partition_point(|t| t.span.start < g.span.start);
        if let Some(&p) = part_of.get(k) {
            own(growth_stem(&g.key), merged[p]);
        }
    }
    let placed = owner
        .into_iter()
        .filter_map(|(st, o)| o.map(|m| (st, m)))
        .collect();
    Some((placed, anchors))
}

/// Whether a token carries content for coverage: not a function word, and not a one-letter word.
pub fn is_content(a: &Analysis, t: &Token) -> bool {
    !t.function_word
        && (t.kind != TokenKind::Word || a.stem(t).chars().count() >= 2)
        // "points to nothing": the words a negation denies carry its meaning, not the cue.
        && !matches!(a.norm(t), "nothing" | "none" | "nobody" | "nowhere" | "neither")
}

impl WordCoverage {
    /// Compiles `coverage` with the rubric's analyser.
    pub fn compile(coverage: &Coverage, analyzer: &Analyzer) -> WordCoverage {
        let stems_of = |text: &str| -> Vec<String> {
            let a = analyzer.analyze(text);
            a.tokens()
                .iter()
                .filter(|t| is_content(&a, t))
                .map(|t| a.stem(t).to_string())
                .collect()
        };
        let demoted = demoted_weights(&analyzer.analyze(&coverage.demote), &coverage.demote);
        let table = |map: &std::collections::BTreeMap<String, Vec<String>>| {
            let mut out: FxHashMap<String, Vec<String>> = FxHashMap::default();
            for (word, alts) in map {
                let key = stems_of(word);
                if let [key] = key.as_slice() {
                    let entry = out.entry(key.clone()).or_default();
                    for alt in alts {
                        if let [s] = stems_of(alt).as_slice() {
                            if s != key && !entry.contains(s) {
                                entry.push(s.clone());
                            }
                        }
                    }
                }
            }
            out
        };
        let synonyms = table(&coverage.synonyms);
        let antonyms = table(&coverage.antonyms);
        let mut initials: Vec<Initials> = Vec::new();
        let mut references: Vec<Vec<RefWord>> = coverage
            .references
            .iter()
            .map(|text| {
                let a = analyzer.analyze(text);
                let mut words: Vec<RefWord> = Vec::new();
                let mut letters: Initials = Vec::new();
                // An order of growth is one word, whatever the analyser makes of its letters.
                let growth = growth_terms(text);
                let in_growth = |t: &Token| growth.iter().any(|g| g.span.contains(&t.span.start));
                // A reference of function words only ("the same") counts all its words.
                let any_content = a
                    .tokens()
                    .iter()
                    .any(|t| is_content(&a, t) && !in_growth(t));
                // Content words, and comparison words whatever the analyser calls them.
                let counted = |t: &Token| {
                    !in_growth(t)
                        && (is_content(&a, t) || !any_content || comparison(a.stem(t)).is_some())
                };
                for t in a.tokens().iter().filter(|t| counted(t)) {
                    let stem = a.stem(t);
                    if let Some(i) = words.iter().position(|w| w.stems[0] == stem) {
                        letters.push((a.norm(t).chars().next().unwrap_or(' '), Some(i)));
                        continue;
                    }
                    letters.push((a.norm(t).chars().next().unwrap_or(' '), Some(words.len())));
                    let surface = text.get(t.span.start..t.span.end).unwrap_or_default();
                    let mut stems = vec![stem.to_string()];
                    if let Some(alts) = synonyms.get(stem) {
                        stems.extend(alts.iter().cloned());
                    }
                    for f in degree_forms(stem) {
                        if !stems.contains(f) {
                            stems.push(f.clone());
                        }
                    }
                    let demotion = demoted.get(stem).copied();
                    let is_demoted = demotion == Some(DEMOTED_WORD_WEIGHT);
                    let mut opposites = antonyms.get(stem).cloned().unwrap_or_default();
                    for o in comparison(stem).unwrap_or_default() {
                        if !opposites.iter().any(|x| x == o) {
                            opposites.push(o.to_string());
                        }
                    }
                    let weight = demotion.unwrap_or(1.0);
                    words.push(RefWord {
                        word: a.norm(t).to_string(),
                        label: if t.negated {
                            format!("not {}", a.norm(t))
                        } else {
                            a.norm(t).to_string()
                        },
                        stems,
                        antonyms: opposites,
                        weight: if is_content(&a, t) || !any_content {
                            weight
                        } else {
                            weight * COMPARISON_WORD_WEIGHT
                        },
                        demoted: is_demoted,
                        denied: t.negated,
                        mixed: false,
                        acronym: (2..=6).contains(&surface.len())
                            && surface.bytes().all(|b| b.is_ascii_uppercase()),
                        family: t.kind == TokenKind::Word && !t.negated && stem.len() >= 4,
                        growth: false,
                        number: t.kind == TokenKind::Number,
                    });
                }
                // A compound written with hyphens ("in-order", "sub-tree") is also stated by the
                // word written solid ("inorder", "subtree"): every content part takes its stem.
                for (joined, parts) in compounds(&a, text) {
                    for t in parts.iter().filter(|t| counted(t)) {
                        let stem = a.stem(t);
                        if let Some(w) = words.iter_mut().find(|w| w.stems[0] == stem) {
                            if !w.stems.contains(&joined) {
                                w.stems.push(joined.clone());
                            }
                        }
                    }
                }
                // An order of growth is what its sentence claims: it weighs as much as the
                // reference's other words together, at most GROWTH_WEIGHT.
                let others: f32 = words
                    .iter()
                    .map(|w| w.weight)
                    .sum::<f32>()
                    .clamp(1.0, GROWTH_WEIGHT);
                for g in &growth {
                    let stem = growth_stem(&g.key);
                    if words.iter().any(|w| w.stems[0] == stem) {
                        continue;
                    }
                    words.push(RefWord {
                        word: g.key.clone(),
                        label: g.label(),
                        stems: vec![stem],
                        antonyms: Vec::new(),
                        weight: others,
                        demoted: false,
                        denied: false,
                        mixed: false,
                        acronym: false,
                        family: false,
                        growth: true,
                        number: false,
                    });
                }
                // Function words take part in acronyms too ("last in, first out").
                let mut all: Initials = Vec::new();
                let mut next = letters.iter();
                for t in a.tokens().iter().filter(|t| !in_growth(t)) {
                    if counted(t) {
                        all.push(next.next().copied().unwrap_or((' ', None)));
                    } else if t.kind == TokenKind::Word {
                        all.push((a.norm(t).chars().next().unwrap_or(' '), None));
                    }
                }
                initials.push(all);
                words
            })
            .collect();
        // References with no word at all are dropped, with their initials.
        let keep: Vec<bool> = references.iter().map(|w| !w.is_empty()).collect();
        let kept_texts: Vec<&str> = coverage
            .references
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(t, _)| t.as_str())
            .collect();
        references.retain(|w| !w.is_empty());
        let mut k = keep.iter();
        initials.retain(|_| k.next().copied().unwrap_or(false));
        let mut placements = Vec::new();
        let analysed: Vec<Analysis> = kept_texts.iter().map(|t| analyzer.analyze(t)).collect();
        for (ri, (text, a)) in kept_texts.iter().zip(&analysed).enumerate() {
            let growth = growth_terms(text);
            let Some((placed, anchors)) = reference_parts(a, text, &demoted, &growth) else {
                continue;
            };
            let offset: u32 = references[..ri].iter().map(|w| w.len() as u32).sum();
            let at = |st: &str| {
                references[ri]
                    .iter()
                    .position(|w| w.stems[0] == st)
                    .map(|i| offset + i as u32)
            };
            let mut placement = Placement {
                reference: ri,
                ..Placement::default()
            };
            for (m, st) in anchors.iter().enumerate() {
                if at(st).is_some() {
                    placement.anchors.push((st.as_str().into(), m as u8));
                }
            }
            for (st, m) in &placed {
                if let Some(i) = at(st) {
                    if !placement.anchors.iter().any(|(a, _)| **a == **st) {
                        placement.placed.push((i, *m));
                    }
                }
            }
            placement.placed.sort_unstable();
            if placement.anchors.len() >= 2 && !placement.placed.is_empty() {
                placements.push(placement);
            }
        }
        let mut stance: FxHashMap<String, (bool, bool)> = FxHashMap::default();
        for w in references.iter().flatten() {
            let e = stance.entry(w.stems[0].clone()).or_default();
            if w.denied {
                e.1 = true;
            } else {
                e.0 = true;
            }
        }
        for w in references.iter_mut().flatten() {
            w.mixed = stance.get(&w.stems[0]).is_some_and(|(a, d)| *a && *d);
        }
        // Every run of 3–6 initials that starts and ends on a content word, as an acronym.
        let mut spellings: Spellings = FxHashMap::default();
        for (ri, initials) in initials.iter().enumerate() {
            for n in 3..=6 {
                for win in initials.windows(n) {
                    if win[0].1.is_none() || win[n - 1].1.is_none() {
                        continue;
                    }
                    let letters: String = win.iter().map(|x| x.0).collect();
                    let words: Vec<usize> = win.iter().filter_map(|x| x.1).collect();
                    spellings.entry(letters).or_default().push((ri, words));
                }
            }
        }
        let any_acronym = references.iter().flatten().any(|w| w.acronym);
        let any_growth = references.iter().flatten().any(|w| w.growth);
        let mut orders = Vec::new();
        for (ri, text) in kept_texts.iter().enumerate() {
            for order in Order::stated(text) {
                // The words that spell it out, or the acronym itself.
                let mut words: Vec<usize> = spellings
                    .get(order.acronym())
                    .into_iter()
                    .flatten()
                    .filter(|(r, _)| *r == ri)
                    .flat_map(|(_, at)| at.iter().copied())
                    .collect();
                words.extend(
                    references[ri]
                        .iter()
                        .enumerate()
                        .filter(|(_, w)| w.word == order.acronym())
                        .map(|(i, _)| i),
                );
                words.sort_unstable();
                words.dedup();
                if !words.is_empty() {
                    orders.push((ri, order, words));
                }
            }
        }
        // The numbers an answer may state without contradicting one: the references' and the
        // question's (only needed when some reference has a number).
        let mut numbers: FxHashSet<String> = references
            .iter()
            .flatten()
            .filter(|w| w.number)
            .map(|w| w.stems[0].clone())
            .collect();
        if !numbers.is_empty() {
            let demote = analyzer.analyze(&coverage.demote);
            numbers.extend(
                demote
                    .tokens()
                    .iter()
                    .filter(|t| t.kind == TokenKind::Number)
                    .map(|t| demote.stem(t).to_string()),
            );
        }
        let mut offsets = Vec::with_capacity(references.len());
        let mut index: FxHashMap<Box<str>, Vec<(u32, bool)>> = FxHashMap::default();
        let mut flat = 0u32;
        for words in &references {
            offsets.push(flat as usize);
            for w in words {
                let antonyms = w.antonyms.iter().map(|s| (s, true));
                for (stem, antonym) in w.stems.iter().map(|s| (s, false)).chain(antonyms) {
                    let entry = index.entry(stem.as_str().into()).or_default();
                    if !entry.contains(&(flat, antonym)) {
                        entry.push((flat, antonym));
                    }
                }
                flat += 1;
            }
        }
        let function_words_inert = function_words_inert(&references, &index);
        let mut index_sieve = Sieve::new();
        for stem in index.keys() {
            index_sieve.insert(Sieve::of_word(stem));
        }
        let mut spelling_sieve = Sieve::new();
        for letters in spellings.keys() {
            spelling_sieve.insert(Sieve::of_word(letters));
        }
        let mut typo_sieve = Sieve::new();
        for w in references
            .iter()
            .flatten()
            .filter(|w| w.stems[0].len() >= 5)
        {
            let stem = &w.stems[0];
            for len in stem.len() - 1..=stem.len() + 1 {
                for key in Sieve::typo_keys(stem, len) {
                    typo_sieve.insert(key);
                }
            }
        }
        let families: FxHashSet<u32> = references
            .iter()
            .flatten()
            .filter(|w| w.family)
            .filter_map(|w| family_key(&w.stems[0]))
            .collect();
        let mut family_sieve = Sieve::new();
        for key in &families {
            family_sieve.insert(*key);
        }
        let mut compiled = WordCoverage {
            references,
            offsets,
            index,
            index_sieve,
            typo_sieve,
            families,
            family_sieve,
            spellings,
            spelling_sieve,
            any_acronym,
            any_growth,
            orders,
            numbers,
            function_words_inert,
            placements: Vec::new(),
            full: coverage.full.clamp(f32::MIN_POSITIVE, 1.0),
            curve: coverage.curve.clamp(1.0, 4.0),
        };
        // No reference is a swap of itself or of another: a placement that finds one reads the
        // references wrongly, and is dropped.
        placements.retain(|placement| {
            kept_texts.iter().zip(&analysed).all(|(t, a)| {
                let growth = compiled.stated_growth(t);
                compiled.swapped(placement, &growth, a).is_empty()
            })
        });
        compiled.placements = placements;
        compiled
    }

    /// Marks the reference words that the answer's acronym `n` (token `t`) spells out, if it is
    /// one: written in capitals, or (four letters or more) not an English word.
    fn spell(&self, text: &str, t: &Token, n: &str, seen: &mut [u8]) {
        let Some(places) = self.spellings.get(n) else {
            return;
        };
        let surface = text.get(t.span.start..t.span.end).unwrap_or_default();
        if !(surface.bytes().all(|b| b.is_ascii_uppercase())
            || (n.len() >= 4 && !crate::analysis::is_english_word(n)))
        {
            return;
        }
        for (ri, at) in places {
            for &i in at {
                if let Some(s) = seen.get_mut(self.offsets[*ri] + i) {
                    *s |= SPELLED;
                }
            }
        }
    }

    /// The orders of growth `text` states, when some reference has one (else none).
    fn stated_growth(&self, text: &str) -> Vec<Growth> {
        if self.any_growth {
            loose_growth_terms(text)
        } else {
            Vec::new()
        }
    }

    /// How `answer` stands to every word of every reference, and the words it swaps (indices
    /// among all references' words; see [`Placement`]).
    fn stands(&self, text: &str, answer: &Analysis) -> (Vec<Vec<Stand>>, Vec<u32>) {
        let growth = self.stated_growth(text);
        // Every word of the answer, looked up once: references are compared by their content
        // words, except one made of function words only. Per reference word: how the answer
        // states it (ASSERTED, DENIED) and its antonyms (the same, shifted by ANTONYM).
        let words =
            self.offsets.last().copied().unwrap_or(0) + self.references.last().map_or(0, Vec::len);
        let mut seen = vec![0u8; words];
        let mut near = NearStems(Vec::with_capacity(8));
        // Asserted stems whose family some reference word belongs to: the reference words the
        // answer states are among them, so it is sized for a good share of the answer.
        let mut kin: Vec<&str> = Vec::with_capacity(answer.tokens().len() / 4);
        // Acronyms the answer uses (3–6 letters, asserted) that spell out reference words:
        // written in capitals ("CPU"), or not an English word ("lifo").
        let spelled = !self.spellings.is_empty();
        for t in answer.tokens() {
            if t.function_word && self.function_words_inert {
                continue;
            }
            let stem = answer.stem(t);
            let side = if t.negated { DENIED } else { ASSERTED };
            if self.index_sieve.may_contain(Sieve::of_word(stem)) {
                if let Some(hits) = self.index.get(stem) {
                    for &(i, antonym) in hits {
                        seen[i as usize] |= if antonym { side << ANTONYM } else { side };
                    }
                }
            }
            if stem.len() >= 5
                && Sieve::typo_keys(stem, stem.len())
                    .iter()
                    .any(|&k| self.typo_sieve.may_contain(k))
            {
                near.0.push((stem, side));
            }
            if side != ASSERTED {
                continue;
            }
            if family_key(stem)
                .is_some_and(|k| self.family_sieve.may_contain(k) && self.families.contains(&k))
            {
                kin.push(stem);
            }
            if spelled && t.kind == TokenKind::Word && !t.function_word {
                let n = answer.norm(t);
                if (3..=6).contains(&n.len())
                    && self.spelling_sieve.may_contain(Sieve::of_word(n))
                    && n.bytes().all(|b| b.is_ascii_lowercase())
                {
                    self.spell(text, t, n, &mut seen);
                }
            }
        }
        // A comparison written as an operator states it in words: "parent >= children" says
        // "greater than or equal", "a[i] < a[j]" says "less".
        if text.bytes().any(|b| b == b'<' || b == b'>') || text.contains(['≥', '≤']) {
            for stem in comparison_operators(text) {
                if let Some(hits) = self.index.get(stem) {
                    for &(i, antonym) in hits {
                        seen[i as usize] |= if antonym {
                            ASSERTED << ANTONYM
                        } else {
                            ASSERTED
                        };
                    }
                }
            }
        }
        // A hyphenated compound of the answer also states the word written solid: "in-order"
        // states a reference's "inorder".
        for (joined, parts) in compounds(answer, text) {
            if self.index_sieve.may_contain(Sieve::of_word(&joined)) {
                if let Some(hits) = self.index.get(joined.as_str()) {
                    let side = if parts.iter().any(|t| t.negated) {
                        DENIED
                    } else {
                        ASSERTED
                    };
                    for &(i, antonym) in hits {
                        seen[i as usize] |= if antonym { side << ANTONYM } else { side };
                    }
                }
            }
        }
        // A number that no reference or the question has contradicts the reference numbers the
        // answer does not state ("terminal 1" where the reference says "terminal 3"); one inside
        // an order of growth (`O(n^2)`) is not one.
        if !self.numbers.is_empty() {
            let mut stray = answer.tokens().iter().filter(|t| {
                t.kind == TokenKind::Number && !t.negated && !self.numbers.contains(answer.stem(t))
            });
            let wrong = stray.next().is_some_and(|first| {
                let growth = growth_terms(text);
                std::iter::once(first)
                    .chain(stray)
                    .any(|t| !growth.iter().any(|g| g.span.contains(&t.span.start)))
            });
            if wrong {
                let flat = self.references.iter().flatten();
                for (s, _) in seen.iter_mut().zip(flat).filter(|(_, w)| w.number) {
                    if *s & ASSERTED == 0 {
                        *s |= DENIED;
                    }
                }
            }
        }
        // Orders of growth: the answer's state the reference's of the same key and contradict
        // the others (a reference never denies one).
        if self.any_growth {
            let stated = &growth;
            if !stated.is_empty() {
                for g in stated {
                    if let Some(hits) = self.index.get(growth_stem(&g.key).as_str()) {
                        for &(i, _) in hits {
                            seen[i as usize] |= ASSERTED;
                        }
                    }
                }
                let flat = self.references.iter().flatten();
                for (s, _) in seen.iter_mut().zip(flat).filter(|(_, w)| w.growth) {
                    if *s & ASSERTED == 0 {
                        *s |= DENIED;
                    }
                }
            }
        }
        // The initials of the answer's words, for reference words that are acronyms.
        let answer_initials: String = if self.any_acronym {
            answer
                .tokens()
                .iter()
                .filter(|t| t.kind == TokenKind::Word && !t.negated)
                .map(|t| answer.norm(t).chars().next().unwrap_or(' '))
                .collect()
        } else {
            String::new()
        };
        let mut out = Vec::with_capacity(self.references.len());
        for (words, &offset) in self.references.iter().zip(&self.offsets) {
            let mut st = Vec::with_capacity(words.len());
            for (i, w) in words.iter().enumerate() {
                let seen = seen[offset + i];
                let (same, other) = if w.denied {
                    (DENIED, ASSERTED)
                } else {
                    (ASSERTED, DENIED)
                };
                let stated = seen & SPELLED != 0
                    || (w.acronym
                        && w.word.len() >= 3
                        && !w.denied
                        && answer_initials.contains(w.word.as_str()))
                    || seen & same != 0
                    // An antonym with the other stance states it too: "not the same path" for
                    // "different paths", "not open" for "closed".
                    || seen & (other << ANTONYM) != 0;
                // How typos of the word are stated, looked up only when nothing else states it.
                let typo = if stated || w.growth {
                    0
                } else {
                    near.typo_sides(&w.stems[0])
                };
                let stand = if stated || typo & same != 0 {
                    Stand::Covered
                } else if seen & other != 0 || typo & other != 0 || seen & (same << ANTONYM) != 0 {
                    Stand::Contradicted
                } else if w.family && kin.iter().any(|k| related(&w.stems[0], k)) {
                    Stand::Related
                } else {
                    Stand::Missing
                };
                st.push(stand);
            }
            out.push(st);
        }
        // Queue order for stack order, or the reverse: the words that state the reference's
        // order are contradicted, however many of them the answer repeats.
        if !self.orders.is_empty() {
            let stated = Order::stated(text);
            for &(ri, order, ref words) in &self.orders {
                if stated.contains(&order.opposite()) && !stated.contains(&order) {
                    for &i in words {
                        if let Some(s) = out.get_mut(ri).and_then(|st| st.get_mut(i)) {
                            *s = Stand::Contradicted;
                        }
                    }
                }
            }
        }
        let mut swapped = Vec::new();
        for placement in &self.placements {
            for i in self.swapped(placement, &growth, answer) {
                let local = i as usize - self.offsets[placement.reference];
                if let Some(s) = out
                    .get_mut(placement.reference)
                    .and_then(|st| st.get_mut(local))
                {
                    *s = Stand::Contradicted;
                    swapped.push(i);
                }
            }
        }
        (out, swapped)
    }

    /// The words of `placement`'s reference that `answer` says of the wrong anchor, when it
    /// swaps two parts (see [`Placement`]). `growth` is what [`Self::stated_growth`] found in
    /// the answer: orders of growth are words here, each looked up where its first token stands.
    fn swapped(&self, placement: &Placement, growth: &[Growth], answer: &Analysis) -> Vec<u32> {
        // (word, its part, the part whose anchor the answer last named in that sentence)
        let mut said: Vec<(u32, u8, u8)> = Vec::new();
        let mut current: Option<u8> = None;
        let mut sentence = u32::MAX;
        for t in answer.tokens() {
            if t.sentence != sentence {
                sentence = t.sentence;
                current = None;
            }
            let order = growth
                .iter()
                .find(|g| g.span.contains(&t.span.start))
                .map(|g| (g.span.start == t.span.start, growth_stem(&g.key)));
            let key = match &order {
                // The other tokens of an order of growth say nothing of their own.
                Some((false, _)) => continue,
                Some((true, key)) => key.as_str(),
                None if t.function_word => continue,
                None => answer.stem(t),
            };
            let Some(hits) = self.index.get(key) else {
                continue;
            };
            // An anchor is named by its own word, never a synonym of it.
            if let Some(&(_, m)) = placement.anchors.iter().find(|(a, _)| **a == *key) {
                current = Some(m);
                continue;
            }
            let direct = || hits.iter().filter(|(_, antonym)| !antonym).map(|(i, _)| *i);
            let Some(at) = current else { continue };
            if t.negated {
                continue;
            }
            for i in direct() {
                if let Ok(k) = placement.placed.binary_search_by_key(&i, |&(w, _)| w) {
                    said.push((i, placement.placed[k].1, at));
                }
            }
        }
        let wrong = |i: u8, j: u8| said.iter().any(|&(_, own, at)| own == i && at == j);
        let swap = said.iter().any(|&(_, own, at)| own != at && wrong(at, own));
        if !swap {
            return Vec::new();
        }
        let mut out: Vec<u32> = said
            .iter()
            .filter(|&&(i, own, at)| own != at && !said.iter().any(|&(j, o, a)| j == i && o == a))
            .map(|&(i, _, _)| i)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The best reference and the recall `answer` earns, with how it stands to each reference
    /// word.
    fn best(&self, text: &str, answer: &Analysis) -> (usize, f32, Vec<Vec<Stand>>, Vec<u32>) {
        let (stands, swapped) = self.stands(text, answer);
        let mut best = (0, 0.0f32);
        let mut worst_against = 0.0f32;
        for (ri, (words, st)) in self.references.iter().zip(&stands).enumerate() {
            let total: f32 = words.iter().map(|w| w.weight).sum();
            if total <= 0.0 {
                continue;
            }
            let got: f32 = words
                .iter()
                .zip(st)
                .map(|(w, s)| match s {
                    Stand::Covered => w.weight,
                    Stand::Related => RELATED_WORD_CREDIT * w.weight,
                    Stand::Missing | Stand::Contradicted => 0.0,
                })
                .sum();
            let against: f32 = words
                .iter()
                .zip(st)
                .filter(|(w, s)| **s == Stand::Contradicted && !w.mixed)
                .map(|(w, _)| w.weight)
                .sum();
            // A wrong number costs more than a missing one.
            let wrong_numbers: f32 = words
                .iter()
                .zip(st)
                .filter(|(w, s)| **s == Stand::Contradicted && w.number)
                .map(|(w, _)| w.weight)
                .sum();
            let got = (got - WRONG_NUMBER_PENALTY * wrong_numbers).max(0.0);
            if got / total > best.1 {
                best = (ri, got / total);
            }
            worst_against = worst_against.max(against / total);
        }
        let recall = if self.references.len() > 1 {
            (best.1 - CROSS_REFERENCE_CONTRADICTION * worst_against).max(0.0)
        } else {
            best.1
        };
        (best.0, recall, stands, swapped)
    }

    /// The best weighted recall of any reference's content words in `answer`, 0–1: contradicted
    /// words earn nothing, and with several references the most contradicted one's share comes
    /// off (see the module documentation).
    pub fn recall(&self, text: &str, answer: &Analysis) -> f32 {
        self.best(text, answer).1
    }

    /// The share of the coverage weight `answer` earns: `1 − (1 − x)^curve` with
    /// `x = min(1, recall / full)`.
    pub fn credit(&self, text: &str, answer: &Analysis) -> f32 {
        self.curve_of(self.recall(text, answer))
    }

    fn curve_of(&self, recall: f32) -> f32 {
        let x = (recall / self.full).min(1.0);
        1.0 - (1.0 - x).powf(self.curve)
    }

    /// The credit `answer` (analysed from `text`) earns with the words behind it; `points` and
    /// `max_points` are left at 0 for the scoring model to fill in (which also rounds `credit`
    /// and `recall` to three decimals once it has scored).
    pub fn assess(&self, text: &str, answer: &Analysis) -> CoverageResult {
        let (reference, recall, stands, swapped) = self.best(text, answer);
        let mut out = CoverageResult {
            credit: self.curve_of(recall),
            points: 0.0,
            max_points: 0.0,
            recall,
            reference,
            covered: Vec::new(),
            missing: Vec::new(),
            contradicted: Vec::new(),
            related: Vec::new(),
            demoted: Vec::new(),
            swapped: Vec::new(),
        };
        if let (Some(&offset), Some(words)) =
            (self.offsets.get(reference), self.references.get(reference))
        {
            out.swapped = swapped
                .iter()
                .filter_map(|&i| words.get((i as usize).checked_sub(offset)?))
                .map(|w| w.label.clone())
                .collect();
        }
        if let (Some(words), Some(st)) = (self.references.get(reference), stands.get(reference)) {
            // Sized once: most of a reference's words are covered or missing.
            let count = |stand: Stand| st.iter().filter(|&&s| s == stand).count();
            out.covered.reserve_exact(count(Stand::Covered));
            out.missing.reserve_exact(count(Stand::Missing));
            for (w, s) in words.iter().zip(st) {
                let word = w.label.clone();
                if w.demoted {
                    out.demoted.push(word.clone());
                }
                match s {
                    Stand::Covered => out.covered.push(word),
                    Stand::Related => out.related.push(word),
                    Stand::Missing => out.missing.push(word),
                    Stand::Contradicted => out.contradicted.push(word),
                }
            }
        }
        out
    }
}

/// Common gradable adjectives (as stemmed), whose comparative and superlative state the same idea
/// in coverage: "the pitch is higher" covers "high pitch", "hottest" covers "hot".
const GRADABLE: &[&str] = &[
    "high", "low", "fast", "slow", "big", "small", "larg", "long", "short", "hot", "cold", "warm",
    "cool", "heavi", "light", "hard", "soft", "strong", "weak", "near", "close", "deep", "shallow",
    "wide", "narrow", "thick", "thin", "bright", "dim", "dark", "loud", "quiet", "earli", "late",
    "easi", "simpl", "great", "old", "young", "safe", "cheap", "quick", "tall", "steep", "dens",
    "dri", "wet", "full", "rough", "smooth", "sharp", "dull", "clean", "fine", "few", "rich",
    "poor", "tini", "huge", "clear", "flat", "dirti", "shini",
];

/// Irregular degrees (stemmed): each group states one idea.
const IRREGULAR: &[&[&str]] = &[
    &["good", "better", "best"],
    &["bad", "wors", "worst"],
    &["far", "farther", "farthest", "further", "furthest"],
    &["mani", "much", "more", "most"],
    &["littl", "less", "least"],
];

/// The other degrees of a gradable adjective's stem (positive, comparative, superlative), from a
/// table of every degree of every listed adjective built on first use.
fn degree_forms(stem: &str) -> &'static [String] {
    static TABLE: OnceLock<FxHashMap<String, Vec<String>>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut table: FxHashMap<String, Vec<String>> = FxHashMap::default();
            for group in IRREGULAR {
                for w in group.iter() {
                    let others = group.iter().filter(|o| *o != w).map(|o| o.to_string());
                    table.entry(w.to_string()).or_default().extend(others);
                }
            }
            // A stem that is a degree of two adjectives takes the first's.
            let mut gradable: FxHashSet<String> = FxHashSet::default();
            for base in GRADABLE {
                let [comparative, superlative] = degrees(base);
                let forms = [base.to_string(), comparative, superlative];
                for f in &forms {
                    if gradable.insert(f.clone()) {
                        let others = forms.iter().filter(|o| *o != f).cloned();
                        table.entry(f.clone()).or_default().extend(others);
                    }
                }
            }
            table
        })
        .get(stem)
        .map_or(&[], Vec::as_slice)
}

/// Comparative and superlative of a positive stem: `high` → `higher`, `highest`; `hot` →
/// `hotter`; `heavi` → `heavier`; `larg` → `larger`.
fn degrees(base: &str) -> [String; 2] {
    let b = base.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let n = b.len();
    let double = (3..=4).contains(&n)
        && !vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3]);
    let root = if double {
        format!("{base}{}", b[n - 1] as char)
    } else if let Some(r) = base.strip_suffix('e') {
        r.to_string()
    } else {
        base.to_string()
    };
    [format!("{root}er"), format!("{root}est")]
}

/// Whether `b` is `a` with one typo: one edit, same first letter, both at least five letters.
fn is_typo(a: &str, b: &str) -> bool {
    b.len() >= 5
        && a.as_bytes().first() == b.as_bytes().first()
        && a.len().abs_diff(b.len()) <= 1
        && one_edit(a, b)
}

/// Whether `a` and `b` are one insertion, deletion or substitution apart (Levenshtein distance
/// 1), without allocating for ASCII words.
fn one_edit(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return strsim::levenshtein(a, b) == 1;
    }
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let p = x.iter().zip(y).take_while(|(c, d)| c == d).count();
    match x.len().cmp(&y.len()) {
        std::cmp::Ordering::Equal => p < x.len() && x[p + 1..] == y[p + 1..],
        std::cmp::Ordering::Less => y.len() == x.len() + 1 && x[p..] == y[p + 1..],
        std::cmp::Ordering::Greater => x.len() == y.len() + 1 && x[p + 1..] == y[p..],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_levenshtein_one() {
        let words = [
            "voltag",
            "voltage",
            "voltge",
            "voltagf",
            "xoltag",
            "volt",
            "vlotag",
            "terminal",
            "termnal",
            "terminals",
            "résumé",
            "resumé",
            "",
        ];
        for a in words {
            for b in words {
                assert_eq!(one_edit(a, b), strsim::levenshtein(a, b) == 1, "{a} / {b}");
            }
        }
    }

    #[test]
    fn degrees_of_gradable_and_irregular_adjectives() {
        assert!(degree_forms("higher").iter().any(|f| f == "high"));
        assert!(degree_forms("high").iter().any(|f| f == "highest"));
        assert!(degree_forms("hot").iter().any(|f| f == "hotter"));
        assert!(degree_forms("better").iter().any(|f| f == "good"));
        assert!(!degree_forms("high").iter().any(|f| f == "high"));
        assert!(degree_forms("voltag").is_empty());
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    /// Word coverage of one reference, with nothing else set.
    fn compiled(reference: &str, analyzer: &Analyzer) -> WordCoverage {
        compiled_for("", reference, analyzer)
    }

    /// Word coverage of one reference for a question, demoting the question's words.
    fn compiled_for(question: &str, reference: &str, analyzer: &Analyzer) -> WordCoverage {
        let coverage = Coverage {
            weight: 1.0,
            full: 1.0,
            curve: 1.0,
            references: vec![reference.to_string()],
            demote: question.to_string(),
            synonyms: Default::default(),
            antonyms: Default::default(),
        };
        WordCoverage::compile(&coverage, analyzer)
    }

    fn assess(reference: &str, answer: &str) -> CoverageResult {
        let analyzer = Analyzer::new();
        compiled(reference, &analyzer).assess(answer, &analyzer.analyze(answer))
    }

    /// What `answer` earns of one reference for a question.
    fn assess_for(question: &str, reference: &str, answer: &str) -> CoverageResult {
        let analyzer = Analyzer::new();
        compiled_for(question, reference, &analyzer).assess(answer, &analyzer.analyze(answer))
    }

    #[test]
    fn an_answer_that_swaps_what_the_reference_says_of_each_thing_is_contradicted() {
        let question = "What are stack overflow and stack underflow?";
        let reference =
            "Overflow: pushing onto a full stack; underflow: popping from an empty stack.";
        // Said of the wrong one, both ways: a swap.
        let c = assess_for(
            question,
            reference,
            "Overflow is when you pop from an empty stack and underflow when you push onto a full one.",
        );
        assert_eq!(c.swapped, ["pushing", "full", "popping", "empty"], "{c:?}");
        assert!(c.contradicted.iter().any(|w| w == "empty"), "{c:?}");
        // Said of the right one: no swap, and the words are covered.
        let c = assess_for(
            question,
            reference,
            "Overflow is pushing onto a full stack, underflow is popping from an empty one.",
        );
        assert!(c.swapped.is_empty(), "{c:?}");
        assert!(c.covered.iter().any(|w| w == "empty"), "{c:?}");
        // One word said of the other thing is no swap: a reference's wording is not the only
        // right one.
        let c = assess_for(
            "What is the difference between a stack and a queue?",
            "A stack is last in, first out: items are pushed and popped at the top. A queue is \
             first in, first out: items are added at the rear and removed from the front.",
            "A stack removes items from the top; a queue takes them from the front.",
        );
        assert!(c.swapped.is_empty(), "{c:?}");
        // Orders of growth are placed too, in any notation.
        let question = "How does the time to access the i-th element differ between an array and a linked list?";
        let reference = "Array: O(1) by index; linked list: O(n), must traverse from the head.";
        for swapped in [
            "A linked list is O(1) and an array is O(n).",
            "array: linear, linked list: constant",
        ] {
            let c = assess_for(question, reference, swapped);
            assert_eq!(c.swapped.len(), 2, "{swapped}: {c:?}");
        }
        for right in [
            "An array is O(1) and a linked list is O(n).",
            "array: constant, linked list: linear",
        ] {
            let c = assess_for(question, reference, right);
            assert!(c.swapped.is_empty(), "{right}: {c:?}");
        }
        // Nor is a list whose order the answer changes.
        let c = assess_for(
            "List the phases of the software life cycle.",
            "Requirements analysis, design, implementation, testing and maintenance.",
            "Maintenance, testing, design and requirements.",
        );
        assert!(c.swapped.is_empty(), "{c:?}");
    }

    #[test]
    fn a_comparison_operator_states_the_comparison() {
        let reference = "Every node's key is greater than or equal to the keys of its children.";
        let c = assess(reference, "each node >= its children");
        for w in ["greater", "equal"] {
            assert!(c.covered.iter().any(|x| x == w), "{w}: {c:?}");
        }
        let c = assess(reference, "a node's key < its children's keys");
        assert!(!c.covered.iter().any(|x| x == "greater"), "{c:?}");
        // Arrows, stream operators and template brackets compare nothing.
        for answer in ["node -> children", "cout << key", "vector<int> keys"] {
            let c = assess(reference, answer);
            assert!(!c.covered.iter().any(|x| x == "greater"), "{answer}: {c:?}");
        }
    }

    #[test]
    fn a_hyphenated_compound_states_the_word_written_solid() {
        // The answer's "in-order" states the reference's "inorder" …
        let c = assess("Inorder traversal", "in-order traversal");
        assert!(c.covered.iter().any(|w| w == "inorder"), "{c:?}");
        // … the answer's "inorder" states the reference's "in-order" …
        let c = assess("An in-order traversal", "inorder traversal");
        assert!(c.covered.iter().any(|w| w == "order"), "{c:?}");
        // … and two separate words are not a compound.
        let c = assess("Inorder traversal", "in order traversal");
        assert!(c.missing.iter().any(|w| w == "inorder"), "{c:?}");
    }

    #[test]
    fn the_question_s_setup_is_demoted_less_than_what_it_asks() {
        let question = "Denise built a circuit with a switch. Why does the bulb light? Explain.";
        let analyzer = Analyzer::new();
        let weights = demoted_weights(&analyzer.analyze(question), question);
        assert_eq!(weights.get("circuit"), Some(&CONTEXT_WORD_WEIGHT));
        assert_eq!(weights.get("bulb"), Some(&DEMOTED_WORD_WEIGHT));
        assert_eq!(weights.get("explain"), Some(&DEMOTED_WORD_WEIGHT));
        assert_eq!(weights.get("battery"), None);
    }

    #[test]
    fn comparison_words_count_and_their_opposites_contradict() {
        let same = assess(
            "B and C are in the same path",
            "B and C share the same path",
        );
        assert!(same.covered.contains(&"same".to_string()), "{same:?}");
        let different = assess(
            "B and C are in the same path",
            "B and C are in different paths",
        );
        assert!(
            different.contradicted.contains(&"same".to_string()),
            "{different:?}"
        );
        assert!(different.recall < same.recall);
    }

    #[test]
    fn a_denied_opposite_states_the_word() {
        let denied = assess(
            "the two bulbs are different",
            "the two bulbs are not the same",
        );
        assert!(
            denied.covered.contains(&"different".to_string()),
            "{denied:?}"
        );
        let asserted = assess("the two bulbs are different", "the two bulbs are the same");
        assert!(
            asserted.contradicted.contains(&"different".to_string()),
            "{asserted:?}"
        );
        assert!(denied.recall > asserted.recall, "{denied:?} {asserted:?}");
    }

    #[test]
    fn function_words_are_skipped_only_when_none_can_count() {
        let analyzer = Analyzer::new();
        let compiled = |reference: &str| compiled(reference, &analyzer);
        assert!(compiled("a stack pops the last element pushed").function_words_inert);
        // "same" is a function word that coverage counts; "different" has it as its opposite.
        assert!(!compiled("B and C are in the same path").function_words_inert);
        assert!(!compiled("the two bulbs are different").function_words_inert);
        // A reference of function words only counts them all.
        assert!(!compiled("not at all").function_words_inert);
    }

    #[test]
    fn a_number_no_reference_has_contradicts_the_reference_s_and_costs_more_than_missing_it() {
        let reference = "the positive battery terminal is separated by a gap from terminal 3";
        let right = assess(
            reference,
            "the positive terminal is separated by a gap from terminal 3",
        );
        let wrong = assess(
            reference,
            "the positive terminal is separated by a gap from terminal 1",
        );
        let silent = assess(reference, "the positive terminal is separated by a gap");
        assert!(right.covered.contains(&"3".to_string()), "{right:?}");
        assert!(wrong.contradicted.contains(&"3".to_string()), "{wrong:?}");
        assert!(silent.missing.contains(&"3".to_string()), "{silent:?}");
        assert!(right.recall > silent.recall && silent.recall > wrong.recall);
        // The question's numbers are not wrong ones; an order of growth's are not numbers.
        let graded = assess_for(
            "Why does terminal 1 not light?",
            reference,
            "the positive terminal is separated by a gap from terminal 1",
        );
        assert!(graded.missing.contains(&"3".to_string()), "{graded:?}");
        let growth = assess(reference, "the positive terminal is separated in O(n^2)");
        assert!(growth.missing.contains(&"3".to_string()), "{growth:?}");
    }

    #[test]
    fn a_queue_s_order_contradicts_a_stack_s() {
        let reference = "the last item pushed is the first popped (last in, first out)";
        let fifo = assess(reference, "items come out first in, first out");
        for word in ["last", "first", "out"] {
            assert!(fifo.contradicted.contains(&word.to_string()), "{fifo:?}");
        }
        let lifo = assess(reference, "it is LIFO");
        assert!(
            lifo.contradicted.is_empty() && lifo.recall > 0.0,
            "{lifo:?}"
        );
        let queue = assess("a queue is FIFO", "a queue is LIFO");
        assert!(
            queue.contradicted.contains(&"fifo".to_string()),
            "{queue:?}"
        );
        assert_eq!(Order::stated("First-in, last-out."), vec![Order::Lifo]);
        assert!(Order::stated("the first one out").is_empty());
    }

    #[test]
    fn a_word_of_the_same_family_earns_part_of_the_credit() {
        let kin = assess("the heater warms the room", "the heat warms the room");
        assert_eq!(kin.related, vec!["heater".to_string()], "{kin:?}");
        let exact = assess("the heater warms the room", "the heater warms the room");
        assert!(kin.recall < exact.recall && kin.recall > 0.6, "{kin:?}");
        assert!(related("heat", "heater"));
        assert!(related("tighter", "tighten"));
        assert!(!related("array", "arrang"));
        assert!(!related("circuit", "circl"));
    }
}
