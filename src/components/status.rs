//! Status tags: a word, a shape and a colour together, never colour alone.

use gt_core::{Rag, WorkStatus};
use leptos::prelude::*;

/// The shape drawn for each status, inside its 12 × 12 SVG (inline, so it prints and needs no
/// font). One place for both the component and the list's row markup (`markup.rs`).
pub fn shape_inner(kind: &str) -> &'static str {
    match kind {
        "complete" => {
            r#"<path d="M1.2 6.4 L4.6 9.8 L10.8 2.4" fill="none" stroke="currentColor" stroke-width="2.4"></path>"#
        }
        "amber" => r#"<path d="M6 0.8 L11.4 11 L0.6 11 Z"></path>"#,
        "red" => r#"<rect x="1" y="1" width="10" height="10"></rect>"#,
        "no_data" => {
            r#"<circle cx="6" cy="6" r="4.3" fill="none" stroke="currentColor" stroke-width="1.6"></circle>"#
        }
        "data_only" => r#"<rect x="1" y="5" width="10" height="2.2"></rect>"#,
        "not_due" | "not_started" => {
            r#"<circle cx="6" cy="6" r="4.3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2 1.6"></circle>"#
        }
        // Green, and any other status: a full circle.
        _ => r#"<circle cx="6" cy="6" r="5"></circle>"#,
    }
}

fn shape(kind: &'static str) -> impl IntoView {
    view! { <svg class="gt-tag__shape" viewBox="0 0 12 12" aria-hidden="true" focusable="false" fill="currentColor" inner_html=shape_inner(kind)></svg> }
}

/// An indicator's Red/Amber/Green status. `manual` marks a status set by hand.
#[component]
pub fn RagTag(rag: Rag, #[prop(optional)] manual: bool) -> impl IntoView {
    let kind = rag.as_str();
    view! {
        <span class=format!("gt-tag gt-tag--{kind}") data-status=kind>
            {shape(kind)}
            <span class="gt-tag__word">{rag.label()}</span>
            {manual.then(|| view! { <span class="gt-tag__manual" title="Status set by hand">" (set by hand)"</span> })}
        </span>
    }
}

/// A status set by hand that the indicator's scheme rates differently: a mark (word and
/// shape), with the rules' answer beside it.
#[component]
pub fn DiffersMark(rules: Rag) -> impl IntoView {
    view! {
        <span class="gt-differs" data-testid="differs" data-rules=rules.as_str()>
            <svg class="gt-differs__shape" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><path d="M2 1 V11 M2 1.5 H10 L8 4 L10 6.5 H2" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>
            "Differs from the rules, which give "<strong>{rules.colour_word()}</strong>
        </span>
    }
}

/// An action's or project's status.
#[component]
pub fn WorkTag(status: WorkStatus) -> impl IntoView {
    let kind = match status {
        WorkStatus::Green => "green",
        WorkStatus::Amber => "amber",
        WorkStatus::Red => "red",
        WorkStatus::Complete => "complete",
        WorkStatus::NotStarted => "not_started",
    };
    view! {
        <span class=format!("gt-tag gt-tag--{kind}") data-status=status.as_str()>
            {shape(kind)}
            <span class="gt-tag__word">{status.label()}</span>
        </span>
    }
}
