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

static DATA: &str = include_str!("wordnet.txt");

/// Words that state one idea in programming, where WordNet's most frequent senses are of
/// everyday English (its "pointer" is an arrow, its "call" is naming, its "address" a speech):
/// each word's group comes before its WordNet synonyms. The short forms identifiers use
/// (`headPtr` is read as `head`, `ptr`) belong to the group of the word they shorten. Lookups
/// are by the word as written, so inflected forms are groups of their own.
const COMPUTING: &[&[&str]] = &[
    &["function", "method", "procedure", "subroutine", "func"],
    &["functions", "methods", "procedures", "subroutines"],
    &["pointer", "address", "ptr", "addr"],
    &["pointers", "addresses", "ptrs"],
    &["call", "invoke"],
    &["calls", "invokes"],
    &["called", "invoked"],
    &["calling", "invoking"],
    &["parameter", "argument", "param", "arg"],
    &["parameters", "arguments", "params", "args"],
    &["element", "item", "elem"],
    &["elements", "items", "elems"],
    &["initialize", "init"],
    &["variable", "var"],
    &["variables", "vars"],
    &["array", "arr"],
    &["object", "instance", "obj"],
    &["objects", "instances", "objs"],
    &["create", "instantiate", "construct"],
    &["creates", "instantiates", "constructs"],
    &["created", "instantiated", "constructed"],
    &["remove", "delete"],
    &["removes", "deletes"],
    &["removed", "deleted"],
    &["insert", "add"],
    &["inserts", "adds"],
    &["inserted", "added"],
    &["execute", "run"],
    &["executes", "runs"],
    &["executed", "ran"],
    &["program", "software", "application"],
    &["error", "bug", "fault"],
    &["errors", "bugs", "faults"],
    &["contiguous", "consecutive", "adjacent"],
    &["traverse", "iterate"],
    &["index", "subscript", "idx"],
    &["length", "size", "len"],
    &["integer", "int"],
    &["character", "char"],
    &["string", "str"],
    &["boolean", "bool"],
    &["memory", "storage", "mem"],
    &["previous", "prev"],
    &["current", "curr"],
    &["temporary", "temp", "tmp"],
    &["number", "num"],
    &["value", "val"],
    &["node", "vertex"],
    &["nodes", "vertices"],
    &["store", "hold", "save"],
    &["stores", "holds", "saves"],
    &["stored", "held", "saved"],
    &["storing", "holding", "saving"],
    &["simulate", "emulate", "mimic", "imitate"],
    &["declare", "define"],
    &["declared", "defined"],
    &["allocate", "alloc"],
];

/// WordNet synonyms and antonyms of single English words.
#[derive(Debug, Default)]
pub struct Thesaurus {
    synonyms: FxHashMap<&'static str, Vec<&'static str>>,
    antonyms: FxHashMap<&'static str, Vec<&'static str>>,
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
                for &word in *group {
                    let mut words: Vec<&'static str> =
                        group.iter().copied().filter(|w| *w != word).collect();
                    if let Some(general) = t.synonyms.get(word) {
                        words.extend(general.iter().filter(|w| !group.contains(w)));
                    }
                    t.synonyms.insert(word, words);
                }
            }
            t
        })
    }

    /// Whether `word` is a plain lower-case word the thesaurus may be asked about.
    fn plain(word: &str) -> bool {
        word.len() >= 3 && word.bytes().all(|b| b.is_ascii_lowercase())
    }

    /// Synonyms of `word` (lower-case), most frequent sense first; none for identifiers.
    pub fn synonyms(&self, word: &str) -> &[&'static str] {
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
        assert!(t.synonyms("calls").contains(&"invokes"));
        assert!(t.synonyms("function").contains(&"method"));
        // WordNet's synonyms follow the group's.
        assert!(t.synonyms("store").contains(&"hold"));
        assert!(t.synonyms("store").contains(&"shop"));
    }
}
