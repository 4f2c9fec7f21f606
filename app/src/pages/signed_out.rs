//! `/logget-ud`: where a page goes when it has been left alone for the idle
//! limit (the page's timer with JavaScript, a `<meta http-equiv="refresh">`
//! without), so nothing it showed, a revealed CPR number included, stays on
//! the screen. The page says what happened: signed out, or, when the session
//! is still alive because the user is active in another window, that only
//! this page was closed.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::use_lang;
use crate::site::use_site;
use crate::viewer::{use_viewer, Viewer};

/// Where an idle page goes.
pub const SIGNED_OUT_PATH: &str = "/logget-ud";

/// `/logget-ud` (in Danish and English).
#[component]
pub fn SignedOutPage() -> impl IntoView {
    let lang = use_lang();
    let minutes = use_site().map_or(15, |site| site.session_idle_minutes);
    let still_signed_in = use_viewer() != Viewer::Anonymous;
    let (title, text) = if still_signed_in {
        ("signed-out-closed-title", "signed-out-closed-text")
    } else {
        ("signed-out-title", "signed-out-text")
    };
    let title = lang.text(title);
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p class="font-lead">{lang.text_with(text, &[("minutes", minutes.into())])}</p>
        <p><a href="/">{lang.text("signed-out-front")}</a></p>
    }
}
