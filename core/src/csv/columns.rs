//! The columns of a return: headings as written in files, read as fields.

/// A column of a return.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    IndicatorId,
    Indicator,
    Council,
    /// Not a council column: used as the council only when the file has no council column.
    Organisation,
    Service,
    Frequency,
    Polarity,
    Unit,
    Period,
    Target,
    Actual,
    Rag,
    RagJustification,
    Commentary,
    Reason,
    RemedialAction,
    /// The direction of travel the council published: compared with the rules, not stored.
    Direction,
}

impl Field {
    /// The columns [`export_returns`](super::export_returns) writes, in order.
    pub const EXPORT: [Field; 15] = [
        Field::IndicatorId,
        Field::Indicator,
        Field::Council,
        Field::Service,
        Field::Frequency,
        Field::Polarity,
        Field::Unit,
        Field::Period,
        Field::Target,
        Field::Actual,
        Field::Rag,
        Field::RagJustification,
        Field::Commentary,
        Field::Reason,
        Field::RemedialAction,
    ];

    /// The heading this app writes.
    pub fn name(&self) -> &'static str {
        match self {
            Field::IndicatorId => "indicator_id",
            Field::Indicator => "indicator",
            Field::Council => "council",
            Field::Organisation => "organisation",
            Field::Service => "service",
            Field::Frequency => "frequency",
            Field::Polarity => "polarity",
            Field::Unit => "unit",
            Field::Period => "period",
            Field::Target => "target",
            Field::Actual => "actual",
            Field::Rag => "rag",
            Field::RagJustification => "rag_justification",
            Field::Commentary => "commentary",
            Field::Reason => "reason",
            Field::RemedialAction => "remedial_action",
            Field::Direction => "direction",
        }
    }

    /// Reads a heading: case and surrounding spaces do not matter, and spaces, hyphens and the
    /// like count as underscores ("Indicator ID", "Remedial action", "Published RAG").
    pub fn from_heading(h: &str) -> Option<Field> {
        let key = heading_key(h);
        Some(match key.as_str() {
            "indicator_id" | "id" | "indicator_code" => Field::IndicatorId,
            "indicator" | "indicator_name" | "name" => Field::Indicator,
            "council" | "council_id" => Field::Council,
            "organisation" | "organization" => Field::Organisation,
            "service" | "service_id" | "service_area" => Field::Service,
            "frequency" => Field::Frequency,
            "polarity" => Field::Polarity,
            "unit" | "units" => Field::Unit,
            "period" => Field::Period,
            "target" => Field::Target,
            "actual" | "outturn" => Field::Actual,
            "rag" | "published_rag" | "rag_status" | "status" => Field::Rag,
            "rag_justification" | "justification" => Field::RagJustification,
            "commentary" | "comment" | "comments" => Field::Commentary,
            "reason" | "reasons" => Field::Reason,
            "remedial_action" | "remedial_actions" => Field::RemedialAction,
            "direction" | "published_direction" | "direction_of_travel" => Field::Direction,
            _ => return None,
        })
    }
}

fn heading_key(h: &str) -> String {
    let mut out = String::new();
    for c in h.trim().trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_end_matches('_').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            Field::from_heading(" Indicator ID "),
            Some(Field::IndicatorId)
        );
        assert_eq!(Field::from_heading("Published RAG"), Some(Field::Rag));
        assert_eq!(
            Field::from_heading("Remedial action"),
            Some(Field::RemedialAction)
        );
        assert_eq!(Field::from_heading("notes"), None);
    }
}
