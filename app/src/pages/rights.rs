//! The citizen's data-protection rights, explained in plain language. Shown on the
//! landing page and in the privacy policy.

use leptos::prelude::*;

use crate::i18n::use_lang;

/// Link to the Danish Data Protection Agency, where citizens may complain.
pub const DATATILSYNET_URL: &str = "https://www.datatilsynet.dk";

/// A list of the rights a citizen has towards the municipality (GDPR art. 15–21),
/// the answering deadline, and the right to complain.
#[component]
pub fn RightsList() -> impl IntoView {
    let lang = use_lang();
    let rights = [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "objection",
    ];
    view! {
        <ul>
            {rights.map(|right| view! {
                <li>
                    <strong>{lang.text(&format!("right-{right}"))}</strong>
                    {format!(" – {}", lang.text(&format!("right-{right}-text")))}
                </li>
            })}
        </ul>
        <p>{lang.text("rights-deadline")}</p>
        <p>
            {lang.text("rights-complain")}" "
            <a href=DATATILSYNET_URL>{lang.text("rights-authority")}</a>"."
        </p>
    }
}
