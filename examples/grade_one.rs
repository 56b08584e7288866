//! Grade one answer against a rubric of the embedded Kubernetes bank.
//!
//! `cargo run --example grade_one` grades a built-in answer; pass a file to grade your own:
//! `cargo run --example grade_one -- examples/answers/g06-strong.txt`.

use rubric_grader::feedback::render::{to_text, Style};
use rubric_grader::{Bank, Grader};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let answer = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => "The app gets SIGTERM while kube-proxy is still routing to it, so I add a preStop sleep.".to_string(),
    };
    // Load the bank once and compile the rubric once; a Grader grades many answers cheaply.
    let bank = Bank::embedded()?;
    let entry = bank.find("g06")?;
    let grader = Grader::for_entry(&bank, entry)?;
    let grade = grader.grade(&answer)?;

    let feedback = grader.feedback(&grade);

    println!("{}", to_text(&grade, &feedback, Style::PLAIN));
    println!("score {} band {}", grade.score, grade.band);
    for c in grade.covered() {
        let quotes: Vec<&str> = c.evidence.iter().map(|e| e.text.as_str()).collect();
        println!("  covered {:<20} {:?}", c.id, quotes);
    }
    Ok(())
}
