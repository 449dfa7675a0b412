//! What is kept in the browser and in a changes file: the dataset's key, the source file's
//! fingerprint and the change log.

use super::*;

/// A short identity for a dataset (for storage keys and file names): a slug of organisation
/// and title.
pub fn dataset_key(ds: &Dataset) -> String {
    let raw = format!("{} {}", ds.organisation, ds.title);
    let mut s = String::new();
    for ch in raw.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            s.push(ch);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "dataset".into()
    } else {
        s
    }
}

/// FNV-1a hash of a text, as 16 hex digits: tells whether a source file changed.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

/// What is kept in the browser (and in a changes file) for one dataset.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub format: String,
    /// `dataset_key` of the dataset the changes belong to.
    pub dataset: String,
    /// `fingerprint` of the source file the changes were made on.
    pub source: String,
    pub saved_at: String,
    pub changes: Vec<Change>,
}

impl Saved {
    pub fn new(ds_key: String, source: String, saved_at: String, changes: Vec<Change>) -> Saved {
        Saved {
            format: CHANGES_FORMAT.into(),
            dataset: ds_key,
            source,
            saved_at,
            changes,
        }
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("serialisable")
    }
    /// Reads saved changes or a changes file; the error says what is wrong in plain words.
    pub fn parse(text: &str) -> Result<Saved, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let v: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e})"))?;
        match v.get("format").and_then(|f| f.as_str()) {
            Some(CHANGES_FORMAT) => {}
            Some(other) => {
                return Err(format!(
                    "format \"{other}\" is not a changes file (expected \"{CHANGES_FORMAT}\")"
                ))
            }
            None => return Err(format!("missing \"format\": \"{CHANGES_FORMAT}\"")),
        }
        serde_json::from_value(v)
            .map_err(|e| format!("the changes are not in the expected form ({e})"))
    }
}
