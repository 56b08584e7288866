//! What the analyser derives from a word on its own, cached per thread.
//!
//! A word's normal form, stem, dictionary status, negation cue and function-word status depend
//! on its lower-case spelling alone, and answers reuse a small vocabulary (an answer repeats its
//! words; answers to one question share most of theirs). So each different lower-case word is
//! worked out once per thread and then costs one lookup (graders are shared across threads in
//! batch mode).

use std::cell::RefCell;

use rustc_hash::FxHashMap;

use super::lexicon::{base_forms, is_english_word, is_function_word, opens_clause};
use super::negation::{cue_kind, verdict_group, CueKind};
use super::normalize::americanise;
use super::stem::with_stem;

/// Above this many cached words the cache is cleared, so memory stays bounded on huge inputs.
const CACHE_LIMIT: usize = 50_000;

/// Longer words are worked out every time: they are rare, and caching them could only fill the
/// cache with junk from pasted data. Shorter ones are their own key, packed in four machine
/// words (the last byte holds the length), so a lookup compares integers instead of calling
/// `memcmp`, which was a tenth of grading time.
const MAX_CACHED_LEN: usize = 31;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Key([u64; 4]);

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // One word for the hasher to mix: an array would be hashed as a byte slice.
        let [a, b, c, d] = self.0;
        state.write_u64(
            a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(23)
                ^ c.wrapping_mul(0xc2b2_ae3d_27d4_eb4f).rotate_left(41)
                ^ d,
        );
    }
}

/// The key of a word of at most [`MAX_CACHED_LEN`] bytes.
fn key_of(word: &str) -> Key {
    let mut bytes = [0u8; 32];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    bytes[31] = word.len() as u8;
    let mut key = [0u64; 4];
    for (k, chunk) in key.iter_mut().zip(bytes.chunks_exact(8)) {
        *k = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
    }
    Key(key)
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
    /// What the dictionary says of `word`. Words of fewer than three letters and words that are
    /// not plain lower-case letters are in no dictionary (it lists words of four letters or
    /// more).
    fn of(word: &str) -> Words {
        if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Words::default();
        }
        let english = is_english_word(word);
        Words {
            english,
            dictionary: english || base_forms(word, is_english_word),
        }
    }
}

/// What the analyser derives from a lower-case word.
#[derive(Debug)]
pub(crate) struct Lexeme {
    /// The normalised form (possessive dropped, American spelling); `None` when it is the
    /// lower-case word itself.
    pub norm: Option<Box<str>>,
    /// The stem; `None` when it is the normalised form itself. Function words are not stemmed.
    pub stem: Option<Box<str>>,
    pub function_word: bool,
    /// What the dictionary says of the normalised form (default for function words).
    pub words: Words,
    /// What the word can be to negation marking (of the lower-case word).
    pub cue: CueKind,
    /// The group of the verdicts that start with the lower-case word (see `verdict_group`).
    pub verdicts: u16,
    /// The normalised form opens a clause of its own ("but", "because", "which" …).
    pub opens_clause: bool,
    /// [`hash_str`] of the stem and of the normalised form: what vocabulary lookups hash.
    pub stem_hash: u64,
    pub norm_hash: u64,
}

/// The hash every string-keyed table of the grader uses (Fx), so that a word hashed once when it
/// is analysed can be looked up in any of them.
pub(crate) fn hash_str(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

/// A 1,024-bit filter of [`hash_str`] hashes: `may_hold` is false only for a hash never
/// inserted, so a table keyed by such hashes (a vocabulary, a list of markers) can answer "no"
/// for most words of an answer before its map is asked. Fx hashes mix into their high bits,
/// which index it.
#[derive(Clone, Debug, Default)]
pub(crate) struct HashFilter([u64; 16]);

impl HashFilter {
    fn slot(hash: u64) -> (usize, u64) {
        let bit = (hash >> 54) as usize;
        (bit >> 6, 1 << (bit & 63))
    }

    pub(crate) fn insert(&mut self, hash: u64) {
        let (word, mask) = HashFilter::slot(hash);
        self.0[word] |= mask;
    }

    #[inline]
    pub(crate) fn may_hold(&self, hash: u64) -> bool {
        let (word, mask) = HashFilter::slot(hash);
        self.0[word] & mask != 0
    }
}

impl Lexeme {
    fn of(lower: &str) -> Lexeme {
        let function_word = is_function_word(lower);
        let mut norm = lower.to_string();
        // pod's → pod; the possessive carries nothing to match on.
        if let Some(base) = norm.strip_suffix("'s") {
            let len = base.len();
            norm.truncate(len);
        } else if norm.ends_with('\'') {
            norm.pop();
        }
        americanise(&mut norm);
        let (stem, words) = if function_word {
            (None, Words::default())
        } else {
            (
                with_stem(&norm, |s| (s != norm).then(|| Box::from(s))),
                Words::of(&norm),
            )
        };
        let norm_hash = hash_str(&norm);
        Lexeme {
            stem_hash: stem.as_deref().map_or(norm_hash, hash_str),
            norm_hash,
            function_word,
            words,
            stem,
            cue: cue_kind(lower),
            verdicts: verdict_group(lower),
            opens_clause: opens_clause(&norm),
            norm: (norm != lower).then(|| norm.into_boxed_str()),
        }
    }
}

thread_local! {
    // `const`: no lazy-initialisation check on each of the analyser's per-token lookups.
    static CACHE: RefCell<FxHashMap<Key, Lexeme>> =
        const { RefCell::new(FxHashMap::with_hasher(rustc_hash::FxBuildHasher)) };
}

/// Calls `f` with what the analyser derives from the lower-case word `lower`.
pub(crate) fn with_lexeme<R>(lower: &str, f: impl FnOnce(&Lexeme) -> R) -> R {
    if lower.len() > MAX_CACHED_LEN {
        return f(&Lexeme::of(lower));
    }
    let key = key_of(lower);
    CACHE.with(|cache| {
        if let Some(l) = cache.borrow().get(&key) {
            return f(l);
        }
        let l = Lexeme::of(lower);
        let out = f(&l);
        let mut cache = cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, l);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_filter_holds_what_was_inserted_and_rules_out_most_else() {
        let mut filter = HashFilter::default();
        let words = ["kubelet", "pod", "sigterm", "preStop"];
        for w in words {
            filter.insert(hash_str(w));
        }
        assert!(words.iter().all(|w| filter.may_hold(hash_str(w))));
        // Four words set at most four of 1,024 bits: nearly every other word is ruled out.
        let others = (0..1000).filter(|i| filter.may_hold(hash_str(&format!("w{i}"))));
        assert!(others.count() < 50);
        assert!(!HashFilter::default().may_hold(hash_str("kubelet")));
    }

    #[test]
    fn a_word_is_worked_out_once_and_the_same_every_time() {
        for _ in 0..2 {
            with_lexeme("pod's", |l| {
                assert_eq!(l.norm.as_deref(), Some("pod"));
                assert_eq!(l.stem, None);
                assert!(!l.function_word);
            });
            with_lexeme("behaviours", |l| {
                assert_eq!(l.norm.as_deref(), Some("behaviors"));
                assert_eq!(l.stem.as_deref(), Some("behavior"));
                assert!(l.words.dictionary);
            });
            with_lexeme("because", |l| {
                assert!(l.function_word && l.opens_clause);
                assert_eq!((l.norm.as_deref(), l.stem.as_deref()), (None, None));
            });
            with_lexeme("won't", |l| assert_eq!(l.cue, CueKind::Full));
            // Keys of every length up to the longest cached one, and past it.
            let long = "xbcdefghijklmnopqrstuvwxyzabcdefghij";
            for n in 1..=long.len() {
                with_lexeme(&long[..n], |l| {
                    assert_eq!(l.norm, None, "{n}");
                    assert!(!l.function_word);
                });
            }
            with_lexeme("is", |l| assert!(l.function_word));
        }
    }

    #[test]
    fn the_cache_tells_dictionary_words() {
        let words = |w: &str| with_lexeme(w, |l| l.words);
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
            Words::of("Template"),
            Words::default(),
            "callers pass lower-case words"
        );
    }
}
