//! Where each part of the printed pack falls: the page (1-based) of the A4 PDF on which an
//! element starts, for the contents page.
//!
//! Browsers give scripts no way to ask the print layout where a page breaks, so the pack is
//! laid out again the way printing lays it out, and measured: a copy of the pack goes into an
//! off-screen frame exactly as wide as the printed page's content (A4 less the `@page`
//! margins in style/print.css: 180 mm), with the app's styles as they apply in print (the
//! `@media print` rules made to apply, `@media screen` ones made not to, width queries
//! answered for the page's width), inside a multi-column box one page tall (265 mm). The
//! browser's fragmentation engine then breaks it into columns as it breaks the printed pack
//! into pages (forced page breaks become column breaks; rows, headings and avoided breaks are
//! treated alike), and the column an element starts in is its page. The browser test
//! (e2e/tests/covering.rs) checks the numbers against the PDF Chromium prints.

use js_sys::{Array, Function};
use wasm_bindgen::{JsCast, JsValue};

/// The script: `(pack, ids) => [[id, page], …]`.
const MEASURE: &str = r#"
const MM = 96 / 25.4;
// A4 (210 x 297 mm) less the @page margins of style/print.css (15 mm sides and top, 17 mm bottom).
const W = 180 * MM, H = 265 * MM;
function asPrinted(rule) {
  if (rule.type === CSSRule.MEDIA_RULE) {
    const media = Array.from(rule.media).map(function (q) {
      q = q.trim();
      if (/^print\b/i.test(q)) return q.replace(/^print/i, 'all');
      if (/^screen\b/i.test(q)) return q.replace(/^screen/i, 'print');
      return q;
    }).join(', ');
    return '@media ' + media + ' {\n' + Array.from(rule.cssRules).map(asPrinted).join('\n') + '\n}';
  }
  if (rule.type === CSSRule.PAGE_RULE) return '';
  return rule.cssText.replace(/break-(before|after):\s*page/g, 'break-$1: column');
}
let css = '';
for (const sheet of Array.from(document.styleSheets)) {
  let rules;
  try { rules = sheet.cssRules; } catch (e) { continue; }
  if (sheet.ownerNode && sheet.ownerNode.matches && sheet.ownerNode.matches('[data-testid=pack-running]')) continue;
  for (const r of Array.from(rules)) css += asPrinted(r) + '\n';
}
const frame = document.createElement('iframe');
frame.setAttribute('aria-hidden', 'true');
frame.setAttribute('tabindex', '-1');
frame.title = 'Page layout of the printed pack';
frame.style.cssText = 'position:fixed;left:-20000px;top:0;border:0;margin:0;padding:0;' +
  'width:' + W + 'px;height:' + H + 'px;';
document.body.appendChild(frame);
try {
  const d = frame.contentDocument;
  d.open();
  d.write('<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><style></style></head><body></body></html>');
  d.close();
  d.querySelector('style').textContent = css +
    '\nhtml, body { margin: 0 !important; padding: 0 !important; }' +
    '\n#gt-pages { column-count: 1; column-gap: 0; column-fill: auto; width: ' + W + 'px; height: ' + H + 'px; }';
  const box = d.createElement('div');
  box.id = 'gt-pages';
  box.appendChild(d.importNode(pack, true));
  d.body.appendChild(box);
  const left = box.getBoundingClientRect().left;
  const out = [];
  for (const id of ids) {
    const el = d.getElementById(id);
    if (!el) continue;
    // The element's first heading (a heading is never split), else the element.
    const h = el.matches('h1,h2,h3,h4') ? el : (el.querySelector('h1,h2,h3,h4') || el);
    const rects = Array.from(h.getClientRects()).filter(function (r) { return r.height > 0.5; });
    if (!rects.length) continue;
    out.push([id, Math.floor((rects[0].left - left + 0.5) / W) + 1]);
  }
  return out;
} finally {
  frame.remove();
}
"#;

/// The printed page of each of `ids` (element ids inside `pack`), as the pack prints on A4;
/// None when the browser would not measure it.
pub fn printed_pages(pack: &web_sys::Element, ids: &[String]) -> Option<Vec<(String, usize)>> {
    let f = Function::new_with_args("pack, ids", MEASURE);
    let list = Array::new();
    for id in ids {
        list.push(&JsValue::from_str(id));
    }
    let out = f.call2(&JsValue::NULL, pack, &list).ok()?;
    let out: Array = out.dyn_into().ok()?;
    out.iter()
        .map(|pair| {
            let pair: Array = pair.dyn_into().ok()?;
            Some((pair.get(0).as_string()?, pair.get(1).as_f64()? as usize))
        })
        .collect()
}
