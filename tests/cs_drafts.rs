//! Drafts from short computing-course references (issue 18): orders of growth, identifiers'
//! short forms and programming synonyms. The questions, references, answers and grades (0–5)
//! below were written for this test by the project — a hand check that drafts grade course
//! answers sensibly, not a set anything was tuned on.
//!
//! See: issue 18.

use rubric_grader::authoring::draft::{draft_from_references, Background, DraftOptions};
use rubric_grader::authoring::stats::pearson;
use rubric_grader::{Glossary, Grader};

/// A question, its one-sentence reference, and answers with the grade a teacher would give.
struct Case {
    question: &'static str,
    reference: &'static str,
    answers: &'static [(&'static str, f64)],
}

const CASES: &[Case] = &[
    Case {
        question: "What is a stack?",
        reference: "A stack is a data structure where the last element added is the first one removed (last in, first out).",
        answers: &[
            ("A LIFO data structure: you push items on top and pop them off the top.", 5.0),
            ("It's a list where items are inserted and removed at the same end, so the most recently inserted item comes out first.", 5.0),
            ("A data structure.", 1.5),
            ("A stack stores data in first in first out order.", 1.0),
            ("A stack is a way of storing data in memory.", 1.0),
        ],
    },
    Case {
        question: "What is the role of a prototype program in problem solving?",
        reference: "To simulate the behaviour of parts of the final software so the design can be tested before the full program is written.",
        answers: &[
            ("A prototype lets you try out a small version of the program to see if the design works before building the whole thing.", 5.0),
            ("It mimics how part of the final product will behave.", 4.5),
            ("It is the first version of the program.", 2.0),
            ("It is used to solve the problem.", 0.5),
        ],
    },
    Case {
        question: "How are linked lists passed to functions?",
        reference: "By passing a pointer to the head node of the list.",
        answers: &[
            ("You pass the address of the first node.", 5.0),
            ("You pass the head pointer.", 5.0),
            ("by passing the headPtr to the function", 5.0),
            ("By value, the whole list is copied into the function.", 0.5),
            ("As a parameter.", 1.0),
        ],
    },
    Case {
        question: "What is the running time of merge sort?",
        reference: "O(n log n) in the best, average and worst case.",
        answers: &[
            ("n log n", 5.0),
            ("O(nlogn) always", 5.0),
            ("O(n*log(n))", 5.0),
            ("O(n^2) in the worst case", 1.0),
            ("It is logarithmic.", 1.0),
        ],
    },
    Case {
        question: "What is recursion?",
        reference: "A function that calls itself to solve a smaller instance of the same problem, until it reaches a base case.",
        answers: &[
            ("A recursive method invokes itself on a smaller input and stops at a base case.", 5.0),
            ("When a function calls itself.", 4.0),
            ("A loop that repeats until a condition is false.", 1.0),
            ("Calling another function from main.", 0.5),
        ],
    },
    Case {
        question: "What is the purpose of a constructor?",
        reference: "To initialize the data members of an object when it is created.",
        answers: &[
            ("It sets up the initial values of a new object's member variables.", 5.0),
            ("A constructor is called when you create an instance of a class and initializes it", 5.0),
            ("A function with the same name as the class.", 2.5),
        ],
    },
    Case {
        question: "What is a pointer?",
        reference: "A variable that holds the memory address of another variable.",
        answers: &[
            ("A variable storing an address in memory.", 5.0),
            ("A pointer is a reference to another variable's address", 4.5),
            ("The value of a variable.", 0.5),
            ("int *p", 1.0),
        ],
    },
];

fn background() -> Background {
    Background::from_documents(CASES.iter().flat_map(|c| [c.question, c.reference]))
}

fn grader(case: &Case, background: &Background) -> Grader {
    draft_grader(case.question, case.reference, background)
}

/// A grader for the rubric drafted from `question` and `reference`.
fn draft_grader(question: &str, reference: &str, background: &Background) -> Grader {
    let glossary = Glossary::default();
    let rubric = draft_from_references(
        question,
        &[reference],
        background,
        &glossary,
        &DraftOptions::default(),
    );
    Grader::builder()
        .glossary(&glossary)
        .build(&rubric)
        .expect("a draft compiles")
}

fn case(question: &str) -> &'static Case {
    CASES
        .iter()
        .find(|c| c.question == question)
        .expect("a case of that question")
}

fn score(grader: &Grader, answer: &str) -> f32 {
    grader.grade(answer).expect("an answer grades").score
}

#[test]
fn issue18_any_notation_of_the_reference_s_order_of_growth_states_it_and_another_contradicts_it() {
    let g = grader(
        case("What is the running time of merge sort?"),
        &background(),
    );
    let right = ["n log n", "O(nlogn) always", "O(n*log(n))", "Θ(n lg n)"];
    let wrong = score(&g, "O(n^2) in the worst case");
    for answer in right {
        let graded = g.grade(answer).expect("an answer grades");
        let coverage = graded.coverage.expect("drafts have coverage");
        assert!(
            coverage.covered.contains(&"O(nlogn)".to_string()),
            "{answer}: {coverage:?}"
        );
        assert!(
            graded.score > wrong,
            "{answer}: {} vs {wrong}",
            graded.score
        );
    }
    let quadratic = g
        .grade("O(n^2) in the worst case")
        .expect("an answer grades");
    let coverage = quadratic.coverage.expect("drafts have coverage");
    assert!(
        coverage.contradicted.contains(&"O(nlogn)".to_string()),
        "{coverage:?}"
    );
    assert_eq!(score(&g, "It is logarithmic."), 0.0);
}

#[test]
fn issue18_a_word_and_its_antonym_in_one_sentence_are_a_contrast_not_a_swap() {
    let g = grader(
        &Case {
            question: "What is a queue?",
            reference: "A list where elements are added at the back and removed from the front.",
            answers: &[],
        },
        &background(),
    );
    let both = g
        .grade("You enqueue at the rear and dequeue at the front.")
        .expect("an answer grades");
    assert!(both.misconceptions.is_empty(), "{both:?}");
}

#[test]
fn issue18_a_queue_s_order_is_no_stack_s() {
    let g = grader(case("What is a stack?"), &background());
    let fifo = "A stack stores data in first in first out order.";
    let graded = g.grade(fifo).expect("an answer grades");
    let coverage = graded.coverage.expect("drafts have coverage");
    assert!(
        coverage.contradicted.contains(&"last".to_string()),
        "{coverage:?}"
    );
    assert!(graded.score < score(&g, "A stack stores data in last in first out order."));
    assert!(graded.score < score(&g, "A data structure."));
}

#[test]
fn issue18_identifier_short_forms_and_programming_synonyms_state_reference_words() {
    let background = background();
    let lists = grader(
        case("How are linked lists passed to functions?"),
        &background,
    );
    let graded = lists
        .grade("by passing the headPtr to the function")
        .expect("an answer grades");
    let coverage = graded.coverage.expect("drafts have coverage");
    assert!(
        coverage.covered.contains(&"pointer".to_string()),
        "{coverage:?}"
    );
    assert!(score(&lists, "You pass the address of the first node.") > 60.0);

    let recursion = grader(case("What is recursion?"), &background);
    let graded = recursion
        .grade("A recursive method invokes itself on a smaller input and stops at a base case.")
        .expect("an answer grades");
    let coverage = graded.coverage.expect("drafts have coverage");
    for word in ["function", "calls"] {
        assert!(coverage.covered.contains(&word.to_string()), "{coverage:?}");
    }
}

#[test]
fn issue18_drafts_grade_course_answers_roughly_as_a_teacher_would() {
    let background = background();
    let (mut ours, mut teacher) = (Vec::new(), Vec::new());
    for case in CASES {
        let g = grader(case, &background);
        for &(answer, grade) in case.answers {
            ours.push(score(&g, answer) as f64);
            teacher.push(grade);
        }
    }
    let r = pearson(&ours, &teacher).expect("scores vary");
    // 0.82 when written; the SemEval-2013 splits are 0.53-0.67.
    assert!(r >= 0.65, "Pearson r {r:.3}");
}

/// The project's own course set (`tests/draft-dev/cs-course.jsonl`, 1,084 answers to 36
/// questions, 0–5 grades): drafts beat the plain recall baseline overall and in every topic
/// group, and none fails to put its reference in its top band. 0.575 overall when this test was
/// written (recall 0.464); the floor leaves room for rule changes elsewhere, not for a
/// regression of drafting.
#[test]
fn issue18_drafts_beat_word_recall_on_our_course_set() {
    use rubric_grader::authoring::dataset::{evaluate_dataset, read_dataset};
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/draft-dev/cs-course.jsonl"
    ))
    .expect("the course set is in the repository");
    let records = read_dataset(&text).expect("the course set parses");
    assert_eq!(records.len(), 1084);
    let e = evaluate_dataset(&records, &Glossary::default(), &mut |_, _| {});
    assert!(e.failed_drafts.is_empty(), "{:?}", e.failed_drafts);
    assert_eq!(e.scores.len(), records.len());
    for s in &e.splits {
        assert!(
            s.pearson > s.baseline_pearson,
            "{}: drafts {:.3} against recall {:.3}",
            s.split,
            s.pearson,
            s.baseline_pearson
        );
    }
    let all = e
        .splits
        .iter()
        .find(|s| s.split == "all")
        .expect("an overall figure");
    assert!(all.pearson >= 0.55, "Pearson r {:.3}", all.pearson);
}

#[test]
fn issue18_an_answer_that_swaps_what_the_key_says_of_each_thing_is_wrong() {
    let question =
        "What is the difference between breadth-first search and depth-first search of a graph?";
    let reference = "BFS visits the vertices level by level using a queue; DFS goes as deep as possible before backtracking, using a stack.";
    let grader = draft_grader(
        question,
        reference,
        &Background::from_documents([question, reference]),
    );
    let right = grader
        .grade("BFS goes level by level with a queue, DFS goes deep first with a stack.")
        .expect("an answer grades");
    let swapped = grader
        .grade("BFS goes level by level with a stack, DFS goes deep first with a queue.")
        .expect("an answer grades");
    assert!(right.score >= 60.0, "{right:?}");
    // Capped below good, and well below the right answer.
    assert!(
        swapped.score < 60.0 && swapped.score <= right.score - 20.0,
        "{} vs {}",
        swapped.score,
        right.score
    );
    let coverage = swapped.coverage.expect("drafts have coverage");
    assert_eq!(coverage.swapped, ["queue", "stack"], "{coverage:?}");
    assert!(swapped
        .warnings
        .iter()
        .any(|w| w.code == rubric_grader::WarningCode::Swapped));
}
