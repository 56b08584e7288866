//! Orders of growth in computing answers: `O(n log n)`, `Θ(n^2)`, `O(nlogn)`, `n*log(n)`,
//! `n squared`, `log n`, "quadratic", "linear time". The analyser sees `O(n log n)` as the
//! one-letter words `o`, `n`, `n` and the word `log`, so coverage could neither tell `O(n^2)` from
//! `O(n log n)` nor see that `O(nlogn)` states it; this module reads such expressions from the text
//! and gives each a canonical key (`nlogn`, `n^2`, `logn`, `1`, `2^n`), which coverage compares as
//! one reference word (see [`crate::matching::WordCoverage`]).

use std::ops::Range;

/// One order of growth found in a text: its byte range and canonical key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Growth {
    /// Where it is written, in bytes of the text.
    pub span: Range<usize>,
    /// Canonical key: spaces, `*`, parentheses and a logarithm's base dropped, `lg` read as `log`,
    /// powers written `^` (`n²`, `n**2`, "n squared" → `n^2`).
    pub key: String,
}

impl Growth {
    /// How coverage lists it: `O(` key `)`.
    pub fn label(&self) -> String {
        format!("O({})", self.key)
    }
}

/// A piece of the text: a run of letters, a run of digits, or one other non-space character.
#[derive(Clone, Debug, PartialEq)]
enum Atom {
    Word(String),
    Number(String),
    Symbol(char),
}

/// The text's atoms (lower-case) with their byte ranges.
fn atoms(text: &str) -> Vec<(Atom, Range<usize>)> {
    let mut out: Vec<(Atom, Range<usize>)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let run = |first: char, chars: &mut std::iter::Peekable<std::str::CharIndices>| {
            let mut s: String = first.to_lowercase().collect();
            let mut end = start + first.len_utf8();
            let letters = first.is_alphabetic();
            while let Some(&(i, d)) = chars.peek() {
                let same = if letters {
                    d.is_alphabetic()
                } else {
                    d.is_ascii_digit()
                };
                if !same {
                    break;
                }
                s.extend(d.to_lowercase());
                end = i + d.len_utf8();
                chars.next();
            }
            (s, end)
        };
        if c.is_alphabetic() {
            let (s, end) = run(c, &mut chars);
            out.push((Atom::Word(s), start..end));
        } else if c.is_ascii_digit() {
            let (s, end) = run(c, &mut chars);
            out.push((Atom::Number(s), start..end));
        } else {
            out.push((Atom::Symbol(c), start..start + c.len_utf8()));
        }
    }
    out
}

/// Words that name an order of growth on their own.
const NAMED: &[(&str, &str)] = &[
    ("logarithmic", "logn"),
    ("linearithmic", "nlogn"),
    ("quadratic", "n^2"),
    ("cubic", "n^3"),
    ("exponential", "2^n"),
    ("factorial", "n!"),
];

/// Words that name one when followed by "time" ("linear time", "constant-time").
const NAMED_WITH_TIME: &[(&str, &str)] = &[("linear", "n"), ("constant", "1")];

/// The letters of asymptotic notation in front of a parenthesis: `O(`, `Θ(`, `Omega(`.
const NOTATION: &[&str] = &["o", "θ", "theta", "ω", "omega"];

/// Whether `text` holds `needle` (ASCII, lower-case) in any case.
fn contains_ignore_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Every order of growth written in `text`, in order, none overlapping.
pub fn growth_terms(text: &str) -> Vec<Growth> {
    // Cheap exit for the common case: no parenthesis, no `^`, no "log" and no naming word.
    let lower_has = |needle: &str| contains_ignore_case(text, needle);
    let maybe = text.contains(['(', '^', '²', '³'])
        || lower_has("log")
        || lower_has("lg")
        || lower_has("squared")
        || lower_has(" time")
        || lower_has("-time")
        || NAMED.iter().any(|(w, _)| lower_has(w));
    if !maybe {
        return Vec::new();
    }
    let atoms = atoms(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if let Some((key, end)) = notation(&atoms, i).or_else(|| bare(&atoms, i)) {
            out.push(Growth {
                span: atoms[i].1.start..atoms[end - 1].1.end,
                key,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// The orders of growth an answer names in plain words where the question is about one:
/// [`growth_terms`], and also "constant" and "linear" without "time" when nothing but punctuation
/// or a function word follows ("array access is constant, list access linear", "linear in n"; not
/// "a constant factor") and the adverbs "linearly", "quadratically", "logarithmically",
/// "exponentially" ("grows linearly with n"). Only for answers: a reference's "constant" may be
/// its factor.
pub fn loose_growth_terms(text: &str) -> Vec<Growth> {
    let mut out = growth_terms(text);
    if ![
        "constant",
        "linear",
        "quadratically",
        "logarithmically",
        "exponentially",
    ]
    .iter()
    .any(|w| contains_ignore_case(text, w))
    {
        return out;
    }
    let atoms = atoms(text);
    for (i, (atom, span)) in atoms.iter().enumerate() {
        let Atom::Word(w) = atom else { continue };
        let key = match w.as_str() {
            "constant" | "linear" => {
                let free = match atoms.get(i + 1) {
                    None | Some((Atom::Symbol(_), _)) => true,
                    Some((Atom::Word(next), _)) => crate::analysis::is_function_word(next),
                    Some((Atom::Number(_), _)) => false,
                };
                if !free {
                    continue;
                }
                if w == "constant" {
                    "1"
                } else {
                    "n"
                }
            }
            "linearly" => "n",
            "quadratically" => "n^2",
            "logarithmically" => "logn",
            "exponentially" => "2^n",
            _ => continue,
        };
        if !out
            .iter()
            .any(|g| g.span.start < span.end && span.start < g.span.end)
        {
            out.push(Growth {
                span: span.clone(),
                key: key.to_string(),
            });
        }
    }
    out.sort_by_key(|g| g.span.start);
    out
}

/// `O(` expression `)` starting at atom `i`: its key and the atom after the closing parenthesis.
fn notation(atoms: &[(Atom, Range<usize>)], i: usize) -> Option<(String, usize)> {
    let Atom::Word(w) = &atoms[i].0 else {
        return None;
    };
    if !NOTATION.contains(&w.as_str()) || atoms.get(i + 1)?.0 != Atom::Symbol('(') {
        return None;
    }
    let mut depth = 0usize;
    for (j, (atom, _)) in atoms.iter().enumerate().skip(i + 1).take(24) {
        match atom {
            Atom::Symbol('(') => depth += 1,
            Atom::Symbol(')') => {
                depth -= 1;
                if depth == 0 {
                    let key = canonical(&atoms[i + 2..j])?;
                    return Some((key, j + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// The canonical key of the atoms of an expression, if it reads as an order of growth: single
/// letters, numbers, `log`, and the operators `^ * + ! / ²  ³`.
fn canonical(atoms: &[(Atom, Range<usize>)]) -> Option<String> {
    let mut key = String::new();
    let mut after_log = false;
    for (atom, _) in atoms {
        let was_log = std::mem::take(&mut after_log);
        match atom {
            Atom::Word(w) => {
                // "nlogn", "logn", "lgn", "log2n" arrive as one word or two.
                let w = w.replace("lg", "log");
                if w.len() == 1 || w.split("log").all(|p| p.len() <= 1) {
                    key.push_str(&w);
                    after_log = w.ends_with("log");
                } else if w == "squared" {
                    key.push_str("^2");
                } else {
                    return None;
                }
            }
            // A logarithm's base is dropped: log_2 n, log2(n).
            Atom::Number(_) if was_log => after_log = true,
            Atom::Number(d) => key.push_str(d),
            Atom::Symbol('_') if was_log => after_log = true,
            Atom::Symbol('²') => key.push_str("^2"),
            Atom::Symbol('³') => key.push_str("^3"),
            Atom::Symbol(c @ ('^' | '+' | '!' | '/' | '-')) => key.push(*c),
            Atom::Symbol('(' | ')' | '{' | '}' | '·' | '.') => after_log = was_log,
            Atom::Symbol('*') => {
                // n**2 is a power, n*log(n) a product.
                if key.ends_with('*') {
                    key.pop();
                    key.push('^');
                } else {
                    key.push('*');
                }
            }
            Atom::Symbol(_) => return None,
        }
    }
    let key = key.replace('*', "");
    (!key.is_empty() && key.chars().any(|c| c.is_alphanumeric())).then_some(key)
}

/// A bare order of growth starting at atom `i` — `n log n`, `nlogn`, `n^2`, `n squared`, `log n`,
/// `2^n`, or a naming word — with the atom after it.
fn bare(atoms: &[(Atom, Range<usize>)], i: usize) -> Option<(String, usize)> {
    let word = |j: usize| match atoms.get(j) {
        Some((Atom::Word(w), _)) => Some(w.as_str()),
        _ => None,
    };
    let symbol = |j: usize, c: char| atoms.get(j).is_some_and(|a| a.0 == Atom::Symbol(c));
    let is_n = |j: usize| word(j) == Some("n");
    let is_log = |j: usize| matches!(word(j), Some("log" | "lg"));
    // After `log`: `n`, or `(n)`.
    let log_arg = |j: usize| -> Option<usize> {
        if is_n(j) {
            Some(j + 1)
        } else if symbol(j, '(') && is_n(j + 1) && symbol(j + 2, ')') {
            Some(j + 3)
        } else {
            None
        }
    };
    if let Some(w) = word(i) {
        if let Some((_, key)) = NAMED.iter().find(|(n, _)| *n == w) {
            return Some((key.to_string(), i + 1));
        }
        if let Some((_, key)) = NAMED_WITH_TIME.iter().find(|(n, _)| *n == w) {
            let next = if symbol(i + 1, '-') { i + 2 } else { i + 1 };
            return (word(next) == Some("time")).then(|| (key.to_string(), next + 1));
        }
        match w {
            "nlogn" | "nlgn" => return Some(("nlogn".into(), i + 1)),
            "logn" | "lgn" => return Some(("logn".into(), i + 1)),
            _ => {}
        }
    }
    if is_n(i) {
        // n log n, n*log(n)
        let mut j = i + 1;
        if symbol(j, '*') || symbol(j, '·') {
            j += 1;
        }
        if is_log(j) {
            if let Some(end) = log_arg(j + 1) {
                return Some(("nlogn".into(), end));
            }
        }
        // n^2, n**2, n², n squared
        if symbol(i + 1, '^') {
            if let Some((Atom::Number(d), _)) = atoms.get(i + 2) {
                return Some((format!("n^{d}"), i + 3));
            }
        }
        if symbol(i + 1, '*') && symbol(i + 2, '*') {
            if let Some((Atom::Number(d), _)) = atoms.get(i + 3) {
                return Some((format!("n^{d}"), i + 4));
            }
        }
        if symbol(i + 1, '²') {
            return Some(("n^2".into(), i + 2));
        }
        if word(i + 1) == Some("squared") {
            return Some(("n^2".into(), i + 2));
        }
    }
    if is_log(i) {
        if let Some(end) = log_arg(i + 1) {
            return Some(("logn".into(), end));
        }
    }
    // 2^n
    if let Some((Atom::Number(d), _)) = atoms.get(i) {
        if symbol(i + 1, '^') && is_n(i + 2) {
            return Some((format!("{d}^n"), i + 3));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        growth_terms(text).into_iter().map(|g| g.key).collect()
    }

    #[test]
    fn answers_name_orders_of_growth_in_plain_words() {
        let loose = |text: &str| -> Vec<String> {
            loose_growth_terms(text)
                .into_iter()
                .map(|g| g.key)
                .collect()
        };
        assert_eq!(loose("array: constant, list: linear"), ["1", "n"]);
        assert_eq!(loose("For arrays the time is constant."), ["1"]);
        assert_eq!(loose("it is linear in n"), ["n"]);
        assert_eq!(loose("the time grows linearly with i"), ["n"]);
        assert_eq!(loose("it grows quadratically"), ["n^2"]);
        assert_eq!(loose("linear time, O(1) for arrays"), ["n", "1"]);
        // A constant factor, a constant value, a linear search: no order of growth.
        assert!(loose("up to a constant factor").is_empty());
        assert!(loose("a linear search over the array").is_empty());
        // References are read strictly.
        assert!(keys("array: constant, list: linear").is_empty());
    }

    #[test]
    fn notations_of_one_order_share_a_key() {
        for text in [
            "O(n log n)",
            "O(nlogn) always",
            "O(n*log(n))",
            "Theta(n log n) in every case",
            "Θ(n lg n)",
            "O(n log2 n)",
            "it is n log n",
            "n*log(n)",
            "nlogn",
            "linearithmic",
        ] {
            assert_eq!(keys(text), vec!["nlogn".to_string()], "{text}");
        }
        for text in [
            "O(n^2)",
            "O(n²)",
            "n squared",
            "quadratic time",
            "O(n**2)",
            "n^2",
        ] {
            assert_eq!(keys(text), vec!["n^2".to_string()], "{text}");
        }
        for text in ["O(log n)", "log n", "log(n)", "logarithmic", "O(lg n)"] {
            assert_eq!(keys(text), vec!["logn".to_string()], "{text}");
        }
        assert_eq!(keys("O(1) or constant time"), vec!["1", "1"]);
        assert_eq!(keys("O(N) in linear time"), vec!["n", "n"]);
        assert_eq!(keys("O(2^n)"), vec!["2^n"]);
        assert_eq!(keys("O(V + E)"), vec!["v+e"]);
    }

    #[test]
    fn ordinary_text_holds_no_order_of_growth() {
        for text in [
            "The bulb is in a closed path (with the battery).",
            "A stack is last in, first out.",
            "Log in to the console and run the job in a constant loop.",
            "The time it takes is linear in my opinion",
            "O(this is not notation at all)",
        ] {
            assert!(keys(text).is_empty(), "{text}: {:?}", keys(text));
        }
    }

    #[test]
    fn spans_cover_the_expression() {
        let text = "Merge sort is O(n log n), binary search log n.";
        let g = growth_terms(text);
        assert_eq!(&text[g[0].span.clone()], "O(n log n)");
        assert_eq!(&text[g[1].span.clone()], "log n");
        assert_eq!(g[0].label(), "O(nlogn)");
    }
}
