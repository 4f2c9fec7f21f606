//! `/logget-ud`: where a page goes when it has been left alone for the idle
//! limit (the page's timer with JavaScript, a `<meta http-equiv="refresh">`
//! without), so nothing it showed, a revealed CPR number included, stays on
//! the screen. The page says what happened: signed out, or, when the session
//! is still alive because the user is active in another window, that only
//! this page was closed.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::site::use_site;
use crate::viewer::{use_viewer, Viewer};

/// Where an idle page goes.
pub const SIGNED_OUT_PATH: &str = "/logget-ud";

/// `/logget-ud`.
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let minutes = use_site().map_or(15, |site| site.session_idle_minutes);
    let still_signed_in = use_viewer() != Viewer::Anonymous;
    let (title, text) = if still_signed_in {
        (
            "Siden er lukket",
            format!(
                "Siden blev lukket, fordi den ikke var brugt i {minutes} minutter. Du er stadig logget ind, fordi du har brugt portalen i et andet vindue."
            ),
        )
    } else {
        (
            "Du er logget ud",
            format!(
                "Du er logget ud, fordi du ikke har brugt portalen i {minutes} minutter. Det sker af hensyn til dine oplysninger, hvis du har forladt skærmen."
            ),
        )
    };
    view! {
        <Title text=title/>
        <h1>{title}</h1>
        <p class="font-lead">{text}</p>
        <p><a href="/">"Gå til forsiden"</a></p>
    }
}
