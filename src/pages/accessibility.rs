//! The accessibility statement (a legal duty for UK public-sector websites).

use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    view! {
        <h1 class="gt-heading-xl" data-testid="page-heading">"Accessibility statement"</h1>
        <p class="gt-body-l">"Golden Thread is built to be used by as many people as possible. It aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA."</p>
        <h2 class="gt-heading-m">"What you can do"</h2>
        <ul class="gt-list gt-list--bullet">
            <li>"Use every page with a keyboard alone: Tab moves between links and controls, Enter follows a link, and the focused item is always outlined in yellow."</li>
            <li>"Zoom to 400% without text spilling off the screen; on narrow screens tables become lists."</li>
            <li>"Read every status in words and by shape, not only by colour: "<strong>"On target"</strong>" (circle), "<strong>"Near target"</strong>" (triangle), "<strong>"Off target"</strong>" (square)."</li>
            <li>"Read every chart as a table: each chart has the same figures in a table beneath it."</li>
            <li>"Print any page, or the committee pack, in black and white without losing meaning."</li>
        </ul>
        <h2 class="gt-heading-m">"How we test"</h2>
        <p class="gt-body">"Every release is checked automatically in a real browser with the axe-core accessibility engine on every page, on a desktop (1280 pixels wide) and a phone (375 pixels wide), and by hand with a keyboard and on a desktop, a tablet and a phone. Text contrast is at least 4.5:1."</p>
        <h2 class="gt-heading-m">"Known problems"</h2>
        <p class="gt-body">"Small trend lines in tables are decorative; the figures they show are in the same row and on each indicator's page."</p>
        <h2 class="gt-heading-m">"Reporting a problem"</h2>
        <p class="gt-body">"If you find a part of Golden Thread you cannot use, tell the team that publishes the data (named at the foot of each page). If you are not happy with the reply, contact the Equality Advisory and Support Service (EASS)."</p>
    }
}
