//! What a page change made by the client router tells keyboard and
//! screen-reader users (with JavaScript; without it every page change is a
//! page load, which browsers announce themselves): focus moves to the new
//! page's `h1`, and a polite live region reads the new title. Decision and
//! reasons in `docs/decisions.md` ("Page changes with JavaScript").

use leptos::prelude::*;

/// How often, and how long, to wait for the new page's `h1` (a page that
/// loads data shows it when the data are there).
#[cfg(feature = "hydrate")]
const TRIES: u32 = 40;
#[cfg(feature = "hydrate")]
const PAUSE: std::time::Duration = std::time::Duration::from_millis(50);

/// The live region, and the effect that moves focus after a page change.
#[component]
pub fn PageChangeAnnouncer() -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    let location = leptos_router::hooks::use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            // The errors belonged to the page left behind.
            if let Some(errors) = use_context::<crate::form::FormErrorsShown>() {
                errors.clear();
            }
            #[cfg(feature = "hydrate")]
            focus_heading_when_shown(announcement, TRIES);
        }
        path
    });
    view! {
        <div class="sr-only" aria-live="polite" aria-atomic="true">{move || announcement.get()}</div>
    }
}

/// Focuses the main content's `h1` once the new page shows it, and
/// announces the page's title.
#[cfg(feature = "hydrate")]
fn focus_heading_when_shown(announcement: RwSignal<String>, tries_left: u32) {
    use leptos::wasm_bindgen::JsCast;
    set_timeout(
        move || {
            let heading = document()
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<leptos::web_sys::HtmlElement>().ok());
            match heading {
                Some(heading) => {
                    let _ = heading.set_attribute("tabindex", "-1");
                    let _ = heading.focus();
                    announcement.set(document().title());
                }
                None if tries_left > 0 => focus_heading_when_shown(announcement, tries_left - 1),
                None => {}
            }
        },
        PAUSE,
    );
}
