//! Grade, explain and every grade renderer, against every rubric of the bank: never a panic,
//! always a score in 0..=100, no control character left after neutralising.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rubric_grader::feedback::render::{
    explanation_to_text, neutralize_controls, to_json, to_markdown, to_text, Style,
};
use rubric_grader::{Bank, Grader};

fn graders() -> &'static [Grader] {
    static G: OnceLock<Vec<Grader>> = OnceLock::new();
    G.get_or_init(|| {
        let bank = Bank::embedded().expect("embedded bank loads");
        Grader::for_bank(&bank)
            .into_iter()
            .map(|g| g.expect("bank rubric compiles"))
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let graders = graders();
    let grader = &graders[pick as usize % graders.len()];
    let answer = String::from_utf8_lossy(rest);
    let Ok(grade) = grader.grade(&answer) else {
        return;
    };
    assert!(grade.score.is_finite() && (0.0..=100.0).contains(&grade.score));
    let feedback = grader.feedback(&grade);
    for style in [Style::PLAIN, Style::COLOR] {
        let text = to_text(&grade, &feedback, style);
        let safe = neutralize_controls(&text);
        if !style.color {
            assert!(!safe.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
        }
    }
    let _ = to_markdown(&grade, &feedback);
    let json = to_json(&grade, &feedback);
    assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    if let Ok(e) = grader.explain(&answer) {
        assert_eq!(e.score, grade.score);
        let _ = explanation_to_text(&e, Style::COLOR);
    }
});
