//! Errors: one public [`Error`] enum, and [`LoadError`] for rubrics that cannot be used.

use std::fmt;

/// A 1-based line and column in a rubric file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
}

impl fmt::Display for Location {
    /// `line:column`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Location {
    /// The location of byte `offset` in `text`.
    pub fn of_offset(text: &str, offset: usize) -> Location {
        let before = &text[..offset.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rfind('\n').map_or(before.chars().count(), |nl| {
            before[nl + 1..].chars().count()
        }) + 1;
        Location { line, column }
    }
}

/// Why a rubric or glossary could not be loaded or compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file could not be read.
    Io,
    /// The file is not UTF-8.
    Utf8,
    /// RON syntax or schema error (includes unknown fields).
    Syntax,
    /// A regex does not compile.
    Regex,
    /// A `@name` or `Glossary(name)` has no glossary entry.
    UnknownGlossary,
    /// A group names a concept that does not exist.
    UnknownConcept,
    /// Anything else that makes the rubric unusable (empty matcher, k of 0 …).
    Invalid,
}

/// A rubric or glossary that cannot be used, with where and why.
///
/// Displayed on one line, path first: ``rubrics/x/q005.ron:14:9: unknown field `weigth` ``.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct LoadError {
    /// The file (or `<string>` for text loaded from memory).
    pub path: String,
    /// Line and column where known.
    pub location: Option<Location>,
    /// Field path where no location is known, e.g. `concepts[2].matcher`.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What kind of problem it is.
    pub kind: LoadErrorKind,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(l) = self.location {
            write!(f, ":{}:{}", l.line, l.column)?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything that can go wrong in this crate.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A rubric or glossary that cannot be used.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// No rubric has this id, prefix or slug.
    #[error("unknown question `{}`{}", shorten(query), suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownQuestion {
        /// What was asked for.
        query: String,
        /// The closest id, if one is close.
        suggestion: Option<String>,
    },
    /// More than one rubric matches a prefix or slug.
    #[error("`{}` is ambiguous: it matches {}", shorten(query), candidates.join(", "))]
    AmbiguousQuestion {
        /// What was asked for.
        query: String,
        /// The ids it matches.
        candidates: Vec<String>,
    },
    /// An answer over the size limit.
    #[error("the answer is {len} bytes; the limit is {limit} bytes")]
    AnswerTooLarge {
        /// Its size.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A file that could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A file that is not UTF-8.
    #[error("{path}:{}:{}: not valid UTF-8", location.line, location.column)]
    InvalidUtf8 {
        /// The file.
        path: String,
        /// Line and column of the first invalid byte.
        location: Location,
    },
}

impl Error {
    /// The error for `bytes` read from `path` that are not UTF-8, located by line and column.
    pub fn invalid_utf8(path: &str, bytes: &[u8], error: std::str::Utf8Error) -> Error {
        Error::InvalidUtf8 {
            path: path.to_string(),
            location: crate::rubric::utf8_location(bytes, error.valid_up_to()),
        }
    }
}

/// A user's string echoed in a message, cut to 60 characters (a 1 MB "question id" in a batch
/// file is not printed back whole on every line).
fn shorten(s: &str) -> std::borrow::Cow<'_, str> {
    const KEEP: usize = 60;
    match s.char_indices().nth(KEEP) {
        Some((at, _)) => format!("{}… ({} bytes)", &s[..at], s.len()).into(),
        None => s.into(),
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
