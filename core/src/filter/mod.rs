//! The indicator list: its view state in the URL (`query`), free-text search (`search`), one
//! row per indicator for a period (`rows`), and the rows worked out once per dataset and
//! period so that a filter or sort only selects and orders them (`listing`).

mod listing;
mod query;
mod rows;
mod search;

pub use listing::{apply, apply_with, Listing};
pub(crate) use query::{read_councils, read_services};
pub use query::{IndicatorQuery, SortKey, PAGE_SIZE};
pub use rows::{dir_rank, rag_rank, Filtered, Row};
pub use search::{search_words, SearchIndex};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;
    use crate::route::Location;

    #[test]
    fn active_filters_counts_each_choice() {
        let mut q = IndicatorQuery::default();
        assert_eq!(q.active_filters(), 0);
        q.councils = vec!["a".into(), "b".into()];
        q.key_only = true;
        q.sort = Some(SortKey::Name);
        q.descending = true;
        assert_eq!(q.active_filters(), 3, "sort is not a filter");
        q.text = "  ".into();
        assert_eq!(q.active_filters(), 3, "a blank search is not a filter");
        q.text = "waste".into();
        assert_eq!(q.active_filters(), 4);
        assert_eq!(q.cleared().active_filters(), 0);
    }
    use crate::route::Route;

    fn ds() -> Dataset {
        crate::parse_dataset(
            &serde_json::json!({
                "format": "golden-thread/1", "title": "t", "organisation": "o",
                "councils": [ { "id": "havering", "name": "Havering", "short": "LBH" },
                              { "id": "bexley", "name": "Bexley", "short": "LBB" } ],
                "services": [ { "id": "ex", "name": "Exchequer", "councils": ["havering", "bexley"] },
                              { "id": "ict", "name": "ICT", "councils": ["havering"] } ],
                "indicators": [
                    { "id": "A", "name": "% of invoices paid on time", "service": "ex", "council": "bexley",
                      "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q1", "target": 90, "actual": 80, "commentary": "Backlog in August" },
                                  { "period": "2019-20-Q2", "target": 90, "actual": 70 } ] },
                    { "id": "B", "name": "ICT incidents resolved", "service": "ict", "council": "havering",
                      "frequency": "quarterly", "polarity": "higher",
                      "values": [ { "period": "2019-20-Q2", "target": 90, "actual": 95 } ] },
                    { "id": "C", "name": "Invoices disputed", "service": "ex", "council": "havering",
                      "frequency": "quarterly", "polarity": "lower", "key": true,
                      "values": [ { "period": "2019-20-Q2", "target": 10, "actual": 10.5 } ] }
                ]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn ids(ds: &Dataset, f: &Filtered) -> Vec<String> {
        f.rows
            .iter()
            .map(|r| ds.indicators[r.index].id.clone())
            .collect()
    }

    fn view(ds: &Dataset, hash: &str) -> (Vec<String>, Vec<String>) {
        let (q, notes) = IndicatorQuery::from_location(&Location::parse(hash), ds);
        let idx = SearchIndex::new(ds);
        let f = apply(ds, &idx, &q, crate::engine::default_period(ds));
        (ids(ds, &f), notes)
    }

    #[test]
    fn filters_combine() {
        let d = ds();
        assert_eq!(view(&d, "#/indicators").0, ["A", "B", "C"]);
        assert_eq!(view(&d, "#/indicators?council=bexley").0, ["A"]);
        assert_eq!(view(&d, "#/indicators?council=LBH").0, ["B", "C"]);
        assert_eq!(view(&d, "#/indicators?status=red,amber").0, ["A", "C"]);
        assert_eq!(
            view(&d, "#/indicators?status=amber&council=havering").0,
            ["C"]
        );
        assert_eq!(view(&d, "#/indicators?service=ict").0, ["B"]);
        assert_eq!(view(&d, "#/indicators?key=1").0, ["C"]);
        assert_eq!(view(&d, "#/indicators?q=invoice").0, ["A", "C"]);
        // Commentary is searched too, and every word must match.
        assert_eq!(view(&d, "#/indicators?q=backlog+august").0, ["A"]);
        assert_eq!(
            view(&d, "#/indicators?q=backlog+july").0,
            Vec::<String>::new()
        );
        // An earlier period rates differently.
        assert_eq!(
            view(&d, "#/indicators?period=2019-20-Q1&status=red").0,
            ["A"]
        );
    }

    #[test]
    fn sorting_by_status_and_value() {
        let d = ds();
        assert_eq!(view(&d, "#/indicators?sort=status").0, ["A", "C", "B"]);
        assert_eq!(view(&d, "#/indicators?sort=-status").0, ["B", "C", "A"]);
        assert_eq!(view(&d, "#/indicators?sort=actual").0, ["C", "A", "B"]);
        assert_eq!(view(&d, "#/indicators?sort=-name").0, ["C", "B", "A"]);
        assert_eq!(view(&d, "#/indicators?sort=council").0, ["A", "B", "C"]);
    }

    #[test]
    fn unknown_and_malformed_parameters_become_notes() {
        let d = ds();
        let (rows, notes) = view(
            &d,
            "#/indicators?council=hackney&status=purple&period=2019-20-Q5&colour=blue&sort=size&page=x&key=maybe",
        );
        assert_eq!(
            rows,
            ["A", "B", "C"],
            "bad parameters are ignored, not fatal"
        );
        assert_eq!(notes.len(), 7, "{notes:?}");
        assert!(notes
            .iter()
            .any(|n| n == "council \"hackney\" is not in this data"));
        assert!(notes.iter().any(|n| n == "\"colour\" is not a filter"));
        assert!(notes
            .iter()
            .any(|n| n.starts_with("period: \"2019-20-Q5\" is not a period")));
    }

    #[test]
    fn url_round_trip() {
        let d = ds();
        let loc = Location::parse(
            "#/indicators?council=bexley&status=red,amber&period=2019-20-Q2&q=invoice&sort=-actual&page=2&key=1&frequency=quarterly&service=ex",
        );
        let (q, notes) = IndicatorQuery::from_location(&loc, &d);
        assert!(notes.is_empty(), "{notes:?}");
        let again = q.to_location();
        assert_eq!(again.route, Route::Indicators);
        assert_eq!(IndicatorQuery::from_location(&again, &d).0, q);
        assert_eq!(
            again.to_hash(),
            "#/indicators?council=bexley&service=ex&status=red,amber&frequency=quarterly&key=1&period=2019-20-Q2&q=invoice&sort=-actual&page=2"
        );
        let cleared = q.cleared();
        assert!(!cleared.is_filtered());
        assert_eq!(
            cleared.to_location().to_hash(),
            "#/indicators?period=2019-20-Q2&sort=-actual"
        );
    }
}
