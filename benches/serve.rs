//! Load on `rubric serve` (issue 22): concurrent keep-alive clients send `POST /v1/grade` with the
//! bank's example answers to a server on a loopback port, in this process. Reports requests/s,
//! p50/p99 latency and the resident memory as the requests go by. Bounded in count and time:
//!
//! ```sh
//! cargo bench --bench serve                                   # 200,000 requests, 4 clients
//! RUBRIC_BENCH_REQUESTS=1000000 cargo bench --bench serve     # the memory check over 1 million
//! ```
//!
//! Run as a test (`cargo test --benches`), it sends 200 requests and checks they succeed.

#[path = "../tests/util/http.rs"]
mod http;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rubric_grader::serve::{Config, Server};
use rubric_grader::Bank;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Never longer than this, whatever the count.
const MAX_TIME: Duration = Duration::from_secs(300);

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// `(question, request body)` for every example answer `examples/answers/<id>-<kind>.txt`.
fn bodies() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/answers");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("examples/answers") {
        let path = entry.expect("entry").path();
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let Some((id, _)) = name.split_once('-') else {
            continue;
        };
        let answer = std::fs::read_to_string(&path).expect("answer");
        out.push(
            serde_json::json!({"question": id, "answer": answer})
                .to_string()
                .into_bytes(),
        );
    }
    out.sort();
    out
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let total: usize = if bench {
        std::env::var("RUBRIC_BENCH_REQUESTS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(200_000)
    } else {
        200
    };
    let clients: usize = std::env::var("RUBRIC_BENCH_CLIENTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = runtime
        .block_on(Server::bind(
            Bank::embedded().expect("bank"),
            Config {
                addr: "127.0.0.1:0".parse().expect("addr"),
                access_log: false,
                ..Config::default()
            },
        ))
        .expect("server");
    let addr = server.local_addr().expect("addr");
    let serving = runtime.spawn(server.run(async {
        let _ = stop_rx.await;
    }));

    let bodies = Arc::new(bodies());
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let rss_start = rss_mib();
    let mut rss_marks = Vec::new();
    let handles: Vec<_> = (0..clients)
        .map(|c| {
            let (bodies, next) = (Arc::clone(&bodies), Arc::clone(&next));
            std::thread::spawn(move || {
                let mut conn = http::Conn::open(addr).expect("connect");
                let mut latencies = Vec::with_capacity(total / clients + 1);
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total || started.elapsed() > MAX_TIME {
                        break;
                    }
                    let body = &bodies[(i + c) % bodies.len()];
                    let t = Instant::now();
                    let r = conn
                        .send(
                            "POST",
                            "/v1/grade",
                            &[("Content-Type", "application/json")],
                            body,
                        )
                        .expect("request");
                    latencies.push(t.elapsed());
                    assert_eq!(r.status, 200, "{}", r.text());
                }
                latencies
            })
        })
        .collect();
    // Memory as the requests go by: a sample at each tenth of the run.
    let mut mark = 1;
    while !handles.iter().all(|h| h.is_finished()) {
        std::thread::sleep(Duration::from_millis(20));
        let done = next.load(Ordering::Relaxed).min(total);
        if done * 10 >= mark * total {
            rss_marks.push((done, rss_mib()));
            mark += 1;
        }
    }
    let mut latencies: Vec<Duration> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("client"))
        .collect();
    let elapsed = started.elapsed();
    let _ = stop_tx.send(());
    let _ = runtime.block_on(serving);

    latencies.sort();
    let pct = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    println!(
        "serve: {} POST /v1/grade from {clients} keep-alive clients on loopback in {:.1} s: {:.0} requests/s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        latencies.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    let marks: Vec<String> = rss_marks
        .iter()
        .map(|(n, m)| format!("{n}: {m:.1}"))
        .collect();
    println!(
        "serve: resident memory (MiB) at start {rss_start:.1}; after requests {}",
        marks.join(", ")
    );
    assert_eq!(latencies.len(), total, "every request answered in time");
}
