//! Direction of travel: words first, an arrow second, better or worse (never up or down).

use gt_core::rag::{Direction, Travel};
use leptos::prelude::*;

/// A direction's class word and arrow (one place for the component and `markup.rs`).
pub fn arrow(d: Direction) -> (&'static str, &'static str) {
    match d {
        Direction::Improved => ("improved", "▲"),
        Direction::Worsened => ("worsened", "▼"),
        Direction::Unchanged => ("unchanged", "▶"),
    }
}

#[component]
pub fn TravelText(travel: Option<Travel>, #[prop(optional)] short: bool) -> impl IntoView {
    match travel {
        None => view! { <span class="gt-travel gt-travel--none">"–"<span class="gt-visually-hidden">"No comparison"</span></span> }.into_any(),
        Some(t) => {
            let (cls, arrow) = arrow(t.direction);
            let text = if short {
                t.direction.label().to_string()
            } else {
                t.describe()
            };
            view! {
                <span class=format!("gt-travel gt-travel--{cls}") data-direction=t.direction.as_str() title=t.describe()>
                    <span class="gt-travel__arrow" aria-hidden="true">{arrow}</span>" "{text}
                    {short.then(|| view! { <span class="gt-visually-hidden">{format!(" since {}", t.since.short_label())}</span> })}
                </span>
            }.into_any()
        }
    }
}
