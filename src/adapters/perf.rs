//! Performance marks (`performance.mark` / `performance.measure`), so a benchmark can read
//! where the time goes (`performance.getEntriesByType('measure')`) without a profiler. Each
//! phase is a measure named `gt:<phase>` between the marks `gt:<phase>:start` and
//! `gt:<phase>:end`; marking costs a few microseconds and nothing is kept but the browser's own
//! timeline entries.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Marks the start of phase `name` (ended by [`end`]).
pub fn start(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("gt:{name}:start"));
    }
}

/// Ends phase `name` (started by [`start`]) and records it as the measure `gt:<name>`.
pub fn end(name: &str) {
    if let Some(p) = performance() {
        let (from, to) = (format!("gt:{name}:start"), format!("gt:{name}:end"));
        let _ = p.mark(&to);
        let _ = p.measure_with_start_mark_and_end_mark(&format!("gt:{name}"), &from, &to);
    }
}

/// Runs `f`, recording its time as phase `gt:<name>`.
pub fn time<T>(name: &str, f: impl FnOnce() -> T) -> T {
    start(name);
    let out = f();
    end(name);
    out
}
