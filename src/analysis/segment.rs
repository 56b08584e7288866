//! Segmentation of technical prose into pieces, with byte spans into the original text.
//!
//! The unit is a *chunk* (a run of non-space characters), split into *pieces* at identifier
//! seams so that `preStop`, `pre-stop`, `pre_stop` and `PRE_STOP` all give `pre` + `stop`, and
//! `--grace-period=0` gives `grace` `period` `0`. Pieces of one chunk form one *word* (the unit of
//! negation scope and phrase gaps). IPv4 addresses and CIDRs stay whole; decimals stay whole.
//! ASCII chunks take a fast path; other chunks go through Unicode word boundaries (UAX #29), so
//! CJK text yields one piece per ideograph rather than one giant token.
//!
//! Sentence breaks: `.`, `!`, `?` before a space, and line breaks before a bullet, a numbered
//! item or a blank line (bullets are sentences; hard-wrapped prose is not split). Clause breaks:
//! `,`, `;`, `:` before a space, brackets and dashes, other line breaks.

use unicode_segmentation::UnicodeSegmentation;

use super::token::{Span, TokenKind};

/// A break in the text before a piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    /// Same clause.
    None,
    /// A new clause after a comma (a list may continue across it).
    Comma,
    /// A line break inside running text (a hard-wrapped sentence).
    Wrap,
    /// A new clause in the same sentence.
    Clause,
    /// A new sentence.
    Sentence,
}

/// One piece of a chunk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the original text.
    pub span: Span,
    /// What it looks like.
    pub kind: TokenKind,
    /// Whether it starts a new word (a new chunk).
    pub starts_word: bool,
    /// The strongest break between the previous piece and this one.
    pub before: Break,
}

/// Abbreviations whose final `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g.", "i.e.", "etc.", "vs.", "approx.", "eg.", "ie.", "cf.",
];

/// Splits `text` into pieces, calling `emit` for each in order.
pub fn segment(text: &str, mut emit: impl FnMut(Piece)) {
    let bytes = text.as_bytes();
    let mut pending = Break::Sentence;
    let mut scratch = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                pending = pending.max(line_break(&bytes[i + 1..]));
            }
            i += 1;
            continue;
        }
        // A non-ASCII space (NBSP, ideographic space …) separates chunks too.
        let start = i;
        let mut end = i;
        while end < bytes.len() {
            let c = bytes[end];
            if c.is_ascii_whitespace() {
                break;
            }
            if c >= 0x80 {
                let ch = text[end..].chars().next().unwrap_or(' ');
                if ch.is_whitespace() {
                    break;
                }
                end += ch.len_utf8();
            } else {
                end += 1;
            }
        }
        if end == start {
            // A lone non-ASCII whitespace character.
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let mut emitted = false;
        let after = chunk(text, start, end, pending, &mut scratch, &mut |p| {
            emitted = true;
            emit(p)
        });
        // A chunk of pure punctuation (`-`, `—`, `*`) emits nothing; the break before it carries on.
        pending = if emitted { after } else { pending.max(after) };
        i = end;
    }
}

/// The break a line break makes, judged by what follows it: a blank line, a bullet, a numbered
/// item or a code fence starts a new sentence; otherwise the text is only hard-wrapped and the
/// sentence goes on (a clause break, so negation does not leak across lines).
fn line_break(rest: &[u8]) -> Break {
    let start = rest
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\r'))
        .unwrap_or(rest.len());
    let rest = &rest[start..];
    match rest {
        [] | [b'\n', ..] => Break::Sentence,
        [b'-' | b'*' | b'+' | b'>' | b'#' | b'`' | b'|', ..] => Break::Sentence,
        [0xE2, 0x80, 0xA2, ..] => Break::Sentence, // •
        [d, rest @ ..] if d.is_ascii_digit() => {
            let after = rest
                .iter()
                .position(|b| !b.is_ascii_digit())
                .map(|p| rest[p]);
            if matches!(after, Some(b'.' | b')' | b':')) {
                Break::Sentence
            } else {
                Break::Wrap
            }
        }
        _ => Break::Wrap,
    }
}

/// Whether the chunk `s` is a camelCase setting name followed by its colon (`restartPolicy:`,
/// `externalTrafficPolicy:`): what follows is its value, in the same clause.
fn is_setting_key(s: &str) -> bool {
    let Some(key) = s.strip_suffix(':') else {
        return false;
    };
    key.bytes().all(|b| b.is_ascii_alphanumeric()) && is_camel_case(key)
}

/// Whether `name` is written in camelCase: a lower-case first letter and a lower-case letter
/// followed by an upper-case one (`restartPolicy`, `failurePolicy`).
pub(crate) fn is_camel_case(name: &str) -> bool {
    let b = name.as_bytes();
    b.first().is_some_and(u8::is_ascii_lowercase)
        && b.windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// Emits the pieces of the chunk `text[start..end]`; returns the break it leaves for the next.
fn chunk(
    text: &str,
    start: usize,
    end: usize,
    before: Break,
    scratch: &mut Vec<(usize, char)>,
    emit: &mut impl FnMut(Piece),
) -> Break {
    let s = &text[start..end];
    // Trailing punctuation decides the break after the chunk.
    let is_abbrev = s.ends_with('.')
        && ABBREVIATIONS.iter().any(|a| {
            s.len() >= a.len()
                && s.is_char_boundary(s.len() - a.len())
                && s[s.len() - a.len()..].eq_ignore_ascii_case(a)
        });
    let mut after = Break::None;
    for c in s.chars().rev() {
        match c {
            '.' | '!' | '?' if !is_abbrev => after = after.max(Break::Sentence),
            // `;` joins related clauses of one sentence: it ends a negation, not a sentence.
            ';' => after = after.max(Break::Clause),
            ',' => after = after.max(Break::Comma),
            // `failurePolicy: Ignore`: a camelCase setting and its value are one clause.
            ':' if is_setting_key(s) => {}
            ':' | ')' | ']' | '}' | '"' | '\'' | '\u{201d}' => after = after.max(Break::Clause),
            '.' => {}
            _ => break,
        }
    }
    let mut before = before;
    // A dash used as punctuation separates clauses. Standing alone it emits nothing, so its
    // break is also carried on to the next chunk: "— a consumer with no partition does nothing —
    // and add …".
    let dash = matches!(s, "-" | "\u{2014}" | "\u{2013}");
    if dash {
        after = after.max(Break::Clause);
    }
    // Leading brackets, dashes used as punctuation, quotes: a clause break before the chunk.
    if s.starts_with(['(', '[', '{', '"', '\u{201c}'])
        || dash
        // Arrows chain steps: "no renewals -> lease expires" is two claims.
        || s == "->"
        || s == "=>"
        || s == "\u{2192}"
    {
        before = before.max(Break::Clause);
    }
    if let Some(span) = address(s) {
        emit(Piece {
            span: Span::new(start + span.start, start + span.end),
            kind: TokenKind::Address,
            starts_word: true,
            before,
        });
        return after;
    }
    let mut first = true;
    let mut push = |span: Span, kind: TokenKind, brk: Break| {
        emit(Piece {
            span,
            kind,
            starts_word: first,
            before: if first { before.max(brk) } else { brk },
        });
        first = false;
    };
    if s.is_ascii() {
        split_identifier(s, start, scratch, &mut push);
    } else {
        for (off, w) in s.split_word_bound_indices() {
            if w.chars().any(char::is_alphanumeric) {
                split_identifier(w, start + off, scratch, &mut push);
            } else if w
                .chars()
                .any(|c| matches!(c, '\u{3002}' | '\u{ff01}' | '\u{ff1f}'))
            {
                // CJK full stop and friends end a sentence inside a chunk.
                push(
                    Span::new(start + off, start + off),
                    TokenKind::Other,
                    Break::Sentence,
                );
            }
        }
    }
    after
}

/// Splits one identifier-like string at case, letter/digit and punctuation seams.
fn split_identifier(
    s: &str,
    base: usize,
    chars: &mut Vec<(usize, char)>,
    push: &mut impl FnMut(Span, TokenKind, Break),
) {
    #[derive(Clone, Copy, PartialEq)]
    enum Class {
        Lower,
        Upper,
        Digit,
        Caseless,
        Sep,
    }
    let class = |c: char| {
        if c.is_ascii_lowercase() {
            Class::Lower
        } else if c.is_ascii_uppercase() {
            Class::Upper
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c.is_alphabetic() {
            if c.is_uppercase() {
                Class::Upper
            } else if c.is_lowercase() {
                Class::Lower
            } else {
                Class::Caseless
            }
        } else if c.is_numeric() {
            Class::Digit
        } else {
            Class::Sep
        }
    };
    // Most chunks are one plain word, perhaps with punctuation after it (`pods`, `The`,
    // `restarts.`): its letters are the only piece, found without the pass over characters
    // below (trailing punctuation sets a break that no later piece takes).
    if let Some((first, rest)) = s.as_bytes().split_first() {
        if first.is_ascii_alphabetic() {
            let end = 1 + rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
            if s.as_bytes()[end..].iter().all(u8::is_ascii_punctuation) {
                push(Span::new(base, base + end), TokenKind::Word, Break::None);
                return;
            }
        }
    }
    chars.clear();
    chars.extend(s.char_indices());
    let n = chars.len();
    let mut i = 0;
    let mut pending_break = Break::None;
    while i < n {
        let (off, c) = chars[i];
        let cl = class(c);
        if cl == Class::Sep {
            // `,` `;` inside a chunk (`a,b`) are real punctuation; `-` `_` `.` `=` `:` `/` are seams.
            match c {
                ',' => pending_break = pending_break.max(Break::Comma),
                '(' | ')' => pending_break = pending_break.max(Break::Clause),
                ';' => pending_break = pending_break.max(Break::Clause),
                _ => {}
            }
            i += 1;
            continue;
        }
        let start = off;
        let mut j = i + 1;
        let mut skip_to = 0;
        let kind;
        if cl == Class::Digit {
            // Digits, with inner `.` between digits kept (1.5, 0.25).
            while j < n {
                let cj = class(chars[j].1);
                if cj == Class::Digit {
                    j += 1;
                } else if chars[j].1 == '.' && j + 1 < n && class(chars[j + 1].1) == Class::Digit {
                    j += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if cl == Class::Caseless {
            while j < n && class(chars[j].1) == Class::Caseless {
                j += 1;
            }
            kind = TokenKind::Other;
        } else {
            // Letters: split lower→Upper (preStop) and UPPER→Upper+lower (HTTPRoute → HTTP Route).
            // An apostrophe between letters stays inside (don't, pod's).
            let mut prev = cl;
            while j < n {
                let (_, cj_char) = chars[j];
                let cj = class(cj_char);
                if (cj_char == '\'' || cj_char == '\u{2019}')
                    && j + 1 < n
                    && matches!(class(chars[j + 1].1), Class::Lower | Class::Upper)
                {
                    j += 1;
                    prev = Class::Lower;
                    continue;
                }
                match (prev, cj) {
                    (Class::Lower, Class::Lower) | (Class::Upper, Class::Lower) => {}
                    (Class::Upper, Class::Upper) => {
                        // HTTPRoute: split before `R` if it is followed by a lower-case letter,
                        // but a plural acronym stays whole (PVCs, CRDs, IPs), and an acronym
                        // used as a verb keeps its stem (SNATed, NATing → SNAT, NAT).
                        let tail_end = (j + 1..n)
                            .find(|&k| class(chars[k].1) != Class::Lower)
                            .unwrap_or(n);
                        let tail: String = chars[(j + 1).min(n)..tail_end]
                            .iter()
                            .map(|c| c.1)
                            .collect();
                        let at_end = tail_end == n
                            || !matches!(class(chars[tail_end].1), Class::Upper | Class::Lower);
                        if at_end && matches!(tail.as_str(), "ed" | "d" | "ing") {
                            skip_to = tail_end;
                            j += 1;
                            break;
                        }
                        if j + 1 < n
                            && class(chars[j + 1].1) == Class::Lower
                            && !(tail == "s" && at_end)
                        {
                            break;
                        }
                    }
                    _ => break,
                }
                prev = cj;
                j += 1;
            }
            kind = TokenKind::Word;
        }
        let end = if j < n { chars[j].0 } else { s.len() };
        push(Span::new(base + start, base + end), kind, pending_break);
        pending_break = Break::None;
        i = j.max(skip_to);
    }
}

/// An IPv4 address or CIDR filling the chunk (bar surrounding punctuation), as a span within it.
fn address(s: &str) -> Option<Span> {
    let trimmed_start = s.len() - s.trim_start_matches(['(', '[', '"', '\'', '`']).len();
    // Most chunks are words: an address starts with a digit.
    if !s
        .as_bytes()
        .get(trimmed_start)
        .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let core = s[trimmed_start..]
        .trim_end_matches(['.', ',', ';', ':', ')', ']', '"', '\'', '`', '!', '?']);
    let b = core.as_bytes();
    let mut i = 0;
    let mut octets = 0;
    loop {
        let d0 = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == d0 || i - d0 > 3 {
            return None;
        }
        octets += 1;
        if octets == 4 {
            break;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
        } else {
            return None;
        }
    }
    if i < b.len() && b[i] == b'/' {
        let d0 = i + 1;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == d0 || i - d0 > 2 {
            return None;
        }
    }
    (i == b.len()).then(|| Span::new(trimmed_start, trimmed_start + core.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        segment(text, |p| out.push(&text[p.span.start..p.span.end]));
        out
    }

    #[test]
    fn identifiers_split_at_seams() {
        assert_eq!(pieces("preStop"), ["pre", "Stop"]);
        assert_eq!(pieces("pre_stop PRE-STOP"), ["pre", "stop", "PRE", "STOP"]);
        assert_eq!(pieces("--grace-period=0"), ["grace", "period", "0"]);
        assert_eq!(pieces("ndots:5"), ["ndots", "5"]);
        assert_eq!(pieces("HTTPRoute"), ["HTTP", "Route"]);
        assert_eq!(pieces("PVCs CRDs podIPs"), ["PVCs", "CRDs", "pod", "IPs"]);
        assert_eq!(
            pieces("SNATed NATing OOMKilled"),
            ["SNAT", "NAT", "OOM", "Killed"]
        );
        assert_eq!(pieces("CAP_SYS_ADMIN"), ["CAP", "SYS", "ADMIN"]);
        assert_eq!(pieces("don't pod's"), ["don't", "pod's"]);
        assert_eq!(pieces("1.5 cores"), ["1.5", "cores"]);
    }

    #[test]
    fn plain_words_keep_their_letters_only() {
        assert_eq!(
            pieces("Pods, restarts.) it's (done) pods' x!?"),
            ["Pods", "restarts", "it's", "done", "pods", "x"]
        );
    }

    #[test]
    fn addresses_stay_whole() {
        assert_eq!(pieces("use 172.16.0.0/12."), ["use", "172.16.0.0/12"]);
        assert_eq!(pieces("(10.0.0.1)"), ["10.0.0.1"]);
        assert_eq!(pieces("v1.29.3"), ["v", "1.29.3"]);
    }

    #[test]
    fn cjk_splits_per_ideograph() {
        assert_eq!(pieces("日本語 ok"), ["日", "本", "語", "ok"]);
    }
}
