//! Batch input parsing (JSON Lines and CSV) from arbitrary bytes: records graded or skipped with
//! a line number, never a panic, output lines valid JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rubric_grader::batch::{run, BatchOptions, InputFormat};
use rubric_grader::Bank;

fn bank() -> &'static Bank {
    static B: OnceLock<Bank> = OnceLock::new();
    B.get_or_init(|| Bank::embedded().expect("embedded bank loads"))
}

fuzz_target!(|data: &[u8]| {
    for format in [InputFormat::JsonLines, InputFormat::Csv] {
        let mut out = Vec::new();
        let mut lines = Vec::new();
        let result = run(
            bank(),
            data,
            format,
            &mut out,
            &BatchOptions { chunk: 7, full: true },
            |_| {},
            |bad| lines.push(bad.line),
        );
        let summary = result.expect("reading from memory cannot fail");
        assert_eq!(summary.skipped, lines.len());
        for line in String::from_utf8(out).expect("output is UTF-8").lines() {
            assert!(serde_json::from_str::<serde_json::Value>(line).is_ok());
        }
    }
});
