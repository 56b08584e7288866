//! Transcript loading from arbitrary bytes, then the scorecard in every format: a transcript
//! that loads and fits the bank renders, never panics, and scores within 0..=100.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rubric_grader::feedback::render::Style;
use rubric_grader::interview::render::{render, Format};
use rubric_grader::interview::{Interview, Scorecard, Transcript};
use rubric_grader::Bank;

fn bank() -> &'static Bank {
    static B: OnceLock<Bank> = OnceLock::new();
    B.get_or_init(|| Bank::embedded().expect("embedded bank loads"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(t) = Transcript::from_json(text, "fuzz.json") else {
        return;
    };
    if t.check_bank(bank()).is_err() {
        return;
    }
    let card = Scorecard::from_transcript(bank(), &t);
    for format in [Format::Text, Format::Markdown, Format::Json, Format::Html] {
        let _ = render(&card, format, Style::COLOR);
    }
    let _ = Interview::resume(bank(), t);
});
