//! "Tilgængelighedserklæring": the accessibility statement required by the
//! Danish web accessibility act (lov nr. 692 af 8. juni 2018).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::use_lang;
use crate::site::{MailLink, WithSite};

/// `/tilgaengelighedserklaering` (in Danish and English).
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=lang.text("a11y-title")/>
        <Meta name="description" content=lang.text("a11y-description")/>
        <div class="row">
            <div class="col-12 col-lg-8">
                <h1>{lang.text("a11y-title")}</h1>
                <WithSite render=move |site| {
                    let who = site.map_or_else(|| lang.text("home-lead-municipality"), |s| s.municipality_name);
                    view! { <p class="font-lead">{lang.text_with("a11y-lead", &[("municipality", who.into())])}</p> }
                }/>
                <p>{lang.text("a11y-scope")}</p>

                <h2>{lang.text("a11y-status-heading")}</h2>
                <p>{lang.text("a11y-status")}</p>

                <h2>{lang.text("a11y-built-heading")}</h2>
                <ul>
                    {["a11y-built-dkfds", "a11y-built-no-js", "a11y-built-keyboard", "a11y-built-charts"]
                        .map(|key| view! { <li>{lang.text(key)}</li> })}
                </ul>

                <h2>{lang.text("a11y-known-heading")}</h2>
                <p>{lang.text("a11y-known")}</p>

                <h2>{lang.text("a11y-contact-heading")}</h2>
                <WithSite render=move |site| site.map(|site| {
                    view! {
                        <p>
                            {lang.text("a11y-contact")}" "
                            <MailLink address=site.contact_email/>
                            ". "{lang.text("a11y-contact-answer")}
                        </p>
                    }
                })/>

                <h2>{lang.text("a11y-complain-heading")}</h2>
                <p>{lang.text("a11y-complain")}" "<a href="https://digst.dk">"digst.dk"</a>"."</p>

                <h2>{lang.text("a11y-about-heading")}</h2>
                <p>{lang.text("a11y-about")}</p>
            </div>
        </div>
    }
}
