//! What a rubric regex is and how it is built, in one place for the crate (`compile.rs`) and
//! for `build.rs`, which builds the embedded bank's regexes the same way to list the ones that
//! build (so the two can never disagree on a pattern).

use regex::bytes::{Regex, RegexBuilder};

/// Compiled size limit of one rubric regex.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// The pattern of a `/…/` string in an `Any` list or glossary entry; `None` for a phrase.
pub(crate) fn shorthand_pattern(s: &str) -> Option<&str> {
    (s.len() >= 2 && s.starts_with('/') && s.ends_with('/')).then(|| &s[1..s.len() - 1])
}

/// Builds `pattern` as a grader does. ASCII-only classes and case folding build several times
/// faster, and answers are technical English; a pattern that needs Unicode (a literal `é`)
/// falls back to it.
pub(crate) fn build_regex(pattern: &str, case_insensitive: bool) -> Result<Regex, regex::Error> {
    let build = |unicode: bool| {
        RegexBuilder::new(pattern)
            .case_insensitive(case_insensitive)
            .unicode(unicode)
            .size_limit(REGEX_SIZE_LIMIT)
            .build()
    };
    build(false).or_else(|_| build(true))
}
