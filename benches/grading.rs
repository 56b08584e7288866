//! `cargo bench --bench grading`: grading cost against the cost of bare Unicode word segmentation
//! of the same ~250-word answer, on the 10-concept test rubric; and loading + compiling the bank;
//! and `rubric draft`: drafting a rubric from the fixture's model answer (with the bank as
//! background), and grading the same answer with the draft (its coverage block included);
//! and over the bank, every rubric's hand-written grader against its draft's.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rubric_grader::{Analyzer, Bank, Grader, Rubric};
use unicode_segmentation::UnicodeSegmentation;

// The same allocator as the `rubric` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUBRIC: &str = include_str!("../tests/fixtures/termination.ron");

/// About 250 words, the length of a thorough interview answer.
const ANSWER: &str = "When you delete a pod, Kubernetes does not stop traffic first and then stop the process. \
The API server marks the pod as terminating and two things then happen at the same time. On the node, the kubelet \
runs the preStop hook, if there is one, and then sends SIGTERM to the main process of each container. In the control \
plane, the EndpointSlice controller removes the pod's IP from the Service. Every kube-proxy has to notice that change \
and rewrite its iptables or IPVS rules, and ingress controllers and cloud load balancers have their own delay on top. \
Until they converge, new connections can still be routed to a process that is already shutting down, which is the \
race behind the 502 errors people see during rollouts.\n\n\
My fix has several parts:\n\
- a preStop hook that sleeps for ten or fifteen seconds, so the application keeps serving while the endpoint removal \
propagates;\n\
- terminationGracePeriodSeconds set above the sleep plus the time needed to drain, otherwise the kubelet escalates to \
SIGKILL and the container exits with code 137;\n\
- an application that traps SIGTERM, stops accepting new connections and finishes in-flight requests;\n\
- readiness probes so that new pods only receive traffic once they are ready, and a rolling update with maxUnavailable \
set to zero and a small maxSurge;\n\
- a PodDisruptionBudget so node drains cannot take out too many replicas at once.\n\n\
Finally I would verify it with kubectl rollout status while watching the error rate on the dashboard, and I would \
not run any of these containers privileged, since nothing here needs it.";

fn bench(c: &mut Criterion) {
    let rubric =
        Rubric::from_ron(RUBRIC, "tests/fixtures/termination.ron").expect("fixture parses");
    let grader = Grader::new(&rubric).expect("fixture compiles");
    let analyzer = Analyzer::new();
    let words = ANSWER.unicode_words().count();
    assert!((230..=290).contains(&words), "answer has {words} words");

    let mut g = c.benchmark_group("answer_250_words");
    g.bench_function("a_unicode_word_segmentation", |b| {
        b.iter(|| black_box(ANSWER).split_word_bounds().count())
    });
    g.bench_function("b_full_analysis", |b| {
        b.iter(|| analyzer.analyze(black_box(ANSWER)).tokens().len())
    });
    g.bench_function("c_full_grade", |b| {
        b.iter(|| grader.grade(black_box(ANSWER)).map(|g| g.score))
    });
    g.bench_function("d_grade_and_feedback", |b| {
        b.iter(|| {
            grader
                .grade(black_box(ANSWER))
                .map(|g| grader.feedback(&g).missing.len())
        })
    });
    g.finish();

    let bank = Bank::embedded().expect("bank loads");
    let background = rubric_grader::authoring::draft::Background::of_bank(&bank);
    let draft_it = || {
        rubric_grader::authoring::draft::draft(
            &rubric.question,
            &rubric.model_answer,
            &background,
            bank.glossary(),
            &rubric_grader::authoring::draft::DraftOptions::default(),
        )
    };
    let drafted = draft_it();
    let drafted_grader = Grader::builder()
        .glossary(bank.glossary())
        .build(&drafted)
        .expect("draft compiles");
    let mut g = c.benchmark_group("draft");
    g.sample_size(20);
    g.bench_function("a_draft_from_model_answer", |b| {
        b.iter(|| black_box(draft_it()).concepts.len())
    });
    g.bench_function("b_grade_250_words_hand_written", |b| {
        b.iter(|| grader.grade(black_box(ANSWER)).map(|g| g.score))
    });
    g.bench_function("c_grade_250_words_drafted", |b| {
        b.iter(|| drafted_grader.grade(black_box(ANSWER)).map(|g| g.score))
    });
    g.finish();

    // The same comparison over the bank: each rubric's hand-written grader against the one
    // drafted from its model answer alone, both grading the rubric's first five marked examples
    // of 60 words or more (590 answers a pass).
    let pairs: Vec<(Grader, Grader, Vec<String>)> = bank
        .rubrics()
        .map(|r| {
            let hand = Grader::builder()
                .glossary(bank.glossary())
                .build(r)
                .expect("bank rubric compiles");
            let draft = rubric_grader::authoring::draft::draft(
                &r.question,
                &r.model_answer,
                &background,
                bank.glossary(),
                &rubric_grader::authoring::draft::DraftOptions::default(),
            );
            let drafted = Grader::builder()
                .glossary(bank.glossary())
                .build(&draft)
                .expect("draft compiles");
            let answers = r
                .examples
                .iter()
                .filter(|x| x.answer.split_whitespace().count() >= 60)
                .take(5)
                .map(|x| x.answer.clone())
                .collect();
            (hand, drafted, answers)
        })
        .collect();
    // Every answer graded by the grader `pick` chooses of its pair; the scores' sum.
    let grade_all = |pick: fn(&(Grader, Grader, Vec<String>)) -> &Grader| {
        pairs
            .iter()
            .flat_map(|p| p.2.iter().map(move |a| (pick(p), a)))
            .map(|(g, a)| g.grade(black_box(a)).map_or(0.0, |g| g.score))
            .sum::<f32>()
    };
    let mut g = c.benchmark_group("draft_bank");
    g.sample_size(10);
    // The baseline for the bank: bare Unicode word segmentation of the same 590 answers. Bank
    // rubrics are far larger than the 10-concept fixture (hundreds of phrases, dozens of
    // misconceptions each), so their ratio to segmentation is several times the fixture's.
    g.bench_function("0_word_segmentation_of_the_same_answers", |b| {
        b.iter(|| {
            pairs
                .iter()
                .flat_map(|p| p.2.iter())
                .map(|a| black_box(a.as_str()).split_word_bounds().count())
                .sum::<usize>()
        })
    });
    g.bench_function("a_hand_written_bank_examples", |b| {
        b.iter(|| grade_all(|p| &p.0))
    });
    g.bench_function("b_drafted_bank_examples", |b| {
        b.iter(|| grade_all(|p| &p.1))
    });
    g.finish();

    // The worst case found for time: 1 MiB of negation cues around a concept's words.
    let worst = "not preStop ".repeat((1 << 20) / 12);
    let mut g = c.benchmark_group("worst_case_1_mib");
    g.sample_size(10);
    g.bench_function("negation_dense", |b| {
        b.iter(|| grader.grade(black_box(&worst)).map(|g| g.score))
    });
    g.finish();

    let mut g = c.benchmark_group("bank");
    g.sample_size(20);
    g.bench_function("load_and_compile_all", |b| {
        b.iter(|| {
            let bank = Bank::embedded().expect("bank loads");
            rubric_grader::Grader::for_bank(&bank)
                .iter()
                .map(|g| g.as_ref().map(|g| g.rubric().concepts.len()).unwrap_or(0))
                .sum::<usize>()
        })
    });
    g.bench_function("load_and_compile_one", |b| {
        b.iter(|| {
            let bank = Bank::embedded().expect("bank loads");
            let entry = bank.find("g06").expect("g06");
            rubric_grader::Grader::for_entry(&bank, entry).map(|g| g.rubric().concepts.len())
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
