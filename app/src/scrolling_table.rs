//! A data table that scrolls sideways inside its own region when the screen
//! is narrower than the table (a phone, a zoomed window), so the page itself
//! never does (WCAG 1.4.10). The region can be scrolled from the keyboard
//! (it takes focus) and screen readers announce it by its label, which is
//! the table's own heading or caption.

use leptos::prelude::*;

/// The scrolling region around one `<table>`.
#[component]
pub fn ScrollingTable(
    /// What the table is, as its heading or caption says.
    #[prop(into)]
    label: String,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="table--responsive-scroll" role="region" tabindex="0" aria-label=label>
            {children()}
        </div>
    }
}
