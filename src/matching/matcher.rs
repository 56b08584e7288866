//! Running compiled matchers over an analysed answer.

use super::compile::{Leaf, Node, NodeRange, NumberProbe, Scanner, Start, Starts, Variant};
use super::hit::Hit;
use super::scan_index::ScanTable;
use super::vocab::{Atom, Vocab};
use crate::analysis::{is_negation_trigger, Analysis, Span, TokenKind};
use crate::rubric::Window;

/// Tokens allowed between two words of a phrase ("exit code *was* 137").
pub(crate) const PHRASE_GAP: u32 = 2;

/// At most this many hits are kept per leaf, which bounds the work of proximity checks on huge
/// answers that repeat a word thousands of times.
const HIT_CAP: usize = 32;

/// An analysed answer mapped onto a rubric's vocabulary.
pub(crate) struct Context<'a> {
    pub text: &'a str,
    pub analysis: &'a Analysis,
    atoms: Vec<(u32, Atom)>,
    /// `atoms[by_pos[p]..by_pos[p + 1]]` start at token `p`.
    by_pos: Vec<u32>,
    /// Indexes into `atoms`, sorted by word and then by position.
    occ: Vec<u32>,
    /// The words the answer holds, ascending: (word, start, end) with `occ[start..end]` its
    /// atoms. Sized by the answer, not by the rubric's vocabulary.
    runs: Vec<(u32, u32, u32)>,
    /// One bit per vocabulary word: whether the answer holds it.
    held: Vec<u64>,
    /// The rubric's node table, where the children of its matcher nodes are.
    nodes: &'a [Node],
}

impl<'a> Context<'a> {
    /// Maps `analysis` (of `text`) onto `vocab`; `nodes` is the node table of the rubric's
    /// matchers (see [`Node`]).
    pub fn new(
        text: &'a str,
        analysis: &'a Analysis,
        vocab: &Vocab,
        nodes: &'a [Node],
    ) -> Context<'a> {
        let n = analysis.tokens().len();
        let mut atoms = Vec::with_capacity(n / 2);
        let mut by_pos = Vec::with_capacity(n + 1);
        for i in 0..n {
            by_pos.push(atoms.len() as u32);
            vocab.atoms(analysis, i, &mut atoms);
        }
        by_pos.push(atoms.len() as u32);
        // Sorted by word and then by position: each atom as one number, word above index, so the
        // sort compares plain integers instead of looking its atoms up.
        let mut keyed: Vec<u64> = atoms
            .iter()
            .enumerate()
            .map(|(k, (_, a))| u64::from(a.id) << 32 | k as u64)
            .collect();
        keyed.sort_unstable();
        let occ: Vec<u32> = keyed.iter().map(|&key| key as u32).collect();
        let mut runs = Vec::new();
        let mut held = vec![0u64; vocab.len().div_ceil(64)];
        let mut start = 0;
        while start < occ.len() {
            let id = atoms[occ[start] as usize].1.id;
            let mut end = start + 1;
            while end < occ.len() && atoms[occ[end] as usize].1.id == id {
                end += 1;
            }
            runs.push((id, start as u32, end as u32));
            if let Some(bits) = held.get_mut(id as usize / 64) {
                *bits |= 1 << (id % 64);
            }
            start = end;
        }
        Context {
            text,
            analysis,
            atoms,
            by_pos,
            occ,
            runs,
            held,
            nodes,
        }
    }

    /// The nodes in a range of the node table.
    pub fn children(&self, range: NodeRange) -> &'a [Node] {
        range.of(self.nodes)
    }

    /// The node at index `at` of the node table (an `Except`'s parts).
    pub fn node(&self, at: u32) -> &'a Node {
        // The compiler made every index it stored; a stray one would be a compiler bug.
        &self.nodes[at as usize]
    }

    /// Whether the answer holds vocabulary word `w` (a phrase needs every one of its words).
    fn holds(&self, w: u32) -> bool {
        self.held
            .get(w as usize / 64)
            .is_some_and(|bits| bits & (1 << (w % 64)) != 0)
    }

    pub(crate) fn atoms_at(&self, pos: u32) -> &[(u32, Atom)] {
        let p = pos as usize;
        if p + 1 >= self.by_pos.len() {
            return &[];
        }
        &self.atoms[self.by_pos[p] as usize..self.by_pos[p + 1] as usize]
    }

    fn occurrences(&self, word: u32) -> impl Iterator<Item = &(u32, Atom)> + '_ {
        let range = match self.runs.binary_search_by_key(&word, |r| r.0) {
            Ok(r) => self.runs[r].1 as usize..self.runs[r].2 as usize,
            Err(_) => 0..0,
        };
        self.occ[range].iter().map(|&k| &self.atoms[k as usize])
    }

    fn hit(&self, first: u32, last: u32, fuzzy: bool, leaf: u32) -> Hit {
        let tokens = self.analysis.tokens();
        let (f, l) = (&tokens[first as usize], &tokens[last as usize]);
        // A cue inside the hit (`non` in `runAsNonRoot`) is part of what was matched, not a
        // denial of it.
        let negated = tokens[first as usize..=last as usize]
            .iter()
            .any(|t| t.negated && (t.negated_by < first || t.negated_by > last));
        Hit {
            span: f.span.to(l.span),
            first,
            last,
            sentence: f.sentence,
            clause: (f.clause, l.clause),
            negated,
            fuzzy,
            leaf,
        }
    }

    /// The hits of every leaf, in text order. Phrases are found from the words that occur in the
    /// answer (`starts[w]` lists the phrase variants beginning with word `w`), so a rubric's
    /// phrases that share no word with the answer cost nothing.
    pub fn all_leaf_hits(
        &self,
        leaves: &[Leaf],
        variants: &[Variant],
        starts: &Starts,
        scans: &ScanTable,
    ) -> Vec<Vec<Hit>> {
        let mut out: Vec<Vec<Hit>> = vec![Vec::new(); leaves.len()];
        // Only the words the answer holds: a few hundred, however large the rubric.
        for &(w, from, to) in &self.runs {
            for start in starts.of(w) {
                if start.second != Start::NO_SECOND && !self.holds(start.second) {
                    continue;
                }
                let leaf = start.leaf;
                let v = &variants[start.variant as usize];
                let occurrences = self.occ[from as usize..to as usize]
                    .iter()
                    .map(|&o| &self.atoms[o as usize]);
                for &(pos, atom) in occurrences {
                    let hits = &mut out[leaf as usize];
                    if hits.len() >= HIT_CAP {
                        break;
                    }
                    if !self.fits(v, 0, pos, atom.last) {
                        continue;
                    }
                    if let Some((last, fuzzy)) = self.extend(v, 1, atom.last, atom.fuzzy) {
                        if !hits.iter().any(|h| h.first == pos && h.last == last) {
                            let h = self.hit(pos, last, fuzzy, leaf);
                            hits.push(h);
                        }
                    }
                }
            }
        }
        for hits in out.iter_mut().filter(|h| h.len() > 1) {
            hits.sort_by_key(|h| (h.first, h.last));
        }
        // Literals and regexes scan the text; `scanned` lists them, so the rest cost nothing.
        // One pass finds which of them the answer can hold (see `ScanTable`).
        if scans.is_empty() {
            return out;
        }
        let lower = self.text.to_ascii_lowercase();
        let candidates = scans.candidates(&lower);
        for (k, (i, scan)) in scans.iter().enumerate() {
            let i = *i as usize;
            if !candidates.may_match(k) {
                continue;
            }
            match scan {
                Scanner::Literal {
                    needle, bounded, ..
                } => {
                    out[i] = self.literal_hits(&lower, needle, *bounded, i as u32);
                }
                Scanner::Regex {
                    regex,
                    states_negation,
                    ..
                } => {
                    if let Some(regex) = regex.get() {
                        out[i] = self.regex_hits(regex, *states_negation, i as u32);
                    }
                }
            }
        }
        out
    }

    /// Places where the answer states a number phrase of `leaf` ("exit code 137") with other
    /// numbers ("exit code 138"): each with the numbers found, joined by spaces. Denied
    /// mentions are left out.
    pub fn wrong_numbers(&self, probe: &NumberProbe, index: u32) -> Vec<(Hit, String)> {
        let (probe, expected) = probe;
        let tokens = self.analysis.tokens();
        let mut out: Vec<(Hit, String)> = Vec::new();
        for &(pos, atom) in self.occurrences(probe.words[0]) {
            if out.len() >= HIT_CAP {
                break;
            }
            if !self.fits(probe, 0, pos, atom.last) {
                continue;
            }
            let Some((last, fuzzy)) = self.extend(probe, 1, atom.last, atom.fuzzy) else {
                continue;
            };
            let found: Vec<&str> = (pos..=last)
                .map(|k| &tokens[k as usize])
                .filter(|t| matches!(t.kind, TokenKind::Number | TokenKind::Address))
                .map(|t| self.analysis.norm(t))
                .collect();
            if found.len() == expected.len() && found.iter().zip(expected).any(|(f, e)| f != e) {
                let h = self.hit(pos, last, fuzzy, index);
                if !h.negated && !out.iter().any(|(o, _)| o.first == h.first) {
                    out.push((h, found.join(" ")));
                }
            }
        }
        out
    }

    /// Hits of a literal in the lower-cased answer, with `\b` checks at either end.
    fn literal_hits(
        &self,
        lower: &str,
        needle: &str,
        bounded: (bool, bool),
        leaf: u32,
    ) -> Vec<Hit> {
        let tokens = self.analysis.tokens();
        let bytes = lower.as_bytes();
        let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut hits = Vec::new();
        for (start, _) in lower.match_indices(needle) {
            let end = start + needle.len();
            let edge_ok =
                |at: usize, inside: u8| !word(inside) || !bytes.get(at).copied().is_some_and(word);
            if bounded.0 && start > 0 && !edge_ok(start - 1, bytes[start]) {
                continue;
            }
            if bounded.1 && !edge_ok(end, bytes[end - 1]) {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.end <= start);
            let last = tokens.partition_point(|t| t.span.start < end);
            if first < last {
                let mut h = self.hit(first as u32, last as u32 - 1, false, leaf);
                h.span = Span::new(start, end);
                hits.push(h);
            }
            if hits.len() >= HIT_CAP {
                break;
            }
        }
        hits
    }

    /// All hits of a regex, in text order. Unless the pattern `states_negation`, a negation cue
    /// inside a hit denies it, as one before it would ("502 never comes from kube-proxy").
    fn regex_hits(
        &self,
        regex: &super::rubric_regex::Regex,
        states_negation: bool,
        index: u32,
    ) -> Vec<Hit> {
        let tokens = self.analysis.tokens();
        let mut hits = Vec::new();
        for m in regex.find_iter(self.text.as_bytes()).take(HIT_CAP) {
            // Byte regexes (ASCII classes compile much faster) may cut a multi-byte
            // character; widen to character boundaries.
            let (mut start, mut end) = (m.start(), m.end());
            while !self.text.is_char_boundary(start) {
                start -= 1;
            }
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            if self.text[start..end].trim().is_empty() {
                continue;
            }
            let first = tokens.partition_point(|t| t.span.end <= start);
            let last = tokens.partition_point(|t| t.span.start < end);
            let span = Span::new(start, end);
            if first < last {
                let mut h = self.hit(first as u32, last as u32 - 1, false, index);
                h.span = span;
                // `non` inside an identifier (`runAsNonRoot`) negates only its own word, which
                // the pattern names.
                h.negated |= !states_negation
                    && tokens[first..last]
                        .iter()
                        .any(|t| t.negated && self.analysis.lower(t.negated_by as usize) != "non");
                hits.push(h);
            } else if let Some(t) = tokens.get(first.min(tokens.len().saturating_sub(1))) {
                hits.push(Hit {
                    span,
                    first: t.position,
                    last: t.position,
                    sentence: t.sentence,
                    clause: (t.clause, t.clause),
                    negated: t.negated,
                    fuzzy: false,
                    leaf: index,
                });
            }
        }
        hits
    }

    /// Whether answer tokens `first..=last` may stand for word `k` of `v`: an identifier's first
    /// piece must start an answer word and its last piece end one, so `VolumeSnapshot` does not
    /// match the front of `VolumeSnapshotContent`.
    fn fits(&self, v: &Variant, k: usize, first: u32, last: u32) -> bool {
        let tokens = self.analysis.tokens();
        if v.is(v.run_start, k) && first > 0 && self.glued(first - 1) {
            return false;
        }
        if v.is(v.run_end, k) && self.glued(last) {
            return false;
        }
        // A function word is never a piece of an identifier: "not" in a rubric does not match
        // the `Not` of `NotReady`, nor "no" the `No` of `NoSchedule`.
        let in_run = v.is(v.glued, k) || v.is(v.run_start, k) || v.is(v.run_end, k);
        if !in_run
            && first == last
            && tokens[first as usize].function_word
            && (first > 0 && self.glued(first - 1) || self.glued(first))
        {
            return false;
        }
        true
    }

    /// Whether answer token `k` and the next are pieces of one identifier (`scheduler|Name`).
    fn glued(&self, k: u32) -> bool {
        let tokens = self.analysis.tokens();
        tokens
            .get(k as usize)
            .zip(tokens.get(k as usize + 1))
            .is_some_and(|(x, y)| {
                x.span.end == y.span.start && x.kind == TokenKind::Word && y.kind == TokenKind::Word
            })
    }

    /// Matches `v[k..]` after a word ending at token `last`; returns the last token and fuzziness.
    fn extend(&self, v: &Variant, k: usize, last: u32, fuzzy: bool) -> Option<(u32, bool)> {
        if k == v.words.len() {
            return Some((last, fuzzy));
        }
        let tokens = self.analysis.tokens();
        let sentence = tokens[last as usize].sentence;
        // No gap inside an identifier (`CreateSnapshot`) or between two numbers (`1/2`).
        let gap = if v.is(v.glued, k) || (v.is(v.exact, k) && tokens[last as usize].kind.is_exact())
        {
            0
        } else {
            PHRASE_GAP
        };
        // Positions up to here passed the checks on what a gap may skip. They are checked only
        // once a position holds the word (most do not), in order, so the first one that fails
        // still ends the search as if each had been checked on the way.
        let mut checked = last + 1;
        for pos in last + 1..=last + 1 + gap {
            match tokens.get(pos as usize) {
                Some(t) if t.sentence == sentence => {}
                _ => break,
            }
            let word = v.words[k];
            if !self.atoms_at(pos).iter().any(|&(_, atom)| atom.id == word) {
                continue;
            }
            while checked < pos {
                checked += 1;
                if self.gap_breaks(last, checked) {
                    return None;
                }
            }
            // A gap never lands inside an identifier, nor leaves one mid-way: "failed and
            // failurePolicy" is not "fail policy", nor "allowPrivilegeEscalation false"
            // "privileged false".
            if pos > last + 1 && (self.glued(pos - 1) || self.glued(last)) {
                continue;
            }
            // A phrase that comes from outside an identifier does not end inside it: "its own
            // schedulerName" is not "own scheduler" (a phrase inside one identifier may end
            // anywhere in it: "scheduler configuration" in `KubeSchedulerConfiguration`).
            let last_word = k + 1 == v.words.len() && !v.is(v.run_end, k) && !v.is(v.glued, k);
            let enters = last_word && !self.glued(pos - 1);
            for &(_, atom) in self.atoms_at(pos) {
                if enters && self.glued(atom.last) {
                    continue;
                }
                if atom.id == word && self.fits(v, k, pos, atom.last) {
                    if let Some(found) = self.extend(v, k + 1, atom.last, fuzzy || atom.fuzzy) {
                        return Some(found);
                    }
                }
            }
        }
        None
    }

    /// Whether a phrase's next word may not be looked for at `pos`, past the gap after a word
    /// ending at token `last` (`pos` > `last` + 1, in the same sentence).
    fn gap_breaks(&self, last: u32, pos: u32) -> bool {
        let tokens = self.analysis.tokens();
        // A gap never skips a negation cue ("BGP, no encapsulation" is not "BGP encapsulates")
        // nor crosses a clause ("mesh; an API gateway" is not "mesh gateway"); adjacent words
        // may sit across a colon ("exit code: 137").
        let t = &tokens[pos as usize];
        let crosses_clause = (last + 1..=pos).any(|k| {
            let u = &tokens[k as usize];
            u.clause != tokens[k as usize - 1].clause && !u.after_wrap
        });
        // A skipped word that is itself a cue ("the kubelet *doesn't* delete images") is
        // never jumped over either.
        let skips_cue = (last + 1..pos).any(|k| {
            let k = k as usize;
            tokens
                .get(k + 1)
                .is_some_and(|u| u.negated && u.negated_by == k as u32)
                || k > 0 && tokens[k - 1].negated && tokens[k - 1].negated_by == k as u32
        });
        // Nor does it skip a negation word or a number, whatever stance made of them: "has
        // *no* requests" is not "has requests", "one replica per *20* messages" is not "one
        // replica per message".
        let skips_meaning = (last + 1..pos).any(|k| {
            let word = self.analysis.lower(k as usize);
            tokens[k as usize].kind == TokenKind::Number
                || is_negation_trigger(word)
                // A number written as a word counts too: "the cluster from *one* IP" is not
                // "cluster IP".
                || matches!(
                    word,
                    "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine"
                        | "ten"
                )
        });
        (t.negated && t.negated_by > last && t.negated_by < pos)
            || crosses_clause
            || skips_cue
            || skips_meaning
    }

    /// Hits of a node. For `All`, the hits of every part of each combination found; combinations
    /// outside negation are preferred, and a combination with a negated part is negated as a whole.
    pub fn node_hits(&self, node: &Node, leaf_hits: &[Vec<Hit>]) -> Vec<Hit> {
        match node {
            Node::Leaf(i) => leaf_hits[*i as usize].clone(),
            Node::Any(nodes) => {
                let mut all: Vec<Hit> = Vec::new();
                for n in self.children(*nodes) {
                    match n {
                        // Most alternatives are phrases: their hits are copied, not cloned into
                        // a vector of their own first.
                        Node::Leaf(i) => all.extend_from_slice(&leaf_hits[*i as usize]),
                        _ => all.extend(self.node_hits(n, leaf_hits)),
                    }
                }
                // Longest hit first at each start, so evidence shows `terminationGracePeriodSeconds`
                // rather than the `grace period` inside it.
                // Hits inside an earlier, longer hit are dropped.
                all.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
                // The hits kept are moved to the front of `all`, in order: `all[..kept]`.
                let mut kept = 0;
                for i in 0..all.len() {
                    let h = all[i];
                    // …unless the outer one is negated and the inner one is not ("no events:
                    // --event-ttl" holds a clean `event ttl`).
                    let keep = kept == 0 || {
                        let k = &all[kept - 1];
                        h.span.end > k.span.end || (k.negated && !h.negated)
                    };
                    if keep {
                        all[kept] = h;
                        kept += 1;
                    }
                }
                all.truncate(kept);
                all
            }
            Node::All { of, within } | Node::Ordered { of, within } => self.claim_hits(
                self.children(*of),
                *within,
                matches!(node, Node::Ordered { .. }),
                leaf_hits,
                &|_| true,
            ),
            Node::Except { of, near, within } => {
                let near: Vec<Hit> = self
                    .node_hits(self.node(*near), leaf_hits)
                    .into_iter()
                    .filter(|h| !h.negated)
                    .collect();
                let voided = |h: &Hit| near.iter().any(|n| close(h, n, *within));
                self.hits_unless(self.node(*of), leaf_hits, &voided)
            }
        }
    }

    /// The hits of `node` that `voided` leaves standing. A claim counts only from parts none of
    /// which is voided, so another combination elsewhere in the answer may still count; in an
    /// `AnyOf`, each alternative is judged that way on its own.
    fn hits_unless(
        &self,
        node: &Node,
        leaf_hits: &[Vec<Hit>],
        voided: &dyn Fn(&Hit) -> bool,
    ) -> Vec<Hit> {
        match node {
            Node::All { of, within } | Node::Ordered { of, within } => {
                let ordered = matches!(node, Node::Ordered { .. });
                self.claim_hits(self.children(*of), *within, ordered, leaf_hits, &|h| {
                    !voided(h)
                })
            }
            Node::Any(nodes)
                if self
                    .children(*nodes)
                    .iter()
                    .any(|n| !matches!(n, Node::Leaf(_))) =>
            {
                let mut all: Vec<Hit> = self
                    .children(*nodes)
                    .iter()
                    .flat_map(|n| self.hits_unless(n, leaf_hits, voided))
                    .collect();
                all.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
                all.dedup_by_key(|h| (h.span.start, h.span.end));
                all
            }
            _ => {
                let mut hits = self.node_hits(node, leaf_hits);
                hits.retain(|h| !voided(h));
                hits
            }
        }
    }
}

impl Context<'_> {
    /// The hits of an `AllOf` or `Ordered` claim whose parts are `of`, each part's hits first
    /// filtered by `keep`: one combination, asserted if one exists, else a denied one.
    fn claim_hits(
        &self,
        of: &[Node],
        within: Window,
        ordered: bool,
        leaf_hits: &[Vec<Hit>],
        keep: &dyn Fn(&Hit) -> bool,
    ) -> Vec<Hit> {
        let parts: Vec<Vec<Hit>> = of
            .iter()
            .map(|n| {
                let mut hits = self.node_hits(n, leaf_hits);
                hits.retain(|h| keep(h));
                hits
            })
            .collect();
        if parts.iter().any(Vec::is_empty) {
            return Vec::new();
        }
        let find = |parts: &[Vec<Hit>]| {
            if ordered {
                self.ordered_combination(parts, within)
            } else {
                combination(parts, within)
            }
        };
        // With no denied hit, the asserted parts are the parts themselves: not copied.
        if parts.iter().flatten().all(|h| !h.negated) {
            return find(&parts).unwrap_or_default();
        }
        let positive: Vec<Vec<Hit>> = parts
            .iter()
            .map(|p| p.iter().filter(|h| !h.negated).copied().collect())
            .collect();
        if let Some(found) = find(&positive) {
            return found;
        }
        find(&parts)
            .map(|found| {
                found
                    .into_iter()
                    .map(|h| Hit { negated: true, ..h })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Whether two hits are within `within` of each other.
pub(crate) fn close(a: &Hit, b: &Hit, within: Window) -> bool {
    match within {
        Window::Clause => a.clause.0 <= b.clause.1 && b.clause.0 <= a.clause.1,
        Window::Sentence => a.sentence == b.sentence,
        Window::Tokens(n) => {
            let gap = if a.first <= b.first {
                b.first.saturating_sub(a.last)
            } else {
                a.first.saturating_sub(b.last)
            };
            gap <= n
        }
        Window::Answer => true,
    }
}

/// Connectives after which the event named first happens *later*: "the app starts *after* the
/// init containers finish".
const REVERSING: &[&str] = &["after", "once", "when", "whenever", "following"];

/// Connectives that keep the order of the words: "X *before* Y", "X, *then* Y".
const KEEPING: &[&str] = &["before", "then", "until", "prior", "followed", "first"];

/// Verbs of waiting: "X *waits until* Y" puts Y first.
const WAITING: &[&str] = &[
    "wait", "waits", "waiting", "block", "blocks", "blocked", "blocking", "hang", "hangs",
    "pending", "stays", "sits", "held", "holds",
];

impl Context<'_> {
    /// Whether the sentence of hit `a` opens with the word `w` (lower-case).
    fn opens_sentence_with(&self, a: &Hit, w: &str) -> bool {
        let tokens = self.analysis.tokens();
        let sentence = tokens[a.first as usize].sentence;
        let first = tokens[..a.first as usize]
            .iter()
            .rposition(|t| t.sentence != sentence)
            .map_or(0, |p| p + 1);
        (first..a.first as usize)
            .find(|&k| tokens[k].kind == crate::analysis::TokenKind::Word)
            .is_some_and(|k| self.analysis.lower(k) == w)
    }

    /// Whether the answer claims the event of hit `x` happens before that of hit `y`.
    pub(crate) fn claims_before(&self, x: &Hit, y: &Hit) -> bool {
        if x.first == y.first || x.last >= y.first && y.last >= x.first {
            return false; // overlapping mentions order nothing
        }
        let (a, b, x_first) = if x.first < y.first {
            (x, y, true)
        } else {
            (y, x, false)
        };
        let lower = |k: u32| self.analysis.lower(k as usize);
        let tokens = self.analysis.tokens();
        // The last connective between the two mentions decides; "after they finish" (a pronoun
        // naming the first event again) does not reverse. Mentions with no connective between
        // them ("ImagePullBackOff and ErrImagePull") claim no order.
        let mut reversed = None;
        let between = self.text.get(a.span.end..b.span.start).unwrap_or_default();
        if between.contains("->") || between.contains('→') || between.contains("=>") {
            reversed = Some(false);
        }
        for k in a.last + 1..b.first {
            let w = lower(k);
            let waits = k >= 1 && WAITING.contains(&lower(k - 1))
                || k >= 2 && WAITING.contains(&lower(k - 2));
            if w == "until" && waits {
                // "X waits until Y" puts Y first only when X is what waits: in "it deletes the
                // old pod, recreates it, and waits until the new one is Ready" the waiting is a
                // later step of the story, told in order.
                reversed = Some(tokens[k as usize].clause == a.clause.1);
            } else if REVERSING.contains(&w) {
                let pronoun = matches!(
                    tokens.get(k as usize + 1).map(|_| lower(k + 1)),
                    Some("they" | "it" | "that" | "this" | "those" | "these")
                );
                // "After the request is authenticated, and after mutating admission, the API
                // server runs validating admission": a second clause of the kind the sentence
                // opened with is a parallel condition, not a later event.
                let parallel = k >= 1
                    && matches!(lower(k - 1), "and" | "or")
                    && self.opens_sentence_with(a, w);
                if !pronoun && !parallel {
                    reversed = Some(true);
                }
            } else if KEEPING.contains(&w) {
                reversed = Some(false);
            }
        }
        if reversed.is_none() {
            // "Before the app starts, the init containers finish": a leading "before" reverses;
            // a leading "after", "once" or "first" keeps the order of the words.
            let from = a.first.saturating_sub(3);
            for k in from..a.first {
                if tokens[k as usize].sentence != tokens[a.first as usize].sentence {
                    continue;
                }
                match lower(k) {
                    "before" => reversed = Some(true),
                    "after" | "once" | "first" | "when" => reversed = Some(false),
                    _ => {}
                }
            }
        }
        let Some(reversed) = reversed else {
            return false;
        };
        let text_order = !reversed;
        // text_order: `a` happens before `b`.
        text_order == x_first
    }

    /// One hit per part, each claimed to happen before the next, all within the window of the
    /// first.
    fn ordered_combination(&self, parts: &[Vec<Hit>], within: Window) -> Option<Vec<Hit>> {
        for anchor in parts.first()? {
            let mut found = vec![*anchor];
            for part in &parts[1..] {
                let prev = *found.last()?;
                match part
                    .iter()
                    .find(|h| close(anchor, h, within) && self.claims_before(&prev, h))
                {
                    Some(h) => found.push(*h),
                    None => break,
                }
            }
            if found.len() == parts.len() {
                return Some(found);
            }
        }
        None
    }
}

/// One hit from each part, all within the window of the first part's hit, and no two on the
/// same words: "the first bad pod" is not both "the first pod" and "first".
///
/// The search backtracks: when the first close hit of a part takes words a later part needs,
/// the part's other hits are tried ("two compactors on one bucket" finds "two compactors" and
/// "bucket" even when "compactors" alone is the later part's only hit). Parts are few and each
/// holds at most a capped number of hits, so the search stays small in practice; `BUDGET`
/// bounds it whatever the answer.
pub(crate) fn combination(parts: &[Vec<Hit>], within: Window) -> Option<Vec<Hit>> {
    /// Candidate hits tried per anchor, across all parts, before giving up on it.
    const BUDGET: usize = 4096;
    fn extend(
        parts: &[Vec<Hit>],
        within: Window,
        found: &mut Vec<Hit>,
        budget: &mut usize,
    ) -> bool {
        let Some(part) = parts.get(found.len()) else {
            return true;
        };
        let anchor = found[0];
        for h in part {
            if *budget == 0 {
                return false;
            }
            *budget -= 1;
            if close(&anchor, h, within)
                && !found.iter().any(|f| f.first <= h.last && h.first <= f.last)
            {
                found.push(*h);
                if extend(parts, within, found, budget) {
                    return true;
                }
                found.pop();
            }
        }
        false
    }
    for anchor in parts.first()? {
        let mut found = vec![*anchor];
        let mut budget = BUDGET;
        if extend(parts, within, &mut found, &mut budget) {
            return Some(found);
        }
    }
    None
}
