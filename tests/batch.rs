//! Batch grading: input order kept, bad records skipped with their line, summaries per question.

mod util;

use rubric_grader::batch::{render_summary, run, BatchOptions, InputFormat};
use rubric_grader::Bank;

fn fixture_bank() -> Bank {
    Bank::from_sources(
        vec![(
            "tests/fixtures/t01-termination.ron".into(),
            util::FIXTURE.into(),
        )],
        None,
    )
    .0
}

fn grade(
    input: &str,
    format: InputFormat,
    chunk: usize,
) -> (
    Vec<serde_json::Value>,
    rubric_grader::batch::Summary,
    Vec<String>,
) {
    let bank = fixture_bank();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let summary = run(
        &bank,
        input.as_bytes(),
        format,
        &mut out,
        &BatchOptions { chunk, full: false },
        |_| {},
        |bad| errors.push(format!("{}: {}", bad.line, bad.message)),
    )
    .unwrap();
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (lines, summary, errors)
}

#[test]
fn jsonl_with_bad_lines_keeps_order_and_reports_line_numbers() {
    let big = "preStop ".repeat(1_100_000 / 8);
    let input = format!(
        "{}\n{}\n\n{}\n{}\n{}\n{}\n",
        r#"{"id": 1, "question": "t01", "answer": "SIGTERM races kube-proxy; add a preStop sleep."}"#,
        r#"{"id": 2, "question": "t01", "answer": ""}"#,
        r#"{"id": 3, "question": "zzz", "answer": "x"}"#,
        "{broken json",
        serde_json::json!({"id": 4, "question": "t01", "answer": big}),
        r#"{"id": 5, "question": "T01", "answer": "Use readiness probes and a PDB."}"#,
    );
    for chunk in [1, 2, 4096] {
        let (lines, summary, errors) = grade(&input, InputFormat::JsonLines, chunk);
        let ids: Vec<i64> = lines.iter().map(|l| l["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, [1, 2, 5], "chunk {chunk}");
        assert_eq!(lines[1]["score"], 0.0);
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(lines[2]["line"], 7);
        assert_eq!(summary.graded, 3);
        assert_eq!(summary.skipped, 3);
        assert!(
            errors[0].starts_with("4: unknown question `zzz`"),
            "{errors:?}"
        );
        assert!(errors[1].starts_with("5: "), "{errors:?}");
        assert!(errors[2].starts_with("6: the answer is"), "{errors:?}");
    }
}

#[test]
fn csv_input_with_quoted_multiline_answers() {
    let input = "id,question,answer\n\
                 a,t01,\"SIGTERM races kube-proxy,\nso add a preStop sleep.\"\n\
                 b,t01,Restart it.\n\
                 c,t01\n";
    let (lines, summary, errors) = grade(input, InputFormat::Csv, 4096);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 4);
    assert_eq!(summary.skipped, 1, "{errors:?}");
    assert!(errors[0].starts_with("5: "), "{errors:?}");
}

#[test]
fn csv_without_the_needed_columns_is_one_clear_error() {
    let (lines, _, errors) = grade("q,a\nt01,x\n", InputFormat::Csv, 10);
    assert!(lines.is_empty());
    assert_eq!(
        errors,
        ["1: the CSV header must name `question` and `answer` columns"]
    );
}

#[test]
fn class_summary() {
    let input = [
        "SIGTERM races kube-proxy; add a preStop sleep, raise terminationGracePeriodSeconds, use readiness probes and a PDB.",
        "Add a preStop hook.",
        "Restart the deployment.",
        "Use readiness probes.",
    ]
    .iter()
    .map(|a| serde_json::json!({"question": "t01", "answer": a}).to_string())
    .collect::<Vec<_>>()
    .join("\n");
    let (_, summary, _) = grade(&input, InputFormat::JsonLines, 4096);
    let q = &summary.questions[0];
    assert_eq!(q.answers, 4);
    assert_eq!(q.histogram.iter().sum::<usize>(), 4);
    assert_eq!(
        q.missed[0].share, 1.0,
        "exit137 is missed by every answer: {:?}",
        q.missed[0]
    );
    util::snapshot_settings()
        .bind(|| insta::assert_snapshot!("summary_text", render_summary(&summary)));
}

// See: issue 13, item 13: an unterminated quote silently merged every record after it
// (6 records → "4 answers graded, 0 skipped").
#[test]
fn issue13_csv_unterminated_quote_is_reported() {
    let input = "question,answer\nt01,one\nt01,\"two, \"\"quoted\"\" fine\"\nt01,\"never closed\nt01,four\nt01,five\n";
    let (lines, summary, errors) = grade(input, InputFormat::Csv, 4096);
    assert_eq!(lines.len(), 2);
    assert_eq!(summary.skipped, 1);
    assert_eq!(
        errors,
        ["4: unterminated quoted field opened on line 4: every line after it was read into this record; close the quote"]
    );
}

// See: issue 13, item 13: CRLF line numbers were one behind.
#[test]
fn issue13_csv_crlf_line_numbers() {
    let input = "question,answer\r\nt01,\"multi\r\nline\"\r\nzzz,x\r\nt01,y\r\n";
    let (lines, _, errors) = grade(input, InputFormat::Csv, 4096);
    assert_eq!(lines[0]["line"], 2);
    assert_eq!(lines[1]["line"], 5);
    assert!(
        errors[0].starts_with("4: unknown question `zzz`"),
        "{errors:?}"
    );
    let lf = input.replace("\r\n", "\n");
    let (lines, _, errors) = grade(&lf, InputFormat::Csv, 4096);
    assert_eq!(
        (lines[0]["line"].clone(), lines[1]["line"].clone()),
        (2.into(), 5.into())
    );
    assert!(errors[0].starts_with("4: "), "{errors:?}");
}

/// A reader that fails every read, like a folder opened as a file.
struct Failing;

impl std::io::Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        Err(std::io::Error::other("Is a directory"))
    }
}

// See: issue 13, item 2: a folder as input printed "skipped: Is a directory" forever.
#[test]
fn issue13_read_errors_end_the_run() {
    for format in [InputFormat::JsonLines, InputFormat::Csv] {
        let mut skipped = 0;
        let result = run(
            &fixture_bank(),
            std::io::BufReader::new(Failing),
            format,
            std::io::sink(),
            &BatchOptions::default(),
            |_| {},
            |_| skipped += 1,
        );
        let e = result.expect_err("a read error is fatal");
        assert_eq!(e.to_string(), "<input>: Is a directory");
        assert_eq!(skipped, 0);
    }
}

// See: issue 13, item 6: each line with an unknown 1 MB question id took 8.5 s.
#[test]
fn issue13_unknown_ids_cost_little_and_are_not_echoed_whole() {
    let junk = "x".repeat(1 << 20);
    let line = serde_json::json!({"question": junk, "answer": "a"}).to_string();
    let input = format!("{line}\n").repeat(20);
    let start = std::time::Instant::now();
    let (_, summary, errors) = grade(&input, InputFormat::JsonLines, 4096);
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(summary.skipped, 20);
    assert!(errors[0].len() < 120, "{}", errors[0]);
    assert!(errors[0].ends_with("… (1048576 bytes)`"), "{}", errors[0]);
}

#[test]
fn answers_to_mixed_questions_come_out_in_input_order_with_their_own_grades() {
    // Batch grades a chunk question by question; the lines must still come out as read, each
    // graded against its own question.
    let bank = Bank::embedded().unwrap();
    let questions = ["q017", "g01", "q003", "g01", "q017", "q003", "g01"];
    let answer =
        "The container got SIGKILL, exit code 137: the OOM killer, so raise the memory limit.";
    let input: String = questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            format!(
                "{}\n",
                serde_json::json!({"id": i, "question": q, "answer": answer})
            )
        })
        .collect();
    for chunk in [1, 3, 4096] {
        let mut out = Vec::new();
        run(
            &bank,
            input.as_bytes(),
            InputFormat::JsonLines,
            &mut out,
            &BatchOptions { chunk, full: false },
            |_| {},
            |_| {},
        )
        .unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), questions.len());
        for (i, (line, q)) in lines.iter().zip(questions).enumerate() {
            assert_eq!(line["id"], i, "chunk {chunk}");
            assert_eq!(line["question"], q, "chunk {chunk}");
            let alone = rubric_grader::Grader::for_entry(&bank, bank.find(q).unwrap())
                .unwrap()
                .grade(answer)
                .unwrap()
                .score;
            let written = line["score"].as_f64().unwrap();
            assert!(
                (written - f64::from(alone)).abs() < 0.01,
                "{q}, chunk {chunk}: {written} vs {alone}"
            );
        }
    }
}
