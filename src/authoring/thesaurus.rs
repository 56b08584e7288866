//! Synonyms and antonyms from WordNet, for drafting only.
//!
//! `wordnet.txt` is compiled from Princeton WordNet 3.0 (Debian's `wordnet-base`) by
//! `tools/wordnet-compact.py`: single words of the project's English word list, a word's
//! synonyms being the other words of its most frequent sense (two senses for verbs and
//! adjectives), antonyms WordNet's lexical antonym pointers. About 13,700 lines, 370 KB, parsed
//! on first use (about a millisecond). Licence: the WordNet 3.0 licence, in `LICENSE-WORDNET`.
//! A short table of programming words ([`COMPUTING`], the project's own) puts their computing
//! sense first.
//!
//! Drafting never looks up numbers, identifiers or words with digits or capitals inside: a
//! thesaurus knows nothing of `preStop` or port 10250.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::analysis::{is_english_word, stem};

static DATA: &str = include_str!("wordnet.txt");

/// Words that state one idea in programming, where WordNet's most frequent senses are of
/// everyday English (its "pointer" is an arrow, its "call" is naming, its "address" a speech):
/// a word's group comes before its WordNet synonyms. Lookups are by stem, so a group lists a
/// word's base form and only the inflections its stem does not share ("freed" is not "free" to
/// the stemmer); a word in two groups ("delete": removing an item, freeing memory) takes both.
/// The short forms identifiers use (`headPtr` is read as `head`, `ptr`) belong to the group of
/// the word they shorten. Every group is one idea a course's answer key states and a student
/// says in other words ("deallocated" for "freed", "location" for "address", "split" for
/// "divide"), never a looser association.
const COMPUTING: &[&[&str]] = &[
    &["function", "method", "procedure", "subroutine", "func"],
    &["pointer", "address", "ptr", "addr"],
    &["address", "location", "addr"],
    &["call", "invoke"],
    &["parameter", "argument", "param", "arg"],
    &["element", "item", "elem", "entry"],
    &["value", "data", "val"],
    &["initialize", "initialise", "init"],
    &["variable", "var"],
    &["array", "arr"],
    &["object", "instance", "obj"],
    &["create", "instantiate", "construct"],
    &["remove", "delete", "erase"],
    &[
        "free",
        "freed",
        "deallocate",
        "release",
        "delete",
        "reclaim",
    ],
    &["destroy", "destruct", "deallocate", "delete"],
    &["allocate", "alloc", "reserve"],
    &["insert", "add"],
    &["execute", "run"],
    &["program", "software", "application", "app"],
    &["error", "bug", "fault", "mistake", "defect"],
    &["contiguous", "consecutive", "adjacent", "sequential"],
    &["traverse", "iterate", "walk"],
    &["loop", "iteration", "iterate", "repeat"],
    &["index", "subscript", "idx"],
    &["length", "size", "len"],
    &["integer", "int"],
    &["character", "char"],
    &["string", "str"],
    &["boolean", "bool"],
    &["memory", "storage", "mem", "ram"],
    &["previous", "prev", "prior", "preceding"],
    &["next", "following", "successor"],
    &["current", "curr"],
    &["temporary", "temp", "tmp"],
    &["number", "num"],
    &["node", "vertex", "vertices"],
    &["store", "hold", "save", "held", "keep", "kept", "contain"],
    &["simulate", "emulate", "mimic", "imitate", "model"],
    &["declare", "define"],
    &["declaration", "definition", "signature"],
    &["member", "field", "attribute", "property"],
    &["copy", "duplicate", "clone"],
    &["modify", "change", "alter", "update", "edit"],
    &["access", "reach", "retrieve"],
    &["unreachable", "inaccessible", "lost"],
    &["find", "locate", "search", "lookup"],
    &["check", "test", "verify", "validate", "ensure"],
    &["fix", "correct", "repair", "resolve"],
    &["requirement", "specification", "spec"],
    &["reuse", "reusability", "reusable"],
    &["inherit", "inheritance", "derive", "extend"],
    &["subclass", "derived", "child"],
    &["superclass", "base", "parent"],
    &["null", "nullptr"],
    &["point", "refer"],
    &["alias", "reference"],
    &["front", "beginning", "start", "head"],
    &["rear", "back", "end", "tail"],
    &["stop", "terminate", "halt", "end", "finish"],
    &["condition", "case"],
    &["infinite", "forever", "endless", "infinitely"],
    &["quadratic", "quadratically", "square", "squared"],
    &["linear", "linearly", "proportional", "proportionally"],
    &["divide", "split", "partition", "halve"],
    &["combine", "merge", "join"],
    &["half", "halves"],
    &["choose", "pick", "select"],
    &["smallest", "minimum", "min", "least", "lowest"],
    &[
        "largest", "maximum", "max", "biggest", "greatest", "highest",
    ],
    &["swap", "exchange", "interchange"],
    &["compare", "comparison"],
    &["fast", "quick", "efficient", "speedy"],
    &["slow", "inefficient"],
    &["many", "multiple", "several"],
    &["whole", "entire"],
    &["grow", "expand", "resize", "enlarge", "extend"],
    &["shrink", "reduce"],
    &["sorted", "ordered"],
    &["pass", "send"],
    &["return", "output"],
    &["hide", "hidden", "conceal", "encapsulate", "encapsulation"],
    &["constant", "const"],
    &["time", "runtime"],
];

/// The regular inflections of an English base form: plural or third person, past, present
/// participle (with the final consonant doubled too, as in "stopped"); the caller keeps the
/// ones that are English words.
fn inflections(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = word.strip_suffix('e') {
        out.extend([format!("{word}s"), format!("{word}d"), format!("{stem}ing")]);
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
    {
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{word}ing"),
        ]);
    } else {
        let plural =
            if word.ends_with(['s', 'x', 'z']) || word.ends_with("sh") || word.ends_with("ch") {
                format!("{word}es")
            } else {
                format!("{word}s")
            };
        out.extend([plural, format!("{word}ed"), format!("{word}ing")]);
        if let Some(last) = word.chars().last().filter(|c| !"aeiouwxy".contains(*c)) {
            out.extend([format!("{word}{last}ed"), format!("{word}{last}ing")]);
        }
    }
    out
}

/// WordNet synonyms and antonyms of single English words, with programming words' computing
/// sense first.
#[derive(Debug, Default)]
pub struct Thesaurus {
    synonyms: FxHashMap<&'static str, Vec<&'static str>>,
    antonyms: FxHashMap<&'static str, Vec<&'static str>>,
    /// Stem → the words of every [`COMPUTING`] group holding a word of that stem.
    computing: FxHashMap<Box<str>, Vec<&'static str>>,
}

impl Thesaurus {
    /// The embedded thesaurus, parsed once.
    pub fn embedded() -> &'static Thesaurus {
        static T: OnceLock<Thesaurus> = OnceLock::new();
        T.get_or_init(|| {
            let mut t = Thesaurus::default();
            for line in DATA.lines().filter(|l| !l.starts_with('#')) {
                let mut words = line.split(' ');
                let Some(head) = words.next() else { continue };
                let rest: Vec<&'static str> = words.filter(|w| !w.is_empty()).collect();
                match head.strip_prefix('!') {
                    Some(w) => t.antonyms.insert(w, rest),
                    None => t.synonyms.insert(head, rest),
                };
            }
            for group in COMPUTING {
                // Every form of the group's words whose stem is not its base form's ("added" is
                // "ad" to the stemmer, "add" is "add"), so that each form finds the group and
                // states it.
                let forms: Vec<&'static str> = group
                    .iter()
                    .flat_map(|&w| {
                        let base = stem(w);
                        std::iter::once(w).chain(
                            inflections(w)
                                .into_iter()
                                .filter(move |f| *stem(f) != *base && is_english_word(f))
                                .map(|f| &*Box::leak(f.into_boxed_str())),
                        )
                    })
                    .collect();
                for &form in &forms {
                    let words = t.computing.entry(stem(form)).or_default();
                    for &other in &forms {
                        if !words.contains(&other) {
                            words.push(other);
                        }
                    }
                }
            }
            for (key, words) in t.computing.iter_mut() {
                words.retain(|w| *stem(w) != **key);
            }
            t
        })
    }

    /// Whether `word` is a plain lower-case word the thesaurus may be asked about.
    fn plain(word: &str) -> bool {
        word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// Synonyms of `word` (lower-case): its computing sense's words (see [`COMPUTING`]), then
    /// WordNet's most frequent sense; none for identifiers.
    pub fn synonyms(&self, word: &str) -> Vec<&'static str> {
        let mut out = self.computing(word).to_vec();
        for w in self.general(word) {
            if !out.contains(w) && *stem(w) != *stem(word) {
                out.push(w);
            }
        }
        out
    }

    /// The words that state `word`'s computing sense, by stem (see [`COMPUTING`]); none for
    /// identifiers and everyday words.
    pub fn computing(&self, word: &str) -> &[&'static str] {
        if !Thesaurus::plain(word) {
            return &[];
        }
        self.computing
            .get(&stem(word))
            .map_or(&[], |v| v.as_slice())
    }

    /// The synonyms a draft gives `word`: every word of its computing sense, then WordNet's
    /// first three (more made no difference on the SemEval-2013 training splits). May repeat
    /// a word; callers keep the first.
    pub fn for_drafts(&self, word: &str) -> impl Iterator<Item = &'static str> + '_ {
        let computing = self.computing(word).iter();
        computing.chain(self.general(word).iter().take(3)).copied()
    }

    /// WordNet's synonyms of `word`, most frequent sense first; none for identifiers.
    pub fn general(&self, word: &str) -> &[&'static str] {
        if !Thesaurus::plain(word) {
            return &[];
        }
        self.synonyms.get(word).map_or(&[], |v| v.as_slice())
    }

    /// Antonyms of `word` (lower-case); none for identifiers.
    pub fn antonyms(&self, word: &str) -> &[&'static str] {
        if !Thesaurus::plain(word) {
            return &[];
        }
        self.antonyms.get(word).map_or(&[], |v| v.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_common_synonyms_and_antonyms() {
        let t = Thesaurus::embedded();
        assert!(t.synonyms("small").contains(&"little"));
        assert!(t.antonyms("increase").contains(&"decrease"));
        assert!(t.antonyms("open").contains(&"closed"));
        assert!(t.synonyms("preStop").is_empty());
        assert!(t.synonyms("10250").is_empty());
    }

    #[test]
    fn programming_words_take_their_computing_sense_first() {
        let t = Thesaurus::embedded();
        assert_eq!(&t.synonyms("pointer")[..2], &["address", "ptr"]);
        assert!(t.synonyms("ptr").contains(&"pointer"));
        assert!(t.synonyms("calls").contains(&"invoke"));
        assert!(t.synonyms("deallocated").contains(&"freed"));
        assert!(t.synonyms("function").contains(&"method"));
        // WordNet's synonyms follow the group's.
        assert!(t.synonyms("store").contains(&"hold"));
        assert!(t.synonyms("store").contains(&"shop"));
    }
}
