//! The bank: all rubrics of a folder (or the embedded `rubrics/`), plus their glossary.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use include_dir::{include_dir, Dir};

use super::glossary::Glossary;
use super::load::read_rubric_file;
use super::schema::Rubric;
use crate::error::{Error, LoadError};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rubrics");
pub(crate) const EMBEDDED_GLOSSARY: &str = include_str!("../../rubrics/glossary.ron");

/// The embedded rubrics as `build.rs` read them from their RON: loading them skips parsing RON.
mod compact {
    include!(concat!(env!("OUT_DIR"), "/compact_bank.rs"));

    /// The build-time reading of the embedded rubric at `path`, if it has one (a file that
    /// did not parse at build time has none, and is read from its RON).
    pub(super) fn get(path: &str) -> Option<&'static [u8]> {
        RUBRICS
            .binary_search_by(|(p, _)| (*p).cmp(path))
            .ok()
            .map(|i| RUBRICS[i].1)
    }
}

/// Longest query [`Bank::find`] looks for a near miss of.
pub const SUGGEST_MAX_CHARS: usize = 64;

/// The glossary's file name inside a bank folder.
pub const GLOSSARY_FILE: &str = "glossary.ron";

/// One rubric of a bank, with where it came from.
#[derive(Clone, Debug)]
pub struct BankEntry {
    /// The rubric, shared with the graders compiled from it ([`Grader::for_entry`] keeps this
    /// `Arc` rather than a copy of the rubric and its marked examples).
    ///
    /// [`Grader::for_entry`]: crate::Grader::for_entry
    pub rubric: Arc<Rubric>,
    /// Its file, relative to the bank for the embedded one.
    pub path: String,
    /// Its RON text (for locating errors): borrowed from the binary for the embedded bank, so
    /// loading it copies none of its 7 MB.
    pub source: Cow<'static, str>,
    /// The slug from its file name (`silent-crashloopbackoff` in `q005-silent-crashloopbackoff.ron`).
    pub slug: String,
}

/// A set of rubrics with their glossary.
#[derive(Clone, Debug, Default)]
pub struct Bank {
    entries: Vec<BankEntry>,
    glossary: Glossary,
    glossary_path: String,
}

/// Banks of at least this many rubrics are dropped on all cores (see [`Bank`]'s `Drop`).
const PARALLEL_DROP_MIN: usize = 16;

impl Drop for Bank {
    /// Frees the rubrics on all cores, as they were read: a whole bank is about 100,000 strings
    /// (phrases and marked examples), allocated by the threads that read them, and freeing them
    /// all on the one thread that drops the bank took 15–18 ms a bank, against 10–13 ms on the
    /// thread pool (2 cores, busy). A rubric a grader still shares is only released.
    fn drop(&mut self) {
        if self.entries.len() >= PARALLEL_DROP_MIN {
            use rayon::prelude::*;
            std::mem::take(&mut self.entries)
                .into_par_iter()
                .for_each(drop);
        }
    }
}

impl Bank {
    /// The bank compiled into this crate (the Kubernetes interview bank).
    ///
    /// Its rubrics were read from their RON when the crate was built (see `build.rs`), so
    /// loading them costs no RON parsing; what loading checks (numbers, and every error's file,
    /// line and column) is the same as for rubrics read from RON.
    ///
    /// # Errors
    /// A [`LoadError`] if an embedded file is broken (the test suite guards against that).
    pub fn embedded() -> Result<Bank, Error> {
        let mut raw = Vec::new();
        collect_embedded(&EMBEDDED, &mut raw);
        // 7 MB of RON text checked for UTF-8 on all cores rather than on this thread alone.
        use rayon::prelude::*;
        let files = raw
            .into_par_iter()
            .filter_map(|(path, bytes)| {
                Some((path, Cow::Borrowed(std::str::from_utf8(bytes).ok()?)))
            })
            .collect();
        let (bank, errors) = Bank::from_sources_with(
            files,
            Some(("rubrics/glossary.ron".into(), EMBEDDED_GLOSSARY.into())),
            |source, path| match compact::get(path) {
                Some(prepared) => Rubric::from_prepared(prepared, source, path),
                None => Rubric::from_ron(source, path),
            },
        );
        match errors.into_iter().next() {
            Some(e) => Err(e.into()),
            None => Ok(bank),
        }
    }

    /// Loads every `*.ron` under `dir` (recursively, each real file once, other files skipped);
    /// `dir/glossary.ron` is the glossary.
    ///
    /// # Errors
    /// The first file that cannot be read or parsed.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Bank, Error> {
        let (bank, mut errors) = Bank::scan(&[dir.as_ref().to_path_buf()])?;
        if errors.is_empty() {
            Ok(bank)
        } else {
            Err(errors.swap_remove(0).into())
        }
    }

    /// Loads rubric files and folders leniently: what parses goes into the bank, what does not is
    /// returned as errors (for lint). A `glossary.ron` in a given folder (or the nearest parent
    /// folder of a given file) is the glossary; otherwise the embedded one.
    ///
    /// # Errors
    /// [`Error::Io`] if a path does not exist.
    pub fn scan(paths: &[PathBuf]) -> Result<(Bank, Vec<LoadError>), Error> {
        let mut files = Vec::new();
        let mut glossary = None;
        let mut seen = std::collections::HashSet::new();
        for p in paths {
            let meta = std::fs::metadata(p).map_err(|source| Error::Io {
                path: p.display().to_string(),
                source,
            })?;
            if meta.is_dir() {
                walk(p, &mut files, &mut seen)?;
                if glossary.is_none() {
                    let g = p.join(GLOSSARY_FILE);
                    if g.is_file() {
                        glossary = Some(g);
                    }
                }
            } else {
                files.push(p.clone());
            }
            if glossary.is_none() {
                glossary = p
                    .ancestors()
                    .skip(1)
                    .map(|a| a.join(GLOSSARY_FILE))
                    .find(|g| g.is_file());
            }
        }
        let mut errors = Vec::new();
        let mut sources = Vec::new();
        let mut glossary_source = None;
        for f in files {
            let is_glossary = f.file_name().is_some_and(|n| n == GLOSSARY_FILE);
            match read_rubric_file(&f) {
                Ok(text) if is_glossary => {
                    if glossary_source.is_none() {
                        glossary_source = Some((f.display().to_string(), text));
                    }
                }
                Ok(text) => sources.push((f.display().to_string(), text)),
                Err(e) => errors.push(e),
            }
        }
        if glossary_source.is_none() {
            if let Some(g) = glossary {
                glossary_source = Some((g.display().to_string(), read_rubric_file(&g)?));
            }
        }
        let (bank, mut more) = Bank::from_sources(sources, glossary_source);
        errors.append(&mut more);
        Ok((bank, errors))
    }

    /// Builds a bank from `(path, RON text)` pairs and an optional glossary `(path, text)`;
    /// without one, the embedded glossary is used.
    pub fn from_sources(
        files: Vec<(String, String)>,
        glossary: Option<(String, String)>,
    ) -> (Bank, Vec<LoadError>) {
        let files = files
            .into_iter()
            .map(|(path, text)| (path, Cow::Owned(text)))
            .collect();
        Bank::from_sources_with(files, glossary, Rubric::from_ron)
    }

    /// [`Bank::from_sources`], reading each rubric with `read(text, path)`.
    fn from_sources_with(
        files: Vec<(String, Cow<'static, str>)>,
        glossary: Option<(String, String)>,
        read: impl Fn(&str, &str) -> Result<Rubric, LoadError> + Sync,
    ) -> (Bank, Vec<LoadError>) {
        let mut errors = Vec::new();
        // Files parse independently, and beside the glossary: in parallel across cores.
        use rayon::prelude::*;
        let (glossary, parsed) = rayon::join(
            || match glossary {
                Some((path, text)) => {
                    let parsed = Glossary::from_ron(&text, &path);
                    (parsed, path)
                }
                None => (Ok(Glossary::embedded()), "rubrics/glossary.ron".to_string()),
            },
            || {
                files
                    .into_par_iter()
                    .map(|(path, source)| {
                        let rubric = read(&source, &path)?;
                        let slug = slug_of(&path, &rubric.id);
                        Ok(BankEntry {
                            rubric: Arc::new(rubric),
                            path,
                            source,
                            slug,
                        })
                    })
                    .collect::<Vec<Result<BankEntry, LoadError>>>()
            },
        );
        let (glossary, glossary_path) = match glossary {
            (Ok(g), path) => (g, path),
            (Err(e), path) => {
                errors.push(e);
                (Glossary::default(), path)
            }
        };
        let mut entries = Vec::new();
        for p in parsed {
            match p {
                Ok(e) => entries.push(e),
                Err(e) => errors.push(e),
            }
        }
        // Compared by borrowed keys: a key per comparison, not a copied id.
        entries.sort_by(|a, b| id_order(&a.rubric.id).cmp(&id_order(&b.rubric.id)));
        (
            Bank {
                entries,
                glossary,
                glossary_path,
            },
            errors,
        )
    }

    /// The rubrics, in id order (g01…g18, then q001…q100).
    pub fn rubrics(&self) -> impl Iterator<Item = &Rubric> {
        self.entries.iter().map(|e| &*e.rubric)
    }

    /// The entries, in id order.
    pub fn entries(&self) -> &[BankEntry] {
        &self.entries
    }

    /// The glossary.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// Where the glossary came from.
    pub fn glossary_path(&self) -> &str {
        &self.glossary_path
    }

    /// Number of rubrics.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the bank has no rubrics.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finds a rubric by id (`g06`), unique id prefix, slug or unique slug prefix, ignoring case.
    /// A query that could mean several questions is ambiguous, not the first of them: `pod`
    /// matches every slug with a word starting with `pod` (`deleted-pod-…`, `podsecurityadmission-…`).
    ///
    /// # Errors
    /// [`Error::UnknownQuestion`] (with a suggestion when an id or slug is close) or
    /// [`Error::AmbiguousQuestion`] listing the questions it could mean.
    pub fn find(&self, query: &str) -> Result<&BankEntry, Error> {
        let q = query.trim().to_ascii_lowercase();
        let q = q.strip_suffix(".ron").unwrap_or(&q);
        if let Some(e) = self
            .entries
            .iter()
            .find(|e| e.rubric.id.eq_ignore_ascii_case(q) || e.slug == q || full_name(e) == q)
        {
            return Ok(e);
        }
        let matches: Vec<&BankEntry> = self
            .entries
            .iter()
            .filter(|e| {
                e.rubric.id.to_ascii_lowercase().starts_with(q)
                    || full_name(e).starts_with(q)
                    || word_starts(&e.slug).any(|rest| rest.starts_with(q))
            })
            .collect();
        match matches.len() {
            1 => Ok(matches[0]),
            0 => Err(Error::UnknownQuestion {
                query: query.to_string(),
                suggestion: self.suggest(q),
            }),
            _ => Err(Error::AmbiguousQuestion {
                query: query.to_string(),
                candidates: matches
                    .iter()
                    .take(8)
                    .map(|e| e.rubric.id.clone())
                    .collect(),
            }),
        }
    }

    /// The closest id or slug within two edits. Bounded work: a query over
    /// [`SUGGEST_MAX_CHARS`] gets no suggestion (no id or slug is that long), and only ids and
    /// slugs within two characters of its length are compared, so an unknown 1 MB string costs
    /// no more than a short one.
    fn suggest(&self, q: &str) -> Option<String> {
        if q.len() > SUGGEST_MAX_CHARS {
            return None;
        }
        // `g6` → `g06`, `q5` → `q005`: zero-pad the number.
        if let Some((prefix, digits)) = q.split_at_checked(1) {
            if digits.chars().all(|c| c.is_ascii_digit()) && !digits.is_empty() {
                for width in [2, 3] {
                    let padded = format!("{prefix}{digits:0>width$}");
                    if self.entries.iter().any(|e| e.rubric.id == padded) {
                        return Some(padded);
                    }
                }
            }
        }
        let by_id = self
            .entries
            .iter()
            .flat_map(|e| [(&e.rubric.id, &e.rubric.id), (&e.rubric.id, &e.slug)])
            .filter(|(_, name)| name.len().abs_diff(q.len()) <= 2)
            .map(|(id, name)| (id, strsim::levenshtein(q, name)))
            .filter(|(_, d)| *d <= 2)
            .min_by_key(|(_, d)| *d)
            .map(|(id, _)| id.clone());
        by_id.or_else(|| self.suggest_slug(q))
    }

    /// A slug prefix close to `q` (`deleted-pd` → `deleted-pod`): the slug's leading words, cut
    /// where `q` ends, within one edit (two from 8 letters on). The prefix is suggested when it
    /// finds that question alone, else the whole slug.
    fn suggest_slug(&self, q: &str) -> Option<String> {
        let limit = if q.chars().count() >= 8 { 2 } else { 1 };
        if q.chars().count() < 4 {
            return None;
        }
        let (entry, prefix, _) = self
            .entries
            .iter()
            .flat_map(|e| {
                let ends = e.slug.match_indices('-').map(|(i, _)| i);
                ends.chain([e.slug.len()])
                    .map(move |end| (e, &e.slug[..end]))
            })
            .map(|(e, prefix)| (e, prefix, strsim::levenshtein(q, prefix)))
            .filter(|(_, _, d)| *d <= limit)
            .min_by_key(|(_, _, d)| *d)?;
        let unique = self
            .find(prefix)
            .is_ok_and(|found| found.rubric.id == entry.rubric.id);
        Some(if unique { prefix } else { &entry.slug }.to_string())
    }
}

/// The slug from each word on: `deleted-pod-still`, `pod-still`, `still`.
fn word_starts(slug: &str) -> impl Iterator<Item = &str> {
    std::iter::once(slug).chain(slug.match_indices('-').map(|(i, _)| &slug[i + 1..]))
}

fn full_name(e: &BankEntry) -> String {
    format!("{}-{}", e.rubric.id.to_ascii_lowercase(), e.slug)
}

/// Sort key: guide scenarios first, then numbered questions, by number.
fn id_order(id: &str) -> (u8, u32, &str) {
    let (head, num) = id.split_at(id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len()));
    let rank = match head {
        "g" => 0,
        "q" => 1,
        _ => 2,
    };
    (rank, num.parse().unwrap_or(u32::MAX), id)
}

fn slug_of(path: &str, id: &str) -> String {
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let stem = stem.to_ascii_lowercase();
    stem.strip_prefix(&format!("{}-", id.to_ascii_lowercase()))
        .unwrap_or(&stem)
        .to_string()
}

/// The embedded rubric files under `dir` (every `*.ron` but the glossary), with their bytes.
fn collect_embedded(dir: &Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
    for f in dir.files() {
        let path = f.path();
        if path.extension().is_some_and(|e| e == "ron")
            && path.file_name().is_some_and(|n| n != GLOSSARY_FILE)
        {
            out.push((format!("rubrics/{}", path.display()), f.contents()));
        }
    }
    for d in dir.dirs() {
        collect_embedded(d, out);
    }
}

/// Collects the `*.ron` files under `dir`, sorted, following symbolic links but visiting each
/// real folder and file once: a `loop -> .` link ends the descent instead of loading the same
/// rubrics again and again, and a link is only taken as a rubric when its target is a `.ron`
/// file too (a `notes.ron -> /etc/passwd` link is skipped, never echoed in an error).
fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), Error> {
    let io = |source| Error::Io {
        path: dir.display().to_string(),
        source,
    };
    let real = std::fs::canonicalize(dir).map_err(io)?;
    if !seen.insert(real) {
        return Ok(());
    }
    let rd = std::fs::read_dir(dir).map_err(io)?;
    let mut items: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    items.sort();
    for p in items {
        let is_link = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        // A dangling link or one we may not follow is skipped, like any unreadable entry.
        let Ok(meta) = std::fs::metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            walk(&p, out, seen)?;
        } else if meta.is_file() && is_ron(&p) {
            let Ok(real) = std::fs::canonicalize(&p) else {
                continue;
            };
            if (!is_link || is_ron(&real)) && seen.insert(real) {
                out.push(p);
            }
        }
    }
    Ok(())
}

fn is_ron(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "ron")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every shipped rubric parses at build time, so `Bank::embedded` reads none from RON (a
    /// path the table's search missed would silently cost the RON parse again).
    #[test]
    fn every_embedded_rubric_has_its_build_time_form() {
        let mut files = Vec::new();
        collect_embedded(&EMBEDDED, &mut files);
        assert!(!files.is_empty());
        for (path, _) in &files {
            assert!(
                compact::get(path).is_some(),
                "{path} has no build-time form"
            );
        }
        assert_eq!(files.len(), compact::RUBRICS.len());
    }
}
