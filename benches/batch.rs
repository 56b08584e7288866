//! `cargo bench --bench batch`: answers per second for 100,000 generated answers, on one core and
//! on all cores. A benchmark (prints figures), not a timed test.

use std::time::Instant;

// The same allocator as the `rubric` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rubric_grader::batch::{run, BatchOptions, InputFormat};
use rubric_grader::Bank;

/// Builds `n` JSON lines of varied answers across the bank's questions (deterministic).
fn generate(bank: &Bank, n: usize) -> Vec<u8> {
    let ids: Vec<&str> = bank.rubrics().map(|r| r.id.as_str()).collect();
    let sources: Vec<String> = bank
        .rubrics()
        .flat_map(|r| {
            r.examples
                .iter()
                .map(|e| e.answer.clone())
                .chain([r.model_answer.clone()])
        })
        .collect();
    let mut out = Vec::new();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..n {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let q = ids[(x % ids.len() as u64) as usize];
        let a = &sources[((x >> 16) % sources.len() as u64) as usize];
        let line = serde_json::json!({"id": i, "question": q, "answer": a});
        out.extend_from_slice(line.to_string().as_bytes());
        out.push(b'\n');
    }
    out
}

/// CPU seconds used by this process so far (user + system), from `/proc/self/stat` on Linux.
/// On a machine shared with other work, answers per CPU-second is the honest per-core figure.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let bank = Bank::embedded().expect("bank loads");
    let n = 100_000;
    let input = generate(&bank, n);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let mut one_core = 0.0;
    for threads in [1, cores] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let start = Instant::now();
        let cpu_start = cpu_seconds();
        let summary = pool.install(|| {
            run(
                &bank,
                &input[..],
                InputFormat::JsonLines,
                std::io::sink(),
                &BatchOptions::default(),
                |_| {},
                |_| {},
            )
            .expect("batch runs")
        });
        let secs = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds().zip(cpu_start).map(|(e, s)| e - s);
        assert_eq!(summary.graded, n);
        let rate = n as f64 / secs;
        if threads == 1 {
            one_core = rate;
        }
        println!(
            "batch/{threads} thread{}: {n} answers in {secs:.2} s = {rate:.0} answers/s ({:.0} per core, scaling {:.2}×){}",
            if threads == 1 { "" } else { "s" },
            rate / threads as f64,
            rate / one_core,
            cpu.map(|c| format!("; {:.0} answers per CPU-second", n as f64 / c)).unwrap_or_default()
        );
    }
}
