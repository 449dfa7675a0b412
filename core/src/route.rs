//! The app's URL scheme: routes live in the fragment (`#/indicators?council=bexley`), so that
//! links work on any static host with no rewrite rules and in a single file opened from disk
//! (`file://`), where changing the path is forbidden. See docs/architecture.md.

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Overview,
    Priorities,
    Priority(String),
    Improvement,
    Area(String),
    Indicators,
    Indicator(String),
    /// Comparing councils: one shared measure side by side, and the service × council grid.
    Compare,
    Report,
    Data,
    Accessibility,
    /// The officer's local changes.
    Changes,
    /// How statuses are worked out: each council's RAG scheme.
    Statuses,
    NotFound(String),
}

/// A route with its query parameters, in the order given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub route: Route,
    pub query: Vec<(String, String)>,
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query component (keeps letters, digits, `-_.~` and `,`).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Route {
    /// The path part of the fragment: "/indicators/EX-03-LBH".
    pub fn path(&self) -> String {
        match self {
            Route::Overview => "/".into(),
            Route::Priorities => "/priorities".into(),
            Route::Priority(id) => format!("/priorities/{}", encode(id)),
            Route::Improvement => "/improvement".into(),
            Route::Area(id) => format!("/improvement/{}", encode(id)),
            Route::Indicators => "/indicators".into(),
            Route::Indicator(id) => format!("/indicators/{}", encode(id)),
            Route::Compare => "/compare".into(),
            Route::Report => "/report".into(),
            Route::Data => "/data".into(),
            Route::Accessibility => "/accessibility".into(),
            Route::Changes => "/changes".into(),
            Route::Statuses => "/statuses".into(),
            Route::NotFound(p) => p.clone(),
        }
    }

    /// The link to this route with no query: "#/indicators".
    pub fn href(&self) -> String {
        format!("#{}", self.path())
    }

    fn from_path(path: &str) -> Route {
        let trimmed = path.trim_end_matches('/');
        let parts: Vec<&str> = trimmed.split('/').filter(|s| !s.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Overview,
            ["priorities"] => Route::Priorities,
            ["priorities", id] => Route::Priority(decode(id)),
            ["improvement"] => Route::Improvement,
            ["improvement", id] => Route::Area(decode(id)),
            ["indicators"] => Route::Indicators,
            ["indicators", id] => Route::Indicator(decode(id)),
            ["compare"] => Route::Compare,
            ["report"] => Route::Report,
            ["data"] => Route::Data,
            ["accessibility"] => Route::Accessibility,
            ["changes"] => Route::Changes,
            ["statuses"] => Route::Statuses,
            _ => Route::NotFound(if path.starts_with('/') {
                path.to_string()
            } else {
                format!("/{path}")
            }),
        }
    }

    /// Which navigation item is current for this route.
    pub fn section(&self) -> &'static str {
        match self {
            Route::Overview => "overview",
            Route::Priorities | Route::Priority(_) => "priorities",
            Route::Improvement | Route::Area(_) => "improvement",
            Route::Indicators | Route::Indicator(_) => "indicators",
            Route::Compare => "compare",
            Route::Report => "report",
            Route::Data => "data",
            Route::Accessibility => "accessibility",
            Route::Changes => "changes",
            Route::Statuses => "statuses",
            Route::NotFound(_) => "",
        }
    }
}

impl Location {
    /// Reads a fragment as `location.hash` gives it ("#/indicators?council=bexley"; "" or "#"
    /// is the overview).
    pub fn parse(hash: &str) -> Location {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match h.split_once('?') {
            Some((p, q)) => (p, q),
            None => (h, ""),
        };
        let path = if path.is_empty() { "/" } else { path };
        let query = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (decode(k), decode(v)),
                None => (decode(kv), String::new()),
            })
            .collect();
        Location {
            route: Route::from_path(path),
            query,
        }
    }

    pub fn new(route: Route) -> Location {
        Location {
            route,
            query: Vec::new(),
        }
    }

    /// The first value of a query parameter.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (or with an empty value, removes) a query parameter.
    pub fn with(mut self, key: &str, value: &str) -> Location {
        self.query.retain(|(k, _)| k != key);
        if !value.is_empty() {
            self.query.push((key.to_string(), value.to_string()));
        }
        self
    }

    /// The fragment, with `#`: "#/indicators?council=bexley".
    pub fn to_hash(&self) -> String {
        let mut s = format!("#{}", self.route.path());
        if !self.query.is_empty() {
            s.push('?');
            let q: Vec<String> = self
                .query
                .iter()
                .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
                .collect();
            s.push_str(&q.join("&"));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_routes() {
        assert_eq!(Location::parse("").route, Route::Overview);
        assert_eq!(Location::parse("#").route, Route::Overview);
        assert_eq!(Location::parse("#/").route, Route::Overview);
        assert_eq!(Location::parse("#/indicators").route, Route::Indicators);
        assert_eq!(Location::parse("#/indicators/").route, Route::Indicators);
        assert_eq!(
            Location::parse("#/indicators/EX-03-LBH").route,
            Route::Indicator("EX-03-LBH".into())
        );
        assert_eq!(
            Location::parse("#/improvement/A01").route,
            Route::Area("A01".into())
        );
        assert_eq!(
            Location::parse("#/priorities/P2").route,
            Route::Priority("P2".into())
        );
        assert_eq!(
            Location::parse("#/nope/deeper").route,
            Route::NotFound("/nope/deeper".into())
        );
    }

    #[test]
    fn query_round_trip() {
        let l =
            Location::parse("#/indicators?council=bexley&status=red,amber&q=invoice+paid%26more");
        assert_eq!(l.get("council"), Some("bexley"));
        assert_eq!(l.get("status"), Some("red,amber"));
        assert_eq!(l.get("q"), Some("invoice paid&more"));
        assert_eq!(Location::parse(&l.to_hash()), l);
        assert_eq!(
            l.clone().with("council", "").to_hash(),
            "#/indicators?status=red,amber&q=invoice+paid%26more"
        );
    }

    #[test]
    fn ids_with_odd_characters_survive() {
        let r = Route::Indicator("A/B C?".into());
        assert_eq!(Location::parse(&r.href()).route, r);
    }

    #[test]
    fn broken_percent_escapes_do_not_panic() {
        for h in ["#/%", "#/%e", "#/?q=%zz", "#/?=&&=", "#/indicators/%FF%FE"] {
            let _ = Location::parse(h);
        }
        assert_eq!(Location::parse("#/?q=%zz").get("q"), Some("%zz"));
    }
}
