//! The committee pack (`#/report?period=…&council=…&sections=…`): which period, council and
//! sections it holds, read from and written to the URL, and the groupings it prints.
//! The pack itself, every section's content as at the period, is [`crate::pack::Pack`];
//! the page in `src/pages/report.rs` only renders it.

use crate::model::*;
use crate::period::Period;
use crate::route::{Location, Route};

/// A part of the pack after the cover, in the order it is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Key,
    Summary,
    Indicators,
    Exceptions,
    Improvement,
    Priorities,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Key,
        Section::Summary,
        Section::Indicators,
        Section::Exceptions,
        Section::Improvement,
        Section::Priorities,
    ];

    /// The word used in the URL (`sections=key,exceptions`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Section::Key => "key",
            Section::Summary => "summary",
            Section::Indicators => "indicators",
            Section::Exceptions => "exceptions",
            Section::Improvement => "improvement",
            Section::Priorities => "priorities",
        }
    }

    pub fn from_word(s: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s))
    }

    /// The section's heading in the pack.
    pub fn title(&self) -> &'static str {
        match self {
            Section::Key => "Key strategic indicators",
            Section::Summary => "Performance summary by council",
            Section::Indicators => "All indicators by council and service",
            Section::Exceptions => "Exception report: Amber and Red indicators",
            Section::Improvement => "Improvement action plan progress",
            Section::Priorities => "Strategic priorities progress",
        }
    }

    /// The words allowed, for notes: "key, summary, …".
    pub fn words() -> String {
        Section::ALL.map(|s| s.as_str()).join(", ")
    }
}

/// What the pack holds: everything a shared link reproduces.
#[derive(Clone, Debug, PartialEq)]
pub struct PackQuery {
    /// The reporting period: one of the app's calendar ([`crate::engine::periods`], quarters
    /// and years with figures or plan updates), always set when the data has any.
    pub period: Option<Period>,
    /// Whether the period came from the link (else it is the default,
    /// [`crate::engine::default_period`]).
    pub period_chosen: bool,
    /// One council's id, or `None` for all councils.
    pub council: Option<String>,
    /// The sections to include, in pack order. Empty means only the cover.
    pub sections: Vec<Section>,
}

/// Periods a pack can be made for: the app's calendar (quarters and years with figures or
/// plan updates), newest first.
pub fn periods(ds: &Dataset) -> Vec<Period> {
    crate::engine::periods(ds)
}

fn list(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

impl PackQuery {
    /// The whole pack for the default period (the latest quarter with figures), all councils.
    pub fn default_for(ds: &Dataset) -> PackQuery {
        PackQuery {
            period: crate::engine::default_period(ds),
            period_chosen: false,
            council: None,
            sections: Section::ALL.to_vec(),
        }
    }

    /// Reads the pack's choices from a location. Anything unknown or malformed is left out and
    /// described in the returned notes, never an error.
    pub fn from_location(loc: &Location, ds: &Dataset) -> (PackQuery, Vec<String>) {
        let mut q = PackQuery::default_for(ds);
        let mut notes = Vec::new();
        for (k, v) in &loc.query {
            match k.as_str() {
                "period" => {
                    let chosen = crate::engine::period_from_param(ds, Some(v));
                    q.period = chosen.period;
                    q.period_chosen = chosen.chosen;
                    notes.extend(chosen.note);
                }
                "council" => {
                    let c = v.trim();
                    if c.is_empty() || c.eq_ignore_ascii_case("all") {
                        q.council = None;
                        continue;
                    }
                    let found = ds.councils.iter().find(|x| {
                        x.id.eq_ignore_ascii_case(c)
                            || x.short.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(c))
                    });
                    match found {
                        Some(x) => q.council = Some(x.id.clone()),
                        None => notes.push(format!(
                            "council \"{c}\" is not in this data; showing all councils"
                        )),
                    }
                }
                "sections" => {
                    let mut chosen = Vec::new();
                    let mut none = false;
                    for s in list(v) {
                        if s.eq_ignore_ascii_case("none") || s.eq_ignore_ascii_case("cover") {
                            none = true;
                            continue;
                        }
                        match Section::from_word(s) {
                            Some(x) if !chosen.contains(&x) => chosen.push(x),
                            Some(_) => {}
                            None => notes.push(format!(
                                "section \"{s}\" is not a section (use {})",
                                Section::words()
                            )),
                        }
                    }
                    crate::order::sort(&mut chosen);
                    if !chosen.is_empty() || none {
                        q.sections = chosen;
                    }
                }
                // The data file is the app's own parameter.
                "data" => {}
                other => notes.push(format!(
                    "\"{other}\" is not a choice for the committee pack (use period, council or sections)"
                )),
            }
        }
        (q, notes)
    }

    /// The link for these choices, leaving out defaults: `#/report?period=2019-20-Q2`.
    /// `keep` carries other parameters the app owns (the data file).
    pub fn to_location(&self, keep: &Location) -> Location {
        let mut loc = Location::new(Route::Report);
        if let Some(p) = self.period {
            loc.query.push(("period".into(), p.id()));
        }
        if let Some(c) = &self.council {
            loc.query.push(("council".into(), c.clone()));
        }
        if self.sections.is_empty() {
            loc.query.push(("sections".into(), "none".into()));
        } else if self.sections.len() < Section::ALL.len() {
            let words: Vec<&str> = self.sections.iter().map(|s| s.as_str()).collect();
            loc.query.push(("sections".into(), words.join(",")));
        }
        if let Some(d) = keep.get("data") {
            loc.query.push(("data".into(), d.to_string()));
        }
        loc
    }

    pub fn includes(&self, s: Section) -> bool {
        self.sections.contains(&s)
    }

    /// The same choices with one section added or taken out.
    pub fn toggled(&self, s: Section, on: bool) -> PackQuery {
        let mut q = self.clone();
        q.sections.retain(|x| *x != s);
        if on {
            q.sections.push(s);
            crate::order::sort(&mut q.sections);
        }
        q
    }

    /// Whether an indicator belongs in this pack: every indicator for all councils; for one
    /// council, its own and the shared-service indicators for it.
    pub fn shows_indicator(&self, i: &Indicator) -> bool {
        self.council.as_deref().is_none_or(|c| i.serves(c))
    }

    /// Whether an action or project (with its list of councils, empty for all) belongs.
    pub fn shows_work(&self, councils: &[String]) -> bool {
        match &self.council {
            None => true,
            Some(c) => councils.is_empty() || councils.iter().any(|x| x == c),
        }
    }

    /// "All councils" or the council's name.
    pub fn council_label(&self, ds: &Dataset) -> String {
        match &self.council {
            None => "All councils".into(),
            Some(c) => ds.council_name(c).to_string(),
        }
    }
}

/// The period as a committee paper writes it: "Q2 2019/20: July–September 2019".
pub fn period_heading(p: &Period) -> String {
    match p {
        Period::Month { .. } => p.short_label(),
        _ => format!("{}: {}", p.short_label(), p.months_label()),
    }
}

/// The indicators of one service for one council (or for the shared service).
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceGroup<'a> {
    pub service: &'a str,
    pub indicators: Vec<&'a Indicator>,
}

/// Whose indicators a group of the pack holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Owner<'a> {
    /// A council's own indicators.
    Council(&'a Council),
    /// The shared-service indicators (for the council chosen, or for any).
    Shared,
}

impl Owner<'_> {
    /// The council's id, or "shared".
    pub fn id(&self) -> &str {
        match self {
            Owner::Council(c) => &c.id,
            Owner::Shared => "shared",
        }
    }
    /// The council's name, or "Shared service".
    pub fn name(&self) -> &str {
        match self {
            Owner::Council(c) => &c.name,
            Owner::Shared => SHARED_SERVICE,
        }
    }
}

/// The pack's indicators grouped by council (in the data's council order: each council's own
/// indicators) and then the shared-service indicators, each by service (in the data's service
/// order), leaving out empty groups.
pub fn by_council_and_service<'a>(
    ds: &'a Dataset,
    q: &PackQuery,
) -> Vec<(Owner<'a>, Vec<ServiceGroup<'a>>)> {
    let group = |keep: &dyn Fn(&Indicator) -> bool| {
        let mut groups: Vec<ServiceGroup> = ds
            .services
            .iter()
            .map(|s| ServiceGroup {
                service: s.id.as_str(),
                indicators: ds
                    .indicators
                    .iter()
                    .filter(|i| keep(i) && i.service == s.id)
                    .collect(),
            })
            .filter(|g| !g.indicators.is_empty())
            .collect();
        // Indicators naming a service the data does not list still appear, last.
        for i in ds
            .indicators
            .iter()
            .filter(|i| keep(i) && ds.service(&i.service).is_none())
        {
            match groups.iter_mut().find(|g| g.service == i.service) {
                Some(g) => g.indicators.push(i),
                None => groups.push(ServiceGroup {
                    service: i.service.as_str(),
                    indicators: vec![i],
                }),
            }
        }
        groups
    };
    let mut out: Vec<(Owner, Vec<ServiceGroup>)> = ds
        .councils
        .iter()
        .filter(|c| q.council.as_deref().is_none_or(|x| x == c.id))
        .map(|c| (Owner::Council(c), group(&|i| i.is_own(&c.id))))
        .collect();
    out.push((
        Owner::Shared,
        group(&|i| i.is_shared() && q.shows_indicator(i)),
    ));
    out.retain(|(_, g)| !g.is_empty());
    out
}

/// Text for a CSS string (`content: "…"`): quotes, backslashes and line breaks escaped.
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("\\3C "),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ds() -> Dataset {
        crate::parse_dataset(
            &json!({
                "format": "golden-thread/1", "title": "t", "organisation": "o",
                "councils": [ { "id": "a", "name": "Council A", "short": "CA" }, { "id": "b", "name": "Council B" } ],
                "services": [ { "id": "s1", "name": "S1", "councils": ["a", "b"] }, { "id": "s2", "name": "S2", "councils": ["a"] } ],
                "priorities": [ { "id": "P1", "title": "p", "projects": [
                    { "id": "x", "title": "x", "updates": [ { "period": "2020-21-Q2", "status": "green" }, { "period": "2020-21-Q1", "status": "amber" } ] } ] } ],
                "themes": [],
                "indicators": [
                    { "id": "i1", "name": "One", "service": "s2", "council": "a", "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q1", "target": 1, "actual": 1 }, { "period": "2019-20-Q2", "target": 1, "actual": 1 } ] },
                    { "id": "i2", "name": "Two", "service": "s1", "council": "a", "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q2", "target": 1 } ] },
                    { "id": "i3", "name": "Three", "service": "s1", "council": "b", "frequency": "monthly", "polarity": "higher",
                      "values": [ { "period": "2019-07", "target": 1, "actual": 1 } ] }
                ]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn read(hash: &str) -> (PackQuery, Vec<String>) {
        PackQuery::from_location(&Location::parse(hash), &ds())
    }

    fn q(s: &str) -> Period {
        Period::parse(s).unwrap()
    }

    #[test]
    fn defaults_are_the_whole_pack_for_the_latest_period() {
        let (p, notes) = read("#/report");
        assert!(notes.is_empty());
        assert_eq!(p.period, Some(q("2019-20-Q2")));
        assert!(!p.period_chosen);
        assert_eq!(p.council, None);
        assert_eq!(p.sections, Section::ALL.to_vec());
        assert_eq!(
            p.to_location(&Location::parse("#/report")).to_hash(),
            "#/report?period=2019-20-Q2"
        );
    }

    #[test]
    fn reads_and_writes_every_choice() {
        let (p, notes) = read("#/report?period=2019-20-Q1&council=LBX&sections=exceptions,key");
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].contains("council \"LBX\" is not in this data"),
            "{notes:?}"
        );
        assert_eq!(p.period, Some(q("2019-20-Q1")));
        assert!(p.period_chosen);
        assert_eq!(p.sections, vec![Section::Key, Section::Exceptions]);
        let (p, notes) = read("#/report?council=CA&sections=KEY,key");
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(p.council.as_deref(), Some("a"));
        assert_eq!(p.sections, vec![Section::Key]);
        let loc = p.to_location(&Location::parse("#/report?data=x.json&sections=key"));
        assert_eq!(
            loc.to_hash(),
            "#/report?period=2019-20-Q2&council=a&sections=key&data=x.json"
        );
        // Round trip.
        assert_eq!(
            PackQuery::from_location(&loc, &ds()).0,
            PackQuery {
                period_chosen: true,
                ..p
            }
        );
    }

    #[test]
    fn unknown_and_malformed_values_are_noted_and_ignored() {
        let (p, notes) =
            read("#/report?period=2019-20-Q9&sections=key,cheese&colour=blue&council=all");
        assert_eq!(p.period, Some(q("2019-20-Q2")));
        assert_eq!(p.sections, vec![Section::Key]);
        assert_eq!(p.council, None);
        assert_eq!(notes.len(), 3, "{notes:?}");
        assert!(
            notes[0].starts_with("period: \"2019-20-Q9\" is not a period"),
            "{}",
            notes[0]
        );
        assert!(
            notes[0].ends_with("showing Q2 2019/20 instead"),
            "{}",
            notes[0]
        );
        assert!(notes[1].contains("section \"cheese\""), "{}", notes[1]);
        assert!(
            notes[2].contains("\"colour\" is not a choice"),
            "{}",
            notes[2]
        );
        // A period that is well formed but has no figures, and a month.
        let (p, notes) = read("#/report?period=2030-31-Q1");
        assert_eq!(p.period, Some(q("2019-20-Q2")));
        assert!(
            notes[0].contains("has no figures or plan updates in this data"),
            "{notes:?}"
        );
        assert!(read("#/report?period=2019-07").1[0].contains("no figures or plan updates"));
        // Only unknown sections: the whole pack, with a note.
        let (p, notes) = read("#/report?sections=cheese");
        assert_eq!((p.sections.len(), notes.len()), (6, 1));
    }

    #[test]
    fn no_sections_is_the_cover_alone_and_survives_the_url() {
        let (p, notes) = read("#/report?sections=none");
        assert!(notes.is_empty());
        assert!(p.sections.is_empty());
        let loc = p.to_location(&Location::parse("#/report"));
        assert!(
            loc.to_hash().ends_with("sections=none"),
            "{}",
            loc.to_hash()
        );
        let all = p
            .toggled(Section::Priorities, true)
            .toggled(Section::Key, true);
        assert_eq!(all.sections, vec![Section::Key, Section::Priorities]);
        assert_eq!(
            all.toggled(Section::Key, false).sections,
            vec![Section::Priorities]
        );
    }

    #[test]
    fn groups_by_council_then_service_in_data_order() {
        let d = ds();
        let (all, _) = read("#/report");
        let g = by_council_and_service(&d, &all);
        type Shape<'a> = Vec<(&'a str, Vec<(&'a str, Vec<&'a str>)>)>;
        let shape: Shape = g
            .iter()
            .map(|(c, s)| {
                (
                    c.id(),
                    s.iter()
                        .map(|x| {
                            (
                                x.service,
                                x.indicators.iter().map(|i| i.id.as_str()).collect(),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                ("a", vec![("s1", vec!["i2"]), ("s2", vec!["i1"])]),
                ("b", vec![("s1", vec!["i3"])])
            ]
        );
        let (b, _) = read("#/report?council=b");
        assert_eq!(by_council_and_service(&d, &b).len(), 1);
        assert!(b.shows_work(&[]));
        assert!(b.shows_work(&["a".into(), "b".into()]));
        assert!(!b.shows_work(&["a".into()]));
        assert_eq!(b.council_label(&d), "Council B");
        assert_eq!(all.council_label(&d), "All councils");
    }

    #[test]
    fn words_for_periods_and_css() {
        assert_eq!(
            period_heading(&q("2019-20-Q2")),
            "Q2 2019/20: July–September 2019"
        );
        assert_eq!(
            period_heading(&q("2019-20")),
            "2019/20: April 2019–March 2020"
        );
        assert_eq!(
            crate::engine::first_update(&ds(), crate::engine::PlanKind::Strategy),
            Some(q("2020-21-Q1"))
        );
        assert_eq!(
            css_string("a \"b\" \\ c\n<"),
            "\"a \\\"b\\\" \\\\ c \\3C \""
        );
        assert_eq!(Section::from_word("Exceptions"), Some(Section::Exceptions));
        // One calendar: the quarters with figures and those with plan updates, newest first.
        assert_eq!(
            periods(&ds()),
            vec![
                q("2020-21-Q2"),
                q("2020-21-Q1"),
                q("2019-20-Q2"),
                q("2019-20-Q1")
            ]
        );
    }
}
