// The benchmark's yardstick: the indicator list's visible work in plain JavaScript, with no
// framework and nothing precomputed outside this page. It fetches the data file, parses it,
// rates each indicator's latest value by the standard tolerance rule (docs/rag-rules.md), builds
// a lower-cased search text per indicator, and draws the first 50 rows of the filtered, sorted
// list with the app's columns. The controls carry the app's ids and test ids, so one measuring
// script drives both pages. Each phase is a `ref:<phase>` measure on the performance timeline.
'use strict';

const PAGE_SIZE = 50;
const STATUSES = [
  ['red', 'Off target', '<rect x="1" y="1" width="10" height="10"/>'],
  ['amber', 'Near target', '<path d="M6 0.8 L11.4 11 L0.6 11 Z"/>'],
  ['green', 'On target', '<circle cx="6" cy="6" r="5"/>'],
  ['no_data', 'No data yet', '<circle cx="6" cy="6" r="4.3" fill="none" stroke="currentColor" stroke-width="1.6"/>'],
  ['data_only', 'Data only', '<rect x="1" y="5" width="10" height="2.2"/>'],
  ['not_due', 'Not due', '<circle cx="6" cy="6" r="4.3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2 1.6"/>'],
];
const RANK = Object.fromEntries(STATUSES.map((s, k) => [s[0], k]));
// Arrow, word, and the order a sort puts them in (worse first, as the app does).
const DIRECTIONS = { worsened: ['▼', 'Worsened', 0], unchanged: ['▶', 'No change', 1], improved: ['▲', 'Improved', 2] };
const COLUMNS = [
  ['name', 'Indicator'], ['council', 'Council'], ['service', 'Service'], ['period', 'Period'],
  ['actual', 'Actual', true], ['target', 'Target', true], ['status', 'Status'],
  ['short', 'Since the previous figure'], ['long', 'Since a year earlier'], ['trend', 'Trend'],
];

const view = { text: '', statuses: new Set(), councils: new Set(), service: '', keyOnly: false, sort: null, desc: false };
let rows = [];
let total = 0;

function timed(name, f) {
  const t0 = performance.now();
  const out = f();
  performance.measure('ref:' + name, { start: t0, end: performance.now() });
  return out;
}

function esc(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

// Half away from zero at `d` decimals (2 when the indicator gives none).
function round(x, d) {
  const f = Math.pow(10, d);
  return Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9) / f;
}

const formats = new Map();
function fmt(x, d, unit) {
  if (x === null || x === undefined) return '–';
  let nf = formats.get(d);
  if (!nf) {
    nf = new Intl.NumberFormat('en-GB', { minimumFractionDigits: d ?? 0, maximumFractionDigits: d ?? 2 });
    formats.set(d, nf);
  }
  const n = nf.format(x);
  if (!unit || unit === 'number' || unit === 'count') return n;
  if (unit === '%') return n + '%';
  if (unit === '£k') return '£' + n + 'k';
  return n + ' ' + unit;
}

// The standard rule: Green when the target is met, Amber when missed by no more than the
// tolerance (of the target's size, or absolute), Red beyond.
function rate(v, ind, defaultTolerance) {
  if (!v) return 'no_data';
  if (v.target === undefined || v.target === null || ind.polarity === 'none') return 'data_only';
  if (v.actual === undefined || v.actual === null) return 'no_data';
  const d = ind.decimals ?? 2;
  const actual = round(v.actual, d);
  const target = round(v.target, d);
  const miss = ind.polarity === 'lower' ? actual - target : target - actual;
  if (miss <= 0) return 'green';
  const tol = ind.tolerance || defaultTolerance || { percent: 10 };
  const band = tol.absolute !== undefined ? tol.absolute : (Math.abs(target) * tol.percent) / 100;
  return miss <= band + 1e-9 ? 'amber' : 'red';
}

// Better or worse by polarity, on the rounded figures.
function direction(ind, from, to) {
  if (from === null || to === null || from === undefined || to === undefined || ind.polarity === 'none') return null;
  const d = ind.decimals ?? 2;
  const diff = round(to, d) - round(from, d);
  if (Math.abs(diff) < 1e-9) return 'unchanged';
  return (diff > 0) === (ind.polarity !== 'lower') ? 'improved' : 'worsened';
}

function periodShort(p) {
  // "2019-20-Q4" → "Q4 2019/20"
  const m = /^(\d{4})-(\d{2})-Q(\d)$/.exec(p || '');
  return m ? `Q${m[3]} ${m[1]}/${m[2]}` : p || '–';
}

// One row per indicator, worked out once per file: what the table shows, filters and sorts by.
function prepare(ds) {
  const councils = new Map((ds.councils || []).map((c) => [c.id, c]));
  const services = new Map((ds.services || []).map((s) => [s.id, s]));
  return ds.indicators.map((ind, index) => {
    const vals = ind.values || [];
    const latest = vals[vals.length - 1];
    const actuals = vals.slice(-12).map((v) => (v.actual === undefined ? null : v.actual));
    // Directions of travel of the latest figure: against the one before it and the same
    // quarter a year earlier (four values back: the quarters are consecutive).
    let k = vals.length - 1;
    while (k >= 0 && (vals[k].actual === undefined || vals[k].actual === null)) k -= 1;
    let j = k - 1;
    while (j >= 0 && (vals[j].actual === undefined || vals[j].actual === null)) j -= 1;
    const figure = k >= 0 ? vals[k].actual : null;
    const prev = j >= 0 ? vals[j].actual : null;
    const yearAgo = k >= 4 ? vals[k - 4].actual : null;
    const firstActual = actuals.find((a) => a !== null);
    const lastActual = [...actuals].reverse().find((a) => a !== null);
    const council = councils.get(ind.council);
    return {
      index,
      ind,
      status: rate(latest, ind, ds.default_tolerance),
      period: latest ? latest.period : null,
      actual: latest && latest.actual !== undefined ? latest.actual : null,
      target: latest && latest.target !== undefined ? latest.target : null,
      short: direction(ind, prev, figure),
      long: direction(ind, yearAgo, figure),
      trend: actuals.filter((a) => a !== null).length >= 2 ? direction(ind, firstActual, lastActual) : null,
      actuals,
      councilShort: council ? council.short || council.name : 'Shared',
      councilName: council ? council.name : 'Shared service',
      serviceName: (services.get(ind.service) || { name: ind.service }).name,
      sortName: ind.name.toLowerCase(),
      hay: null,
    };
  });
}

// Lower-cased search text: name, id and every commentary, reason and remedial action.
function index(rows) {
  for (const r of rows) {
    const parts = [r.ind.name, r.ind.id];
    for (const v of r.ind.values || []) {
      if (v.commentary) parts.push(v.commentary);
      if (v.reason) parts.push(v.reason);
      if (v.remedial_action) parts.push(v.remedial_action);
    }
    r.hay = parts.join('\n').toLowerCase();
  }
}

// Blanks last in both directions; ties keep the data's order.
function compare(key, desc) {
  const val = {
    name: (r) => r.sortName, council: (r) => r.councilName.toLowerCase(), service: (r) => r.serviceName.toLowerCase(),
    period: (r) => r.period, actual: (r) => r.actual, target: (r) => r.target, status: (r) => RANK[r.status],
    short: (r) => r.short && DIRECTIONS[r.short][2], long: (r) => r.long && DIRECTIONS[r.long][2],
    trend: (r) => r.trend && DIRECTIONS[r.trend][2],
  }[key];
  return (a, b) => {
    const x = val(a);
    const y = val(b);
    const bx = x === null || x === undefined;
    const by = y === null || y === undefined;
    let o = 0;
    if (bx || by) o = bx === by ? 0 : bx ? 1 : -1;
    else if (x !== y) o = (x < y ? -1 : 1) * (desc ? -1 : 1);
    return o || a.index - b.index;
  };
}

function filtered() {
  const words = view.text.toLowerCase().split(/\s+/).filter(Boolean);
  const out = rows.filter((r) =>
    (view.councils.size === 0 || view.councils.has(r.ind.council)) &&
    (view.service === '' || r.ind.service === view.service) &&
    (!view.keyOnly || r.ind.key) &&
    (view.statuses.size === 0 || view.statuses.has(r.status)) &&
    words.every((w) => r.hay.includes(w)));
  if (view.sort) out.sort(compare(view.sort, view.desc));
  return out;
}

function tag(status) {
  const s = STATUSES[RANK[status]];
  return `<span class="tag ${s[0].replace('_', '-')}" data-status="${s[0]}"><svg viewBox="0 0 12 12" aria-hidden="true" fill="currentColor">${s[2]}</svg>${s[1]}</span>`;
}

function travel(d) {
  if (!d) return '–<span class="hidden">No comparison</span>';
  const [arrow, word] = DIRECTIONS[d];
  return `<span data-direction="${d}"><span aria-hidden="true">${arrow}</span> ${word}</span>`;
}

function sparkline(values) {
  const pts = [];
  values.forEach((v, i) => { if (v !== null) pts.push([i, v]); });
  if (pts.length < 2) return '<span aria-hidden="true"></span>';
  const w = 80, h = 24;
  const lo = Math.min(...pts.map((p) => p[1]));
  const hi = Math.max(...pts.map((p) => p[1]));
  const span = hi - lo < 1e-9 ? 1 : hi - lo;
  const n = Math.max(values.length, 2) - 1;
  const xy = ([i, v]) => [2 + ((w - 4) * i) / n, 2 + (h - 4) * (1 - (v - lo) / span)];
  const d = pts.map((p, k) => { const [x, y] = xy(p); return `${k ? ' L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`; }).join('');
  const [cx, cy] = xy(pts[pts.length - 1]);
  return `<svg class="spark" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" aria-hidden="true"><path d="${d}"/><circle cx="${cx}" cy="${cy}" r="2.5"/></svg>`;
}

function row(r) {
  const i = r.ind;
  return `<tr data-testid="indicator-row" data-id="${esc(i.id)}" data-status="${r.status}">
<td><a href="#/indicator/${esc(i.id)}">${esc(i.name)}</a><span class="id">${esc(i.id)}${i.key ? ' · Key strategic indicator' : ''}</span></td>
<td><abbr title="${esc(r.councilName)}">${esc(r.councilShort)}</abbr></td><td>${esc(r.serviceName)}</td>
<td>${periodShort(r.period)}</td><td class="num">${fmt(r.actual, i.decimals, i.unit)}</td><td class="num">${fmt(r.target, i.decimals, i.unit)}</td>
<td>${tag(r.status)}</td><td>${travel(r.short)}</td><td>${travel(r.long)}</td><td>${sparkline(r.actuals)}<span class="hidden">${r.trend ? DIRECTIONS[r.trend][1] : 'No trend'}</span></td></tr>`;
}

function draw() {
  const list = timed('filter', filtered);
  timed('draw', () => {
    const n = list.length;
    document.getElementById('count').textContent = `Showing ${n} of ${total} indicator${total === 1 ? '' : 's'}`;
    document.getElementById('rows').innerHTML = n
      ? list.slice(0, PAGE_SIZE).map(row).join('')
      : '<tr><td colspan="10" data-testid="no-results">No indicators match these filters.</td></tr>';
    const pages = Math.max(1, Math.ceil(n / PAGE_SIZE));
    document.getElementById('pager').textContent = pages > 1 ? `Page 1 of ${pages} (rows 1–${Math.min(PAGE_SIZE, n)} of ${n})` : '';
    for (const [key] of COLUMNS) {
      const th = document.getElementById('th-' + key);
      const aria = view.sort === key ? (view.desc ? 'descending' : 'ascending') : 'none';
      th.setAttribute('aria-sort', aria);
      th.querySelector('.icon').textContent = aria === 'ascending' ? '▲' : aria === 'descending' ? '▼' : '⇅';
    }
  });
}

function controls(ds) {
  const councils = document.getElementById('councils');
  for (const c of ds.councils || []) {
    councils.insertAdjacentHTML('beforeend', `<div><input type="checkbox" id="council-${esc(c.id)}" value="${esc(c.id)}" data-testid="filter-council-${esc(c.id)}"> <label for="council-${esc(c.id)}">${esc(c.name)}</label></div>`);
  }
  const service = document.getElementById('filter-service');
  for (const s of ds.services || []) service.insertAdjacentHTML('beforeend', `<option value="${esc(s.id)}">${esc(s.name)}</option>`);
  const statuses = document.getElementById('statuses');
  for (const [id] of STATUSES) {
    statuses.insertAdjacentHTML('beforeend', `<div><input type="checkbox" id="status-${id}" value="${id}" data-testid="filter-status-${id}"> <label for="status-${id}">${tag(id)}</label></div>`);
  }
  document.getElementById('head').innerHTML = COLUMNS.map(([key, label, num]) =>
    `<th scope="col" id="th-${key}"${num ? ' class="num"' : ''}><button type="button" data-testid="sort-${key}">${label} <span class="icon" aria-hidden="true">⇅</span></button></th>`).join('');

  document.getElementById('filter-q').addEventListener('input', (e) => { view.text = e.target.value; draw(); });
  service.addEventListener('change', (e) => { view.service = e.target.value; draw(); });
  document.getElementById('filter-key').addEventListener('change', (e) => { view.keyOnly = e.target.checked; draw(); });
  councils.addEventListener('change', (e) => { e.target.checked ? view.councils.add(e.target.value) : view.councils.delete(e.target.value); draw(); });
  statuses.addEventListener('change', (e) => { e.target.checked ? view.statuses.add(e.target.value) : view.statuses.delete(e.target.value); draw(); });
  document.getElementById('head').addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b) return;
    const key = b.dataset.testid.slice('sort-'.length);
    view.desc = view.sort === key ? !view.desc : false;
    view.sort = key;
    draw();
  });
}

async function start() {
  const url = new URLSearchParams(location.search).get('data') || '../data/bench.json';
  const t0 = performance.now();
  const response = await fetch(url);
  const text = await response.text();
  performance.measure('ref:fetch', { start: t0, end: performance.now() });
  const ds = timed('parse', () => JSON.parse(text));
  rows = timed('rate', () => prepare(ds));
  timed('search-index', () => index(rows));
  total = rows.length;
  document.getElementById('status').textContent = `${ds.title || 'Data'}, latest values`;
  controls(ds);
  draw();
}

start().catch((e) => { document.getElementById('status').textContent = 'Could not load the data: ' + e; });
