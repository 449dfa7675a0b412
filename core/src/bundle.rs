//! The single-file offline copy: one `.html` holding the styles, the JavaScript glue, the
//! WebAssembly (gzip, base64) and the dataset. It opens from disk (`file://`) with no network:
//! no ES module is loaded and nothing is fetched; the glue runs as a classic script and the
//! wasm is handed to it as bytes. Built the same way by `cargo xtask bundle` and by the app's
//! "Download offline copy" button.

/// Element ids inside a bundle (the app reads them to rebuild a bundle from a bundle).
pub const STYLE_ID: &str = "gt-bundle-style";
pub const GLUE_ID: &str = "gt-bundle-glue";
pub const WASM_ID: &str = "gt-bundle-wasm";
pub const DATA_ID: &str = "gt-data";
/// Where the data came from and the draft it holds (`crate::draft::CopyNote`, JSON).
pub const PROVENANCE_ID: &str = "gt-provenance";

/// Turns wasm-bindgen's `--target web` ES module into a classic script: `export` keywords
/// removed, `import.meta.url` (only used to find the wasm file, which a bundle passes as bytes)
/// replaced.
pub fn glue_to_classic(glue: &str) -> String {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        let t = line.trim_start();
        if t.starts_with("export {") || t.starts_with("export default ") {
            continue;
        }
        let line = if let Some(rest) = t.strip_prefix("export ") {
            let indent = &line[..line.len() - t.len()];
            format!("{indent}{rest}")
        } else {
            line.to_string()
        };
        out.push_str(&line.replace("import.meta.url", "location.href"));
        out.push('\n');
    }
    out
}

/// The files a built `index.html` (Trunk's output) loads: stylesheets, the glue, the wasm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assets {
    pub css: Vec<String>,
    pub glue: Option<String>,
    pub wasm: Option<String>,
}

/// Finds the app's files in a built `index.html`. Paths are as written (relative, `./x.js`).
pub fn find_assets(index_html: &str) -> Assets {
    let mut a = Assets::default();
    let quoted = |s: &str| -> Vec<String> {
        s.split(['"', '\''])
            .filter(|p| {
                p.starts_with("./") || (!p.contains(' ') && !p.contains('<') && p.contains('.'))
            })
            .map(str::to_string)
            .collect()
    };
    for part in quoted(index_html) {
        let path = part.split(['?', '#']).next().unwrap_or("").to_string();
        if path.ends_with(".css") && !a.css.contains(&path) {
            a.css.push(path);
        } else if path.ends_with("_bg.wasm") {
            a.wasm.get_or_insert(path);
        } else if path.ends_with(".js") && path.contains("golden-thread") {
            a.glue.get_or_insert(path);
        }
    }
    a
}

/// Builds a bundle from a built `dist/` folder and a dataset. `gzip` compresses the wasm (the
/// core has no compressor of its own; callers pass flate2's).
pub fn from_dist(
    dist: &std::path::Path,
    ds: &crate::Dataset,
    gzip: impl Fn(&[u8]) -> Vec<u8>,
) -> Result<String, String> {
    let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| {
        format!(
            "cannot read {}/index.html ({e}): build the app first",
            dist.display()
        )
    })?;
    let assets = find_assets(&index);
    let read = |p: &str| {
        std::fs::read(dist.join(p.trim_start_matches("./"))).map_err(|e| format!("{p}: {e}"))
    };
    let mut css = String::new();
    for c in &assets.css {
        css.push_str(&String::from_utf8_lossy(&read(c)?));
        css.push('\n');
    }
    let glue = read(
        assets
            .glue
            .as_deref()
            .ok_or("no glue script in index.html")?,
    )?;
    let wasm = read(assets.wasm.as_deref().ok_or("no wasm in index.html")?)?;
    let data = crate::json::write(ds, false)?;
    Ok(html(&Parts {
        title: &ds.title,
        css: &css,
        glue: &glue_to_classic(&String::from_utf8_lossy(&glue)),
        wasm_gz_base64: &base64(&gzip(&wasm)),
        data_json: &data,
        provenance_json: None,
    }))
}

/// Standard base64 (RFC 4648) with padding.
pub fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            T[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            T[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What goes into a bundle.
pub struct Parts<'a> {
    pub title: &'a str,
    /// All the app's CSS.
    pub css: &'a str,
    /// The glue, already classic (`glue_to_classic`).
    pub glue: &'a str,
    /// The wasm, gzip-compressed and base64-encoded.
    pub wasm_gz_base64: &'a str,
    /// The dataset, as JSON (format golden-thread/1).
    pub data_json: &'a str,
    /// Where the data came from and the draft it holds (`crate::draft::CopyNote`), as JSON.
    pub provenance_json: Option<&'a str>,
}

/// The bundle's HTML.
pub fn html(p: &Parts) -> String {
    // Nothing inside may end its element early.
    let css = p.css.replace("</style", "<\\/style");
    let glue = p.glue.replace("</script", "<\\/script");
    let data = p.data_json.replace("</", "<\\/");
    let provenance = p
        .provenance_json
        .map(|n| {
            format!(
                "<script type=\"application/json\" id=\"{PROVENANCE_ID}\">{}</script>\n",
                n.replace("</", "<\\/")
            )
        })
        .unwrap_or_default();
    format!(
        r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Golden Thread offline copy">
<title>{title} – Golden Thread</title>
<style id="{STYLE_ID}">{css}</style>
</head>
<body>
<noscript><p style="font: 19px/1.4 Arial, sans-serif; padding: 1em">This offline copy of Golden Thread needs JavaScript and WebAssembly. Turn on JavaScript in your browser to see the dashboards.</p></noscript>
<div id="gt-boot" class="gt-boot" role="status">Loading Golden Thread…</div>
<script type="application/json" id="{DATA_ID}">{data}</script>
{provenance}<script type="text/plain" id="{WASM_ID}">{wasm}</script>
<script id="{GLUE_ID}">{glue}</script>
<script>
(async function () {{
  var boot = document.getElementById('gt-boot');
  try {{
    var b64 = document.getElementById('{WASM_ID}').textContent.trim();
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    var wasm = await new Response(stream).arrayBuffer();
    await __wbg_init({{ module_or_path: wasm }});
  }} catch (e) {{
    if (boot) boot.textContent = 'Golden Thread could not start in this browser (' + e + '). Open this file in an up-to-date Chrome, Edge, Firefox or Safari.';
  }}
}})();
</script>
</body>
</html>
"#,
        title = escape_html(p.title),
        wasm = p.wasm_gz_base64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_trunks_assets() {
        let index = r#"<link rel="stylesheet" href="./main-a4.css" integrity="sha384-x"/>
<link rel="stylesheet" href="./plan-3a.css"/>
<script type="module">
import init, * as bindings from './golden-thread-b0.js';
const wasm = await init({ module_or_path: './golden-thread-d6_bg.wasm' });
</script>
<link rel="modulepreload" href="./golden-thread-b0.js">"#;
        let a = find_assets(index);
        assert_eq!(a.css, ["./main-a4.css", "./plan-3a.css"]);
        assert_eq!(a.glue.as_deref(), Some("./golden-thread-b0.js"));
        assert_eq!(a.wasm.as_deref(), Some("./golden-thread-d6_bg.wasm"));
    }

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn glue_becomes_a_classic_script() {
        let glue = "export class A {}\nexport function f() { return new URL('x_bg.wasm', import.meta.url); }\n  export const k = 1;\nexport { initSync, __wbg_init as default };\n";
        let out = glue_to_classic(glue);
        assert!(!out.contains("export"), "{out}");
        assert!(out.contains("class A {}"));
        assert!(out.contains("function f()"));
        assert!(out.contains("  const k = 1;"));
        assert!(out.contains("location.href"));
    }

    #[test]
    fn nothing_closes_its_element_early() {
        let h = html(&Parts {
            title: "A <b> & co",
            css: "a{} </style><b>x</b>",
            glue: "var s = '</script>';",
            wasm_gz_base64: "AAAA",
            data_json: r#"{"title":"</script><script>alert(1)</script>"}"#,
            provenance_json: None,
        });
        assert_eq!(h.matches("</style>").count(), 1);
        assert_eq!(
            h.matches("</script>").count(),
            4,
            "four script elements, none closed early"
        );
        assert!(h.contains("<title>A &lt;b&gt; &amp; co – Golden Thread</title>"));
        assert!(h.contains(r#"{"title":"<\/script><script>alert(1)<\/script>"}"#));
    }

    #[test]
    fn the_copy_carries_where_its_data_came_from() {
        let parts = |note| Parts {
            title: "t",
            css: "",
            glue: "",
            wasm_gz_base64: "",
            data_json: "{}",
            provenance_json: note,
        };
        assert!(!html(&parts(None)).contains(PROVENANCE_ID));
        let h = html(&parts(Some(r#"{"draft":"</script>"}"#)));
        assert!(h.contains(&format!(
            r#"<script type="application/json" id="{PROVENANCE_ID}">{{"draft":"<\/script>"}}</script>"#
        )));
        assert_eq!(h.matches("</script>").count(), 5);
    }
}
