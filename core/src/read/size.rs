//! How big a data file is, in words, while it is read and when it is too large to open.
//!
//! The limit is measured (docs/performance.md, "Opening a large file"): headless Chromium opens
//! 50,000 indicators × 12 quarters (68 MB) in a few seconds; far larger files run the page out
//! of memory, so a file over [`MAX_FILE_BYTES`] is refused with a message before it is read.

/// The largest data file the app opens: 300 MB (about 220,000 indicators of 12 quarters each).
pub const MAX_FILE_BYTES: u64 = 300_000_000;

/// A size in megabytes to one decimal place: "13.5 MB" (1 MB = 1,000,000 bytes, as browsers
/// and file managers show it).
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes + 50_000) / 100_000;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// Where loading is, for the status line while the page waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// Downloading: bytes received so far, of the total when the server said it.
    Reading { received: u64, total: Option<u64> },
    /// Downloaded; the file of this many bytes is being read and checked.
    Checking { bytes: u64 },
}

impl Progress {
    /// The status line: "Reading the data file: 6.1 of 13.5 MB", "Checking the data (13.5 MB)…".
    pub fn words(&self) -> String {
        match *self {
            Progress::Reading {
                received,
                total: Some(total),
            } if received <= total => format!(
                "Reading the data file: {} of {}",
                megabytes(received).trim_end_matches(" MB"),
                megabytes(total)
            ),
            Progress::Reading { received, .. } => {
                format!("Reading the data file: {} so far", megabytes(received))
            }
            Progress::Checking { bytes } => {
                format!("Checking the data ({})…", megabytes(bytes))
            }
        }
    }
}

/// Whether a file of `bytes` may be opened under `limit`; when not, what to say, naming the file.
pub fn check_size(name: &str, bytes: u64, limit: u64) -> Result<(), String> {
    if bytes <= limit {
        return Ok(());
    }
    Err(format!(
        "the file {name} is {}, larger than this app can open in a browser ({} at most). Split it into smaller files (for example one per council or per service), or keep fewer past periods in it.",
        megabytes(bytes),
        megabytes(limit)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_megabytes_to_one_place() {
        // 13,530,032 bytes = 13.53 MB, to one place 13.5; 6,149,999 → 6.1; 6,150,000 → 6.2 (half up).
        assert_eq!(megabytes(13_530_032), "13.5 MB");
        assert_eq!(megabytes(6_149_999), "6.1 MB");
        assert_eq!(megabytes(6_150_000), "6.2 MB");
        assert_eq!(megabytes(0), "0.0 MB");
        assert_eq!(megabytes(200_000_000), "200.0 MB");
    }

    #[test]
    fn progress_in_words() {
        let p = Progress::Reading {
            received: 6_100_000,
            total: Some(13_530_032),
        };
        assert_eq!(p.words(), "Reading the data file: 6.1 of 13.5 MB");
        // No length from the server, or a compressed length the bytes outgrow: so far only.
        let p = Progress::Reading {
            received: 6_100_000,
            total: None,
        };
        assert_eq!(p.words(), "Reading the data file: 6.1 MB so far");
        let p = Progress::Reading {
            received: 6_100_000,
            total: Some(1_000_000),
        };
        assert_eq!(p.words(), "Reading the data file: 6.1 MB so far");
        let p = Progress::Checking { bytes: 13_530_032 };
        assert_eq!(p.words(), "Checking the data (13.5 MB)…");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_name_and_size() {
        assert_eq!(check_size("big.json", 200, 200), Ok(()));
        let e = check_size("data/big.json", 300_400_000, MAX_FILE_BYTES).unwrap_err();
        assert!(
            e.starts_with("the file data/big.json is 300.4 MB, larger than this app can open in a browser (300.0 MB at most)."),
            "{e}"
        );
        assert!(e.contains("Split it into smaller files"), "{e}");
    }
}
