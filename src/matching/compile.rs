//! Compiling rubric matchers: phrases into vocabulary word sequences (with their spelling
//! variants), glossary references expanded, regexes built. Everything expensive happens here,
//! once per rubric.

use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use super::rubric_regex::{build_regex, shorthand_pattern, Regex};

use super::vocab::{Vocab, WordId};
use crate::analysis::{Analysis, Analyzer, TokenKind};
use crate::error::{LoadError, LoadErrorKind};
use crate::rubric::{Glossary, Matcher, Window};

/// Longest glossary reference chain (`@a` → `@b` → …) before it counts as a cycle.
const GLOSSARY_DEPTH: usize = 8;

/// Phrases up to this many words get every joined variant (`pre stop hook` → `prestop hook` …).
const JOIN_VARIANTS_UP_TO: usize = 4;

/// One way of writing a phrase: its words, and per word (bit k for word k) how it must sit in
/// the answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Variant {
    /// Its words; most phrases have four or fewer, kept inline (no allocation per variant).
    pub words: WordList,
    /// Word k was glued to word k − 1 in the rubric (`Create|Snapshot`): no gap allowed.
    pub glued: u64,
    /// Word k starts a multi-piece identifier: the answer's token must start its word.
    pub run_start: u64,
    /// Word k ends a multi-piece identifier: the answer's token must end its word.
    pub run_end: u64,
    /// Word k is a number or code: no gap between it and another exact word.
    pub exact: u64,
}

/// The words of a phrase variant.
pub(crate) type WordList = smallvec::SmallVec<[WordId; 4]>;

impl Variant {
    fn plain(words: WordList) -> Variant {
        Variant {
            words,
            glued: 0,
            run_start: 0,
            run_end: 0,
            exact: 0,
        }
    }

    pub fn is(&self, mask: u64, k: usize) -> bool {
        k < 64 && mask & (1 << k) != 0
    }
}

/// The variants of one phrase leaf: `start..end` of a rubric's variant table, so a leaf holds no
/// list of its own.
#[derive(Clone, Copy, Debug)]
pub(crate) struct VariantRange {
    pub start: u32,
    pub end: u32,
}

/// A leaf matcher: a phrase (with variants), or a literal or regex that scans the answer's text.
/// It owns no allocation (what a scan or a number probe needs is in a table of the rubric), so a
/// rubric's leaves are freed at once, with no walk over the bank's ~60,000 of them.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Leaf {
    Phrase {
        /// Its variants: a range of the rubric's variant table ([`Compiler::variants`]).
        variants: VariantRange,
        /// Every variant is one word: the phrase is a term.
        term: bool,
        /// The phrase as written: a range of the rubric's phrase texts ([`Compiler::texts`]).
        text: TextRange,
        /// For a phrase that states a number next to words ("exit code 137"): its
        /// [`NumberProbe`], an index of the rubric's probe table ([`Compiler::probes`]).
        numbers: Option<u32>,
    },
    /// A literal or regex: an index of the rubric's scan table ([`Compiler::scans`]).
    Scan(u32),
}

/// The number probe of a phrase that states a number next to words ("exit code 137"): the
/// phrase with every number replaced by "any number", and the numbers it expects, in order.
pub(crate) type NumberProbe = (Variant, Vec<String>);

/// A leaf that scans the answer's text: a regex, or a literal.
#[derive(Debug)]
pub(crate) enum Scanner {
    Regex {
        regex: LazyRegex,
        text: String,
        /// The pattern names a negation itself (`doesn'?t need`, `never|not`): a cue inside a
        /// hit is then part of what was matched. Otherwise a cue inside the hit denies it, as
        /// it would a phrase ("502 *never* comes from kube-proxy" against `502.*comes from.*kube-proxy`).
        states_negation: bool,
    },
    /// A regex that is only a literal (`memory\.high`, `\bS3\b`): found by a case-insensitive
    /// substring search, which costs nothing to build.
    Literal {
        /// Lower-case needle.
        needle: String,
        /// `\b` before / after.
        bounded: (bool, bool),
        text: String,
    },
}

/// Where a phrase leaf's text is in the rubric's phrase texts: `start..end`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    /// The text in `texts`, the phrase texts of the rubric the range was made for.
    pub fn of(self, texts: &str) -> &str {
        texts
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// A regex whose syntax is checked when its rubric compiles and which is built the first time
/// an answer is matched against it: building is most of the cost of compiling a rubric, and a
/// program that loads the whole bank (a server, a study session) grades a few questions of it.
#[derive(Debug)]
pub(crate) struct LazyRegex {
    pattern: String,
    case_insensitive: bool,
    regex: OnceLock<Option<Regex>>,
    /// Sets of strings, every match containing one string of each (see [`super::needles`]),
    /// worked out on first use; `None` inside when none are known.
    needles: OnceLock<Option<Vec<Vec<String>>>>,
}

impl LazyRegex {
    /// The built regex; `None` only for a pattern whose syntax parsed but which the regex
    /// crate still refuses (too big once compiled, or an unknown Unicode class): it matches
    /// nothing, and `rubric lint` reports it.
    pub fn get(&self) -> Option<&Regex> {
        self.regex
            .get_or_init(|| build_regex(&self.pattern, self.case_insensitive).ok())
            .as_ref()
    }

    /// Whether the regex can match the answer whose ASCII-lower-cased text is `lower`: false
    /// when the answer lacks every needle of one of its sets, so it is neither searched nor
    /// built for it.
    #[cfg(test)]
    pub fn may_match(&self, lower: &str) -> bool {
        self.needle_sets().is_none_or(|sets| {
            sets.iter()
                .all(|set| set.iter().any(|n| lower.contains(n.as_str())))
        })
    }

    /// Its needle sets, worked out on first use; `None` when none are known (see
    /// [`super::scan_index`], which looks for every regex's needles in one pass).
    pub fn needle_sets(&self) -> Option<&[Vec<String>]> {
        self.needles
            .get_or_init(|| {
                precomputed_needles(&self.pattern, self.case_insensitive).unwrap_or_else(|| {
                    super::needles::needles(&self.pattern, self.case_insensitive)
                })
            })
            .as_deref()
    }

    /// Whether [`build_regex`] would build `pattern`, known without building what only speeds a
    /// search up: the same builder (syntax, automata and size limit), less the one-pass DFA. A
    /// pattern this accepts `build_regex` builds too; one it refuses is left to
    /// [`LazyRegex::check`], which decides for certain.
    fn builds_without_prefilter(pattern: &str, case_insensitive: bool, unicode: bool) -> bool {
        super::rubric_regex::builder(case_insensitive, unicode)
            .configure(regex_automata::meta::Config::new().onepass(false))
            .build(pattern)
            .is_ok()
    }

    /// Checks that it can be built, as [`LazyRegex::check`] does, but leaves building it to
    /// its first use: cheaper for a rubric that loads many counted patterns.
    /// A pattern that passed once in this process passes again without being checked (see
    /// [`KNOWN_TO_BUILD`]).
    pub fn validate(&self) -> Result<(), String> {
        let flag = usize::from(self.case_insensitive);
        let known = KNOWN_TO_BUILD
            .lock()
            .is_ok_and(|sets| sets[flag].contains(self.pattern.as_str()));
        if known {
            return Ok(());
        }
        let builds = [false, true].into_iter().any(|unicode| {
            Self::builds_without_prefilter(&self.pattern, self.case_insensitive, unicode)
        });
        let result = if builds { Ok(()) } else { self.check() };
        if result.is_ok() {
            if let Ok(mut sets) = KNOWN_TO_BUILD.lock() {
                let set = &mut sets[flag];
                if set.len() >= KNOWN_TO_BUILD_MAX {
                    set.clear();
                }
                set.insert(self.pattern.as_str().into());
            }
        }
        result
    }

    /// Builds it now, reporting why it cannot be built.
    pub fn check(&self) -> Result<(), String> {
        match self.regex.get() {
            Some(Some(_)) => Ok(()),
            _ => build_regex(&self.pattern, self.case_insensitive)
                .map(|r| {
                    let _ = self.regex.set(Some(r));
                })
                .map_err(|e| e.to_string()),
        }
    }
}

/// Patterns (case-sensitive, then case-insensitive) [`LazyRegex::validate`] found buildable: the
/// same pattern always builds, so a process that compiles rubrics again — a bank loaded twice, a
/// server reloading one — checks each counted pattern once. Shared by all threads, since rubrics
/// compile in parallel.
static KNOWN_TO_BUILD: std::sync::LazyLock<std::sync::Mutex<[rustc_hash::FxHashSet<Box<str>>; 2]>> =
    std::sync::LazyLock::new(Default::default);

/// Most patterns [`KNOWN_TO_BUILD`] holds per case before it starts over (the bank has ~350).
const KNOWN_TO_BUILD_MAX: usize = 10_000;

/// Patterns whose syntax [`check_syntax`] accepted: the same pattern always parses, so a process
/// that compiles rubrics again (a bank loaded twice, a server reloading one) parses each pattern
/// once. Shared by all threads, like [`KNOWN_TO_BUILD`].
static KNOWN_SYNTAX: std::sync::LazyLock<std::sync::Mutex<rustc_hash::FxHashSet<Box<str>>>> =
    std::sync::LazyLock::new(Default::default);

/// Most patterns [`KNOWN_SYNTAX`] holds before it starts over (the bank has ~800).
const KNOWN_SYNTAX_MAX: usize = 10_000;

/// Checks the syntax of a regex pattern (the parser alone, which is cheap next to building it),
/// returning the parser's message for a pattern that does not parse.
fn check_syntax(pattern: &str) -> Result<(), String> {
    if KNOWN_SYNTAX
        .lock()
        .is_ok_and(|known| known.contains(pattern))
    {
        return Ok(());
    }
    regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    if let Ok(mut known) = KNOWN_SYNTAX.lock() {
        if known.len() >= KNOWN_SYNTAX_MAX {
            known.clear();
        }
        known.insert(pattern.into());
    }
    Ok(())
}

/// The embedded bank's regex patterns that `build.rs` built (see `build.rs`).
mod checked {
    include!(concat!(env!("OUT_DIR"), "/checked_regexes.rs"));
}

/// Whether `build.rs` built `pattern` case-insensitively (as graders build regexes by default)
/// when the crate was built: an embedded bank's pattern, which compiling need not check again.
fn checked_at_build(pattern: &str) -> bool {
    checked::CHECKED.binary_search(&pattern).is_ok()
}

/// The needles `build.rs` worked out for an embedded bank's pattern, as
/// [`needles`](super::needles::needles) works them out: `None` for any other pattern.
fn precomputed_needles(pattern: &str, case_insensitive: bool) -> Option<Option<Vec<Vec<String>>>> {
    if !case_insensitive {
        return None;
    }
    let i = checked::CHECKED.binary_search(&pattern).ok()?;
    let sets = checked::NEEDLES.get(i)?;
    Some(sets.map(|sets| {
        sets.iter()
            .map(|set| set.iter().map(|s| (*s).to_string()).collect())
            .collect()
    }))
}

impl Leaf {
    /// What the leaf matches, for explanations (`phrase "preStop hook"`); `texts` and `scans`
    /// are the phrase texts and scan table of its rubric.
    pub fn describe(&self, texts: &str, scans: &[(u32, Scanner)]) -> String {
        match self {
            Leaf::Phrase {
                text, term: true, ..
            } => format!("term \"{}\"", text.of(texts)),
            Leaf::Phrase { text, .. } => format!("phrase \"{}\"", text.of(texts)),
            Leaf::Scan(k) => match scans.get(*k as usize) {
                Some((_, Scanner::Regex { text, .. } | Scanner::Literal { text, .. })) => {
                    format!("regex /{text}/")
                }
                None => String::new(),
            },
        }
    }
}

/// A phrase variant, listed under its first word so that matching starts from the words an
/// answer holds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Start {
    /// The phrase's leaf.
    pub leaf: u32,
    /// The variant: an index of the rubric's variant table.
    pub variant: u32,
    /// The variant's second word, or [`Start::NO_SECOND`] for a one-word variant: a variant whose
    /// second word the answer does not hold cannot match, and is passed over without reading it.
    pub second: WordId,
}

impl Start {
    /// `second` of a one-word variant.
    pub const NO_SECOND: WordId = WordId::MAX;
}

/// For every vocabulary word, the phrase variants that begin with it: one flat table, indexed by
/// word.
#[derive(Debug, Default)]
pub(crate) struct Starts {
    /// `entries[offsets[w]..offsets[w + 1]]` begin with word `w`.
    offsets: Vec<u32>,
    entries: Vec<Start>,
}

impl Starts {
    /// Indexes the variants of every phrase leaf by first word, in leaf and variant order.
    pub fn new(vocab_len: usize, leaves: &[Leaf], table: &[Variant]) -> Starts {
        // Each phrase leaf's range of the variant table, in leaf order.
        let ranges = || {
            leaves
                .iter()
                .enumerate()
                .filter_map(|(i, leaf)| match leaf {
                    Leaf::Phrase { variants, .. } => Some((i as u32, variants.start, variants.end)),
                    Leaf::Scan(_) => None,
                })
        };
        let mut offsets = vec![0u32; vocab_len + 1];
        for (_, from, to) in ranges() {
            for v in &table[from as usize..to as usize] {
                offsets[v.words[0] as usize + 1] += 1;
            }
        }
        for w in 1..offsets.len() {
            offsets[w] += offsets[w - 1];
        }
        // Filled in order: `next[w]` is where the next variant beginning with `w` goes.
        let mut next = offsets.clone();
        let mut entries = vec![
            Start {
                leaf: 0,
                variant: 0,
                second: Start::NO_SECOND,
            };
            offsets[vocab_len] as usize
        ];
        for (leaf, from, to) in ranges() {
            for (k, v) in (from..to).zip(&table[from as usize..to as usize]) {
                let slot = &mut next[v.words[0] as usize];
                entries[*slot as usize] = Start {
                    leaf,
                    variant: k,
                    second: v.words.get(1).copied().unwrap_or(Start::NO_SECOND),
                };
                *slot += 1;
            }
        }
        Starts { offsets, entries }
    }

    /// The variants that begin with word `w`.
    pub fn of(&self, w: WordId) -> &[Start] {
        let w = w as usize;
        match (self.offsets.get(w), self.offsets.get(w + 1)) {
            (Some(&from), Some(&to)) => &self.entries[from as usize..to as usize],
            _ => &[],
        }
    }
}

/// A compiled matcher tree node. Its children are in the rubric's node table
/// ([`Compiler::nodes`]) rather than in allocations of their own: a bank compiles tens of
/// thousands of nodes, and a grader is then dropped with one free for all of them instead of a
/// walk over every tree.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Node {
    Leaf(u32),
    Any(NodeRange),
    All {
        of: NodeRange,
        within: Window,
    },
    Ordered {
        of: NodeRange,
        within: Window,
    },
    /// `of` and `near` are indexes of the node table.
    Except {
        of: u32,
        near: u32,
        within: Window,
    },
}

/// The children of a node: `start..end` of the rubric's node table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NodeRange {
    start: u32,
    end: u32,
}

impl NodeRange {
    /// The nodes in `table`, the node table of the rubric the range was made for.
    pub fn of(self, table: &[Node]) -> &[Node] {
        table
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// Compiles matchers into leaves sharing one vocabulary.
pub(crate) struct Compiler<'g> {
    pub analyzer: Analyzer,
    pub vocab: Vocab,
    pub leaves: Vec<Leaf>,
    /// The variants of every phrase leaf, leaf after leaf.
    pub variants: Vec<Variant>,
    /// The text of every phrase leaf, back to back (see [`TextRange`]).
    pub texts: String,
    /// The children of every node (see [`Node`]); the roots are kept by the caller.
    pub nodes: Vec<Node>,
    /// The literal and regex leaves, in leaf order: each with its leaf's index.
    pub scans: Vec<(u32, Scanner)>,
    /// The number probes of phrase leaves (see [`NumberProbe`]).
    pub probes: Vec<NumberProbe>,
    pub glossary: &'g Glossary,
    pub case_sensitive_regex: bool,
    /// This compile's number, which marks the prepared phrases it has made leaves of and the
    /// prepared words it has added to its vocabulary (see [`Compiler::phrase`]).
    stamp: u64,
    /// A compile runs on one thread: the prepared phrases and words it marks are that thread's
    /// (see [`PREPARED`]), and none is dropped from there while it runs.
    one_thread: std::marker::PhantomData<Rc<()>>,
}

/// The next [`Compiler::stamp`]: unique across threads, never reused (a `u64` does not run out).
static NEXT_STAMP: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Where a compile error happened, so it can be reported against the rubric.
pub(crate) struct CompileError {
    pub message: String,
    pub kind: LoadErrorKind,
    pub needle: Option<String>,
}

impl CompileError {
    pub fn into_load_error(self, path: &str, field: String, source: Option<&str>) -> LoadError {
        let location = match (source, &self.needle) {
            (Some(src), Some(needle)) => crate::rubric::locate(src, needle),
            _ => None,
        };
        LoadError {
            path: path.to_string(),
            location,
            field: Some(field),
            message: self.message,
            kind: self.kind,
        }
    }
}

impl<'g> Compiler<'g> {
    /// A compiler for matchers that hold about `strings` phrases and patterns (see
    /// [`string_count`]): its tables are sized for them up front, since growing them phrase by
    /// phrase copies them again and again.
    pub fn new(glossary: &'g Glossary, case_sensitive_regex: bool, strings: usize) -> Self {
        start_over_if_full();
        // Per matcher string, in the bank: 0.8 leaves, 1.8 variants (most leaves are phrases).
        Compiler {
            analyzer: Analyzer::new(),
            vocab: Vocab::with_capacity(strings),
            leaves: Vec::with_capacity(strings),
            variants: Vec::with_capacity(strings * 2),
            // The bank's phrases average under 16 bytes.
            texts: String::with_capacity(strings * 16),
            // Most children are the phrases of `Any` lists: about one per string.
            nodes: Vec::with_capacity(strings + strings / 4),
            scans: Vec::new(),
            probes: Vec::new(),
            glossary,
            case_sensitive_regex,
            stamp: NEXT_STAMP.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            one_thread: std::marker::PhantomData,
        }
    }

    pub fn compile(&mut self, m: &Matcher) -> Result<Node, CompileError> {
        self.compile_at(m, 0)
    }

    fn compile_at(&mut self, m: &Matcher, depth: usize) -> Result<Node, CompileError> {
        Ok(match m {
            Matcher::Term(s) | Matcher::Phrase(s) => self.phrase(s)?,
            Matcher::Regex(s) => self.regex(s)?,
            Matcher::Glossary(name) => self.glossary_ref(name, depth)?,
            Matcher::Any(items) => {
                if items.is_empty() {
                    return Err(invalid("`Any` has no phrasings", None));
                }
                Node::Any(self.each(items, |c, s| c.shorthand(s, depth))?)
            }
            Matcher::AnyOf(ms) => {
                if ms.is_empty() {
                    return Err(invalid("`AnyOf` has no matchers", None));
                }
                Node::Any(self.each(ms, |c, m| c.compile_at(m, depth))?)
            }
            Matcher::AllOf { of, within } => {
                if of.is_empty() {
                    return Err(invalid("`AllOf` has no matchers", None));
                }
                Node::All {
                    of: self.each(of, |c, m| c.compile_at(m, depth))?,
                    within: *within,
                }
            }
            Matcher::Ordered { of, within } => {
                if of.len() < 2 {
                    return Err(invalid(
                        "`Ordered` needs at least two matchers (the events, earliest first)",
                        None,
                    ));
                }
                Node::Ordered {
                    of: self.each(of, |c, m| c.compile_at(m, depth))?,
                    within: *within,
                }
            }
            Matcher::Except { of, near, within } => {
                let of = self.compile_at(of, depth)?;
                let near = self.compile_at(near, depth)?;
                let at = self.nodes.len() as u32;
                self.nodes.extend([of, near]);
                Node::Except {
                    of: at,
                    near: at + 1,
                    within: *within,
                }
            }
        })
    }

    /// The nodes of `items`, compiled in order by `compile`, placed side by side in the node
    /// table (each item's own children are placed while it compiles, so they are gathered first).
    fn each<T>(
        &mut self,
        items: &[T],
        mut compile: impl FnMut(&mut Self, &T) -> Result<Node, CompileError>,
    ) -> Result<NodeRange, CompileError> {
        let mut nodes: smallvec::SmallVec<[Node; 16]> =
            smallvec::SmallVec::with_capacity(items.len());
        for item in items {
            nodes.push(compile(self, item)?);
        }
        let start = self.nodes.len() as u32;
        self.nodes.extend(nodes);
        Ok(NodeRange {
            start,
            end: self.nodes.len() as u32,
        })
    }

    /// One string of an `Any` list or glossary entry: `@name`, `/regex/` or a phrase.
    fn shorthand(&mut self, s: &str, depth: usize) -> Result<Node, CompileError> {
        if let Some(name) = s.strip_prefix('@') {
            self.glossary_ref(name, depth)
        } else if let Some(pattern) = shorthand_pattern(s) {
            self.regex(pattern)
        } else {
            self.phrase(s)
        }
    }

    fn glossary_ref(&mut self, name: &str, depth: usize) -> Result<Node, CompileError> {
        if depth >= GLOSSARY_DEPTH {
            return Err(invalid(
                &format!("glossary entry `{name}` refers to itself"),
                Some(name),
            ));
        }
        // The glossary outlives the compiler: its entry is not borrowed from `self`.
        let glossary = self.glossary;
        let Some(items) = glossary.get(name) else {
            return Err(CompileError {
                message: format!("unknown glossary entry `{name}`"),
                kind: LoadErrorKind::UnknownGlossary,
                needle: Some(format!("@{name}")),
            });
        };
        Ok(Node::Any(
            self.each(items, |c, s| c.shorthand(s, depth + 1))?,
        ))
    }

    fn regex(&mut self, pattern: &str) -> Result<Node, CompileError> {
        if !self.case_sensitive_regex {
            if let Some((needle, bounded)) = literal_of(pattern) {
                return Ok(self.scan(Scanner::Literal {
                    needle,
                    bounded,
                    text: pattern.to_string(),
                }));
            }
        }
        let invalid = |e: String| CompileError {
            message: format!(
                "invalid regex /{pattern}/: {}",
                e.lines().last().unwrap_or("").trim()
            ),
            kind: LoadErrorKind::Regex,
            needle: None,
        };
        let case_insensitive = !self.case_sensitive_regex;
        // The syntax is checked now (cheap: the parser alone); a long or counted pattern, the
        // only kind that can outgrow the size limit, is built now too so the limit is reported
        // where the rubric loads. The embedded bank's patterns were built when the crate was.
        let checked = case_insensitive && checked_at_build(pattern);
        if !checked {
            check_syntax(pattern).map_err(invalid)?;
        }
        let regex = LazyRegex {
            pattern: pattern.to_string(),
            case_insensitive,
            regex: OnceLock::new(),
            needles: OnceLock::new(),
        };
        if !checked && (pattern.len() > 200 || pattern.contains('{') || pattern.contains("\\p")) {
            regex.validate().map_err(invalid)?;
        }
        Ok(self.scan(Scanner::Regex {
            regex,
            text: pattern.to_string(),
            states_negation: names_negation(pattern),
        }))
    }

    /// A new leaf that scans the text with `scanner`.
    fn scan(&mut self, scanner: Scanner) -> Node {
        let leaf = self.leaves.len() as u32;
        self.leaves.push(Leaf::Scan(self.scans.len() as u32));
        self.scans.push((leaf, scanner));
        Node::Leaf(leaf)
    }

    fn phrase(&mut self, text: &str) -> Result<Node, CompileError> {
        let prepared = prepared_phrase(&self.analyzer, text)?;
        // The same phrase (a glossary entry referenced by several concepts) is one leaf: the one
        // this compile left on its prepared form, which stays the same while the compile runs.
        let (stamp, leaf) = prepared.leaf.get();
        if stamp == self.stamp {
            return Ok(Node::Leaf(leaf));
        }
        // The phrase's words enter this rubric's vocabulary in the order they were prepared.
        let ids: smallvec::SmallVec<[WordId; 16]> =
            prepared.words.iter().map(|w| self.word_id(w)).collect();
        let resolve = |v: &Variant| Variant {
            words: v.words.iter().map(|&i| ids[i as usize]).collect(),
            ..*v
        };
        let first = self.variants.len();
        for v in &prepared.variants {
            let v = resolve(v);
            if !self.variants[first..].iter().any(|o| o.words == v.words) {
                self.variants.push(v);
            }
        }
        let variants = VariantRange {
            start: first as u32,
            end: self.variants.len() as u32,
        };
        let term = self.variants[first..].iter().all(|v| v.words.len() == 1);
        let numbers = prepared.numbers.as_ref().map(|(probe, expected)| {
            self.probes.push((resolve(probe), expected.clone()));
            self.probes.len() as u32 - 1
        });
        let start = self.texts.len() as u32;
        self.texts.push_str(&prepared.text);
        self.leaves.push(Leaf::Phrase {
            variants,
            term,
            text: TextRange {
                start,
                end: self.texts.len() as u32,
            },
            numbers,
        });
        let leaf = self.leaves.len() as u32 - 1;
        prepared.leaf.set((self.stamp, leaf));
        Ok(Node::Leaf(leaf))
    }

    /// The id of a prepared word in this rubric's vocabulary, added the first time the rubric
    /// meets it. Adding a word again would change nothing (the vocabulary keeps one id per key,
    /// and its typo and split indexes one entry per form and word), so a repeat — three in five
    /// of the bank's phrase words — only reads the id this compile left on the word, instead of
    /// hashing its key and recording its forms again.
    fn word_id(&mut self, w: &PreparedWord) -> WordId {
        let (stamp, id) = w.added.get();
        if stamp == self.stamp {
            return id;
        }
        let id = match &w.spec {
            WordSpec::Word { key, norm, kind } => self.vocab.add(key, norm, *kind),
            WordSpec::Joined(joined) => self.vocab.add_joined(joined),
            WordSpec::AnyNumber => self.vocab.any_number(),
        };
        w.added.set((self.stamp, id));
        id
    }
}

/// The phrases, patterns and glossary references a matcher holds (a glossary reference counts
/// once): what a [`Compiler`] is sized by.
pub(crate) fn string_count(m: &Matcher) -> usize {
    match m {
        Matcher::Term(_) | Matcher::Phrase(_) | Matcher::Regex(_) | Matcher::Glossary(_) => 1,
        Matcher::Any(items) => items.len(),
        Matcher::AnyOf(ms) | Matcher::AllOf { of: ms, .. } | Matcher::Ordered { of: ms, .. } => {
            ms.iter().map(string_count).sum()
        }
        Matcher::Except { of, near, .. } => string_count(of) + string_count(near),
    }
}

/// A word of a prepared phrase, before it has an id in a rubric's vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum WordSpec {
    /// A word as analysed: [`Vocab::add`] with its key, normalised form and kind.
    Word {
        key: Box<str>,
        norm: Box<str>,
        kind: TokenKind,
    },
    /// The joined form of adjacent pieces: [`Vocab::add_joined`].
    Joined(Box<str>),
    /// The wildcard for any number: [`Vocab::any_number`].
    AnyNumber,
}

/// A word of prepared phrases: the phrases one thread prepares share one for equal words (see
/// [`WORDS`]), so the compile of a rubric can leave on it the id it gave the word.
#[derive(Debug)]
struct PreparedWord {
    spec: WordSpec,
    /// The [`Compiler::stamp`] of the compile that last added the word to its vocabulary, and
    /// the id it got there.
    added: std::cell::Cell<(u64, WordId)>,
}

impl PreparedWord {
    /// The word this thread prepared for `spec` before, or a new one.
    fn shared(spec: WordSpec) -> Rc<PreparedWord> {
        WORDS.with(|words| {
            let mut words = words.borrow_mut();
            if let Some(w) = words.get(&spec) {
                return w.clone();
            }
            let w = Rc::new(PreparedWord {
                spec: spec.clone(),
                added: std::cell::Cell::new((0, 0)),
            });
            words.insert(spec, w.clone());
            w
        })
    }
}

/// What compiling a phrase finds without a rubric: its words and its variants over them. A
/// phrase compiles the same way in every rubric except for the ids its words get there, so this
/// part is made once per process (see [`PREPARED`]) and only the ids are made per rubric.
#[derive(Debug)]
struct PreparedPhrase {
    /// The phrase as written.
    text: Box<str>,
    /// Its words, in the order compiling a phrase adds them to a vocabulary (repeats included,
    /// so every rubric's vocabulary sees the same words in the same order as when each phrase was
    /// compiled anew).
    words: Vec<Rc<PreparedWord>>,
    /// Its variants, in order, each word an index into `words`; duplicates are dropped once the
    /// words have ids.
    variants: Vec<Variant>,
    /// The number probe (word indexes as in `variants`) and the numbers it expects.
    numbers: Option<(Variant, Vec<String>)>,
    /// The [`Compiler::stamp`] of the compile that last made a leaf of the phrase, and the leaf.
    leaf: std::cell::Cell<(u64, u32)>,
}

impl PreparedPhrase {
    /// Prepares `text`.
    ///
    /// # Errors
    /// A phrase with no words.
    fn new(analyzer: &Analyzer, text: &str) -> Result<PreparedPhrase, CompileError> {
        let analysis = analyzer.analyze(text);
        let tokens = analysis.tokens();
        if tokens.is_empty() {
            return Err(invalid(
                &format!("phrase \"{text}\" has no words"),
                Some(text),
            ));
        }
        let mut p = PreparedPhrase {
            text: text.into(),
            words: Vec::new(),
            variants: Vec::with_capacity(2),
            numbers: None,
            leaf: std::cell::Cell::new((0, 0)),
        };
        let base = p.base_variant(&analysis);
        p.variants.push(base);
        // Joined variants: adjacent word pieces written as one word (`pre stop` → `prestop`):
        // each adjacent pair, and all of them together. Only word pieces join, and never a
        // one-letter flag (`conntrack -S` is not `conntracks`).
        let n = tokens.len();
        if (2..=JOIN_VARIANTS_UP_TO).contains(&n) {
            let joinable = |t: &crate::analysis::Token| {
                t.kind == TokenKind::Word && analysis.norm(t).len() >= 2
            };
            let mut masks: Vec<u32> = (0..n - 1).map(|i| 1 << i).collect();
            if n >= 3 {
                masks.push((1 << (n - 1)) - 1);
            }
            for mask in masks {
                if (0..n - 1).any(|i| {
                    mask & (1 << i) != 0 && !(joinable(&tokens[i]) && joinable(&tokens[i + 1]))
                }) {
                    continue;
                }
                let mut ids = WordList::new();
                let mut cur = String::new();
                for (i, t) in tokens.iter().enumerate() {
                    let joins_next = i + 1 < n && mask & (1 << i) != 0;
                    if joins_next {
                        cur.push_str(analysis.norm(t));
                    } else if cur.is_empty() {
                        ids.push(p.word(&analysis, t));
                    } else {
                        // The last piece stemmed, the rest as written: `volume` + `attach`
                        // matches `volumeattachments`; stemming the whole would take
                        // `upgraderings` down to `upgrad`.
                        cur.push_str(crate::matching::vocab::key_of(&analysis, t));
                        ids.push(p.push(WordSpec::Joined(cur.as_str().into())));
                        cur.clear();
                    }
                }
                p.variants.push(Variant::plain(ids));
            }
        }
        // A field path (`metadata.finalizers`) also matches its last segment (`finalizers`).
        if let Some(last_dot) = field_path_tail(text) {
            // Only a distinctive tail stands alone: `finalizers` yes; `template`, `conditions`
            // or `loadBalancer` (two everyday words) would match ordinary prose.
            let tail = analyzer.analyze(&text[last_dot..]);
            let distinctive = tail.tokens().len() == 1
                && !crate::analysis::is_english_word(tail.norm(&tail.tokens()[0]));
            if distinctive {
                let v = p.base_variant(&tail);
                p.variants.push(v);
            }
        }
        p.numbers = p.number_probe(&analysis);
        Ok(p)
    }

    /// Records a word; returns its index.
    fn push(&mut self, w: WordSpec) -> WordId {
        self.words.push(PreparedWord::shared(w));
        self.words.len() as WordId - 1
    }

    /// Records token `t` of `analysis` as a word.
    fn word(&mut self, analysis: &Analysis, t: &crate::analysis::Token) -> WordId {
        self.push(WordSpec::Word {
            key: crate::matching::vocab::key_of(analysis, t).into(),
            norm: analysis.norm(t).into(),
            kind: t.kind,
        })
    }

    /// The phrase as analysed, with its identifier structure.
    fn base_variant(&mut self, analysis: &Analysis) -> Variant {
        let tokens = analysis.tokens();
        let mut v = Variant::plain(WordList::with_capacity(tokens.len()));
        // Pieces of one identifier touch: `preStop` (not `pre-stop`, not `grace-period`).
        let touches = |a: usize, b: usize| {
            tokens[a].span.end == tokens[b].span.start
                && tokens[a].kind == TokenKind::Word
                && tokens[b].kind == TokenKind::Word
        };
        for (k, t) in tokens.iter().enumerate().take(64) {
            v.words.push(self.word(analysis, t));
            let glued_prev = k > 0 && touches(k - 1, k);
            let glued_next = k + 1 < tokens.len() && touches(k, k + 1);
            if glued_prev {
                v.glued |= 1 << k;
            }
            if glued_next && !glued_prev {
                v.run_start |= 1 << k;
            }
            if glued_prev && !glued_next {
                v.run_end |= 1 << k;
            }
            if t.kind.is_exact() {
                v.exact |= 1 << k;
            }
        }
        v
    }

    /// The number probe of a phrase that holds both words and numbers: its base variant with
    /// each number or address replaced by the wildcard.
    fn number_probe(&mut self, analysis: &Analysis) -> Option<(Variant, Vec<String>)> {
        let tokens = analysis.tokens();
        let is_number = |k: TokenKind| matches!(k, TokenKind::Number | TokenKind::Address);
        // Two content words anchor a number ("exit code 137", "kubelet port 10250"); one is too
        // weak ("30 seconds" would make every other duration in the answer wrong).
        let anchors = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !t.function_word)
            .count();
        if tokens.len() > 64 || !tokens.iter().any(|t| is_number(t.kind)) || anchors < 2 {
            return None;
        }
        let mut probe = self.base_variant(analysis);
        let any = self.push(WordSpec::AnyNumber);
        let mut expected = Vec::new();
        for (k, t) in tokens.iter().enumerate() {
            if is_number(t.kind) {
                probe.words[k] = any;
                expected.push(analysis.norm(t).to_string());
            }
        }
        Some((probe, expected))
    }
}

/// The literal a regex stands for, if it is one: plain characters and escaped punctuation,
/// optionally between `\b` anchors. ASCII only, so lower-casing keeps byte offsets.
fn literal_of(pattern: &str) -> Option<(String, (bool, bool))> {
    let (left, rest) = match pattern.strip_prefix("\\b") {
        Some(r) => (true, r),
        None => (false, pattern),
    };
    let (right, body) = match rest.strip_suffix("\\b") {
        Some(b) if !b.ends_with('\\') => (true, b),
        _ => (false, rest),
    };
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e) if e.is_ascii_punctuation() => out.push(e),
                _ => return None,
            },
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                return None
            }
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c.to_ascii_lowercase()),
            _ => return None,
        }
    }
    (!out.trim().is_empty()).then_some((out, (left, right)))
}

thread_local! {
    /// Phrases this thread has prepared: glossary phrasings recur in rubric after rubric, so a
    /// bank prepares each of them once per thread. Per thread rather than shared: a shared map's
    /// lock and reference counts would be written by both cores for every phrase of every rubric
    /// compiled in parallel, which costs more than preparing a phrase twice.
    static PREPARED: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Rc<PreparedPhrase>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());

    /// The words of the phrases this thread has prepared, one for equal words.
    static WORDS: std::cell::RefCell<rustc_hash::FxHashMap<WordSpec, Rc<PreparedWord>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// Analyses of other rubric texts (model answers, questions), shared the same way.
static ANALYSES: std::sync::LazyLock<
    std::sync::RwLock<rustc_hash::FxHashMap<Box<str>, Arc<Analysis>>>,
> = std::sync::LazyLock::new(Default::default);

/// Most entries [`PREPARED`], [`WORDS`] (per thread) and [`ANALYSES`] each hold before
/// starting over.
const CACHED_TEXTS_MAX: usize = 100_000;

/// The value cached for `text` in `cache`, made with `make` on a miss.
fn cached<T, E>(
    cache: &std::sync::RwLock<rustc_hash::FxHashMap<Box<str>, Arc<T>>>,
    text: &str,
    make: impl FnOnce() -> Result<T, E>,
) -> Result<Arc<T>, E> {
    if let Some(hit) = cache.read().ok().and_then(|c| c.get(text).cloned()) {
        return Ok(hit);
    }
    let made = Arc::new(make()?);
    if let Ok(mut cache) = cache.write() {
        if cache.len() >= CACHED_TEXTS_MAX {
            cache.clear();
        }
        cache.insert(text.into(), made.clone());
    }
    Ok(made)
}

/// The prepared form of a rubric phrase, cached.
fn prepared_phrase(analyzer: &Analyzer, text: &str) -> Result<Rc<PreparedPhrase>, CompileError> {
    PREPARED.with(|cache| {
        if let Some(hit) = cache.borrow().get(text) {
            return Ok(hit.clone());
        }
        let prepared = Rc::new(PreparedPhrase::new(analyzer, text)?);
        cache.borrow_mut().insert(text.into(), prepared.clone());
        Ok(prepared)
    })
}

/// Empties this thread's prepared phrases and words once they hold [`CACHED_TEXTS_MAX`] entries
/// or more: only before a compile starts, so one compile meets the same prepared form of a
/// phrase or word each time (they grow by at most one rubric's phrases past the limit).
fn start_over_if_full() {
    PREPARED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHED_TEXTS_MAX {
            cache.clear();
        }
    });
    WORDS.with(|words| {
        let mut words = words.borrow_mut();
        if words.len() >= CACHED_TEXTS_MAX {
            words.clear();
        }
    });
}

/// The analysis of a rubric text (a model answer, a question), cached: a bank compiled again, or
/// a grader built twice for one rubric, analyses it once.
pub(crate) fn analyze_rubric_text(analyzer: &Analyzer, text: &str) -> Arc<Analysis> {
    let Ok(analysis) = cached(&ANALYSES, text, || {
        Ok::<_, std::convert::Infallible>(analyzer.analyze(text))
    });
    analysis
}

/// For a Kubernetes field path (`metadata.finalizers`, `spec.template.spec.containers`), the byte
/// offset of its last segment. Other dotted names (`memory.high`, `resolv.conf`) keep their dots:
/// their last segment alone is an everyday word.
fn field_path_tail(text: &str) -> Option<usize> {
    const ROOTS: &[&str] = &[
        "metadata.",
        "spec.",
        "status.",
        ".metadata.",
        ".spec.",
        ".status.",
    ];
    if text.contains(char::is_whitespace) || !ROOTS.iter().any(|r| text.starts_with(r)) {
        return None;
    }
    let b = text.as_bytes();
    let dot = text.rfind('.')?;
    (dot > 0
        && dot + 1 < b.len()
        && b[dot - 1].is_ascii_alphabetic()
        && b[dot + 1].is_ascii_alphabetic())
    .then_some(dot + 1)
}

fn invalid(message: &str, needle: Option<&str>) -> CompileError {
    CompileError {
        message: message.to_string(),
        kind: LoadErrorKind::Invalid,
        needle: needle.map(str::to_string),
    }
}

/// Whether a regex pattern names a negation cue among its words ("not", "never", "without", a
/// contracted "n't" written as `n't` or `n'?t`).
fn names_negation(pattern: &str) -> bool {
    let lower = pattern.to_ascii_lowercase();
    lower.contains("n'")
        || lower.contains("n\u{2019}")
        || lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(crate::analysis::is_negation_trigger)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_checked_at_build_time_build_and_others_are_checked_when_compiled() {
        assert!(!checked::CHECKED.is_empty(), "the bank has regexes");
        assert!(
            checked::CHECKED.windows(2).all(|w| w[0] < w[1]),
            "sorted, once each"
        );
        assert_eq!(checked::NEEDLES.len(), checked::CHECKED.len());
        for p in checked::CHECKED {
            assert!(
                build_regex(p, true).is_ok(),
                "/{p}/ was checked but does not build"
            );
            assert_eq!(
                precomputed_needles(p, true),
                Some(super::super::needles::needles(p, true)),
                "/{p}/: the needles build.rs worked out differ from the crate's"
            );
        }
        assert_eq!(precomputed_needles(checked::CHECKED[0], false), None);
        // A pattern of no rubric is not taken as checked, so compiling it reports its error.
        assert!(!checked_at_build("(unclosed"));
        assert!(!checked_at_build("x{99999}{99999}"));
    }
}
