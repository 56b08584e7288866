//! Properties: grading never panics and scores stay in 0..=100, whatever the input.

mod util;

use proptest::prelude::*;
use rubric_grader::{Analyzer, Bank};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn grading_arbitrary_unicode_never_panics(answer in "\\PC{0,400}") {
        let g = util::fixture_grader();
        let grade = g.grade(&answer).unwrap();
        prop_assert!((0.0..=100.0).contains(&grade.score));
        for c in &grade.concepts {
            for e in &c.evidence {
                prop_assert_eq!(&answer[e.start..e.end], e.text.as_str());
            }
        }
    }

    #[test]
    fn technical_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("preStop".to_string()), Just("--grace-period=0".to_string()), Just("172.16.0.0/12".to_string()),
            Just("not".to_string()), Just("n't".to_string()), Just("\r\n".to_string()), Just("😀".to_string()),
            Just("e.g.".to_string()), Just("'".to_string()), Just("-".to_string()), Just("1.2.3.".to_string()),
            "[a-zA-Z_:=./-]{0,12}", "\\PC{0,6}",
        ], 0..60)) {
        let answer = parts.join(" ");
        let a = Analyzer::new().analyze(&answer);
        for t in a.tokens() {
            prop_assert!(answer.get(t.span.start..t.span.end).is_some());
        }
        let g = util::fixture_grader();
        let grade = g.grade(&answer).unwrap();
        prop_assert!((0.0..=100.0).contains(&grade.score));
    }
}

#[test]
fn every_bank_rubric_survives_odd_input() {
    let bank = Bank::embedded().unwrap();
    let inputs = [
        "",
        " ",
        "\u{0}",
        "日本語",
        "😀😀😀",
        "not not not no never",
        &"a".repeat(10_000),
        "137 138 4789 ::: --- ...",
    ];
    for e in bank.entries() {
        let g = rubric_grader::Grader::for_entry(&bank, e).unwrap();
        for i in inputs {
            let grade = g.grade(i).unwrap();
            assert!(
                (0.0..=100.0).contains(&grade.score),
                "{} on {i:?}",
                e.rubric.id
            );
        }
    }
}
