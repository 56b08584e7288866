//! The `rubric` binary, tested like a transcript: arguments, stdin, expected output and exit code.

use std::io::Write;
use std::process::{Command, Stdio};

struct Run {
    args: Vec<String>,
    stdin: Vec<u8>,
    env: Vec<(String, String)>,
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

fn rubric(args: &[&str]) -> Run {
    Run {
        args: args.iter().map(|s| s.to_string()).collect(),
        stdin: Vec::new(),
        env: Vec::new(),
    }
}

impl Run {
    fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.stdin = input.into();
        self
    }

    fn env(mut self, k: &str, v: &str) -> Self {
        self.env.push((k.into(), v.into()));
        self
    }

    fn run(self) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rubric"));
        cmd.args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.current_dir(std::env::temp_dir());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("binary runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(&self.stdin)
            .expect("write stdin");
        let out = child.wait_with_output().expect("binary finishes");
        Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

const STRONG: &str = include_str!("../examples/answers/g06-strong.txt");

#[test]
fn grade_reads_stdin_and_prints_ticks() {
    let out = rubric(&["grade", "g06"]).stdin(STRONG).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("(strong)"), "{}", out.stdout);
    assert!(out.stdout.contains('✓'));
    assert!(
        !out.stdout.contains('\x1b'),
        "no colour when not a terminal"
    );
}

#[test]
fn grade_json_has_the_documented_fields() {
    let out = rubric(&["grade", "g06", "--format", "json"])
        .stdin(STRONG)
        .run();
    assert_eq!(out.code, 0);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    for key in [
        "question_id",
        "score",
        "band",
        "concepts",
        "groups",
        "misconceptions",
        "feedback",
        "warnings",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    let c = &v["concepts"][0];
    for key in ["id", "label", "weight", "hit", "negated", "evidence"] {
        assert!(c.get(key).is_some(), "concept missing `{key}`");
    }
}

#[test]
fn grade_markdown() {
    let out = rubric(&["grade", "g06", "--format", "markdown"])
        .stdin(STRONG)
        .run();
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("## g06:"));
}

#[test]
fn min_score_sets_exit_code_one() {
    let out = rubric(&["grade", "g06", "--min-score", "50"])
        .stdin("I would restart the pod.")
        .run();
    assert_eq!(out.code, 1);
    let ok = rubric(&["grade", "g06", "--min-score", "50"])
        .stdin(STRONG)
        .run();
    assert_eq!(ok.code, 0);
}

#[test]
fn unknown_id_is_a_one_line_error_with_a_suggestion() {
    let out = rubric(&["grade", "g6"]).stdin("x").run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        "rubric: unknown question `g6`; did you mean `g06`?"
    );
}

#[test]
fn invalid_utf8_and_missing_files_exit_two() {
    let out = rubric(&["grade", "g06"])
        .stdin(vec![b'o', b'k', 0xff, 0xfe])
        .run();
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr.trim(), "rubric: <stdin>:1:3: not valid UTF-8");
    let out = rubric(&["grade", "g06", "--answer", "/no/such/file.txt"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with("rubric: /no/such/file.txt: "),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
}

#[test]
fn huge_answers_are_refused_cleanly() {
    let out = rubric(&["grade", "g06"])
        .stdin("word ".repeat(300_000))
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("the limit is 1048576 bytes"),
        "{}",
        out.stderr
    );
}

#[test]
fn list_and_show() {
    let out = rubric(&["list"]).run();
    assert_eq!(out.code, 0);
    assert!(out.stdout.lines().any(|l| l.starts_with("g06 ")));
    let json = rubric(&["list", "--format", "json", "--level", "senior"]).run();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert!(v.as_array().unwrap().iter().all(|r| r["level"] == "senior"));
    let show = rubric(&["show", "g06", "--model-answer", "--rubric"]).run();
    assert_eq!(show.code, 0);
    assert!(show.stdout.contains("Model answer:"));
    assert!(show.stdout.contains("Concepts:"));
    let bad = rubric(&["list", "--level", "guru"]).run();
    assert_eq!(bad.code, 2);
}

#[test]
fn lint_reports_file_line_column_and_exits_one() {
    let dir = tempdir("lint");
    let path = dir.join("q999-broken.ron");
    std::fs::write(
        &path,
        "(\n    id: \"q999\",\n    title: \"t\",\n    category: \"c\",\n    level: mid,\n    question: \"q\",\n    model_answer: \"m\",\n    concepts: [(id: \"a\", label: \"a\", weigth: 2.0, matcher: Any([\"x\"]), hint: \"h\")],\n)\n",
    )
    .unwrap();
    let out = rubric(&["lint", path.to_str().unwrap()]).run();
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let first = out.stdout.lines().next().unwrap_or("");
    assert!(
        first.starts_with(&format!("{}:8:", path.display())),
        "{first}"
    );
    assert!(first.contains("weigth"), "{first}");
}

#[test]
fn lint_passes_on_the_shipped_bank() {
    let out = rubric(&["lint", concat!(env!("CARGO_MANIFEST_DIR"), "/rubrics")]).run();
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn other_bank_with_rubrics_flag() {
    let dir = tempdir("bank");
    std::fs::write(dir.join("glossary.ron"), "(entries: {})").unwrap();
    std::fs::write(
        dir.join("x01-photosynthesis.ron"),
        r#"(id: "x01", title: "Photosynthesis", category: "biology", level: junior, question: "What is photosynthesis?",
            model_answer: "Plants use light energy, water and carbon dioxide to make glucose and release oxygen.",
            concepts: [(id: "light", label: "light energy", matcher: Any(["light energy", "sunlight"]), hint: "Light drives it."),
                       (id: "glucose", label: "makes glucose", matcher: Any(["glucose", "sugar"]), hint: "The product is sugar.")])"#,
    )
    .unwrap();
    let out = rubric(&["--rubrics", dir.to_str().unwrap(), "grade", "x01"])
        .stdin("Sunlight is turned into sugar.")
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("(strong)"));
}

#[test]
fn color_always_and_no_color() {
    let out = rubric(&["--color", "always", "grade", "g06"])
        .stdin(STRONG)
        .run();
    assert!(out.stdout.contains('\x1b'));
    let out = rubric(&["grade", "g06"])
        .stdin(STRONG)
        .env("NO_COLOR", "1")
        .run();
    assert!(!out.stdout.contains('\x1b'));
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("rubric-cli-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn explain_shows_hits_and_near_misses() {
    let out = rubric(&["explain", "g06"])
        .stdin("No preStop hook is needed; exit code 138.")
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("negated by \"No\""), "{}", out.stdout);
    let json = rubric(&["explain", "g06", "--format", "json"])
        .stdin(STRONG)
        .run();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert!(v["concepts"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn test_reports_agreement_and_fails_below_the_minimum() {
    let dir = tempdir("test-cases");
    let cases = dir.join("cases.jsonl");
    std::fs::write(
        &cases,
        "{\"question\": \"g06\", \"answer\": \"Restart it.\", \"score\": 100}\n{\"question\": \"g06\", \"answer\": \"x\", \"expected\": [0, 10]}\n",
    )
    .unwrap();
    let ok = rubric(&[
        "test",
        concat!(env!("CARGO_MANIFEST_DIR"), "/rubrics/networking"),
    ])
    .run();
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.contains("within range 100.0%"), "{}", ok.stdout);
    let low = rubric(&[
        "test",
        "--cases",
        cases.to_str().unwrap(),
        "--min-agreement",
        "0.999",
    ])
    .run();
    assert_eq!(low.code, 1, "{}", low.stdout);
    assert!(low.stdout.contains("worst disagreements"));
}

#[test]
fn draft_writes_a_lint_clean_rubric() {
    let dir = tempdir("draft");
    let answer = dir.join("answer.txt");
    std::fs::write(&answer, "A stack is a last-in first-out structure: push adds on top, pop removes the top element, both in constant time.").unwrap();
    let out_file = dir.join("cs02-stack.ron");
    let out = rubric(&[
        "draft",
        "--question",
        "What is a stack?",
        "--model-answer",
        answer.to_str().unwrap(),
        "--id",
        "cs02",
        "--out",
        out_file.to_str().unwrap(),
    ])
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lint = rubric(&["lint", out_file.to_str().unwrap()]).run();
    assert_eq!(lint.code, 0, "{}", lint.stdout);
    let missing = rubric(&["draft", "--question", "x"]).run();
    assert_eq!(missing.code, 2);
}

#[test]
fn batch_streams_results_and_summarises() {
    let dir = tempdir("batch");
    let input = dir.join("answers.jsonl");
    std::fs::write(
        &input,
        format!(
            "{}\nnot json\n{}\n",
            serde_json::json!({"id": 1, "question": "g06", "answer": STRONG}),
            serde_json::json!({"id": 2, "question": "g6", "answer": "x"})
        ),
    )
    .unwrap();
    let summary = dir.join("summary.json");
    let out = rubric(&[
        "batch",
        "--input",
        input.to_str().unwrap(),
        "--summary",
        summary.to_str().unwrap(),
    ])
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(
        out.stderr.contains("answers.jsonl:2: skipped"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("answers.jsonl:3: skipped: unknown question `g6`; did you mean `g06`?"),
        "{}",
        out.stderr
    );
    let s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(summary).unwrap()).unwrap();
    assert_eq!(s["graded"], 1);
    assert_eq!(s["skipped"], 2);
}
