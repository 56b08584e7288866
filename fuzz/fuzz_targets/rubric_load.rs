//! Rubric and glossary loading from arbitrary bytes: an error or a rubric, never a panic; a
//! rubric that loads compiles or gives an error, and grades its own model answer in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rubric_grader::{Glossary, Grader, Rubric};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Glossary::from_ron(&text, "fuzz/glossary.ron");
    let Ok(rubric) = Rubric::from_ron(&text, "fuzz/x.ron") else {
        return;
    };
    if let Ok(grader) = Grader::builder().source("fuzz/x.ron", &text).build(&rubric) {
        if let Ok(grade) = grader.grade(&rubric.model_answer) {
            assert!(grade.score.is_finite() && (0.0..=100.0).contains(&grade.score));
            let _ = grader.feedback(&grade);
        }
    }
});
