//! Load your own rubric, for a subject that has nothing to do with Kubernetes, and grade with it.
//!
//! `cargo run --example custom_rubric`

use rubric_grader::{Glossary, Grader, Rubric};

const RUBRIC: &str = r#"(
    id: "cs101",
    title: "Why is binary search O(log n)?",
    category: "algorithms",
    level: junior,
    question: "Explain why binary search runs in O(log n) time and what it requires of its input.",
    model_answer: "Binary search needs a sorted array. Each comparison with the middle element halves the remaining range, so after k steps n/2^k elements remain; it stops when one is left, after about log2 n comparisons, hence O(log n).",
    concepts: [
        (id: "sorted", label: "input must be sorted", weight: 2.0, required: true,
         matcher: Any(["sorted", "in order", "ordered array"]),
         hint: "Binary search only works on sorted input."),
        (id: "halving", label: "each step halves the range", weight: 2.0,
         matcher: Any(["@halve", "divide the range in two", "split in half"]),
         hint: "Each comparison discards half of the remaining elements."),
        (id: "log", label: "log2 n steps", weight: 1.0,
         matcher: Any(["log n", "log2 n", "logarithmic", "/2\\^k/"]),
         hint: "Halving n until one element remains takes log2 n steps."),
    ],
    misconceptions: [
        (id: "linear", label: "claims it is linear", matcher: Any(["O(n) time", "linear time"]), penalty: 20.0,
         correction: "A linear scan is O(n); binary search is O(log n) because it halves the range."),
    ],
)"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A glossary of your own replaces the Kubernetes one.
    let glossary = Glossary::from_ron(
        r#"(entries: { "halve": ["halves", "half", "cuts in half", "halving"] })"#,
        "<glossary>",
    )?;
    let rubric = Rubric::from_ron(RUBRIC, "<cs101>")?;
    let grader = Grader::builder().glossary(&glossary).build(&rubric)?;

    for answer in [
        "The array has to be sorted. Every comparison with the middle cuts the search space in half, so it takes about log2 n steps.",
        "It looks at every element once, so it runs in linear time.",
    ] {
        let grade = grader.grade(answer)?;
        println!("{:>5.1} {:<8} {}", grade.score, grade.band.to_string(), answer);
        for m in &grader.feedback(&grade).missing {
            println!("        missing {}: {}", m.label, m.text);
        }
    }
    Ok(())
}
