//! What a regex cannot match without: a few literal strings, one of which every match contains.
//!
//! A rubric regex is searched in every answer graded against its rubric, and most answers hold
//! none of its words: `(raise|increase)[^.;]{0,30}percentageOfNodesToScore` cannot match an
//! answer without `percentageofnodestoscore` in it, whatever its prefix literals find. The
//! regex crate's prefilter only looks for how a match starts; these needles may come from
//! anywhere in the pattern. They are lower-case and looked for in the ASCII-lower-cased answer,
//! so they hold for case-sensitive and case-insensitive patterns alike: a regex is only searched
//! (and only built) once one of them is there, which changes no hit.

use regex_syntax::hir::{Class, Hir, HirKind};

/// Most strings one set of needles holds: a set is looked for string by string.
const MAX_NEEDLES: usize = 16;

/// Most strings a set grows to while it is worked out (alternations, optional parts).
const MAX_SET: usize = 64;

/// Most sets of needles a pattern keeps: every match holds a string of each.
const MAX_CONJUNCTS: usize = 3;

/// The needles of `pattern`, case-insensitive or not: up to [`MAX_CONJUNCTS`] sets of
/// lower-case strings, every match containing at least one string of each set, as
/// [`build_regex`](super::rubric_regex::build_regex) reads the pattern: with ASCII classes when
/// it can, with Unicode ones otherwise. A concatenation gives a set per part it cannot match
/// without (`traffic to the (heaviest|largest)` needs `traffic to the ` and one of the
/// adjectives), so an answer that holds the common part only is still not searched. `None` when
/// no short set is known (a pattern of classes, a branch with no literal): the regex is then
/// always searched.
pub(crate) fn needles(pattern: &str, case_insensitive: bool) -> Option<Vec<Vec<String>>> {
    let mut readings = Vec::new();
    for unicode in [false, true] {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(case_insensitive)
            .unicode(unicode)
            .utf8(false)
            .build()
            .parse(pattern);
        // A reading that does not parse is not the one the regex crate builds; one that does
        // parse with ASCII classes is the one it builds (`build_regex` builds ASCII first, and
        // falls back to Unicode only for a pattern ASCII cannot read), so the slower Unicode
        // reading is only worked out when the ASCII one fails.
        if let Ok(hir) = hir {
            readings.push(required_all(&hir)?);
            break;
        }
    }
    // Whichever reading is built, the text holds a string of its set: so of the union of one
    // set of each reading.
    let conjuncts = readings.iter().map(Vec::len).min()?;
    let sets: Vec<Vec<String>> = (0..conjuncts)
        .filter_map(|i| {
            let mut all = Vec::new();
            for reading in &readings {
                union(&mut all, reading[i].clone());
            }
            let all = minimal(all);
            if all.is_empty() || all.len() > MAX_NEEDLES {
                return None;
            }
            all.into_iter().map(|s| String::from_utf8(s).ok()).collect()
        })
        .collect();
    (!sets.is_empty()).then_some(sets)
}

/// Up to [`MAX_CONJUNCTS`] sets of strings, every match of `hir` containing a string of each
/// (none of them empty), best first (see [`consider`]): one per part of a concatenation that
/// every match needs, or the one set [`required`] finds.
fn required_all(hir: &Hir) -> Option<Vec<Vec<Vec<u8>>>> {
    match hir.kind() {
        HirKind::Capture(c) => required_all(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_all(&r.sub),
        HirKind::Concat(items) => {
            let mut sets: Vec<Vec<Vec<u8>>> = Vec::new();
            let mut keep = |candidate: Vec<Vec<u8>>| {
                let candidate = minimal(candidate);
                if !candidate.is_empty()
                    && !candidate.iter().any(Vec::is_empty)
                    && candidate.len() <= MAX_NEEDLES
                {
                    sets.push(candidate);
                }
            };
            // A run of exact parts grows while it stays a short set, then starts again: its
            // strings are long, and each run is a set of its own.
            let mut run = vec![Vec::new()];
            for item in items {
                if let Some(set) = exact(item) {
                    match product(&run, &set).filter(|p| minimal(p.clone()).len() <= MAX_NEEDLES) {
                        Some(longer) => run = longer,
                        None => keep(std::mem::replace(&mut run, set)),
                    }
                } else {
                    keep(std::mem::replace(&mut run, vec![Vec::new()]));
                    for inner in required_all(item).into_iter().flatten() {
                        keep(inner);
                    }
                }
            }
            keep(run);
            sets.sort_by_key(|s| std::cmp::Reverse(rank(s)));
            sets.truncate(MAX_CONJUNCTS);
            (!sets.is_empty()).then_some(sets)
        }
        _ => required(hir).map(|set| vec![set]),
    }
}

/// A set of strings, one of which every match of `hir` contains (none of them empty), the best
/// found: the longest shortest string, then the fewest strings.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(branches) => branch_union(branches, required).map(minimal),
        HirKind::Concat(items) => {
            let mut best = None;
            // A run of items that each match one of a few exact strings matches their products.
            let mut run = vec![Vec::new()];
            for item in items {
                if let Some(set) = exact(item) {
                    match product(&run, &set) {
                        Some(longer) => run = longer,
                        None => consider(&mut best, std::mem::replace(&mut run, set)),
                    }
                } else {
                    consider(&mut best, std::mem::replace(&mut run, vec![Vec::new()]));
                    if let Some(inner) = required(item) {
                        consider(&mut best, inner);
                    }
                }
            }
            consider(&mut best, run);
            best
        }
        _ => {
            let set = minimal(exact(hir)?);
            (!set.iter().any(Vec::is_empty)).then_some(set)
        }
    }
}

/// Keeps `candidate` in `best` if it is a better set of needles: no empty string, then the
/// longer shortest string, then fewer strings.
fn consider(best: &mut Option<Vec<Vec<u8>>>, candidate: Vec<Vec<u8>>) {
    let candidate = minimal(candidate);
    if candidate.iter().any(Vec::is_empty) || candidate.len() > MAX_NEEDLES {
        return;
    }
    if best.as_ref().is_none_or(|b| rank(&candidate) > rank(b)) {
        *best = Some(candidate);
    }
}

/// How good a set of needles is: the longer its shortest string, then the fewer strings.
fn rank(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

/// `set` without the strings that contain another of its strings: a text holds one of the
/// strings exactly when it holds one of those left.
fn minimal(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    set.sort_by_key(Vec::len);
    let mut kept: Vec<Vec<u8>> = Vec::with_capacity(set.len());
    for s in set {
        let covered = kept
            .iter()
            .any(|k| k.is_empty() || s.windows(k.len()).any(|w| w == k.as_slice()));
        if !covered {
            kept.push(s);
        }
    }
    kept
}

/// Every string `hir` can match, lower-cased, if they are few: a literal, a letter in either
/// case, an optional part, alternatives of such. Zero-width assertions match the empty string.
fn exact(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
        HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
        HirKind::Class(class) => one_letter(class).map(|b| vec![b]),
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Repetition(r) if r.min == 1 && r.max == Some(1) => exact(&r.sub),
        HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
            let mut set = exact(&r.sub)?;
            union(&mut set, vec![Vec::new()]);
            Some(set)
        }
        HirKind::Concat(items) => items
            .iter()
            .try_fold(vec![Vec::new()], |acc, item| product(&acc, &exact(item)?)),
        HirKind::Alternation(branches) => branch_union(branches, exact),
        HirKind::Repetition(_) => None,
    }
}

/// The union of `sets` over the branches of an alternation; `None` when a branch has none or
/// the union outgrows [`MAX_SET`].
fn branch_union(
    branches: &[Hir],
    sets: impl Fn(&Hir) -> Option<Vec<Vec<u8>>>,
) -> Option<Vec<Vec<u8>>> {
    let mut all = Vec::new();
    for b in branches {
        union(&mut all, sets(b)?);
        if all.len() > MAX_SET {
            return None;
        }
    }
    Some(all)
}

/// The one character a class matches, as lower-case UTF-8, counting an ASCII letter's two cases
/// as one (`[Ss]`, what a case-insensitive `s` becomes with ASCII classes).
fn one_letter(class: &Class) -> Option<Vec<u8>> {
    let (ranges, bytes): (Vec<(u32, u32)>, bool) = match class {
        Class::Unicode(c) => (
            c.iter()
                .take(3)
                .map(|r| (u32::from(r.start()), u32::from(r.end())))
                .collect(),
            false,
        ),
        Class::Bytes(c) => (
            c.iter()
                .take(3)
                .map(|r| (u32::from(r.start()), u32::from(r.end())))
                .collect(),
            true,
        ),
    };
    let c = match ranges[..] {
        [(a, b)] if a == b => a,
        [(a, b), (c, d)] if a == b && c == d && (0x41..=0x5A).contains(&a) && c == a + 32 => c,
        _ => return None,
    };
    // A byte class's byte over 0x7F is no character of its own.
    let c = char::from_u32(c).filter(|c| !bytes || c.is_ascii())?;
    let mut buf = [0; 4];
    Some(
        c.to_ascii_lowercase()
            .encode_utf8(&mut buf)
            .as_bytes()
            .to_vec(),
    )
}

/// Adds `more` to `set`, each string once.
fn union(set: &mut Vec<Vec<u8>>, more: Vec<Vec<u8>>) {
    for s in more {
        if !set.contains(&s) {
            set.push(s);
        }
    }
}

/// Every string of `a` followed by every string of `b`, or `None` if that is too many.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let s = [x.as_slice(), y.as_slice()].concat();
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::needles;

    /// The best set of needles.
    fn of(pattern: &str) -> Option<Vec<String>> {
        needles(pattern, true).map(|mut sets| sets.swap_remove(0))
    }

    fn strings(s: &[&str]) -> Option<Vec<String>> {
        Some(s.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn the_longest_required_literal_of_a_concatenation() {
        // Read with ASCII classes, as the regex is built: a case-insensitive `s` is not also
        // `ſ`, nor `k` the Kelvin sign, so the whole run is required.
        assert_eq!(
            of("(raise|increase)[^.;]{0,30}percentageOfNodesToScore"),
            strings(&["percentageofnodestoscore"])
        );
        assert_eq!(
            of(r"\b(kubelet|kube-proxy)\b"),
            strings(&["kubelet", "kube-proxy"])
        );
        // A pattern only Unicode can read (a Unicode class) is read with Unicode classes, where
        // `k` is also the Kelvin sign and ends a run.
        assert_eq!(of(r"\p{Greek}?kubelet"), strings(&["ubelet"]));
        assert_eq!(
            needles(r"nr_hugepages[^.;]{0,20}(sets|is) the size", false)
                .map(|mut sets| sets.swap_remove(0)),
            strings(&["nr_hugepages"])
        );
    }

    #[test]
    fn optional_parts_give_each_form_and_strings_holding_another_are_dropped() {
        assert_eq!(of("huge ?pages"), strings(&["hugepages", "huge pages"]));
        assert_eq!(of(r"(foo)?bar?"), strings(&["ba"]));
        assert_eq!(of(r"[0-9]+ ?(ms|min)"), strings(&["ms", "min"]));
    }

    #[test]
    fn case_sensitive_patterns_give_lower_case_needles() {
        assert_eq!(of("(?-i)Tempo"), strings(&["tempo"]));
        assert_eq!(
            needles("Tempo", false),
            Some(vec![vec!["tempo".to_string()]])
        );
    }

    #[test]
    fn each_part_a_concatenation_needs_is_a_set_of_its_own() {
        let sets = needles(
            r"\btraffic to the\s+(heaviest|largest)\b[^.;]{0,20}node",
            false,
        )
        .unwrap();
        assert_eq!(sets.len(), 3);
        assert_eq!(sets[0], ["traffic to the"]);
        assert!(sets.contains(&vec!["largest".to_string(), "heaviest".to_string()]));
        assert!(sets.contains(&vec!["node".to_string()]));
        // An alternation at the top is one set.
        assert_eq!(needles("(foo|bar)baz|qux", false).map(|s| s.len()), Some(1));
    }

    #[test]
    fn no_needles_without_a_literal_in_every_branch() {
        assert_eq!(of(r"(foo|[0-9]+)"), None);
        assert_eq!(of(r"\w+"), None);
        assert_eq!(of(r"[a-z]{3}"), None);
    }

    /// Every regex of the bank that matches one of the bank's model answers or its own
    /// rubric's marked examples finds one of its needles there.
    #[test]
    fn the_bank_regexes_find_a_needle_wherever_they_match() {
        use crate::matching::compile::Scanner;
        use crate::matching::Engine;
        let bank = crate::Bank::embedded().expect("bank loads");
        let models: Vec<&str> = bank.rubrics().map(|r| r.model_answer.as_str()).collect();
        let (mut regexes, mut matches) = (0, 0);
        for rubric in bank.rubrics() {
            let engine = Engine::compile(rubric, bank.glossary(), false, None).expect("compiles");
            let texts: Vec<&str> = rubric
                .examples
                .iter()
                .map(|e| e.answer.as_str())
                .chain(models.iter().copied())
                .collect();
            for (_, scan) in engine.scans().iter() {
                let Scanner::Regex { regex, text, .. } = scan else {
                    continue;
                };
                regexes += 1;
                let Some(built) = regex.get() else {
                    continue;
                };
                for t in &texts {
                    if built.is_match(t.as_bytes()) {
                        matches += 1;
                        assert!(
                            regex.may_match(&t.to_ascii_lowercase()),
                            "/{text}/ matches {t:?} but finds no needle in it"
                        );
                    }
                }
            }
        }
        assert!(
            regexes > 300 && matches > 300,
            "{regexes} regexes, {matches} matches"
        );
    }
}
