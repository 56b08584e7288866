//! The HTML scorecard rendered in headless Chromium to a PNG whose size and ink are checked.
//!
//! Needs Debian's `chromium`; `.ci/run` installs it and runs `cargo test --test html -- --ignored`.
//! Ignored by default so `cargo test` stays offline and self-contained on any machine.

use std::path::Path;
use std::process::Command;

use rubric_grader::interview::{render, Interview, Plan};
use rubric_grader::Bank;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
#[ignore = "needs Debian chromium; run by .ci/run"]
fn html_scorecard_renders_in_chromium() {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: `apt-get install chromium` (.ci/run does)"
    );
    let bank = Bank::embedded().unwrap();
    let plan = Plan {
        ids: vec!["g06".into(), "g08".into()],
        seed: 3,
        ..Plan::default()
    };
    let mut iv = Interview::new(&bank, plan).unwrap();
    let answers = [
        "SIGTERM and endpoint removal race; kube-proxy lags, so add a preStop sleep and a longer grace period.",
        "Five seconds is the resolver timeout: conntrack drops a UDP DNS packet. NodeLocal DNSCache fixes it.",
    ];
    for a in answers {
        iv.next_question().unwrap();
        iv.submit(a, std::time::Duration::from_secs(30)).unwrap();
        if iv.pending_follow_up().is_some() {
            iv.skip().unwrap();
        }
    }
    let card = iv.finish().unwrap();
    let html = render::to_html(&card);
    assert!(!html.contains("<script"), "no JavaScript");
    // Self-contained: nothing that loads a file or URL (the SVG namespace is a name, not a load).
    for loader in ["<link", "src=", "url(", "@import"] {
        assert!(!html.contains(loader), "external asset via `{loader}`");
    }

    let dir = std::env::temp_dir().join(format!("rubric-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("card.html");
    let png = dir.join("card.png");
    std::fs::write(&page, html).unwrap();
    let status = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,1400",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .status()
        .expect("start chromium");
    assert!(status.success(), "chromium failed: {status}");

    let decoder = png::Decoder::new(std::fs::File::open(&png).expect("screenshot written"));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1000, 1400));
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let ink = pixels
        .chunks(channels)
        .filter(|p| p.iter().take(3).any(|&c| c < 200))
        .count();
    let total = (info.width * info.height) as usize;
    // Text, bars and badges: a blank or broken page has almost no dark pixels.
    assert!(
        ink * 100 > total * 2,
        "only {ink} of {total} pixels have ink"
    );
    let green = pixels
        .chunks(channels)
        .filter(|p| p[1] > 120 && p[0] < 120 && p[2] < 120)
        .count();
    assert!(
        green > 1000,
        "the bar chart's green bars are missing ({green} green pixels)"
    );
}
