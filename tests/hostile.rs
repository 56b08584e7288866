//! Hostile rubrics: each is a clear one-line error (or a lint warning) in bounded time and memory.
//!
//! See: issue 13 ("Reliability and security"), items 7, 8, 12, 14 and "Hostile rubrics".

use std::path::Path;
use std::time::{Duration, Instant};

use rubric_grader::authoring::{lint, Severity};
use rubric_grader::{Bank, Error, Glossary, Grader, LoadErrorKind, Rubric};

/// A rubric with one concept whose matcher and weight are given (RON), plus `extra` fields.
fn rubric(matcher: &str, weight: &str, extra: &str) -> String {
    format!(
        r#"(
    id: "h01", title: "h", category: "h", level: mid,
    question: "q", model_answer: "preStop hook",
    concepts: [
        (id: "c", label: "c", weight: {weight}, matcher: {matcher}, hint: "h"),
    ],{extra}
)"#
    )
}

fn load_err(text: &str) -> rubric_grader::LoadError {
    Rubric::from_ron(text, "h01-x.ron").expect_err("refused")
}

fn compile_err(text: &str, glossary: &Glossary) -> String {
    let r = Rubric::from_ron(text, "h01-x.ron").unwrap_or_else(|e| panic!("{e}"));
    Grader::builder()
        .glossary(glossary)
        .source("h01-x.ron", text)
        .build(&r)
        .expect_err("refused")
        .to_string()
}

fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}, limit {limit:?}");
    out
}

// See: issue 13, item 7. NaN, infinite or negative weights graded "0/100, every concept
// covered"; NaN penalties printed "-NaN points". Now every load refuses them, located.
#[test]
fn issue13_non_finite_or_negative_numbers_are_refused_on_load() {
    for (weight, shown) in [("NaN", "NaN"), ("inf", "inf"), ("-2.0", "-2"), ("0.0", "0")] {
        let e = load_err(&rubric(r#"Term("preStop")"#, weight, ""));
        assert_eq!(e.kind, LoadErrorKind::Invalid);
        assert_eq!(
            e.to_string(),
            format!("h01-x.ron:5:31: weight of `c` must be a positive number, not {shown}")
        );
    }
    let mis = r#"
    misconceptions: [(id: "m", label: "m", matcher: Term("force"), penalty: NaN, correction: "c")],"#;
    let e = load_err(&rubric(r#"Term("preStop")"#, "1.0", mis));
    assert_eq!(
        e.to_string(),
        "h01-x.ron:7:68: penalty of `m` must be a number from 0 to 100, not NaN"
    );
    let bands = "\n    bands: (strong: inf, good: 60, partial: 35),";
    let e = load_err(&rubric(r#"Term("preStop")"#, "1.0", bands));
    assert_eq!(
        e.to_string(),
        "h01-x.ron:7:13: band `strong` must be a score from 0 to 100, not inf"
    );
}

// See: issue 13, item 8. An acyclic chain 8 deep was rejected as "refers to itself".
#[test]
fn issue13_glossary_chains_of_any_depth_and_real_cycles() {
    let mut entries = std::collections::BTreeMap::new();
    let depth = 2_000;
    for i in 0..depth {
        entries.insert(format!("e{i}"), vec![format!("@e{}", i + 1)]);
    }
    entries.insert(format!("e{depth}"), vec!["preStop hook".to_string()]);
    let glossary = Glossary { entries };
    let text = rubric(r#"Glossary("e0")"#, "1.0", "");
    let r = Rubric::from_ron(&text, "h01-x.ron").unwrap();
    let g = timed(Duration::from_secs(5), || {
        Grader::builder().glossary(&glossary).build(&r).unwrap()
    });
    assert!(g.grade("add a preStop hook").unwrap().concepts[0].hit);

    // A cycle in a glossary file is refused where it starts.
    let cyclic =
        "(entries: {\n  \"a\": [\"@b\"],\n  \"b\": [\"x\", \"@c\"],\n  \"c\": [\"@a\"],\n})";
    let e = Glossary::from_ron(cyclic, "glossary.ron").unwrap_err();
    assert_eq!(
        e.to_string(),
        "glossary.ron:2:3: glossary entry `a` refers to itself through `a` → `b` → `c` → `a`"
    );
    // A glossary built to explode (each entry names the next twice) is refused in bounded time.
    let mut entries = std::collections::BTreeMap::new();
    for i in 0..60 {
        entries.insert(
            format!("e{i}"),
            vec![
                format!("@e{}", i + 1),
                format!("@e{}", i + 1),
                format!("p{i}"),
            ],
        );
    }
    entries.insert("e60".into(), vec!["end".into()]);
    let g = timed(Duration::from_secs(5), || {
        Grader::builder()
            .glossary(&Glossary { entries })
            .build(&r)
            .map(drop)
    });
    assert!(g.is_ok(), "a diamond chain expands each entry once: {g:?}");
}

// See: issue 13, item 14. `Glossary("x")` errors had no line and column.
#[test]
fn issue13_unknown_glossary_names_are_located() {
    let text = rubric(r#"Glossary("nope")"#, "1.0", "");
    assert_eq!(
        compile_err(&text, &Glossary::default()),
        "h01-x.ron:5:62: unknown glossary entry `nope`"
    );
    let text = rubric(r#"Any(["x", "@nope"])"#, "1.0", "");
    assert_eq!(
        compile_err(&text, &Glossary::default()),
        "h01-x.ron:5:63: unknown glossary entry `nope`"
    );
}

// See: issue 13, item 14: a UTF-8 byte order mark gave "1:1: expected opening (".
#[test]
fn issue13_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", rubric(r#"Term("preStop")"#, "1.0", ""));
    assert!(Rubric::from_ron(&text, "h01-x.ron").is_ok());
}

// See: issue 13, item 14: deep nesting showed RON's "try serde_stacker" advice.
#[test]
fn issue13_nesting_100000_deep_is_a_clear_error() {
    let deep = format!(
        "{}Term(\"x\"){}",
        "AnyOf([".repeat(100_000),
        "])".repeat(100_000)
    );
    let e = timed(Duration::from_secs(2), || {
        load_err(&rubric(&deep, "1.0", ""))
    });
    assert!(
        e.to_string().ends_with("nested too deeply (limit 128)"),
        "{e}"
    );
    assert!(!e.to_string().contains("serde_stacker"));
}

// See: issue 13, item 14: an invalid 200k-way alternation echoed the whole 1.7 MB regex.
#[test]
fn issue13_pathological_regexes_are_short_errors() {
    let alternation: Vec<String> = (0..200_000).map(|i| format!("w{i}")).collect();
    let huge = format!("Regex(\"({}\")", alternation.join("|"));
    let r = Rubric::from_ron(&rubric(&huge, "1.0", ""), "h01-x.ron").unwrap();
    let e = timed(Duration::from_secs(20), || {
        Grader::new(&r).unwrap_err().to_string()
    });
    assert!(e.len() < 400, "{} bytes: {}", e.len(), &e[..200]);
    assert!(e.contains("characters left out"), "{e}");
    // Exponential blow-up in the compiled size is the regex crate's size limit, not a hang.
    let blowup = rubric(r#"Regex("((a{100}){100}){100}")"#, "1.0", "");
    let r = Rubric::from_ron(&blowup, "h01-x.ron").unwrap();
    let e = timed(Duration::from_secs(5), || {
        Grader::new(&r).unwrap_err().to_string()
    });
    assert!(e.contains("invalid regex"), "{e}");
    // Catastrophic backtracking does not exist for this engine: linear on a long answer.
    let nested = rubric(r#"Regex("(a+)+$")"#, "1.0", "");
    let g = Grader::new(&Rubric::from_ron(&nested, "h01-x.ron").unwrap()).unwrap();
    let answer = format!("{}!", "a".repeat(500_000));
    timed(Duration::from_secs(5), || g.grade(&answer).unwrap());
}

// See: issue 13, "Hostile rubrics": 50,000 concepts.
#[test]
fn issue13_fifty_thousand_concepts_are_refused_quickly() {
    let concepts: String = (0..50_000)
        .map(|i| format!("(id:\"c{i}\",label:\"l\",matcher:Term(\"t{i}\"),hint:\"h\"),"))
        .collect();
    let text = format!(
        r#"(id: "h01", title: "h", category: "h", level: mid, question: "q", model_answer: "a",
concepts: [{concepts}])"#
    );
    let e = timed(Duration::from_secs(10), || load_err(&text));
    assert_eq!(
        e.to_string(),
        "h01-x.ron:2:1: too many concepts: 50000 (limit 1000)"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

// See: issue 13, "Hostile rubrics": a 50 MB file is refused before it is read.
#[test]
fn issue13_fifty_megabyte_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("h01-big.ron")).unwrap();
    f.set_len(50 << 20).unwrap(); // sparse: no 50 MB written
    let (bank, errors) = timed(Duration::from_secs(2), || {
        Bank::scan(&[dir.path().to_path_buf()]).unwrap()
    });
    assert!(bank.is_empty());
    assert_eq!(errors.len(), 1);
    let e = errors[0].to_string();
    assert!(e.ends_with("h01-big.ron: the file is 52428800 bytes; the limit for a rubric or glossary is 4194304 bytes"), "{e}");
}

// See: issue 13, item 14: a non-UTF-8 rubric printed its path twice and a byte offset.
#[test]
fn issue13_non_utf8_rubric_names_line_and_column_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = rubric(r#"Term("preStop")"#, "1.0", "").into_bytes();
    bytes.splice(40..40, [0xff]);
    write(dir.path(), "h01-x.ron", &bytes);
    let (_, errors) = Bank::scan(&[dir.path().to_path_buf()]).unwrap();
    let e = errors[0].to_string();
    let path = dir.path().join("h01-x.ron").display().to_string();
    assert_eq!(e, format!("{path}:2:39: not valid UTF-8"));
    let e = Rubric::from_path(dir.path().join("h01-x.ron")).unwrap_err();
    assert!(matches!(&e, Error::Load(l) if l.kind == LoadErrorKind::Utf8));
    assert_eq!(e.to_string().matches(&path).count(), 1);
}

// See: issue 13, item 12: a `loop -> .` link loaded one rubric 41 times; a link to a non-rubric
// file echoed its first word.
#[cfg(unix)]
#[test]
fn issue13_symlink_loops_and_links_to_non_rubrics() {
    let dir = tempfile::tempdir().unwrap();
    let bank_dir = dir.path().join("bank");
    std::fs::create_dir(&bank_dir).unwrap();
    write(
        &bank_dir,
        "h01-x.ron",
        rubric(r#"Term("preStop")"#, "1.0", "").as_bytes(),
    );
    write(dir.path(), "secret.txt", b"password123 do not echo");
    std::os::unix::fs::symlink(".", bank_dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(&bank_dir, bank_dir.join("again")).unwrap();
    std::os::unix::fs::symlink(
        dir.path().join("secret.txt"),
        bank_dir.join("h02-secret.ron"),
    )
    .unwrap();
    write(&bank_dir, "README.md", b"not a rubric");
    let (bank, errors) = timed(Duration::from_secs(2), || {
        Bank::scan(std::slice::from_ref(&bank_dir)).unwrap()
    });
    assert_eq!(bank.len(), 1);
    assert!(errors.is_empty(), "{errors:?}");
}

// See: issue 13, item 5: lint warns about control characters in rubric text.
#[test]
fn issue13_lint_warns_about_control_characters() {
    let text =
        rubric(r#"Term("preStop")"#, "1.0", "").replace(r#"label: "c""#, r#"label: "c\u{1b}[2J""#);
    let (bank, errors) = Bank::from_sources(vec![("h01-x.ron".into(), text)], None);
    let diags = lint(&bank, errors);
    let d = diags
        .iter()
        .find(|d| d.message.contains("control character"))
        .expect("a warning");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(
        d.to_string(),
        "h01-x.ron: warning: concepts[0].label: control character U+001B in rubric text"
    );
}

// Regexes are built on first use; every way one can fail is still reported when the rubric loads.
#[test]
fn regexes_are_checked_at_load_and_built_on_first_use() {
    let rubric = |pattern: &str| {
        let ron = format!(
            r#"(id: "x", title: "x", category: "x", level: mid, question: "x", model_answer: "x",
                concepts: [(id: "c", label: "c", matcher: Regex({pattern:?}), hint: "h")])"#
        );
        rubric_grader::Rubric::from_ron(&ron, "<test>").unwrap()
    };
    for bad in [r"exit code (13[79]", r"\p{NoSuchClass}", r"(a{1000}){1000}"] {
        let err = rubric_grader::Grader::new(&rubric(bad))
            .unwrap_err()
            .to_string();
        assert!(err.contains("invalid regex"), "{bad}: {err}");
    }
    let g = rubric_grader::Grader::new(&rubric(r"exit code 13[79]")).unwrap();
    assert!(g.grade("It died with exit code 137.").unwrap().concepts[0].hit);
    assert!(!g.grade("It died with exit code 138.").unwrap().concepts[0].hit);
}
