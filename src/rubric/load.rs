//! Reading rubrics and glossaries from RON text, with errors that name file, line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::glossary::Glossary;
use super::schema::Rubric;
use crate::error::{Error, LoadError, LoadErrorKind, Location};

/// Parses RON text into `T`, mapping RON errors to a located [`LoadError`].
fn parse<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, LoadError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options.from_str(text).map_err(|e| LoadError {
        path: path.to_string(),
        location: Some(Location {
            line: e.position.line,
            column: e.position.col,
        }),
        field: None,
        // RON writes "unexpected field named `weigth`in `Concept`": put the space back.
        message: lower_first(&e.code.to_string()).replace("`in `", "` in `"),
        kind: LoadErrorKind::Syntax,
    })
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_lowercase()
            .chain(c)
            .collect::<String>()
            .trim_end_matches('.')
            .to_string(),
        None => String::new(),
    }
}

impl Rubric {
    /// Parses a rubric from RON text; `path` is only used in error messages.
    ///
    /// # Errors
    /// A [`LoadError`] with line and column for syntax errors and unknown fields.
    pub fn from_ron(text: &str, path: &str) -> Result<Rubric, LoadError> {
        parse(text, path)
    }

    /// Reads and parses a rubric file.
    ///
    /// # Errors
    /// [`Error::Io`], [`Error::InvalidUtf8`] or [`Error::Load`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Rubric, Error> {
        let path = path.as_ref();
        let text = read_utf8(path)?;
        Ok(Rubric::from_ron(&text, &path.display().to_string())?)
    }
}

impl Glossary {
    /// Parses a glossary from RON text; `path` is only used in error messages.
    ///
    /// # Errors
    /// A [`LoadError`] with line and column.
    pub fn from_ron(text: &str, path: &str) -> Result<Glossary, LoadError> {
        parse(text, path)
    }

    /// The glossary shipped with the embedded bank.
    pub fn embedded() -> Glossary {
        // The embedded glossary is checked by the test suite; an empty one is a safe fallback.
        Glossary::from_ron(super::bank::EMBEDDED_GLOSSARY, "rubrics/glossary.ron")
            .unwrap_or_default()
    }
}

/// Reads a file as UTF-8 with errors naming the file.
///
/// # Errors
/// [`Error::Io`] or [`Error::InvalidUtf8`].
pub fn read_utf8(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The location of the first `"needle"` string literal in `source`, for errors found after parsing.
pub(crate) fn locate(source: &str, needle: &str) -> Option<Location> {
    locate_after(source, None, needle)
}

/// The location of the first `"needle"` after the first `"anchor"` (a concept's id), so a
/// finding inside one concept is not reported at an equal string elsewhere in the file.
pub(crate) fn locate_after(source: &str, anchor: Option<&str>, needle: &str) -> Option<Location> {
    let from = anchor
        .and_then(|a| source.find(&format!("\"{a}\"")))
        .unwrap_or(0);
    let quoted = format!("\"{needle}\"");
    source[from..]
        .find(&quoted)
        .or_else(|| source.find(&quoted).map(|at| at.wrapping_sub(from)))
        .map(|at| Location::of_offset(source, from.wrapping_add(at)))
}
