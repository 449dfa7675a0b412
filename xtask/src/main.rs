//! Task runner: `cargo xtask <task>`. Needs nothing but cargo; installs the rest.
//!
//! - `cargo xtask serve`: install what is missing, build, serve on http://127.0.0.1:8080.
//! - `cargo xtask test`: install what is missing, run every test (host, wasm in Chromium, e2e).
//! - `cargo xtask build`: install what is missing and build `dist/` (release).
//! - `cargo xtask bench [N…] [--ui-only]`: benchmarks (core, and the indicator list against a
//!   plain JavaScript page at 1,000, 10,000 and 50,000 indicators × 12, or N).
//! - `cargo xtask bundle DATA.json -o pack.html`: one self-contained HTML file (app + data).
//! - `cargo xtask setup [--browser]`: only install the tools.
//! - `cargo xtask gen-data onesource|synthetic N PERIODS [-o FILE]`: write a dataset.
mod onesource;
mod synthetic;
mod tools;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = if args.is_empty() { &[][..] } else { &args[1..] };
    let result = match args.first().map(String::as_str) {
        Some("gen-data") => return gen_data(rest),
        Some("setup") => tools::ensure(rest.iter().any(|a| a == "--browser")).map(|_| ()),
        Some("build") => tools::ensure(false).and_then(|t| build(&t)),
        Some("serve") => tools::ensure(false).and_then(|t| serve(&t)),
        Some("test") => return test(),
        Some("bundle") => tools::ensure(false).and_then(|t| bundle(&t, rest)),
        Some("bench") => tools::ensure(true).and_then(|t| bench(&t, rest)),
        _ => {
            eprintln!(
                "usage: cargo xtask (serve | test | build | bench [N…] [--ui-only] | bundle DATA.json -o FILE | setup [--browser] | gen-data (onesource | synthetic N PERIODS) [-o FILE])"
            );
            return ExitCode::FAILURE;
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (the folder holding this xtask's parent).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn build(t: &tools::Tools) -> Result<(), String> {
    // Trunk runs cargo with --offline (so nothing is ever downloaded behind our back): fetch
    // the locked crates first, which is a no-op when they are already here.
    let mut fetch = Command::new("cargo");
    fetch.args(["fetch", "--locked"]).current_dir(root());
    t.apply(&mut fetch);
    run(fetch, "cargo fetch")?;
    let mut cmd = Command::new("trunk");
    cmd.args(["build", "--release"]).current_dir(root());
    t.apply(&mut cmd);
    run(cmd, "trunk build")
}

/// Writes the single-file offline copy of the app with a dataset (built-in data by default).
fn bundle(t: &tools::Tools, args: &[String]) -> Result<(), String> {
    let root = root();
    let out = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .cloned()
        .ok_or("say where to write the bundle: cargo xtask bundle DATA.json -o pack.html")?;
    let data_path = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "-o"))
        .map(|(_, a)| PathBuf::from(a))
        .unwrap_or_else(|| root.join("public/data/onesource.json"));
    let data = std::fs::read_to_string(&data_path)
        .map_err(|e| format!("cannot read {}: {e}", data_path.display()))?;
    let ds = gt_core::parse_dataset(&data).map_err(|ps| {
        let list: Vec<String> = ps.iter().take(20).map(|p| format!("  {p}")).collect();
        format!(
            "{} is not a valid data file ({} problems):\n{}",
            data_path.display(),
            ps.len(),
            list.join("\n")
        )
    })?;
    build(t)?;
    let html = gt_core::bundle::from_dist(&root.join("dist"), &ds, gzip)?;
    std::fs::write(&out, &html).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!(
        "wrote {out}: {:.0} KB ({} indicators from {}); open it from disk, no server needed",
        html.len() as f64 / 1024.0,
        ds.indicators.len(),
        data_path.display()
    );
    Ok(())
}

/// gzip at the best compression.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory")
}

/// Benchmarks: the core (criterion, unless `--ui-only`) and the indicator list in headless
/// Chromium against the plain JavaScript reference page (`bench/reference/`), on generated
/// datasets of 1,000, 10,000 and 50,000 indicators × 12 quarters (or the sizes given). Prints
/// markdown for docs/performance.md.
fn bench(t: &tools::Tools, args: &[String]) -> Result<(), String> {
    let root = root();
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000, 50_000];
    }
    std::fs::create_dir_all(root.join("target")).map_err(|e| e.to_string())?;
    let mut files = Vec::new();
    for n in sizes {
        let file = root.join(format!("target/bench-data-{n}.json"));
        let started = std::time::Instant::now();
        let out = std::fs::File::create(&file)
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        let mut out = std::io::BufWriter::new(out);
        synthetic::write_compact(n, 12, &mut out)
            .and_then(|()| std::io::Write::flush(&mut out))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        eprintln!(
            "xtask: generated {} ({n} indicators × 12) in {:.1} s",
            file.display(),
            started.elapsed().as_secs_f64()
        );
        files.push(file);
    }
    build(t)?;
    if !args.iter().any(|a| a == "--ui-only") {
        let mut core = Command::new("cargo");
        core.args(["bench", "-p", "gt-core", "--bench", "parse"])
            .current_dir(&root);
        t.apply(&mut core);
        run(core, "cargo bench (core)")?;
    }
    let mut ui = Command::new("cargo");
    ui.args([
        "run",
        "--quiet",
        "--release",
        "-p",
        "gt-e2e",
        "--bin",
        "bench-ui",
        "--",
    ])
    .args(&files)
    .current_dir(&root)
    .env("GT_DIST", root.join("dist"))
    .env("GT_TOOLS", &t.dir)
    .env("CHROMEDRIVER", &t.chromedriver)
    .env("CHROMIUM", &t.chromium);
    t.apply(&mut ui);
    run(ui, "bench-ui")
}

fn serve(t: &tools::Tools) -> Result<(), String> {
    build(t)?;
    eprintln!("\nGolden Thread: serving http://127.0.0.1:8080/ (Ctrl+C to stop)\n");
    let mut cmd = Command::new("trunk");
    cmd.args(["serve", "--release"]).current_dir(root());
    t.apply(&mut cmd);
    run(cmd, "trunk serve")
}

pub fn run(mut cmd: Command, what: &str) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: could not start ({e})"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Totals of `test result:` lines.
#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    ignored: u64,
    failures: Vec<String>,
}

impl Tally {
    fn read(&mut self, line: &str) {
        // "test result: ok. 17 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; …"
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            return;
        };
        for part in rest.split(';') {
            let words: Vec<&str> = part.split_whitespace().collect();
            let n = |i: usize| words.get(i).and_then(|w| w.parse::<u64>().ok());
            match words.as_slice() {
                [.., _, "passed"] => self.passed += n(words.len() - 2).unwrap_or(0),
                [_, "failed"] => self.failed += n(0).unwrap_or(0),
                [_, "ignored"] => self.ignored += n(0).unwrap_or(0),
                _ => {}
            }
        }
    }
}

/// Runs a cargo test step, echoing its output and counting its results.
fn test_step(name: &str, mut cmd: Command, tally: &mut Tally) -> bool {
    eprintln!("\n==== {name} ====");
    cmd.stdout(Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            tally
                .failures
                .push(format!("{name}: could not start ({e})"));
            return false;
        }
    };
    let out = child.stdout.take().expect("piped");
    for line in BufReader::new(out).lines().map_while(Result::ok) {
        println!("{line}");
        tally.read(&line);
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok {
        tally.failures.push(name.to_string());
    }
    ok
}

fn test() -> ExitCode {
    let t = match tools::ensure(true) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xtask: {e}");
            return ExitCode::FAILURE;
        }
    };
    let root = root();
    let mut tally = Tally::default();
    disk_report(&root);

    // Style first: problems fail the run rather than pile up.
    let mut fmt = Command::new("cargo");
    fmt.args(["fmt", "--all", "--", "--check"])
        .current_dir(&root);
    t.apply(&mut fmt);
    test_step("formatting (cargo fmt --check)", fmt, &mut tally);
    let mut clippy = Command::new("cargo");
    clippy
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&root);
    t.apply(&mut clippy);
    test_step("lints (cargo clippy --all-targets)", clippy, &mut tally);

    let mut host = Command::new("cargo");
    host.args(["test", "--no-fail-fast", "-p", "gt-core", "-p", "xtask"])
        .current_dir(&root);
    t.apply(&mut host);
    test_step("host unit tests (gt-core, xtask)", host, &mut tally);

    let mut wasm = Command::new("cargo");
    wasm.args([
        "test",
        "-p",
        "golden-thread",
        "--target",
        "wasm32-unknown-unknown",
    ])
    .current_dir(&root)
    .env(
        "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
        "wasm-bindgen-test-runner",
    )
    .env("CHROMEDRIVER", &t.chromedriver)
    .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
    t.apply(&mut wasm);
    test_step("wasm tests in headless Chromium", wasm, &mut tally);
    // The wasm test build is not needed again: free its disk before the release build.
    let _ = std::fs::remove_dir_all(root.join("target/wasm32-unknown-unknown/debug"));
    disk_report(&root);

    eprintln!("\n==== release build (trunk) ====");
    match build(&t) {
        Ok(()) => {
            let mut e2e = Command::new("cargo");
            e2e.args([
                "test",
                "-p",
                "gt-e2e",
                "--no-fail-fast",
                "--",
                "--test-threads=2",
            ])
            .current_dir(&root)
            .env("GT_DIST", root.join("dist"))
            .env("GT_TOOLS", &t.dir)
            .env("CHROMEDRIVER", &t.chromedriver)
            .env("CHROMIUM", &t.chromium);
            t.apply(&mut e2e);
            test_step("end-to-end tests in headless Chromium", e2e, &mut tally);
        }
        Err(e) => tally.failures.push(e),
    }

    println!();
    if tally.failures.is_empty() {
        println!("All test steps passed.");
    } else {
        println!("Failed steps:");
        for f in &tally.failures {
            println!(" - {f}");
        }
    }
    println!(
        "total: {} passed, {} failed, {} skipped",
        tally.passed, tally.failed, tally.ignored
    );
    if tally.failures.is_empty() && tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Prints the free disk space where the build writes, so a run that fails for lack of space
/// says so plainly (a full disk shows up as linker crashes otherwise).
fn disk_report(root: &std::path::Path) {
    let out = Command::new("df").arg("-h").arg(root).output();
    if let Ok(out) = out {
        let text = String::from_utf8_lossy(&out.stdout);
        if let Some(line) = text.lines().nth(1) {
            eprintln!("xtask: disk where the build writes: {line}");
        }
    }
}

fn gen_data(args: &[String]) -> ExitCode {
    let out = args
        .iter()
        .position(|a| a == "-o")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let value = match args.first().map(String::as_str) {
        Some("onesource") => onesource::generate(),
        Some("synthetic") => {
            let n = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
            let p = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(12);
            synthetic::generate(n, p)
        }
        _ => {
            eprintln!("gen-data: say which dataset: onesource or synthetic");
            return ExitCode::FAILURE;
        }
    };
    let text = serde_json::to_string_pretty(&value).expect("serialisable") + "\n";
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("gen-data: cannot write {path}: {e}");
                return ExitCode::FAILURE;
            }
            eprintln!("wrote {path}");
        }
        None => print!("{text}"),
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::Tally;

    #[test]
    fn tally_reads_cargo_summaries() {
        let mut t = Tally::default();
        t.read("test result: ok. 17 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        t.read("test result: FAILED. 3 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out");
        t.read("running 4 tests");
        assert_eq!((t.passed, t.failed, t.ignored), (20, 1, 2));
    }
}
