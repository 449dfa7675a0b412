//! Installs the tools the build and tests need, only from the registries this project may use
//! (crates.io, npm, Debian), and only when missing or at the wrong version.
//!
//! - wasm32 target (rustup)
//! - Trunk 0.22.1 (crates.io)
//! - wasm-bindgen CLI, exactly the wasm-bindgen version in Cargo.lock (crates.io)
//! - wasm-opt from the npm package binaryen@132 (Debian's binaryen 108 breaks the wasm)
//! - axe-core (npm), for the accessibility checks in the browser tests
//! - Chromium and ChromeDriver (Debian), for tests only

use std::path::{Path, PathBuf};
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.22.1";
pub const BINARYEN: &str = "binaryen@132";
pub const WASM_OPT_VERSION: &str = "version 132";
pub const AXE: &str = "axe-core@4.10.3";

/// Where the tools are, to put on a command's PATH.
pub struct Tools {
    /// Folder with node_modules (wasm-opt, axe-core).
    pub dir: PathBuf,
    pub path: String,
    pub chromedriver: String,
    pub chromium: String,
}

impl Tools {
    /// Gives a command the tools' PATH.
    pub fn apply(&self, cmd: &mut Command) {
        cmd.env("PATH", &self.path);
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"))
}

fn output(cmd: &str, args: &[&str], path: &str) -> Option<String> {
    let out = Command::new(cmd)
        .args(args)
        .env("PATH", path)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn which(cmd: &str, path: &str) -> Option<String> {
    std::env::split_paths(path)
        .map(|d| d.join(cmd))
        .find(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
}

fn step(msg: &str) {
    eprintln!("xtask: {msg}");
}

/// The wasm-bindgen version pinned in Cargo.lock.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock ({e}); run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen".into())
}

/// Makes sure every tool is there (browser tools too when `browser`), installing what is not.
pub fn ensure(browser: bool) -> Result<Tools, String> {
    let root = crate::root();
    let dir = home().join(".cache/golden-thread/tools");
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let cargo_bin = home().join(".cargo/bin");
    let old_path = std::env::var("PATH").unwrap_or_default();
    let path = std::env::join_paths(
        [dir.join("node_modules/.bin"), cargo_bin]
            .into_iter()
            .chain(std::env::split_paths(&old_path)),
    )
    .map_err(|e| e.to_string())?
    .to_string_lossy()
    .into_owned();

    // wasm32 target
    let targets = output("rustup", &["target", "list", "--installed"], &path).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("adding the wasm32-unknown-unknown target");
        let mut c = Command::new("rustup");
        c.args(["target", "add", "wasm32-unknown-unknown"])
            .env("PATH", &path);
        crate::run(c, "rustup target add")?;
    }

    // npm tools: wasm-opt (binaryen) and axe-core
    let wasm_opt = output("wasm-opt", &["--version"], &path).unwrap_or_default();
    let axe_ok = dir.join("node_modules/axe-core/axe.min.js").is_file();
    if !wasm_opt.contains(WASM_OPT_VERSION) || !axe_ok {
        step(&format!(
            "installing {BINARYEN} and {AXE} from npm into {}",
            dir.display()
        ));
        let pkg = dir.join("package.json");
        if !pkg.exists() {
            std::fs::write(
                &pkg,
                "{ \"name\": \"golden-thread-tools\", \"private\": true }\n",
            )
            .map_err(|e| e.to_string())?;
        }
        let mut c = Command::new("npm");
        c.args(["install", "--no-audit", "--no-fund", BINARYEN, AXE])
            .current_dir(&dir)
            .env("PATH", &path);
        crate::run(c, "npm install")?;
        let v = output("wasm-opt", &["--version"], &path).unwrap_or_default();
        if !v.contains(WASM_OPT_VERSION) {
            return Err(format!(
                "wasm-opt is \"{v}\" after install; expected {WASM_OPT_VERSION}"
            ));
        }
    }

    // wasm-bindgen CLI at exactly the locked version
    let want = locked_wasm_bindgen(&root)?;
    let have = output("wasm-bindgen", &["--version"], &path).unwrap_or_default();
    if have != format!("wasm-bindgen {want}") {
        step(&format!(
            "installing wasm-bindgen-cli {want} (a few minutes)"
        ));
        // Not --locked: its lockfile names a crate version this registry lacks.
        let mut c = Command::new("cargo");
        c.args(["install", "wasm-bindgen-cli", "--version", &want, "--force"])
            .env("PATH", &path);
        crate::run(c, "cargo install wasm-bindgen-cli")?;
    }

    // Trunk
    let have = output("trunk", &["--version"], &path).unwrap_or_default();
    if have != format!("trunk {TRUNK_VERSION}") {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (about 9 minutes on 2 cores)"
        ));
        let mut c = Command::new("cargo");
        c.args([
            "install",
            "--locked",
            "trunk",
            "--version",
            TRUNK_VERSION,
            "--ignore-rust-version",
            "--force",
        ])
        .env("PATH", &path);
        crate::run(c, "cargo install trunk")?;
    }

    let mut chromium = which("chromium", &path).unwrap_or_default();
    let mut chromedriver = which("chromedriver", &path).unwrap_or_default();
    let pdftotext = which("pdftotext", &path).is_some();
    if browser && (chromium.is_empty() || chromedriver.is_empty() || !pdftotext) {
        step("installing chromium and chromium-driver from Debian");
        let sudo = output("id", &["-u"], &path).as_deref() != Some("0");
        let apt = |args: &[&str]| {
            let mut c = if sudo {
                let mut c = Command::new("sudo");
                c.arg("apt-get");
                c
            } else {
                Command::new("apt-get")
            };
            c.args(args)
                .env("PATH", &path)
                .env("DEBIAN_FRONTEND", "noninteractive");
            crate::run(c, "apt-get")
        };
        apt(&["update", "-qq"])?;
        apt(&[
            "install",
            "-y",
            "-qq",
            "chromium",
            "chromium-driver",
            "poppler-utils",
        ])?;
        chromium = which("chromium", &path).ok_or("chromium is missing after install")?;
        chromedriver =
            which("chromedriver", &path).ok_or("chromedriver is missing after install")?;
    }
    Ok(Tools {
        dir,
        path,
        chromedriver,
        chromium,
    })
}
