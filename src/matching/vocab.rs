//! The rubric-side vocabulary: every distinct word of every phrase, keyed by stem, with a
//! typo index and an index of ways to split a word in two (`prestop` ⇄ `pre` + `stop`).
//!
//! Built once per rubric; looked up once per answer token.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::analysis::with_stem;
use crate::analysis::{Analysis, Token, TokenKind};

/// Index of a vocabulary word.
pub(crate) type WordId = u32;

/// The end of a [`Vocab`] hash chain.
const NO_WORD: WordId = WordId::MAX;

/// Words shorter than this (in bytes) are never matched fuzzily.
const FUZZY_MIN_LEN: usize = 5;

/// The largest typo distance allowed for a word of `len` bytes: none under 5, 1 up to 8, 2 beyond.
pub(crate) fn typo_limit(len: usize) -> usize {
    match len {
        0..FUZZY_MIN_LEN => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[derive(Debug)]
struct FuzzyEntry {
    id: WordId,
    form: Box<str>,
    mask: u32,
}

/// A word from an answer mapped to the vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Atom {
    pub id: WordId,
    /// Last token covered (a split word covers two).
    pub last: u32,
    pub fuzzy: bool,
}

#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// The key of every word, back to back in id order (`key_ends[id]` is where word `id`'s
    /// ends): one allocation for a rubric's thousands of words instead of one each.
    keys: String,
    key_ends: Vec<u32>,
    /// The hash of a key → the first word with that hash; `same_hash[id]` → the next one
    /// ([`NO_WORD`] ends the list). Keys hashing alike are vanishingly rare but handled.
    by_hash: FxHashMap<u64, WordId>,
    /// A filter of the hashes in `by_hash`: most words of an answer are not in a rubric's
    /// vocabulary, and one bit test answers "no" for nearly all of them before the map does.
    known: HashFilter,
    same_hash: Vec<WordId>,
    /// Forms for the typo index, in the order they were added: (word, range of `form_text`).
    fuzzy_forms: Vec<(WordId, u32, u32)>,
    /// Forms for the split index, in the order they were added: (word, range of `form_text`).
    split_forms: Vec<(WordId, u32, u32)>,
    /// The text of `fuzzy_forms` and `split_forms`, back to back.
    form_text: String,
    /// The typo and split indexes, built from the forms the first time an answer is mapped: a
    /// program that compiles a whole bank grades against few of its rubrics.
    index: OnceLock<Index>,
    len: u32,
    /// The word that stands for "any number or address" in number probes, once one exists.
    any_number: Option<WordId>,
}

/// The lookup structures over a vocabulary's forms.
#[derive(Debug, Default)]
struct Index {
    /// (first byte, length) → fuzzy candidates; a lookup visits only lengths within the limit.
    fuzzy: FxHashMap<(u8, usize), Vec<FuzzyEntry>>,
    /// A prefix of a vocabulary word (its hash) → a run of `split_table`, for words written
    /// apart.
    splits: FxHashMap<u64, (u32, u32)>,
    /// A filter of the hashes in `splits` (few words of an answer start a split form).
    split_heads: HashFilter,
    /// (prefix hash, form, cut): every way to cut every splittable form, sorted by hash — one
    /// flat table instead of a list per prefix.
    split_table: Vec<(u64, u32, u8)>,
    /// Forms that can be split, indexed by `splits` entries: (form, id).
    split_forms: Vec<(Box<str>, WordId)>,
}

/// The key a token is looked up by: its stem for words, its exact text for numbers and codes.
#[inline]
pub(crate) fn key_of<'a>(analysis: &'a Analysis, token: &Token) -> &'a str {
    if token.kind == TokenKind::Word {
        analysis.stem(token)
    } else {
        analysis.norm(token)
    }
}

use crate::analysis::{hash_str, HashFilter};

fn letter_mask(s: &str) -> u32 {
    s.bytes().fold(0, |m, b| {
        if b.is_ascii_lowercase() {
            m | 1 << (b - b'a')
        } else {
            m
        }
    })
}

impl Vocab {
    /// An empty vocabulary sized for the phrases of about `strings` matcher strings. Per string,
    /// the bank's rubrics have 1.3 words of 12 key bytes, 1.3 typo and 0.7 split forms, and 13
    /// bytes of their text (a rubric adds each word once; forms still repeat when two words
    /// share one, and an index is built from them once an answer is mapped).
    pub fn with_capacity(strings: usize) -> Vocab {
        let words = strings * 3 / 2;
        Vocab {
            keys: String::with_capacity(strings * 14),
            key_ends: Vec::with_capacity(words),
            by_hash: FxHashMap::with_capacity_and_hasher(words, Default::default()),
            same_hash: Vec::with_capacity(words),
            fuzzy_forms: Vec::with_capacity(words),
            split_forms: Vec::with_capacity(strings),
            form_text: String::with_capacity(strings * 16),
            ..Vocab::default()
        }
    }

    /// Adds a word (by its key, normalised form and kind); returns its id.
    pub fn add(&mut self, key: &str, norm: &str, kind: TokenKind) -> WordId {
        let id = self.add_exact(key);
        self.add_forms(id, norm, kind);
        if key != norm {
            // The stem too, so a typo in an inflected form (`evictd`) still finds `evict`.
            self.add_forms(id, key, kind);
        }
        id
    }

    /// Adds the joined form of an identifier phrase (`oomkill` for `OOMKilled`): matched as
    /// written, and through typos when it is long enough that a typo cannot make it another
    /// word (`OOMKILED`).
    pub fn add_joined(&mut self, joined: &str) -> WordId {
        let id = self.add_exact(joined);
        if joined.len() >= 7 && joined.is_ascii() {
            // Typo index only: the split table would let it match inside a longer identifier.
            self.add_fuzzy_form(id, joined);
        }
        id
    }

    /// Adds a word that only ever matches exactly: the joined forms of a phrase (`upgraderings`
    /// must not be a typo away from `upgrades`).
    pub fn add_exact(&mut self, key: &str) -> WordId {
        let hash = hash_str(key);
        if let Some(id) = self.find(hash, key) {
            return id;
        }
        let id = self.len;
        self.len += 1;
        self.keys.push_str(key);
        self.key_ends.push(self.keys.len() as u32);
        self.known.insert(hash);
        let next = self.by_hash.insert(hash, id).unwrap_or(NO_WORD);
        self.same_hash.push(next);
        id
    }

    /// The word whose key is `key` (its hash `hash`), if there is one.
    fn find(&self, hash: u64, key: &str) -> Option<WordId> {
        if !self.known.may_hold(hash) {
            return None;
        }
        let mut id = *self.by_hash.get(&hash)?;
        while id != NO_WORD {
            let i = id as usize;
            let start = if i == 0 { 0 } else { self.key_ends[i - 1] };
            if self.keys.get(start as usize..self.key_ends[i] as usize) == Some(key) {
                return Some(id);
            }
            id = self.same_hash[i];
        }
        None
    }

    /// Records `norm` as a form for the typo index.
    fn add_fuzzy_form(&mut self, id: WordId, norm: &str) {
        if norm.len() >= FUZZY_MIN_LEN {
            let range = self.push_text(norm);
            self.fuzzy_forms.push((id, range.0, range.1));
        }
    }

    fn add_forms(&mut self, id: WordId, norm: &str, kind: TokenKind) {
        if kind != TokenKind::Word || !norm.is_ascii() || norm.len() < 4 {
            return;
        }
        // One copy of the text serves both indexes.
        let (start, end) = self.push_text(norm);
        if norm.len() >= FUZZY_MIN_LEN {
            self.fuzzy_forms.push((id, start, end));
        }
        if norm.len() < 256 {
            self.split_forms.push((id, start, end));
        }
    }

    /// Appends `s` to `form_text`; returns its range.
    fn push_text(&mut self, s: &str) -> (u32, u32) {
        let start = self.form_text.len() as u32;
        self.form_text.push_str(s);
        (start, self.form_text.len() as u32)
    }

    fn form(&self, start: u32, end: u32) -> &str {
        &self.form_text[start as usize..end as usize]
    }

    /// Builds the typo and split indexes from the recorded forms, each (form, word) once, in
    /// the order they were added.
    fn build_index(&self) -> Index {
        let mut index = Index::default();
        // Keyed by the hash of the form: forms recur in phrase after phrase.
        let mut seen = rustc_hash::FxHashSet::default();
        for &(id, start, end) in &self.fuzzy_forms {
            let norm = self.form(start, end);
            if seen.insert((hash_str(norm), id)) {
                index
                    .fuzzy
                    .entry((norm.as_bytes()[0], norm.len()))
                    .or_default()
                    .push(FuzzyEntry {
                        id,
                        form: norm.into(),
                        mask: letter_mask(norm),
                    });
            }
        }
        seen.clear();
        for &(id, start, end) in &self.split_forms {
            let norm = self.form(start, end);
            // Keyed by the hash of the head, checked against the stored form on lookup, so
            // building the table allocates nothing per prefix.
            if seen.insert((hash_str(norm), id)) {
                let form = index.split_forms.len() as u32;
                index.split_forms.push((norm.into(), id));
                for cut in 2..=norm.len() - 2 {
                    index
                        .split_table
                        .push((hash_str(&norm[..cut]), form, cut as u8));
                }
            }
        }
        index.split_table.sort_unstable();
        index.splits.reserve(index.split_table.len());
        let mut start = 0;
        while start < index.split_table.len() {
            let hash = index.split_table[start].0;
            let mut end = start + 1;
            while end < index.split_table.len() && index.split_table[end].0 == hash {
                end += 1;
            }
            index
                .splits
                .insert(hash, (start as u32, (end - start) as u32));
            index.split_heads.insert(hash);
            start = end;
        }
        index
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| self.build_index())
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// The id of the wildcard for any number or address (created on first use).
    pub fn any_number(&mut self) -> WordId {
        match self.any_number {
            Some(id) => id,
            None => {
                // A key no analysed token can have.
                let id = self.add_exact("\u{1}number");
                self.any_number = Some(id);
                id
            }
        }
    }

    /// Maps token `i` of `analysis` to vocabulary atoms, pushing them onto `out`.
    pub fn atoms(&self, analysis: &Analysis, i: usize, out: &mut Vec<(u32, Atom)>) {
        let tokens = analysis.tokens();
        let t = &tokens[i];
        let pos = i as u32;
        let before = out.len();
        let (key_hash, norm_hash) = analysis.hashes(i);
        if let Some(id) = self.find(key_hash, key_of(analysis, t)) {
            out.push((
                pos,
                Atom {
                    id,
                    last: pos,
                    fuzzy: false,
                },
            ));
        }
        if t.kind != TokenKind::Word {
            if let (Some(id), TokenKind::Number | TokenKind::Address) = (self.any_number, t.kind) {
                out.push((
                    pos,
                    Atom {
                        id,
                        last: pos,
                        fuzzy: false,
                    },
                ));
            }
            return;
        }
        let norm = analysis.norm(t);
        // A word written apart: `pre stop`, `pre-stop` for the vocabulary word `prestop`.
        let index = self.index();
        let splits = if norm.len() >= 2 && !t.function_word {
            index
                .split_heads
                .may_hold(norm_hash)
                .then(|| index.splits.get(&norm_hash))
                .flatten()
                .map(|&(s, n)| &index.split_table[s as usize..(s + n) as usize])
        } else {
            None
        };
        if let (Some(cands), Some(next)) = (splits, tokens.get(i + 1)) {
            if next.kind == TokenKind::Word && next.sentence == t.sentence {
                let next_norm = analysis.norm(next);
                for &(_, form, cut) in cands {
                    let (word, id) = &index.split_forms[form as usize];
                    let (head, tail) = word.split_at(cut as usize);
                    if head == norm
                        && (tail == next_norm
                            || with_stem(tail, |stem| analysis.stem(next) == stem))
                    {
                        out.push((
                            pos,
                            Atom {
                                id: *id,
                                last: pos + 1,
                                fuzzy: false,
                            },
                        ));
                    }
                }
            }
        }
        if out.len() > before || t.function_word {
            return;
        }
        // A real English word is never taken for a typo. The analyser has looked it up (once
        // per word, cached), which costs less than visiting the candidates of a bank-sized
        // vocabulary, and most words of an answer are English words.
        if t.words.english {
            return;
        }
        self.fuzzy_atoms(index, norm, analysis.stem(t), pos, out);
    }

    fn fuzzy_atoms(
        &self,
        index: &Index,
        norm: &str,
        stem: &str,
        pos: u32,
        out: &mut Vec<(u32, Atom)>,
    ) {
        // The rubric word must be long enough for typos (`typo_limit`); the answer word may be a
        // letter shorter (`prbe` for `probe`).
        if norm.len() < FUZZY_MIN_LEN - 1 || !norm.is_ascii() {
            return;
        }
        let first = norm.as_bytes()[0];
        let mask = letter_mask(norm);
        let mut best: Option<(usize, WordId)> = None;
        let candidates = (norm.len().saturating_sub(2)..=norm.len() + 2)
            .filter_map(|len| index.fuzzy.get(&(first, len)))
            .flatten();
        for e in candidates {
            let limit = typo_limit(e.form.len());
            if limit == 0 || e.form.len().abs_diff(norm.len()) > limit {
                continue;
            }
            // Each edit changes at most two letters of the letter set; cheap reject first.
            if (mask ^ e.mask).count_ones() as usize > 2 * limit {
                continue;
            }
            // The stem too: `oomkiled` is two edits from `oomkill`, its stem `oomkil` one.
            let mut d = osa_distance(norm, &e.form, limit);
            if d > limit && stem != norm && stem.len() >= FUZZY_MIN_LEN - 1 {
                d = d.min(osa_distance(stem, &e.form, limit));
            }
            if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, e.id));
            }
        }
        if let Some((_, id)) = best {
            out.push((
                pos,
                Atom {
                    id,
                    last: pos,
                    fuzzy: true,
                },
            ));
        }
    }
}

/// Longest second word [`osa_distance`] compares without allocating.
const OSA_MAX: usize = 64;

/// The optimal-string-alignment distance of [`strsim::osa_distance`] when it is at most `limit`,
/// otherwise some number over `limit`: computed over the bytes of ASCII words up to [`OSA_MAX`]
/// in three rows on the stack, and given up once two rows have nothing within `limit`. Typo
/// candidates are checked for most words of most answers, and few are close.
fn osa_distance(first: &str, second: &str, limit: usize) -> usize {
    let m = second.len();
    // Bytes are characters only in ASCII.
    if m > OSA_MAX || !first.is_ascii() || !second.is_ascii() {
        return strsim::osa_distance(first, second);
    }
    let (a, b) = (first.as_bytes(), second.as_bytes());
    // The rows two back, one back and being filled, by rotation.
    let first_row: [u32; OSA_MAX + 1] = std::array::from_fn(|j| j as u32);
    let mut rows = [first_row, first_row, [0; OSA_MAX + 1]];
    let (mut two, mut prev, mut cur) = (0, 1, 2);
    for (i, &ca) in a.iter().enumerate() {
        rows[cur][0] = i as u32 + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = u32::from(ca != cb);
            let mut d = (rows[cur][j] + 1)
                .min(rows[prev][j + 1] + 1)
                .min(rows[prev][j] + cost);
            // Two adjacent letters swapped.
            if i > 0 && j > 0 && ca != cb && ca == b[j - 1] && cb == a[i - 1] {
                d = d.min(rows[two][j - 1] + 1);
            }
            rows[cur][j + 1] = d;
        }
        // Distances never fall from one row to the one after next (a transposition reaches
        // back two rows), so once two rows in a row exceed the limit, so does the end.
        let over = |row: &[u32; OSA_MAX + 1]| row[..=m].iter().all(|&d| d as usize > limit);
        if over(&rows[cur]) && over(&rows[prev]) {
            return limit + 1;
        }
        (two, prev, cur) = (prev, cur, two);
    }
    rows[prev][m] as usize
}

#[cfg(test)]
mod tests {
    use super::osa_distance;

    /// The stack version gives the crate's distance within the limit and a larger number beyond
    /// it, transpositions, empty and long words included.
    #[test]
    fn osa_distance_is_strsims() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "probe",
            "prbe",
            "porbe",
            "evict",
            "evictd",
            "oomkiled",
            "oomkill",
            "terminationgraceperiodsecond",
            "terminatoingraceperiodsecond",
            "abcdef",
            "badcfe",
            "kubelet",
            "kublet",
            "kuebelt",
            "averyveryverylongidentifierthatgoesonandonpastsixtyfourbytesforsure",
            "averyveryverylongidentifierthatgoesonandonpastsixtyfourbytesforsur",
        ];
        for a in words {
            for b in words {
                let expected = strsim::osa_distance(a, b);
                for limit in 0..4 {
                    let d = osa_distance(a, b, limit);
                    if expected <= limit {
                        assert_eq!(d, expected, "{a} / {b} within {limit}");
                    } else {
                        assert!(d > limit, "{a} / {b}: {d} within {limit}, is {expected}");
                    }
                }
            }
        }
    }
}
