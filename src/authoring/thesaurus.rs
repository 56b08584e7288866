//! Synonyms and antonyms from WordNet, for drafting only.
//!
//! `wordnet.txt` is compiled from Princeton WordNet 3.0 (Debian's `wordnet-base`) by
//! `tools/wordnet-compact.py`: single words of the project's English word list, a word's
//! synonyms being the other words of its most frequent sense (two senses for verbs and
//! adjectives), antonyms WordNet's lexical antonym pointers. About 13,700 lines, 370 KB, parsed
//! on first use (about a millisecond). Licence: the WordNet 3.0 licence, in `LICENSE-WORDNET`.
//!
//! Drafting never looks up numbers, identifiers or words with digits or capitals inside: a
//! thesaurus knows nothing of `preStop` or port 10250.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

static DATA: &str = include_str!("wordnet.txt");

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
}
