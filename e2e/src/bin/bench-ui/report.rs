//! The benchmark's report: what was measured (per page and size) and the markdown printed
//! from it (a table per size, where the time goes, the scale table and the download size).

use gt_e2e::stats::{summary, Summary};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The goal for the download, wasm + JS glue, gzip -9 (issue 13), in bytes.
pub const DOWNLOAD_GOAL: usize = 250_000;

/// The actions timed, in the order they are run, each with the label of its group.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Group {
    Status,
    Council,
    Service,
    KeyOnly,
    Sort,
    Keystroke,
}

impl Group {
    pub fn label(self) -> &'static str {
        match self {
            Group::Status => "filter change: status (Red, Amber on and off)",
            Group::Council => "filter change: a council on and off",
            Group::Service => "filter change: a service chosen and cleared",
            Group::KeyOnly => "filter change: key indicators only on and off",
            Group::Sort => "column sort (click a header)",
            Group::Keystroke => "search keystroke",
        }
    }
    pub fn is_filter(self) -> bool {
        matches!(
            self,
            Group::Status | Group::Council | Group::Service | Group::KeyOnly
        )
    }
}

/// What one action of a group measured.
#[derive(Default)]
pub struct Samples {
    pub ms: Vec<f64>,
    /// Per action, the measured phases (summed by name).
    pub phases: Vec<BTreeMap<String, f64>>,
    /// Why the group stopped early, if it did.
    pub stopped: Option<String>,
}

/// Everything measured on one page at one size.
#[derive(Default)]
pub struct PageRun {
    pub opens: Vec<f64>,
    pub open_failure: Option<String>,
    pub load_phases: BTreeMap<String, f64>,
    pub groups: BTreeMap<Group, Samples>,
    /// What the page showed after each timed action (the count and the first row's id).
    pub shown: Vec<String>,
    /// The longest task while typing (ms) and how many tasks went over 50 ms.
    pub longest: Option<(f64, u64)>,
    /// Memory after the last open and after the actions.
    pub memory_open: Option<Memory>,
    pub memory_end: Option<Memory>,
    pub total: Option<usize>,
}

/// A page's memory in bytes: its JavaScript heap and (the app) its wasm memory.
#[derive(Clone, Copy, Default)]
pub struct Memory {
    pub js: Option<f64>,
    pub wasm: Option<f64>,
}

impl Memory {
    pub fn total(&self) -> Option<f64> {
        match (self.js, self.wasm) {
            (None, None) => None,
            (j, w) => Some(j.unwrap_or(0.0) + w.unwrap_or(0.0)),
        }
    }
}

/// "312 MB (JS 40, wasm 272)", "120 MB (JS)".
fn mb_text(m: Option<Memory>) -> String {
    let Some(m) = m else { return "–".into() };
    let mb = |b: f64| format!("{:.0}", b / 1e6);
    match (m.total(), m.js, m.wasm) {
        (Some(t), Some(j), Some(w)) => format!("{} MB (JS {}, wasm {})", mb(t), mb(j), mb(w)),
        (Some(t), _, None) => format!("{} MB (JS)", mb(t)),
        (Some(t), None, Some(_)) => format!("{} MB (wasm)", mb(t)),
        (None, ..) => "–".into(),
    }
}

pub struct SizeRun {
    pub mb: f64,
    pub app: PageRun,
    pub plain: PageRun,
}

impl SizeRun {
    pub fn total(&self) -> Option<usize> {
        self.app.total.or(self.plain.total)
    }
}

/// "1,234" for whole numbers.
pub fn thousands(n: usize) -> String {
    gt_core::fmt::number(n as f64, Some(0))
}

pub fn ms(x: f64) -> String {
    if x >= 100.0 {
        format!("{} ms", thousands(x.round() as usize))
    } else {
        format!("{x:.1} ms")
    }
}

pub fn ratio(app: f64, plain: f64) -> String {
    if plain > 0.0 {
        format!("{:.1}×", app / plain)
    } else {
        "–".into()
    }
}

pub fn all_filters(run: &PageRun) -> Vec<f64> {
    run.groups
        .iter()
        .filter(|(g, _)| g.is_filter())
        .flat_map(|(_, s)| s.ms.iter().copied())
        .collect()
}

pub fn group_ms(run: &PageRun, g: Group) -> Vec<f64> {
    run.groups.get(&g).map(|s| s.ms.clone()).unwrap_or_default()
}

/// The goal of issue 13 a row answers to, at the sizes where the issue sets one, and whether
/// it is met.
pub fn goal(n: usize, row: &str, app: Option<Summary>, plain: Option<Summary>) -> String {
    let (Some(a), Some(p)) = (app, plain) else {
        return if n == 10_000 && row != "typing" {
            "not measured".into()
        } else {
            String::new()
        };
    };
    let yes = |ok: bool| if ok { "yes" } else { "**no**" };
    match (n, row) {
        (10_000, "open") => format!("≤ 2× plain: {}", yes(a.median <= 2.0 * p.median)),
        (10_000, "change") => format!(
            "median ≤ 16 ms: {}; ≤ 5× plain: {}; worst ≤ 50 ms: {}",
            yes(a.median <= 16.0),
            yes(a.median <= 5.0 * p.median),
            yes(a.worst <= 50.0)
        ),
        (50_000, "typing") => format!("no frame over 200 ms: {}", yes(a.worst <= 200.0)),
        _ => String::new(),
    }
}

pub fn row(label: &str, app: &[f64], plain: &[f64], goal_text: String) -> String {
    let (a, p) = (summary(app), summary(plain));
    let cell = |s: Option<Summary>, f: fn(&Summary) -> f64| {
        s.map(|s| ms(f(&s))).unwrap_or_else(|| "–".into())
    };
    let r = match (a, p) {
        (Some(a), Some(p)) => ratio(a.median, p.median),
        _ => "–".into(),
    };
    format!(
        "| {label} | {} | {} | {} | {} | {} | {r} | {goal_text} |",
        cell(a, |s| s.median),
        cell(a, |s| s.p95),
        cell(a, |s| s.worst),
        cell(p, |s| s.median),
        cell(p, |s| s.worst),
    )
}

pub fn print_size(s: &SizeRun) {
    let n = s.total().unwrap_or(0);
    let what = match s.total() {
        Some(n) => format!("{} indicators × 12 quarters", thousands(n)),
        None => "A file neither page could open".to_string(),
    };
    println!("\n#### {what} ({:.1} MB of JSON)\n", s.mb);
    println!("| measure | app median | app 95th | app worst | plain median | plain worst | app / plain (median) | goal (issue 13) |");
    println!("|---|---|---|---|---|---|---|---|");
    let opens = s.app.opens.len().max(s.plain.opens.len());
    let g_open = goal(n, "open", summary(&s.app.opens), summary(&s.plain.opens));
    println!(
        "{}",
        row(
            &format!("open: navigation start to the count painted ({opens} opens)"),
            &s.app.opens,
            &s.plain.opens,
            g_open
        )
    );
    // One row: the label with how many actions were timed, then the figures.
    let line = |label: &str, a: &[f64], p: &[f64], goal_text: String| {
        let label = format!("{label} ({})", a.len().max(p.len()));
        println!("{}", row(&label, a, p, goal_text));
    };
    for g in [
        Group::Status,
        Group::Council,
        Group::Service,
        Group::KeyOnly,
    ] {
        line(
            g.label(),
            &group_ms(&s.app, g),
            &group_ms(&s.plain, g),
            String::new(),
        );
    }
    let (a, p) = (all_filters(&s.app), all_filters(&s.plain));
    line(
        "**every filter change**",
        &a,
        &p,
        goal(n, "change", summary(&a), summary(&p)),
    );
    for g in [Group::Sort, Group::Keystroke] {
        let (a, p) = (group_ms(&s.app, g), group_ms(&s.plain, g));
        let which = if g == Group::Keystroke && n == 50_000 {
            "typing"
        } else {
            "change"
        };
        line(g.label(), &a, &p, goal(n, which, summary(&a), summary(&p)));
    }
    let g_long = match (n, s.app.longest) {
        (50_000, Some((t, _))) => format!(
            "no task over 200 ms: {}",
            if t <= 200.0 { "yes" } else { "**no**" }
        ),
        _ => String::new(),
    };
    println!(
        "| longest main-thread task while typing (Long Tasks API) | {} | | | {} | | | {g_long} |",
        longest(&s.app),
        longest(&s.plain)
    );
    let open_ratio = match (
        s.app.memory_open.and_then(|m| m.total()),
        s.plain.memory_open.and_then(|m| m.total()),
    ) {
        (Some(a), Some(p)) => ratio(a, p),
        _ => "–".into(),
    };
    println!(
        "| memory after opening; after the actions (JS heap + wasm memory) | {}; {} | | | {}; {} | | {open_ratio} | |",
        mb_text(s.app.memory_open),
        mb_text(s.app.memory_end),
        mb_text(s.plain.memory_open),
        mb_text(s.plain.memory_end),
    );
    for (who, r) in [("app", &s.app), ("plain page", &s.plain)] {
        if let Some(e) = &r.open_failure {
            println!("\n**The {who} failed to open at this size**: {e}");
        }
        for (g, samples) in &r.groups {
            if let Some(e) = &samples.stopped {
                println!("\n**The {who}: {}**: {e}", g.label());
            }
        }
    }
    agreement(s);
    print_phases(s);
}

/// Whether both pages showed the same count and first row after every action (the same
/// filtering, rating and sorting).
/// What `shown` holds for an action not run (its kind of action had stopped).
pub const NOT_RUN: &str = "(not run)";

pub fn agreement(s: &SizeRun) {
    let (a, p) = (&s.app.shown, &s.plain.shown);
    // Once an action is skipped on one page, the two no longer show the same view.
    let n = a
        .iter()
        .zip(p)
        .take_while(|(x, y)| *x != NOT_RUN && *y != NOT_RUN)
        .count();
    let whole = n == a.len() && n == p.len();
    match (0..n).find(|k| a[*k] != p[*k]) {
        Some(k) => println!(
            "\n**The pages differ** after action {}: the app showed \"{}\", the plain page \"{}\".",
            k + 1,
            a[k],
            p[k]
        ),
        None if n == 0 => {}
        None if whole => println!(
            "\nBoth pages showed the same count and first row after each of the {n} actions."
        ),
        None => println!(
            "\nBoth pages showed the same count and first row after each of the first {n} actions (then one page skipped some)."
        ),
    }
}

/// Median of each phase's per-action sum over a list of actions (0 where it did not run), with
/// how many actions ran it.
pub fn phase_medians(per_action: &[&BTreeMap<String, f64>]) -> BTreeMap<String, (f64, usize)> {
    let mut names: Vec<&String> = per_action.iter().flat_map(|m| m.keys()).collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let v: Vec<f64> = per_action
                .iter()
                .map(|m| m.get(name).copied().unwrap_or(0.0))
                .collect();
            let ran = per_action.iter().filter(|m| m.contains_key(name)).count();
            (name.clone(), (summary(&v).map_or(0.0, |s| s.median), ran))
        })
        .collect()
}

pub fn print_phases(s: &SizeRun) {
    println!("\nWhere the time goes (performance measures: the app's `gt:*`, the plain page's `ref:*`; load: the last open; actions: median per action, 0 where a phase did not run):\n");
    println!("| page | phase | load | filter change | column sort | search keystroke |");
    println!("|---|---|---|---|---|---|");
    for (who, r) in [("app", &s.app), ("plain", &s.plain)] {
        let pick = |want: fn(Group) -> bool| -> Vec<&BTreeMap<String, f64>> {
            r.groups
                .iter()
                .filter(|(g, _)| want(**g))
                .flat_map(|(_, x)| x.phases.iter())
                .collect()
        };
        let cols = [
            phase_medians(&pick(Group::is_filter)),
            phase_medians(&pick(|g| g == Group::Sort)),
            phase_medians(&pick(|g| g == Group::Keystroke)),
        ];
        let mut names: Vec<&String> = r
            .load_phases
            .keys()
            .chain(cols.iter().flat_map(|c| c.keys()))
            .collect();
        names.sort();
        names.dedup();
        for name in names {
            let load = r.load_phases.get(name).map(|t| ms(*t)).unwrap_or_default();
            let cell = |c: &BTreeMap<String, (f64, usize)>, total: usize| match c.get(name) {
                Some((t, k)) if *k == total => ms(*t),
                Some((t, k)) => format!("{} (ran in {k} of {total})", ms(*t)),
                None => String::new(),
            };
            let totals = [
                pick(Group::is_filter).len(),
                pick(|g| g == Group::Sort).len(),
                pick(|g| g == Group::Keystroke).len(),
            ];
            let shown = if name.starts_with('(') {
                name.to_string()
            } else {
                format!("`{name}`")
            };
            println!(
                "| {who} | {shown} | {load} | {} | {} | {} |",
                cell(&cols[0], totals[0]),
                cell(&cols[1], totals[1]),
                cell(&cols[2], totals[2])
            );
        }
    }
}

pub fn print_scale(runs: &[SizeRun]) {
    println!("\n#### Scale: app (plain page, app / plain), medians unless said\n");
    let head: Vec<String> = runs
        .iter()
        .map(|r| r.total().map_or("not opened".into(), thousands))
        .collect();
    println!("| measure | {} |", head.join(" | "));
    println!("|---|{}", "---|".repeat(runs.len()));
    type Pick = fn(&PageRun) -> Vec<f64>;
    type Stat = fn(&Summary) -> f64;
    let rows: [(&str, Pick, Stat); 7] = [
        ("open the list", |r| r.opens.clone(), |s| s.median),
        ("filter change", all_filters, |s| s.median),
        ("filter change, worst", all_filters, |s| s.worst),
        ("column sort", |r| group_ms(r, Group::Sort), |s| s.median),
        (
            "column sort, worst",
            |r| group_ms(r, Group::Sort),
            |s| s.worst,
        ),
        (
            "search keystroke",
            |r| group_ms(r, Group::Keystroke),
            |s| s.median,
        ),
        (
            "search keystroke, worst",
            |r| group_ms(r, Group::Keystroke),
            |s| s.worst,
        ),
    ];
    for (label, pick, stat) in rows {
        let cells: Vec<String> = runs
            .iter()
            .map(
                |r| match (summary(&pick(&r.app)), summary(&pick(&r.plain))) {
                    (Some(a), Some(p)) => format!(
                        "{} ({}, {})",
                        ms(stat(&a)),
                        ms(stat(&p)),
                        ratio(stat(&a), stat(&p))
                    ),
                    (Some(a), None) => ms(stat(&a)),
                    (None, _) => "not measured".into(),
                },
            )
            .collect();
        println!("| {label} | {} |", cells.join(" | "));
    }
    let cells: Vec<String> = runs
        .iter()
        .map(|r| format!("{}; plain: {}", longest(&r.app), longest(&r.plain)))
        .collect();
    println!("| longest task while typing | {} |", cells.join(" | "));
    let cells: Vec<String> = runs
        .iter()
        .map(|r| {
            format!(
                "{}; plain: {}",
                mb_text(r.app.memory_end),
                mb_text(r.plain.memory_end)
            )
        })
        .collect();
    println!("| memory after the actions | {} |", cells.join(" | "));
}

/// The longest task while typing, in words.
pub fn longest(r: &PageRun) -> String {
    match r.longest {
        Some((t, _)) if t <= 0.0 => "none over 50 ms".to_string(),
        Some((t, c)) => format!("{}, {c} over 50 ms", ms(t)),
        None => "–".into(),
    }
}

/// Bytes in KB (1,000 bytes): "1,755 KB", "10.5 KB".
fn kb(bytes: usize) -> String {
    let k = bytes as f64 / 1e3;
    if k >= 100.0 {
        format!("{} KB", thousands(k.round() as usize))
    } else {
        format!("{k:.1} KB")
    }
}

pub fn gzip(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory").len()
}

pub fn print_download(dist: &std::path::Path) {
    println!("\n#### Download (dist/, gzip -9; KB = 1,000 bytes)\n");
    println!("| file | raw | gzip -9 |");
    println!("|---|---|---|");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dist)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut total = 0;
    for f in files {
        let name = f
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if !(name.ends_with(".wasm") || name.ends_with(".js")) {
            continue;
        }
        let bytes = std::fs::read(&f).unwrap_or_default();
        let gz = gzip(&bytes);
        let counted = name != "sw.js";
        if counted {
            total += gz;
        }
        let note = if counted {
            ""
        } else {
            " (service worker, not in the total)"
        };
        println!("| `{name}`{note} | {} | {} |", kb(bytes.len()), kb(gz));
    }
    println!(
        "| **wasm + JS** | | **{:.1} KB** ({:.1}× the goal of {} KB) |",
        total as f64 / 1e3,
        total as f64 / DOWNLOAD_GOAL as f64,
        DOWNLOAD_GOAL / 1000
    );
}
