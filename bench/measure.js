// The benchmark's probe, put at the top of <head> of both pages it compares (the app and the
// plain reference page) by `e2e/src/bin/bench-ui.rs`, so both are timed by the same code.
//
// - Open: the time from navigation start (performance.timeOrigin) to the first frame painted
//   after the result count first says "Showing …" (window.__bench.painted).
// - Actions (a click, a change of the service list, a character typed in the search box): the
//   time from the action to the next painted frame after the results table or the count
//   changed (a MutationObserver, then requestAnimationFrame and a zero timeout: that callback
//   runs once the frame is painted). Changes in a table's header (the sort arrow) do not count.
// - Every `gt:*` (the app's) or `ref:*` (the reference's) performance measure that started
//   during an action, summed by name, so the output can say where the time went.
(function () {
  'use strict';
  const B = (window.__bench = { painted: null, longest: 0, longTasks: 0 });
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const count = () => document.querySelector('[data-testid=result-count]');

  const probe = new MutationObserver(() => {
    const c = count();
    if (B.painted === null && c && c.textContent.startsWith('Showing')) {
      B.painted = -1;
      probe.disconnect();
      frame().then(() => { B.painted = performance.now(); });
    }
  });
  probe.observe(document, { childList: true, subtree: true, characterData: true });

  const WATCHED = '[data-testid=indicator-table], [data-testid=result-count]';
  function relevant(rec) {
    const el = rec.target.nodeType === 1 ? rec.target : rec.target.parentElement;
    return !!el && !!el.closest(WATCHED) && !el.closest('thead');
  }

  function phases(since) {
    const out = {};
    for (const m of performance.getEntriesByType('measure')) {
      if (m.startTime >= since && (m.name.startsWith('gt:') || m.name.startsWith('ref:'))) {
        out[m.name] = (out[m.name] || 0) + m.duration;
      }
    }
    return out;
  }

  // Memory: the JavaScript heap (exact with Chromium's --enable-precise-memory-info) and, for
  // the app, its wasm memory (Trunk's loader announces the wasm's exports when it has started;
  // a wasm memory never shrinks, so its size is also its peak).
  addEventListener('TrunkApplicationStarted', (e) => { B.wasm = e.detail && e.detail.wasm; });
  B.memory = () => ({
    js: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: B.wasm && B.wasm.memory ? B.wasm.memory.buffer.byteLength : null,
  });

  // Every measure so far (the load's phases), summed by name.
  B.phases = () => phases(0);

  function element(testid) {
    const el = document.querySelector(`[data-testid="${testid}"]`);
    if (!el) throw new Error(`no element with data-testid ${testid}`);
    return el;
  }

  const ACTIONS = {
    click: (id) => element(id).click(),
    select: ([id, value]) => {
      const el = element(id);
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    key: (ch) => {
      const el = document.getElementById('filter-q');
      el.value += ch;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    clear: () => {
      const el = document.getElementById('filter-q');
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
  };

  // Runs one action and resolves with { ms, phases, changed, shown } (ms is null after `timeoutMs`
  // with no change when a change was expected). Without an expected change (a keystroke that
  // may leave the list as it was) it waits `settleMs` for a late change, else takes the first
  // painted frame after the action. `shown` is the count and the first row's id afterwards,
  // for checking that both pages show the same.
  B.act = (kind, arg, expectChange, timeoutMs, settleMs) => new Promise((resolve, reject) => {
    let seen = false;
    let wake = null;
    // When the last change to the results was delivered: the script that made it had finished.
    let scriptEnd = null;
    const obs = new MutationObserver((recs) => {
      if (recs.some(relevant)) {
        scriptEnd = performance.now();
        if (!seen) {
          seen = true;
          if (wake) wake();
        }
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
    const changed = (ms) => new Promise((r) => {
      if (seen) return r(true);
      const t = setTimeout(() => r(false), ms);
      wake = () => { clearTimeout(t); r(true); };
    });
    const t0 = performance.now();
    try {
      ACTIONS[kind](arg);
    } catch (e) {
      obs.disconnect();
      reject(e);
      return;
    }
    (async () => {
      await frame();
      let end = performance.now();
      if (!seen) {
        const late = await changed(expectChange ? timeoutMs : settleMs);
        if (late) {
          await frame();
          end = performance.now();
        } else if (expectChange) {
          end = null;
        }
      }
      obs.disconnect();
      const first = document.querySelector('[data-testid=indicator-row]');
      const seenAs = `${count() ? count().textContent : ''}; first row ${first ? first.dataset.id : 'none'}`;
      const ph = phases(t0);
      if (scriptEnd !== null && end !== null) {
        ph['(1) the action to its last change of the results'] = scriptEnd - t0;
        ph['(2) from there to the frame painted'] = end - scriptEnd;
      }
      resolve({ ms: end === null ? null : end - t0, phases: ph, changed: seen, shown: seenAs });
    })();
  });

  // The longest main-thread task (Long Tasks API: tasks over 50 ms) between start and stop.
  let tasks = null;
  B.longTasksStart = () => {
    B.longest = 0;
    B.longTasks = 0;
    try {
      tasks = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          B.longest = Math.max(B.longest, e.duration);
          B.longTasks += 1;
        }
      });
      tasks.observe({ type: 'longtask', buffered: false });
      return true;
    } catch (e) {
      return false;
    }
  };
  B.longTasksStop = () => new Promise((r) => setTimeout(() => {
    if (tasks) tasks.disconnect();
    r({ longest: B.longest, count: B.longTasks });
  }, 100));
})();
