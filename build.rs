//! Reads the embedded bank (`rubrics/*.ron`) once, at build time, into a compact form the crate
//! embeds beside the RON text: each rubric as MessagePack, which reads many times faster than
//! `ron` reads RON (5 MB of rubrics, most of it marked examples, is a third of what loading and
//! compiling the whole bank used to cost) and about twice as fast as JSON did (strings are read
//! by their length, with no escapes to look for).
//!
//! The RON files stay the source of truth: a rubric is only pre-read when it parses with the
//! same options as at run time (`src/rubric/ron_format.rs`, included below) and its MessagePack
//! reads back to an equal `Rubric`. Any other file is left out of the compact form, so the crate
//! reads it from RON at run time and reports its error with file, line and column, as for any
//! rubric. Run-time checks (`check_numbers`, compiling the matchers) apply to both forms alike.
//!
//! It also builds every regex of those rubrics and of the glossary as a grader does by default,
//! and lists the ones that build (`checked_regexes.rs`): compiling the embedded bank then skips
//! checking them again, which was half of what compiling the whole bank cost in a new process.
//!
//! Structs are written as MessagePack arrays (`rmp_serde::to_vec`), which carry their length: a
//! field left out when it has no value (`Rubric::coverage`, the last one) reads back as absent,
//! its default.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/rubric/schema.rs"]
mod schema;

#[allow(dead_code)]
#[path = "src/rubric/ron_format.rs"]
mod ron_format;

#[allow(dead_code)]
#[path = "src/matching/rubric_regex.rs"]
mod rubric_regex;

#[allow(dead_code)]
#[path = "src/matching/needles.rs"]
mod needles;

/// The bank folder, and the file in it that is the glossary rather than a rubric.
const BANK: &str = "rubrics";
const GLOSSARY_FILE: &str = "glossary.ron";

fn main() {
    println!("cargo:rerun-if-changed={BANK}");
    println!("cargo:rerun-if-changed=src/rubric/schema.rs");
    println!("cargo:rerun-if-changed=src/rubric/ron_format.rs");
    println!("cargo:rerun-if-changed=src/matching/rubric_regex.rs");
    println!("cargo:rerun-if-changed=src/matching/needles.rs");
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files = Vec::new();
    collect(Path::new(BANK), &mut files);
    // Keyed by the path as `Bank::embedded` names it, sorted as strings: the table is searched
    // by binary search on that string.
    let mut files: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|file| {
            let rel = file.strip_prefix(BANK).expect("file under the bank");
            (format!("{BANK}/{}", rel.display()), file)
        })
        .collect();
    files.sort();

    let compact_dir = out_dir.join("compact-bank");
    std::fs::create_dir_all(&compact_dir).expect("create OUT_DIR/compact-bank");
    let mut table = String::from(
        "/// The embedded rubrics read at build time: (path as `Bank::embedded` names it, the \
         rubric as MessagePack), sorted by path.\n\
         pub(super) static RUBRICS: &[(&str, &[u8])] = &[\n",
    );
    let mut patterns: Vec<String> = Vec::new();
    for (i, (key, file)) in files.iter().enumerate() {
        let Some((bytes, rubric)) = compact(file) else {
            // Read from RON at run time, where its error is reported.
            println!(
                "cargo:warning={}: not pre-read at build time (it will be read, and its problem \
                 reported, when the bank loads)",
                file.display()
            );
            continue;
        };
        for m in rubric.concepts.iter().map(|c| &c.matcher) {
            regexes_of(m, &mut patterns);
        }
        for m in rubric.misconceptions.iter().map(|m| &m.matcher) {
            regexes_of(m, &mut patterns);
        }
        let target = compact_dir.join(format!("{i}.msgpack"));
        std::fs::write(&target, bytes).expect("write compact rubric");
        writeln!(
            table,
            "    ({key:?}, include_bytes!({:?})),",
            target.display().to_string()
        )
        .expect("write to a String");
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("compact_bank.rs"), table).expect("write compact_bank.rs");

    // The regexes of the embedded bank (and its glossary) that build: compiling the bank then
    // neither parses nor builds them again to check them (about half of what compiling the
    // whole bank cost). A pattern that does not build is left out, so compiling reports it.
    if let Ok(text) = std::fs::read_to_string(Path::new(BANK).join(GLOSSARY_FILE)) {
        let glossary: Result<GlossaryFile, _> =
            ron_format::options().from_str(ron_format::without_bom(&text));
        if let Ok(glossary) = glossary {
            for items in glossary.entries.values() {
                shorthand_regexes(items, &mut patterns);
            }
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut checked = String::from(
        "/// Regex patterns of the embedded bank that `build.rs` built as a grader builds them by \
         default (case-insensitive), sorted.\n\
         pub(super) static CHECKED: &[&str] = &[\n",
    );
    // And the needles of each (see `src/matching/needles.rs`), in the same order: working them
    // out parses every pattern, most of what a new process spent on the bank's regexes.
    let mut needle_table = String::from(
        "/// The needles of each pattern of [`CHECKED`], case-insensitive, at the same index.\n\
         pub(super) static NEEDLES: &[Option<&[&[&str]]>] = &[\n",
    );
    for p in patterns.iter().filter(|p| builds(p)) {
        writeln!(checked, "    {p:?},").expect("write to a String");
        match needles::needles(p, true) {
            Some(sets) => {
                let sets: Vec<String> = sets.iter().map(|set| format!("&{set:?}")).collect();
                writeln!(needle_table, "    Some(&[{}]),", sets.join(", "))
            }
            None => writeln!(needle_table, "    None,"),
        }
        .expect("write to a String");
    }
    checked.push_str("];\n");
    needle_table.push_str("];\n");
    checked.push_str(&needle_table);
    std::fs::write(out_dir.join("checked_regexes.rs"), checked).expect("write checked_regexes.rs");
}

/// The rubric in `file` as MessagePack, if it parses as RON and reads back unchanged, with the
/// rubric itself.
fn compact(file: &Path) -> Option<(Vec<u8>, schema::Rubric)> {
    let text = std::fs::read_to_string(file).ok()?;
    let rubric: schema::Rubric = ron_format::options()
        .from_str(ron_format::without_bom(&text))
        .ok()?;
    let bytes = rmp_serde::to_vec(&rubric).ok()?;
    let back: schema::Rubric = rmp_serde::from_slice(&bytes).ok()?;
    (back == rubric).then_some((bytes, rubric))
}

/// Every regex pattern of a matcher: `Regex(…)` and `/…/` strings of `Any`.
fn regexes_of(m: &schema::Matcher, out: &mut Vec<String>) {
    use schema::Matcher;
    match m {
        Matcher::Regex(p) => out.push(p.clone()),
        Matcher::Any(items) => shorthand_regexes(items, out),
        Matcher::AnyOf(of) | Matcher::AllOf { of, .. } | Matcher::Ordered { of, .. } => {
            of.iter().for_each(|m| regexes_of(m, out))
        }
        Matcher::Except { of, near, .. } => {
            regexes_of(of, out);
            regexes_of(near, out);
        }
        Matcher::Term(_) | Matcher::Phrase(_) | Matcher::Glossary(_) => {}
    }
}

/// The `/…/` strings of an `Any` list or glossary entry, as the compiler reads them.
fn shorthand_regexes(items: &[String], out: &mut Vec<String>) {
    out.extend(
        items
            .iter()
            .filter_map(|s| rubric_regex::shorthand_pattern(s))
            .map(str::to_string),
    );
}

/// Whether `pattern` builds as a grader builds it by default (case-insensitive).
fn builds(pattern: &str) -> bool {
    rubric_regex::build_regex(pattern, true).is_ok()
}

/// The glossary file's entries (`Glossary` in `src/rubric/glossary.rs`).
#[derive(serde::Deserialize)]
struct GlossaryFile {
    entries: std::collections::BTreeMap<String, Vec<String>>,
}

/// Every `*.ron` rubric under `dir` (not the glossary), recursively.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron")
            && path.file_name().is_some_and(|n| n != GLOSSARY_FILE)
        {
            out.push(path);
        }
    }
}
