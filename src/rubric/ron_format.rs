//! The RON dialect rubrics and glossaries are written in. Shared with `build.rs` (which includes
//! this file), so the embedded bank is read at build time exactly as any rubric is at run time.

/// How deeply RON values may nest (RON's own default), reported as "nested too deeply".
pub const MAX_NESTING: usize = 128;

/// The RON options rubric files are parsed with: `Some(…)` may be left out around optional
/// values, and nesting stops at [`MAX_NESTING`].
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// The text RON parses: without a leading UTF-8 byte order mark (editors on Windows write one).
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}
