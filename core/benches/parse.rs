//! Benchmark: reading and validating a 10,000-indicator × 12-period file, and rating it.
//! Run with `cargo bench -p gt-core --bench parse`. Figures go in docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion};
use gt_core::{parse_dataset, Period};
use std::fmt::Write;
use std::time::Duration;

/// A large valid file (deterministic), ~10 MB for 10,000 × 12.
fn big_file(indicators: usize, periods: usize) -> String {
    let councils = ["havering", "newham", "bexley"];
    let mut s = String::from(
        r#"{"format":"golden-thread/1","title":"Bench","organisation":"Bench","as_of":"2020-03-31",
"councils":[{"id":"havering","name":"Havering"},{"id":"newham","name":"Newham"},{"id":"bexley","name":"Bexley"}],
"services":["#,
    );
    for k in 0..20 {
        if k > 0 {
            s.push(',');
        }
        write!(
            s,
            r#"{{"id":"s{k}","name":"Service {k}","councils":["havering","newham","bexley"]}}"#
        )
        .unwrap();
    }
    s.push_str(r#"],"indicators":["#);
    let first = Period::Quarter { fy: 2017, q: 1 };
    let mut seed: u64 = 0x9E3779B97F4A7C15;
    let mut rnd = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % 10_000) as f64 / 100.0
    };
    for i in 0..indicators {
        if i > 0 {
            s.push(',');
        }
        write!(
            s,
            r#"{{"id":"I{i}","name":"% of cases handled on time {i}","service":"s{}","council":"{}","frequency":"quarterly","polarity":"{}","unit":"%","decimals":1,"values":["#,
            i % 20,
            councils[i % 3],
            if i % 4 == 0 { "lower" } else { "higher" }
        )
        .unwrap();
        let mut p = first;
        for j in 0..periods {
            if j > 0 {
                s.push(',');
            }
            write!(
                s,
                r#"{{"period":"{p}","target":{:.1},"actual":{:.1},"commentary":"Figures checked by the service lead."}}"#,
                80.0 + rnd() / 10.0,
                70.0 + rnd() / 4.0
            )
            .unwrap();
            p = p.next();
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s
}

fn bench(c: &mut Criterion) {
    let text = big_file(10_000, 12);
    eprintln!("file size: {:.1} MB", text.len() as f64 / 1e6);
    let ds = parse_dataset(&text).expect("valid");
    let period = Period::Quarter { fy: 2019, q: 4 };
    let mut g = c.benchmark_group("10k indicators x 12 periods");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("parse and validate", |b| {
        b.iter(|| parse_dataset(&text).unwrap())
    });
    g.bench_function("rate every indicator for a period", |b| {
        b.iter(|| gt_core::engine::Engine::new(&ds, period).counts(&ds.indicators))
    });
    g.bench_function("write JSON", |b| b.iter(|| ds.to_json()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
