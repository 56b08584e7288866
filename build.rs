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

/// The bank folder, and the file in it that is the glossary rather than a rubric.
const BANK: &str = "rubrics";
const GLOSSARY_FILE: &str = "glossary.ron";

fn main() {
    println!("cargo:rerun-if-changed={BANK}");
    println!("cargo:rerun-if-changed=src/rubric/schema.rs");
    println!("cargo:rerun-if-changed=src/rubric/ron_format.rs");
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
    for (i, (key, file)) in files.iter().enumerate() {
        let Some(bytes) = compact(file) else {
            // Read from RON at run time, where its error is reported.
            println!(
                "cargo:warning={}: not pre-read at build time (it will be read, and its problem \
                 reported, when the bank loads)",
                file.display()
            );
            continue;
        };
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
}

/// The rubric in `file` as MessagePack, if it parses as RON and reads back unchanged.
fn compact(file: &Path) -> Option<Vec<u8>> {
    let text = std::fs::read_to_string(file).ok()?;
    let rubric: schema::Rubric = ron_format::options()
        .from_str(ron_format::without_bom(&text))
        .ok()?;
    let bytes = rmp_serde::to_vec(&rubric).ok()?;
    let back: schema::Rubric = rmp_serde::from_slice(&bytes).ok()?;
    (back == rubric).then_some(bytes)
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
