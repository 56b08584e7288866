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
        // A fresh working folder and home, removed afterwards: nothing is left behind, and
        // nothing of the user's is read or written.
        let home = tempfile::tempdir().expect("temp dir");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rubric"));
        cmd.args(&self.args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.current_dir(home.path())
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"));
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("binary runs");
        // A command may exit without reading its input (an argument it refuses), and be gone
        // before the input is written: the closed pipe is not the test's failure.
        if let Err(e) = child.stdin.take().expect("stdin").write_all(&self.stdin) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
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
    let tmp = tempdir();
    let dir = tmp.path();
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
    let tmp = tempdir();
    let dir = tmp.path();
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

/// A fresh folder, removed when dropped.
fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn explain_shows_hits_and_near_misses() {
    let out = rubric(&["explain", "g06"])
        .stdin("No preStop hook is needed; exit code 138.")
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("denied by \"No\""), "{}", out.stdout);
    let json = rubric(&["explain", "g06", "--format", "json"])
        .stdin(STRONG)
        .run();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert!(v["concepts"].as_array().is_some_and(|c| !c.is_empty()));
}

#[test]
fn test_reports_agreement_and_fails_below_the_minimum() {
    let tmp = tempdir();
    let dir = tmp.path();
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
        "1.0",
    ])
    .run();
    assert_eq!(low.code, 1, "{}", low.stdout);
    assert!(low.stdout.contains("worst disagreements"));
}

#[test]
fn draft_writes_a_lint_clean_rubric() {
    let tmp = tempdir();
    let dir = tmp.path();
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

/// See: issue 18 (a draft written with `--out my-draft.ron` failed lint on its own file name).
#[test]
fn issue18_draft_from_several_references_to_any_file_name_lints_clean() {
    let tmp = tempdir();
    let dir = tmp.path();
    let first = dir.join("ref1.txt");
    let second = dir.join("ref2.txt");
    let more = dir.join("more.txt");
    std::fs::write(
        &first,
        "A stack is last in, first out: push adds on top and pop removes the top.",
    )
    .unwrap();
    std::fs::write(&second, "The last element pushed is the first one popped.").unwrap();
    std::fs::write(
        &more,
        "# alternatives, one per line\nIt is a LIFO structure.\n\n",
    )
    .unwrap();
    let out_file = dir.join("any-name.ron");
    let out = rubric(&[
        "draft",
        "--question",
        "What is a stack?",
        "--model-answer",
        first.to_str().unwrap(),
        "--model-answer",
        second.to_str().unwrap(),
        "--alternatives",
        more.to_str().unwrap(),
        "--out",
        out_file.to_str().unwrap(),
    ])
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&out_file).unwrap();
    assert!(text.contains("id: \"any-name\""), "{text}");
    assert!(text.contains("It is a LIFO structure."), "{text}");
    let lint = rubric(&["lint", out_file.to_str().unwrap()]).run();
    assert_eq!(lint.code, 0, "{}", lint.stdout);
    let grade = rubric(&["--rubrics", out_file.to_str().unwrap(), "grade", "any-name"])
        .stdin("It's LIFO: the last thing pushed is popped first.")
        .run();
    assert_eq!(grade.code, 0, "{}", grade.stderr);
}

#[test]
fn issue18_draft_evaluate_on_a_dataset_reports_each_split_and_the_baseline() {
    let tmp = tempdir();
    let data = tmp.path().join("set.jsonl");
    let mut lines = String::new();
    for (split, answer, score) in [
        ("train", "push and pop at the top, last in first out", 1.0),
        ("train", "it is a list", 0.0),
        ("train", "last in first out", 0.5),
        ("test", "the top element is popped first, LIFO", 1.0),
        ("test", "a queue of things", 0.0),
    ] {
        lines.push_str(
            &serde_json::json!({"dataset": "toy", "split": split, "question": "What is a stack?",
            "reference_answer": "A stack is last in, first out: push and pop work on the top.",
            "answer": answer, "score": score})
            .to_string(),
        );
        lines.push('\n');
    }
    std::fs::write(&data, lines).unwrap();
    let out = rubric(&["draft", "--evaluate", "--dataset", data.to_str().unwrap()]).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for needle in [
        "toy/train",
        "toy/test",
        "all",
        "pearson",
        "recall r",
        "drafted 1 rubrics",
    ] {
        assert!(out.stdout.contains(needle), "{needle}: {}", out.stdout);
    }
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"question\": \"q\"}\n").unwrap();
    let out = rubric(&["draft", "--evaluate", "--dataset", bad.to_str().unwrap()]).run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("line 1"), "{}", out.stderr);
}

#[test]
fn issue18_draft_evaluate_reads_several_files_and_folders_and_refuses_a_shared_id() {
    let tmp = tempdir();
    let folder = tmp.path().join("sets");
    std::fs::create_dir(&folder).unwrap();
    let record = |id: &str, question: &str, reference: &str, answer: &str, score: f64| {
        serde_json::json!({"dataset": "course", "question_id": id, "question": question,
            "reference_answer": reference, "answer": answer, "score": score})
        .to_string()
            + "\n"
    };
    let stack = "What is a stack?";
    let stack_key = "A last in, first out list: push and pop work on the top.";
    let queue = "What is a queue?";
    let queue_key = "A first in, first out list: add at the rear, remove at the front.";
    std::fs::write(
        folder.join("a.jsonl"),
        record("S1", stack, stack_key, "push and pop at the top, LIFO", 5.0)
            + &record("S1", stack, stack_key, "a list of things", 1.0),
    )
    .unwrap();
    std::fs::write(
        folder.join("b.jsonl"),
        record(
            "Q1",
            queue,
            queue_key,
            "first in first out: add at the rear",
            5.0,
        ) + &record("Q1", queue, queue_key, "a stack", 0.0),
    )
    .unwrap();
    std::fs::write(folder.join("notes.txt"), "not a data set").unwrap();
    // `rubric draft --evaluate` with `--dataset` for each path.
    let evaluate = |paths: &[&std::path::Path]| {
        let mut args = vec!["draft".to_string(), "--evaluate".to_string()];
        for p in paths {
            args.extend(["--dataset".to_string(), p.to_str().unwrap().to_string()]);
        }
        rubric(&args.iter().map(String::as_str).collect::<Vec<_>>()).run()
    };
    // A folder: every .jsonl file in it.
    let out = evaluate(&[&folder]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("drafted 2 rubrics"), "{}", out.stdout);
    // Files one by one, the same.
    let a = folder.join("a.jsonl");
    let out = evaluate(&[&a, &folder.join("b.jsonl")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("drafted 2 rubrics"), "{}", out.stdout);
    // Two files giving one id to two questions: a clear error, not a merged question.
    let clash = tmp.path().join("clash.jsonl");
    std::fs::write(&clash, record("S1", queue, queue_key, "FIFO", 5.0)).unwrap();
    let out = evaluate(&[&a, &clash]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("question id \"S1\" is also used in"),
        "{}",
        out.stderr
    );
    // An empty folder says so.
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = evaluate(&[&empty]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no .jsonl file"), "{}", out.stderr);
}

#[test]
fn batch_streams_results_and_summarises() {
    let tmp = tempdir();
    let dir = tmp.path();
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

// ---------------------------------------------------------------------------------------------
// Issue 19: what a new user trips over

/// See: issue 19 (item 7).
#[test]
fn a_query_that_could_mean_several_questions_lists_them() {
    let out = rubric(&["grade", "pod"]).stdin("x").run();
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
    for id in ["g06", "q053", "q002"] {
        assert!(out.stderr.contains(id), "{id} not listed: {}", out.stderr);
    }
    let out = rubric(&["show", "deleted-pd"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        "rubric: unknown question `deleted-pd`; did you mean `deleted-pod`?"
    );
    assert_eq!(rubric(&["show", "deleted-pod"]).run().code, 0);
}

/// See: issue 19 (item 9): `--min-score` is a score, and failing it says why.
#[test]
fn min_score_is_validated_and_a_failure_says_why() {
    let out = rubric(&["grade", "g06", "--min-score", "150"])
        .stdin(STRONG)
        .run();
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("between 0 and 100"), "{}", out.stderr);
    let out = rubric(&["grade", "g06", "--min-score", "80", "--format", "json"])
        .stdin("I would restart the pod.")
        .run();
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let score = v["score"].as_f64().unwrap() as f32;
    assert_eq!(
        out.stderr.trim(),
        format!(
            "rubric: score {} is below --min-score 80",
            rubric_grader::feedback::fmt_score(score)
        )
    );
}

/// See: issue 19 (item 9).
#[test]
fn a_rubrics_folder_without_rubrics_is_an_error() {
    let tmp = tempdir();
    let out = rubric(&["--rubrics", tmp.path().to_str().unwrap(), "list"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        format!("rubric: no rubrics found in {}", tmp.path().display())
    );
}

/// See: issue 19 (item 9).
#[test]
fn a_file_as_positional_argument_hints_at_answer() {
    let out = rubric(&["grade", "g06", "my-answer.txt"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim(),
        "rubric: unexpected argument `my-answer.txt`; to grade a file, use `--answer my-answer.txt`"
    );
}

/// See: issue 19 (item 9): every row's columns start at the same place, whatever the level.
#[test]
fn list_columns_line_up() {
    let out = rubric(&["list"]).run();
    let starts = |line: &str| -> Vec<usize> {
        // Where each of the first three columns begins (after a run of two or more spaces).
        let chars: Vec<char> = line.chars().collect();
        (1..chars.len())
            .filter(|&i| chars[i] != ' ' && chars[i - 1] == ' ' && i >= 2 && chars[i - 2] == ' ')
            .take(3)
            .collect()
    };
    let first = starts(out.stdout.lines().next().unwrap());
    assert_eq!(first.len(), 3);
    for line in out.stdout.lines() {
        assert_eq!(starts(line)[..], first[..], "{line}");
    }
    assert!(out.stdout.lines().any(|l| l.contains(" mid ")));
}

/// See: issue 19 (item 9): one rounding rule, one quote per evidence.
#[test]
fn markdown_grade_has_one_score_and_no_duplicate_quotes() {
    let out = rubric(&["grade", "g06", "--format", "markdown"])
        .stdin(STRONG)
        .run();
    let heading = out.stdout.lines().next().unwrap();
    let score = heading
        .split(": ")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap();
    assert!(
        out.stdout.contains(&format!("\n{score}/100 (")),
        "summary and heading differ: {}",
        out.stdout
    );
    for row in out.stdout.lines().filter(|l| l.starts_with("| ✓")) {
        let quotes: Vec<&str> = row.split('`').skip(1).step_by(2).collect();
        let mut unique = quotes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), quotes.len(), "{row}");
    }
}

/// See: issue 19 (item 9): warning codes read as in the JSON.
#[test]
fn test_prints_warning_codes_like_the_json() {
    let tmp = tempdir();
    let cases = tmp.path().join("cases.jsonl");
    std::fs::write(
        &cases,
        "{\"question\": \"g06\", \"answer\": \"Restart it.\", \"score\": 100}\n",
    )
    .unwrap();
    let out = rubric(&["test", "--cases", cases.to_str().unwrap()]).run();
    assert!(out.stdout.contains("required_missing"), "{}", out.stdout);
    assert!(!out.stdout.contains("requiredmissing"));
}

/// A cases folder holds sets in subfolders: the folder reads them all, a subfolder one set.
#[test]
fn test_reads_a_cases_folder_and_its_subfolders() {
    let tmp = tempdir();
    let set = tmp.path().join("set-a");
    std::fs::create_dir(&set).unwrap();
    let line = "{\"question\": \"g06\", \"answer\": \"Restart it.\", \"expected\": [0, 30]}\n";
    std::fs::write(tmp.path().join("top.jsonl"), line).unwrap();
    std::fs::write(set.join("one.jsonl"), line.repeat(2)).unwrap();
    std::fs::write(set.join("notes.txt"), "not a case").unwrap();
    let all = rubric(&[
        "test",
        "--no-examples",
        "--format",
        "json",
        "--cases",
        tmp.path().to_str().unwrap(),
    ])
    .run();
    let all: serde_json::Value = serde_json::from_str(&all.stdout).unwrap();
    assert_eq!(all["overall"]["n"], 3, "{all}");
    let one = rubric(&[
        "test",
        "--no-examples",
        "--format",
        "json",
        "--cases",
        set.to_str().unwrap(),
    ])
    .run();
    let one: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(one["overall"]["n"], 2, "{one}");
}

/// See: issue 19 (item 9): the RON message reads "`weigth` in `Concept`"; an invalid regex has
/// its line and column.
#[test]
fn lint_messages_read_well_and_locate_bad_regexes() {
    let tmp = tempdir();
    let bad_field = tmp.path().join("q999-broken.ron");
    std::fs::write(
        &bad_field,
        "(id: \"q999\", title: \"t\", category: \"c\", level: mid, question: \"q\", model_answer: \"m\",\n concepts: [(id: \"a\", label: \"a\", weigth: 2.0, matcher: Any([\"x\"]), hint: \"h\")])\n",
    )
    .unwrap();
    let bad_regex = tmp.path().join("q998-regex.ron");
    std::fs::write(
        &bad_regex,
        "(id: \"q998\", title: \"t\", category: \"c\", level: mid, question: \"q\", model_answer: \"m\",\n concepts: [(id: \"a\", label: \"a\", matcher: Any([\"x\"]), hint: \"h\"),\n   (id: \"b\", label: \"b\", matcher: Regex(\"(unclosed\"), hint: \"h\")])\n",
    )
    .unwrap();
    let out = rubric(&["lint", tmp.path().to_str().unwrap()]).run();
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("`weigth` in `Concept`"),
        "{}",
        out.stdout
    );
    let regex_line = out
        .stdout
        .lines()
        .find(|l| l.contains("invalid regex"))
        .expect("regex reported");
    assert!(
        regex_line.starts_with(&format!("{}:3:42: ", bad_regex.display())),
        "{regex_line}"
    );
}
