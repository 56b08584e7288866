//! Text analysis: tokens, spans, kinds, sentences and negation flags, on ASCII and multi-byte input.

use rubric_grader::{Analyzer, TokenKind};

/// One expected token: surface text, normalised form, stem, kind.
struct Case(&'static str, &'static str, &'static str, TokenKind);

fn assert_tokens(text: &str, expected: &[Case]) {
    let a = Analyzer::new().analyze(text);
    let got: Vec<_> = a
        .tokens()
        .iter()
        .map(|t| {
            (
                &text[t.span.start..t.span.end],
                a.norm(t),
                a.stem(t),
                t.kind,
            )
        })
        .collect();
    let want: Vec<_> = expected
        .iter()
        .map(|Case(s, n, st, k)| (*s, *n, *st, *k))
        .collect();
    assert_eq!(got, want, "analysing {text:?}");
    for (i, t) in a.tokens().iter().enumerate() {
        assert_eq!(t.position as usize, i);
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
    }
}

use TokenKind::{Address, Number, Word};

#[test]
fn identifiers_flags_and_numbers() {
    assert_tokens(
        "preStop --grace-period=0 ndots:5",
        &[
            Case("pre", "pre", "pre", Word),
            Case("Stop", "stop", "stop", Word),
            Case("grace", "grace", "grace", Word),
            Case("period", "period", "period", Word),
            Case("0", "0", "0", Number),
            Case("ndots", "ndots", "ndot", Word),
            Case("5", "5", "5", Number),
        ],
    );
}

#[test]
fn addresses_and_codes_stay_exact() {
    assert_tokens(
        "137 172.16.0.0/12 us-east-1",
        &[
            Case("137", "137", "137", Number),
            Case("172.16.0.0/12", "172.16.0.0/12", "172.16.0.0/12", Address),
            Case("us", "us", "us", Word),
            Case("east", "east", "east", Word),
            Case("1", "1", "1", Number),
        ],
    );
}

#[test]
fn british_spelling_and_stems() {
    assert_tokens(
        "Finalisers evicted",
        &[
            Case("Finalisers", "finalizers", "finalizer", Word),
            Case("evicted", "evicted", "evict", Word),
        ],
    );
}

#[test]
fn multi_byte_text_keeps_byte_offsets() {
    // Cyrillic and accents: spans are byte ranges into the original.
    assert_tokens(
        "Под café",
        &[
            Case("Под", "под", "под", Word),
            Case("café", "café", "café", Word),
        ],
    );
    let text = "日本語のテキスト 😀 preStop\r\n\ttab";
    let a = Analyzer::new().analyze(text);
    for t in a.tokens() {
        assert!(text.get(t.span.start..t.span.end).is_some());
    }
    assert!(a.tokens().iter().any(|t| a.norm(t) == "stop"));
}

#[test]
fn sentences_and_bullets() {
    let a = Analyzer::new()
        .analyze("One thing. Another thing!\n- a bullet\n- another; and more e.g. this");
    let sentences: Vec<u32> = a.tokens().iter().map(|t| t.sentence).collect();
    assert_eq!(a.sentence_count(), 4, "{sentences:?}");
}

#[test]
fn negation_flags_the_scope_only() {
    let a = Analyzer::new().analyze("Do not restart the pod, check the exit code");
    let negated: Vec<&str> = a
        .tokens()
        .iter()
        .filter(|t| t.negated)
        .map(|t| a.norm(t))
        .collect();
    assert_eq!(negated, ["restart", "the", "pod"]);
}

#[test]
fn huge_input_is_linear_and_does_not_panic() {
    let unit = "preStop sleep 10; SIGTERM → endpoints ✓ 172.16.0.0/12 日本 ";
    let text = unit.repeat(1_000_000 / unit.len());
    let a = Analyzer::new().analyze(&text);
    assert!(a.tokens().len() > 100_000);
}
