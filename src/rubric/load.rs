//! Reading rubrics and glossaries from RON text, with errors that name file, line and column.

use std::path::Path;

use serde::de::DeserializeOwned;

use super::glossary::{Glossary, RefProblem};
use super::schema::Rubric;
use crate::error::{Error, LoadError, LoadErrorKind, Location};

/// Largest rubric or glossary file read: the biggest shipped rubric is 24 KB, so 4 MiB leaves room
/// for generated banks while keeping a stray 50 MB file from being parsed at all.
pub const MAX_RUBRIC_FILE_BYTES: u64 = 4 << 20;

/// Most concepts (and, separately, misconceptions) in one rubric. The bank's largest has 12;
/// the limit keeps compile time and memory bounded whatever a file holds.
pub const MAX_CONCEPTS: usize = 1_000;

pub use super::ron_format::MAX_NESTING;

/// Parses RON text into `T`, mapping RON errors to a located [`LoadError`]. A leading UTF-8 byte
/// order mark is skipped (editors on Windows write one).
fn parse<T: DeserializeOwned>(text: &str, path: &str) -> Result<T, LoadError> {
    super::ron_format::options()
        .from_str(super::ron_format::without_bom(text))
        .map_err(|e| {
            let message = match e.code {
                // RON's own text advises raising the limit and `serde_stacker`: not for users.
                ron::Error::ExceededRecursionLimit => {
                    format!("nested too deeply (limit {MAX_NESTING})")
                }
                // RON writes "unexpected field named `weigth`in `Concept`": put the space back.
                ref code => {
                    truncate_message(&lower_first(&code.to_string()).replace("`in `", "` in `"))
                }
            };
            LoadError {
                path: path.to_string(),
                location: Some(Location {
                    line: e.position.line,
                    column: e.position.col,
                }),
                field: None,
                message,
                kind: LoadErrorKind::Syntax,
            }
        })
}

/// Longest message kept whole; longer ones (a 1.7 MB regex echoed back) are cut in the middle.
const MESSAGE_LIMIT: usize = 240;

/// Cuts a message over [`MESSAGE_LIMIT`] characters, keeping its start and end (where the reason
/// is) around an ellipsis that says how much was left out.
pub(crate) fn truncate_message(message: &str) -> String {
    let n = message.chars().count();
    if n <= MESSAGE_LIMIT {
        return message.to_string();
    }
    let head: String = message.chars().take(MESSAGE_LIMIT / 2).collect();
    let tail: String = message.chars().skip(n - MESSAGE_LIMIT / 3).collect();
    format!(
        "{head} … ({} characters left out) … {tail}",
        n - MESSAGE_LIMIT / 2 - MESSAGE_LIMIT / 3
    )
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
        let rubric: Rubric = parse(text, path)?;
        check_numbers(&rubric, text, path)?;
        Ok(rubric)
    }

    /// The rubric whose RON text is `text`, from `prepared`, the same rubric read from that
    /// text at build time and written as MessagePack (see `build.rs`), checked as
    /// [`Rubric::from_ron`] checks it. Bytes that do not read (they cannot: the build read them
    /// back) fall back to parsing `text`.
    pub(crate) fn from_prepared(
        prepared: &[u8],
        text: &str,
        path: &str,
    ) -> Result<Rubric, LoadError> {
        match rmp_serde::from_slice::<Rubric>(prepared) {
            Ok(rubric) => {
                check_numbers(&rubric, text, path)?;
                Ok(rubric)
            }
            Err(_) => Rubric::from_ron(text, path),
        }
    }

    /// Reads and parses a rubric file.
    ///
    /// # Errors
    /// [`Error::Load`]: the file cannot be read, is over [`MAX_RUBRIC_FILE_BYTES`], is not UTF-8
    /// (with the line and column of the first bad byte) or is not a valid rubric.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Rubric, Error> {
        let path = path.as_ref();
        let text = read_rubric_file(path)?;
        Ok(Rubric::from_ron(&text, &path.display().to_string())?)
    }
}

/// Refuses numbers no command can use: weights that are not positive and finite, penalties
/// that are negative or not finite, bands and example ranges that are not finite, and more
/// concepts than [`MAX_CONCEPTS`]. Checked on load so that `grade`, `batch` and `interview`
/// refuse such a rubric exactly as `lint` does.
fn check_numbers(r: &Rubric, source: &str, path: &str) -> Result<(), LoadError> {
    let err = |location: Option<Location>, field: String, message: String| LoadError {
        path: path.to_string(),
        location,
        field: location.is_none().then_some(field),
        message,
        kind: LoadErrorKind::Invalid,
    };
    for (what, n) in [
        ("concepts", r.concepts.len()),
        ("misconceptions", r.misconceptions.len()),
        ("groups", r.groups.len()),
    ] {
        if n > MAX_CONCEPTS {
            return Err(err(
                locate_key(source, None, what, 0),
                what.to_string(),
                format!("too many {what}: {n} (limit {MAX_CONCEPTS})"),
            ));
        }
    }
    let positive = |x: f32| x.is_finite() && x > 0.0;
    for (i, c) in r.concepts.iter().enumerate() {
        if !positive(c.weight) {
            return Err(err(
                locate_key(source, Some(&c.id), "weight", 0),
                format!("concepts[{i}].weight"),
                format!(
                    "weight of `{}` must be a positive number, not {}",
                    c.id,
                    show(c.weight)
                ),
            ));
        }
    }
    for (i, g) in r.groups.iter().enumerate() {
        if !positive(g.weight) {
            return Err(err(
                locate_key(source, Some(&g.id), "weight", 0),
                format!("groups[{i}].weight"),
                format!(
                    "weight of group `{}` must be a positive number, not {}",
                    g.id,
                    show(g.weight)
                ),
            ));
        }
    }
    if let Some(cv) = &r.coverage {
        for (name, x, ok) in [
            ("weight", cv.weight, positive(cv.weight)),
            ("full", cv.full, positive(cv.full) && cv.full <= 1.0),
            ("curve", cv.curve, (1.0..=4.0).contains(&cv.curve)),
        ] {
            if !ok {
                return Err(err(
                    locate_key(source, None, name, 0),
                    format!("coverage.{name}"),
                    format!(
                        "coverage `{name}` must be {}, not {}",
                        match name {
                            "full" => "a positive number up to 1",
                            "curve" => "a number from 1 to 4",
                            _ => "a positive number",
                        },
                        show(x)
                    ),
                ));
            }
        }
    }
    for (i, m) in r.misconceptions.iter().enumerate() {
        if !(m.penalty.is_finite() && m.penalty >= 0.0) {
            return Err(err(
                locate_key(source, Some(&m.id), "penalty", 0),
                format!("misconceptions[{i}].penalty"),
                format!(
                    "penalty of `{}` must be a number from 0 to 100, not {}",
                    m.id,
                    show(m.penalty)
                ),
            ));
        }
    }
    if let Some(b) = &r.bands {
        for (name, x) in [
            ("strong", b.strong),
            ("good", b.good),
            ("partial", b.partial),
        ] {
            if !(x.is_finite() && (0.0..=100.0).contains(&x)) {
                return Err(err(
                    locate_key(source, None, name, 0),
                    format!("bands.{name}"),
                    format!(
                        "band `{name}` must be a score from 0 to 100, not {}",
                        show(x)
                    ),
                ));
            }
        }
    }
    for (i, ex) in r.examples.iter().enumerate() {
        let (lo, hi) = ex.expected;
        if !(lo.is_finite() && hi.is_finite()) {
            return Err(err(
                locate_key(source, None, "expected", i),
                format!("examples[{i}].expected"),
                format!(
                    "expected range must be two scores, not ({}, {})",
                    show(lo),
                    show(hi)
                ),
            ));
        }
    }
    Ok(())
}

/// A number as a rubric author would write it (`NaN`, `inf`, `-3`).
fn show(x: f32) -> String {
    if x.is_nan() {
        "NaN".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        format!("{x}")
    }
}

/// The location of the `nth` field `key:` (0-based) after the string `"anchor"`, or in the whole
/// file without an anchor; `None` when the field is not written out (a default).
fn locate_key(source: &str, anchor: Option<&str>, key: &str, nth: usize) -> Option<Location> {
    let from = match anchor {
        Some(a) => source.find(&format!("\"{a}\""))?,
        None => 0,
    };
    let rest = &source[from..];
    let bytes = rest.as_bytes();
    let mut seen = 0;
    for (at, _) in rest.match_indices(key) {
        let before_ok = at == 0 || !is_ident(bytes[at - 1]);
        let after = rest[at + key.len()..].trim_start();
        if before_ok && after.starts_with(':') && !after.starts_with("::") {
            if seen == nth {
                return Some(Location::of_offset(source, from + at));
            }
            seen += 1;
        }
    }
    None
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Glossary {
    /// Parses a glossary from RON text; `path` is only used in error messages.
    ///
    /// # Errors
    /// A [`LoadError`] with line and column.
    /// A glossary whose references form a cycle (`a` → `b` → `a`) is refused here, located at
    /// the first entry of the cycle; chains of any depth are fine.
    pub fn from_ron(text: &str, path: &str) -> Result<Glossary, LoadError> {
        let glossary: Glossary = parse(text, path)?;
        if let Some(cycle) = glossary.find_cycle() {
            let (name, message) = RefProblem::Cycle(cycle).describe();
            return Err(LoadError {
                path: path.to_string(),
                location: locate(text, &name),
                field: None,
                message,
                kind: LoadErrorKind::Invalid,
            });
        }
        Ok(glossary)
    }

    /// The glossary shipped with the embedded bank.
    pub fn embedded() -> Glossary {
        // The embedded glossary is checked by the test suite; an empty one is a safe fallback.
        Glossary::from_ron(super::bank::EMBEDDED_GLOSSARY, "rubrics/glossary.ron")
            .unwrap_or_default()
    }
}

/// Reads a rubric or glossary file as UTF-8, refusing files over [`MAX_RUBRIC_FILE_BYTES`]
/// before reading them.
///
/// # Errors
/// A [`LoadError`] naming the file once: kind `Io` (with the OS reason, or the size) or kind
/// `Utf8` with the line and column of the first invalid byte.
pub fn read_rubric_file(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    let name = path.display().to_string();
    let io = |message: String| LoadError {
        path: name.clone(),
        location: None,
        field: None,
        message,
        kind: LoadErrorKind::Io,
    };
    let file = std::fs::File::open(path).map_err(|e| io(e.to_string()))?;
    let too_big = |len: u64| {
        io(format!(
            "the file is {len} bytes; the limit for a rubric or glossary is {MAX_RUBRIC_FILE_BYTES} bytes"
        ))
    };
    if let Ok(meta) = file.metadata() {
        if meta.len() > MAX_RUBRIC_FILE_BYTES {
            return Err(too_big(meta.len()));
        }
    }
    // The size can change between the check and the read (or lie, for a pipe): read one byte
    // past the limit and no more.
    let mut bytes = Vec::new();
    file.take(MAX_RUBRIC_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io(e.to_string()))?;
    if bytes.len() as u64 > MAX_RUBRIC_FILE_BYTES {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let location = utf8_location(e.as_bytes(), e.utf8_error().valid_up_to());
        LoadError {
            path: name.clone(),
            location: Some(location),
            field: None,
            message: "not valid UTF-8".into(),
            kind: LoadErrorKind::Utf8,
        }
    })
}

/// The line and column of byte `valid_up_to` in `bytes`, whose prefix up to there is UTF-8.
pub(crate) fn utf8_location(bytes: &[u8], valid_up_to: usize) -> Location {
    let prefix = String::from_utf8_lossy(&bytes[..valid_up_to.min(bytes.len())]);
    Location::of_offset(&prefix, prefix.len())
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
