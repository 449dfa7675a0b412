//! Free-text search over the indicators: a lower-cased index built once per dataset.

use crate::model::Dataset;

/// Lower-cased text to search per indicator: name, id and every commentary. Built once per
/// dataset so typing in the search box does not re-read the data. (The default index is empty:
/// enough for a view with no search words, which never reads it.)
#[derive(Default)]
pub struct SearchIndex {
    hay: Vec<String>,
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let hay = ds
            .indicators
            .iter()
            .map(|i| {
                let mut s = String::with_capacity(i.name.len() + i.id.len() + 64);
                s.push_str(&i.name.to_lowercase());
                s.push('\n');
                s.push_str(&i.id.to_lowercase());
                for v in &i.values {
                    for t in [&v.commentary, &v.reason, &v.remedial_action]
                        .into_iter()
                        .flatten()
                    {
                        s.push('\n');
                        s.push_str(&t.to_lowercase());
                    }
                }
                s
            })
            .collect();
        SearchIndex { hay }
    }

    /// Whether indicator `i` contains every word of the (lower-cased) query.
    pub fn matches(&self, i: usize, words: &[String]) -> bool {
        let h = &self.hay[i];
        words.iter().all(|w| h.contains(w.as_str()))
    }
}

/// The words of a search, lower-cased: a row matches when its text holds every one.
pub fn search_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}
