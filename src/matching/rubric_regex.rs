//! What a rubric regex is and how it is built, in one place for the crate (`compile.rs`) and
//! for `build.rs`, which builds the embedded bank's regexes the same way to list the ones that
//! build (so the two can never disagree on a pattern).

use regex_automata::{meta, util::syntax, MatchKind};

/// A built rubric regex: the regex crate's own engine, searched over the answer's bytes.
pub(crate) type Regex = meta::Regex;

/// Compiled size limit of one rubric regex.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The pattern of a `/…/` string in an `Any` list or glossary entry; `None` for a phrase.
pub(crate) fn shorthand_pattern(s: &str) -> Option<&str> {
    (s.len() >= 2 && s.starts_with('/') && s.ends_with('/')).then(|| &s[1..s.len() - 1])
}

/// Builds `pattern` as a grader does. ASCII-only classes and case folding build several times
/// faster, and answers are technical English; a pattern that needs Unicode (a literal `é`)
/// falls back to it.
///
/// It is the regex crate's engine as `regex::bytes::Regex` builds it (leftmost-first, the same
/// size limit), less the literal prefilter: a rubric regex is only searched in an answer that
/// already holds its needles (see `needles.rs`), so the prefilter rarely skips anything, and
/// working it out was three fifths of building the bank's 4,100 regexes (0.91 s → 0.37 s, 160 →
/// about 100 MB; every match the same).
pub(crate) fn build_regex(pattern: &str, case_insensitive: bool) -> Result<Regex, regex::Error> {
    let build = |unicode: bool| {
        builder(case_insensitive, unicode)
            .build(pattern)
            .map_err(|e| as_regex_error(&e))
    };
    build(false).or_else(|_| build(true))
}

/// The builder of a rubric regex read with ASCII or Unicode classes: leftmost-first, the size
/// limit, no literal prefilter (see [`build_regex`]).
pub(crate) fn builder(case_insensitive: bool, unicode: bool) -> meta::Builder {
    let config = meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(false)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .auto_prefilter(false);
    let syntax = syntax::Config::new()
        .case_insensitive(case_insensitive)
        .unicode(unicode)
        .utf8(false);
    let mut builder = meta::Builder::new();
    builder.configure(config).syntax(syntax);
    builder
}

/// A build error as the regex crate reports it.
fn as_regex_error(e: &meta::BuildError) -> regex::Error {
    match (e.size_limit(), e.syntax_error()) {
        (Some(limit), _) => regex::Error::CompiledTooBig(limit),
        (None, Some(syntax)) => regex::Error::Syntax(syntax.to_string()),
        (None, None) => regex::Error::Syntax(e.to_string()),
    }
}
